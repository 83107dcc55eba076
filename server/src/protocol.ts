// The server's custom requests and what they return: shared by the server and the VS Code client (types and
// method names only; nothing here runs code).

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

/** `{ textDocument }` -> DocumentReport: the document's entry of `pmm-lint --format json`, plus uri and version. */
export const DOCUMENT_REPORT_REQUEST = 'pmmLint/documentReport';
/** `{ textDocument }` -> { html, report }: the sanitised HTML of the document and its report, for the preview. */
export const PREVIEW_REQUEST = 'pmmLint/preview';
/** `{ textDocument, elementId }` -> TextEdit | null: inserts an element at its checklist place (null if present). */
export const ELEMENT_EDIT_REQUEST = 'pmmLint/elementEdit';
/** `{ textDocument, type }` -> TextEdit | null: declares the document type in front matter. */
export const SET_TYPE_REQUEST = 'pmmLint/setTypeEdit';
/** `{ textDocument? }` -> ChecklistSummary[]: the known document types (with that document's config). */
export const CHECKLISTS_REQUEST = 'pmmLint/checklists';
/** `{ uris }` -> LintFileSummary[]: lints files from disk and publishes their diagnostics. */
export const LINT_FILES_REQUEST = 'pmmLint/lintFiles';

/**
 * `{ collectGarbage? }` -> ServerStatus: the server process and its memory (after a full collection when asked and
 * possible). For diagnosing the server and for the tests that measure it or stop it.
 */
export const SERVER_STATUS_REQUEST = 'pmmLint/serverStatus';

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

export type DocumentReport = JsonFileReport & { uri: string; version: number; notice?: string };

export interface PreviewResult {
  html: string;
  report: DocumentReport;
}

export interface ChecklistSummary {
  type: string;
  title: { en: string; zh: string };
  elements: Array<{ id: string; title: { en: string; zh: string }; required: boolean }>;
}

export interface LintFileSummary {
  uri: string;
  docType: string | null;
  score: number | null;
  problems: number;
  skipped?: string;
}
