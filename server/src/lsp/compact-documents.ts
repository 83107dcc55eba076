// Open documents whose text is kept compactly while nobody touches them. With thousands of documents open, their
// text is most of the server's memory (a 20 KB brief with some Chinese is a 40 KB two-byte string in V8): a
// document not used recently keeps its text deflated (about a quarter of that), outside the JavaScript heap, and
// is inflated again on first use. The most recently used documents stay as plain TextDocuments.

import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Position, Range, TextDocumentsConfiguration } from 'vscode-languageserver';

const HOT_DOCUMENTS = 16;
// Small documents cost less than their bookkeeping to compress.
const COMPRESS_FROM_CHARS = 2048;
// Packing waits until documents stop arriving (a burst of opened documents is read first, so a request behind it
// is answered sooner), unless this much cold text waits.
const PACK_AFTER_MS = 250;
const MAX_WAITING_CHARS = 64 * 1024 * 1024;

/** Documents in plain form, least recently used first. */
const hot = new Set<CompactDocument>();
/** Documents no longer hot, waiting to be packed. */
const cooling = new Set<CompactDocument>();
let coolingChars = 0;
let lastTouch = 0;
let packTimer: NodeJS.Timeout | undefined;

function schedulePacking(): void {
  if (coolingChars > MAX_WAITING_CHARS) {
    packColdDocuments();
    return;
  }
  if (packTimer) return;
  const wait = () => {
    const idle = Date.now() - lastTouch;
    if (idle < PACK_AFTER_MS) {
      packTimer = setTimeout(wait, PACK_AFTER_MS - idle);
      packTimer.unref();
      return;
    }
    packTimer = undefined;
    packColdDocuments();
  };
  packTimer = setTimeout(wait, PACK_AFTER_MS);
  packTimer.unref();
}

/** Packs every document that is no longer among the most recently used (done by a timer; tests call it). */
export function packColdDocuments(): void {
  for (const doc of cooling) doc.pack();
  cooling.clear();
  coolingChars = 0;
}

export class CompactDocument implements TextDocument {
  private plain: TextDocument | null;
  private packed: Buffer | null = null;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    content: string | TextDocument,
  ) {
    this.plain = typeof content === 'string' ? TextDocument.create(uri, languageId, version, content) : content;
    this.touch();
  }

  /** The plain document, inflated if needed, and marked as recently used. */
  private document(): TextDocument {
    if (!this.plain) {
      this.plain = TextDocument.create(this.uri, this.languageId, this.version, inflateRawSync(this.packed!).toString('utf8'));
      this.packed = null;
    }
    this.touch();
    return this.plain;
  }

  private touch(): void {
    lastTouch = Date.now();
    this.uncool();
    hot.delete(this);
    hot.add(this);
    if (hot.size > HOT_DOCUMENTS) {
      const coldest = hot.values().next().value!;
      hot.delete(coldest);
      if (coldest.plain && coldest.plain.getText().length >= COMPRESS_FROM_CHARS) {
        cooling.add(coldest);
        coolingChars += coldest.plain.getText().length;
        schedulePacking();
      }
    }
  }

  private uncool(): void {
    if (cooling.delete(this)) coolingChars -= this.plain?.getText().length ?? 0;
  }

  /** Deflates the text (for documents no longer used). */
  pack(): void {
    if (!this.plain || this.plain.getText().length < COMPRESS_FROM_CHARS) return;
    const deflated = deflateRawSync(Buffer.from(this.plain.getText(), 'utf8'), { level: 1 });
    // zlib hands back a view of its 16 KB output chunk: keep a copy of the bytes, not the chunk.
    this.packed = deflated.byteLength < deflated.buffer.byteLength ? Buffer.from(deflated) : deflated;
    this.plain = null;
  }

  /** Whether the text is currently deflated (for tests). */
  get isPacked(): boolean {
    return this.plain === null;
  }

  /** Closed: forget it. */
  release(): void {
    hot.delete(this);
    this.uncool();
  }

  get lineCount(): number {
    return this.document().lineCount;
  }
  getText(range?: Range): string {
    return this.document().getText(range);
  }
  positionAt(offset: number): Position {
    return this.document().positionAt(offset);
  }
  offsetAt(position: Position): number {
    return this.document().offsetAt(position);
  }
  getLineRange(line: number): Range {
    return this.document().getLineRange(line);
  }
  getEOLCharacters(line: number): string {
    return this.document().getEOLCharacters(line);
  }

  static update(doc: CompactDocument, changes: TextDocumentContentChangeEvent[], version: number): CompactDocument {
    const next = TextDocument.update(doc.document(), changes, version);
    doc.release();
    return new CompactDocument(doc.uri, doc.languageId, version, next);
  }
}

export const compactDocuments: TextDocumentsConfiguration<CompactDocument> = {
  create: (uri, languageId, version, content) => new CompactDocument(uri, languageId, version, content),
  update: (doc, changes, version) => CompactDocument.update(doc, changes, version),
};
