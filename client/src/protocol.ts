// The server's custom requests, as the client sees them (see server/src/server.ts).

export const DOCUMENT_REPORT = 'pmmLint/documentReport';
export const PREVIEW = 'pmmLint/preview';
export const ELEMENT_EDIT = 'pmmLint/elementEdit';
export const SET_TYPE_EDIT = 'pmmLint/setTypeEdit';
export const CHECKLISTS = 'pmmLint/checklists';
export const LINT_FILES = 'pmmLint/lintFiles';

export interface Localized {
  en: string;
  zh: string;
}

export interface ReportElement {
  id: string;
  status: 'complete' | 'weak' | 'missing';
  required: boolean;
  title: Localized;
  reasons: string[];
  line: number | null;
  column: number | null;
}

export interface ReportFinding {
  ruleId: string;
  elementId: string | null;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface DocumentReport {
  file: string;
  uri: string;
  version: number;
  docType: string | null;
  score: number | null;
  elements: ReportElement[];
  findings: ReportFinding[];
  notice?: string;
}

export interface ChecklistSummary {
  type: string;
  title: Localized;
  elements: Array<{ id: string; title: Localized; required: boolean }>;
}

export interface LintFileSummary {
  uri: string;
  docType: string | null;
  score: number | null;
  problems: number;
  skipped?: string;
}
