// Element matching and evaluation: which place in the document is each checklist element, and how complete it is.

import { elementForLabel, type CompiledChecklist, type ElementPick } from './checklist';
import { spanOf, type Section } from './model';
import type { RootContent } from 'mdast';
import type { Candidate, DocumentModel, Item } from './model';
import type { PlaceholderHit } from './placeholders';
import {
  BASELINE_RE,
  DATE_COL,
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
  /**
   * Found under a name that is not the element's own and its content is not the element: an elevator pitch or a
   * one-liner where the checklist wants a positioning statement. Reported as missing, as a warning, at the name.
   */
  standIn?: { span: Span; label: string; missing: string };
}

const KIND_RANK: Record<Candidate['kind'], number> = { heading: 0, label: 1, 'table-row': 2, 'table-column': 2, phrase: 3 };

/** The deepest section whose body holds an offset. */
function sectionAt(sections: Section[], offset: number): Section | null {
  let found: Section | null = null;
  for (const s of sections) {
    if (s.headingSpan.start < offset && offset <= s.bodySpan.end && (!found || s.level > found.level)) found = s;
  }
  return found;
}

/**
 * Each candidate's element, read in its place: what stands under a section that describes someone else (an
 * element with `scope`, such as a battlecard's competitors) is theirs, not ours.
 */
export function pickElements(model: DocumentModel, compiled: CompiledChecklist): Array<{ cand: Candidate; pick: ElementPick }> {
  const out: Array<{ cand: Candidate; pick: ElementPick }> = [];
  const scopeRoots = new Set<number>();
  const inScope = (section: Section | null, strict: boolean): boolean => {
    for (let s = section && strict ? (section.parent === null ? null : model.sections[section.parent]) : section; s; s = s.parent === null ? null : model.sections[s.parent]) {
      if (scopeRoots.has(s.index)) return true;
    }
    return false;
  };
  // Headings first, in document order (a parent before its children), then labels and table cells.
  const ordered = [...model.candidates.filter((c) => c.kind === 'heading'), ...model.candidates.filter((c) => c.kind !== 'heading')];
  for (const cand of ordered) {
    if (cand.section && cand.section === model.title && model.sections.length > 1) continue;
    const enclosing = cand.section ? null : sectionAt(model.sections, cand.span.start);
    const theirs = cand.section ? inScope(cand.section, true) : inScope(enclosing, false);
    const pick = elementForLabel(compiled, cand.normalized, cand.question ?? false, theirs);
    if (!pick) continue;
    if (cand.section && !theirs && pick.element.scope) scopeRoots.add(cand.section.index);
    out.push({ cand, pick });
  }
  return out;
}

