// The checklist preview: the rendered document beside its scorecard, in a webview that follows the active
// Markdown editor. Everything it shows comes from the server's pmmLint/preview request (sanitised there, and
// again in the page); the page runs only our script (CSP with a fresh nonce each time the page is set).
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { l10nFor, uiLanguage } from './language';
import { classifyLink, fileInside } from './links';
import { PreviewRequest, type DocumentReport, type ExtensionMessage, type Localized, type PageMessage, type PreviewResult, type UpdateMessage } from './protocol';

function isPageMessage(m: unknown): m is PageMessage {
  if (!m || typeof m !== 'object') return false;
  const x = m as Record<string, unknown>;
  switch (x.type) {
    case 'ready':
      return true;
    case 'reveal':
      return typeof x.line === 'number' && Number.isInteger(x.line) && x.line >= 0;
    case 'insert':
      return typeof x.elementId === 'string' && /^[\w-]{1,80}$/.test(x.elementId);
    case 'openLink':
      return typeof x.href === 'string' && x.href.length < 4096;
    default:
      return false;
  }
}

/** The page's texts in a language (the document's: a Chinese document's preview is Chinese under any UI). */
export function labels(language: 'en' | 'zh' = uiLanguage()): Record<string, string> {
  const l10n = l10nFor(language);
  return {
    score: l10n.t('Score'),
    complete: l10n.t('complete'),
    weak: l10n.t('weak'),
    missing: l10n.t('missing'),
    required: l10n.t('required'),
    optional: l10n.t('optional'),
    findings: l10n.t('Findings'),
    noFindings: l10n.t('No findings.'),
    insert: l10n.t('Insert'),
    notPmm: l10n.t('This document is not a PMM document pmm-lint knows. Declare its type with "PMM: Set Document Type...".'),
    checklist: l10n.t('Checklist'),
    draft: l10n.t('Draft'),
    // {0} and {1} are filled in by the page.
    draftProgress: l10n.t('{0} of {1} sections written'),
  };
}

/**
 * The preview's language: `pmmLint.locale` when it names one, else the document's own (a Chinese document reads as
 * Chinese under an English UI), else the UI's.
 */
export function previewLanguage(doc: vscode.TextDocument, report: DocumentReport): 'en' | 'zh' {
  const setting = vscode.workspace.getConfiguration('pmmLint', doc).get<string>('locale', 'auto');
  if (setting === 'en' || setting === 'zh') return setting;
  return report.language ?? uiLanguage();
}

