// Checklist patterns run on a linear-time engine (server/src/core/patterns.ts): patterns that backtrack without
// end in JavaScript are either refused when the checklist is loaded or run in linear time; the others match as
// JavaScript's RegExp with the flags 'iu' does.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUILT_IN_CHECKLISTS, validateChecklist } from '../../server/src/core/checklist';
import { checklistPattern, MAX_PROGRAM_SIZE, patternProblem } from '../../server/src/core/patterns';
import { ConfigError, resolveConfig } from '../../server/src/core/config';
import { lintText } from '../../server/src/core/lint';
import type { Checklist } from '../../server/src/core/types';
import { makeTree, FLAWED_GTM } from '../../tools/tmp';

const ms = (t0: number) => performance.now() - t0;

const withPatterns = (patterns: string[]): Checklist => {
  const base = structuredClone(BUILT_IN_CHECKLISTS.find((c) => c.type === 'gtm-brief')!) as Checklist;
  base.elements.find((e) => e.id === 'pricing_packaging')!.checks = [{ kind: 'contains', patterns, reason: { en: 'Name a price.', zh: '写明价格。' } }];
  return base;
};

/** Patterns that take exponential (or high polynomial) time in JavaScript on the text beside them. */
const ATTACKS: Array<[string, string]> = [
  ['(a+){2,000000000000000000000100}b', 'a'.repeat(50_000)],
  ['.*a.*a.*a.*a.*a.*a.*a.*a.*a.*a.*a.*a!', 'a'.repeat(50_000)],
  ['(a|a)*b', 'a'.repeat(50_000)],
  ['(\\w+\\s?)*$', 'word '.repeat(10_000) + '!'],
  ['(a+)+$', 'a'.repeat(50_000) + '!'],
  ['((a+)+)+b', 'a'.repeat(50_000)],
  ['(a*)*b', 'a'.repeat(50_000)],
  ['^(a|aa)+$', 'a'.repeat(50_000) + '!'],
  ['(.*a){20}!', 'a'.repeat(50_000)],
  ['(?:a?){30}a{30}', 'a'.repeat(29) + 'b'.repeat(50_000)],
  ['(x+x+)+y', 'x'.repeat(50_000)],
  ['\\d+\\s*(元|美元|usd|eur)', '1'.repeat(50_000)],
  ['(?:[a-z]+\\s?){1,50}!', 'ab '.repeat(16_000)],
  ['a[ab]{100}c', Array.from({ length: 50_000 }, (_, i) => ((i * 7919) % 13 < 6 ? 'a' : 'b')).join('')],
];

