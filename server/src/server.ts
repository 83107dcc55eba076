// The language server: LSP glue only. Everything it says comes from the engine (server/src/core), through
// lsp/linter.ts, so the CLI, the server and the preview agree. Runs over stdio, node IPC or a socket.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
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
  type CancellationToken,
  type Connection,
  type DocumentDiagnosticReport,
  type Position,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BUILT_IN_CHECKLISTS } from './core/checklist';
import { localeFromEnv, parseLocale, t } from './core/i18n';
import type { Rule } from './core/rules/rule';
import type { Locale } from './core/types';
import { toJsonReport, type JsonFileReport } from './format/positions';
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
import { compactDocuments } from './lsp/compact-documents';
import { codeActions, elementEdit, inDocumentLineBreaks, SET_TYPE_KIND, setTypeEdit } from './lsp/code-actions';
import { renderPreviewHtml } from './lsp/preview';
import { completions, TRIGGER_CHARACTERS } from './lsp/completion';
import { hover } from './lsp/hover';
import { Linter, MARKDOWN_LANGUAGES, uriToPath, type LintOutcome, type LinterHost } from './lsp/linter';
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from './lsp/settings';
import { documentSymbols } from './lsp/symbols';

declare const PMM_LINT_VERSION: string;
const VERSION = typeof PMM_LINT_VERSION === 'string' ? PMM_LINT_VERSION : '0.0.0-dev';

// How long to wait for the client's settings (PMM_LINT_SETTINGS_TIMEOUT_MS changes it, for tests).
const SETTINGS_TIMEOUT_MS = Number(process.env.PMM_LINT_SETTINGS_TIMEOUT_MS) || 5000;

export interface ServerOptions {
  /** Rules to run (default: the built-in rules). */
  rules?: readonly Rule[];
  /** Called after each piece of work (a lint): the server process uses it to collect garbage when idle. */
  afterWork?: () => void;
  /** A full garbage collection now, when the process can (for `pmmLint/serverStatus` with `collectGarbage`). */
  collectGarbage?: () => void;
}

/**
 * A full garbage collection once the server has been idle for a moment after work. V8 otherwise lets the heap
 * grow with the garbage of parsing (to several times the live data) and keeps that memory.
 */
