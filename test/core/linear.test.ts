// Work linear in the document's size, and output safe for a terminal.
//
// Each shape below once threw (a RangeError from `push(...items)` or `Math.max(...findings)` over arrays of the
// input's size) or took time that grew with the square of its size. Each is linted by the whole engine (the path
// lintText takes: parseMarkdown, then modelFromTree and lintModel) and written by all three formatters; the time
// of our own work (everything after the parse) is bounded tightly, the whole run generously: the parse is
// micromark's (its figures are in the comments, measured on the 2-core test machine under load) and linear too.
// The model's growth ratio (headings x8) is a figure of `npm run bench` (engine part), not a timed test here: the
// 150,000 identical headings below took 176 s when sections were closed in quadratic time. Then escapeForTerminal
// through the stylish formatter.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BUILT_IN_CHECKLISTS, mergeChecklist } from '../../server/src/core/checklist';
import { lintModel, lintText, type LintResult } from '../../server/src/core/lint';
import { modelFromTree, parseMarkdown } from '../../server/src/core/parse';
import { checkPositioningStatement } from '../../server/src/core/rules/positioning-statement';
import { SOURCE_RE, hasNumber } from '../../server/src/core/text';
import { formatJson } from '../../server/src/format/json';
import { toJsonReport, type JsonFileReport } from '../../server/src/format/positions';
import { formatSarif } from '../../server/src/format/sarif';
import { formatStylish } from '../../server/src/format/stylish';
import { escapeForTerminal } from '../../server/src/format/terminal';
import type { ChecklistElement } from '../../server/src/core/types';
import { FLAWED_GTM } from '../../tools/tmp';

const FM = '---\ntype: gtm-brief\nowner: Dana Li\nstatus: in-review\nupdated: 2026-11-01\n---\n';
const MAX_FILE_SIZE = 2 * 1024 * 1024;

function ms(since: number): number {
  return Math.round(performance.now() - since);
}

/** Lints a text as lintText does, timing the parse apart from the rest, and writes every output format. */
function lintTimed(text: string): { result: LintResult; parseMs: number; engineMs: number; formatMs: number } {
  assert.ok(text.length <= MAX_FILE_SIZE, `the document (${text.length} characters) is within the default maxFileSize`);
  let t = performance.now();
  const root = parseMarkdown(text);
  const parseMs = ms(t);
  t = performance.now();
  const errors: string[] = [];
  const result = lintModel(modelFromTree(text, root), { onRuleError: (id, e) => errors.push(`${id}: ${(e as Error).stack ?? e}`) });
  const engineMs = ms(t);
  assert.deepEqual(errors, [], 'no rule throws');
  t = performance.now();
  const report = toJsonReport('doc.md', result);
  assert.ok(formatStylish([report], 'en', true).length > 0);
  assert.ok(formatStylish([report], 'zh', false).length > 0);
  assert.ok(formatJson([report]).length > 0);
  assert.ok(formatSarif([report], 'en', '0.0.0').length > 0);
  const formatMs = ms(t);
  return { result, parseMs, engineMs, formatMs };
}

