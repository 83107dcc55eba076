// Asks the server for a document's report (the same object as the CLI's JSON entry), once per version.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DocumentReportRequest, type DocumentReport } from './protocol';

export class Reports {
  private readonly cache = new Map<string, Promise<DocumentReport | null>>();

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

  /** Settings or config changed: the same version may now have another report. */
  clear(): void {
    this.cache.clear();
  }
}