describe('checklist patterns cannot hang the linter', () => {
  it('backtracking shapes run in linear time on a 50,000-character adversarial line (< 1 s each)', () => {
    for (const [p, line] of ATTACKS) {
      assert.equal(patternProblem(p), null, p);
      const re = checklistPattern(p);
      let t0 = performance.now();
      re.test(line);
      assert.ok(ms(t0) < 1000, `${p}: test ${Math.round(ms(t0))} ms`);
      t0 = performance.now();
      re.exec(line);
      assert.ok(ms(t0) < 1000, `${p}: exec ${Math.round(ms(t0))} ms`);
    }
  });

  it('and through the whole linter: a pricing section that nearly matches is linted quickly', () => {
    const tree = makeTree({
      '.pmmlintrc.json': '{ "checklists": ["./launch.json"] }',
      'launch.json': JSON.stringify({
        type: 'gtm-brief',
        elements: [{ id: 'pricing_packaging', checks: [{ kind: 'contains', patterns: ATTACKS.map(([p]) => p), reason: { en: 'Name a price.', zh: '写明价格。' } }] }],
      }),
    });
    try {
      const file = path.join(tree.dir, 'alerts-gtm.md');
      const config = resolveConfig(file);
      const t0 = performance.now();
      const r = lintText(FLAWED_GTM + '\n## Pricing & packaging\n\n' + 'a'.repeat(50_000) + '!\n', { filePath: file, config });
      assert.equal(r.docType, 'gtm-brief');
      assert.ok(ms(t0) < 10_000, `${Math.round(ms(t0))} ms`);
    } finally {
      tree.cleanup();
    }
  });

  it('what RE2 cannot run is refused when the checklist is loaded, naming the pattern and why', () => {
    const refused: Array<[string, RegExp]> = [
      ['(?<=\\$)\\d+', /lookarounds and backreferences are not supported/],
      ['(?<!x)y', /lookarounds and backreferences are not supported/],
      ['\\d+(?=%)', /lookarounds and backreferences are not supported/],
      ['(?!no)\\w+', /lookarounds and backreferences are not supported/],
      ['(a)\\1x', /lookarounds and backreferences are not supported/],
      ['(?<q>a)\\k<q>', /lookarounds and backreferences are not supported/],
      // Huge counted repetition: linear, but with a constant too large to be fast.
      ['(a+){2,1000}b', /compiles to \d+ instructions, more than the 500/],
      ['a{1001}', /repeats at most 1000 times/],
      ['x{99999999999999999999}', /repeats at most 1000 times/],
      ['((a{100}){100}){100}', /repeats at most 1000 times in all/],
      ['[\\s\\S]{0,600}x', /more than the 500/],
      ['\\p{Alphabetic}', /does not support the Unicode property/],
      ['a'.repeat(1001), /1001 characters long; at most 1000/],
      ['(unclosed', /invalid regular expression/],
    ];
    for (const [p, why] of refused) {
      const t0 = performance.now();
      const errors = validateChecklist(withPatterns(['\\d+%', p]));
      assert.ok(ms(t0) < 1000, `${p}: ${Math.round(ms(t0))} ms`);
      assert.equal(errors.length, 1, `${p}: ${JSON.stringify(errors)}`);
      assert.ok(errors[0].startsWith(`/elements/pricing_packaging: pattern '${p.length > 120 ? p.slice(0, 100) + '…' : p}`), errors[0]);
      assert.match(errors[0], why, p);
      assert.match(errors[0], /pmm-lint runs checklist patterns on a linear-time engine|invalid regular expression|characters long/);
    }
    assert.match(validateChecklist(withPatterns(['(?<=x)y']))[0], /^\/elements\/pricing_packaging: pattern '\(\?<=x\)y' cannot be used: pmm-lint runs checklist patterns on a linear-time engine: lookarounds and backreferences are not supported$/);
  });

  it('phrases and variant patterns are checked the same way', () => {
    const list = structuredClone(BUILT_IN_CHECKLISTS.find((c) => c.type === 'positioning')!) as Checklist;
    list.elements.find((e) => e.id === 'market_category')!.vocabulary!.phrases = ['(?<=is a )platform'];
    assert.match(validateChecklist(list).join('\n'), /\/elements\/market_category: pattern '\(\?<=is a \)platform' cannot be used: .*lookarounds/);
    const persona = structuredClone(BUILT_IN_CHECKLISTS.find((c) => c.type === 'persona')!) as Checklist;
    persona.variants![0].contains = ['(\\w)\\1'];
    assert.match(validateChecklist(persona).join('\n'), /\/variants\/icp-scoring: pattern '\(\\w\)\\1' cannot be used: .*backreferences/);
  });

  it('a workspace checklist with a lookbehind is a config error naming the file and the pattern', () => {
    const tree = makeTree({
      '.pmmlintrc.json': '{ "checklists": ["./launch.json"] }',
      'launch.json': JSON.stringify({ type: 'gtm-brief', elements: [{ id: 'pricing_packaging', checks: [{ kind: 'contains', patterns: ['(?<!\\$)\\d+'], reason: { en: 'x', zh: 'x' } }] }] }),
    });
    try {
      assert.throws(
        () => resolveConfig(path.join(tree.dir, 'a.md')),
        (e: unknown) => e instanceof ConfigError && e.file.endsWith('launch.json') && /pattern '\(\?<!\\\$\)\\d\+' cannot be used: pmm-lint runs checklist patterns on a linear-time engine: lookarounds/.test(e.detail),
      );
    } finally {
      tree.cleanup();
    }
  });

  it('every built-in pattern compiles, well under the size limit', () => {
    const all = BUILT_IN_CHECKLISTS.flatMap((c) => [
      ...c.elements.flatMap((e) => [...(e.checks ?? []).flatMap((k) => (k.kind === 'contains' ? k.patterns : [])), ...(e.vocabulary?.phrases ?? [])]),
      ...(c.variants ?? []).flatMap((v) => v.contains ?? []),
    ]);
    assert.ok(all.length >= 25, String(all.length));
    for (const p of all) assert.equal(patternProblem(p), null, p);
    for (const c of BUILT_IN_CHECKLISTS) assert.deepEqual(validateChecklist(c), [], c.type);
    assert.ok(MAX_PROGRAM_SIZE >= 500);
  });
});