describe('shapes that threw or took quadratic time', { timeout: 600_000 }, () => {
  it('a flat list of 130,000 items', (t) => {
    const text = FM + '# Launch\n\n## Success metrics\n\n' + Array.from({ length: 130_000 }, (_, i) => `- point ${i}\n`).join('');
    const r = lintTimed(text);
    t.diagnostic(`parse ${r.parseMs} ms, engine ${r.engineMs} ms, formats ${r.formatMs} ms, ${r.result.findings.length} findings`);
    // Before: RangeError from sectionItems' push(...items). Measured: parse 27-37 s, engine 2.2-3.4 s, formats (four
    // outputs of 130,000 findings) 2.6-6.2 s.
    assert.ok(r.result.findings.length >= 130_000, 'every item is reported (no number in a success metric)');
    assert.ok(r.engineMs < 15_000, `engine ${r.engineMs} ms`);
    assert.ok(r.formatMs < 25_000, `formats ${r.formatMs} ms`);
  });

  it('150,000 identical headings', (t) => {
    const text = FM + '# A\n'.repeat(150_000);
    const r = lintTimed(text);
    t.diagnostic(`parse ${r.parseMs} ms, engine ${r.engineMs} ms, formats ${r.formatMs} ms, ${r.result.findings.length} findings`);
    // Before: 176 s (sections closed by walking every open section, elementAt over every candidate per finding),
    // and stylish's Math.max(...) threw past ~125,000 findings. Measured: parse 16-21 s, engine 1.7-2.3 s, formats
    // 1.8-3.9 s.
    assert.equal(r.result.findings.filter((f) => f.ruleId === 'empty-section').length, 150_000);
    assert.ok(r.engineMs < 8_000, `engine ${r.engineMs} ms`);
    assert.ok(r.formatMs < 15_000, `formats ${r.formatMs} ms`);
  });

  it('a table of 130,000 rows', (t) => {
    const text = FM + '# Launch\n\n## Success metrics\n\n| Metric | Target |\n|---|---|\n' + '| a | b |\n'.repeat(130_000);
    const r = lintTimed(text);
    t.diagnostic(`parse ${r.parseMs} ms, engine ${r.engineMs} ms, formats ${r.formatMs} ms, ${r.result.findings.length} findings`);
    // Before: RangeError from sectionItems' push(...rows). Measured: parse 32-41 s, engine 4.2-8.2 s (mostly
    // garbage collection over the 130,000 rows' nodes), formats 2.6-3.7 s.
    assert.ok(r.result.findings.length >= 130_000);
    assert.ok(r.engineMs < 25_000, `engine ${r.engineMs} ms`);
    assert.ok(r.formatMs < 20_000, `formats ${r.formatMs} ms`);
  });

  it('32,000 headings at four levels', (t) => {
    const text = FM + Array.from({ length: 32_000 }, (_, i) => `${'#'.repeat(1 + (i % 4))} H${i}\n\ntext\n`).join('');
    const r = lintTimed(text);
    t.diagnostic(`parse ${r.parseMs} ms, engine ${r.engineMs} ms, formats ${r.formatMs} ms`);
    // Before: buildModel alone 3.3 s. Measured: parse 9 s, engine 1.3-2.1 s (model 0.35 s).
    assert.ok(r.engineMs < 8_000, `engine ${r.engineMs} ms`);
  });

  it('a table 20,000 columns wide over 20,000 one-cell rows', (t) => {
    const header = `|Metric${'|When'.repeat(19_999)}|\n${'|-'.repeat(20_000)}|\n`;
    const text = FM + '# Launch\n\n## Success metrics\n\n' + header + '|x|\n'.repeat(20_000);
    const r = lintTimed(text);
    t.diagnostic(`parse ${r.parseMs} ms, engine ${r.engineMs} ms, formats ${r.formatMs} ms`);
    // Before: 65 s (each date column walked over every row, the metric columns found again per row, the column
    // candidates read every column of every row). Measured: parse 7 s, engine 0.9 s.
    assert.ok(r.engineMs < 6_000, `engine ${r.engineMs} ms`);
  });

  it('a 100 KB line of claims', (t) => {
    const text = FM + '# Launch\n\n## Positioning\n\n' + 'best-in-class '.repeat(7_200) + '\n';
    const start = performance.now();
    const result = lintText(text);
    const took = ms(start);
    t.diagnostic(`${took} ms, ${result.findings.length} findings`);
    // Measured: 0.3 s.
    assert.ok(result.findings.filter((f) => f.ruleId === 'unproven-claim').length >= 7_000);
    assert.ok(took < 3_000, `took ${took} ms`);
  });

  it('a 260 KB line of Chinese bracket slots', (t) => {
    const text = FM + '# 发布\n\n' + '请填写【客户】和【产品】，'.repeat(20_000) + '\n';
    const start = performance.now();
    const result = lintText(text);
    const took = ms(start);
    t.diagnostic(`${took} ms, ${result.findings.length} findings`);
    // Before: 3.1 s (each slot sliced the run up to itself to find its line). Measured: 0.3 s.
    assert.ok(result.findings.filter((f) => f.ruleId === 'placeholder').length >= 40_000);
    assert.ok(took < 3_000, `took ${took} ms`);
  });

  it('1 MB runs of Chinese numerals and of 《 with nothing to close them', (t) => {
    const numerals = '三'.repeat(1_000_000);
    const titles = '《'.repeat(1_000_000);
    let start = performance.now();
    assert.equal(hasNumber(numerals), false);
    assert.equal(SOURCE_RE.test(titles), false);
    const took = ms(start);
    // Before: every start in the run was read to its end: 40,000 numerals 4.9 s, 40,000 《 9 s. Measured: 0.9 s.
    assert.ok(took < 5_000, `took ${took} ms`);
    const text = FM + '# 发布\n\n## 成功指标\n\n- ' + '三'.repeat(300_000) + '\n- 证据' + '《'.repeat(300_000) + '\n';
    start = performance.now();
    lintText(text);
    const lint = ms(start);
    t.diagnostic(`patterns ${took} ms, lint ${lint} ms`);
    assert.ok(lint < 8_000, `lint took ${lint} ms`);
  });

  it('positioning statements of 100 KB full of slots', (t) => {
    for (const unit of ['is a ', 'who ___, ', '针对【待补充】，', 'is a ___. ']) {
      const statement = unit.repeat(Math.ceil(100_000 / unit.length));
      const start = performance.now();
      const problems = checkPositioningStatement(statement, [], { start: 0, end: 1 });
      const took = ms(start);
      t.diagnostic(`${JSON.stringify(unit)}: ${took} ms`);
      // Before: 'is a ' 4.9 s, 'who ___, ' 4 s (45 s at 200 KB). Measured: under 100 ms each.
      assert.ok(problems.length > 0);
      assert.ok(took < 1_500, `${JSON.stringify(unit)} took ${took} ms`);
    }
  });

  it('a checklist override of 40,000 elements', (t) => {
    const base = BUILT_IN_CHECKLISTS.find((c) => c.type === 'gtm-brief')!;
    const element = (i: number): ChecklistElement => ({
      ...base.elements[i % base.elements.length],
      // A third of them name a built-in element again (their words are added to its own), the rest are new.
      id: i % 3 === 0 ? base.elements[i % base.elements.length].id : `extra_${i}`,
      vocabulary: { en: [`word ${i}`] },
    });
    const elements = Array.from({ length: 40_000 }, (_, i) => element(i));
    const start = performance.now();
    const merged = mergeChecklist(base, { elements, removeElements: ['extra_1'] });
    const took = ms(start);
    t.diagnostic(`${took} ms`);
    // Before: 20 s (a search of the list per element, and each repeated id copied its growing word lists).
    // Measured: 0.2 s.
    const extra = elements.filter((e) => e.id.startsWith('extra_')).length;
    assert.equal(merged.elements.length, base.elements.length + extra - 1);
    const first = merged.elements[0];
    const added = elements.filter((e) => e.id === first.id).length;
    assert.equal(first.vocabulary?.en?.length, (base.elements[0].vocabulary?.en?.length ?? 0) + added);
    assert.ok(took < 2_000, `took ${took} ms`);
  });
});

