// The server's custom requests, typed: one RequestType per request (its method name, params and result), shared by
// the server and the VS Code client so neither names a request by a plain string nor casts a result. Only
// RequestType comes from vscode-languageserver-protocol, which both sides' LSP libraries already bundle.

import { RequestType, type TextDocumentIdentifier, type TextEdit } from 'vscode-languageserver-protocol';
import type { JsonFileReport } from './format/positions';

export type { JsonElement as ReportElement, JsonFinding as ReportFinding } from './format/positions';

/**
 * Node options to start the server with. A small young generation keeps the resident memory low with thousands of
 * documents open (2,000 briefs: 138 MB instead of 165 MB) for about a millisecond more per keystroke. V8 reads it
 * only at start-up, so the launcher passes it: the VS Code client does; for other editors see the README.
 */
export const SERVER_EXEC_ARGV = ['--max-semi-space-size=2'];

/**
 * Environment to start the server with. Each lint worker thread otherwise gets its own malloc arena, which keeps
 * its memory after the worker has stopped (2,000 briefs open, at rest: 119 MB instead of 150 MB).
 */
export const SERVER_ENV: Record<string, string> = { MALLOC_ARENA_MAX: '2' };

export interface DocumentParams {
  textDocument: TextDocumentIdentifier;
}

export type DocumentReport = JsonFileReport & { uri: string; version: number; notice?: string };

export interface PreviewResult {
  html: string;
  report: DocumentReport;
}

export interface ElementEditParams extends DocumentParams {
  elementId: string;
}

export interface SetTypeEditParams extends DocumentParams {
  type: string;
}

export interface ChecklistsParams {
  textDocument?: TextDocumentIdentifier;
}

export interface ChecklistSummary {
  type: string;
  title: { en: string; zh: string };
  elements: Array<{ id: string; title: { en: string; zh: string }; required: boolean }>;
}

export interface LintFilesParams {
  uris: string[];
}

export interface LintFileSummary {
  uri: string;
  docType: string | null;
  score: number | null;
  problems: number;
  skipped?: string;
}

export interface ServerStatusParams {
  collectGarbage?: boolean;
}

export interface ServerStatus {
  pid: number;
  version: string;
  /** Open documents. */
  documents: number;
  /** Whether a full garbage collection ran before the figures were taken. */
  collected: boolean;
  memory: { rss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number };
  /** The lint workers: jobs waiting, jobs running, workers alive. */
  work?: { queued: number; running: number; workers: number };
}

/** The document's entry of `pmm-lint --format json`, plus uri and version. */
export const DocumentReportRequest = new RequestType<DocumentParams, DocumentReport, void>('pmmLint/documentReport');
/** The sanitised HTML of the document and its report, for the preview. */
export const PreviewRequest = new RequestType<DocumentParams, PreviewResult, void>('pmmLint/preview');
/** Inserts an element at its checklist place (null if present). */
export const ElementEditRequest = new RequestType<ElementEditParams, TextEdit | null, void>('pmmLint/elementEdit');
/** Declares the document type in front matter. */
export const SetTypeEditRequest = new RequestType<SetTypeEditParams, TextEdit | null, void>('pmmLint/setTypeEdit');
/** The known document types (with that document's config, when one is given). */
export const ChecklistsRequest = new RequestType<ChecklistsParams | null, ChecklistSummary[], void>('pmmLint/checklists');
/** Lints files from disk and publishes their diagnostics. */
export const LintFilesRequest = new RequestType<LintFilesParams, LintFileSummary[], void>('pmmLint/lintFiles');
/**
 * The server process and its memory (after a full collection when asked and possible). For diagnosing the server
 * and for the tests that measure it or stop it.
 */
export const ServerStatusRequest = new RequestType<ServerStatusParams | null, ServerStatus, void>('pmmLint/serverStatus');

/** The method name of ServerStatusRequest, for callers that take a method string (the test helpers). */
export const SERVER_STATUS_REQUEST = ServerStatusRequest.method;
