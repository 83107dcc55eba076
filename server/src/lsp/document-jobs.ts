// The hand-off of a document's work to the lint workers (runtime/pool.ts), each job within the document's time
// and memory budget. A document the pool stopped keeps one diagnostic for that version, so it is not linted
// again; the rest goes on. This thread only schedules: every parse happens on the workers.

import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { t } from '../core/i18n';
import { DEFAULT_BUDGET, HEAVY_CHARS, threadCount } from '../runtime/budget';
import { WorkerPool, type JobHandle, type JobOutcome, type JobSpec } from '../runtime/pool';
import type { ChecklistSummary } from '../protocol';
import { SOURCE } from './basics';
import type { LspBroadcast, LspJob, LspJobContext, LspReply, LspRequest } from './worker-jobs';

/** Scheduling priorities: requests first, then the document being edited, then the rest. */
export const PRIORITY = { request: 0, edited: 1, opened: 2, workspace: 3 } as const;

/** A document the pool stopped: its one diagnostic, kept for that version so it is not linted again. */
export interface OverBudget {
  version: number;
  generation: number;
  notice: string;
  diagnostics: Diagnostic[];
}

/** A job's result: the worker's reply, or why the document was stopped. */
export type Work = { ok: true; reply: LspReply } | ({ ok: false } & OverBudget);

/** The open documents, as the main thread has them. */
export interface DocumentStore {
  get(uri: string): TextDocument | undefined;
  all(): TextDocument[];
}

/** What runs jobs (the WorkerPool; a fake in tests). */
export interface JobRunner {
  run<R>(spec: JobSpec): JobHandle<R>;
  forget(key: string): void;
  broadcast(message: unknown): void;
  readonly load: { queued: number; running: number; workers: number };
  close(): Promise<void>;
}

export interface DocumentJobsOptions {
  pool: JobRunner;
  documents: DocumentStore;
  /** Settings, folder, locale and generation for a document's job. */
  contextFor(uri: string): Promise<LspJobContext>;
  /** A worker's log line. */
  log(line: string): void;
  warn(message: string): void;
  /** An error to show the user (each message once). */
  showError(message: string): void;
  /** Config and checklist files the workers read. */
  dependencies(files: readonly string[]): void;
  /** After each piece of work (the server collects garbage when idle). */
  afterWork?(): void;
}

/**
 * The lint pool of the language server. One worker stays, for the work someone waits for (the document being
 * edited, requests); background work (opened documents, Lint Workspace, re-lints after a settings change) runs on
 * extra workers, one per core, which start for it and stop after 10 s idle, giving their memory back. Every worker
 * has the same small young generation (16 MiB): an extra worker often goes on with the document it opened (it
 * holds its parse), and a larger one touched fresh memory pages for dozens of keystrokes, each fault costing
 * more than the collections it saved (keystroke p95 at 20 KB 15.8 → 12.6-14.2 ms, medians of runs).
 */
export function createLspPool(script: string): WorkerPool {
  const threads = Number(process.env.PMM_LINT_THREADS) || threadCount(4);
  return new WorkerPool({
    script,
    size: 1 + threads,
    keep: 1,
    backgroundFrom: PRIORITY.opened,
    heavyAtOnce: Math.max(1, threads - 1),
    memoryMb: DEFAULT_BUDGET.memoryMb,
    youngMb: 16,
    idleMs: 10_000,
    reserveAfterMs: 500,
    reserveMemoryMb: 64,
    // The reserve is for requests: a burst of opened documents waits for the regular workers.
    reserveForPriority: PRIORITY.request,
    slowMs: 1000,
  });
}

/** The diagnostic and notice of a document the pool stopped. */
export function overBudgetOf(result: Exclude<JobOutcome<LspReply>, { kind: 'done' }>, version: number, context: LspJobContext): OverBudget {
  const locale = context.settings.locale !== 'auto' ? context.settings.locale : context.clientLocale;
  const notice =
    result.kind === 'timeout'
      ? t(locale, 'budget.overTime', { seconds: (result.ms / 1000).toFixed(1) })
      : result.kind === 'memory'
        ? t(locale, 'budget.overMemory', { limit: result.limitMb })
        : t(locale, 'lsp.lintFailed', { detail: result.kind === 'failed' ? result.error : 'cancelled' });
  const diagnostic: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Warning, source: SOURCE, code: 'budget', message: notice };
  return { version, generation: context.generation, notice, diagnostics: [diagnostic] };
}

