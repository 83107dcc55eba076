// Findings -> plain, 1-based line/column records: the JSON contract shared by the CLI, the server and the preview.

import { documentLanguage, type LintResult } from '../core/lint';

export interface JsonFinding {
  ruleId: string;
  elementId: string | null;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface JsonElement {
  id: string;
  status: 'complete' | 'weak' | 'missing';
  required: boolean;
  title: { en: string; zh: string };
  /** Why it is weak or missing, in the report's language. */
  reasons: string[];
  /** Where its heading or label is (1-based), null when missing. */
  line: number | null;
  column: number | null;
}

export interface JsonFileReport {
  file: string;
  docType: string | null;
  /** The language the document is written in (most of its headings, or its text). */
  language?: 'en' | 'zh';
  /** How the type was decided: front matter, a config override, or read from the title, file name or headings. */
  typeVia?: 'front-matter' | 'config' | 'title' | 'file-name' | 'headings';
  score: number | null;
  elements: JsonElement[];
  findings: JsonFinding[];
  /** A draft (front matter status): required elements written so far, of all required. Absent otherwise. */
  draft?: { written: number; total: number };
  /** For a document with no type that reads like one: the type and how sure (0-1). Absent otherwise. */
  suggestedType?: string;
  confidence?: number;
}

export function toJsonReport(file: string, result: LintResult): JsonFileReport {
  const lines = result.model.lines;
  return {
    file,
    docType: result.docType,
    language: documentLanguage(result.model),
    ...(result.analysis?.detection.via ? { typeVia: result.analysis.detection.via } : {}),
    score: result.score,
    elements: result.elements.map((e) => {
      const at = e.span ? lines.position(e.span.start) : null;
      return { id: e.id, status: e.status, required: e.required, title: { en: e.title.en, zh: e.title.zh }, reasons: e.reasons, line: at?.line ?? null, column: at?.column ?? null };
    }),
    findings: result.findings.map((f) => {
      const start = lines.position(f.span.start);
      const end = lines.position(f.span.end);
      return {
        ruleId: f.ruleId,
        elementId: f.elementId,
        severity: f.severity,
        message: f.message,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
      };
    }),
    ...(result.draft ? { draft: result.draft } : {}),
    ...(result.suggestion ? { suggestedType: result.suggestion.type, confidence: result.suggestion.confidence } : {}),
  };
}

/** How many findings of each severity the reports hold. */
export function severityCounts(reports: readonly JsonFileReport[]): Record<JsonFinding['severity'], number> {
  const n = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of reports) for (const f of r.findings) n[f.severity]++;
  return n;
}
