// The server's custom requests (defined with the server, in server/src/protocol.ts).
export {
  CHECKLISTS_REQUEST as CHECKLISTS,
  DOCUMENT_REPORT_REQUEST as DOCUMENT_REPORT,
  ELEMENT_EDIT_REQUEST as ELEMENT_EDIT,
  LINT_FILES_REQUEST as LINT_FILES,
  PREVIEW_REQUEST as PREVIEW,
  SET_TYPE_REQUEST as SET_TYPE_EDIT,
} from '../../server/src/protocol';
export type { ChecklistSummary, DocumentReport, LintFileSummary, PreviewResult, ReportElement, ReportFinding } from '../../server/src/protocol';

export interface Localized {
  en: string;
  zh: string;
}
