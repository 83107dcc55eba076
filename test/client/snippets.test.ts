import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_IN_CHECKLISTS } from '../../server/src/core/checklist';
import { checkPositioningStatement } from '../../server/src/core/elements';
import { lintText } from '../../server/src/core/lint';
import { parseDocumentModel } from '../../server/src/core/parse';
import { findPlaceholders } from '../../server/src/core/placeholders';

// The VS Code snippets (snippets/pmm.{en,zh}.code-snippets) and the placeholder grammar
// (syntaxes/pmm-placeholders.tmLanguage.json), checked against the engine they are meant to agree with.

const ROOT = join(__dirname, '..', '..');
const LANGS = ['en', 'zh'] as const;
type Lang = (typeof LANGS)[number];

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

function readSnippets(lang: Lang): Record<string, Snippet> {
  return JSON.parse(readFileSync(join(ROOT, 'snippets', `pmm.${lang}.code-snippets`), 'utf8'));
}

const SNIPPETS: Record<Lang, Record<string, Snippet>> = { en: readSnippets('en'), zh: readSnippets('zh') };
const TYPES = BUILT_IN_CHECKLISTS.map((c) => c.type);
const prefixFor = (lang: Lang, key: string) => (lang === 'en' ? `pmm-${key}` : `pmm-zh-${key}`);
const byPrefix = (lang: Lang, prefix: string) => Object.values(SNIPPETS[lang]).find((s) => s.prefix === prefix);

// ---- A small reader of VS Code's snippet syntax ---------------------------------------------------------

/** The values the expansion uses for VS Code's variables (a fixed date keeps the result stable). */
const VARIABLES: Record<string, string> = { CURRENT_YEAR: '2026', CURRENT_MONTH: '05', CURRENT_DATE: '01' };

