// pmmLint/preview: the sanitised HTML of the document (rendered on a worker from the tree the rules saw) and its
// report.

import type { CancellationToken } from 'vscode-languageserver';
import type { DocumentParams, PreviewResult } from '../../protocol';
import { ask, requireDocument, type RequestContext } from './common';
import { stoppedReport } from './stopped-report';

export const previewHandler =
  (ctx: RequestContext) =>
  async (params: DocumentParams, token: CancellationToken): Promise<PreviewResult> => {
    const doc = requireDocument(ctx, params);
    return ask(ctx, doc, { feature: 'preview' }, token, (over) => ({ html: '', report: stoppedReport(doc, over) }));
  };
