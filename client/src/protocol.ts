// The server's custom requests (typed RequestType objects, defined with the server in server/src/protocol.ts) and
// the messages between the extension and the preview page (client/preview/main.ts).
import type { DocumentReport } from '../../server/src/protocol';

export {
  ChecklistsRequest,
  DocumentReportRequest,
  ElementEditRequest,
  LintFilesRequest,
  PreviewRequest,
  SetTypeEditRequest,
} from '../../server/src/protocol';
export type { ChecklistSummary, DocumentReport, LintFileSummary, PreviewResult, ReportElement, ReportFinding } from '../../server/src/protocol';

export interface Localized {
  en: string;
  zh: string;
}

/** Extension -> page: a new rendering of the document and its scorecard. */
export interface UpdateMessage {
  type: 'update';
  uri: string;
  version: number;
  html: string;
  report: DocumentReport;
  /** The language of the page's texts and element titles: the document's. */
  language: 'en' | 'zh';
  labels: Record<string, string>;
  /** The document type's title in that language. */
  typeTitle?: string;
}

/** Extension -> page: the editor scrolled to this line (0-based). */
export interface ScrollMessage {
  type: 'scroll';
  line: number;
}

export type ExtensionMessage = UpdateMessage | ScrollMessage;

/** Page -> extension; anything else is ignored. */
export type PageMessage =
  | { type: 'ready' }
  | { type: 'reveal'; line: number }
  | { type: 'insert'; elementId: string }
  | { type: 'openLink'; href: string };
