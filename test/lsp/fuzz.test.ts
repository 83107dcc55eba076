// The server never dies on input: random incremental edits (Markdown pieces, CJK, CRLF, lone surrogates, NUL)
// end with diagnostics equal to a fresh lint of the final text, and every request at every position answers.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintText } from '../../server/src/core/lint';
import { LspClient, ROOT, uriOf } from '../../tools/lsp';

const piece = fc.oneof(
  fc.constantFrom('\n## Success metrics\n', '\n## 成功指标\n', '\n## Owners\n', '---\n', '---\ntype: gtm-brief\n---\n', '| a | b |\n|---|---|\n| 1 | TBD |\n', '- ', '> ', '```\n', '\r\n', '\r', '\n\n', '{{x}}', '最佳', 'the best', 'Q3', '#', ':', '\u0000', '\ud800', '<!-- pmm-lint-disable -->'),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);
const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 20 }), text: piece });
const position = fc.record({ line: fc.nat({ max: 80 }), character: fc.nat({ max: 120 }) });

describe('server under random edits', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ rootPath: ROOT, initializationOptions: { settings: { debounceMs: 0 } } });
  });
  after(() => client.stop());

  it('ends every run with diagnostics for the final text, and answers every request', async () => {
    const seed = fs.readFileSync(path.join(ROOT, 'examples', 'en', 'gtm-brief.flawed.md'), 'utf8');
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 25 }), fc.array(position, { maxLength: 4 }), async (edits, positions) => {
        const file = path.join(ROOT, `fuzz-${++run}-gtm.md`);
        const uri = uriOf(file);
        client.open(uri, seed);
        let version = 1;
        for (const e of edits) {
          const doc = TextDocument.create(uri, 'markdown', 0, client.text(uri));
          const start = e.at % (doc.getText().length + 1);
          const end = Math.min(doc.getText().length, start + e.remove);
          version = client.change(uri, [{ range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: e.text }]);
        }
        const final = await client.diagnosticsFor(uri, version);
        const text = client.text(uri);
        const expected = lintText(text, { filePath: file }).findings;
        assert.deepEqual(final.diagnostics.map((d) => d.code), expected.map((f) => f.ruleId));
        const lineCount = TextDocument.create(uri, 'markdown', 0, text).lineCount;
        for (const p of positions) {
          const pos = { line: p.line % lineCount, character: p.character };
          await client.request('textDocument/hover', { textDocument: { uri }, position: pos });
          await client.request('textDocument/completion', { textDocument: { uri }, position: pos });
          await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: pos, end: pos }, context: { diagnostics: final.diagnostics } });
        }
        await client.request('textDocument/documentSymbol', { textDocument: { uri } });
        await client.request('pmmLint/documentReport', { textDocument: { uri } });
        client.close(uri);
      }),
      { numRuns: 60 },
    );
    assert.equal(client.proc?.exitCode, null, 'the server is still running');
  });
});
