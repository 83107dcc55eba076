// The server in a workspace: pull diagnostics, settings and config files (watched, per folder), run on save,
// the client's language, a rule that throws, cancellation, shutdown.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { LspClient, ROOT, uriOf } from '../../tools/lsp';
import { FLAWED_GTM, makeTree } from '../../tools/tmp';

const EN_FLAWED = fs.readFileSync(path.join(ROOT, 'examples', 'en', 'gtm-brief.flawed.md'), 'utf8');
const ZH_FLAWED = fs.readFileSync(path.join(ROOT, 'examples', 'zh', 'positioning.flawed.md'), 'utf8');
const codes = (ds: Array<{ code?: unknown }>) => [...new Set(ds.map((d) => String(d.code)))].sort();

describe('pull diagnostics', () => {
  it('answers textDocument/diagnostic and does not push when the client pulls', async () => {
    const client = await LspClient.start({
      rootPath: ROOT,
      capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { diagnostics: { refreshSupport: true } } },
    });
    try {
      assert.equal((client.initializeResult.capabilities.diagnosticProvider as { identifier: string }).identifier, 'pmm-lint');
      const uri = uriOf(path.join(ROOT, 'pull.md'));
      client.open(uri, EN_FLAWED);
      const first = await client.request<DocumentDiagnosticReport & { resultId: string; items: unknown[] }>('textDocument/diagnostic', { textDocument: { uri } });
      assert.equal(first.kind, 'full');
      assert.ok(codes(first.items as Array<{ code: string }>).includes('required-element'));
      const again = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId });
      assert.deepEqual(again, { kind: 'unchanged', resultId: first.resultId });
      client.replaceAll(uri, EN_FLAWED.replace('industry-leading ', ''));
      const changed = await client.request<DocumentDiagnosticReport & { items: Array<{ code: string }> }>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId });
      assert.equal(changed.kind, 'full');
      assert.ok(!changed.items.some((d) => d.code === 'unproven-claim'));
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      assert.deepEqual(client.published, [], 'nothing pushed');
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});

