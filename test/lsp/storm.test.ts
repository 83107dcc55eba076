// The language server under an edit storm (tools/storm.ts): 10,000 rapid edits over four documents open
// at once, a document closed and another opened every 5 edits (about 2,600 of each). It must end with the final
// text's diagnostics for every open document, none for the closed ones, and a heap that does not grow.
// `npm run stress` prints the figures (and runs longer storms: `npm run stress -- --edits 100000`).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SERVER_EXEC_ARGV } from '../../server/src/protocol';
import { LspClient } from '../../tools/lsp';
import { storm } from '../../tools/storm';
import { makeTree } from '../../tools/tmp';

const MB = 1024 * 1024;

describe('language server under an edit storm', { timeout: 240_000 }, () => {
  const tree = makeTree({});
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ rootPath: tree.dir, initializationOptions: { settings: { debounceMs: 0 } }, execArgv: SERVER_EXEC_ARGV });
  });
  after(async () => {
    await client.stop();
    tree.cleanup();
  });

  it('10,000 rapid edits with open/close churn: final diagnostics right, closed documents cleared, no heap growth', async () => {
    const seed = Number(process.env.PMM_LINT_STORM_SEED) || Date.now() % 100_000;
    const result = await storm(client, tree.dir, { edits: 10_000, documents: 4, churnEvery: 5, checkpointEvery: 1000, seed }).catch((error: Error) => {
      error.message = `storm seed ${seed} (replay: PMM_LINT_STORM_SEED=${seed}): ${error.message}`;
      throw error;
    });
    assert.ok(result.closed >= 2000, `documents closed: ${result.closed}`);
    const heaps = result.checkpoints.map((c) => c.status.memory.heapUsed);
    assert.ok(result.checkpoints.every((c) => c.status.collected), 'the server collected garbage before measuring');
    assert.ok(result.checkpoints.every((c) => c.status.documents === c.openDocuments), 'the server holds exactly the open documents');
    // From the second checkpoint (2,000 edits, ~500 documents closed: every code path warm, V8's own tables
    // grown) the heap after a full collection stays flat: measured 14.9-15.6 MB from there to 10,000 edits, and
    // flat over 30,000 edits and 12,935 closed documents (`npm run stress`). A leak is a trend, so the last three
    // checkpoints are compared with the 2,000 and 3,000 edit ones, each side by its lowest (a single checkpoint
    // can catch garbage a collection left: 16.7 MB once among 15s). Keeping one string of each closed document
    // (~2 KB x 2,000) gave 15.2 -> 23.7 MB.
    const growth = Math.min(...heaps.slice(-3)) - Math.min(heaps[1], heaps[2]);
    assert.ok(growth < 2 * MB, `heap after collection: ${heaps.map((h) => (h / MB).toFixed(1)).join(' -> ')} MB`);
  });
});
