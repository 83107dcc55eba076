// The language server's work, on a lint worker (worker.ts): the main thread sends a document's text with what to
// compute (diagnostics, hover, code actions, ...) and gets plain results back. Each worker keeps the parse of the
// documents it linted last, so the next version re-parses only what the edit touched.

import * as path from 'node:path';
import type { CodeAction, CodeActionParams, CompletionItem, Diagnostic, DocumentSymbol, Hover, Position, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BUILT_IN_CHECKLISTS } from '../core/checklist';
import { DEFAULT_MAX_FILE_SIZE } from '../core/config';
import { t } from '../core/i18n';
import { humanSize, readSource } from '../core/read-source';
import type { Locale } from '../core/types';
import { toJsonReport, type JsonFileReport } from '../format/positions';
import type { ChecklistSummary, DocumentReport, PreviewResult } from '../protocol';
import { budgetOf } from '../runtime/budget';
import type { JobContext } from '../runtime/worker-host';
import { codeActions, elementEdit, inDocumentLineBreaks, setTypeEdit } from './code-actions';
import { completions } from './completion';
import { hover } from './hover';
import { Linter, uriToPath, type Keep, type LintOutcome } from './linter';
import { renderPreviewHtml } from './preview';
import type { ServerSettings } from './settings';
import { documentSymbols } from './symbols';

/** An open document as the main thread has it. */
export interface DocumentText {
  uri: string;
  languageId: string;
  version: number;
  text: string;
}

/** What every job says about where the document stands. */
export interface LspJobContext {
  settings: ServerSettings;
  /** The workspace folder that holds the document (a path). */
  folder: string | undefined;
  clientLocale: Locale;
  /** Bumped by the main thread when settings or config files change. */
  generation: number;
}

export type LspRequest =
  | { feature: 'lint' }
  | { feature: 'hover'; offset: number }
  | { feature: 'codeAction'; params: CodeActionParams }
  | { feature: 'completion'; position: Position }
  | { feature: 'symbols' }
  | { feature: 'report' }
  | { feature: 'preview' }
  | { feature: 'elementEdit'; elementId: string }
  | { feature: 'setType'; type: string }
  | { feature: 'checklists' };

/** What each feature's job gives back as its value. */
export interface FeatureValues {
  lint: null;
  hover: Hover | null;
  codeAction: CodeAction[];
  completion: CompletionItem[];
  symbols: DocumentSymbol[];
  report: DocumentReport;
  preview: PreviewResult;
  elementEdit: TextEdit | null;
  /** Unknown type: the types the worker knows, for the message. */
  setType: TextEdit | null | { unknownType: string[] };
  checklists: ChecklistSummary[];
}

export type Feature = LspRequest['feature'];

export type LspJob =
  /** `background`: linted because it was opened or settings changed, not because someone works on it. */
  | ({ op: 'lsp'; doc: DocumentText; context: LspJobContext; background?: boolean } & LspRequest)
  /** A file that is not open (Lint Workspace): read here, within the size limit. */
  | { op: 'lsp-file'; uri: string; context: LspJobContext }
  /** The built-in checklists, for a client that asks without a document. */
  | { op: 'lsp-checklists' };

export type LspBroadcast = { kind: 'forget'; uri: string } | { kind: 'collectGarbage' };

/** What a job gives back: the lint's diagnostics (when it linted) and the feature's value. */
export interface LspReply {
  version: number;
  generation: number;
  diagnostics: Diagnostic[];
  /** Why the document was not linted (disabled, ignored, too large, config error). */
  notice: string | null;
  docType: string | null;
  score: number | null;
  /** Config and checklist files read so far, when they changed: the main thread watches them. */
  dependencies?: string[];
  logs: string[];
  errors: string[];
  value: unknown;
}

let current: { context: LspJobContext; logs: string[]; errors: string[]; job: JobContext } | null = null;

const linter = new Linter({
  settingsFor: () => Promise.resolve(current!.context.settings),
  folderFor: () => current?.context.folder,
  clientLocale: () => current?.context.clientLocale ?? 'en',
  log: (message) => current?.logs.push(message),
  showError: (message) => current?.errors.push(message),
  configLoaded: (config) => current?.job.setBudget(budgetOf(config).timeMs),
});

let reportedDependencies = 0;
const documents = new Map<string, TextDocument>();

function textDocument(d: DocumentText, keep: Keep): TextDocument {
  const known = documents.get(d.uri);
  if (known && known.version === d.version && known.languageId === d.languageId) return known;
  const doc = TextDocument.create(d.uri, d.languageId, d.version, d.text);
  if (keep !== 'foreground') return doc;
  documents.delete(d.uri);
  documents.set(d.uri, doc);
  // As many as the linter keeps outcomes for; the rest are sent again with their next job.
  if (documents.size > 4) documents.delete(documents.keys().next().value!);
  return doc;
}

