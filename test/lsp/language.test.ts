// One language per document: with pmmLint.locale auto the server speaks the document's language (then the UI's) in
// diagnostics, inserted headings, completions, hover and the report; pmmLint.locale en/zh still forces one. And
// results stay true: the closed files Lint Workspace published are linted again after a settings change.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { LspClient, ROOT, uriOf } from '../../tools/lsp';
import { FLAWED_GTM, makeTree } from '../../tools/tmp';

const EN_FLAWED = fs.readFileSync(path.join(ROOT, 'examples', 'en', 'gtm-brief.flawed.md'), 'utf8');
const ZH_FLAWED = fs.readFileSync(path.join(ROOT, 'examples', 'zh', 'positioning.flawed.md'), 'utf8');
const CJK = /[\u4e00-\u9fff]/;
/** Chinese messages start in Chinese (or with 「 or 'front matter'); English ones with an English word or a quote. */
const isChinese = (message: string) => CJK.test(message) && !/^(?:Missing|Vague|Unproven|Front matter|'|")/.test(message);
const isEnglish = (message: string) => /^[A-Za-z'"`]/.test(message) && !/^front matter /.test(message);

interface Report {
  language?: string;
  findings: Array<{ message: string }>;
  elements: Array<{ status: string; reasons: string[] }>;
}

/** What a document gets: diagnostics, the insert action, heading completion, hover, the outline and the report. */
async function languageOf(client: LspClient, uri: string, text: string) {
  client.open(uri, text);
  const p = await client.diagnosticsFor(uri, 1);
  assert.ok(p.diagnostics.length > 0);
  const missing = p.diagnostics.find((d) => d.code === 'required-element') as Diagnostic;
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: missing.range, context: { diagnostics: [missing] } });
  const insert = actions.find((a) => a.isPreferred)!;
  const inserted = (insert.edit!.changes![uri] as TextEdit[])[0].newText;
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: missing.range.start });
  const report = await client.request<Report>('pmmLint/documentReport', { textDocument: { uri } });
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  // A new line `## ` at the end: the checklist's headings.
  client.replaceAll(uri, text.replace(/\n*$/, '\n\n## '));
  const lines = client.text(uri).split('\n');
  const completion = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: lines.length - 1, character: 3 } });
  return {
    messages: p.diagnostics.map((d) => String(d.message)),
    actionTitle: insert.title,
    inserted,
    hover: hover ? (hover.contents as MarkupContent).value : '',
    reportLanguage: report.language,
    reportMessages: [...report.findings.map((f) => f.message), ...report.elements.flatMap((e) => e.reasons)],
    outline: symbols.flatMap((s) => (s.children ?? []).map((c) => c.detail ?? '')).filter(Boolean),
    completion,
  };
}

