// The status bar item: "PMM 72% · 2 missing" for PMM documents, hidden for everything else. Click: preview.
import * as vscode from 'vscode';
import type { Reports } from './reports';

export class StatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  private readonly updated = new vscode.EventEmitter<string | undefined>();
  /** Fires after each update with the text shown (undefined when hidden). */
  readonly onDidUpdate = this.updated.event;

  constructor(private readonly reports: Reports) {
    this.item = vscode.window.createStatusBarItem('pmmLint.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = vscode.l10n.t('PMM Lint');
    this.item.command = 'pmmLint.openPreview';
    this.disposables.push(
      this.item,
      this.updated,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.schedule(100);
      }),
    );
    this.schedule(0);
  }

  schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  async update(): Promise<void> {
    const generation = ++this.generation;
    const doc = vscode.window.activeTextEditor?.document;
    const report = doc ? await this.reports.get(doc) : null;
    if (generation !== this.generation) return; // a newer update is on its way
    const isPmm = Boolean(report && report.docType);
    void vscode.commands.executeCommand('setContext', 'pmmLint.isPmmDocument', isPmm);
    if (!report || !report.docType) {
      this.item.hide();
      this.updated.fire(undefined);
      return;
    }
    const missing = report.elements.filter((e) => e.required && e.status === 'missing').length;
    const weak = report.elements.filter((e) => e.required && e.status === 'weak').length;
    this.item.text = missing
      ? vscode.l10n.t('$(checklist) PMM {0}% · {1} missing', report.score ?? 0, missing)
      : vscode.l10n.t('$(checklist) PMM {0}%', report.score ?? 0);
    this.item.tooltip = vscode.l10n.t('{0}: score {1}/100, {2} missing, {3} weak. Click to open the checklist preview.', report.docType, report.score ?? 0, missing, weak);
    this.item.show();
    this.updated.fire(this.item.text);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
