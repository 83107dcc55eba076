// The standard LSP features (code actions, hover, completion, the outline): each is computed on a lint worker from
// the document's lint of that version (worker-jobs.ts); here only the params are checked.

import type { CancellationToken, CodeActionParams, CompletionParams, DocumentSymbolParams, HoverParams } from 'vscode-languageserver';
import { isMarkdown } from '../scheduler';
import { ask, requireDocument, requirePosition, type RequestContext } from './common';

export const codeActionHandler = (ctx: RequestContext) => async (params: CodeActionParams, token: CancellationToken) => {
  const doc = requireDocument(ctx, params);
  requirePosition(ctx, doc, params.range?.start);
  requirePosition(ctx, doc, params.range?.end);
  if (!isMarkdown(doc)) return [];
  return ask(ctx, doc, { feature: 'codeAction', params }, token, () => []);
};

export const hoverHandler = (ctx: RequestContext) => async (params: HoverParams, token: CancellationToken) => {
  const doc = requireDocument(ctx, params);
  const position = requirePosition(ctx, doc, params.position);
  if (!isMarkdown(doc)) return null;
  return ask(ctx, doc, { feature: 'hover', offset: doc.offsetAt(position) }, token, () => null);
};

export const completionHandler = (ctx: RequestContext) => async (params: CompletionParams, token: CancellationToken) => {
  const doc = requireDocument(ctx, params);
  const position = requirePosition(ctx, doc, params.position);
  if (!isMarkdown(doc)) return [];
  return ask(ctx, doc, { feature: 'completion', position }, token, () => []);
};

export const documentSymbolHandler = (ctx: RequestContext) => async (params: DocumentSymbolParams, token: CancellationToken) => {
  const doc = requireDocument(ctx, params);
  if (!isMarkdown(doc)) return [];
  return ask(ctx, doc, { feature: 'symbols' }, token, () => []);
};