describe('checklist patterns match as JavaScript does (flags iu)', () => {
  const agree = (p: string, s: string) => {
    const js = new RegExp(p, 'iu');
    const ours = checklistPattern(p);
    const a = js.exec(s);
    const b = ours.exec(s);
    assert.equal(ours.test(s), js.test(s), `${p} test on ${JSON.stringify(s)}`);
    assert.equal(b?.index, a?.index, `${p} index on ${JSON.stringify(s)}`);
    return { a, b };
  };

  it('built-in patterns on the example and evaluation documents: same matches, same places', () => {
    const texts: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.md')) texts.push(fs.readFileSync(p, 'utf8'));
      }
    };
    walk(path.join(__dirname, '..', '..', 'examples'));
    walk(path.join(__dirname, '..', 'eval'));
    const pieces = texts.flatMap((t) => t.split(/\n\s*\n/));
    const all = BUILT_IN_CHECKLISTS.flatMap((c) => [
      ...c.elements.flatMap((e) => [...(e.checks ?? []).flatMap((k) => (k.kind === 'contains' ? k.patterns : [])), ...(e.vocabulary?.phrases ?? [])]),
      ...(c.variants ?? []).flatMap((v) => v.contains ?? []),
    ]);
    let matched = 0;
    for (const p of all) {
      for (const s of pieces) {
        const { a, b } = agree(p, s);
        if (a) {
          matched++;
          assert.equal(b!.text, a[0], `${p} on ${JSON.stringify(s.slice(0, 80))}`);
        }
      }
    }
    assert.ok(matched > 200, String(matched));
  });

  it('where the engines differ by default, the translation keeps JavaScript\'s meaning', () => {
    const cases: Array<[string, string[]]> = [
      ['\\d{4}\\s*年', ['2024\u3000年', '2024\u00a0年', '2024 年', '2024年']],
      ['a\\sb', ['a\u2028b', 'a\u3000b', 'a\tb', 'a\u000bb', 'a\ufeffb', 'a\u200bb']],
      ['a.b', ['a\nb', 'a\rb', 'a\u2028b', 'a\u2029b', 'a b', 'a😀b']],
      ['a[^]b', ['a\nb', 'a😀b']],
      ['a[]b', ['ab', 'a b']],
      ['a{2,0003}b', ['aab', 'aaab', 'aaaab', 'ab']],
      ['\\u0041\\u{1F600}\\x42\\cJ\\0', ['a😀b\n\0', 'A😀B\n\0']],
      ['\\uD83D\\uDE00', ['😀']],
      ['\\p{Script=Han}+', ['abc 中文', 'abc']],
      ['\\p{sc=Hani}\\p{Lu}', ['中a', '中1']],
      ['\\P{Ll}', ['a', '1', 'ß']],
      ['[^\\P{Ll}]', ['a', 'A', '1']],
      ['\\p{General_Category=Letter}\\P{ASCII}', ['aé', 'ab']],
      ['[\\s\\d]x', ['\u3000x', '5x', 'ax']],
      ['[^\\s]x', ['\u3000x', 'ax']],
      ['[\\S]x', ['\u00a0x', 'ax']],
      ['(?<year>\\d{4})-(?:Q[1-4])', ['2024-q3', '2024-Q5']],
      ['[\\b]', ['\b', 'b']],
      ['[\\-\\]\\[^]+', ['-][^', 'x']],
      ['^b|c$', ['a\nb', 'c\na', 'b', 'xc']],
      ['σ', ['Σ', 'ς']],
      ['ß', ['ẞ']],
      ['\\w+', ['ſ', 'K']],
      ['\\bwin\\b', ['we WIN deals', 'winning', '赢win单']],
    ];
    for (const [p, texts] of cases) {
      assert.equal(patternProblem(p), null, p);
      for (const s of texts) agree(p, s);
    }
  });

  it('generated patterns and texts: the same answer and the same place (3,000 patterns)', () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)];
    // Not ſ and the Kelvin sign, which JavaScript's \b counts as word characters under 'iu' and RE2 does not.
    const chars = ['a', 'A', 'b', 's', 'S', ' ', '\u3000', '\u00a0', '\n', '\r', '\u2028', '1', '9', '中', '文', '😀', '-', '.', 'é', 'É', '_', '%', 'ß', 'σ', 'ς', 'Σ'];
    const atoms = ['a', 'b', 'S', 'é', '中', '😀', '\\s', '\\S', '\\d', '\\D', '\\w', '\\W', '.', '[a-c]', '[^a]', '[\\s\\d]', '[^\\s]', '\\u0041', '\\u{1F600}', '\\x41', '\\.', '[-a]', '\\p{L}', '\\p{Lu}', '\\P{Ll}', '\\p{Script=Han}', '[^]', '\\p{Any}', '(?<n>a)', '\\cJ', '[^\\P{Ll}]', '\\p{General_Category=Letter}', '[\\W\\d]'];
    const quantifiers = ['', '', '', '*', '+', '?', '{2}', '{0,2}', '{1,}', '*?', '+?', '{001,02}'];
    const gen = (depth: number): string => {
      let out = '';
      for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) {
        if (rnd() < 0.1) out += pick(['\\b', '^', '$']);
        else out += (depth > 0 && rnd() < 0.25 ? `(?:${gen(depth - 1)}${rnd() < 0.4 ? '|' + gen(depth - 1) : ''})` : pick(atoms)) + pick(quantifiers);
      }
      return out;
    };
    let checked = 0;
    for (let k = 0; k < 3000; k++) {
      const p = gen(2);
      try {
        new RegExp(p, 'iu');
      } catch {
        continue;
      }
      for (let t = 0; t < 8; t++) {
        agree(p, Array.from({ length: Math.floor(rnd() * 8) }, () => pick(chars)).join(''));
        checked++;
      }
    }
    assert.ok(checked > 15_000, String(checked));
  });
});
