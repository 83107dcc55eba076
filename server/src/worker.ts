// The lint worker (dist/worker.js): the CLI and the language server run every lint here, on worker threads
// that a pool (runtime/pool.ts) can stop when a document runs past its budget.

import { lspBroadcast, runLspJob, type LspBroadcast, type LspJob } from './lsp/worker-jobs';
import { lintText } from './core/lint';
import { idleCollector } from './runtime/idle-gc';
import { runCliJob, type CliJob } from './runtime/lint-file';
import { serveJobs } from './runtime/worker-host';

const collector = idleCollector();

// Warm up before saying ready (compiled checklists, the parser's first run), so a document's time budget is
// spent on the document, not on the worker's start.
lintText('# Launch plan\n\n## Goals\n\n- Reach 40% by 2027-03-31\n\n| Metric | Target |\n|---|---|\n| Win rate | 30% |\n', {});

serveJobs(
  (payload, context) => {
    const job = payload as CliJob | LspJob;
    if (job.op === 'cli-file' || job.op === 'cli-text') return runCliJob(job);
    return runLspJob(job, context);
  },
  (message) => lspBroadcast(message as LspBroadcast, collector.collectGarbage),
  collector.afterWork,
);
