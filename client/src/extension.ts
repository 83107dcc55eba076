// Activation: start the language server, then the status bar, the preview and the commands. Everything the
// extension creates is owned by the PmmExtension object and disposed with it.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { registerRevealInsertion } from './insertions';
import { createLanguageClient } from './languageClient';
import { PreviewPanel } from './preview';
import { Reports } from './reports';
import { StatusBar } from './statusBar';
import { registerSuggestOnPrefix } from './suggest';

/** What activate() returns: for tests and for other extensions. */
export interface PmmApi {
  /** Resolves when the language server is up (activation does not wait for it). */
  readonly ready: Promise<void>;
  readonly client: LanguageClient;
  readonly preview: PreviewPanel;
  readonly statusBar: vscode.StatusBarItem;
  /** Fires with the status bar text after each update (undefined: hidden). */
  readonly onDidUpdateStatusBar: vscode.Event<string | undefined>;
  readonly reports: Reports;
}

class PmmExtension implements vscode.Disposable {
  private languageClient: LanguageClient;
  readonly output = vscode.window.createOutputChannel('PMM Lint', { log: true });
  readonly reports = new Reports(() => this.languageClient);
  readonly preview: PreviewPanel;
  readonly statusBar: StatusBar;
  private readonly disposables: vscode.Disposable[] = [];
  ready: Promise<void> = Promise.resolve();

  constructor(readonly context: vscode.ExtensionContext) {
    this.languageClient = createLanguageClient(context, this.output);
    this.preview = new PreviewPanel(context, () => this.languageClient, (doc, type) => this.reports.typeTitle(doc, type));
    this.statusBar = new StatusBar(this.reports);
    this.disposables.push(
      this.output,
      this.preview,
      this.statusBar,
      registerRevealInsertion(),
      // `pmm` at the start of a line opens the suggestions (the templates) without Ctrl+Space.
      registerSuggestOnPrefix(),
      ...registerCommands({ extension: context, client: () => this.languageClient, ready: () => this.ready, reports: this.reports, preview: this.preview, restart: () => this.restart() }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('pmmLint')) this.reports.clear();
      }),
      // Running again after the server was restarted (by the client after a crash, or by the command): what
      // was asked of the old process is stale.
      this.languageClient.onDidChangeState((e) => {
        if (e.newState !== State.Running) return;
        this.reports.clear();
        this.statusBar.schedule(0);
        void this.preview.refresh();
      }),
    );
  }

  /** Starts the language server in the background: activation returns at once. */
  start(): void {
    this.ready = this.languageClient.start().then(
      () => this.statusBar.schedule(0),
      (error: unknown) => {
        this.output.error(`pmm-lint: the language server did not start: ${(error as Error).message ?? error}`);
        throw error;
      },
    );
    this.ready.catch(() => {});
  }

  async restart(): Promise<void> {
    this.reports.clear();
    // A restart also recovers from a failed first start: commands wait on the new promise.
    this.ready = (this.languageClient.isRunning() ? this.languageClient.restart() : this.languageClient.start()).then(() => this.statusBar.schedule(0));
    await this.ready;
  }

  api(): PmmApi {
    // Getters: a restart replaces both.
    const ready = () => this.ready;
    const client = () => this.languageClient;
    return {
      get ready() {
        return ready();
      },
      get client() {
        return client();
      },
      preview: this.preview,
      statusBar: this.statusBar.item,
      onDidUpdateStatusBar: this.statusBar.onDidUpdate,
      reports: this.reports,
    };
  }

  async dispose(): Promise<void> {
    for (const d of this.disposables) d.dispose();
    await this.languageClient.dispose();
  }
}

let extension: PmmExtension | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<PmmApi> {
  extension = new PmmExtension(context);
  context.subscriptions.push({ dispose: () => void extension?.dispose() });
  extension.start();
  return extension.api();
}

export async function deactivate(): Promise<void> {
  await extension?.dispose();
  extension = undefined;
}
