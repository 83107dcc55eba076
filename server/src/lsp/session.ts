// What the client told the server (capabilities, locale, workspace folders) and the generation of settings and
// config files: the state every module of the main thread reads, passed to each explicitly.

import * as path from 'node:path';
import {
  CodeActionKind,
  TextDocumentSyncKind,
  type InitializeParams,
  type ServerCapabilities,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver';
import { localeFromEnv, parseLocale } from '../core/i18n';
import type { Locale } from '../core/types';
import { SET_TYPE_KIND, TRIGGER_CHARACTERS, uriToPath } from './basics';

/**
 * Files that are not open whose diagnostics Lint Workspace published (pmmLint/lintFiles), with the generation of
 * settings each was linted in. After a settings or config change each is linted again or cleared
 * (requests/lint-files.ts does it, the scheduler asks), so the Problems view never mixes old and new severities
 * or languages.
 */
export class ShownFiles {
  private readonly generations = new Map<string, number>();
  private relint: ((uri: string) => Promise<void>) | null = null;

  /** Records a lint of this generation unless a newer one is shown; false: do not publish it. */
  record(uri: string, generation: number): boolean {
    const shown = this.generations.get(uri);
    if (shown !== undefined && shown > generation) return false;
    this.generations.set(uri, generation);
    return true;
  }

  has(uri: string): boolean {
    return this.generations.has(uri);
  }

  /** Its diagnostics were cleared, or the file is open now (the open document's diagnostics replace them). */
  forget(uri: string): void {
    this.generations.delete(uri);
  }

  get size(): number {
    return this.generations.size;
  }

  /** Who lints a shown file again and publishes (or clears) its diagnostics: the pmmLint/lintFiles handler. */
  relintWith(relint: (uri: string) => Promise<void>): void {
    this.relint = relint;
  }

  /** Settings or configs changed: every shown file again. */
  refresh(): Promise<void> {
    const relint = this.relint;
    if (!relint) return Promise.resolve();
    return Promise.all([...this.generations.keys()].map((uri) => relint(uri))).then(() => undefined);
  }
}

export class Session {
  clientLocale: Locale = localeFromEnv();
  /** Diagnostics are pulled by the client (else pushed by the server). */
  pullMode = false;
  /** The client answers workspace/configuration. */
  configurationSupport = false;
  /** The client can be asked to pull diagnostics again. */
  refreshSupport = false;
  /** The client watches files for us (else the server watches what it reads). */
  clientWatchesFiles = false;
  configurationDynamic = false;
  workspaceFolderSupport = false;
  /** Workspace folders, as paths. */
  folders: string[] = [];
  /** Bumped whenever settings or config files change: results of an older generation are stale. */
  generation = 0;
  /** Files that are not open with diagnostics from Lint Workspace. */
  readonly shownFiles = new ShownFiles();

  /** Reads the client's capabilities; returns the settings it sent with initialize, if any. */
  initialize(params: InitializeParams): { settings?: unknown } {
    const caps = params.capabilities;
    this.configurationSupport = Boolean(caps.workspace?.configuration);
    this.pullMode = Boolean(caps.textDocument?.diagnostic);
    this.refreshSupport = Boolean(caps.workspace?.diagnostics?.refreshSupport);
    this.clientWatchesFiles = Boolean(caps.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    this.configurationDynamic = Boolean(caps.workspace?.didChangeConfiguration?.dynamicRegistration);
    this.workspaceFolderSupport = Boolean(caps.workspace?.workspaceFolders);
    this.clientLocale = parseLocale(params.locale ?? undefined) ?? localeFromEnv();
    const init = params.initializationOptions as { settings?: unknown; diagnosticMode?: unknown } | null | undefined;
    // A client may prefer pushed diagnostics even if it can pull (the VS Code client does: one code path, and
    // the server's debounce and run-on-save apply).
    if (init && typeof init === 'object' && init.diagnosticMode === 'push') this.pullMode = false;
    const roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.folders = paths(roots);
    return init && typeof init === 'object' && init.settings !== undefined ? { settings: init.settings } : {};
  }

  changeFolders(e: WorkspaceFoldersChangeEvent): void {
    const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
    this.folders = [...this.folders.filter((f) => !removed.has(f)), ...paths(e.added.map((f) => f.uri))];
  }

  /** The workspace folder (a path) that holds a document, or the first folder. */
  folderFor(uri: string): string | undefined {
    const file = uriToPath(uri);
    if (file) {
      const holding = this.folders.filter((f) => file === f || file.startsWith(f.endsWith(path.sep) ? f : f + path.sep));
      if (holding.length) return holding.sort((a, b) => b.length - a.length)[0];
    }
    return this.folders[0];
  }

  capabilities(): ServerCapabilities {
    return {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, SET_TYPE_KIND] },
      hoverProvider: true,
      completionProvider: { triggerCharacters: TRIGGER_CHARACTERS },
      documentSymbolProvider: { label: 'pmm-lint' },
      diagnosticProvider: this.pullMode ? { identifier: 'pmm-lint', interFileDependencies: false, workspaceDiagnostics: false } : undefined,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    };
  }
}

function paths(uris: string[]): string[] {
  return uris.map(uriToPath).filter((p): p is string => Boolean(p));
}
