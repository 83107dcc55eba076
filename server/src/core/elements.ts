// Element matching and evaluation: which place in the document is each checklist element, and how complete it is.

import { bestElement, type CompiledChecklist } from './checklist';
import type { Candidate, DocumentModel, Item } from './model';
import type { PlaceholderHit } from './placeholders';
import {
  BASELINE_RE,
  DATE_RE,
  SOURCE_RE,
  TIMEFRAME_RE,
  VAGUE_DATE_RE,
  hasNumber,
  hasQuote,
  squash,
} from './text';
import type { ChecklistElement, ElementCheck, Span } from './types';

export interface ElementMatch {
  element: ChecklistElement;
  /** The places that mark it, in document order. */
  candidates: Candidate[];
}

/** A problem a check found, reported by the rule named here (vague-metric, missing-proof, ...). */
export interface CheckProblem {
  ruleId: string;
  messageId: string;
  data: Record<string, string | number>;
  span: Span;
  /** A severity the rule uses for this problem when the config does not set one. */
  severity?: 'error' | 'warning' | 'info';
}

/** Why an element is weak; ruleId ties the reason to a rule, so turning that rule off drops the reason. */
export interface WeakReason {
  ruleId: string | null;
  messageId: string;
  data: Record<string, string | number>;
}

export interface ElementEvaluation {
  element: ChecklistElement;
  match: ElementMatch | null;
  /** Items the checks looked at. */
  items: Item[];
  reasons: WeakReason[];
  problems: CheckProblem[];
}

const KIND_RANK: Record<Candidate['kind'], number> = { heading: 0, label: 1, 'table-row': 2, 'table-column': 2 };

/** Assigns each candidate to its best element; an element found by a heading ignores labels and table cells. */
export function matchElements(model: DocumentModel, compiled: CompiledChecklist): Map<string, ElementMatch> {
  const byElement = new Map<string, Array<{ cand: Candidate; score: number }>>();
  for (const cand of model.candidates) {
    if (cand.section && cand.section === model.title && model.sections.length > 1) continue;
    const best = bestElement(compiled, cand.normalized, cand.question);
    if (!best) continue;
    const list = byElement.get(best.element.id) ?? [];
    list.push({ cand, score: best.score });
    byElement.set(best.element.id, list);
  }
  const result = new Map<string, ElementMatch>();
  for (const ce of compiled.elements) {
    const list = byElement.get(ce.element.id);
    if (!list || list.length === 0) continue;
    const topRank = Math.min(...list.map((x) => KIND_RANK[x.cand.kind]));
    let kept = list.filter((x) => KIND_RANK[x.cand.kind] === topRank);
    // Nested matches (a label inside the matched section) add nothing: keep the outermost.
    kept = kept.filter((x) => !kept.some((y) => y !== x && y.cand.fullSpan.start <= x.cand.span.start && x.cand.fullSpan.end <= y.cand.fullSpan.end && y.cand.fullSpan.start < x.cand.span.start));
    kept.sort((a, b) => a.cand.span.start - b.cand.span.start);
    result.set(ce.element.id, { element: ce.element, candidates: kept.map((x) => x.cand) });
  }
  return result;
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

function contentOf(match: ElementMatch): { items: Item[]; text: string; hasTable: boolean } {
  if (match.candidates.length === 1) {
    const c = match.candidates[0];
    return { items: c.items, text: c.contentText, hasTable: c.hasTable };
  }
  // Several places mark the element (Message 1, Message 2...): each one with content is one item.
  const filled = match.candidates.filter((c) => plain(c.contentText).length > 0);
  return {
    items: filled.map((c) => ({ kind: 'subsection' as const, span: c.fullSpan, text: c.label + '\n' + c.contentText })),
    text: filled.map((c) => c.label + '\n' + c.contentText).join('\n'),
    hasTable: match.candidates.some((c) => c.hasTable),
  };
}

function countListed(items: Item[]): number {
  if (items.length === 1 && (items[0].kind === 'paragraph' || items[0].kind === 'text')) {
    // "Spreadsheets, an intern, or doing nothing" lists three in one sentence.
    const first = plain(items[0].text).split(/[.。!?！？]/u)[0];
    const parts = first.split(/,|;|、|，|；|\bor\b|\band\b|或|和|以及/u).filter((p) => p.trim().length > 1);
    return Math.max(1, parts.length);
  }
  return items.filter((i) => plain(i.text).length > 0).length;
}

function isPlaceholderItem(item: Item, placeholders: PlaceholderHit[]): boolean {
  return placeholders.some((p) => p.span.start >= item.span.start && p.span.end <= item.span.end);
}

/** A pattern's leading run: `\d+`, `\s*`, `[a-z]+`, `[^)]*`. */
const LEADING_RUN = /^(\\[dDwWsS]|\[(?:\\.|[^\]\\])+\])[*+]/;
const containsCache = new Map<string, RegExp>();

