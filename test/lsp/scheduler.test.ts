// The diagnostics scheduler in-process: an in-memory document store, a fake worker pool that answers at once (or
// stops a document, as the pool does past a budget), no server process. Asserts what is published, when, and how
// often the pool is asked.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationToken, DocumentDiagnosticReportKind, type PublishDiagnosticsParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { JobHandle, JobOutcome, JobSpec } from '../../server/src/runtime/pool';
import { DocumentJobs, PRIORITY, type JobRunner } from '../../server/src/lsp/document-jobs';
import { DiagnosticsScheduler } from '../../server/src/lsp/scheduler';
import { DEFAULT_SETTINGS, type ServerSettings } from '../../server/src/lsp/settings';
import type { LspJob, LspReply } from '../../server/src/lsp/worker-jobs';

type DocJob = Extract<LspJob, { op: 'lsp' }>;

/** Starts each job on the next turn (reading its payload then, as the pool does) and answers it at once. */
class FakePool implements JobRunner {
  readonly started: Array<{ job: DocJob; priority: number }> = [];
  readonly broadcasts: unknown[] = [];
  readonly forgotten: string[] = [];
  readonly load = { queued: 0, running: 0, workers: 1 };
  /** What the next jobs end with: a reply, or stopped past the time budget. */
  mode: 'reply' | 'timeout' = 'reply';

  run<R>(spec: JobSpec): JobHandle<R> {
    let cancelled = false;
    let resolve!: (outcome: JobOutcome<R>) => void;
    const outcome = new Promise<JobOutcome<R>>((r) => (resolve = r));
    setImmediate(() => {
      const job = (typeof spec.payload === 'function' ? (spec.payload as () => DocJob | null)() : spec.payload) as DocJob | null;
      if (cancelled || !job) return resolve({ kind: 'cancelled' });
      this.started.push({ job, priority: spec.priority });
      resolve((this.mode === 'timeout' ? { kind: 'timeout', ms: 5000 } : { kind: 'done', value: replyTo(job), ms: 1 }) as JobOutcome<R>);
    });
    return {
      outcome,
      cancel: () => {
        cancelled = true;
        resolve({ kind: 'cancelled' });
      },
    };
  }
  forget(key: string): void {
    this.forgotten.push(key);
  }
  broadcast(message: unknown): void {
    this.broadcasts.push(message);
  }
  async close(): Promise<void> {}
}

/** A lint's reply: one diagnostic that names the text it saw. */
function replyTo(job: DocJob): LspReply {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  return { version: job.doc.version, generation: job.context.generation, diagnostics: [{ range, message: `linted: ${job.doc.text}` }], notice: null, docType: null, score: null, logs: [], errors: [], value: null };
}

