// What element checks read and write: an element's match and evaluation, its content as plain text, and the
// shape of a check. Shared by elements.ts (which runs the checks), checks.ts and the rules that own checks.

import type { MessageId } from './i18n';
import type { Candidate, Item } from './model';
import type { PlaceholderHit } from './placeholders';
import type { ChecklistElement, ElementCheck, Span } from './types';

export interface ElementMatch {
  element: ChecklistElement;
  /** The places that mark it, in document order. */
  candidates: Candidate[];
}

/** A problem a check found, reported by the rule named here (vague-metric, missing-proof, ...). */
export interface CheckProblem {
  ruleId: string;
  messageId: MessageId;
  data: Record<string, string | number>;
  span: Span;
  /** A severity the rule uses for this problem when the config does not set one. */
  severity?: 'error' | 'warning' | 'info';
}

/**
 * Why an element is weak; ruleId ties the reason to a rule, so turning that rule off drops the reason, and so does
 * disabling it (a `pmm-lint-disable` comment) on every line that caused it: `spans` when given, else the element's
 * problems of that rule, else the element's name (lint.ts, elementStatus).
 */
export interface WeakReason {
  ruleId: string | null;
  /** A message id, or 'reason.custom' for a checklist's own text (data.en / data.zh). */
  messageId: MessageId | 'reason.custom';
  data: Record<string, string | number>;
  /** What caused it, when that is not the element's problems of the rule (a placeholder, an empty section). */
  spans?: Span[];
}

export interface ElementEvaluation {
  element: ChecklistElement;
  match: ElementMatch | null;
  /** Items the checks looked at. */
  items: Item[];
  reasons: WeakReason[];
  problems: CheckProblem[];
  /**
   * Found under a name that is not the element's own and its content is not the element: an elevator pitch or a
   * one-liner where the checklist wants a positioning statement. Reported as missing, as a warning, at the name.
   */
  standIn?: { span: Span; label: string; missing: string; /** The missing slots' names in Chinese messages. */ missingZh?: string };
}

/**
 * Plain text of Markdown source for the recognisers: no link targets, no emphasis marks, no table pipes. (A link's
 * text and target, and a tag, stop at the next bracket: `[^>]+>` tried from every '<' of a 1 MB run of '<' took
 * minutes.)
 */
export function plain(md: string): string {
  return md
    .replace(/!\[([^[\]]*)\]\([^)[\]]*\)/g, '$1')
    .replace(/\[([^[\]]*)\]\([^)[\]]*\)/g, '$1')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^<>]+>/g, ' ')
    .replace(/[*_`~|>#]+/g, ' ')
    .replace(/^\s*(?:[-+]|\d+[.)])\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first line of a span of the text: a finding underlines a line, not a paragraph. */
export function firstLineOf(source: string, span: Span): Span {
  const nl = source.slice(span.start, span.end).search(/\r?\n|\r/);
  return nl < 0 ? span : { start: span.start, end: span.start + nl };
}

/** The place's name as the document writes it ("Key dates", 冷启动节奏), else the checklist's title. */
export function placeName(label: string, fallback: { en: string; zh: string }): { en: string; zh: string } {
  const name = label.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim().replace(/[:：.。]$/u, '');
  return name && name.length <= 60 ? { en: name, zh: name } : fallback;
}

/** How many things the items list. */
export function countListed(items: Item[]): number {
  if (items.length === 1 && (items[0].kind === 'paragraph' || items[0].kind === 'text')) {
    // "Spreadsheets, an intern, or doing nothing" lists three in one sentence.
    const first = plain(items[0].text).split(/[.。!?！？]/u)[0];
    const parts = first.split(/,|;|、|，|；|\bor\b|\band\b|或|和|以及/u).filter((p) => p.trim().length > 1);
    return Math.max(1, parts.length);
  }
  return items.filter((i) => plain(i.text).length > 0).length;
}

/**
 * A checklist pattern (`contains`, `vocabulary.phrases`, a variant's `contains`), compiled once for the linear-time
 * engine (patterns.ts): time linear in the text whatever the pattern. Checklists are validated when loaded, so a
 * pattern that cannot be used has been refused there; here it throws a PatternError.
 */
export { checklistPattern, type CheckPattern } from './patterns';

/** What a check gets: the element, where it was found, its content, and where to put what it finds. */
export interface CheckInput<K extends ElementCheck['kind']> {
  check: Extract<ElementCheck, { kind: K }>;
  element: ChecklistElement;
  match: ElementMatch;
  content: { items: Item[]; text: string; hasTable: boolean };
  /** The items to judge: filled in, without a paragraph that only introduces a list or table. */
  items: Item[];
  /** The first place that marks the element. */
  heading: Candidate;
  /** The place's name for messages, as the document writes it. */
  named: { en: string; zh: string };
  /** The whole document text. */
  source: string;
  placeholders: PlaceholderHit[];
  out: ElementEvaluation;
}

/** One kind of check over an element's content: it pushes weak reasons, and problems for its rule to report. */
export type CheckFn<K extends ElementCheck['kind']> = (input: CheckInput<K>) => void;
