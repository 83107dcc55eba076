// The shape of a rule (after ESLint's: meta + a function over the model) and the context it reports through.

import type { CompiledChecklist } from '../checklist';
import type { Detection } from '../detect';
import type { ElementEvaluation, ElementMatch } from '../elements';
import type { DocumentModel } from '../model';
import type { MessageId } from '../i18n';
import type { PlaceholderHit } from '../placeholders';
import type { LintMemo } from '../text-cache';
import type { Checklist, FindingFix, Localized, Severity, Span } from '../types';

export interface RuleMeta {
  id: string;
  type: 'problem' | 'suggestion';
  description: Localized;
  defaultSeverity: Severity;
  /**
   * The messages this rule reports with, by id (`<rule-id>.<name>`), in both languages: `{placeholders}` are filled
   * from the report's data (a `Zh` key is used in Chinese when there is one, see i18n.ts). `npm run gen` copies
   * them into core/rule-messages.generated.ts, which the message catalog reads without loading the rules.
   */
  messages: Record<string, Localized>;
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
  messageId: MessageId;
  data?: Record<string, string | number>;
  span: Span;
  related?: Array<{ span: Span; messageId: MessageId; data?: Record<string, string | number> }>;
  fix?: FindingFix;
  /** Severity for this finding when the config does not set the rule's severity. */
  severity?: Severity;
}

export interface RuleContext {
  analysis: Analysis;
  report(descriptor: ReportDescriptor): void;
  /** Answers kept across this document's lints (in the editor; absent in the CLI): see text-cache.ts. */
  memo?: LintMemo;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export const DOCS_BASE = 'https://github.com/pmm-lint/pmm-lint/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}

/**
 * The element whose place contains an offset, if any: of the candidates whose full span holds it, the smallest
 * (the first in match order among equals). Answered from an index built once per analysis (O(log n) a query).
 */
export function elementAt(analysis: Analysis, offset: number): string | null {
  const index = placeIndex(analysis.matches);
  // The last boundary at or before the offset: every offset up to the next boundary has the same answer.
  const b = index.bounds;
  let lo = 0;
  let hi = b.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (b[mid] <= offset) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return at < 0 ? null : index.owner[at];
}

interface PlaceIndex {
  /** Sorted distinct starts and ends of the candidates' full spans. */
  bounds: number[];
  /** The element for offsets from bounds[i] up to bounds[i + 1]. */
  owner: Array<string | null>;
}

const placeIndexes = new WeakMap<Analysis['matches'], PlaceIndex>();

/** One sweep over the boundaries with a heap of the spans open there, smallest (then first) on top. */
function placeIndex(matches: Analysis['matches']): PlaceIndex {
  const cached = placeIndexes.get(matches);
  if (cached) return cached;
  const spans: Array<{ id: string; start: number; end: number; size: number; order: number }> = [];
  for (const [id, match] of matches) {
    for (const c of match.candidates) {
      const { start, end } = c.fullSpan;
      if (start < end) spans.push({ id, start, end, size: end - start, order: spans.length });
    }
  }
  const points = new Set<number>();
  for (const s of spans) {
    points.add(s.start);
    points.add(s.end);
  }
  const bounds = [...points].sort((a, b) => a - b);
  const byStart = spans.slice().sort((a, b) => a.start - b.start);
  const heap: typeof spans = [];
  const before = (a: (typeof spans)[number], b: (typeof spans)[number]) => a.size < b.size || (a.size === b.size && a.order < b.order);
  const push = (x: (typeof spans)[number]) => {
    let i = heap.push(x) - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(heap[i], heap[p])) break;
      [heap[i], heap[p]] = [heap[p], heap[i]];
      i = p;
    }
  };
  const pop = () => {
    const last = heap.pop()!;
    if (heap.length === 0) return;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && before(heap[l], heap[m])) m = l;
      if (r < heap.length && before(heap[r], heap[m])) m = r;
      if (m === i) break;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  const owner: Array<string | null> = [];
  let next = 0;
  for (const point of bounds) {
    while (next < byStart.length && byStart[next].start <= point) push(byStart[next++]);
    // Spans that end here or before no longer hold the offsets from here on (they leave the heap when on top).
    while (heap.length && heap[0].end <= point) pop();
    owner.push(heap.length ? heap[0].id : null);
  }
  const index = { bounds, owner };
  placeIndexes.set(matches, index);
  return index;
}

/**
 * Tests over a fixed set of spans, O(log n) a query: `holds(offset)`, some span has start <= offset < end;
 * `covers(span)`, some span has start <= span.start and span.end <= end.
 */
export function spanSet(spans: readonly Span[]): { holds(offset: number): boolean; covers(span: Span): boolean } {
  const sorted = spans.slice().sort((a, b) => a.start - b.start);
  // The furthest end of the spans up to each one in start order.
  const reach: number[] = [];
  let far = -Infinity;
  for (const s of sorted) reach.push((far = Math.max(far, s.end)));
  const reachAt = (offset: number): number => {
    let lo = 0;
    let hi = sorted.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].start <= offset) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return at < 0 ? -Infinity : reach[at];
  };
  return { holds: (offset) => reachAt(offset) > offset, covers: (span) => reachAt(span.start) >= span.end };
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
