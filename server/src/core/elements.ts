// Element matching and evaluation: which place in the document is each checklist element, and how complete it is.
// The checks themselves are in checks.ts and in the files of the rules that own them.

import type { RootContent } from 'mdast';
import { CHECKS } from './checks';
import { elementForLabel, type CompiledChecklist, type ElementPick } from './checklist';
import { checklistPattern, placeName, plain, type CheckFn, type CheckInput, type ElementEvaluation, type ElementMatch } from './content';
import { sectionAt, spanOf, type Candidate, type DocumentModel, type Item, type Section } from './model';
import type { PlaceholderHit } from './placeholders';
import type { ElementCheck } from './types';

export type { CheckProblem, ElementEvaluation, ElementMatch, WeakReason } from './content';
export { checklistPattern, plain } from './content';
export { checkPositioningStatement, missingSlots } from './rules/positioning-statement';

const KIND_RANK: Record<Candidate['kind'], number> = { heading: 0, label: 1, 'table-row': 2, 'table-column': 2, phrase: 3 };


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

type Ranked = { cand: Candidate; score: number };

/** Whether `y` holds `x`: y starts before x's own span and ends no earlier than x. */
const holds = (y: Ranked, x: Ranked) => y.cand.fullSpan.start < x.cand.span.start && x.cand.fullSpan.end <= y.cand.fullSpan.end;

/**
 * The candidates no other candidate holds. Few candidates: each against each. Many (50,000 sections of one
 * name took 28 s that way): sorted by where they start, with the two furthest ends among those starting before
 * each span (the furthest may be the candidate itself), in O(n log n); same answer.
 */
export function outermost(kept: Ranked[]): Ranked[] {
  if (kept.length <= 64) return kept.filter((x) => !kept.some((y) => y !== x && holds(y, x)));
  const byStart = [...kept].sort((a, b) => a.cand.fullSpan.start - b.cand.fullSpan.start);
  // best[i], second[i]: the two candidates with the furthest ends among byStart[0..i].
  const best: Ranked[] = [];
  const second: Array<Ranked | null> = [];
  for (let i = 0; i < byStart.length; i++) {
    const c = byStart[i];
    const b = i ? best[i - 1] : null;
    const s2 = i ? second[i - 1] : null;
    if (!b || c.cand.fullSpan.end > b.cand.fullSpan.end) {
      best.push(c);
      second.push(b);
    } else {
      best.push(b);
      second.push(!s2 || c.cand.fullSpan.end > s2.cand.fullSpan.end ? c : s2);
    }
  }
  return kept.filter((x) => {
    // The last candidate that starts before x's span.
    let lo = 0;
    let hi = byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byStart[mid].cand.fullSpan.start < x.cand.span.start) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return true;
    const far = best[lo - 1] !== x ? best[lo - 1] : second[lo - 1];
    return !(far && x.cand.fullSpan.end <= far.cand.fullSpan.end);
  });
}

/** Assigns each candidate to its best element; an element found by a heading ignores labels and table cells. */
export function matchElements(model: DocumentModel, compiled: CompiledChecklist): Map<string, ElementMatch> {
  const byElement = new Map<string, Ranked[]>();
  for (const { cand, pick: best } of pickElements(model, compiled)) {
    const list = byElement.get(best.element.id) ?? [];
    list.push({ cand, score: best.score });
    byElement.set(best.element.id, list);
  }
  const result = new Map<string, ElementMatch>();
  for (const ce of compiled.elements) {
    const list = byElement.get(ce.element.id);
    if (!list || list.length === 0) continue;
    let topRank = Infinity;
    for (const x of list) topRank = Math.min(topRank, KIND_RANK[x.cand.kind]);
    let kept = list.filter((x) => KIND_RANK[x.cand.kind] === topRank);
    // Nested matches (a label inside the matched section) add nothing: keep the outermost.
    kept = outermost(kept);
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
  const res = patterns.map((p) => checklistPattern(p));
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
          const at = { start: sp.start + m.index, end: sp.start + m.index + m.text.length };
          hit = { kind: 'phrase', label: m.text, normalized: m.text.toLowerCase(), span: at, fullSpan: sp, items: [{ kind: 'text', span: sp, text }], contentText: text, hasTable: false };
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

/**
 * Whether a placeholder lies inside a span. `byStart` is sorted by start: a binary search for the first that starts
 * in it, then only those that start in it (was every placeholder for every item: a 130,000-item list, 17 s).
 */
function placeholderWithin(span: { start: number; end: number }, byStart: PlaceholderHit[]): boolean {
  return placeholdersWithin(span, byStart, 1).length > 0;
}

/** The placeholders inside a span (at most `limit`), as placeholderWithin finds them. */
function placeholdersWithin(span: { start: number; end: number }, byStart: PlaceholderHit[], limit = Infinity): PlaceholderHit[] {
  let lo = 0;
  let hi = byStart.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byStart[mid].span.start < span.start) lo = mid + 1;
    else hi = mid;
  }
  const found: PlaceholderHit[] = [];
  for (let i = lo; i < byStart.length && byStart[i].span.start <= span.end && found.length < limit; i++) if (byStart[i].span.end <= span.end) found.push(byStart[i]);
  return found;
}

/** Runs one check with its kind's implementation. */
function runCheck<K extends ElementCheck['kind']>(check: Extract<ElementCheck, { kind: K }>, base: Omit<CheckInput<K>, 'check'>): void {
  (CHECKS[check.kind] as CheckFn<K>)({ ...base, check });
}

export function evaluateElements(
  model: DocumentModel,
  compiled: CompiledChecklist,
  matches: Map<string, ElementMatch>,
  placeholders: PlaceholderHit[],
): ElementEvaluation[] {
  const byStart = [...placeholders].sort((a, b) => a.span.start - b.span.start);
  return compiled.elements.map(({ element }) => {
    const match = matches.get(element.id) ?? null;
    const evaluation: ElementEvaluation = { element, match, items: [], reasons: [], problems: [] };
    if (!match) return evaluation;
    const content = contentOf(match);
    evaluation.items = content.items;
    const visible = plain(content.text.replace(/<!--[\s\S]*?-->/g, ''));
    if (!visible && content.items.length === 0) {
      // Its name is where the weakness is (a match found only inside a table has no candidate of its own).
      evaluation.reasons.push({ ruleId: 'empty-section', messageId: 'reason.empty', data: {}, spans: match.candidates.slice(0, 1).map((c) => c.span) });
      return evaluation;
    }
    const spanAll = { start: match.candidates[0].fullSpan.start, end: match.candidates[match.candidates.length - 1].fullSpan.end };
    const inside = placeholdersWithin(spanAll, byStart);
    if (inside.length) {
      evaluation.reasons.push({ ruleId: 'placeholder', messageId: 'reason.placeholder', data: {}, spans: inside.map((h) => h.span) });
    }
    const filled = content.items.filter((i) => !placeholderWithin(i.span, byStart) && plain(i.text).length > 0);
    // Where the content is a list, a table or subsections, a paragraph around them introduces them.
    const structured = filled.some((i) => i.kind !== 'paragraph');
    const items = structured ? filled.filter((i) => i.kind !== 'paragraph') : filled;
    const heading = match.candidates[0];
    // Messages name the place as the document names it ("Key dates", 冷启动节奏), not by the checklist's title.
    const named = placeName(heading.label, element.title);
    const base = { element, match, content, items, heading, named, source: model.text, placeholders, out: evaluation };
    for (const check of element.checks ?? []) runCheck(check, base);
    return evaluation;
  });
}