/** Assigns each candidate to its best element; an element found by a heading ignores labels and table cells. */
export function matchElements(model: DocumentModel, compiled: CompiledChecklist): Map<string, ElementMatch> {
  const byElement = new Map<string, Array<{ cand: Candidate; score: number }>>();
  for (const { cand, pick: best } of pickElements(model, compiled)) {
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
  // Elements no name marks, found in running text by their phrases (the sentence that names a category).
  for (const ce of compiled.elements) {
    const phrases = ce.element.vocabulary?.phrases;
    if (!phrases?.length || result.has(ce.element.id)) continue;
    const found = findPhrase(model, phrases);
    if (found) result.set(ce.element.id, { element: ce.element, candidates: [found] });
  }
  return result;
}

/** The first paragraph or list item (outside code and quotes) where one of the patterns matches. */
function findPhrase(model: DocumentModel, patterns: string[]): Candidate | null {
  const res = patterns.map((p) => containsRegExp(p));
  let hit: Candidate | null = null;
  const visit = (nodes: readonly RootContent[]): void => {
    for (const node of nodes) {
      if (hit) return;
      if (node.type === 'paragraph' || node.type === 'tableCell' || node.type === 'heading') {
        const sp = spanOf(node);
        const text = model.text.slice(sp.start, Math.min(sp.end, sp.start + 4000));
        for (const re of res) {
          const m = re.exec(text);
          if (!m) continue;
          const at = { start: sp.start + m.index, end: sp.start + m.index + m[0].length };
          hit = { kind: 'phrase', label: m[0], normalized: m[0].toLowerCase(), span: at, fullSpan: sp, items: [{ kind: 'text', span: sp, text }], contentText: text, hasTable: false };
          return;
        }
      } else if ('children' in node && node.type !== 'blockquote') {
        visit(node.children as RootContent[]);
      }
    }
  };
  visit(model.root.children);
  return hit;
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
  source: string,
): void {
  const title = el.title;
  // Messages name the place as the document names it ("Key dates", 冷启动节奏), not by the checklist's title.
  const named = placeName(match.candidates[0]?.label ?? '', title);
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
          out.problems.push({ ruleId: 'vague-metric', messageId: 'vague-metric.sectionNoNumber', data: { title: named.en, titleZh: named.zh }, span: heading.span });
          out.reasons.push({ ruleId: 'vague-metric', messageId: 'reason.metric', data: {} });
        }
        return;
      }
      let bad = false;
      for (const item of items) {
        const p = plain(item.text);
        const byColumns = item.cells && item.header ? metricRow(item, named) : null;
        if (byColumns) {
          if (byColumns.problem) {
            out.problems.push({ ruleId: 'vague-metric', ...byColumns.problem });
            bad = true;
          }
          continue;
        }
        if (needs.includes('number') && !hasNumber(p)) {
          out.problems.push({ ruleId: 'vague-metric', messageId: 'vague-metric.noNumber', data: { title: named.en, titleZh: named.zh, text: squash(p) }, span: firstLineOf(source, item.span) });
          bad = true;
        } else if (
          (needs.includes('timeframe') && !TIMEFRAME_RE.test(p)) ||
          (needs.includes('timeframe-or-baseline') && !TIMEFRAME_RE.test(p) && !BASELINE_RE.test(p))
        ) {
          out.problems.push({ ruleId: 'vague-metric', messageId: 'vague-metric.noTimeframe', data: { title: named.en, titleZh: named.zh, text: squash(p) }, span: firstLineOf(source, item.span) });
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
        out.problems.push({ ruleId: 'missing-proof', messageId: 'missing-proof.noProof', data: { title: named.en, titleZh: named.zh, text: squash(p) }, span: firstLineOf(source, item.span) });
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
          out.problems.push({ ruleId: 'vague-date', messageId: 'vague-date.vague', data: { title: named.en, titleZh: named.zh, text: v[0] }, span: { start: at, end: at + v[0].length } });
          bad = true;
        }
      }
      if (!anyDate && !bad && DATE_RE.test(heading.label + ' ' + content.text)) anyDate = true;
      if (!anyDate && !bad && items.length > 0) {
        out.problems.push({ ruleId: 'vague-date', messageId: 'vague-date.noDate', data: { title: named.en, titleZh: named.zh }, span: heading.span });
        bad = true;
      }
      if (bad) out.reasons.push({ ruleId: 'vague-date', messageId: 'reason.date', data: {} });
      return;
    }
    case 'positioning-statement': {
      // A pitch in prose ("1-sentence pitch", "Elevator pitch", 一句话介绍) that fills few of Moore's slots is not a
      // statement yet: one warning that the statement is missing, not a list of slot errors over the paragraph.
      const slots = missingSlots(content.text);
      if (!STATEMENT_NAME.test(heading.label) && slots.length >= 3) {
        out.standIn = { span: heading.span, label: heading.label.trim().replace(/[:：.。]$/u, ''), missing: slots.map((s) => s.id).join(', ') };
        return;
      }
      const problems = checkPositioningStatement(content.text, items, heading.span, source);
      if (problems.length) {
        out.problems.push(...problems);
        out.reasons.push({ ruleId: 'positioning-statement', messageId: 'reason.statement', data: {} });
      }
      return;
    }
  }
}

function placeName(label: string, fallback: { en: string; zh: string }): { en: string; zh: string } {
  const name = label.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim().replace(/[:：.。]$/u, '');
  return name && name.length <= 60 ? { en: name, zh: name } : fallback;
}

// ---- Tables read by their columns ------------------------------------------------------------------------

const TARGET_COL = /\b(?:target|goal|objective)s?\b|目标|期望|预期/iu;
const BASELINE_COL = /\b(?:baseline|current|today|now|before|starting point|from)\b|基线|现状|当前|现值|上线前|起点/iu;

/**
 * A metrics table row read by its columns: the target cell needs a figure ("lots more", "Q3" and "increase
 * significantly" are not figures), and the row needs a date or period in its date column, or a baseline.
 */