export class PreviewPanel implements vscode.Disposable {
  static readonly viewType = 'pmmLint.preview';
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly updateListeners = new Set<(m: UpdateMessage) => void>();
  /** The last update posted to the page (for tests and the API). */
  lastUpdate: UpdateMessage | undefined;
  /** The nonce of the page currently set. */
  nonce = '';
  /** Requests are numbered: a reply older than one already posted is dropped. */
  private requested = 0;
  private posted = 0;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: () => LanguageClient,
    private readonly typeTitle: (doc: vscode.TextDocument, type: string) => Promise<Localized | undefined> = async () => undefined,
  ) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor && editor.document.languageId === 'markdown' && editor.document !== this.document) this.follow(editor.document);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document) this.schedule(300);
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (this.document && e.uris.some((u) => u.toString() === this.document!.uri.toString())) this.schedule(100);
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (this.panel && e.textEditor.document === this.document && e.visibleRanges.length) {
          void this.post({ type: 'scroll', line: e.visibleRanges[0].start.line });
        }
      }),
    );
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  get webviewPanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /** Resolves with the next update posted to the page (that passes `test`). */
  nextUpdate(test: (m: UpdateMessage) => boolean = () => true): Promise<UpdateMessage> {
    return new Promise((resolve) => {
      const once = (m: UpdateMessage) => {
        if (!test(m)) return;
        this.updateListeners.delete(once);
        resolve(m);
      };
      this.updateListeners.add(once);
    });
  }

  open(doc: vscode.TextDocument): void {
    if (!this.panel) {
      const dist = vscode.Uri.joinPath(this.context.extensionUri, 'dist');
      this.panel = vscode.window.createWebviewPanel(
        PreviewPanel.viewType,
        vscode.l10n.t('Checklist'),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, enableForms: false, localResourceRoots: [dist], enableFindWidget: true },
      );
      this.panel.webview.html = this.page(this.panel.webview);
      this.panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m));
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.document = undefined;
      });
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    this.follow(doc);
  }

  private follow(doc: vscode.TextDocument): void {
    this.document = doc;
    if (this.panel) this.panel.title = vscode.l10n.t('Checklist: {0}', path.basename(doc.uri.path));
    this.schedule(0);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  async refresh(): Promise<void> {
    const doc = this.document;
    if (!this.panel || !doc) return;
    if (!this.client().isRunning()) {
      // Starting: refresh once it runs.
      const started = this.client().onDidChangeState(() => {
        started.dispose();
        this.schedule(0);
      });
      return;
    }
    let result: PreviewResult;
    const ticket = ++this.requested;
    try {
      result = await this.client().sendRequest(PreviewRequest, { textDocument: { uri: doc.uri.toString() } });
    } catch {
      return; // the server restarts or the document closed: the next change refreshes
    }
    const title = result.report.docType ? await this.typeTitle(doc, result.report.docType) : undefined;
    if (!this.panel || doc !== this.document || ticket < this.posted) return;
    this.posted = ticket;
    const language = previewLanguage(doc, result.report);
    const message: UpdateMessage = {
      type: 'update',
      uri: doc.uri.toString(),
      version: result.report.version,
      html: result.html,
      report: result.report,
      language,
      labels: labels(language),
      ...(title ? { typeTitle: language === 'zh' ? title.zh : title.en } : {}),
    };
    this.lastUpdate = message;
    await this.post(message);
    for (const listener of [...this.updateListeners]) listener(message);
  }

  /** Every message to the page goes through here, typed. */
  private async post(message: ExtensionMessage): Promise<void> {
    await this.panel?.webview.postMessage(message);
  }

  private async onMessage(m: unknown): Promise<void> {
    if (!isPageMessage(m) || !this.document) return;
    const doc = this.document;
    switch (m.type) {
      case 'ready':
        return this.refresh();
      case 'reveal': {
        const line = Math.min(m.line, doc.lineCount - 1);
        const editor = await vscode.window.showTextDocument(doc, { viewColumn: this.editorColumn(doc), preserveFocus: false });
        const at = new vscode.Position(line, 0);
        editor.selection = new vscode.Selection(at, at);
        editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.AtTop);
        return;
      }
      case 'insert':
        await vscode.window.showTextDocument(doc, { viewColumn: this.editorColumn(doc), preserveFocus: false });
        await vscode.commands.executeCommand('pmmLint.insertElement', doc.uri, m.elementId);
        return;
      case 'openLink':
        return this.openLink(doc, m.href);
    }
  }

  private editorColumn(doc: vscode.TextDocument): vscode.ViewColumn | undefined {
    return vscode.window.visibleTextEditors.find((e) => e.document === doc)?.viewColumn ?? vscode.ViewColumn.One;
  }

  /**
   * Links open only through here (links.ts says which): web and mail links outside VS Code, relative links to
   * files in the document's folder or the workspace folder that holds it, real paths compared; the rest nothing.
   */
  private async openLink(doc: vscode.TextDocument, href: string): Promise<void> {
    const link = classifyLink(href);
    if (link.kind === 'web') {
      await vscode.env.openExternal(vscode.Uri.parse(link.href, true));
      return;
    }
    if (link.kind !== 'relative' || doc.uri.scheme !== 'file') return;
    const folder = path.dirname(doc.uri.fsPath);
    const workspace = vscode.workspace.getWorkspaceFolder(doc.uri);
    const roots = [folder, ...(workspace && workspace.uri.scheme === 'file' ? [workspace.uri.fsPath] : [])];
    // `/x.md` is from the workspace folder's top, as in VS Code's own preview; anything else from the document's folder.
    const base = link.path.startsWith('/') && roots.length > 1 ? roots[1] : folder;
    const found = await fileInside(path.join(base, link.path), roots);
    if (found.ok) await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(found.path));
    else if (found.reason === 'missing') void vscode.window.showWarningMessage(vscode.l10n.t('Cannot open {0}: no such file.', href));
    // Outside both folders, or a folder: nothing.
  }

  /** The page: our script and style only, under a CSP with a fresh nonce. */
  private page(webview: vscode.Webview): string {
    this.nonce = randomBytes(16).toString('base64');
    const dist = vscode.Uri.joinPath(this.context.extensionUri, 'dist');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'preview.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'preview.css'));
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `script-src 'nonce-${this.nonce}'`,
      `img-src ${webview.cspSource}`,
      `font-src ${webview.cspSource}`,
      "base-uri 'none'",
      "form-action 'none'",
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="${uiLanguage() === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>${vscode.l10n.t('Checklist')}</title>
</head>
<body>
<main class="layout">
<aside id="scorecard" aria-live="polite"></aside>
<article id="document" class="markdown-body"></article>
</main>
<script nonce="${this.nonce}" src="${script}"></script>
</body>
</html>`;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