describe('language per document (pmmLint.locale auto)', () => {
  it('an English UI opening a Chinese document: Chinese everywhere', async () => {
    const client = await LspClient.start({ rootPath: ROOT, locale: 'en' });
    try {
      const got = await languageOf(client, uriOf(path.join(ROOT, 'zh-doc.md')), ZH_FLAWED);
      for (const m of got.messages) assert.ok(isChinese(m), m);
      assert.match(got.actionTitle, /^插入缺失要素/);
      assert.match(got.inserted, /^\n*## \S*[\u4e00-\u9fff]/, 'a Chinese heading is inserted');
      assert.match(got.hover, /规则说明/);
      assert.ok(got.outline.length > 3);
      for (const d of got.outline) assert.match(d, / · (?:完整|待完善|缺失)$/, d);
      for (const m of got.reportMessages) assert.ok(isChinese(m), m);
      assert.equal(got.reportLanguage, 'zh', 'the preview and status bar follow the report');
      assert.ok(got.completion.length > 3);
      for (const item of got.completion) {
        assert.match(item.label, CJK, item.label);
        assert.match(String(item.detail), /^(?:缺失要素|文档中已有)/, String(item.detail));
      }
    } finally {
      await client.stop();
    }
  });

  it('a Chinese UI opening an English document: English everywhere', async () => {
    const client = await LspClient.start({ rootPath: ROOT, locale: 'zh-cn' });
    try {
      const got = await languageOf(client, uriOf(path.join(ROOT, 'en-doc.md')), EN_FLAWED);
      for (const m of got.messages) assert.ok(isEnglish(m), m);
      assert.match(got.actionTitle, /^Insert missing element/);
      assert.match(got.inserted, /^\n*## [A-Z]/);
      assert.match(got.hover, /Rule documentation/);
      assert.ok(got.outline.length > 3);
      for (const d of got.outline) assert.match(d, / · (?:complete|weak|missing)$/, d);
      for (const m of got.reportMessages) assert.ok(isEnglish(m), m);
      assert.equal(got.reportLanguage, 'en');
      for (const item of got.completion) {
        assert.doesNotMatch(item.label, CJK, item.label);
        assert.match(String(item.detail), /^(?:missing element|already in the document)/, String(item.detail));
      }
    } finally {
      await client.stop();
    }
  });

  it('pmmLint.locale en still forces English on a Chinese document (headings stay the document’s)', async () => {
    const client = await LspClient.start({ rootPath: ROOT, locale: 'zh-cn', settings: (_scope, section) => (section === 'pmmLint' ? { locale: 'en' } : null) });
    try {
      const got = await languageOf(client, uriOf(path.join(ROOT, 'zh-forced.md')), ZH_FLAWED);
      for (const m of got.messages) assert.ok(isEnglish(m), m);
      assert.match(got.actionTitle, /^Insert missing element/);
      assert.match(got.inserted, /^\n*## \S*[\u4e00-\u9fff]/, 'the heading inserted into a Chinese document is Chinese');
      for (const m of got.reportMessages) assert.ok(isEnglish(m), m);
    } finally {
      await client.stop();
    }
  });

  it('a document with no text yet follows the UI: a Chinese UI gets Chinese messages and headings', async () => {
    const client = await LspClient.start({ rootPath: ROOT, locale: 'zh-cn' });
    try {
      const uri = uriOf(path.join(ROOT, 'empty-brief.md'));
      client.open(uri, '---\ntype: gtm-brief\n---\n');
      const p = await client.diagnosticsFor(uri, 1);
      const missing = p.diagnostics.filter((d) => d.code === 'required-element');
      assert.ok(missing.length > 3);
      for (const d of p.diagnostics) assert.ok(isChinese(String(d.message)), String(d.message));
      const edit = await client.request<TextEdit | null>('pmmLint/elementEdit', { textDocument: { uri }, elementId: 'success_metrics' });
      assert.match(edit!.newText, /^\n*## \S*[\u4e00-\u9fff]/, edit!.newText);
      const report = await client.request<Report>('pmmLint/documentReport', { textDocument: { uri } });
      assert.equal(report.language, 'zh');
    } finally {
      await client.stop();
    }
  });

  it('front matter status in a Chinese document: Chinese values as well as the English ones', async () => {
    const client = await LspClient.start({ rootPath: ROOT, locale: 'en' });
    try {
      const uri = uriOf(path.join(ROOT, 'zh-status.md'));
      client.open(uri, ZH_FLAWED.replace('status: 评审中', 'status: '));
      const line = client.text(uri).split('\n').findIndex((l) => l.startsWith('status:'));
      const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character: 8 } });
      const inserts = items.map((i) => (i.textEdit as TextEdit).newText);
      for (const v of ['草稿', '评审中', '已批准', 'draft', 'in-review', 'approved']) assert.ok(inserts.includes(v), `${v} in ${inserts}`);
      assert.ok(inserts.indexOf('草稿') < inserts.indexOf('draft'), 'Chinese first');
      const en = uriOf(path.join(ROOT, 'en-status.md'));
      client.open(en, EN_FLAWED.replace(/^status: .*$/m, 'status: '));
      const enLine = client.text(en).split('\n').findIndex((l) => l.startsWith('status:'));
      const enItems = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: en }, position: { line: enLine, character: 8 } });
      assert.deepEqual(
        enItems.map((i) => (i.textEdit as TextEdit).newText),
        ['draft', 'in-review', 'approved', 'published', 'archived'],
      );
    } finally {
      await client.stop();
    }
  });
});

