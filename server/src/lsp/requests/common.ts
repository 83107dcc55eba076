// What every request handler shares: the context it runs in, checked params, the hand-off of a feature to the
// lint workers, and errors as the protocol wants them (invalid params, cancelled, internal).

import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { t } from '../../core/i18n';
import { PRIORITY, type DocumentJobs, type DocumentStore, type OverBudget } from '../document-jobs';
import type { Session } from '../session';
import type { Feature, FeatureValues, LspRequest } from '../worker-jobs';

/** What the request handlers read: explicit, no module state. */
export interface RequestContext {
  documents: DocumentStore;
  jobs: DocumentJobs;
  session: Session;
}

export function invalidParams(ctx: RequestContext, detail: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, t(ctx.session.clientLocale, 'lsp.badParams', { detail }));
}

function unknownDocument(ctx: RequestContext, uri: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, t(ctx.session.clientLocale, 'lsp.unknownDocument', { uri }));
}

/** The open document the params name (`textDocument.uri`, or `uri`). */
export function requireDocument(ctx: RequestContext, params: unknown): TextDocument {
  const p = params as { textDocument?: { uri?: unknown }; uri?: unknown } | null;
  const uri = p?.textDocument?.uri ?? p?.uri;
  if (typeof uri !== 'string') throw invalidParams(ctx, 'textDocument.uri is missing');
  const doc = ctx.documents.get(uri);
  if (!doc) throw unknownDocument(ctx, uri);
  return doc;
}

/** Lines out of range are an error; a character past the line end means the end (as the LSP spec says). */
export function requirePosition(ctx: RequestContext, doc: TextDocument, position: unknown): Position {
  const p = position as Position | null;
  if (!p || !Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0 || p.line >= doc.lineCount) {
    throw new ResponseError(
      ErrorCodes.InvalidParams,
      t(ctx.session.clientLocale, 'lsp.positionOutOfRange', { line: String(p?.line), character: String(p?.character), lines: doc.lineCount }),
    );
  }
  return p;
}

export function checkCancelled(token: CancellationToken): void {
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
}

/**
 * A feature's value for the document as it is now, computed on a lint worker; `stopped` when the document is past
 * its budget.
 */
export async function ask<F extends Feature, S>(
  ctx: RequestContext,
  doc: TextDocument,
  request: Extract<LspRequest, { feature: F }>,
  token: CancellationToken,
  stopped: (over: OverBudget) => S,
): Promise<FeatureValues[F] | S> {
  checkCancelled(token);
  const done = await ctx.jobs.work(doc.uri, request, PRIORITY.request, false);
  checkCancelled(token);
  if (!done) throw unknownDocument(ctx, doc.uri);
  // The value crossed the thread as structured data: its type is the one featureValue gives for this feature.
  return done.ok ? (done.reply.value as FeatureValues[F]) : stopped(done);
}

/** Unexpected errors become an InternalError with the handler's name (and a line in the log). */
export function guard<P, R>(log: (message: string) => void, name: string, handler: (params: P, token: CancellationToken) => Promise<R>) {
  return async (params: P, token: CancellationToken): Promise<R> => {
    try {
      return await handler(params, token);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      log(`pmm-lint: ${name} failed: ${(error as Error).stack ?? error}`);
      throw new ResponseError(ErrorCodes.InternalError, `pmm-lint: ${name} failed: ${(error as Error).message}`);
    }
  };
}
