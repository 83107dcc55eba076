// pmmLint/lintFiles (Lint Workspace): lints files, open ones at their editor text and the others from disk (read by
// a worker, within the size limit), and publishes the diagnostics of the files that are not open. Those stay true:
// after a settings or config change each is linted again with the new settings (or cleared), see ShownFiles.

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

/** A file whose settings keep changing while it is linted is linted at most this often (a re-lint follows anyway). */
const MAX_ATTEMPTS = 5;

const skipped = (uri: string, reason: string): LintFileSummary => ({ uri, docType: null, score: null, problems: 0, skipped: reason });

const summaryOf = (uri: string, reply: LspReply): LintFileSummary => ({
  uri,
  docType: reply.docType,
  score: reply.score,
  problems: reply.diagnostics.length,
  ...(reply.notice ? { skipped: reply.notice } : {}),
});

/** Publishes a closed file's diagnostics of a generation, unless a newer generation's are shown. */
function show(ctx: LintFilesContext, uri: string, generation: number, diagnostics: PublishDiagnosticsParams['diagnostics']): void {
  if (ctx.session.shownFiles.record(uri, generation)) ctx.publish({ uri, diagnostics });
}

/** Clears a closed file's diagnostics that Lint Workspace published (it is skipped now). */
function clear(ctx: LintFilesContext, uri: string): void {
  if (!ctx.session.shownFiles.has(uri)) return;
  ctx.session.shownFiles.forget(uri);
  ctx.publish({ uri, diagnostics: [] });
}

/**
 * Lints a file that is not open, from disk, and publishes its diagnostics (or clears them when it is skipped now).
 * Settings or configs that change meanwhile mean another lint with the new ones: what is published is never older
 * than the settings.
 */
async function lintClosedFile(
  ctx: LintFilesContext,
  uri: string,
  settingsOf: (uri: string, generation: number) => Promise<ServerSettings>,
  started: (handle: JobHandle<LspReply | { skipped: string }>) => void = () => {},
): Promise<LintFileSummary> {
  const file = uriToPath(uri);
  if (!file) return skipped(uri, 'not a file');
  for (let attempt = 1; ; attempt++) {
    const generation = ctx.session.generation;
    const settings = await settingsOf(uri, generation);
    const context: LspJobContext = { settings, folder: ctx.session.folderFor(uri), clientLocale: ctx.session.clientLocale, generation };
    const handle = ctx.jobs.lintFile(uri, context);
    started(handle);
    const result = await handle.outcome;
    if (result.kind === 'cancelled') return skipped(uri, 'cancelled');
    if (generation !== ctx.session.generation && attempt < MAX_ATTEMPTS) continue;
    // Opened meanwhile: the open document's diagnostics are the scheduler's.
    const open = ctx.documents.get(uri) !== undefined;
    if (result.kind !== 'done') {
      const over = overBudgetOf(result, 0, context);
      if (!open) show(ctx, uri, generation, over.diagnostics);
      return skipped(uri, over.notice);
    }
    const value = result.value;
    if ('skipped' in value) {
      if (!open) clear(ctx, uri);
      return skipped(uri, value.skipped);
    }
    ctx.jobs.absorb(value);
    if (!open) show(ctx, uri, generation, value.diagnostics);
    return summaryOf(uri, value);
  }
}

/** Settings per workspace folder, asked once per generation (a file that is not open keeps none cached). */
function settingsPerFolder(ctx: LintFilesContext): (uri: string, generation: number) => Promise<ServerSettings> {
  let asked = { generation: -1, byFolder: new Map<string, Promise<ServerSettings>>() };
  return (uri, generation) => {
    if (asked.generation !== generation) asked = { generation, byFolder: new Map() };
    const folder = ctx.session.folderFor(uri) ?? path.dirname(uriToPath(uri) ?? '');
    let settings = asked.byFolder.get(folder);
    if (!settings) asked.byFolder.set(folder, (settings = ctx.settingsFor(uri)));
    return settings;
  };
}

/** After a settings or config change: a file Lint Workspace published, linted again (or cleared). */
async function relintShown(ctx: LintFilesContext, uri: string, settingsOf: (uri: string, generation: number) => Promise<ServerSettings>): Promise<void> {
  if (ctx.documents.get(uri)) {
    // Open: pushed diagnostics are the open document's now. A client that pulls still has the pushed ones.
    ctx.session.shownFiles.forget(uri);
    if (ctx.session.pullMode) ctx.publish({ uri, diagnostics: [] });
    return;
  }
  await lintClosedFile(ctx, uri, settingsOf);
  ctx.jobs.afterWork();
}

export const lintFilesHandler = (ctx: LintFilesContext) => {
  const refreshSettings = settingsPerFolder(ctx);
  ctx.session.shownFiles.relintWith((uri) => relintShown(ctx, uri, refreshSettings));
  return async (params: LintFilesParams, token: CancellationToken): Promise<LintFileSummary[]> => {
    const uris: unknown = params?.uris;
    if (!Array.isArray(uris) || !uris.every((u) => typeof u === 'string')) throw invalidParams(ctx, 'uris must be a list of URIs');
    const settingsOf = settingsPerFolder(ctx);
    const handles: Array<JobHandle<LspReply | { skipped: string }>> = [];
    token.onCancellationRequested(() => handles.forEach((h) => h.cancel()));
    const lintOne = async (uri: string): Promise<LintFileSummary> => {
      if (ctx.documents.get(uri)) {
        const done = await ctx.jobs.work(uri, { feature: 'lint' }, PRIORITY.workspace, false);
        if (!done) return skipped(uri, 'closed');
        return done.ok ? summaryOf(uri, done.reply) : skipped(uri, done.notice);
      }
      return lintClosedFile(ctx, uri, settingsOf, (handle) => {
        handles.push(handle);
        if (token.isCancellationRequested) handle.cancel();
      });
    };
    const summaries = await Promise.all((uris as string[]).map(lintOne));
    checkCancelled(token);
    ctx.jobs.afterWork();
    return summaries;
  };
};
