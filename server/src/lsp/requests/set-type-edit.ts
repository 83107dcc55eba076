// pmmLint/setTypeEdit: the edit that declares the document type in front matter.

import type { CancellationToken, TextEdit } from 'vscode-languageserver';
import type { SetTypeEditParams } from '../../protocol';
import { ask, invalidParams, requireDocument, type RequestContext } from './common';

export const setTypeEditHandler =
  (ctx: RequestContext) =>
  async (params: SetTypeEditParams, token: CancellationToken): Promise<TextEdit | null> => {
    const doc = requireDocument(ctx, params);
    // Not a string: the worker answers with the types it knows, for the message.
    const asked: unknown = params.type;
    const type = typeof asked === 'string' ? asked : '';
    const value = await ask(ctx, doc, { feature: 'setType', type }, token, () => null);
    if (value && 'unknownType' in value) throw invalidParams(ctx, `type must be one of ${value.unknownType.join(', ')}`);
    return value;
  };
