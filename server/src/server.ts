// The language server: LSP glue only. Everything it says comes from the engine (server/src/core), through
// lsp/linter.ts, so the CLI, the server and the preview agree. Runs over stdio, node IPC or a socket.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  DiagnosticSeverity,
  type CancellationToken,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type DocumentSymbol,
  type Hover,
  type Position,
  type TextEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAMES } from './core/config-files';
import { localeFromEnv, parseLocale, t } from './core/i18n';
import type { Locale } from './core/types';
import {
  CHECKLISTS_REQUEST,
  DOCUMENT_REPORT_REQUEST,
  ELEMENT_EDIT_REQUEST,
  LINT_FILES_REQUEST,
  PREVIEW_REQUEST,
  SERVER_STATUS_REQUEST,
  SET_TYPE_REQUEST,
  type ChecklistSummary,
  type DocumentReport,
  type LintFileSummary,
  type PreviewResult,
  type ServerStatus,
} from './protocol';
import { MARKDOWN_LANGUAGES, SET_TYPE_KIND, SOURCE, TRIGGER_CHARACTERS, uriToPath } from './lsp/basics';
import { compactDocuments } from './lsp/compact-documents';
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from './lsp/settings';
import type { LspBroadcast, LspJob, LspJobContext, LspReply, LspRequest } from './lsp/worker-jobs';
import { DEFAULT_BUDGET, HEAVY_CHARS, threadCount } from './runtime/budget';
import { idleCollector } from './runtime/idle-gc';
import { WorkerPool, type JobHandle, type JobOutcome } from './runtime/pool';

declare const PMM_LINT_VERSION: string;
const VERSION = typeof PMM_LINT_VERSION === 'string' ? PMM_LINT_VERSION : '0.0.0-dev';

// How long to wait for the client's settings (PMM_LINT_SETTINGS_TIMEOUT_MS changes it, for tests).
const SETTINGS_TIMEOUT_MS = Number(process.env.PMM_LINT_SETTINGS_TIMEOUT_MS) || 5000;

export interface ServerOptions {
  /** The lint worker's script (default: worker.js beside this bundle). */
  workerScript?: string;
  /** Called after each piece of work (a lint): the server process uses it to collect garbage when idle. */
  afterWork?: () => void;
  /** A full garbage collection now, when the process can (for `pmmLint/serverStatus` with `collectGarbage`). */
  collectGarbage?: () => void;
}

/** Scheduling priorities: requests first, then the document being edited, then the rest. */
const PRIORITY = { request: 0, edited: 1, opened: 2, workspace: 3 } as const;

/** A document the pool stopped: its one diagnostic, kept for that version so it is not linted again. */
interface OverBudget {
  version: number;
  generation: number;
  notice: string;
  diagnostics: Diagnostic[];
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(compactDocuments);
  let clientLocale: Locale = localeFromEnv();
  let pullMode = false;
  let configurationSupport = false;
  let refreshSupport = false;
  let clientWatchesFiles = false;
  let configurationDynamic = false;
  let workspaceFolderSupport = false;
  let globalSettings: ServerSettings = DEFAULT_SETTINGS;
  let folders: string[] = [];
  let generation = 0;
  const settingsCache = new Map<string, Promise<ServerSettings>>();
  const timers = new Map<string, NodeJS.Timeout>();
  const published = new Map<string, { version: number; generation: number }>();
  const savedVersion = new Map<string, number>();
  /** Pull mode, on save: the diagnostics last reported for each document. */
  const shown = new Map<string, { version: number; generation: number; diagnostics: Diagnostic[] }>();
  const justOpened = new Set<string>();
  const loggedSettingProblems = new Set<string>();
  const shownErrors = new Set<string>();
  const fileWatchers = new Map<string, fs.FSWatcher>();
  /** Config and checklist files the workers read: a change to one re-lints. */
  const dependencies = new Set<string>();
  const overBudget = new Map<string, OverBudget>();
  /** The lint job each document has waiting, so a newer edit replaces it. */
  const waitingLint = new Map<string, JobHandle<LspReply>>();