describe('results that stay true', () => {
  it('Lint Workspace: a settings change republishes the closed files with the new severity', async () => {
    let settings: Record<string, unknown> = {};
    const tree = makeTree({ 'a/brief.md': FLAWED_GTM, 'b/brief.md': FLAWED_GTM, 'c/readme.md': '# Lib\n\nInstall it.\n' });
    const client = await LspClient.start({ rootPath: tree.dir, settings: (_scope, section) => (section === 'pmmLint' ? settings : null) });
    try {
      await client.registered('workspace/didChangeConfiguration');
      const files = ['a/brief.md', 'b/brief.md', 'c/readme.md'].map((f) => uriOf(path.join(tree.dir, f)));
      const published = files.slice(0, 2).map((uri) => client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'vague-metric')));
      await client.request('pmmLint/lintFiles', { uris: files });
      for (const p of await Promise.all(published)) assert.ok(p.diagnostics.filter((d) => d.code === 'vague-metric').every((d) => d.severity !== 1));
      // vague-metric becomes an error, placeholder off, messages in Chinese.
      settings = { rules: { 'vague-metric': 'error', placeholder: 'off' }, locale: 'zh' };
      const next = files.slice(0, 2).map((uri) =>
        client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'vague-metric' && d.severity === 1)),
      );
      client.notify('workspace/didChangeConfiguration', { settings: null });
      for (const p of await Promise.all(next)) {
        assert.ok(p.diagnostics.filter((d) => d.code === 'vague-metric').every((d) => d.severity === 1));
        assert.ok(!p.diagnostics.some((d) => d.code === 'placeholder'));
        for (const d of p.diagnostics) assert.match(String(d.message), CJK);
      }
      // Off altogether: every closed file cleared.
      settings = { enable: false };
      const cleared = files.slice(0, 2).map((uri) => client.diagnostics(uri, (p) => p.diagnostics.length === 0));
      client.notify('workspace/didChangeConfiguration', { settings: null });
      await Promise.all(cleared);
      // What each file shows last is the newest: no old severity left anywhere.
      await client.request('pmmLint/serverStatus', null);
      for (const uri of files.slice(0, 2)) assert.deepEqual(client.published.filter((p) => p.uri === uri).at(-1)!.diagnostics, []);
      assert.ok(!client.published.some((p) => p.uri === files[2] && p.diagnostics.length > 0), 'a file that is not a PMM document gets nothing');
    } finally {
      await client.stop();
      tree.cleanup();
    }
  });

  it('a file deleted since Lint Workspace: cleared at the next settings change', async () => {
    const tree = makeTree({ 'brief.md': FLAWED_GTM });
    const client = await LspClient.start({ rootPath: tree.dir });
    try {
      const uri = uriOf(path.join(tree.dir, 'brief.md'));
      const shown = client.diagnostics(uri, (p) => p.diagnostics.length > 0);
      await client.request('pmmLint/lintFiles', { uris: [uri] });
      await shown;
      fs.unlinkSync(path.join(tree.dir, 'brief.md'));
      const cleared = client.diagnostics(uri, (p) => p.diagnostics.length === 0);
      client.notify('workspace/didChangeConfiguration', { settings: { pmmLint: { rules: { 'vague-metric': 'error' } } } });
      await cleared;
    } finally {
      await client.stop();
      tree.cleanup();
    }
  });
});
