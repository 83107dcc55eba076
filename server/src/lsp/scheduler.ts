// When diagnostics are computed and sent. Push mode: on open, after each edit (debounced, run "onType") or on
// save (run "onSave"), and again for every open document when settings or configs change. Pull mode: the client
// asks (textDocument/diagnostic) and is told to ask again. Either way the closed files Lint Workspace published are
// linted again after such a change. The work itself goes to the lint workers through DocumentJobs, at a priority:
// the document being edited before opened ones.

import {
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type Diagnostic,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MARKDOWN_LANGUAGES } from './basics';
import { PRIORITY, type DocumentJobs, type DocumentStore } from './document-jobs';
import { checkCancelled } from './requests/common';
import type { Session } from './session';
import type { ServerSettings } from './settings';

/** Where diagnostics go. */
export interface DiagnosticsClient {
  publish(params: PublishDiagnosticsParams): void;
  /** Asks a client that pulls diagnostics to pull them again. */
  refresh(): void;
}

export interface SchedulerOptions {
  documents: DocumentStore;
  jobs: Pick<DocumentJobs, 'work'>;
  settingsFor(uri: string): Promise<ServerSettings>;
  /** `shownFiles`: the closed files Lint Workspace published, linted again when settings or configs change. */
  session: Pick<Session, 'pullMode' | 'refreshSupport' | 'generation'> & Partial<Pick<Session, 'shownFiles'>>;
  client: DiagnosticsClient;
}

/** Diagnostics of one version of a document, in one generation of settings. */
interface Shown {
  version: number;
  generation: number;
  diagnostics: Diagnostic[];
}

export const isMarkdown = (doc: TextDocument): boolean => MARKDOWN_LANGUAGES.has(doc.languageId);

export class DiagnosticsScheduler {
  /** Debounce timers of documents being edited (each entry cancels its timer). */
  private readonly timers = new Map<string, () => void>();
  /** Push mode: the version and generation last published per document (an older result is not sent). */
  private readonly published = new Map<string, { version: number; generation: number }>();
  /** The version at the last save (or open). */
  private readonly savedVersion = new Map<string, number>();
  /** Pull mode, on save: the diagnostics last reported for each document. */
  private readonly shown = new Map<string, Shown>();
  /** Opened, not yet changed: the first didChange (if any) repeats the open. */
  private readonly justOpened = new Set<string>();

  constructor(private readonly options: SchedulerOptions) {}

  opened(doc: TextDocument): void {
    if (!isMarkdown(doc)) return;
    this.justOpened.add(doc.uri);
    this.savedVersion.set(doc.uri, doc.version);
    if (this.options.session.pullMode) return;
    // Its diagnostics from Lint Workspace are replaced by the open document's (and cleared when it closes).
    this.options.session.shownFiles?.forget(doc.uri);
    void this.publish(doc.uri, PRIORITY.opened);
  }

  changed(doc: TextDocument): void {
    const { uri } = doc;
    if (!isMarkdown(doc)) return;
    if (this.justOpened.delete(uri) || this.options.session.pullMode) return;
    void this.options.settingsFor(uri).then((settings) => {
      if (settings.run === 'onType' && this.options.documents.get(uri)) this.debounce(uri, settings.debounceMs);
    });
  }

  saved(doc: TextDocument): void {
    const { uri } = doc;
    if (!isMarkdown(doc)) return;
    this.savedVersion.set(uri, doc.version);
    void this.options.settingsFor(uri).then((settings) => {
      if (settings.run !== 'onSave') return;
      if (!this.options.session.pullMode) void this.publish(uri, PRIORITY.edited);
      else if (this.options.session.refreshSupport) this.options.client.refresh();
    });
  }

  closed(uri: string): void {
    this.timers.get(uri)?.();
    this.timers.delete(uri);
    this.justOpened.delete(uri);
    this.published.delete(uri);
    this.savedVersion.delete(uri);
    this.shown.delete(uri);
    if (!this.options.session.pullMode) this.options.client.publish({ uri, diagnostics: [] });
  }

  /** Settings or configs changed: every open document again, and every closed file Lint Workspace published. */
  refreshAll(): void {
    const { session, client, documents } = this.options;
    void session.shownFiles?.refresh();
    if (session.pullMode) {
      if (session.refreshSupport) client.refresh();
      return;
    }
    for (const doc of documents.all()) if (isMarkdown(doc)) void this.publish(doc.uri, PRIORITY.opened);
  }

  /** Lints a document at its latest text and publishes the result, unless a newer one was published. */
  async publish(uri: string, priority: number): Promise<void> {
    const { documents, jobs, client } = this.options;
    const doc = documents.get(uri);
    if (!doc || !isMarkdown(doc)) return;
    const done = await jobs.work(uri, { feature: 'lint' }, priority, true);
    if (!done || !documents.get(uri)) return;
    const { version, generation, diagnostics } = done.ok ? done.reply : done;
    const previous = this.published.get(uri);
    if (previous && (previous.version > version || (previous.version === version && previous.generation >= generation))) return;
    this.published.set(uri, { version, generation });
    client.publish({ uri, version, diagnostics });
  }

  /** textDocument/diagnostic (pull mode). */
  async pull(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const { documents, jobs, settingsFor, session } = this.options;
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !isMarkdown(doc)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const settings = await settingsFor(doc.uri);
    checkCancelled(token);
    const last = this.shown.get(doc.uri);
    // On save only: keep showing what the saved text had until the next save.
    let report = settings.run === 'onSave' && last && last.generation === session.generation && doc.version !== this.savedVersion.get(doc.uri) ? last : undefined;
    if (!report) {
      const done = await jobs.work(doc.uri, { feature: 'lint' }, PRIORITY.request, false);
      checkCancelled(token);
      if (!done) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      report = done.ok ? { version: done.reply.version, generation: done.reply.generation, diagnostics: done.reply.diagnostics } : done;
    }
    this.shown.set(doc.uri, report);
    const resultId = `${report.version}:${report.generation}`;
    if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: report.diagnostics };
  }

  /** Shutdown: no timer may fire after it. */
  close(): void {
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
  }

  private debounce(uri: string, delay: number): void {
    this.timers.get(uri)?.();
    const run = () => {
      this.timers.delete(uri);
      void this.publish(uri, PRIORITY.edited);
    };
    // No debounce: right after the edits already received (a zero timeout waits a millisecond or more).
    if (delay > 0) {
      const timer = setTimeout(run, delay);
      this.timers.set(uri, () => clearTimeout(timer));
    } else {
      const immediate = setImmediate(run);
      this.timers.set(uri, () => clearImmediate(immediate));
    }
  }
}