// ---- Terminal output -------------------------------------------------------------------------------------

const ESC = '\x1b';
const ERASE_LINE = `${ESC}[2K`;
const OSC8 = `${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`;
const BIDI = '\u202e';
const HOSTILE = `${ERASE_LINE}\r${OSC8}${BIDI}gnp.exe\u2066\x07\x7f\x9b31m\u0000`;
/** Characters that must not reach the terminal from a document or a path. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
/** pmm-lint's own colour codes (SGR). */
const OWN_SGR = /\x1b\[(?:0|1|2|4|31|32|33|34)m/g;

function hostileReport(): JsonFileReport {
  return {
    file: `docs/${HOSTILE}.md`,
    docType: `gtm-brief${HOSTILE}`,
    score: 50,
    elements: [],
    findings: [
      { ruleId: 'unproven-claim', elementId: null, severity: 'warning', message: `Claim '${HOSTILE}' has no proof`, line: 3, column: 1, endLine: 3, endColumn: 9 },
      { ruleId: 'front-matter', elementId: null, severity: 'error', message: `Unknown document type '${HOSTILE}'.`, line: 2, column: 1, endLine: 2, endColumn: 9 },
    ],
  };
}

describe('escapeForTerminal', () => {
  it('shows control and bidi characters as escapes and keeps everything else', () => {
    assert.equal(escapeForTerminal(`a${ESC}[2Kb`), 'a\\x1b[2Kb');
    assert.equal(escapeForTerminal('x\u202ey\u2066z'), 'x\\u202ey\\u2066z');
    assert.equal(escapeForTerminal('\x7f\x9b\u0000\n\t\r'), '\\x7f\\x9b\\x00\\x0a\\x09\\x0d');
    const plain = 'C:\\Users\\dana\\launch brief — 发布.md “quoted” ✓';
    assert.equal(escapeForTerminal(plain), plain);
    assert.doesNotMatch(escapeForTerminal(HOSTILE), UNSAFE);
    assert.doesNotMatch(escapeForTerminal(HOSTILE), /\n|\t/);
  });

  it('stylish with colour: only pmm-lint\'s own colour codes reach the terminal', () => {
    const out = formatStylish([hostileReport()], 'en', true);
    assert.ok(out.includes('\x1b[31m'), 'our colours are still there');
    const rest = out.replace(OWN_SGR, '');
    assert.ok(!rest.includes(ESC), 'no escape sequence but our colours');
    assert.doesNotMatch(rest, UNSAFE);
    // Each finding and the file stay on their own lines.
    assert.equal(rest.split('\n').length, out.split('\n').length);
    assert.ok(rest.includes('\\x1b[2K') && rest.includes('\\x1b]8;;https://evil.example') && rest.includes('\\u202e'), 'the hostile text is shown, escaped');
  });

  it('stylish without colour: no control character at all, one line per finding', () => {
    const out = formatStylish([hostileReport()], 'zh', false);
    assert.doesNotMatch(out, UNSAFE);
    assert.ok(!out.includes(ESC));
    const lines = out.split('\n');
    assert.equal(lines.filter((l) => l.includes('unproven-claim') || l.includes('front-matter')).length, 2);
    assert.ok(lines[0].startsWith('docs/\\x1b[2K\\x0d\\x1b]8;;'), lines[0]);
  });

  it('through the engine: a front matter type, a heading and a list item holding escapes', () => {
    const text = FLAWED_GTM.replace('type: gtm-brief', `type: "gtm-brief${ERASE_LINE}${BIDI}"`) + `\n## Risks ${OSC8}\n\n## Success metrics\n\n- Grow significantly faster${ESC}[1A\n`;
    const result = lintText(text, { filePath: '/docs/launch-gtm.md' });
    assert.equal(result.docType, 'gtm-brief');
    const report = toJsonReport(`launch${BIDI}.md`, result);
    const quoting = report.findings.filter((f) => f.message.includes(ESC)).map((f) => f.ruleId);
    // The messages quote the document as it is: the unknown type, the empty section's heading, the vague item.
    assert.deepEqual([...new Set(quoting)].sort(), ['empty-section', 'front-matter', 'vague-metric']);
    for (const color of [true, false]) {
      const out = formatStylish([report], 'en', color);
      const rest = out.replace(OWN_SGR, '');
      assert.ok(!rest.includes(ESC), `colour ${color}: no escape sequence but our colours`);
      assert.doesNotMatch(rest, UNSAFE);
    }
    // JSON stays exact for programs: the characters are there, JSON-escaped where JSON requires it.
    const json = formatJson([report]);
    assert.ok(!json.includes(ESC) && json.includes('\\u001b'));
    assert.deepEqual(JSON.parse(json)[0].findings, report.findings);
  });
});
