// Hostile and broken input, end to end, each case with a time bound: malformed and huge front matter, a YAML
// alias bomb, a 10 MB document, a binary file, NUL bytes, CRLF / lone CR / mixed line endings, 1 MB lines,
// 5,000-deep lists and block quotes, a document of only headings, empty, BOM-only and invalid UTF-8 files; broken,
// empty and wrongly typed config files; checklists with an unknown check kind or a catastrophic pattern. Each gives
// a clear message or a finding, nothing is lost (the other files and rules still report) and nothing hangs.
// The CLI runs as a child process over real files; the language server is spawned over stdio.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { runCli, ROOT } from '../../tools/cli';
import { LspClient, uriOf } from '../../tools/lsp';
import { makeTree, FLAWED_GTM } from '../../tools/tmp';
import { BUILT_IN_CHECKLISTS } from '../../server/src/core/checklist';
import { parseIncrementally } from '../../server/src/core/incremental';
import { lintText } from '../../server/src/core/lint';
import { MAX_TREE_DEPTH, parseMarkdown } from '../../server/src/core/parse';

// The machine that runs the tests has two slow cores: bounds are generous, and still far below a hang.
const RUN_BOUND_MS = 30_000;

const GOOD = fs.readFileSync(path.join(ROOT, 'examples', 'en', 'gtm-brief.good.md'), 'utf8');
const FM = '---\ntype: gtm-brief\nowner: Dana Li\nstatus: draft\nupdated: 2026-11-01\n---\n';
// Known findings: a vague metric (line 6 after the front matter) and a vague date.
const BODY = '\n# Launch\n\n## Success metrics\n\n- Increase adoption\n\n## Timeline\n\n- GA: soon\n\n## Owners\n\n- PMM: Dana Li\n';

function aliasBomb(): string {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 9; i++) {
    const name = String.fromCharCode(97 + i);
    lines.push(`${name}: &${name} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
  }
  return `---\ntype: gtm-brief\n${lines.join('\n')}\n---\n${BODY}`;
}

/** The LF text with line endings LF, CRLF and lone CR in turn (a CR is never followed by an empty line's LF). */
function mixedEndings(lf: string): string {
  const lines = lf.split('\n');
  const last = lines.pop(); // '' after the final LF
  const endings = ['\n', '\r\n', '\r'];
  return lines.map((l, i) => l + (endings[i % 3] === '\r' && lines[i + 1] === '' ? '\n' : endings[i % 3])).join('') + last;
}

const EOL_LF = FM + BODY;
const GTM_HEADINGS = BUILT_IN_CHECKLISTS.find((c) => c.type === 'gtm-brief')!.elements.map((e) => e.headings.en[0]);

/** One file per hostile case (name -> content). */
function hostileFiles(): Record<string, string | Buffer> {
  const deepIndented = Array.from({ length: 1400 }, (_, i) => ' '.repeat(2 * i) + '- item').join('\n').slice(0, 1_500_000);
  return {
    'fm-malformed.md': '---\ntype: gtm-brief\nowner: "Dana\nstatus: draft\n---\n' + BODY,
    'fm-unclosed.md': '---\ntype: gtm-brief\nowner: Dana\n' + BODY,
    'fm-huge.md': `---\ntype: gtm-brief\nnotes: "${'x'.repeat(100_000)}"\n---\n${BODY}`,
    'fm-alias-bomb.md': aliasBomb(),
    // A real 10 MB Markdown document.
    'ten-mb.md': FM + BODY + '\n## Notes\n\n' + 'Filler paragraph with a few words, **bold** and a [link](https://example.com).\n\n'.repeat(140_000),
    // PNG-like bytes with NULs.
    'binary.md': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), Buffer.alloc(4000, 0x07)]),
    // NUL bytes after the first 8 KB: text, so it is linted.
    'nul-late.md': FM + BODY + '\n## Notes\n\n' + 'Padding text line.\n'.repeat(500) + '\nA\u0000B\u0000C and \u0000 again.\n',
    'eol-lf.md': EOL_LF,
    'eol-crlf.md': EOL_LF.replace(/\n/g, '\r\n'),
    'eol-mixed.md': mixedEndings(EOL_LF),
    // A single line of 1 MB of words, and one of 1 MB of digits in a section whose checks look for figures.
    'long-line.md': FM + '\n# Launch\n\n' + 'word '.repeat(210_000) + '\n' + BODY.replace('\n# Launch\n', ''),
    'long-digits.md': FM + BODY + '\n## Pricing & packaging\n\n' + '1'.repeat(1_000_000) + '\n',
    // 5,000 lists on one line, then a list nested by indentation 1,400 levels deep (1.5 MB).
    'deep-lists.md': '---\ntype: positioning\n---\n# A\n\n' + '- '.repeat(5000) + 'deep\n\n' + deepIndented + '\n',
    'deep-quotes.md': '---\ntype: positioning\n---\n# A\n\n' + '> '.repeat(5000) + 'deep\n',
    // Only headings, thousands of them, cycling through a GTM brief's own.
    'headings-only.md': FM + Array.from({ length: 3000 }, (_, i) => `## ${GTM_HEADINGS[i % GTM_HEADINGS.length]}`).join('\n') + '\n',
    'empty.md': '',
    'bom-only.md': Buffer.from([0xef, 0xbb, 0xbf]),
    'invalid-utf8.md': Buffer.concat([Buffer.from(FM + '\n# Launch '), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x90, 0x28, 0xbc]), Buffer.from(BODY.replace('\n# Launch\n', '\n'))]),
  };
}

interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}
interface JsonReport {
  file: string;
  docType: string | null;
  score: number | null;
  elements: unknown[];
  findings: JsonFinding[];
}

const elapsed = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;
const rules = (r: JsonReport) => r.findings.map((f) => f.ruleId);

describe('hostile files through the CLI', { timeout: 180_000 }, () => {
  const files = hostileFiles();
  const tree = makeTree({ ...files, 'good.md': GOOD });
  let run: Awaited<ReturnType<typeof runCli>>;
  let took = 0;
  let byName: Map<string, JsonReport>;
  before(async () => {
    const started = process.hrtime.bigint();
    // Every one of these is linted to the end (the budget, which would stop the slowest on a loaded machine, has
    // its own tests in budget.test.ts).
    run = await runCli(['--format', 'json', '--time-budget', '120000', '.'], { cwd: tree.dir });
    took = elapsed(started);
    byName = new Map((JSON.parse(run.stdout) as JsonReport[]).map((r) => [r.file, r]));
  });
  after(() => tree.cleanup());

  it('finishes in bounded time, without a crash or a stack trace, with exit code 1 (errors found; skipped files are notices)', () => {
    assert.ok(took < RUN_BOUND_MS, `took ${took} ms`);
    assert.doesNotMatch(run.stderr, /internal error|could not be linted|\n\s+at /, run.stderr);
    assert.equal(run.code, 1, run.stderr);
  });

  it('loses nothing: every text file is in the JSON, the binary and the 10 MB file are notices naming them', () => {
    const expected = [...Object.keys(files), 'good.md'].filter((f) => f !== 'binary.md' && f !== 'ten-mb.md').sort();
    assert.deepEqual([...byName.keys()].sort(), expected);
    assert.match(run.stderr, /^binary\.md: skipped, it looks like a binary file\.$/m);
    assert.match(run.stderr, /^ten-mb\.md: skipped, 10\.\d MiB is over the 2\.0 MiB limit \(maxFileSize\)\.$/m);
  });

  it('the good document reports what it reports alone', async () => {
    const alone = await runCli(['--format', 'json', 'good.md'], { cwd: tree.dir });
    assert.equal(alone.code, 0);
    const [report] = JSON.parse(alone.stdout) as JsonReport[];
    assert.deepEqual(byName.get('good.md'), report);
    assert.equal(report.docType, 'gtm-brief');
    assert.equal(report.score, 100);
  });

  it('front matter: malformed, unclosed, over 64 KB and an alias bomb each give a front-matter error, and the body is still linted', () => {
    const cases: Array<[string, RegExp, number]> = [
      ['fm-malformed.md', /^Front matter is not valid YAML: Missing closing "quote/, 3],
      ['fm-unclosed.md', /^Front matter is not closed: add a line '---' after it\.$/, 1],
      ['fm-huge.md', /^Front matter is larger than 64 KB and was not read\.$/, 1],
      ['fm-alias-bomb.md', /^Front matter is not valid YAML: .*alias/i, 1],
    ];
    for (const [file, message, line] of cases) {
      const r = byName.get(file)!;
      const fm = r.findings.find((f) => f.ruleId === 'front-matter' && f.severity === 'error');
      assert.ok(fm, `${file}: ${JSON.stringify(r.findings)}`);
      assert.match(fm.message, message, file);
      assert.equal(fm.line, line, file);
      assert.equal(r.docType, 'gtm-brief', file);
      for (const id of ['vague-metric', 'vague-date']) assert.ok(rules(r).includes(id), `${file}: ${id}`);
    }
  });

  it('CRLF, lone CR and mixed endings: the same findings at the same lines and columns as LF, and no front matter error', () => {
    const lf = byName.get('eol-lf.md')!.findings;
    assert.ok(lf.some((f) => f.ruleId === 'vague-metric' && f.line === 12), JSON.stringify(lf));
    assert.deepEqual(byName.get('eol-crlf.md')!.findings, lf);
    assert.deepEqual(byName.get('eol-mixed.md')!.findings, lf);
    assert.ok(!rules(byName.get('eol-mixed.md')!).includes('front-matter'));
  });

  it('NUL bytes after 8 KB, invalid UTF-8, 1 MB lines of words and of digits: linted, the findings where they belong', () => {
    for (const file of ['nul-late.md', 'invalid-utf8.md', 'long-line.md', 'long-digits.md']) {
      const r = byName.get(file)!;
      assert.equal(r.docType, 'gtm-brief', file);
      for (const id of ['vague-metric', 'vague-date', 'required-element']) assert.ok(rules(r).includes(id), `${file}: ${id}`);
    }
    // After the 1 MB line, lines are still counted right: the vague metric is on the line after it and the body.
    const text = files['long-line.md'] as string;
    const line = text.slice(0, text.indexOf('- Increase adoption')).split('\n').length;
    assert.equal(byName.get('long-line.md')!.findings.find((f) => f.ruleId === 'vague-metric')!.line, line);
  });

  it('5,000-deep lists and block quotes: a notice naming the file and line, and the document is still linted', () => {
    for (const file of ['deep-lists.md', 'deep-quotes.md']) {
      assert.match(run.stderr, new RegExp(`^${file.replace('.', '\\.')}: line 6 is nested too deeply; from there on its nesting was read as plain text\\.$`, 'm'));
      const r = byName.get(file)!;
      assert.equal(r.docType, 'positioning', file);
      assert.ok(rules(r).includes('required-element'), file);
    }
  });

  it('a document of only headings: every section reported empty', () => {
    const r = byName.get('headings-only.md')!;
    assert.equal(r.docType, 'gtm-brief');
    const empty = r.findings.filter((f) => f.ruleId === 'empty-section');
    assert.equal(empty.length, 3000);
    assert.equal(empty[0].message, `Section '${GTM_HEADINGS[0]}' is empty: write its content or remove the heading.`);
    assert.equal(empty[2999].line, 3006);
  });

  it('empty and BOM-only files: reported as Markdown that is not a PMM document, with nothing to say', () => {
    for (const file of ['empty.md', 'bom-only.md']) {
      const r = byName.get(file)!;
      assert.deepEqual({ docType: r.docType, score: r.score, findings: r.findings }, { docType: null, score: null, findings: [] }, file);
    }
  });
});

describe('broken configs through the CLI', { timeout: 60_000 }, () => {
  // Each folder holds a document under its own config; `valid` and `empty` are the ones that still lint.
  const lists = (checks: unknown[]) => JSON.stringify({ type: 'gtm-brief', elements: [{ id: 'pricing_packaging', checks }] });
  const tree = makeTree({
    'bad-json/.pmmlintrc.json': '{\n  "rules": { "placeholder": "off", }\n',
    'empty/.pmmlintrc.yaml': '',
    'wrong-types/.pmmlintrc.json': '{\n  "rules": 5,\n  "checklists": "x",\n  "maxFileSize": "big"\n}\n',
    'yaml-syntax/.pmmlintrc.yaml': 'rules:\n  placeholder: off\n   vague-date: off\n',
    'unknown-kind/.pmmlintrc.json': '{ "checklists": ["./lists/launch.json"] }\n',
    'unknown-kind/lists/launch.json': '{\n  "type": "gtm-brief",\n  "elements": [\n    { "id": "owners", "checks": [ { "kind": "magic" } ] }\n  ]\n}\n',
    'not-json/.pmmlintrc.json': '{ "checklists": ["./lists/launch.json"] }\n',
    'not-json/lists/launch.json': 'this is: [not json\n',
    'extends-missing/.pmmlintrc.json': '{\n  "extends": "../nowhere/base.json"\n}\n',
    'extends-js/.pmmlintrc.yaml': 'rules:\n  placeholder: off\nextends: ./base.js\n',
    'extends-js/base.js': "require('fs').writeFileSync(require('path').join(__dirname, 'ran'), 'ran');\nmodule.exports = {};\n",
    'bad-override/.pmmlintrc.json': '{\n  "checklists": [\n    { "type": "gtm-brief", "elements": 5, "order": 3 }\n  ]\n}\n',
    'redos/.pmmlintrc.json': '{ "checklists": ["./lists/launch.json"] }\n',
    'redos/lists/launch.json': lists([{ kind: 'contains', patterns: ['\\d+%', '(a)\\1+$'], reason: { en: 'Name a price.', zh: '写明价格。' } }]),
    'valid/.pmmlintrc.json': '{ "rules": { "vague-metric": "off" } }\n',
  });
  const dirs = ['bad-json', 'empty', 'wrong-types', 'yaml-syntax', 'unknown-kind', 'not-json', 'extends-missing', 'extends-js', 'bad-override', 'redos', 'valid'];
  // A pricing section that nearly matches the catastrophic pattern: it would hang if the pattern ever ran.
  const doc = FLAWED_GTM + '\n## Pricing & packaging\n\n' + 'a'.repeat(50_000) + '!\n';
  for (const d of dirs) fs.writeFileSync(path.join(tree.dir, d, 'doc.md'), doc);
  let run: Awaited<ReturnType<typeof runCli>>;
  let took = 0;
  before(async () => {
    const started = process.hrtime.bigint();
    run = await runCli(['--format', 'json', '.'], { cwd: tree.dir });
    took = elapsed(started);
  });
  after(() => tree.cleanup());

  it('exits 2 in bounded time, one clear message per broken config naming the file and line, no stack trace', () => {
    assert.equal(run.code, 2, run.stderr);
    assert.ok(took < RUN_BOUND_MS, `took ${took} ms`);
    assert.doesNotMatch(run.stderr, /internal error|\n\s+at /);
    const expected: Record<string, RegExp> = {
      'bad-json': /^Config error in bad-json\/\.pmmlintrc\.json:3:1: Flow map must end with a \}$/,
      'wrong-types': /^Config error in wrong-types\/\.pmmlintrc\.json:2:12: \/rules: must be object; \/checklists: must be array; \/maxFileSize: must be integer$/,
      'yaml-syntax': /^Config error in yaml-syntax\/\.pmmlintrc\.yaml:2:\d+: Nested mappings are not allowed/,
      'unknown-kind': /^Config error in unknown-kind\/lists\/launch\.json:4:5: invalid checklist 'gtm-brief': \/elements\/owners\/checks\/0\/kind: must be one of "min-items", /,
      'not-json': /^Config error in not-json\/lists\/launch\.json:2:1: /,
      'extends-missing': /^Config error in extends-missing\/\.pmmlintrc\.json:2:14: extends: '\.\.\/nowhere\/base\.json' was not found$/,
      'extends-js': /^Config error in extends-js\/\.pmmlintrc\.yaml:3:10: extends: '\.\/base\.js' is a script; config and checklist files are data \(JSON or YAML\), and nothing in them is run$/,
      'bad-override': /^Config error in bad-override\/\.pmmlintrc\.json:3:40: invalid checklist 'gtm-brief': \/elements: must be a list of element objects; \/order: must be a list of \[before, after\] pairs/,
      redos: /^Config error in redos\/lists\/launch\.json:1:\d+: invalid checklist 'gtm-brief': \/elements\/pricing_packaging: pattern '\(a\)\\1\+\$' cannot be used: pmm-lint runs checklist patterns on a linear-time engine: lookarounds and backreferences are not supported/,
    };
    const lines = run.stderr.trim().split('\n');
    for (const [dir, re] of Object.entries(expected)) {
      const mine = lines.filter((l) => l.includes(` ${dir}/`));
      assert.equal(mine.length, 1, `${dir}: ${JSON.stringify(mine)}`);
      assert.match(mine[0], re, dir);
    }
    assert.equal(lines.length, Object.keys(expected).length, run.stderr);
    assert.ok(!fs.existsSync(path.join(tree.dir, 'extends-js', 'ran')), 'the script named by extends did not run');
  });

  it('the documents under the valid and the empty config are still linted and reported, each under its own config', () => {
    const reports = JSON.parse(run.stdout) as JsonReport[];
    assert.deepEqual(reports.map((r) => r.file).sort(), ['empty/doc.md', 'valid/doc.md']);
    const valid = reports.find((r) => r.file === 'valid/doc.md')!;
    const empty = reports.find((r) => r.file === 'empty/doc.md')!;
    assert.equal(valid.docType, 'gtm-brief');
    assert.ok(!rules(valid).includes('vague-metric'), 'the valid config turns vague-metric off');
    assert.ok(rules(empty).includes('vague-metric'), 'an empty config means the defaults');
    assert.deepEqual(rules(empty).filter((r) => r !== 'vague-metric'), rules(valid));
  });
});