function idleCollector(delayMs = 1500): { afterWork: () => void; collectGarbage?: () => void } {
  let gc: () => void;
  try {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  } catch {
    return { afterWork: () => {} };
  }
  let timer: NodeJS.Timeout | undefined;
  return {
    afterWork: () => {
      clearTimeout(timer);
      timer = setTimeout(gc, delayMs);
      timer.unref();
    },
    collectGarbage: gc,
  };
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
  const settingsCache = new Map<string, Promise<ServerSettings>>();
  const timers = new Map<string, NodeJS.Timeout>();
  const published = new Map<string, { version: number; generation: number }>();
  const savedVersion = new Map<string, number>();
  /** Pull mode, on save: the outcome last reported for each document. */
  const shown = new Map<string, LintOutcome>();
  const justOpened = new Set<string>();
  const loggedSettingProblems = new Set<string>();
  const fileWatchers = new Map<string, fs.FSWatcher>();

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

  const host: LinterHost = {
    settingsFor(uri) {
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
    },
    folderFor(uri) {
      const file = uriToPath(uri);
      if (file) {
        const holding = folders.filter((f) => file === f || file.startsWith(f.endsWith(path.sep) ? f : f + path.sep));
        if (holding.length) return holding.sort((a, b) => b.length - a.length)[0];
      }
      return folders[0];
    },
    clientLocale: () => clientLocale,
    log: (message) => connection.console.error(message),
    showError: (message) => void connection.window.showErrorMessage(message),
  };
  const linter = new Linter(host, options.rules);

  const isMarkdown = (doc: TextDocument) => MARKDOWN_LANGUAGES.has(doc.languageId);

  // ---- diagnostics --------------------------------------------------------------------------------------
  const publish = async (uri: string): Promise<void> => {
    const doc = documents.get(uri);
    if (!doc || !isMarkdown(doc)) return;
    let outcome: LintOutcome | undefined;
    try {
      outcome = await linter.lint(doc, () => documents.get(uri));
    } catch (error) {
      host.log(`pmm-lint: could not lint ${uri}: ${(error as Error).stack ?? error}`);
      return;
    }
    if (!outcome || !documents.get(uri)) return;
    watchDependencies();
    const previous = published.get(uri);
    if (previous && previous.version === outcome.version && previous.generation === outcome.generation) return;
    published.set(uri, { version: outcome.version, generation: outcome.generation });
    options.afterWork?.();
    void connection.sendDiagnostics({ uri, version: outcome.version, diagnostics: outcome.diagnostics });
  };

  const schedule = (uri: string, delay: number) => {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void publish(uri);
      }, delay),
    );
  };

  const refreshAll = () => {
    if (pullMode) {
      if (refreshSupport) void connection.languages.diagnostics.refresh();
      return;
    }
    for (const doc of documents.all()) if (isMarkdown(doc)) void publish(doc.uri);
  };

  const configChanged = () => {
    settingsCache.clear();
    // Watch only what the new configs read (re-added on the next lint).
    for (const w of fileWatchers.values()) w.close();
    fileWatchers.clear();
    linter.invalidate();
    refreshAll();
  };

  // Clients that cannot watch files for us (Neovim 0.7): watch the config and checklist files we read.
  const watchDependencies = () => {
    if (clientWatchesFiles) return;
    for (const file of linter.configs.watchedFiles()) {
      if (fileWatchers.has(file)) continue;
      try {
        const watcher = fs.watch(file, { persistent: false }, () => {
          watcher.close();
          fileWatchers.delete(file);
          if (linter.configs.filesChanged([file])) configChanged();
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
    if (!pullMode) void publish(uri);
  });

  documents.onDidChangeContent((e) => {
    const { uri } = e.document;
    if (!isMarkdown(e.document)) return;
    if (justOpened.delete(uri) || pullMode) return;
    void host.settingsFor(uri).then((settings) => {
      if (settings.run === 'onType' && documents.get(uri)) schedule(uri, settings.debounceMs);
    });
  });

  documents.onDidSave((e) => {
    const { uri } = e.document;
    if (!isMarkdown(e.document)) return;
    savedVersion.set(uri, e.document.version);
    void host.settingsFor(uri).then((settings) => {
      if (settings.run !== 'onSave') return;
      if (!pullMode) void publish(uri);
      else if (refreshSupport) void connection.languages.diagnostics.refresh();
    });
  });

  documents.onDidClose((e) => {
    const { uri } = e.document;
    e.document.release();
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    justOpened.delete(uri);
    linter.forget(uri);
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

  /** The outcome for the document's current version; lets a pending cancellation arrive before long work. */
  const currentOutcome = async (doc: TextDocument, token: CancellationToken): Promise<LintOutcome> => {
    if (!linter.cached(doc)) await new Promise((resolve) => setImmediate(resolve));
    checkCancelled(token);
    const outcome = await linter.lint(doc, () => documents.get(doc.uri));
    checkCancelled(token);
    if (!outcome) throw new ResponseError(ErrorCodes.InvalidParams, t(clientLocale, 'lsp.unknownDocument', { uri: doc.uri }));
    return outcome;
  };

  const guard =
    <P, R>(name: string, handler: (params: P, token: CancellationToken) => Promise<R>) =>
    async (params: P, token: CancellationToken): Promise<R> => {
      try {
        return await handler(params, token);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        host.log(`pmm-lint: ${name} failed: ${(error as Error).stack ?? error}`);
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
    if (linter.configs.filesChanged(paths)) configChanged();
  });

  connection.languages.diagnostics.on(
    guard('diagnostics', async (params, token): Promise<DocumentDiagnosticReport> => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc || !isMarkdown(doc)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const settings = await host.settingsFor(doc.uri);
      checkCancelled(token);
      const last = shown.get(doc.uri);
      // On save only: keep showing what the saved text had until the next save.
      const outcome =
        settings.run === 'onSave' && last && last.generation === linter.generation && doc.version !== savedVersion.get(doc.uri) ? last : await currentOutcome(doc, token);
      // Kept without its tree and model: only the diagnostics are reused.
      shown.set(doc.uri, { ...outcome, result: null, parsed: null });
      watchDependencies();
      const resultId = `${outcome.version}:${outcome.generation}`;
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: outcome.diagnostics };
    }),
  );

  connection.onCodeAction(
    guard('codeAction', async (params, token) => {
      const doc = requireDocument(params);
      requirePosition(doc, params.range?.start);
      requirePosition(doc, params.range?.end);
      if (!isMarkdown(doc)) return [];
      return codeActions(await currentOutcome(doc, token), doc, params);
    }),
  );

  connection.onHover(
    guard('hover', async (params, token) => {
      const doc = requireDocument(params);
      const position = requirePosition(doc, params.position);
      if (!isMarkdown(doc)) return null;
      return hover(await currentOutcome(doc, token), doc.offsetAt(position));
    }),
  );

  connection.onCompletion(
    guard('completion', async (params, token) => {
      const doc = requireDocument(params);
      const position = requirePosition(doc, params.position);
      if (!isMarkdown(doc)) return [];
      const settings = await host.settingsFor(doc.uri);
      if (!settings.enable) return [];
      // Headings only need the checklist and the statuses: a slightly older outcome is good enough, and
      // typing `#` should not wait for a lint.
      const outcome = linter.cached(doc) ?? linter.latest(doc.uri) ?? (await currentOutcome(doc, token));
      return completions(outcome, doc, position, outcome.config?.checklists ?? BUILT_IN_CHECKLISTS, outcome.locale);
    }),
  );

  connection.onDocumentSymbol(
    guard('documentSymbol', async (params, token) => {
      const doc = requireDocument(params);
      if (!isMarkdown(doc)) return [];
      return documentSymbols(await currentOutcome(doc, token));
    }),
  );

  const reportOf = (outcome: LintOutcome): DocumentReport => {
    const folder = host.folderFor(outcome.uri);
    const file = outcome.filePath ? (folder && outcome.filePath.startsWith(folder + path.sep) ? path.relative(folder, outcome.filePath) : outcome.filePath) : outcome.uri;
    const base: JsonFileReport = outcome.result ? toJsonReport(file, outcome.result) : { file, docType: null, score: null, elements: [], findings: [] };
    return { ...base, uri: outcome.uri, version: outcome.version, ...(outcome.notice ? { notice: outcome.notice } : {}) };
  };

  connection.onRequest(
    DOCUMENT_REPORT_REQUEST,
    guard('documentReport', async (params: unknown, token): Promise<DocumentReport> => reportOf(await currentOutcome(requireDocument(params), token))),
  );

  connection.onRequest(
    PREVIEW_REQUEST,
    guard('preview', async (params: unknown, token): Promise<PreviewResult> => {
      const outcome = await currentOutcome(requireDocument(params), token);
      return { html: outcome.result ? renderPreviewHtml(outcome.result) : '', report: reportOf(outcome) };
    }),
  );

  connection.onRequest(
    ELEMENT_EDIT_REQUEST,
    guard('elementEdit', async (params: { elementId?: unknown }, token) => {
      const doc = requireDocument(params);
      if (typeof params.elementId !== 'string') throw invalidParams('elementId is missing');
      const outcome = await currentOutcome(doc, token);
      const e = outcome.result ? elementEdit(outcome.result, outcome, params.elementId) : null;
      return e ? inDocumentLineBreaks(doc, e) : null;
    }),
  );

  connection.onRequest(
    SET_TYPE_REQUEST,
    guard('setTypeEdit', async (params: { type?: unknown }, token) => {
      const doc = requireDocument(params);
      const outcome = await currentOutcome(doc, token);
      const known = outcome.config?.checklists ?? BUILT_IN_CHECKLISTS;
      if (typeof params.type !== 'string' || !known.some((c) => c.type === params.type)) throw invalidParams(`type must be one of ${known.map((c) => c.type).join(', ')}`);
      if (!outcome.result) return null;
      return inDocumentLineBreaks(doc, setTypeEdit(outcome.result, outcome, params.type));
    }),
  );

  connection.onRequest(
    CHECKLISTS_REQUEST,
    guard('checklists', async (params: { textDocument?: { uri?: string } } | null, token): Promise<ChecklistSummary[]> => {
      const uri = params?.textDocument?.uri;
      const doc = uri ? documents.get(uri) : undefined;
      const outcome = doc ? await currentOutcome(doc, token) : undefined;
      return (outcome?.config?.checklists ?? BUILT_IN_CHECKLISTS).map((c) => ({
        type: c.type,
        title: c.title,
        elements: c.elements.map((e) => ({ id: e.id, title: e.title, required: e.required })),
      }));
    }),
  );

  connection.onRequest(
    LINT_FILES_REQUEST,
    guard('lintFiles', async (params: { uris?: unknown }, token) => {
      if (!Array.isArray(params?.uris) || !params.uris.every((u) => typeof u === 'string')) throw invalidParams('uris must be a list of URIs');
      const summaries: LintFileSummary[] = [];
      const settingsByFolder = new Map<string, Promise<ServerSettings>>();
      for (const uri of params.uris as string[]) {
        checkCancelled(token);
        const open = documents.get(uri);
        let outcome: LintOutcome | undefined;
        if (open) {
          outcome = await currentOutcome(open, token);
        } else {
          const file = uriToPath(uri);
          if (!file) {
            summaries.push({ uri, docType: null, score: null, problems: 0, skipped: 'not a file' });
            continue;
          }
          let buf: Buffer;
          try {
            buf = fs.readFileSync(file);
          } catch (error) {
            summaries.push({ uri, docType: null, score: null, problems: 0, skipped: (error as NodeJS.ErrnoException).code ?? String(error) });
            continue;
          }
          if (buf.subarray(0, 8000).includes(0)) {
            summaries.push({ uri, docType: null, score: null, problems: 0, skipped: 'binary' });
            continue;
          }
          const folder = host.folderFor(uri) ?? path.dirname(file);
          if (!settingsByFolder.has(folder)) settingsByFolder.set(folder, host.settingsFor(uri));
          const settings = await settingsByFolder.get(folder)!;
          outcome = linter.lintNow(TextDocument.create(uri, 'markdown', 0, buf.toString('utf8')), settings, false);
          if (!documents.get(uri)) void connection.sendDiagnostics({ uri, diagnostics: outcome.diagnostics });
          // Let other messages (edits, cancellation) through between files.
          await new Promise((resolve) => setImmediate(resolve));
        }
        summaries.push({ uri, docType: outcome.result?.docType ?? null, score: outcome.result?.score ?? null, problems: outcome.diagnostics.length, ...(outcome.notice ? { skipped: outcome.notice } : {}) });
      }
      options.afterWork?.();
      return summaries;
    }),
  );

  connection.onRequest(
    SERVER_STATUS_REQUEST,
    guard('serverStatus', async (params: { collectGarbage?: unknown } | null): Promise<ServerStatus> => {
      const collect = params?.collectGarbage === true && options.collectGarbage !== undefined;
      if (collect) options.collectGarbage!();
      const m = process.memoryUsage();
      return {
        pid: process.pid,
        version: VERSION,
        documents: documents.all().length,
        collected: collect,
        memory: { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers },
      };
    }),
  );

  connection.onShutdown(() => {
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
    for (const w of fileWatchers.values()) w.close();
    fileWatchers.clear();
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
  startServer(connection, idleCollector());
}

if (require.main === module) main();