export class DocumentJobs {
  private readonly overBudget = new Map<string, OverBudget>();
  /** The lint job each document has waiting, so a newer edit replaces it. */
  private readonly waitingLint = new Map<string, JobHandle<LspReply>>();
  private readonly shownErrors = new Set<string>();

  constructor(private readonly options: DocumentJobsOptions) {}

  get load(): JobRunner['load'] {
    return this.options.pool.load;
  }

  /**
   * Runs a request for a document on the pool. Lints take the document's latest text when they start (a burst of
   * edits is linted once); requests take the text they were asked about. Null: closed or replaced meanwhile.
   */
  async work(uri: string, request: LspRequest, priority: number, latest: boolean): Promise<Work | null> {
    const { documents, pool } = this.options;
    const asked = documents.get(uri);
    if (!asked) return null;
    const context = await this.options.contextFor(uri);
    const askedText = latest ? null : { version: asked.version, text: asked.getText() };
    const over = this.overBudget.get(uri);
    if (over && over.version === asked.version && over.generation === context.generation && !latest) return { ok: false, ...over };
    let version = asked.version;
    const payload = (): LspJob | null => {
      const doc = documents.get(uri);
      if (!doc) return null;
      const known = this.overBudget.get(uri);
      if (latest && known && known.version === doc.version && known.generation === context.generation) return null;
      version = askedText?.version ?? doc.version;
      const background = request.feature === 'lint' && priority >= PRIORITY.opened;
      return { op: 'lsp', doc: { uri, languageId: doc.languageId, version, text: askedText?.text ?? doc.getText() }, context, ...(background ? { background } : {}), ...request };
    };
    const handle = pool.run<LspReply>({ key: uri, priority, timeMs: DEFAULT_BUDGET.timeMs, payload, heavy: asked.getText().length > HEAVY_CHARS });
    if (latest) {
      this.waitingLint.get(uri)?.cancel();
      this.waitingLint.set(uri, handle);
    }
    const result = await handle.outcome;
    if (this.waitingLint.get(uri) === handle) this.waitingLint.delete(uri);
    if (result.kind === 'done') {
      this.absorb(result.value);
      this.options.afterWork?.();
      return { ok: true, reply: result.value };
    }
    if (result.kind === 'cancelled') {
      const known = this.overBudget.get(uri);
      return known && documents.get(uri)?.version === known.version ? { ok: false, ...known } : null;
    }
    const stopped = overBudgetOf(result, version, context);
    if (documents.get(uri)) this.overBudget.set(uri, stopped);
    this.options.warn(`${uri}: ${stopped.notice}`);
    return { ok: false, ...stopped };
  }

  /** Lints a file that is not open (read by the worker, within the size limit). */
  lintFile(uri: string, context: LspJobContext): JobHandle<LspReply | { skipped: string }> {
    return this.options.pool.run({ key: uri, priority: PRIORITY.workspace, timeMs: DEFAULT_BUDGET.timeMs, payload: { op: 'lsp-file', uri, context } satisfies LspJob });
  }

  /** The built-in checklists (no document). */
  builtInChecklists(): Promise<JobOutcome<ChecklistSummary[]>> {
    return this.options.pool.run<ChecklistSummary[]>({ key: '', priority: PRIORITY.request, timeMs: DEFAULT_BUDGET.timeMs, payload: { op: 'lsp-checklists' } satisfies LspJob }).outcome;
  }

  /** What a worker's reply carries for this thread: its log lines, errors to show once, files to watch. */
  absorb(reply: LspReply): void {
    for (const line of reply.logs) this.options.log(line);
    for (const message of reply.errors) {
      if (this.shownErrors.has(message)) continue;
      if (this.shownErrors.size > 1000) this.shownErrors.clear();
      this.shownErrors.add(message);
      this.options.showError(message);
    }
    if (reply.dependencies) this.options.dependencies(reply.dependencies);
  }

  afterWork(): void {
    this.options.afterWork?.();
  }

  /** Asks every worker for a full garbage collection. */
  collectGarbage(): void {
    this.options.pool.broadcast({ kind: 'collectGarbage' } satisfies LspBroadcast);
  }

  /** A document closed: its waiting lint, its budget verdict and the workers' copies go. */
  forget(uri: string): void {
    this.waitingLint.get(uri)?.cancel();
    this.waitingLint.delete(uri);
    this.options.pool.forget(uri);
    this.options.pool.broadcast({ kind: 'forget', uri } satisfies LspBroadcast);
    this.overBudget.delete(uri);
  }

  close(): Promise<void> {
    return this.options.pool.close();
  }
}