/** The open documents, and the events TextDocuments would fire (didOpen also fires a content change). */
function setUp(settings: Partial<ServerSettings> = {}, pullMode = false) {
  const docs = new Map<string, TextDocument>();
  const documents = { get: (uri: string) => docs.get(uri), all: () => [...docs.values()] };
  const session = { pullMode, refreshSupport: true, generation: 0 };
  const pool = new FakePool();
  const effective: ServerSettings = { ...DEFAULT_SETTINGS, debounceMs: 20, ...settings };
  const settingsFor = async () => effective;
  const noop = () => {};
  const jobs = new DocumentJobs({ pool, documents, contextFor: async () => ({ settings: effective, folder: undefined, clientLocale: 'en', generation: session.generation }), log: noop, warn: noop, showError: noop, dependencies: noop });
  const published: PublishDiagnosticsParams[] = [];
  const waiters: Array<() => void> = [];
  let refreshes = 0;
  const client = {
    publish: (p: PublishDiagnosticsParams) => {
      published.push(p);
      waiters.splice(0).forEach((w) => w());
    },
    refresh: () => refreshes++,
  };
  const scheduler = new DiagnosticsScheduler({ documents, jobs, settingsFor, session, client });
  const uri = 'file:///brief.md';
  return {
    pool,
    jobs,
    session,
    scheduler,
    published,
    uri,
    refreshes: () => refreshes,
    /** Resolves once `count` publications have been made. */
    publications: (count: number) =>
      new Promise<void>((resolve) => {
        const check = () => (published.length >= count ? resolve() : waiters.push(check));
        check();
      }),
    open(text: string) {
      const doc = TextDocument.create(uri, 'markdown', 1, text);
      docs.set(uri, doc);
      scheduler.opened(doc);
      scheduler.changed(doc);
    },
    edit(text: string) {
      const doc = TextDocument.update(docs.get(uri)!, [{ text }], docs.get(uri)!.version + 1);
      docs.set(uri, doc);
      scheduler.changed(doc);
    },
    save() {
      scheduler.saved(docs.get(uri)!);
    },
    close() {
      docs.delete(uri);
      scheduler.closed(uri);
      jobs.forget(uri);
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 60));

describe('diagnostics scheduler (in-process)', () => {
  it('push, on type: an opened document is linted once in the background; a burst of edits once, at its latest text', async () => {
    const s = setUp();
    s.open('# One');
    await s.publications(1);
    assert.equal(s.published[0].version, 1);
    assert.equal(s.pool.started.length, 1, 'the open (and its content event) is one lint');
    assert.equal(s.pool.started[0].priority, PRIORITY.opened);
    assert.equal(s.pool.started[0].job.background, true, 'opened documents are background work');
    s.edit('# Two');
    s.edit('# Three');
    s.edit('# Four');
    await s.publications(2);
    await settle();
    assert.equal(s.published.length, 2);
    assert.deepEqual({ version: s.published[1].version, message: s.published[1].diagnostics[0].message }, { version: 4, message: 'linted: # Four' });
    assert.equal(s.pool.started.length, 2, 'the burst is debounced into one lint');
    assert.equal(s.pool.started[1].priority, PRIORITY.edited);
    assert.equal(s.pool.started[1].job.background, undefined);
    s.scheduler.close();
  });

  it('push, on save: edits publish nothing; a save publishes the saved text', async () => {
    const s = setUp({ run: 'onSave' });
    s.open('# One');
    await s.publications(1);
    s.edit('# Two');
    await settle();
    assert.equal(s.published.length, 1, 'no lint while typing');
    s.save();
    await s.publications(2);
    assert.equal(s.published[1].version, 2);
    assert.equal(s.published[1].diagnostics[0].message, 'linted: # Two');
  });

  it('a document the pool stops gets one budget diagnostic, and is not sent to the pool again for that version', async () => {
    const s = setUp();
    s.pool.mode = 'timeout';
    s.open('# Slow');
    await s.publications(1);
    assert.deepEqual(s.published[0].diagnostics.map((d) => d.code), ['budget']);
    const asked = await s.jobs.work(s.uri, { feature: 'report' }, PRIORITY.request, false);
    assert.equal(asked?.ok, false);
    assert.equal(s.pool.started.length, 1, 'a request for the stopped version is answered without the pool');
    // A new version is tried again.
    s.pool.mode = 'reply';
    s.edit('# Fast now');
    await s.publications(2);
    assert.equal(s.published[1].diagnostics[0].message, 'linted: # Fast now');
  });

  it('close: empty diagnostics, the debounced lint dropped, the workers told to forget the document', async () => {
    const s = setUp({ debounceMs: 10_000 });
    s.open('# One');
    await s.publications(1);
    s.edit('# Two');
    s.close();
    await settle();
    assert.deepEqual(s.published.at(-1), { uri: s.uri, diagnostics: [] });
    assert.equal(s.pool.started.length, 1, 'the debounced lint never ran');
    assert.deepEqual(s.pool.forgotten, [s.uri]);
    assert.deepEqual(s.pool.broadcasts, [{ kind: 'forget', uri: s.uri }]);
  });

  it('settings change: every open document again in push mode; a refresh request in pull mode', async () => {
    const push = setUp();
    push.open('# One');
    await push.publications(1);
    push.session.generation++;
    push.scheduler.refreshAll();
    await push.publications(2);
    assert.deepEqual([push.published[1].version, push.pool.started[1].priority], [1, PRIORITY.opened]);
    const pull = setUp({}, true);
    pull.open('# One');
    pull.scheduler.refreshAll();
    await settle();
    assert.equal(pull.published.length, 0, 'pull mode publishes nothing');
    assert.equal(pull.refreshes(), 1);
  });

  it('pull: a full report, unchanged for the same version and generation, full again after a change', async () => {
    const s = setUp({}, true);
    s.open('# One');
    const params = { textDocument: { uri: s.uri } };
    const first = await s.scheduler.pull(params, CancellationToken.None);
    assert.equal(first.kind, DocumentDiagnosticReportKind.Full);
    assert.equal(first.resultId, '1:0');
    const again = await s.scheduler.pull({ ...params, previousResultId: first.resultId }, CancellationToken.None);
    assert.deepEqual(again, { kind: DocumentDiagnosticReportKind.Unchanged, resultId: '1:0' });
    s.edit('# Two');
    const after = await s.scheduler.pull({ ...params, previousResultId: first.resultId }, CancellationToken.None);
    assert.equal(after.kind === DocumentDiagnosticReportKind.Full && after.items[0].message, 'linted: # Two');
    assert.equal(s.pool.started.every((j) => j.priority === PRIORITY.request), true);
  });
});