function metricRow(item: Item, named: { en: string; zh: string }): { problem: Omit<CheckProblem, 'ruleId'> | null } | null {
  const header = item.header!;
  const cells = item.cells!;
  const col = (re: RegExp) => header.findIndex((h, i) => i > 0 && re.test(h));
  const target = col(TARGET_COL);
  if (target < 0 || !cells[target]) return null;
  const baseline = col(BASELINE_COL);
  const date = header.findIndex((h, i) => i > 0 && i !== target && i !== baseline && DATE_COL.test(h));
  const t = cells[target];
  if (!hasNumber(t.text)) {
    return { problem: { messageId: 'vague-metric.targetNoNumber', data: { title: named.en, titleZh: named.zh, text: squash(t.text || '—'), metric: squash(cells[0]?.text ?? '') }, span: t.span } };
  }
  const dateText = date >= 0 ? cells[date]?.text ?? '' : '';
  const hasDate = (DATE_RE.test(dateText) || TIMEFRAME_RE.test(dateText)) && !/^\s*(?:Q[1-4]|H[12])\s*$/iu.test(dateText);
  const hasBaseline = baseline >= 0 && hasNumber(cells[baseline]?.text ?? '');
  if (hasDate || hasBaseline || TIMEFRAME_RE.test(t.text)) return { problem: null };
  const at = date >= 0 && cells[date] ? cells[date].span : t.span;
  return { problem: { messageId: 'vague-metric.rowNoTimeframe', data: { title: named.en, titleZh: named.zh, text: squash(dateText || '—'), metric: squash(cells[0]?.text ?? '') }, span: at } };
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

/** Template slots left in a statement: ___, [target customer], {category}, 【待补充】, TBD. */
const SLOT_PLACEHOLDER = /_{2,}|\[[^\[\]\n]{0,60}\]|\{[^{}\n]{0,60}\}|【[^【】\n]{0,20}】|\bTBD\b|\bX{2,}\b|待补充|待定|待确认|…+|\.{3,}/giu;

/** A slot is filled when its words are there and what follows them is not a template slot. */
function slotFilled(slot: Slot, p: string, zh: boolean): boolean {
  const marked = p.replace(SLOT_PLACEHOLDER, '∅');
  const re = new RegExp((zh ? slot.zh : slot.en).source, (zh ? slot.zh : slot.en).flags.replace('g', '') + 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(marked)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const clause = marked.slice(m.index + m[0].length).split(/[,.;:!?，。；：！？]/u)[0].trim();
    const words = clause.replace(/∅/g, '').trim();
    if (!clause.startsWith('∅') && !(clause.includes('∅') && words.length <= (zh ? 4 : 2))) return true;
  }
  // The words are not there, or only around template slots.
  return false;
}

/** Names that say the text under them is a positioning statement, not a pitch. */
const STATEMENT_NAME = /statement|声明|陈述|定位语|moore/iu;

function isChinese(p: string): boolean {
  return (p.match(/[\u4e00-\u9fff]/gu)?.length ?? 0) > p.length / 4;
}

/** The Moore slots a text does not fill. */
export function missingSlots(text: string): Slot[] {
  const p = plain(text);
  if (!p) return [];
  const zh = isChinese(p);
  return SLOTS.filter((slot) => !slotFilled(slot, p, zh));
}

/** The first line of a span of the text: a finding underlines a line, not a paragraph. */
function firstLineOf(source: string, span: Span): Span {
  const nl = source.slice(span.start, span.end).search(/\r?\n|\r/);
  return nl < 0 ? span : { start: span.start, end: span.start + nl };
}

/**
 * Moore's slots. A missing "Unlike" is its own error (without it there is no positioning, only hope);
 * the other missing slots are named together in one warning.
 */
export function checkPositioningStatement(text: string, items: Item[], fallback: Span, source = ''): CheckProblem[] {
  const p = plain(text);
  if (!p) return [];
  const zh = isChinese(p);
  const span = items.length ? (source ? firstLineOf(source, items[0].span) : items[0].span) : fallback;
  const missing = SLOTS.filter((slot) => !slotFilled(slot, p, zh));
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
    for (const check of element.checks ?? []) runCheck(check, element, match, content, placeholders, evaluation, model.text);
    return evaluation;
  });
}