describe('settings and config files', () => {
  it('re-lints when a watched .pmmlintrc changes, per workspace folder', async () => {
    const tree = makeTree({ 'a/brief.md': FLAWED_GTM, 'b/brief.md': FLAWED_GTM, 'b/.pmmlintrc.json': '{ "rules": { "placeholder": "off" } }' });
    const client = await LspClient.start({ workspaceFolders: [path.join(tree.dir, 'a'), path.join(tree.dir, 'b')] });
    try {
      const a = uriOf(path.join(tree.dir, 'a', 'brief.md'));
      const b = uriOf(path.join(tree.dir, 'b', 'brief.md'));
      client.open(a, FLAWED_GTM);
      client.open(b, FLAWED_GTM);
      const da = await client.diagnosticsFor(a, 1);
      const db = await client.diagnosticsFor(b, 1);
      assert.ok(codes(da.diagnostics).includes('vague-metric'));
      assert.ok(codes(db.diagnostics).includes('vague-metric'));
      // Folder a gets its own config: vague-metric off.
      const rc = path.join(tree.dir, 'a', '.pmmlintrc.yaml');
      fs.writeFileSync(rc, 'rules:\n  vague-metric: off\n');
      const next = client.diagnostics(a, (p) => !codes(p.diagnostics).includes('vague-metric'));
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(rc), type: 1 }] });
      await next;
      // Folder b keeps its own.
      await client.request('textDocument/documentSymbol', { textDocument: { uri: b } });
      const lastB = client.published.filter((p) => p.uri === b).at(-1)!;
      assert.ok(codes(lastB.diagnostics).includes('vague-metric'));
      // A change to an unrelated file is ignored.
      const before = client.published.length;
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(tree.dir, 'a', 'package.json')), type: 2 }] });
      await client.request('textDocument/documentSymbol', { textDocument: { uri: b } });
      assert.equal(client.published.length, before);
      // A broken config: one clear error on the document, and a message.
      fs.writeFileSync(rc, 'rules:\n  vague-metric: [nope\n');
      const broken = client.diagnostics(a, (p) => p.diagnostics.some((d) => d.code === 'config'));
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(rc), type: 2 }] });
      const p = await broken;
      assert.equal(p.diagnostics.length, 1);
      assert.match(String(p.diagnostics[0].message), /config error in .*\.pmmlintrc\.yaml:\d+:\d+/);
      assert.equal(p.diagnostics[0].relatedInformation![0].location.uri, uriOf(rc));
      assert.ok(client.shown.some((m) => /\.pmmlintrc\.yaml/.test(m.message)));
    } finally {
      await client.stop();
      tree.cleanup();
    }
  });

  it('watches config files itself for a client that cannot (Neovim 0.7)', async () => {
    const tree = makeTree({ 'brief.md': FLAWED_GTM, '.pmmlintrc.json': '{ "rules": { "placeholder": "off" } }' });
    const client = await LspClient.start({ rootPath: tree.dir, capabilities: { textDocument: { publishDiagnostics: {} } } });
    try {
      const uri = uriOf(path.join(tree.dir, 'brief.md'));
      client.open(uri, FLAWED_GTM);
      assert.ok(codes((await client.diagnosticsFor(uri, 1)).diagnostics).includes('vague-metric'));
      const next = client.diagnostics(uri, (p) => !codes(p.diagnostics).includes('vague-metric'));
      fs.writeFileSync(path.join(tree.dir, '.pmmlintrc.json'), '{ "rules": { "vague-metric": "off" } }');
      await next;
    } finally {
      await client.stop();
      tree.cleanup();
    }
  });

  it('applies pmmLint.* settings and their changes', async () => {
    let settings: Record<string, unknown> = { rules: { 'vague-date': 'off' } };
    const tree = makeTree({ 'brief.md': FLAWED_GTM });
    const client = await LspClient.start({ rootPath: tree.dir, settings: (_scope, section) => (section === 'pmmLint' ? settings : null) });
    try {
      await client.registered('workspace/didChangeConfiguration');
      const uri = uriOf(path.join(tree.dir, 'brief.md'));
      client.open(uri, FLAWED_GTM);
      const first = await client.diagnosticsFor(uri, 1);
      assert.ok(!codes(first.diagnostics).includes('vague-date'));
      assert.ok(codes(first.diagnostics).includes('vague-metric'));
      settings = { rules: { 'vague-metric': 'error', bogus: 'error' }, locale: 'zh' };
      const next = client.diagnostics(uri, (p) => codes(p.diagnostics).includes('vague-date'));
      client.notify('workspace/didChangeConfiguration', { settings: null });
      const p = await next;
      assert.ok(p.diagnostics.filter((d) => d.code === 'vague-metric').every((d) => d.severity === 1));
      assert.match(String(p.diagnostics[0].message), /[\u4e00-\u9fff]/, 'messages in Chinese');
      assert.ok(client.logs.some((l) => /pmmLint\.rules\.bogus/.test(l.message)), 'the bad setting is reported');
      settings = { enable: false };
      const off = client.diagnostics(uri, (p) => p.diagnostics.length === 0);
      client.notify('workspace/didChangeConfiguration', { settings: null });
      await off;
    } finally {
      await client.stop();
      tree.cleanup();
    }
  });

  it('lints only on save when run is onSave', async () => {
    const client = await LspClient.start({ rootPath: ROOT, initializationOptions: { settings: { run: 'onSave', debounceMs: 0 } } });
    try {
      const uri = uriOf(path.join(ROOT, 'on-save.md'));
      client.open(uri, EN_FLAWED);
      await client.diagnosticsFor(uri, 1);
      const v2 = client.replaceAll(uri, EN_FLAWED.replace('industry-leading ', ''));
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(!client.published.some((p) => p.uri === uri && p.version === v2), 'nothing while typing');
      client.save(uri);
      const saved = await client.diagnosticsFor(uri, v2);
      assert.ok(!codes(saved.diagnostics).includes('unproven-claim'));
    } finally {
      await client.stop();
    }
  });

  it("speaks the client's language", async () => {
    const client = await LspClient.start({ rootPath: ROOT, locale: 'zh-cn' });
    try {
      const uri = uriOf(path.join(ROOT, 'examples', 'zh', 'positioning.flawed.md'));
      client.open(uri, ZH_FLAWED);
      const p = await client.diagnosticsFor(uri, 1);
      assert.ok(p.diagnostics.length > 0);
      for (const d of p.diagnostics) assert.match(String(d.message), /[\u4e00-\u9fff]/);
      const missing = p.diagnostics.find((d) => d.code === 'required-element')!;
      const actions = await client.request<Array<{ title: string }>>('textDocument/codeAction', { textDocument: { uri }, range: missing.range, context: { diagnostics: [missing] } });
      assert.ok(actions.some((a) => a.title.startsWith('插入缺失要素')));
    } finally {
      await client.stop();
    }
  });
});

describe('robustness', () => {
  it('replies to a cancelled request with RequestCancelled and keeps serving', async () => {
    // The client holds its answer to workspace/configuration, so the request is still pending when cancelled.
    let release: () => void = () => {};
    let gate: Promise<void> | null = null;
    const client = await LspClient.start({ rootPath: ROOT, settings: async () => (gate && (await gate), {}) });
    try {
      const uri = uriOf(path.join(ROOT, 'cancel.md'));
      client.open(uri, EN_FLAWED);
      await client.diagnosticsFor(uri, 1);
      gate = new Promise((resolve) => (release = resolve));
      client.notify('workspace/didChangeConfiguration', { settings: null });
      const { CancellationTokenSource } = await import('vscode-languageserver-protocol');
      const source = new CancellationTokenSource();
      const pending = client.conn.sendRequest('pmmLint/documentReport', { textDocument: { uri } }, source.token);
      source.cancel();
      const outcome = pending.then(
        () => 'answered',
        (e: { code?: number }) => e.code,
      );
      release();
      assert.equal(await outcome, -32800);
      const report = await client.request<{ docType: string }>('pmmLint/documentReport', { textDocument: { uri } });
      assert.equal(report.docType, 'gtm-brief');
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });

  it('runs over node IPC, as the VS Code client starts it', async () => {
    const client = await LspClient.start({ rootPath: ROOT, transport: 'ipc' });
    try {
      const uri = uriOf(path.join(ROOT, 'ipc.md'));
      client.open(uri, EN_FLAWED);
      const p = await client.diagnosticsFor(uri, 1);
      assert.ok(codes(p.diagnostics).includes('required-element'));
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });

  it('exits with 0 after shutdown and exit', async () => {
    const client = await LspClient.start({});
    assert.equal(await client.stop(), 0);
  });
});
