// Engine findings -> LSP diagnostics. Positions come from the engine's line index (UTF-16 columns, like LSP).

import { Diagnostic, DiagnosticSeverity, type Position, type Range } from 'vscode-languageserver';
import type { ConfigError } from '../core/config';
import { t } from '../core/i18n';
import { docsUrl } from '../core/rules/rule';
import type { Finding, Locale, Severity, Span } from '../core/types';

import { SOURCE } from './basics';

export { SOURCE };

/** What a diagnostic carries for code actions: enough to find the finding again in the current version. */
export interface DiagnosticData {
  ruleId: string;
  elementId: string | null;
  messageId: string;
  version: number;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Offset in the engine's text -> LSP position in the document. */
export type PositionAt = (offset: number) => Position;

export function toRange(positionAt: PositionAt, span: Span): Range {
  return { start: positionAt(span.start), end: positionAt(span.end) };
}

export function findingToDiagnostic(finding: Finding, positionAt: PositionAt, uri: string, version: number): Diagnostic {
  const data: DiagnosticData = { ruleId: finding.ruleId, elementId: finding.elementId, messageId: finding.messageId, version };
  const diagnostic: Diagnostic = {
    range: toRange(positionAt, finding.span),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleId) },
    source: SOURCE,
    message: finding.message,
    data,
  };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((r) => ({ location: { uri, range: toRange(positionAt, r.span) }, message: r.message }));
  }
  return diagnostic;
}

/** A broken config: one error at the top of the document, pointing at the place in the config file. */
export function configErrorDiagnostic(error: ConfigError, locale: Locale, displayFile: string, configUri: string): Diagnostic {
  const where = error.line ? `:${error.line}${error.column ? `:${error.column}` : ''}` : '';
  const at: Position = { line: Math.max(0, (error.line ?? 1) - 1), character: Math.max(0, (error.column ?? 1) - 1) };
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    code: 'config',
    source: SOURCE,
    message: t(locale, 'lsp.configError', { file: displayFile, where, detail: error.detail }),
    relatedInformation: [{ location: { uri: configUri, range: { start: at, end: at } }, message: error.detail }],
  };
}
