// The server's own requests, for the VS Code client: preview HTML, element and type edits, checklists,
// linting files from disk; and push diagnostics on request even for a client that could pull.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { LspClient, ROOT, uriOf } from '../../tools/lsp';
import { FLAWED_GTM, makeTree } from '../../tools/tmp';

const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');
const apply = (text: string, edit: TextEdit) => TextDocument.applyEdits(TextDocument.create('x', 'markdown', 0, text), [edit]);

describe('custom requests', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ rootPath: ROOT });
  });
  after(() => client.stop());

  it('pmmLint/preview: sanitised HTML with data-line, and the report', async () => {
    const uri = uriOf(path.join(ROOT, 'hostile-gtm.md'));
    const hostile = `${FLAWED_GTM}\n<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n<iframe src="https://evil.example"></iframe>\n\n[js](javascript:alert(3)) [data](data:text/html,<b>x</b>) [ok](https://example.com) ![pic](https://evil.example/x.png)\n\n<svg><script>alert(4)</script></svg>\n\n<style>body{display:none}</style>\n`;
    client.open(uri, hostile);
    const { html, report } = await client.request<{ html: string; report: { docType: string; uri: string } }>('pmmLint/preview', { textDocument: { uri } });
    assert.equal(report.docType, 'gtm-brief');
    assert.equal(report.uri, uri);
    assert.match(html, /<h1 data-line="7">Alerts launch<\/h1>/);
    assert.match(html, /<pre class="front-matter" data-line="0">type: gtm-brief/);
    for (const bad of [/<script/i, /onerror/i, /<iframe/i, /javascript:/i, /data:text/i, /<img/i, /<svg/i, /<style/i, /evil\.example/]) assert.doesNotMatch(html, bad);
    assert.match(html, /<a href="https:\/\/example\.com">ok<\/a>/);
    assert.match(html, /\[pic\]/);
    client.close(uri);
  });

  it('pmmLint/preview: links with upper-case schemes are kept in lower case; other schemes dropped; relative links left to the client', async () => {
    const uri = uriOf(path.join(ROOT, 'links-gtm.md'));
    client.open(uri, `${FLAWED_GTM}\n[web](HTTP://example.com/A) [secure](HTTPS://example.com) [mail](MAILTO:pm@example.com) [js](JavaScript:alert(1)) [file](FILE:///etc/passwd) [cmd](COMMAND:workbench.action.quit) [up](../../../../etc/passwd) <HTTPS://auto.example/x>\n`);
    const { html } = await client.request<{ html: string }>('pmmLint/preview', { textDocument: { uri } });
    assert.match(html, /<a href="http:\/\/example\.com\/A">web<\/a>/);
    assert.match(html, /<a href="https:\/\/example\.com">secure<\/a>/);
    assert.match(html, /<a href="mailto:pm@example\.com">mail<\/a>/);
    assert.match(html, /<a href="https:\/\/auto\.example\/x">/);
    for (const bad of [/javascript:/i, /file:/i, /command:/i]) assert.doesNotMatch(html, bad);
    // Inert in the page; the client opens it only inside the document's or the workspace's folder (test/client/trust.test.ts).
    assert.match(html, /<a href="\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd">up<\/a>/);
    client.close(uri);
  });

  it('pmmLint/elementEdit inserts any missing element, optional ones too', async () => {
    const uri = uriOf(path.join(ROOT, 'element-edit.md'));
    client.open(uri, FLAWED_GTM);
    const before = await client.request<{ elements: Array<{ id: string; status: string; required: boolean }> }>('pmmLint/documentReport', { textDocument: { uri } });
    const optional = before.elements.find((e) => !e.required && e.status === 'missing');
    for (const id of ['owners', ...(optional ? [optional.id] : [])]) {
      const edit = await client.request<TextEdit>('pmmLint/elementEdit', { textDocument: { uri }, elementId: id });
      const version = client.replaceAll(uri, apply(client.text(uri), edit));
      await client.diagnosticsFor(uri, version);
      const report = await client.request<{ elements: Array<{ id: string; status: string }> }>('pmmLint/documentReport', { textDocument: { uri } });
      assert.notEqual(report.elements.find((e) => e.id === id)!.status, 'missing', id);
    }
    assert.equal(await client.request('pmmLint/elementEdit', { textDocument: { uri }, elementId: 'owners' }), null, 'present: no edit');
    await assert.rejects(client.request('pmmLint/elementEdit', { textDocument: { uri } }), /elementId/);
    client.close(uri);
  });

  it('pmmLint/setTypeEdit declares or changes the type', async () => {
    const uri = uriOf(path.join(ROOT, 'set-type.md'));
    client.open(uri, '# Notes\n\nSome text.\n');
    const edit = await client.request<TextEdit>('pmmLint/setTypeEdit', { textDocument: { uri }, type: 'persona' });
    const text = apply(client.text(uri), edit);
    assert.match(text, /^---\ntype: persona\n---\n\n# Notes/);
    const version = client.replaceAll(uri, text);
    await client.diagnosticsFor(uri, version);
    const again = await client.request<TextEdit>('pmmLint/setTypeEdit', { textDocument: { uri }, type: 'battlecard' });
    assert.match(apply(client.text(uri), again), /^---\ntype: battlecard\n---\n/);
    await assert.rejects(client.request('pmmLint/setTypeEdit', { textDocument: { uri }, type: 'nope' }), /type must be one of/);
    client.close(uri);
  });

  it('pmmLint/checklists lists the document types with their elements', async () => {
    const list = await client.request<Array<{ type: string; title: { en: string; zh: string }; elements: unknown[] }>>('pmmLint/checklists', {});
    assert.deepEqual(list.map((c) => c.type).sort(), ['battlecard', 'feedback-brief', 'gtm-brief', 'insight', 'message-house', 'persona', 'positioning']);
    assert.ok(list.every((c) => c.title.zh && c.elements.length > 3));
  });

  it('pmmLint/lintFiles lints files from disk and publishes their diagnostics', async () => {
    const tree = makeTree({ 'a/gtm-brief.md': FLAWED_GTM, 'b/readme.md': '# Lib\n\nInstall it.\n', 'c/bin.md': Buffer.from([0x23, 0, 1, 2]) });
    try {
      const uris = ['a/gtm-brief.md', 'b/readme.md', 'c/bin.md', 'missing.md'].map((f) => uriOf(path.join(tree.dir, f)));
      const published = client.diagnostics(uris[0], (p) => p.diagnostics.length > 0);
      const summary = await client.request<Array<{ uri: string; docType: string | null; problems: number; skipped?: string }>>('pmmLint/lintFiles', { uris });
      assert.deepEqual(summary.map((s) => [s.docType, s.skipped ?? null]), [['gtm-brief', null], [null, null], [null, 'binary'], [null, 'ENOENT']]);
      assert.ok(summary[0].problems > 0);
      assert.equal((await published).diagnostics.length, summary[0].problems);
    } finally {
      tree.cleanup();
    }
  });
});

describe('diagnosticMode: push', () => {
  it('pushes even when the client could pull', async () => {
    const client = await LspClient.start({
      rootPath: ROOT,
      capabilities: { textDocument: { diagnostic: {} } },
      initializationOptions: { diagnosticMode: 'push' },
    });
    try {
      assert.equal(client.initializeResult.capabilities.diagnosticProvider, undefined);
      const uri = uriOf(path.join(ROOT, 'push.md'));
      client.open(uri, read('examples/en/gtm-brief.flawed.md'));
      assert.ok((await client.diagnosticsFor(uri, 1)).diagnostics.length > 0);
    } finally {
      await client.stop();
    }
  });
});
