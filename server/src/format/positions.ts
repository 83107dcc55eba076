// Findings -> plain, 1-based line/column records: the JSON contract shared by the CLI, the server and the preview.

import type { LintResult } from '../core/lint';

export interface JsonFinding {
  ruleId: string;
  elementId: string | null;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface JsonFileReport {
  file: string;
  docType: string | null;
  score: number | null;
  elements: Array<{ id: string; status: 'complete' | 'weak' | 'missing' }>;
  findings: JsonFinding[];
}

export function toJsonReport(file: string, result: LintResult): JsonFileReport {
  const lines = result.model.lines;
  return {
    file,
    docType: result.docType,
    score: result.score,
    elements: result.elements.map((e) => ({ id: e.id, status: e.status })),
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
  };
}
