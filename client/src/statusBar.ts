// The status bar item: "PMM 72% · 2 missing" for PMM documents ("PMM 12 of 14 sections written" for a draft),
// hidden for everything else. Click: preview.
import * as vscode from 'vscode';
import { local } from './language';
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
    if (!doc || !report || !report.docType) {
      this.item.hide();
      this.updated.fire(undefined);
      return;
    }
    // The type as the document's readers call it: its title in the document's language.
    const title = await this.reports.typeTitle(doc, report.docType);
    if (generation !== this.generation) return;
    const typeName = title ? (report.language === 'zh' ? title.zh : report.language === 'en' ? title.en : local(title)) : report.docType;
    const missing = report.elements.filter((e) => e.required && e.status === 'missing').length;
    const weak = report.elements.filter((e) => e.required && e.status === 'weak').length;
    if (report.draft) {
      const { written, total } = report.draft;
      // A draft's to-dos: what is left unwritten (placeholders, one finding per section, and empty sections).
      const todos = report.findings.filter((f) => f.ruleId === 'placeholder' || f.ruleId === 'empty-section').length;
      this.item.text = vscode.l10n.t('$(checklist) PMM {0} of {1} sections written', written, total);
      this.item.tooltip = vscode.l10n.t('{0}, draft: {1} of {2} required sections written, {3} to-dos. Click to open the checklist preview.', typeName, written, total, todos);
    } else {
      this.item.text = missing
        ? vscode.l10n.t('$(checklist) PMM {0}% · {1} missing', report.score ?? 0, missing)
        : vscode.l10n.t('$(checklist) PMM {0}%', report.score ?? 0);
      this.item.tooltip = vscode.l10n.t('{0}: score {1}/100, {2} missing, {3} weak. Click to open the checklist preview.', typeName, report.score ?? 0, missing, weak);
    }
    this.item.show();
    this.updated.fire(this.item.text);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