  // Every parse happens on these workers; this thread speaks the protocol and schedules. One worker stays, for
  // the work someone waits for (the document being edited, requests); background work (opened documents, Lint
  // Workspace, re-lints after a settings change) runs on extra workers, one per core, which start for it (with a
  // young generation that spends less time collecting) and stop after 10 s idle, giving their memory back.
  const threads = Number(process.env.PMM_LINT_THREADS) || threadCount(4);
  const pool = new WorkerPool({
    script: options.workerScript ?? path.join(__dirname, 'worker.js'),
    size: 1 + threads,
    keep: 1,
    backgroundFrom: PRIORITY.opened,
    heavyAtOnce: Math.max(1, threads - 1),
    memoryMb: DEFAULT_BUDGET.memoryMb,
    youngMb: 16,
    extraYoungMb: 64,
    idleMs: 10_000,
    reserveAfterMs: 500,
    reserveMemoryMb: 64,
    // The reserve is for requests: a burst of opened documents waits for the regular workers.
    reserveForPriority: PRIORITY.request,
    slowMs: 1000,
  });

  const log = (message: string) => connection.console.log(message);

  const applySettings = (raw: unknown): ServerSettings => {
    const { settings, problems } = readSettings(raw);
    for (const p of problems) {
      const message = t(clientLocale, 'lsp.badSetting', { key: p.key, detail: p.detail });
      if (!loggedSettingProblems.has(message)) {
        loggedSettingProblems.add(message);
        connection.console.warn(message);
      }
    }
    return settings;
  };

  const settingsFor = (uri: string): Promise<ServerSettings> => {
    if (!configurationSupport) return Promise.resolve(globalSettings);
    let p = settingsCache.get(uri);
    if (!p) {
      // A client that never answers must not stall linting: after a while, use the defaults (and ask again
      // next time).
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<ServerSettings>((resolve) => {
        timer = setTimeout(() => {
          if (settingsCache.get(uri) === p) settingsCache.delete(uri);
          connection.console.warn(`pmm-lint: no answer to workspace/configuration for ${uri} within ${SETTINGS_TIMEOUT_MS} ms; using defaults.`);
          resolve(globalSettings);
        }, SETTINGS_TIMEOUT_MS);
      });
      const asked = connection.workspace.getConfiguration({ scopeUri: uri, section: 'pmmLint' }).then(
        (raw: unknown) => (clearTimeout(timer), applySettings(raw)),
        () => (clearTimeout(timer), globalSettings),
      );
      p = Promise.race([asked, timeout]);
      // Only open documents keep cached settings (a request racing didClose must not bring one back).
      if (documents.get(uri)) settingsCache.set(uri, p);
    }
    return p;
  };

  const folderFor = (uri: string): string | undefined => {
    const file = uriToPath(uri);
    if (file) {
      const holding = folders.filter((f) => file === f || file.startsWith(f.endsWith(path.sep) ? f : f + path.sep));
      if (holding.length) return holding.sort((a, b) => b.length - a.length)[0];
    }
    return folders[0];
  };

  const contextFor = async (uri: string): Promise<LspJobContext> => ({ settings: await settingsFor(uri), folder: folderFor(uri), clientLocale, generation });

  const isMarkdown = (doc: TextDocument) => MARKDOWN_LANGUAGES.has(doc.languageId);

  /** What a worker's reply carries for this thread: its log lines, errors to show once, files to watch. */
  const absorb = (reply: LspReply) => {
    for (const line of reply.logs) connection.console.error(line);
    for (const message of reply.errors) {
      if (shownErrors.has(message)) continue;
      if (shownErrors.size > 1000) shownErrors.clear();
      shownErrors.add(message);
      void connection.window.showErrorMessage(message);
    }
    if (reply.dependencies) {
      for (const f of reply.dependencies) dependencies.add(f);
      watchDependencies();
    }
  };

