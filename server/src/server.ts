// The language server: wiring only. It creates the connection's modules and hands each protocol message to the
// module that owns it; everything it says comes from the engine (server/src/core), run on lint workers through
// lsp/document-jobs.ts, so the CLI, the server and the preview agree. Runs over stdio, node IPC or a socket.
// This thread loads only light modules (the protocol, settings, scheduling): it never parses.

import * as path from 'node:path';
import * as v8 from 'node:v8';
import { createConnection, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, ProposedFeatures, TextDocuments, type CancellationToken, type Connection } from 'vscode-languageserver/node';
import { ChecklistsRequest, DocumentReportRequest, ElementEditRequest, LintFilesRequest, PreviewRequest, ServerStatusRequest, SetTypeEditRequest } from './protocol';
import { uriToPath } from './lsp/basics';
import { ClientSettings } from './lsp/client-settings';
import { compactDocuments } from './lsp/compact-documents';
import { createLspPool, DocumentJobs } from './lsp/document-jobs';
import * as requests from './lsp/requests';
import { DiagnosticsScheduler } from './lsp/scheduler';
import { Session } from './lsp/session';
import { FileWatching, WATCHED_GLOBS } from './lsp/watching';
import { idleCollector } from './runtime/idle-gc';

declare const PMM_LINT_VERSION: string;
const VERSION = typeof PMM_LINT_VERSION === 'string' ? PMM_LINT_VERSION : '0.0.0-dev';

export interface ServerOptions {
  /** The lint worker's script (default: worker.js beside this bundle). */
  workerScript?: string;
  /** Called after each piece of work (a lint): the server process uses it to collect garbage when idle. */
  afterWork?: () => void;
  /** A full garbage collection now, when the process can (for `pmmLint/serverStatus` with `collectGarbage`). */
  collectGarbage?: () => void;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(compactDocuments);
  const session = new Session();
  const settings = new ClientSettings({
    askClient: () => session.configurationSupport,
    fetch: (uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: 'pmmLint' }),
    isOpen: (uri) => documents.get(uri) !== undefined,
    locale: () => session.clientLocale,
    warn: (message) => connection.console.warn(message),
  });
  const watching = new FileWatching(() => session.clientWatchesFiles, () => configChanged());
  const jobs = new DocumentJobs({
    pool: createLspPool(options.workerScript ?? path.join(__dirname, 'worker.js')),
    documents,
    contextFor: async (uri) => ({ settings: await settings.for(uri), folder: session.folderFor(uri), clientLocale: session.clientLocale, generation: session.generation }),
    log: (line) => connection.console.error(line),
    warn: (message) => connection.console.warn(message),
    showError: (message) => void connection.window.showErrorMessage(message),
    dependencies: (files) => watching.add(files),
    afterWork: options.afterWork,
  });
  const publish = (params: Parameters<Connection['sendDiagnostics']>[0]) => void connection.sendDiagnostics(params);
  const scheduler = new DiagnosticsScheduler({
    documents,
    jobs,
    session,
    settingsFor: (uri) => settings.for(uri),
    client: { publish, refresh: () => void connection.languages.diagnostics.refresh() },
  });
  const configChanged = () => {
    settings.clear();
    watching.reset();
    session.generation++;
    scheduler.refreshAll();
  };

  connection.onInitialize((params) => {
    const init = session.initialize(params);
    if ('settings' in init) settings.setGlobal(init.settings);
    return { capabilities: session.capabilities(), serverInfo: { name: 'pmm-lint', version: VERSION } };
  });
  connection.onInitialized(() => {
    if (session.clientWatchesFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) });
    if (session.configurationDynamic) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'pmmLint' });
    if (session.workspaceFolderSupport) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        session.changeFolders(e);
        configChanged();
      });
    }
    connection.console.log(`pmm-lint ${VERSION} ready (${session.pullMode ? 'pull' : 'push'} diagnostics, locale ${session.clientLocale})`);
  });
  connection.onDidChangeConfiguration((params) => {
    const raw = (params.settings as { pmmLint?: unknown } | null)?.pmmLint;
    if (!session.configurationSupport && raw !== undefined) settings.setGlobal(raw);
    configChanged();
  });
  connection.onDidChangeWatchedFiles((params) => watching.changed(params.changes.map((c) => uriToPath(c.uri)).filter((p): p is string => Boolean(p))));

  documents.onDidOpen((e) => scheduler.opened(e.document));
  documents.onDidChangeContent((e) => scheduler.changed(e.document));
  documents.onDidSave((e) => scheduler.saved(e.document));
  documents.onDidClose((e) => {
    e.document.release();
    scheduler.closed(e.document.uri);
    jobs.forget(e.document.uri);
    settings.forget(e.document.uri);
  });

  registerRequests(connection, { documents, jobs, session, settings, scheduler, publish, collectGarbage: options.collectGarbage });

  connection.onShutdown(async () => {
    scheduler.close();
    watching.close();
    await jobs.close();
  });
  documents.listen(connection);
  connection.listen();
}