/**
 * A `contains` pattern, compiled. checklist.ts refuses patterns that can take exponential time; an ordinary one
 * that starts with a run (`\d+%`, `\d+\s*(元|美元)`) is still tried from every character of a long run of digits
 * with no '%' after it, in time that grows with the square of the run (a line of a million digits: minutes). A
 * lookbehind lets the run start only where the text's run starts, which changes nothing about what matches.
 */
export function containsRegExp(pattern: string): RegExp {
  let re = containsCache.get(pattern);
  if (!re) {
    const run = LEADING_RUN.exec(pattern);
    re = new RegExp(run ? `(?<!${run[1]})${pattern}` : pattern, 'iu');
    if (containsCache.size > 500) containsCache.clear();
    containsCache.set(pattern, re);
  }
  return re;
}

const NAME_RE = /@[\w.-]+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+|\b[A-Z][a-z]+(?:\s+[A-Z][a-z]*\.?)+\b|(?:[:：|]\s*|^\s*)[\u4e00-\u9fff]{2,4}(?:\s|$|[，,、|（(])/mu;

/** Runs one check; pushes weak reasons and problems. */
function runCheck(
  check: ElementCheck,
  el: ChecklistElement,
  match: ElementMatch,
  content: { items: Item[]; text: string; hasTable: boolean },
  placeholders: PlaceholderHit[],
  out: ElementEvaluation,
): void {
  const title = el.title;
  const filled = content.items.filter((i) => !isPlaceholderItem(i, placeholders) && plain(i.text).length > 0);
  // Where the content is a list, a table or subsections, a paragraph around them introduces them.
  const structured = filled.some((i) => i.kind !== 'paragraph');
  const items = structured ? filled.filter((i) => i.kind !== 'paragraph') : filled;
  const heading = match.candidates[0];
  switch (check.kind) {
    case 'min-items': {
      const count = countListed(items);
      if (count < check.min) out.reasons.push({ ruleId: null, messageId: 'reason.minItems', data: { count, min: check.min } });
      return;
    }
    case 'max-items': {
      const count = match.candidates.length > 1 ? match.candidates.length : countListed(items);
      if (count > check.max) out.reasons.push({ ruleId: null, messageId: 'reason.maxItems', data: { count, max: check.max } });
      return;
    }
    case 'table': {
      // A table with only its header row (a freshly inserted skeleton) is not yet a table of anything.
      const filledRow = content.items.some((i) => i.kind === 'table-row' && plain(i.text).replace(/[\s|:-]/g, '').length > 0);
      if (!content.hasTable || !filledRow) out.reasons.push({ ruleId: null, messageId: 'reason.table', data: {} });
      return;
    }
      return;
    case 'contains': {
      const hay = heading.label + '\n' + content.text;
      if (!check.patterns.some((p) => containsRegExp(p).test(hay))) {
        out.reasons.push({ ruleId: null, messageId: 'reason.custom', data: { en: check.reason.en, zh: check.reason.zh } });
      }
      return;
    }
    case 'not-only': {
      let rest = ' ' + plain(content.text).toLowerCase() + ' ';
      for (const w of check.words) rest = rest.split(w.toLowerCase()).join(' ');
      rest = rest.replace(/\b(?:and|or|the|a|an|our|other|all|any|of|to|for|和|或|等|的)\b/gu, ' ').replace(/[\p{P}\p{S}\s\d]+/gu, '');
      if (content.text.trim() && rest.length < 4) out.reasons.push({ ruleId: null, messageId: 'reason.custom', data: { en: check.reason.en, zh: check.reason.zh } });
      return;
    }
    case 'owner':
      if (!NAME_RE.test(plain(content.text)) && !/@[\w.-]+/.test(content.text)) out.reasons.push({ ruleId: null, messageId: 'reason.owner', data: {} });
      return;
    case 'metric': {
      const needs = check.needs ?? ['number', 'timeframe-or-baseline'];
      if (check.scope === 'section') {
        // One figure anywhere in the element is enough (an outcome, an impact).
        const p = plain(content.text);
        if (!hasNumber(p)) {
          out.problems.push({ ruleId: 'vague-metric', messageId: 'vague-metric.sectionNoNumber', data: { title: title.en, titleZh: title.zh }, span: heading.span });
          out.reasons.push({ ruleId: 'vague-metric', messageId: 'reason.metric', data: {} });
        }
        return;
      }
      let bad = false;
      for (const item of items) {
        const p = plain(item.text);
        if (needs.includes('number') && !hasNumber(p)) {
          out.problems.push({ ruleId: 'vague-metric', messageId: 'vague-metric.noNumber', data: { title: title.en, titleZh: title.zh, text: squash(p) }, span: item.span });
          bad = true;
        } else if (
          (needs.includes('timeframe') && !TIMEFRAME_RE.test(p)) ||
          (needs.includes('timeframe-or-baseline') && !TIMEFRAME_RE.test(p) && !BASELINE_RE.test(p))
        ) {
          out.problems.push({ ruleId: 'vague-metric', messageId: 'vague-metric.noTimeframe', data: { title: title.en, titleZh: title.zh, text: squash(p) }, span: item.span });
          bad = true;
        }
      }
      if (bad) out.reasons.push({ ruleId: 'vague-metric', messageId: 'reason.metric', data: {} });
      return;
    }
    case 'proof': {
      let bad = false;
      for (const item of items) {
        const raw = item.text;
        const p = plain(raw);
        if (hasNumber(p) || SOURCE_RE.test(raw) || hasQuote(raw) || /\]\(|https?:\/\//.test(raw)) continue;
        // An item that only introduces the next ones ("Supporting features:") is not a claim.
        if (/[:：]\s*$/u.test(p) || p.length < 12) continue;
        out.problems.push({ ruleId: 'missing-proof', messageId: 'missing-proof.noProof', data: { title: title.en, titleZh: title.zh, text: squash(p) }, span: item.span });
        bad = true;
      }
      if (bad) out.reasons.push({ ruleId: 'missing-proof', messageId: 'reason.proof', data: {} });
      return;
    }
    case 'date': {
      let anyDate = false;
      let bad = false;
      const units = items.length ? items : [];
      for (const item of units) {
        const p = item.text;
        if (DATE_RE.test(p)) {
          anyDate = true;
          continue;
        }
        const v = VAGUE_DATE_RE.exec(p);
        if (v) {
          const at = item.span.start + v.index;
          out.problems.push({ ruleId: 'vague-date', messageId: 'vague-date.vague', data: { title: title.en, titleZh: title.zh, text: v[0] }, span: { start: at, end: at + v[0].length } });
          bad = true;
        }
      }
      if (!anyDate && !bad && DATE_RE.test(heading.label + ' ' + content.text)) anyDate = true;
      if (!anyDate && !bad && items.length > 0) {
        out.problems.push({ ruleId: 'vague-date', messageId: 'vague-date.noDate', data: { title: title.en, titleZh: title.zh }, span: heading.span });
        bad = true;
      }
      if (bad) out.reasons.push({ ruleId: 'vague-date', messageId: 'reason.date', data: {} });
      return;
    }
    case 'positioning-statement': {
      const problems = checkPositioningStatement(content.text, items, heading.span);
      if (problems.length) {
        out.problems.push(...problems);
        out.reasons.push({ ruleId: 'positioning-statement', messageId: 'reason.statement', data: {} });
      }
      return;
    }
  }
}

interface Slot {
  id: string;
  en: RegExp;
  zh: RegExp;
  hint: { en: string; zh: string };
  severity: 'error' | 'warning';
}

const SLOTS: Slot[] = [
  { id: 'For', en: /(?:^|[.!?\n]\s*)(?:for|built for)\s+\S/iu, zh: /针对|面向|对于/u, hint: { en: 'For <target customer>', zh: '针对<目标客户>' }, severity: 'warning' },
  { id: 'who', en: /\bwho\b|\bthat (?:need|want|struggle|have)|\bwhose\b/iu, zh: /他们|需要|需求|希望|苦于/u, hint: { en: 'who <statement of need>', zh: '他们需要<需求>' }, severity: 'warning' },
  { id: 'is a', en: /\bis (?:a|an|the)\b|\bare (?:a|an)\b/iu, zh: /是一[款个种套家部]|属于|作为一[款个种]/u, hint: { en: '<product> is a <category>', zh: '<产品>是一款<类别>' }, severity: 'warning' },
  { id: 'that', en: /\b(?:is (?:a|an|the)|are)\b[^.]*?\b(?:that|which|to help|helping|providing)\b/iu, zh: /能够|可以|帮助|让|使(?!用)/u, hint: { en: 'that <key benefit>', zh: '能够<价值>' }, severity: 'warning' },
  { id: 'Unlike', en: /\bunlike\b|\bin contrast to\b|\bcompared (?:to|with)\b/iu, zh: /与[^。]{1,40}?不同|不同于|相比|区别于|有别于/u, hint: { en: 'Unlike <primary competitive alternative>, <statement of primary differentiation>', zh: '与<替代方案>不同，<产品>具备<差异化>' }, severity: 'error' },
];

/**
 * Moore's slots. A missing "Unlike" is its own error (without it there is no positioning, only hope);
 * the other missing slots are named together in one warning.
 */
export function checkPositioningStatement(text: string, items: Item[], fallback: Span): CheckProblem[] {
  const p = plain(text);
  if (!p) return [];
  const zh = (p.match(/[\u4e00-\u9fff]/gu)?.length ?? 0) > p.length / 4;
  const span = items.length ? { start: items[0].span.start, end: items[items.length - 1].span.end } : fallback;
  const missing = SLOTS.filter((slot) => !(zh ? slot.zh : slot.en).test(p));
  const problems: CheckProblem[] = [];
  const others = missing.filter((s) => s.id !== 'Unlike');
  if (others.length) {
    problems.push({
      ruleId: 'positioning-statement',
      messageId: others.length === 1 ? 'positioning-statement.missingSlot' : 'positioning-statement.missingSlots',
      data: { slot: others[0].id, slots: others.map((s) => s.id).join(', '), hint: others.map((s) => (zh ? s.hint.zh : s.hint.en)).join(' / ') },
      span,
      severity: 'warning',
    });
  }
  const unlike = missing.find((s) => s.id === 'Unlike');
  if (unlike) {
    problems.push({
      ruleId: 'positioning-statement',
      messageId: 'positioning-statement.missingSlot',
      data: { slot: unlike.id, hint: zh ? unlike.hint.zh : unlike.hint.en },
      span,
      severity: 'error',
    });
  }
  return problems;
}

export function evaluateElements(
  model: DocumentModel,
  compiled: CompiledChecklist,
  matches: Map<string, ElementMatch>,
  placeholders: PlaceholderHit[],
): ElementEvaluation[] {
  return compiled.elements.map(({ element }) => {
    const match = matches.get(element.id) ?? null;
    const evaluation: ElementEvaluation = { element, match, items: [], reasons: [], problems: [] };
    if (!match) return evaluation;
    const content = contentOf(match);
    evaluation.items = content.items;
    const visible = plain(content.text.replace(/<!--[\s\S]*?-->/g, ''));
    if (!visible && content.items.length === 0) {
      evaluation.reasons.push({ ruleId: 'empty-section', messageId: 'reason.empty', data: {} });
      return evaluation;
    }
    const spanAll = { start: match.candidates[0].fullSpan.start, end: match.candidates[match.candidates.length - 1].fullSpan.end };
    if (placeholders.some((p) => p.span.start >= spanAll.start && p.span.end <= spanAll.end)) {
      evaluation.reasons.push({ ruleId: 'placeholder', messageId: 'reason.placeholder', data: {} });
    }
    for (const check of element.checks ?? []) runCheck(check, element, match, content, placeholders, evaluation);
    return evaluation;
  });
}