  /** The diagnostic and notice of a document the pool stopped. */
  const overBudgetOf = (result: Exclude<JobOutcome<LspReply>, { kind: 'done' }>, version: number, context: LspJobContext): OverBudget => {
    const locale = context.settings.locale !== 'auto' ? context.settings.locale : context.clientLocale;
    const notice =
      result.kind === 'timeout'
        ? t(locale, 'budget.overTime', { seconds: (result.ms / 1000).toFixed(1) })
        : result.kind === 'memory'
          ? t(locale, 'budget.overMemory', { limit: result.limitMb })
          : t(locale, 'lsp.lintFailed', { detail: result.kind === 'failed' ? result.error : 'cancelled' });
    const diagnostic: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Warning, source: SOURCE, code: 'budget', message: notice };
    return { version, generation: context.generation, notice, diagnostics: [diagnostic] };
  };

  type Work = { ok: true; reply: LspReply } | ({ ok: false } & OverBudget);

  /**
   * Runs a request for a document on the pool. Lints take the document's latest text when they start (a burst of
   * edits is linted once); requests take the text they were asked about. Null: closed or replaced meanwhile.
   */
  const work = async (uri: string, request: LspRequest, priority: number, latest: boolean): Promise<Work | null> => {
    const asked = documents.get(uri);
    if (!asked) return null;
    const context = await contextFor(uri);
    const askedText = latest ? null : { version: asked.version, text: asked.getText() };
    const over = overBudget.get(uri);
    if (over && over.version === asked.version && over.generation === context.generation && !latest) return { ok: false, ...over };
    let version = asked.version;
    const payload = (): LspJob | null => {
      const doc = documents.get(uri);
      if (!doc) return null;
      const known = overBudget.get(uri);
      if (latest && known && known.version === doc.version && known.generation === context.generation) return null;
      version = askedText?.version ?? doc.version;
      const background = request.feature === 'lint' && priority >= PRIORITY.opened;
      return { op: 'lsp', doc: { uri, languageId: doc.languageId, version, text: askedText?.text ?? doc.getText() }, context, ...(background ? { background } : {}), ...request };
    };
    const handle = pool.run<LspReply>({ key: uri, priority, timeMs: DEFAULT_BUDGET.timeMs, payload, heavy: asked.getText().length > HEAVY_CHARS });
    if (latest) {
      waitingLint.get(uri)?.cancel();
      waitingLint.set(uri, handle);
    }
    const result = await handle.outcome;
    if (waitingLint.get(uri) === handle) waitingLint.delete(uri);
    if (result.kind === 'done') {
      absorb(result.value);
      options.afterWork?.();
      return { ok: true, reply: result.value };
    }
    if (result.kind === 'cancelled') {
      const known = overBudget.get(uri);
      return known && documents.get(uri)?.version === known.version ? { ok: false, ...known } : null;
    }
    const stopped = overBudgetOf(result, version, context);
    if (documents.get(uri)) overBudget.set(uri, stopped);
    connection.console.warn(`${uri}: ${stopped.notice}`);
    return { ok: false, ...stopped };
  };

  // ---- diagnostics --------------------------------------------------------------------------------------
  const publish = async (uri: string, priority: number): Promise<void> => {
    const doc = documents.get(uri);
    if (!doc || !isMarkdown(doc)) return;
    const done = await work(uri, { feature: 'lint' }, priority, true);
    if (!done || !documents.get(uri)) return;
    const { version, generation: gen, diagnostics } = done.ok ? done.reply : done;
    const previous = published.get(uri);
    if (previous && (previous.version > version || (previous.version === version && previous.generation >= gen))) return;
    published.set(uri, { version, generation: gen });
    void connection.sendDiagnostics({ uri, version, diagnostics });
  };

  const schedule = (uri: string, delay: number) => {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void publish(uri, PRIORITY.edited);
      }, delay),
    );
  };

  const refreshAll = () => {
    if (pullMode) {
      if (refreshSupport) void connection.languages.diagnostics.refresh();
      return;
    }
    for (const doc of documents.all()) if (isMarkdown(doc)) void publish(doc.uri, PRIORITY.opened);
  };

  const configChanged = () => {
    settingsCache.clear();
    // Watch only what the new configs read (re-added on the next lint).
    for (const w of fileWatchers.values()) w.close();
    fileWatchers.clear();
    dependencies.clear();
    generation++;
    refreshAll();
  };

  const filesChanged = (paths: readonly string[]) => paths.some((p) => CONFIG_FILE_NAMES.includes(path.basename(p)) || dependencies.has(path.resolve(p)));

  // Clients that cannot watch files for us (Neovim 0.7): watch the config and checklist files we read.
  const watchDependencies = () => {
    if (clientWatchesFiles) return;
    for (const file of dependencies) {
      if (fileWatchers.has(file)) continue;
      try {
        const watcher = fs.watch(file, { persistent: false }, () => {
          watcher.close();
          fileWatchers.delete(file);
          if (filesChanged([file])) configChanged();
        });
        watcher.on('error', () => {
          watcher.close();
          fileWatchers.delete(file);
        });
        fileWatchers.set(file, watcher);
      } catch {
        // a file that does not exist (a missing checklist): nothing to watch
      }
    }
  };

  documents.onDidOpen((e) => {
    const { uri } = e.document;
    if (!isMarkdown(e.document)) return;
    justOpened.add(uri);
    savedVersion.set(uri, e.document.version);
    if (!pullMode) void publish(uri, PRIORITY.opened);
  });

  documents.onDidChangeContent((e) => {
    const { uri } = e.document;
    if (!isMarkdown(e.document)) return;
    if (justOpened.delete(uri) || pullMode) return;
    void settingsFor(uri).then((settings) => {
      if (settings.run === 'onType' && documents.get(uri)) schedule(uri, settings.debounceMs);
    });
  });

  documents.onDidSave((e) => {
    const { uri } = e.document;
    if (!isMarkdown(e.document)) return;
    savedVersion.set(uri, e.document.version);
    void settingsFor(uri).then((settings) => {
      if (settings.run !== 'onSave') return;
      if (!pullMode) void publish(uri, PRIORITY.edited);
      else if (refreshSupport) void connection.languages.diagnostics.refresh();
    });
  });

  documents.onDidClose((e) => {
    const { uri } = e.document;
    e.document.release();
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    justOpened.delete(uri);
    waitingLint.get(uri)?.cancel();
    waitingLint.delete(uri);
    pool.forget(uri);
    pool.broadcast({ kind: 'forget', uri } satisfies LspBroadcast);
    overBudget.delete(uri);
    settingsCache.delete(uri);
    published.delete(uri);
    savedVersion.delete(uri);
    shown.delete(uri);
    if (!pullMode) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  // ---- requests -----------------------------------------------------------------------------------------
  const invalidParams = (detail: string) => new ResponseError(ErrorCodes.InvalidParams, t(clientLocale, 'lsp.badParams', { detail }));

  const requireDocument = (params: unknown): TextDocument => {
    const p = params as { textDocument?: { uri?: unknown }; uri?: unknown } | null;
    const uri = p?.textDocument?.uri ?? p?.uri;
    if (typeof uri !== 'string') throw invalidParams('textDocument.uri is missing');
    const doc = documents.get(uri);
    if (!doc) throw new ResponseError(ErrorCodes.InvalidParams, t(clientLocale, 'lsp.unknownDocument', { uri }));
    return doc;
  };

  /** Lines out of range are an error; a character past the line end means the end (as the LSP spec says). */
  const requirePosition = (doc: TextDocument, position: unknown): Position => {
    const p = position as Position | null;
    if (!p || !Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0 || p.line >= doc.lineCount) {
      throw new ResponseError(
        ErrorCodes.InvalidParams,
        t(clientLocale, 'lsp.positionOutOfRange', { line: String(p?.line), character: String(p?.character), lines: doc.lineCount }),
      );
    }
    return p;
  };

  const checkCancelled = (token: CancellationToken) => {
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
  };

  /** A feature's value for the document as it is now; `stopped` when the document is past its budget. */
  const ask = async <R>(doc: TextDocument, request: LspRequest, token: CancellationToken, stopped: (over: OverBudget) => R): Promise<R> => {
    checkCancelled(token);
    const done = await work(doc.uri, request, PRIORITY.request, false);
    checkCancelled(token);
    if (!done) throw new ResponseError(ErrorCodes.InvalidParams, t(clientLocale, 'lsp.unknownDocument', { uri: doc.uri }));
    return done.ok ? (done.reply.value as R) : stopped(done);
  };

  const guard =
    <P, R>(name: string, handler: (params: P, token: CancellationToken) => Promise<R>) =>
    async (params: P, token: CancellationToken): Promise<R> => {
      try {
        return await handler(params, token);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        connection.console.error(`pmm-lint: ${name} failed: ${(error as Error).stack ?? error}`);
        throw new ResponseError(ErrorCodes.InternalError, `pmm-lint: ${name} failed: ${(error as Error).message}`);
      }
    };

  connection.onInitialize((params) => {
    const caps = params.capabilities;
    configurationSupport = Boolean(caps.workspace?.configuration);
    pullMode = Boolean(caps.textDocument?.diagnostic);
    refreshSupport = Boolean(caps.workspace?.diagnostics?.refreshSupport);
    clientWatchesFiles = Boolean(caps.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    configurationDynamic = Boolean(caps.workspace?.didChangeConfiguration?.dynamicRegistration);
    workspaceFolderSupport = Boolean(caps.workspace?.workspaceFolders);
    clientLocale = parseLocale(params.locale ?? undefined) ?? localeFromEnv();
    const init = params.initializationOptions as { settings?: unknown; diagnosticMode?: unknown } | null | undefined;
    if (init && typeof init === 'object' && init.settings !== undefined) globalSettings = applySettings(init.settings);
    // A client may prefer pushed diagnostics even if it can pull (the VS Code client does: one code path, and
    // the server's debounce and run-on-save apply).
    if (init && typeof init === 'object' && init.diagnosticMode === 'push') pullMode = false;
    const roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    folders = roots.map(uriToPath).filter((p): p is string => Boolean(p));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, SET_TYPE_KIND] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: TRIGGER_CHARACTERS },
        documentSymbolProvider: { label: 'pmm-lint' },
        diagnosticProvider: pullMode ? { identifier: 'pmm-lint', interFileDependencies: false, workspaceDiagnostics: false } : undefined,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'pmm-lint', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    if (clientWatchesFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/.pmmlintrc{,.json,.yaml,.yml}' }, { globPattern: '**/*.{json,yaml,yml}' }],
      });
    }
    if (configurationDynamic) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'pmmLint' });
    if (workspaceFolderSupport) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
        folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => Boolean(p))];
        configChanged();
      });
    }
    log(`pmm-lint ${VERSION} ready (${pullMode ? 'pull' : 'push'} diagnostics, locale ${clientLocale})`);
  });

  connection.onDidChangeConfiguration((params) => {
    if (!configurationSupport) {
      const raw = (params.settings as { pmmLint?: unknown } | null)?.pmmLint;
      if (raw !== undefined) globalSettings = applySettings(raw);
    }
    configChanged();
  });

  connection.onDidChangeWatchedFiles((params) => {
    const paths = params.changes.map((c) => uriToPath(c.uri)).filter((p): p is string => Boolean(p));
    if (filesChanged(paths)) configChanged();
  });

  connection.languages.diagnostics.on(
    guard('diagnostics', async (params, token): Promise<DocumentDiagnosticReport> => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc || !isMarkdown(doc)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const settings = await settingsFor(doc.uri);
      checkCancelled(token);
      const last = shown.get(doc.uri);
      // On save only: keep showing what the saved text had until the next save.
      let report = settings.run === 'onSave' && last && last.generation === generation && doc.version !== savedVersion.get(doc.uri) ? last : undefined;
      if (!report) {
        const done = await work(doc.uri, { feature: 'lint' }, PRIORITY.request, false);
        checkCancelled(token);
        if (!done) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
        report = done.ok ? { version: done.reply.version, generation: done.reply.generation, diagnostics: done.reply.diagnostics } : done;
      }
      shown.set(doc.uri, report);
      const resultId = `${report.version}:${report.generation}`;
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: report.diagnostics };
    }),
  );

  connection.onCodeAction(
    guard('codeAction', async (params, token) => {
      const doc = requireDocument(params);
      requirePosition(doc, params.range?.start);
      requirePosition(doc, params.range?.end);
      if (!isMarkdown(doc)) return [];
      return ask<CodeAction[]>(doc, { feature: 'codeAction', params }, token, () => []);
    }),
  );

  connection.onHover(
    guard('hover', async (params, token) => {
      const doc = requireDocument(params);
      const position = requirePosition(doc, params.position);
      if (!isMarkdown(doc)) return null;
      return ask<Hover | null>(doc, { feature: 'hover', offset: doc.offsetAt(position) }, token, () => null);
    }),
  );

  connection.onCompletion(
    guard('completion', async (params, token) => {
      const doc = requireDocument(params);
      const position = requirePosition(doc, params.position);
      if (!isMarkdown(doc)) return [];
      return ask<CompletionItem[]>(doc, { feature: 'completion', position }, token, () => []);
    }),
  );

  connection.onDocumentSymbol(
    guard('documentSymbol', async (params, token) => {
      const doc = requireDocument(params);
      if (!isMarkdown(doc)) return [];
      return ask<DocumentSymbol[]>(doc, { feature: 'symbols' }, token, () => []);
    }),
  );

  /** The report of a document the pool stopped: no findings, and the notice that says why. */
  const stoppedReport = (doc: TextDocument, over: OverBudget): DocumentReport => {
    const file = uriToPath(doc.uri) ?? doc.uri;
    return { file, docType: null, score: null, elements: [], findings: [], uri: doc.uri, version: over.version, notice: over.notice };
  };

  connection.onRequest(
    DOCUMENT_REPORT_REQUEST,
    guard('documentReport', async (params: unknown, token): Promise<DocumentReport> => {
      const doc = requireDocument(params);
      return ask<DocumentReport>(doc, { feature: 'report' }, token, (over) => stoppedReport(doc, over));
    }),
  );

  connection.onRequest(
    PREVIEW_REQUEST,
    guard('preview', async (params: unknown, token): Promise<PreviewResult> => {
      const doc = requireDocument(params);
      return ask<PreviewResult>(doc, { feature: 'preview' }, token, (over) => ({ html: '', report: stoppedReport(doc, over) }));
    }),
  );

  connection.onRequest(
    ELEMENT_EDIT_REQUEST,
    guard('elementEdit', async (params: { elementId?: unknown }, token) => {
      const doc = requireDocument(params);
      if (typeof params.elementId !== 'string') throw invalidParams('elementId is missing');
      return ask<TextEdit | null>(doc, { feature: 'elementEdit', elementId: params.elementId }, token, () => null);
    }),
  );

  connection.onRequest(
    SET_TYPE_REQUEST,
    guard('setTypeEdit', async (params: { type?: unknown }, token) => {
      const doc = requireDocument(params);
      // Not a string: the worker answers with the types it knows, for the message.
      const type = typeof params.type === 'string' ? params.type : '';
      const value = await ask<TextEdit | null | { unknownType: string[] }>(doc, { feature: 'setType', type }, token, () => null);
      if (value && 'unknownType' in value) throw invalidParams(`type must be one of ${value.unknownType.join(', ')}`);
      return value;
    }),
  );

  connection.onRequest(
    CHECKLISTS_REQUEST,
    guard('checklists', async (params: { textDocument?: { uri?: string } } | null, token): Promise<ChecklistSummary[]> => {
      const uri = params?.textDocument?.uri;
      const doc = uri ? documents.get(uri) : undefined;
      if (doc) {
        const summaries = await ask<ChecklistSummary[] | null>(doc, { feature: 'checklists' }, token, () => null);
        if (summaries) return summaries;
      }
      // No document (or one past its budget): the built-in checklists.
      const result = await pool.run<ChecklistSummary[]>({ key: '', priority: PRIORITY.request, timeMs: DEFAULT_BUDGET.timeMs, payload: { op: 'lsp-checklists' } satisfies LspJob }).outcome;
      if (result.kind !== 'done') throw new ResponseError(ErrorCodes.InternalError, `pmm-lint: checklists failed (${result.kind})`);
      return result.value;
    }),
  );

  connection.onRequest(
    LINT_FILES_REQUEST,
    guard('lintFiles', async (params: { uris?: unknown }, token) => {
      if (!Array.isArray(params?.uris) || !params.uris.every((u) => typeof u === 'string')) throw invalidParams('uris must be a list of URIs');
      const settingsByFolder = new Map<string, Promise<ServerSettings>>();
      const handles: Array<JobHandle<LspReply | { skipped: string }>> = [];
      token.onCancellationRequested(() => handles.forEach((h) => h.cancel()));
      const lintOne = async (uri: string): Promise<LintFileSummary> => {
        if (documents.get(uri)) {
          const done = await work(uri, { feature: 'lint' }, PRIORITY.workspace, false);
          if (!done) return { uri, docType: null, score: null, problems: 0, skipped: 'closed' };
          if (!done.ok) return { uri, docType: null, score: null, problems: 0, skipped: done.notice };
          return { uri, docType: done.reply.docType, score: done.reply.score, problems: done.reply.diagnostics.length, ...(done.reply.notice ? { skipped: done.reply.notice } : {}) };
        }
        const file = uriToPath(uri);
        if (!file) return { uri, docType: null, score: null, problems: 0, skipped: 'not a file' };
        const folder = folderFor(uri) ?? path.dirname(file);
        if (!settingsByFolder.has(folder)) settingsByFolder.set(folder, settingsFor(uri));
        const context: LspJobContext = { settings: await settingsByFolder.get(folder)!, folder: folderFor(uri), clientLocale, generation };
        const handle = pool.run<LspReply | { skipped: string }>({ key: uri, priority: PRIORITY.workspace, timeMs: DEFAULT_BUDGET.timeMs, payload: { op: 'lsp-file', uri, context } satisfies LspJob });
        handles.push(handle);
        const result = await handle.outcome;
        if (result.kind !== 'done') {
          const over = overBudgetOf(result, 0, context);
          if (!documents.get(uri) && result.kind !== 'cancelled') void connection.sendDiagnostics({ uri, diagnostics: over.diagnostics });
          return { uri, docType: null, score: null, problems: 0, skipped: result.kind === 'cancelled' ? 'cancelled' : over.notice };
        }
        const value = result.value;
        if ('skipped' in value) return { uri, docType: null, score: null, problems: 0, skipped: value.skipped };
        absorb(value);
        if (!documents.get(uri)) void connection.sendDiagnostics({ uri, diagnostics: value.diagnostics });
        return { uri, docType: value.docType, score: value.score, problems: value.diagnostics.length, ...(value.notice ? { skipped: value.notice } : {}) };
      };
      const summaries = await Promise.all((params.uris as string[]).map(lintOne));
      checkCancelled(token);
      options.afterWork?.();
      return summaries;
    }),
  );

  connection.onRequest(
    SERVER_STATUS_REQUEST,
    guard('serverStatus', async (params: { collectGarbage?: unknown } | null): Promise<ServerStatus> => {
      const collect = params?.collectGarbage === true && options.collectGarbage !== undefined;
      if (collect) {
        options.collectGarbage!();
        pool.broadcast({ kind: 'collectGarbage' } satisfies LspBroadcast);
      }
      const m = process.memoryUsage();
      return {
        pid: process.pid,
        version: VERSION,
        documents: documents.all().length,
        collected: collect,
        memory: { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers },
        work: pool.load,
      };
    }),
  );

  connection.onShutdown(async () => {
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
    for (const w of fileWatchers.values()) w.close();
    fileWatchers.clear();
    await pool.close();
  });

  documents.listen(connection);
  connection.listen();
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
