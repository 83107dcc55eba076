// The shape of a rule (after ESLint's: meta + a function over the model) and the context it reports through.

import type { CompiledChecklist } from '../checklist';
import type { Detection } from '../detect';
import type { ElementEvaluation, ElementMatch } from '../elements';
import type { DocumentModel } from '../model';
import type { PlaceholderHit } from '../placeholders';
import type { Checklist, FindingFix, Localized, Severity, Span } from '../types';

export interface RuleMeta {
  id: string;
  type: 'problem' | 'suggestion';
  description: Localized;
  defaultSeverity: Severity;
  /** Message ids this rule reports with (see i18n.ts). */
  messages: string[];
  fixable: boolean;
}

/** Everything a rule may read: the parsed model, the checklist, matched and evaluated elements. */
export interface Analysis {
  model: DocumentModel;
  checklist: Checklist;
  compiled: CompiledChecklist;
  detection: Detection;
  matches: Map<string, ElementMatch>;
  evaluations: ElementEvaluation[];
  placeholders: PlaceholderHit[];
  /** 'zh' when the document is mostly written in Chinese. */
  docLanguage: 'en' | 'zh';
  /** All known checklists (for front-matter type values). */
  checklists: readonly Checklist[];
}

export interface ReportDescriptor {
  elementId?: string | null;
  messageId: string;
  data?: Record<string, string | number>;
  span: Span;
  related?: Array<{ span: Span; messageId: string; data?: Record<string, string | number> }>;
  fix?: FindingFix;
  /** Severity for this finding when the config does not set the rule's severity. */
  severity?: Severity;
}

export interface RuleContext {
  analysis: Analysis;
  report(descriptor: ReportDescriptor): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export const DOCS_BASE = 'https://github.com/pmm-lint/pmm-lint/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}

/** The element whose place contains an offset, if any. */
export function elementAt(analysis: Analysis, offset: number): string | null {
  let best: { id: string; size: number } | null = null;
  for (const [id, match] of analysis.matches) {
    for (const c of match.candidates) {
      if (c.fullSpan.start <= offset && offset < c.fullSpan.end) {
        const size = c.fullSpan.end - c.fullSpan.start;
        if (!best || size < best.size) best = { id, size };
      }
    }
  }
  return best ? best.id : null;
}

/** Reports the problems that element checks attributed to a rule. */
export function reportCheckProblems(context: RuleContext, ruleId: string): void {
  for (const ev of context.analysis.evaluations) {
    for (const p of ev.problems) {
      if (p.ruleId !== ruleId) continue;
      context.report({ elementId: ev.element.id, messageId: p.messageId, data: p.data, span: p.span, severity: p.severity });
    }
  }
}
