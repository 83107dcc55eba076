// The report of a document the pool stopped: no findings, and the notice that says why.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentReport } from '../../protocol';
import { uriToPath } from '../basics';
import type { OverBudget } from '../document-jobs';

export function stoppedReport(doc: TextDocument, over: OverBudget): DocumentReport {
  const file = uriToPath(doc.uri) ?? doc.uri;
  return { file, docType: null, score: null, elements: [], findings: [], uri: doc.uri, version: over.version, notice: over.notice };
}
