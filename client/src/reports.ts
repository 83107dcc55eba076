// Asks the server for a document's report (the same object as the CLI's JSON entry), once per version.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ChecklistsRequest, DocumentReportRequest, type DocumentReport, type Localized } from './protocol';

export class Reports {
  private readonly cache = new Map<string, Promise<DocumentReport | null>>();
  /** The document types' titles, per workspace folder (a folder's config may add types). */
  private readonly titles = new Map<string, Promise<Map<string, Localized>>>();

  constructor(private readonly client: () => LanguageClient) {}

  /** The report of a Markdown document's current version, or null (not Markdown, server not running). */
  get(doc: vscode.TextDocument): Promise<DocumentReport | null> {
    if (doc.languageId !== 'markdown' || !this.client().isRunning()) return Promise.resolve(null);
    const key = `${doc.uri.toString()}@${doc.version}`;
    let p = this.cache.get(key);
    if (!p) {
      p = this.client()
        .sendRequest(DocumentReportRequest, { textDocument: { uri: doc.uri.toString() } })
        .catch(() => null);
      // Only the latest version of each document is worth keeping.
      for (const k of this.cache.keys()) if (k.startsWith(`${doc.uri.toString()}@`)) this.cache.delete(k);
      this.cache.set(key, p);
    }
    return p;
  }

  /** The title of a document type in both languages (from the checklists the document's config knows). */
  async typeTitle(doc: vscode.TextDocument, type: string): Promise<Localized | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri)?.uri.toString() ?? '';
    let p = this.titles.get(folder);
    if (!p) {
      p = this.client()
        .sendRequest(ChecklistsRequest, { textDocument: { uri: doc.uri.toString() } })
        .then((list) => new Map(list.map((c) => [c.type, c.title])));
      p.catch(() => this.titles.delete(folder));
      this.titles.set(folder, p);
    }
    return (await p.catch(() => undefined))?.get(type);
  }

  /** Settings or config changed: the same version may now have another report. */
  clear(): void {
    this.cache.clear();
    this.titles.clear();
  }
}
