// Protocol tests: the built server over stdio, spoken to as an editor does.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, Diagnostic, DocumentSymbol, Hover, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver-protocol';
import { lintText } from '../../server/src/core/lint';
import { runCli } from '../../tools/cli';
import { LspClient, ROOT, uriOf } from '../../tools/lsp';

const EN_FLAWED = path.join(ROOT, 'examples', 'en', 'gtm-brief.flawed.md');
const read = (f: string) => fs.readFileSync(f, 'utf8');

const codes = (p: PublishDiagnosticsParams | Diagnostic[]) => (Array.isArray(p) ? p : p.diagnostics).map((d) => String(d.code));
const missingElements = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'required-element').map((d) => (d.data as { elementId: string }).elementId).sort();

describe('language server over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ rootPath: ROOT });
  });
  after(() => client.stop());

  it('initializes with its capabilities', async () => {
    const { capabilities, serverInfo } = client.initializeResult;
    assert.equal(serverInfo?.name, 'pmm-lint');
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    assert.ok(capabilities.hoverProvider);
    assert.ok(capabilities.documentSymbolProvider);
    assert.deepEqual(capabilities.completionProvider?.triggerCharacters, ['#', ':']);
    assert.ok(capabilities.codeActionProvider);
    // This client cannot pull diagnostics: the server pushes them.
    assert.equal(capabilities.diagnosticProvider, undefined);
    await client.registered('workspace/didChangeWatchedFiles');
  });

  it('publishes diagnostics on open that agree with the CLI', async () => {
    const uri = uriOf(EN_FLAWED);
    client.open(uri, read(EN_FLAWED));
    const p = await client.diagnosticsFor(uri, 1);
    const cli = JSON.parse((await runCli(['--format', 'json', EN_FLAWED])).stdout)[0];
    assert.deepEqual(
      p.diagnostics.map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1, d.message]),
      cli.findings.map((f: Record<string, unknown>) => [f.ruleId, f.line, f.column, f.endLine, f.endColumn, f.message]),
    );
    for (const d of p.diagnostics) {
      assert.equal(d.source, 'pmm-lint');
      assert.equal(d.codeDescription?.href, `https://github.com/pmm-lint/pmm-lint/blob/main/docs/rules/${d.code}.md`);
      assert.equal((d.data as { ruleId: string }).ruleId, d.code);
    }
    assert.deepEqual(missingElements(p.diagnostics), ['owners', 'pricing_packaging', 'risks_rollback']);
  });

  it('re-lints on change and publishes for the new version', async () => {
    const uri = uriOf(EN_FLAWED);
    const text = client.text(uri);
    const at = TextDocument.create(uri, 'markdown', 1, text).positionAt(text.indexOf('## Sales enablement'));
    const version = client.change(uri, [{ range: { start: at, end: at }, text: '## Pricing & packaging\n\nIncluded in every plan at no additional cost.\n\n' }]);
    const p = await client.diagnosticsFor(uri, version);
    assert.deepEqual(missingElements(p.diagnostics), ['owners', 'risks_rollback']);
  });

  it('gives related information for element order', async () => {
    const uri = uriOf(path.join(ROOT, 'examples', 'en', 'positioning.flawed.md'));
    client.open(uri, read(path.join(ROOT, 'examples', 'en', 'positioning.flawed.md')));
    const p = await client.diagnosticsFor(uri, 1);
    const order = p.diagnostics.filter((d) => d.code === 'element-order');
    assert.ok(order.length >= 1);
    for (const d of order) {
      assert.equal(d.relatedInformation?.length, 1);
      assert.equal(d.relatedInformation![0].location.uri, uri);
    }
    client.close(uri);
  });

  it('answers hover on an element heading in both languages, and on a finding', async () => {
    const uri = uriOf(EN_FLAWED);
    const lines = client.text(uri).split('\n');
    const line = lines.indexOf('## Success metrics');
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character: 4 } });
    const value = (h.contents as { value: string }).value;
    assert.match(value, /Success metrics/);
    assert.match(value, /成功指标/);
    assert.match(value, /Complete when:/);
    assert.match(value, /Still lacks:/);
    const claimLine = lines.findIndex((l) => l.includes('industry-leading'));
    const h2 = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: claimLine, character: lines[claimLine].indexOf('industry') + 2 } });
    assert.match((h2.contents as { value: string }).value, /unproven-claim.*docs\/rules\/unproven-claim\.md/s);
    const none = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: lines.indexOf('') , character: 0 } });
    assert.equal(none, null);
  });

  it('completes headings after # with the missing elements first', async () => {
    const uri = uriOf(EN_FLAWED);
    const end = client.docs.get(uri)!.lineCount - 1;
    assert.equal(client.text(uri).split('\n')[end], '', 'the document ends with a line break');
    const version = client.change(uri, [{ range: { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, text: '## ' }]);
    await client.diagnosticsFor(uri, version);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: end, character: 3 } });
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    // The checklist's first heading for each missing element (what the insert fix writes too).
    assert.deepEqual(sorted.slice(0, 2).map((i) => i.label), ['Owners', 'Rollback & contingency']);
    assert.ok(items.some((i) => i.label === 'Success metrics' && /already/.test(i.detail ?? '')));
    assert.deepEqual((sorted[0] as { textEdit: TextEdit }).textEdit.range, { start: { line: end, character: 3 }, end: { line: end, character: 3 } });
    // Undo the edit for the next tests.
    const back = client.change(uri, [{ range: { start: { line: end, character: 0 }, end: { line: end, character: 3 } }, text: '' }]);
    await client.diagnosticsFor(uri, back);
  });

  it('completes front matter keys and values', async () => {
    const uri = uriOf(path.join(ROOT, 'scratch-front-matter.md'));
    client.open(uri, '---\ntype: \nst\n---\n\n# Doc\n');
    await client.diagnosticsFor(uri, 1);
    const types = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 6 } });
    assert.deepEqual(types.map((i) => i.label).sort(), ['battlecard', 'feedback-brief', 'gtm-brief', 'insight', 'message-house', 'persona', 'positioning']);
    const keys = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 2 } });
    assert.ok(keys.some((i) => i.label === 'status'));
    assert.ok(!keys.some((i) => i.label === 'type'), 'a key already present is not offered');
    const outside = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 5, character: 2 } });
    assert.deepEqual(outside, []);
    client.close(uri);
  });

  it('gives the outline with element status', async () => {
    const uri = uriOf(EN_FLAWED);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols[0].name, 'Front matter');
    const title = symbols.find((s) => s.name === 'Launch plan: Lumen Alerts')!;
    assert.ok(title.children!.length >= 8);
    const metrics = title.children!.find((s) => s.name === 'Success metrics')!;
    assert.match(metrics.detail!, /weak/);
    const summary = title.children!.find((s) => s.name === "What we're launching")!;
    assert.match(summary.detail!, /complete/);
  });

  it('answers pmmLint/documentReport with the CLI JSON entry', async () => {
    const uri = uriOf(path.join(ROOT, 'examples', 'en', 'persona.flawed.md'));
    const file = path.join(ROOT, 'examples', 'en', 'persona.flawed.md');
    client.open(uri, read(file));
    const report = await client.request<Record<string, unknown>>('pmmLint/documentReport', { textDocument: { uri } });
    const cli = JSON.parse((await runCli(['--format', 'json', file])).stdout)[0];
    assert.deepEqual({ ...report, uri: undefined, version: undefined }, { ...cli, uri: undefined, version: undefined });
    assert.equal(report.uri, uri);
    assert.equal(report.version, 1);
    client.close(uri);
  });

  it('replies with errors, not crashes, to bad requests', async () => {
    const uri = uriOf(EN_FLAWED);
    await assert.rejects(client.request('textDocument/hover', { textDocument: { uri }, position: { line: 99999, character: 0 } }), /outside the document/);
    await assert.rejects(client.request('textDocument/hover', { textDocument: { uri }, position: { line: -1, character: 0 } }), /outside the document/);
    await assert.rejects(client.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere.md' }, position: { line: 0, character: 0 } }), /Unknown document/);
    await assert.rejects(client.request('pmmLint/documentReport', {}), /Invalid parameters/);
    await assert.rejects(client.request('textDocument/documentSymbol', { textDocument: {} }), /Invalid parameters/);
    await assert.rejects(client.request('textDocument/documentSymbol', null));
    // Still alive.
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.length > 0);
  });

  it('leaves other languages and non-PMM Markdown alone', async () => {
    const text = uriOf(path.join(ROOT, 'notes.txt'));
    client.open(text, 'TBD: the best product ever\n', 'plaintext');
    const readme = uriOf(path.join(ROOT, 'README-like.md'));
    client.open(readme, '# My library\n\nThe fastest parser. TBD.\n\n## Install\n\nnpm i it\n');
    const p = await client.diagnosticsFor(readme, 1);
    assert.deepEqual(p.diagnostics, []);
    assert.ok(!client.published.some((x) => x.uri === text), 'no diagnostics for a plaintext document');
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: text } });
    assert.deepEqual(symbols, []);
    client.close(text);
    client.close(readme);
  });

  it('does no work for a document closed before its lint', async () => {
    const uri = uriOf(path.join(ROOT, 'closing.md'));
    client.open(uri, read(EN_FLAWED));
    await client.diagnosticsFor(uri, 1);
    client.change(uri, [{ text: read(EN_FLAWED) + '\nMore TBD.\n' }]);
    const cleared = client.diagnostics(uri, (p) => p.diagnostics.length === 0);
    client.close(uri);
    await cleared;
    // A request after the close is a barrier: anything the server had queued for the document came before it.
    await client.request('textDocument/documentSymbol', { textDocument: { uri: uriOf(EN_FLAWED) } });
    const afterClose = client.published.slice(client.published.findIndex((p) => p.uri === uri && p.diagnostics.length === 0) + 1);
    assert.ok(!afterClose.some((p) => p.uri === uri), 'nothing published for a closed document');
  });

  it('ends with diagnostics for the final text after a burst of 200 edits', async () => {
    const uri = uriOf(path.join(ROOT, 'burst.md'));
    client.open(uri, read(EN_FLAWED));
    await client.diagnosticsFor(uri, 1);
    const insertAt = client.text(uri).indexOf('## Success metrics');
    let version = 1;
    const typed = '## Owners\n\n- Launch lead: Dev Patel (PMM)\n- PM: Ana Ruiz\n- Eng: Kim Lee\n\nTBD is gone. The best alerting tool ever built for teams, period.\n\n'.padEnd(200, 'x');
    for (let i = 0; i < 200; i++) {
      const pos = TextDocument.create(uri, 'markdown', 0, client.text(uri)).positionAt(insertAt + i);
      version = client.change(uri, [{ range: { start: pos, end: pos }, text: typed[i] }]);
    }
    assert.equal(version, 201);
    const final = await client.diagnosticsFor(uri, 201);
    const expected = lintText(client.text(uri), { filePath: path.join(ROOT, 'burst.md') }).findings.map((f) => f.ruleId);
    assert.deepEqual(codes(final), expected);
    assert.ok(!missingElements(final.diagnostics).includes('owners'));
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    const last = client.published.filter((p) => p.uri === uri).at(-1)!;
    assert.equal(last.version, 201, 'no stale diagnostics after the final ones');
    const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'versions only go forward');
    client.close(uri);
  });
});

// The real handbook documents of ../shared/eval-corpus, where present: the server says what the CLI says.
const CORPUS = path.resolve(ROOT, '..', 'shared', 'eval-corpus');
describe('language server on the eval corpus', { skip: fs.existsSync(CORPUS) ? false : 'no ../shared/eval-corpus' }, () => {
  it('publishes, for every document, the findings of pmm-lint --format json', async () => {
    const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.md')).map((f) => path.join(CORPUS, f));
    assert.ok(files.length > 10);
    const cli = JSON.parse((await runCli(['--format', 'json', ...files], { cwd: CORPUS })).stdout) as Array<{ file: string; findings: Array<Record<string, unknown>> }>;
    const client = await LspClient.start({ rootPath: CORPUS });
    try {
      for (const file of files) {
        const uri = uriOf(file);
        client.open(uri, read(file));
        const p = await client.diagnosticsFor(uri, 1);
        const expected = cli.find((r) => path.resolve(CORPUS, r.file) === file)!.findings;
        assert.deepEqual(
          p.diagnostics.map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1]),
          expected.map((f) => [f.ruleId, f.line, f.column]),
          path.basename(file),
        );
        client.close(uri);
      }
    } finally {
      await client.stop();
    }
  });
});
