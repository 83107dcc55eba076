// Documents not used recently keep their text deflated; reading or editing them gives exactly the same results.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompactDocument, compactDocuments, packColdDocuments } from '../../server/src/lsp/compact-documents';

const text = (i: number) => `# Brief ${i}\r\n\r\n${'成功指标: 500 workspaces by 2027-03-31. '.repeat(80)}\n## Owners\r\n\r\n- Dana Li\n`;

describe('compact documents', () => {
  it('pack the least recently used documents and read back the same text, positions and edits', () => {
    const docs = Array.from({ length: 40 }, (_, i) => compactDocuments.create(`file:///d${i}.md`, 'markdown', 1, text(i)));
    assert.ok(!docs[0].isPacked, 'packing waits until documents stop arriving');
    packColdDocuments();
    assert.ok(docs[0].isPacked && docs[5].isPacked, 'the coldest are packed');
    assert.ok(!docs[39].isPacked, 'the latest stays plain');
    for (const [i, doc] of docs.entries()) {
      const plain = TextDocument.create(doc.uri, 'markdown', 1, text(i));
      assert.equal(doc.getText(), plain.getText());
      assert.equal(doc.lineCount, plain.lineCount);
      assert.deepEqual(doc.positionAt(1500), plain.positionAt(1500));
      assert.equal(doc.offsetAt({ line: 2, character: 7 }), plain.offsetAt({ line: 2, character: 7 }));
    }
    // An incremental edit to a packed document.
    const cold = docs[1];
    for (let i = 2; i < 40; i++) docs[i].getText();
    packColdDocuments();
    assert.ok(cold.isPacked);
    const changes = [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } }, text: '目标' }];
    const next = compactDocuments.update(cold, changes, 2);
    const expected = TextDocument.update(TextDocument.create(cold.uri, 'markdown', 1, text(1)), changes, 2);
    assert.equal(next.version, 2);
    assert.equal(next.getText(), expected.getText());
    assert.equal(next.uri, cold.uri);
    for (const d of docs) d.release();
  });

  it('leaves small documents plain', () => {
    const docs = Array.from({ length: 40 }, (_, i) => compactDocuments.create(`file:///s${i}.md`, 'markdown', 1, `# ${i}\n`));
    packColdDocuments();
    assert.ok(docs.every((d) => !d.isPacked));
    assert.ok(docs[0] instanceof CompactDocument);
    for (const d of docs) d.release();
  });
});