type Node =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number }
  | { kind: 'placeholder'; index: number; children: Node[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children: Node[] | null };

/** Parses a snippet body (https://code.visualstudio.com/docs/editing/userdefinedsnippets#_grammar); throws on a syntax error. */
function parseSnippet(src: string): Node[] {
  let i = 0;
  const fail = (msg: string): never => {
    throw new Error(`${msg} at ${i}: ${JSON.stringify(src.slice(Math.max(0, i - 20), i + 20))}`);
  };
  const readInt = () => {
    const m = /^\d+/.exec(src.slice(i));
    if (!m) return null;
    i += m[0].length;
    return Number(m[0]);
  };
  const readName = () => {
    const m = /^[_a-zA-Z][_a-zA-Z0-9]*/.exec(src.slice(i));
    if (!m) return null;
    i += m[0].length;
    return m[0];
  };
  // Reads nodes until an unescaped '}' when nested (which it consumes), or the end.
  const readNodes = (nested: boolean): Node[] => {
    const nodes: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (i < src.length) {
      const c = src[i];
      if (c === '\\' && i + 1 < src.length && '$}\\'.includes(src[i + 1])) {
        text += src[i + 1];
        i += 2;
      } else if (c === '}' && nested) {
        i++;
        flush();
        return nodes;
      } else if (c === '$') {
        const start = i;
        i++;
        let n: number | null;
        let name: string | null;
        if ((n = readInt()) !== null) {
          flush();
          nodes.push({ kind: 'tabstop', index: n });
        } else if ((name = readName()) !== null) {
          flush();
          nodes.push({ kind: 'variable', name, children: null });
        } else if (src[i] === '{') {
          i++;
          flush();
          if ((n = readInt()) !== null) {
            if (src[i] === '}') {
              i++;
              nodes.push({ kind: 'tabstop', index: n });
            } else if (src[i] === ':') {
              i++;
              nodes.push({ kind: 'placeholder', index: n, children: readNodes(true) });
            } else if (src[i] === '|') {
              i++;
              const options: string[] = [];
              let opt = '';
              for (;;) {
                if (i >= src.length) fail('unterminated choice');
                const d = src[i];
                if (d === '\\' && ',|\\$}'.includes(src[i + 1] ?? '')) {
                  opt += src[i + 1];
                  i += 2;
                } else if (d === ',') {
                  options.push(opt);
                  opt = '';
                  i++;
                } else if (d === '|' && src[i + 1] === '}') {
                  options.push(opt);
                  i += 2;
                  break;
                } else {
                  opt += d;
                  i++;
                }
              }
              nodes.push({ kind: 'choice', index: n, options });
            } else fail('bad tab stop');
          } else if ((name = readName()) !== null) {
            if (src[i] === '}') {
              i++;
              nodes.push({ kind: 'variable', name, children: null });
            } else if (src[i] === ':') {
              i++;
              nodes.push({ kind: 'variable', name, children: readNodes(true) });
            } else fail('bad variable');
          } else fail('bad ${');
        } else {
          text += src.slice(start, i);
        }
      } else {
        text += c;
        i++;
      }
    }
    if (nested) fail('unterminated ${');
    flush();
    return nodes;
  };
  return readNodes(false);
}

function walk(nodes: Node[], visit: (n: Node) => void): void {
  for (const n of nodes) {
    visit(n);
    if ((n.kind === 'placeholder' || n.kind === 'variable') && n.children) walk(n.children, visit);
  }
}

/** The text a snippet inserts when every tab stop keeps its default: the default text, a choice's first option, $n -> ''. */
function expand(nodes: Node[]): string {
  return nodes
    .map((n) => {
      switch (n.kind) {
        case 'text':
          return n.value;
        case 'tabstop':
          return '';
        case 'placeholder':
          return expand(n.children);
        case 'choice':
          return n.options[0];
        case 'variable':
          if (n.name in VARIABLES) return VARIABLES[n.name];
          throw new Error(`unknown snippet variable $${n.name}`);
      }
    })
    .join('');
}

const render = (s: Snippet) => expand(parseSnippet(s.body.join('\n')));

/** The text of the first option, or the placeholder's own default, for each tab stop number. */
function tabStopDefaults(nodes: Node[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  walk(nodes, (n) => {
    if (n.kind === 'placeholder' || n.kind === 'choice' || n.kind === 'tabstop') {
      const list = out.get(n.index) ?? [];
      list.push(n.kind === 'placeholder' ? 'p:' + expand(n.children) : n.kind === 'choice' ? 'c:' + n.options.join(',') : 't:');
      out.set(n.index, list);
    }
  });
  return out;
}

// ---- Snippet files ----------------------------------------------------------------------------------------

describe('snippet files', () => {
  for (const lang of LANGS) {
    it(`${lang}: every snippet has a pmm prefix, a description and a body of strings that parses`, () => {
      const entries = Object.entries(SNIPPETS[lang]);
      assert.ok(entries.length >= TYPES.length + 5, `${lang}: only ${entries.length} snippets`);
      const prefixes = new Set<string>();
      for (const [name, s] of entries) {
        assert.equal(typeof s.prefix, 'string', name);
        assert.match(s.prefix, lang === 'en' ? /^pmm-(?!zh-)[a-z0-9-]+$/ : /^pmm-zh-[a-z0-9-]+$/, name);
        assert.ok(!prefixes.has(s.prefix), `${lang}: duplicate prefix ${s.prefix}`);
        prefixes.add(s.prefix);
        assert.ok(typeof s.description === 'string' && s.description.length > 0, `${name}: description`);
        if (lang === 'zh') assert.match(s.description, /[\u4e00-\u9fff]/u, `${name}: description in Chinese`);
        assert.ok(Array.isArray(s.body) && s.body.length > 0 && s.body.every((l) => typeof l === 'string'), `${name}: body`);
        const nodes = parseSnippet(s.body.join('\n'));
        assert.doesNotThrow(() => expand(nodes), name);
        // Tab stops that share a number mirror each other: they must agree on their default.
        for (const [index, defaults] of tabStopDefaults(nodes)) {
          const real = defaults.filter((d) => d !== 't:');
          assert.ok(new Set(real).size <= 1, `${name}: tab stop ${index} has different defaults ${JSON.stringify(real)}`);
        }
      }
    });
  }

  it('every bracketed default ([...] or 【...】) is a placeholder the linter reports, so a forgotten one is caught', () => {
    for (const lang of LANGS) {
      for (const [name, s] of Object.entries(SNIPPETS[lang])) {
        walk(parseSnippet(s.body.join('\n')), (n) => {
          if (n.kind !== 'placeholder') return;
          const text = expand(n.children);
          if (!/^[[【]/u.test(text)) return;
          const model = parseDocumentModel(`Text ${text} end.\n`);
          assert.deepEqual(findPlaceholders(model.text, model.root).map((h) => h.text), [text], `${lang} ${name}`);
        });
      }
    }
  });

  it('English and Chinese offer the same snippets (pmm-x and pmm-zh-x)', () => {
    const en = Object.values(SNIPPETS.en).map((s) => s.prefix.replace(/^pmm-/, '')).sort();
    const zh = Object.values(SNIPPETS.zh).map((s) => s.prefix.replace(/^pmm-zh-/, '')).sort();
    assert.deepEqual(zh, en);
    for (const key of ['moore', 'metrics', 'channels', 'objection', 'persona-card', 'launch-tier', 'risks']) assert.ok(en.includes(key), key);
  });
});

// ---- Whole-document templates ---------------------------------------------------------------------------------

describe('document templates', () => {
  for (const checklist of BUILT_IN_CHECKLISTS) {
    for (const lang of LANGS) {
      const type = checklist.type;
      it(`${lang} ${type}: front matter, then every element's canonical heading in checklist order`, () => {
        const snippet = byPrefix(lang, prefixFor(lang, type));
        assert.ok(snippet, `no ${prefixFor(lang, type)} snippet`);
        const lines = snippet.body;
        assert.deepEqual(lines.slice(0, 2), ['---', `type: ${type}`]);
        assert.match(lines[2], /^owner: ?(\$\d+|\$\{\d+(:[^}]*)?\})?$/u);
        // The status choices are in the template's language (the front-matter rule takes any status value).
        assert.match(lines[3], lang === 'en' ? /^status: \$\{\d+\|draft,in-review,approved\|\}$/u : /^status: \$\{\d+\|草稿,评审中,已批准\|\}$/u);
        assert.equal(lines[4], 'updated: $CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE');
        assert.equal(lines[5], '---');
        const text = render(snippet);
        const h1 = text.split('\n').filter((l) => /^# /.test(l));
        assert.equal(h1.length, 1, 'one level-1 title');
        assert.match(snippet.body.find((l) => /^# /.test(l)) ?? '', /\$\{\d+[:|]/u, 'the title has a tab stop');
        const h2 = text.split('\n').filter((l) => /^## /.test(l)).map((l) => l.slice(3));
        assert.deepEqual(h2, checklist.elements.map((e) => e.headings[lang][0]));
      });

      it(`${lang} ${type}: with its defaults filled in, the engine finds the type and every required element`, () => {
        const text = render(byPrefix(lang, prefixFor(lang, type))!);
        const result = lintText(text);
        assert.equal(result.docType, type);
        const required = result.findings.filter((f) => f.ruleId === 'required-element');
        assert.deepEqual(required.map((f) => f.elementId), []);
        assert.deepEqual(result.elements.filter((e) => e.status === 'missing').map((e) => e.id), []);
        assert.ok(!result.findings.some((f) => f.ruleId === 'front-matter' && f.severity === 'error'), 'front matter is valid');
        // An untouched template must not pass for a finished document: each required element holds a placeholder.
        const complete = result.elements.filter((e) => e.required && e.status === 'complete').map((e) => e.id);
        assert.deepEqual(complete, [], 'required elements complete before anything was filled in');
        assert.ok(result.findings.some((f) => f.ruleId === 'placeholder'));
        // Written in the template's language.
        assert.equal(result.analysis?.docLanguage, lang);
      });

      it(`${lang} ${type}: without its front matter, the headings alone still name the type`, () => {
        const text = render(byPrefix(lang, prefixFor(lang, type))!);
        const body = text.slice(text.indexOf('\n---\n') + 5);
        assert.equal(lintText(body, { filePath: 'notes.md' }).docType, type);
      });
    }
  }
});

// ---- Element snippets ---------------------------------------------------------------------------------------------

describe('element snippets', () => {
  it('the Moore statement fills every slot the positioning-statement check looks for', () => {
    for (const lang of LANGS) {
      const text = render(byPrefix(lang, prefixFor(lang, 'moore'))!);
      // Filled in (the template's [slots] replaced by words), the structure has every slot; left as it is, the
      // slots are template slots and the check says so.
      const filled = text.replace(/\[([^\]]+)\]/g, '$1').replace(/【(?:待补充：)?([^】]+)】/g, '$1');
      assert.deepEqual(checkPositioningStatement(filled, [], { start: 0, end: 0 }), [], lang);
      assert.ok(checkPositioningStatement(text, [], { start: 0, end: 0 }).length > 0, lang);
    }
    assert.match(render(byPrefix('en', 'pmm-moore')!), /^For .+ who .+, the .+ is a .+ that .+\. Unlike .+, our product .+\.$/u);
    assert.match(render(byPrefix('zh', 'pmm-zh-moore')!), /^针对.+，他们需要.+是一款.+，能够.+。与.+不同，.+。$/u);
  });

  it('the tables have the agreed columns', () => {
    assert.match(render(byPrefix('en', 'pmm-metrics')!), /^\| Metric \| Baseline \| Target \| By date \| Owner \|/u);
    assert.match(render(byPrefix('en', 'pmm-channels')!), /^\| Channel \| Asset \| Date \| Owner \| CTA \|/u);
    assert.match(render(byPrefix('zh', 'pmm-zh-metrics')!), /^\| 指标 \| 基线 \| 目标值 \| 截止日期 \| 负责人 \|/u);
    assert.match(render(byPrefix('zh', 'pmm-zh-channels')!), /^\| 渠道 \| 素材 \| 日期 \| 负责人 \| 行动号召 \|/u);
  });

  it('the Chinese table snippets name every column in their description, listed with 、', () => {
    for (const key of ['metrics', 'channels', 'requirements']) {
      const snippet = byPrefix('zh', prefixFor('zh', key))!;
      const header = render(snippet).split('\n')[0].split('|').map((c) => c.trim()).filter(Boolean);
      const listed = snippet.description.slice(snippet.description.indexOf('：') + 1).split('、');
      assert.equal(listed.length, header.length, snippet.description);
    }
  });

  it('the launch tier offers Tier 1-4 as a choice', () => {
    const nodes = parseSnippet(byPrefix('en', 'pmm-launch-tier')!.body.join('\n'));
    const choices: string[][] = [];
    walk(nodes, (n) => n.kind === 'choice' && choices.push(n.options));
    assert.deepEqual(choices[0], ['Tier 1', 'Tier 2', 'Tier 3', 'Tier 4']);
  });

  it('a persona card under a persona front matter names every required persona element', () => {
    for (const lang of LANGS) {
      const card = render(byPrefix(lang, prefixFor(lang, 'persona-card'))!);
      const doc = `---\ntype: persona\nowner: x\nstatus: draft\nupdated: 2026-05-01\n---\n\n${card}`;
      const result = lintText(doc);
      assert.equal(result.docType, 'persona', lang);
      assert.deepEqual(result.findings.filter((f) => f.ruleId === 'required-element').map((f) => f.elementId), [], lang);
    }
  });

  it('a gtm brief built from the element snippets under the canonical headings is complete in structure', () => {
    for (const lang of LANGS) {
      const gtm = BUILT_IN_CHECKLISTS.find((c) => c.type === 'gtm-brief')!;
      const part = (key: string) => render(byPrefix(lang, prefixFor(lang, key))!);
      const bodies: Record<string, string> = {
        launch_tier: part('launch-tier'),
        channels: part('channels'),
        timeline: part('timeline'),
        success_metrics: part('metrics'),
        owners: part('owners'),
        risks_rollback: part('risks'),
      };
      const sections = gtm.elements.map((e) => `## ${e.headings[lang][0]}\n\n${bodies[e.id] ?? e.skeleton?.[lang] ?? ''}\n`);
      const result = lintText(`---\ntype: gtm-brief\n---\n\n# x\n\n${sections.join('\n')}`);
      assert.deepEqual(result.elements.filter((e) => e.status === 'missing').map((e) => e.id), [], lang);
    }
  });
});

// ---- Placeholder grammar ------------------------------------------------------------------------------------------

interface GrammarRule {
  match: string;
  name: string;
  comment?: string;
}

const GRAMMAR = JSON.parse(readFileSync(join(ROOT, 'syntaxes', 'pmm-placeholders.tmLanguage.json'), 'utf8')) as {
  scopeName: string;
  injectionSelector: string;
  patterns: Array<{ include: string }>;
  repository: Record<string, GrammarRule>;
};

/** Per repository rule: text it must highlight (the whole string) and text it must leave alone. */
const SAMPLES: Record<string, { hit: string[]; miss: string[] }> = {
  'zh-bracketed': { hit: ['【待补充】', '【待定：日期】', '【负责人待确认】'], miss: ['【重要】'] },
  'zh-word': { hit: ['待定', '待补充', '待确认', '待完善', '待填写', '某某'], miss: ['待完成任务'] },
  'template-var': { hit: ['{{company}}', '{{ product_name }}'], miss: ['{{}}'] },
  'brace-var': { hit: ['{Company}', '{公司名}', '{product name}'], miss: ['\\frac{a}', 'f{x}(y)', '{1}'] },
  bracketed: { hit: ['[Insert customer quote]', '[Your company]', '[Name the competitor]', '[TBD]', '[date, YYYY-MM-DD]'], miss: ['[Insert logo](https://x.test)', '[x] done', '[Named accounts]'] },
  tbd: { hit: ['TBD', 'tbd', 'TBA', 'TBC'], miss: ['TBDs', 'OUTBD'] },
  todo: { hit: ['TODO', 'FIXME', 'TBH'], miss: ['TODOS', 'todo'] },
  xxx: { hit: ['XX', 'XXX', 'XXXX'], miss: ['XXL', 'X'] },
  lorem: { hit: ['lorem ipsum', 'Lorem Ipsum'], miss: ['lorem'] },
  'stub-item': { hit: ['...', '…', 'Placeholder', 'description', 'n/a?'], miss: ['details matter'] },
};

const compileRule = (rule: GrammarRule) => new RegExp(rule.match, 'gu');

/** Where a rule's regex matches in a line, as TextMate would look for it (each line on its own). */
function sampleLine(key: string, sample: string): string {
  return key === 'stub-item' ? `- ${sample}` : `Owner: ${sample} today`;
}

/** TextMate's scan over one line: at each position the earliest match of any rule wins, ties go to the first rule. */
function highlight(line: string): string[] {
  const rules = GRAMMAR.patterns.map((p) => compileRule(GRAMMAR.repository[p.include.replace(/^#/, '')]));
  const out: string[] = [];
  let pos = 0;
  for (;;) {
    let best: RegExpExecArray | null = null;
    for (const re of rules) {
      re.lastIndex = pos;
      const m = re.exec(line);
      if (m && m[0].length > 0 && (!best || m.index < best.index)) best = m;
    }
    if (!best) return out;
    out.push(best[0]);
    pos = best.index + best[0].length;
  }
}

describe('placeholder grammar', () => {
  it('is an injection grammar for Markdown with the agreed scope name and selector', () => {
    assert.equal(GRAMMAR.scopeName, 'markdown.pmm.placeholders');
    assert.equal(GRAMMAR.injectionSelector, 'L:text.html.markdown -comment -markup.fenced_code -markup.inline.raw');
    assert.ok(GRAMMAR.patterns.length > 0);
    for (const p of GRAMMAR.patterns) assert.ok(GRAMMAR.repository[p.include.replace(/^#/, '')], p.include);
    assert.deepEqual(Object.keys(GRAMMAR.repository).sort(), Object.keys(SAMPLES).sort(), 'every rule has samples');
  });

  it('every rule compiles as a JavaScript regex, uses no Oniguruma-only syntax and matches its samples', () => {
    for (const [key, rule] of Object.entries(GRAMMAR.repository)) {
      assert.match(rule.name, /^(?:invalid\.illegal|markup|keyword)\..*\.pmm$/u, key);
      assert.ok(rule.comment, `${key}: comment`);
      // \b and \w are Unicode-aware in Oniguruma but ASCII in JavaScript (and in the linter); \h, \A, \z, (?i) and
      // possessive quantifiers do not exist in JavaScript.
      const outsideClasses = rule.match.replace(/\\\\/g, '').replace(/\[(?:\\.|[^\]\\])*\]/gu, 'C');
      assert.doesNotMatch(outsideClasses, /\\[bBhHAzZG]|\(\?[imx]|[+*?}]\+|\\[xu]\{/u, key);
      assert.doesNotMatch(rule.match.replace(/\\\\/g, ''), /\\[wW]/u, key);
      const re = compileRule(rule);
      for (const s of SAMPLES[key].hit) {
        const line = sampleLine(key, s);
        re.lastIndex = 0;
        const found = [...line.matchAll(re)].map((m) => m[0]);
        assert.deepEqual(found, [s], `${key} should highlight ${JSON.stringify(s)} in ${JSON.stringify(line)}`);
      }
      for (const s of SAMPLES[key].miss) {
        const line = sampleLine(key, s);
        assert.deepEqual([...line.matchAll(re)].map((m) => m[0]), [], `${key} should leave ${JSON.stringify(line)} alone`);
      }
    }
  });

  it('highlights what the linter reports as a placeholder, and nothing else', () => {
    const lines = [
      'Launch date: TBD, owner TODO.',
      'Pricing: 待定，负责人【待确认】，XX公司。',
      'Hello {{first_name}}, welcome to {Company} and [Insert product name] today.',
      'See [the docs](https://x.test) and \\{escaped} or f{x}(y); lorem ipsum dolor.',
      '目标客户：【待补充：目标客户】，某某银行。',
      'The XXL size, TBDs and todos are fine; FIXME is not.',
      'Win rate 40% [Target number] by [date, YYYY-MM-DD] (tbc).',
      '- ...',
      '- Placeholder',
      '1. description',
      '- details matter',
      '待完成任务是一个正常的标题。',
    ];
    for (const line of lines) {
      const model = parseDocumentModel(line + '\n');
      const linter = findPlaceholders(model.text, model.root).map((h) => h.text);
      assert.deepEqual(highlight(line), linter, line);
    }
  });

  it('highlights every placeholder default the document templates leave in place', () => {
    for (const lang of LANGS) {
      for (const type of TYPES) {
        const text = render(byPrefix(lang, prefixFor(lang, type))!);
        const body = text.slice(text.indexOf('\n---\n') + 5);
        const model = parseDocumentModel(text);
        const linter = findPlaceholders(model.text, model.root).map((h) => h.text);
        const grammar = body.split('\n').flatMap((l) => highlight(l));
        assert.deepEqual(grammar, linter, `${lang} ${type}`);
      }
    }
  });
});
