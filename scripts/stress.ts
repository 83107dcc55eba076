// npm run stress [-- --edits N --documents N --churn N --seed N]: the language server under an edit storm
// (tools/storm.ts; 100,000 edits by default, npm test runs 10,000) started as the VS Code client starts it. Prints the server's
// heap after a full collection and its resident memory at each checkpoint, then the growth from the first
// checkpoint to the last. Fails (exit 1) when a final diagnostic is wrong.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { SERVER_EXEC_ARGV } from '../server/src/protocol';
import { LspClient } from '../tools/lsp';
import { storm, type Checkpoint } from '../tools/storm';

const { values } = parseArgs({
  options: { edits: { type: 'string', default: '100000' }, documents: { type: 'string', default: '4' }, churn: { type: 'string', default: '25' }, seed: { type: 'string' } },
});
const edits = Number(values.edits);
const seed = values.seed ? Number(values.seed) : Date.now() % 100_000;
const MB = (n: number) => (n / 1024 / 1024).toFixed(1);

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmm-lint-stress-'));
  const client = await LspClient.start({ rootPath: dir, initializationOptions: { settings: { debounceMs: 0 } }, execArgv: SERVER_EXEC_ARGV });
  const started = Date.now();
  console.log(`edit storm: ${edits.toLocaleString('en')} edits over ${values.documents} open documents, one closed and one opened every ${values.churn} edits (seed ${seed})`);
  console.log('  edits   open  heap after GC   RSS');
  const show = (c: Checkpoint) =>
    console.log(`${String(c.edits).padStart(7)} ${String(c.status.documents).padStart(6)} ${MB(c.status.memory.heapUsed).padStart(10)} MB ${MB(c.status.memory.rss).padStart(7)} MB`);
  try {
    const result = await storm(client, dir, {
      edits,
      documents: Number(values.documents),
      churnEvery: Number(values.churn),
      checkpointEvery: Math.max(100, Math.round(edits / 10)),
      seed,
      onCheckpoint: show,
    });
    const heaps = result.checkpoints.map((c) => c.status.memory.heapUsed);
    const rss = result.checkpoints.map((c) => c.status.memory.rss);
    console.log(
      `done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.opened} documents opened, ${result.closed} closed (${result.closedUnlinted} before their first lint), ` +
        `${result.published.toLocaleString('en')} publishDiagnostics; final diagnostics equal a fresh lint for every open document, none for closed ones.`,
    );
    console.log(`heap after GC: first checkpoint ${MB(heaps[0])} MB, last ${MB(heaps.at(-1)!)} MB, max ${MB(Math.max(...heaps))} MB (growth ${MB(heaps.at(-1)! - heaps[0])} MB); RSS ${MB(rss[0])} -> ${MB(rss.at(-1)!)} MB`);
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`stress failed (seed ${seed}): ${error.stack ?? error}`);
  process.exit(1);
});
