// pmmLint/lintFiles (Lint Workspace): lints files, open ones at their editor text and the others from disk (read by
// a worker, within the size limit), and publishes the diagnostics of the files that are not open.

import * as path from 'node:path';
import type { CancellationToken, PublishDiagnosticsParams } from 'vscode-languageserver';
import type { JobHandle } from '../../runtime/pool';
import type { LintFileSummary, LintFilesParams } from '../../protocol';
import { uriToPath } from '../basics';
import { overBudgetOf, PRIORITY } from '../document-jobs';
import type { ServerSettings } from '../settings';
import type { LspJobContext, LspReply } from '../worker-jobs';
import { checkCancelled, invalidParams, type RequestContext } from './common';

export interface LintFilesContext extends RequestContext {
  settingsFor(uri: string): Promise<ServerSettings>;
  publish(params: PublishDiagnosticsParams): void;
}

const skipped = (uri: string, reason: string): LintFileSummary => ({ uri, docType: null, score: null, problems: 0, skipped: reason });

const summaryOf = (uri: string, reply: LspReply): LintFileSummary => ({
  uri,
  docType: reply.docType,
  score: reply.score,
  problems: reply.diagnostics.length,
  ...(reply.notice ? { skipped: reply.notice } : {}),
});

export const lintFilesHandler =
  (ctx: LintFilesContext) =>
  async (params: LintFilesParams, token: CancellationToken): Promise<LintFileSummary[]> => {
    const uris: unknown = params?.uris;
    if (!Array.isArray(uris) || !uris.every((u) => typeof u === 'string')) throw invalidParams(ctx, 'uris must be a list of URIs');
    const settingsByFolder = new Map<string, Promise<ServerSettings>>();
    const handles: Array<JobHandle<LspReply | { skipped: string }>> = [];
    token.onCancellationRequested(() => handles.forEach((h) => h.cancel()));
    const lintOne = async (uri: string): Promise<LintFileSummary> => {
      if (ctx.documents.get(uri)) {
        const done = await ctx.jobs.work(uri, { feature: 'lint' }, PRIORITY.workspace, false);
        if (!done) return skipped(uri, 'closed');
        return done.ok ? summaryOf(uri, done.reply) : skipped(uri, done.notice);
      }
      const file = uriToPath(uri);
      if (!file) return skipped(uri, 'not a file');
      const folder = ctx.session.folderFor(uri) ?? path.dirname(file);
      if (!settingsByFolder.has(folder)) settingsByFolder.set(folder, ctx.settingsFor(uri));
      const context: LspJobContext = { settings: await settingsByFolder.get(folder)!, folder: ctx.session.folderFor(uri), clientLocale: ctx.session.clientLocale, generation: ctx.session.generation };
      const handle = ctx.jobs.lintFile(uri, context);
      handles.push(handle);
      const result = await handle.outcome;
      if (result.kind !== 'done') {
        const over = overBudgetOf(result, 0, context);
        if (!ctx.documents.get(uri) && result.kind !== 'cancelled') ctx.publish({ uri, diagnostics: over.diagnostics });
        return skipped(uri, result.kind === 'cancelled' ? 'cancelled' : over.notice);
      }
      const value = result.value;
      if ('skipped' in value) return skipped(uri, value.skipped);
      ctx.jobs.absorb(value);
      if (!ctx.documents.get(uri)) ctx.publish({ uri, diagnostics: value.diagnostics });
      return summaryOf(uri, value);
    };
    const summaries = await Promise.all((uris as string[]).map(lintOne));
    checkCancelled(token);
    ctx.jobs.afterWork();
    return summaries;
  };