describe('nesting limits in the parser', { timeout: 30_000 }, () => {
  const depth = (node: { children?: unknown[] }): number => {
    let max = 0;
    const stack: Array<[{ children?: unknown[] }, number]> = [[node, 0]];
    while (stack.length) {
      const [n, d] = stack.pop()!;
      max = Math.max(max, d);
      for (const c of n.children ?? []) stack.push([c as { children?: unknown[] }, d + 1]);
    }
    return max;
  };

  it('deep containers and deep emphasis give a bounded tree whose positions stay in the text', () => {
    const texts = [
      '# A\n\n' + '> '.repeat(5000) + 'deep\n',
      '# A\n\n' + '- '.repeat(5000) + 'deep\n',
      '# A\n\n' + '1. '.repeat(3000) + 'deep\n',
      '# A\n\n' + '> - '.repeat(3000) + 'deep\n',
      '# A\n\n' + '*a '.repeat(1500) + 'x' + ' b*'.repeat(1500) + '\n',
      '# A\n\n' + '['.repeat(3000) + 'x' + '](u)'.repeat(3000) + '\n',
    ];
    for (const text of texts) {
      const started = process.hrtime.bigint();
      const r = lintText('---\ntype: positioning\n---\n' + text, { onRuleError: (id, e) => assert.fail(`${id}: ${e}`) });
      assert.ok(elapsed(started) < 10_000, `${text.slice(0, 20)}: ${elapsed(started)} ms`);
      assert.ok(depth(r.model.root) <= MAX_TREE_DEPTH + 2, `${text.slice(0, 20)}: depth ${depth(r.model.root)}`);
      for (const f of r.findings) assert.ok(f.span.end <= r.model.text.length);
    }
  });

  it('an edit in a capped document parses incrementally as a full parse does', () => {
    const head = '# Title\n\nIntro.\n\n## One\n\n' + '> '.repeat(300) + 'deep\n\n## Two\n\n' + '- '.repeat(300) + 'x\n\n## Three\n\nEnd.\n';
    const previous = { text: head, root: parseMarkdown(head), definitions: false };
    const edited = head.replace('## Two\n\n', '## Two\n\nMore text.\n\n');
    const incremental = parseIncrementally(previous, edited, parseMarkdown);
    assert.equal(incremental.stats.incremental, true);
    assert.deepEqual(incremental.root, parseMarkdown(edited));
  });
});