export function reportOf(outcome: LintOutcome, folder: string | undefined): DocumentReport {
  const file = outcome.filePath ? (folder && outcome.filePath.startsWith(folder + path.sep) ? path.relative(folder, outcome.filePath) : outcome.filePath) : outcome.uri;
  // In the editor the report's language is the one its messages speak (the document's, then the UI's, unless
  // settings or config name one): the preview and the status bar follow it.
  const base: JsonFileReport = outcome.result ? { ...toJsonReport(file, outcome.result), language: outcome.result.locale } : { file, docType: null, score: null, elements: [], findings: [] };
  return { ...base, uri: outcome.uri, version: outcome.version, ...(outcome.notice ? { notice: outcome.notice } : {}) };
}

function featureValue(job: Extract<LspJob, { op: 'lsp' }>, doc: TextDocument, outcome: LintOutcome): FeatureValues[Feature] {
  const folder = job.context.folder;
  switch (job.feature) {
    case 'lint':
      return null;
    case 'hover':
      return hover(outcome, job.offset);
    case 'codeAction':
      return codeActions(outcome, doc, job.params);
    case 'completion':
      if (!job.context.settings.enable) return [];
      return completions(outcome, doc, job.position, outcome.config?.checklists ?? BUILT_IN_CHECKLISTS, outcome.locale);
    case 'symbols':
      return documentSymbols(outcome);
    case 'report':
      return reportOf(outcome, folder);
    case 'preview':
      return { html: outcome.result ? renderPreviewHtml(outcome.result) : '', report: reportOf(outcome, folder) } satisfies PreviewResult;
    case 'elementEdit': {
      const e = outcome.result ? elementEdit(outcome.result, outcome, job.elementId) : null;
      return e ? inDocumentLineBreaks(doc, e) : null;
    }
    case 'setType': {
      const known = outcome.config?.checklists ?? BUILT_IN_CHECKLISTS;
      if (!known.some((c) => c.type === job.type)) return { unknownType: known.map((c) => c.type) };
      return outcome.result ? inDocumentLineBreaks(doc, setTypeEdit(outcome.result, outcome, job.type)) : null;
    }
    case 'checklists':
      return checklistSummaries(outcome);
  }
}

export function checklistSummaries(outcome?: LintOutcome): ChecklistSummary[] {
  return (outcome?.config?.checklists ?? BUILT_IN_CHECKLISTS).map((c) => ({
    type: c.type,
    title: c.title,
    elements: c.elements.map((e) => ({ id: e.id, title: e.title, required: e.required })),
  }));
}

function reply(outcome: LintOutcome, value: unknown): LspReply {
  const watched = linter.configs.watchedFiles();
  const changed = watched.length !== reportedDependencies;
  reportedDependencies = watched.length;
  return {
    version: outcome.version,
    generation: outcome.generation,
    diagnostics: outcome.diagnostics,
    notice: outcome.notice,
    docType: outcome.result?.docType ?? null,
    score: outcome.result?.score ?? null,
    ...(changed ? { dependencies: watched } : {}),
    logs: current!.logs,
    errors: current!.errors,
    value,
  };
}

function lintFile(uri: string, context: LspJobContext): LspReply | { skipped: string } {
  const file = uriToPath(uri);
  if (!file) return { skipped: 'not a file' };
  const resolved = linter.configs.resolve(path.dirname(file), context.settings.checklists.map((c) => path.resolve(context.folder ?? path.dirname(file), c)));
  const limit = resolved.ok ? resolved.config.maxFileSize : DEFAULT_MAX_FILE_SIZE;
  const read = readSource(file, limit);
  if (!read.ok) {
    const locale = context.settings.locale !== 'auto' ? context.settings.locale : context.clientLocale;
    if (read.reason === 'too-large') return { skipped: t(locale, 'lsp.tooLarge', { file, size: humanSize(read.size), limit: humanSize(limit) }) };
    return { skipped: read.reason === 'unreadable' ? read.code : read.reason === 'not-a-file' ? 'not a regular file' : read.reason };
  }
  const outcome = linter.lintNow(TextDocument.create(uri, 'markdown', 0, read.text), context.settings, 'none');
  return reply(outcome, null);
}

export function runLspJob(job: LspJob, jobContext: JobContext): unknown {
  if (job.op === 'lsp-checklists') return checklistSummaries();
  current = { context: job.context, logs: [], errors: [], job: jobContext };
  try {
    linter.follow(job.context.generation);
    if (job.op === 'lsp-file') return lintFile(job.uri, job.context);
    const keep: Keep = job.background ? 'background' : 'foreground';
    const doc = textDocument(job.doc, keep);
    const outcome = linter.lintNow(doc, job.context.settings, keep);
    return reply(outcome, featureValue(job, doc, outcome));
  } finally {
    current = null;
  }
}

export function lspBroadcast(message: LspBroadcast, collectGarbage?: () => void): void {
  if (message.kind === 'forget') {
    documents.delete(message.uri);
    linter.forget(message.uri);
  } else if (message.kind === 'collectGarbage') {
    collectGarbage?.();
  }
}
