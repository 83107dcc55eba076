// pmmLint/documentReport: the document's entry of `pmm-lint --format json`, plus uri and version.

import type { CancellationToken } from 'vscode-languageserver';
import type { DocumentParams, DocumentReport } from '../../protocol';
import { ask, requireDocument, type RequestContext } from './common';
import { stoppedReport } from './stopped-report';

export const documentReportHandler =
  (ctx: RequestContext) =>
  async (params: DocumentParams, token: CancellationToken): Promise<DocumentReport> => {
    const doc = requireDocument(ctx, params);
    return ask(ctx, doc, { feature: 'report' }, token, (over) => stoppedReport(doc, over));
  };