describe('hostile documents through the language server', { timeout: 180_000 }, () => {
  const files = hostileFiles();
  const tree = makeTree({});
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ rootPath: tree.dir, workspaceFolders: [tree.dir] });
  });
  after(async () => {
    if (client) assert.equal(await client.stop(), 0, 'the server shut down cleanly');
    tree.cleanup();
  });

  it('every hostile document gets diagnostics (the 10 MB one a notice instead), then a good one gets the right ones', async () => {
    const started = process.hrtime.bigint();
    const texts = Object.entries(files).map(([name, content]) => [name, typeof content === 'string' ? content : content.toString('utf8')] as const);
    for (const [name, text] of texts) client.open(uriOf(path.join(tree.dir, name)), text);
    for (const [name] of texts) {
      const p = await client.diagnosticsFor(uriOf(path.join(tree.dir, name)), 1);
      assert.ok(Array.isArray(p.diagnostics), name);
      for (const d of p.diagnostics) assert.ok(d.range.start.line >= 0 && d.range.end.line >= d.range.start.line, name);
    }
    const codes = async (name: string) => (await client.diagnosticsFor(uriOf(path.join(tree.dir, name)), 1)).diagnostics.map((d: Diagnostic) => d.code);
    assert.ok((await codes('fm-malformed.md')).includes('front-matter'));
    assert.ok((await codes('fm-alias-bomb.md')).includes('front-matter'));
    assert.ok((await codes('deep-quotes.md')).includes('required-element'));
    assert.deepEqual(await codes('eol-crlf.md'), await codes('eol-lf.md'));
    assert.deepEqual(await codes('eol-mixed.md'), await codes('eol-lf.md'));
    // The 10 MB document: no diagnostics, and the report says why.
    const big = uriOf(path.join(tree.dir, 'ten-mb.md'));
    assert.deepEqual((await client.diagnosticsFor(big, 1)).diagnostics, []);
    const report = await client.request<{ notice?: string; findings: unknown[] }>('pmmLint/documentReport', { textDocument: { uri: big } });
    assert.match(report.notice ?? '', /ten-mb\.md is 10\.\d MiB, over the 2\.0 MiB limit \(maxFileSize\)/);
    assert.ok(elapsed(started) < 90_000, `${elapsed(started)} ms`);

    // A good document and a flawed one after all that: the right diagnostics, at the engine's positions.
    const good = uriOf(path.join(tree.dir, 'good-gtm.md'));
    const flawed = uriOf(path.join(tree.dir, 'alerts-gtm.md'));
    client.open(good, GOOD);
    client.open(flawed, FLAWED_GTM);
    assert.deepEqual((await client.diagnosticsFor(good, 1)).diagnostics, []);
    const got = (await client.diagnosticsFor(flawed, 1)).diagnostics.map((d: Diagnostic) => `${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1}`);
    const engine = lintText(FLAWED_GTM, { filePath: path.join(tree.dir, 'alerts-gtm.md') });
    const want = engine.findings.map((f) => {
      const p = engine.model.lines.position(f.span.start);
      return `${f.ruleId}@${p.line}:${p.column}`;
    });
    assert.ok(want.length >= 3);
    assert.deepEqual(got, want);
  });

  it('the server is still alive and answering: outline and preview of the deep documents, then a report', async () => {
    for (const name of ['deep-lists.md', 'deep-quotes.md', 'headings-only.md']) {
      const uri = uriOf(path.join(tree.dir, name));
      const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(Array.isArray(symbols), name);
      const preview = await client.request<{ html: string }>('pmmLint/preview', { textDocument: { uri } });
      assert.equal(typeof preview.html, 'string', name);
    }
    const report = await client.request<{ docType: string | null; findings: unknown[] }>('pmmLint/documentReport', { textDocument: { uri: uriOf(path.join(tree.dir, 'alerts-gtm.md')) } });
    assert.equal(report.docType, 'gtm-brief');
    assert.ok(report.findings.length >= 3);
    assert.deepEqual(client.logs.filter((l) => /could not lint|failed|RangeError|Maximum call stack/.test(l.message)), []);
  });

  it('a workspace checklist with a pattern that backtracks in JavaScript: linted quickly, in linear time', async () => {
    const ws = makeTree({
      '.pmmlintrc.json': '{ "checklists": ["./launch.pmm-checklist.json"] }\n',
      'launch.pmm-checklist.json': JSON.stringify({
        type: 'gtm-brief',
        elements: [{ id: 'pricing_packaging', checks: [{ kind: 'contains', patterns: ['(x|x)*y'], reason: { en: 'Name a price.', zh: '写明价格。' } }] }],
      }),
    });
    try {
      const started = process.hrtime.bigint();
      const uri = uriOf(path.join(ws.dir, 'alerts-gtm.md'));
      client.open(uri, FLAWED_GTM + '\n## Pricing & packaging\n\n' + 'x'.repeat(50_000) + '\n');
      const p = await client.diagnosticsFor(uri, 1);
      assert.ok(elapsed(started) < 10_000, `${elapsed(started)} ms`);
      assert.ok(p.diagnostics.length > 1, JSON.stringify(p.diagnostics));
      assert.ok(!p.diagnostics.some((d) => d.code === 'config' || d.code === 'budget'));
    } finally {
      ws.cleanup();
    }
  });
});