/** The requests: the standard features and the custom ones (protocol.ts), each in its own module (lsp/requests/). */
function registerRequests(
  connection: Connection,
  c: requests.RequestContext & { settings: ClientSettings; scheduler: DiagnosticsScheduler; publish: (params: Parameters<Connection['sendDiagnostics']>[0]) => void; collectGarbage?: () => void },
): void {
  // Each handler's unexpected errors become an InternalError with its name (and a line in the log).
  const ctx: requests.RequestContext = { documents: c.documents, jobs: c.jobs, session: c.session };
  const guard = <P, R>(name: string, handler: (params: P, token: CancellationToken) => Promise<R>) => requests.guard((m) => connection.console.error(m), name, handler);
  connection.languages.diagnostics.on(guard('diagnostics', (params, token) => c.scheduler.pull(params, token)));
  connection.onCodeAction(guard('codeAction', requests.codeActionHandler(ctx)));
  connection.onHover(guard('hover', requests.hoverHandler(ctx)));
  connection.onCompletion(guard('completion', requests.completionHandler(ctx)));
  connection.onDocumentSymbol(guard('documentSymbol', requests.documentSymbolHandler(ctx)));
  connection.onRequest(DocumentReportRequest, guard('documentReport', requests.documentReportHandler(ctx)));
  connection.onRequest(PreviewRequest, guard('preview', requests.previewHandler(ctx)));
  connection.onRequest(ElementEditRequest, guard('elementEdit', requests.elementEditHandler(ctx)));
  connection.onRequest(SetTypeEditRequest, guard('setTypeEdit', requests.setTypeEditHandler(ctx)));
  connection.onRequest(ChecklistsRequest, guard('checklists', requests.checklistsHandler(ctx)));
  connection.onRequest(LintFilesRequest, guard('lintFiles', requests.lintFilesHandler({ ...ctx, settingsFor: (uri) => c.settings.for(uri), publish: c.publish })));
  connection.onRequest(ServerStatusRequest, guard('serverStatus', requests.serverStatusHandler({ ...ctx, version: VERSION, collectGarbage: c.collectGarbage })));
}

export function main(): void {
  // Default to stdio when no transport is named, so `pmm-lint-server` alone works in any client's config.
  if (!process.argv.some((a) => /^--(stdio|node-ipc|socket|pipe)/.test(a))) process.argv.push('--stdio');
  const connection = createConnection(ProposedFeatures.all);
  process.on('uncaughtException', (error) => connection.console.error(`pmm-lint: uncaught ${error.stack ?? error}`));
  // Grow the heap by half over the live data, not by up to four times: with thousands of documents open the
  // garbage of parsing otherwise stays as resident memory (2,000 documents: 258 MB instead of 494 MB; at 20% it
  // is 224 MB, but keystroke latency on 1 MB documents suffers).
  v8.setFlagsFromString(`--heap-growing-percent=${Number(process.env.PMM_LINT_HEAP_GROWING_PERCENT) || 50}`);
  // The launcher's --max-semi-space-size keeps this thread's young generation small; lint workers size theirs
  // with their own resource limits (the flag would override them: 2 MiB semi-spaces made lints twice as slow).
  v8.setFlagsFromString('--max-semi-space-size=0');
  startServer(connection, idleCollector());
}

if (require.main === module) main();
