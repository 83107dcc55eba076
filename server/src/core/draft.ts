// Status-aware severity: a document whose front matter says it is a draft (`status: draft`, 草稿...) is a work in
// progress. Its unfinished parts (placeholders, empty sections) are to-dos, not errors: they are reported at the
// draft severity (info by default), one placeholder finding per section rather than one per token, and findings
// of content rules in a section that still holds a placeholder (a template's "For [target customer] who..." is not
// yet a statement to judge) wait until it is written; what the document lacks, its order and its front matter are
// reported as configured. Its progress is "n of m required sections written". In review, approved or
// with no status, everything is as loud as configured.
import type { DocumentModel } from './model';
import type { ElementEvaluation } from './content';
import type { PlaceholderHit } from './placeholders';
import type { Finding, Severity, Span } from './types';

export interface DraftSettings {
  /** Front matter `status` values (compared without case) that mark a draft. */
  statuses: string[];
  /** How loud unfinished work is in a draft: a severity, or 'off' to hide it. */
  severity: Severity | 'off';
}

export const DEFAULT_DRAFT: DraftSettings = {
  statuses: ['draft', 'drafting', 'wip', 'work in progress', 'todo', 'to do', '草稿', '初稿', '起草中', '撰写中', '编写中', '待完善'],
  severity: 'info',
};

/** The rules whose findings are a draft's to-dos. */
export const UNFINISHED_RULES = new Set(['placeholder', 'empty-section']);

/** Rules about the document as a whole (what it lacks, its order, its front matter): in a draft too, as configured. */
const STRUCTURE_RULES = new Set(['required-element', 'element-order', 'front-matter']);

const LOUDNESS: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

/** The document's `status` from its front matter, trimmed; null when there is none or it is not text. */
export function documentStatus(model: DocumentModel): string | null {
  const value = model.frontMatter?.data?.status;
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

export function isDraft(model: DocumentModel, settings: DraftSettings): boolean {
  const status = documentStatus(model)?.toLowerCase();
  return status !== undefined && settings.statuses.some((s) => s.toLowerCase() === status);
}

/** A to-do's severity in a draft: the draft severity, unless the configured one is already quieter. */
export function draftSeverity(configured: Severity, settings: DraftSettings): Severity | null {
  if (settings.severity === 'off') return null;
  return LOUDNESS[settings.severity] < LOUDNESS[configured] ? settings.severity : configured;
}

/** Sorted, non-overlapping spans: does `span` overlap one of them? Binary search on their starts. */
function overlapsAny(sorted: Span[], span: Span): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo].start < Math.max(span.end, span.start + 1);
}

/**
 * The index of the section `offset` falls in: the last heading at or before it, or -1 before the first. Unlike
 * model.sectionAt (the deepest section whose body holds an offset), a heading belongs to its own section here.
 */
function sectionIndexAt(model: DocumentModel, offset: number): number {
  const sections = model.sections;
  let lo = 0;
  let hi = sections.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sections[mid].headingSpan.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * A draft's findings (sorted as given): the first placeholder of each section stands for the rest of them, with
 * their count (`data.count`, `data.heading`, message id `placeholder.draftSection`); findings of content rules on a
 * placeholder or in a section that still holds one wait until it is written. `message` is refilled by the caller
 * from the new message id and data.
 */
export function draftFindings(findings: Finding[], model: DocumentModel, placeholders: PlaceholderHit[]): Finding[] {
  const spans = placeholders.map((p) => p.span).sort((a, b) => a.start - b.start);
  const unwritten = new Set(spans.map((sp) => sectionIndexAt(model, sp.start)));
  const waits = (f: Finding) => !STRUCTURE_RULES.has(f.ruleId) && (unwritten.has(sectionIndexAt(model, f.span.start)) || overlapsAny(spans, f.span));
  const firstOfSection = new Map<number, Finding>();
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.ruleId === 'placeholder') {
      const section = sectionIndexAt(model, f.span.start);
      const first = firstOfSection.get(section);
      if (first) {
        first.data = { ...first.data, count: Number(first.data.count) + 1 };
        continue;
      }
      const heading = section >= 0 ? model.sections[section].heading : '';
      const grouped: Finding = { ...f, messageId: heading ? 'placeholder.draftSection' : 'placeholder.draftDocument', data: { ...f.data, heading, count: 1 } };
      firstOfSection.set(section, grouped);
      out.push(grouped);
    } else if (UNFINISHED_RULES.has(f.ruleId) || !waits(f)) {
      out.push(f);
    }
  }
  return out;
}

/** Required elements written so far: present, with no placeholder left and not empty. */
export function progressOf(evaluations: ElementEvaluation[]): { written: number; total: number } {
  const required = evaluations.filter((ev) => ev.element.required);
  const written = required.filter((ev) => ev.match && !ev.standIn && !ev.reasons.some((r) => r.messageId === 'reason.placeholder' || r.messageId === 'reason.empty'));
  return { written: written.length, total: required.length };
}
