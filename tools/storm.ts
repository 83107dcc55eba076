// An edit storm against the language server, shared by test/lsp/storm.test.ts (in npm test) and
// scripts/stress.ts (`npm run stress`, 10,000 edits with memory figures): several documents open at once, rapid
// random edits sent without waiting, documents closed and opened as the storm goes (some closed before their first
// lint), and at checkpoints the server's heap after a full collection. At the end every open document must have
// diagnostics for its final version equal to a fresh lint of its final text, and every closed one none.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { random } from './corpus';
import { lintText } from '../server/src/core/lint';
import { SERVER_STATUS_REQUEST, type ServerStatus } from '../server/src/protocol';
import { LspClient, ROOT, uriOf } from './lsp';

const EXAMPLES = ['en', 'zh'].flatMap((lang) =>
  fs
    .readdirSync(path.join(ROOT, 'examples', lang))
    .filter((f) => f.endsWith('.md'))
    .map((f) => fs.readFileSync(path.join(ROOT, 'examples', lang, f), 'utf8')),
);

// What a writer types or pastes: characters, words, whole sections, findings appearing and disappearing.
const INSERTS = [
  'a', ' ', '\n', 'e', '中', '，', '#', '- ', '\n\n', 'TBD', '待定', 'best-in-class ', '最佳', 'Q3', '**Owner:** ',
  '\n## Owners\n\n- PMM: Dana Li\n', '\n## 成功指标\n\n- 30 天内 NPS 提升到 40\n', '| a | b |\n|---|---|\n| 1 | 2 |\n',
  '\n## Success metrics\n\n- 500 sign-ups in the first 30 days\n', '---\ntype: gtm-brief\n---\n', '```\ncode\n', '<!-- x -->',
];

export interface StormOptions {
  edits: number;
  /** Documents open at the same time. */
  documents: number;
  /** Every this many edits a document is closed and another opened (0: never). */
  churnEvery: number;
  seed: number;
  /** Every this many edits, wait for the diagnostics of every open document and measure the server's heap. */
  checkpointEvery: number;
  onCheckpoint?: (checkpoint: Checkpoint) => void;
}

export interface Checkpoint {
  edits: number;
  openDocuments: number;
  status: ServerStatus;
}

export interface StormResult {
  checkpoints: Checkpoint[];
  /** Documents opened in all (including the first ones). */
  opened: number;
  /** Documents closed during the storm, of which closed before their first lint. */
  closed: number;
  closedUnlinted: number;
  /** publishDiagnostics received. */
  published: number;
}

const key = (d: { code?: unknown; range: { start: { line: number; character: number }; end: { line: number; character: number } } }) =>
  `${String(d.code)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;

/** What the server must publish for a text: the engine's findings, as LSP ranges. */
export function expectedDiagnostics(uri: string, file: string, text: string): string[] {
  const doc = TextDocument.create(uri, 'markdown', 0, text);
  return lintText(text, { filePath: file }).findings.map((f) =>
    key({ code: f.ruleId, range: { start: doc.positionAt(f.span.start), end: doc.positionAt(f.span.end) } }),
  );
}

export async function storm(client: LspClient, folder: string, options: StormOptions): Promise<StormResult> {
  // The bench's deterministic generator: a failing storm is replayed from its seed.
  const next = random(options.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  let serial = 0;
  const open: string[] = [];
  const closed = new Set<string>();
  const fileOf = (uri: string) => path.join(folder, uri.slice(uri.lastIndexOf('/') + 1));
  const result: StormResult = { checkpoints: [], opened: 0, closed: 0, closedUnlinted: 0, published: 0 };
  const publishedBefore = client.published.length;

  const openOne = () => {
    // File names that make the server detect the type by name, too.
    const name = `storm-${serial++}-${pick(['gtm-brief', 'positioning', 'notes', '定位'])}.md`;
    const uri = uriOf(path.join(folder, name));
    client.open(uri, pick(EXAMPLES));
    open.push(uri);
    result.opened++;
  };
  const close = (uri: string) => {
    if (!client.published.some((p) => p.uri === uri)) result.closedUnlinted++;
    client.close(uri);
    closed.add(uri);
    result.closed++;
  };
  const closeOne = async () => {
    const uri = open.splice(Math.floor(next() * open.length), 1)[0];
    // Half the time after its current version was linted, else while the server is still behind.
    if (next() < 0.5) await client.diagnosticsFor(uri, client.docs.get(uri)!.version);
    close(uri);
  };
  const editOne = (uri: string) => {
    const doc = client.docs.get(uri)!;
    const length = doc.getText().length;
    const at = Math.floor(next() * (length + 1));
    const roll = next();
    const remove = roll < 0.5 ? 0 : roll < 0.8 ? Math.floor(next() * 3) : Math.floor(next() * 200);
    const start = doc.positionAt(at);
    const end = doc.positionAt(Math.min(length, at + remove));
    client.change(uri, [{ range: { start, end }, text: roll < 0.9 ? pick(INSERTS) : '' }]);
  };
  /** Every open document's diagnostics for its current version. */
  const settle = async () => {
    for (const uri of open) await client.diagnosticsFor(uri, client.docs.get(uri)!.version);
  };

  for (let i = 0; i < options.documents; i++) openOne();
  for (let edit = 1; edit <= options.edits; edit++) {
    editOne(pick(open));
    if (options.churnEvery && edit % options.churnEvery === 0) {
      await closeOne();
      openOne();
      // Now and then a document opened and closed again at once, before the server could lint it.
      if (next() < 0.3) {
        openOne();
        close(open.pop()!);
      }
    }
    if (edit % options.checkpointEvery === 0 || edit === options.edits) {
      await settle();
      const status = await client.request<ServerStatus>(SERVER_STATUS_REQUEST, { collectGarbage: true });
      const checkpoint = { edits: edit, openDocuments: open.length, status };
      result.checkpoints.push(checkpoint);
      options.onCheckpoint?.(checkpoint);
    }
  }

  // The last word for every document: open ones have their final version's diagnostics, equal to a fresh lint.
  await settle();
  for (const uri of open) {
    const last = client.published.filter((p) => p.uri === uri).at(-1)!;
    assert.equal(last.version, client.docs.get(uri)!.version, `${uri}: the last diagnostics are for the final version`);
    assert.deepEqual(last.diagnostics.map(key), expectedDiagnostics(uri, fileOf(uri), client.text(uri)), `${uri}: diagnostics of the final text`);
    assertVersionsForward(client.published.slice(publishedBefore).filter((p) => p.uri === uri), uri);
  }
  // Closed ones end with no diagnostics. The status request is answered after every earlier message was handled.
  await client.request(SERVER_STATUS_REQUEST, {});
  for (const uri of closed) {
    const last = client.published.filter((p) => p.uri === uri).at(-1);
    if (last) assert.deepEqual(last.diagnostics, [], `${uri}: closed, its diagnostics cleared`);
  }
  result.published = client.published.length - publishedBefore;
  return result;
}

function assertVersionsForward(published: PublishDiagnosticsParams[], uri: string): void {
  const versions = published.filter((p) => p.version !== undefined).map((p) => p.version!);
  assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `${uri}: versions only go forward`);
}
