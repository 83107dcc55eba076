// pmmLint/elementEdit: the edit that inserts an element at its checklist place (null when it is present).

import type { CancellationToken, TextEdit } from 'vscode-languageserver';
import type { ElementEditParams } from '../../protocol';
import { ask, invalidParams, requireDocument, type RequestContext } from './common';

export const elementEditHandler =
  (ctx: RequestContext) =>
  async (params: ElementEditParams, token: CancellationToken): Promise<TextEdit | null> => {
    const doc = requireDocument(ctx, params);
    const elementId: unknown = params.elementId;
    if (typeof elementId !== 'string') throw invalidParams(ctx, 'elementId is missing');
    return ask(ctx, doc, { feature: 'elementEdit', elementId }, token, () => null);
  };
