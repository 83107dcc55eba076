// pmmLint/checklists: the known document types with their elements (with the document's config when one is named
// and open; else the built-in checklists).

import { ErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { ChecklistsParams, ChecklistSummary } from '../../protocol';
import { ask, type RequestContext } from './common';

export const checklistsHandler =
  (ctx: RequestContext) =>
  async (params: ChecklistsParams | null, token: CancellationToken): Promise<ChecklistSummary[]> => {
    const uri = params?.textDocument?.uri;
    const doc = uri ? ctx.documents.get(uri) : undefined;
    if (doc) {
      const summaries = await ask(ctx, doc, { feature: 'checklists' }, token, () => null);
      if (summaries) return summaries;
    }
    // No document (or one past its budget): the built-in checklists.
    const result = await ctx.jobs.builtInChecklists();
    if (result.kind !== 'done') throw new ResponseError(ErrorCodes.InternalError, `pmm-lint: checklists failed (${result.kind})`);
    return result.value;
  };
