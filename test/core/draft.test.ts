// Status-aware severity (core/draft.ts): a draft's unfinished work is a to-do list, a document in review gets
// every finding at its configured severity. The documents are the extension's own templates (the snippets New
// Document inserts), expanded as VS Code expands them with their first choices.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig, type ResolvedConfig } from '../../server/src/core/config';
import { lintText } from '../../server/src/core/lint';
import { ROOT } from '../../tools/lsp';

/** A snippet body as VS Code inserts it: first choice of each choice, defaults, a name for empty tab stops. */
function expand(lang: 'en' | 'zh', prefix: string): string {
  const snippets = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', `pmm.${lang}.code-snippets`), 'utf8')) as Record<string, { prefix: string; body: string[] }>;
  const body = Object.values(snippets).find((s) => s.prefix === prefix)!.body.join('\n');
  return body
    .replace(/\$\{\d+\|([^,|}]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$CURRENT_YEAR/g, '2026')
    .replace(/\$CURRENT_MONTH/g, '11')
    .replace(/\$CURRENT_DATE/g, '30')
    .replace(/\$\d+/g, 'Dana Li');
}

const withStatus = (text: string, status: string) => text.replace(/^status: .*$/m, `status: ${status}`);
const config = (draft: ResolvedConfig['draft'], rules: ResolvedConfig['rules'] = {}): ResolvedConfig => ({ ...defaultConfig(), draft, rules });
const bySeverity = (findings: Array<{ severity: string }>) => findings.reduce<Record<string, number>>((n, f) => ({ ...n, [f.severity]: (n[f.severity] ?? 0) + 1 }), {});

describe('a draft: unfinished work is a to-do list', () => {
  const gtm = expand('en', 'pmm-gtm-brief');

  it('a fresh GTM template in draft: no errors or warnings, one to-do per section, progress instead of a verdict', () => {
    assert.match(gtm, /^status: draft$/m, 'the template starts as a draft');
    const r = lintText(gtm, { filePath: 'launch.md' });
    assert.equal(r.docType, 'gtm-brief');
    assert.deepEqual(Object.keys(bySeverity(r.findings)), ['info']);
    const todos = r.findings.filter((f) => f.ruleId === 'placeholder');
    const sections = new Set(todos.map((f) => f.data.heading));
    assert.equal(sections.size, todos.length, 'one finding per section');
    assert.ok(todos.some((f) => Number(f.data.count) > 1 && /^To do: \d+ placeholders left in '/.test(f.message)), todos.map((f) => f.message).join('\n'));
    assert.deepEqual(r.draft, { written: 0, total: r.elements.filter((e) => e.required).length });
  });

  it('in review, the same document is checked as now: a placeholder error per token', () => {
    const r = lintText(withStatus(gtm, 'in-review'), { filePath: 'launch.md' });
    const errors = r.findings.filter((f) => f.ruleId === 'placeholder' && f.severity === 'error');
    assert.ok(errors.length > 40, `${errors.length} placeholder errors`);
    assert.equal(r.draft, undefined);
    for (const status of ['approved', '评审中', '已批准']) assert.equal(lintText(withStatus(gtm, status)).draft, undefined, status);
  });

  it('a Chinese template with status 草稿 gets Chinese to-dos', () => {
    const zh = expand('zh', 'pmm-zh-positioning');
    assert.match(zh, /^status: 草稿$/m);
    const r = lintText(zh, { filePath: '定位.md', locale: 'zh' });
    assert.equal(r.docType, 'positioning');
    assert.deepEqual(Object.keys(bySeverity(r.findings)), ['info']);
    assert.ok(r.findings.every((f) => f.message.startsWith('待办：')), r.findings.map((f) => f.message).join('\n'));
  });

  it('a written section is judged while the others are still to do; structure is reported as configured', () => {
    const partly = gtm.replace(/## Success metrics\n\n[\s\S]*?(?=\n## )/, '## Success metrics\n\n- Increase adoption of alerts\n').replace(/## Pricing & packaging\n[\s\S]*?(?=\n## )/, '');
    const r = lintText(partly, { filePath: 'launch.md' });
    assert.ok(r.findings.some((f) => f.ruleId === 'vague-metric' && f.severity === 'warning'), 'the written metric is judged');
    assert.ok(r.findings.some((f) => f.ruleId === 'required-element' && f.severity === 'error' && f.elementId === 'pricing_packaging'), 'a missing element is an error in a draft too');
    assert.equal(r.draft!.written, 1);
  });

  it('configurable: the statuses, the severity; a rule configured quieter stays quieter', () => {
    const hint = lintText(gtm, { config: config({ severity: 'hint' }) });
    assert.deepEqual(Object.keys(bySeverity(hint.findings)), ['hint']);
    assert.equal(lintText(gtm, { config: config({ severity: 'off' }) }).findings.length, 0);
    const notDraft = lintText(gtm, { config: config({ statuses: [] }) });
    assert.ok(notDraft.findings.filter((f) => f.severity === 'error').length > 40);
    const custom = lintText(withStatus(gtm, 'Sketch'), { config: config({ statuses: ['sketch'] }) });
    assert.ok(custom.draft);
    const quiet = lintText(gtm, { config: config(undefined, { placeholder: 'hint' }) });
    assert.ok(quiet.findings.filter((f) => f.ruleId === 'placeholder').every((f) => f.severity === 'hint'));
  });
});
