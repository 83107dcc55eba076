import { lineStartOf } from '../text';
import type { Analysis, Rule } from './rule';
import type { ChecklistElement, Span } from '../types';

/** Where a missing element goes: before the next element present in checklist order, else after the previous. */
export function insertionPoint(analysis: Analysis, elementId: string): number {
  const places = elementPlaces(analysis);
  const at = places.index.get(elementId) ?? -1;
  const next = at + 1 < places.nextFrom.length ? places.nextFrom[at + 1] : -1;
  if (next >= 0) return lineStart(analysis.model.text, places.first[next]);
  const prev = at - 1 >= 0 ? places.prevFrom[at - 1] : -1;
  if (prev >= 0) return places.last[prev];
  return analysis.model.text.length;
}

interface ElementPlaces {
  /** Each id's first position in checklist order. */
  index: Map<string, number>;
  /** Per element in checklist order: where its first heading candidate starts and its last one ends (-1: none). */
  first: number[];
  last: number[];
  /** The first element at or after i (the last at or before i) that a heading marks, or -1. */
  nextFrom: number[];
  prevFrom: number[];
}

const placesCache = new WeakMap<Analysis, ElementPlaces>();

/** Computed once per analysis: a document missing many elements does not search the checklist for each. */
function elementPlaces(analysis: Analysis): ElementPlaces {
  const cached = placesCache.get(analysis);
  if (cached) return cached;
  const { checklist, matches } = analysis;
  const n = checklist.elements.length;
  const index = new Map<string, number>();
  const first: number[] = [];
  const last: number[] = [];
  checklist.elements.forEach((e, i) => {
    if (!index.has(e.id)) index.set(e.id, i);
    let f = -1;
    let l = -1;
    for (const c of matches.get(e.id)?.candidates ?? []) {
      if (c.kind !== 'heading') continue;
      if (f < 0) f = c.fullSpan.start;
      l = c.fullSpan.end;
    }
    first.push(f);
    last.push(l);
  });
  const nextFrom = new Array<number>(n);
  for (let i = n - 1, k = -1; i >= 0; i--) nextFrom[i] = k = first[i] >= 0 ? i : k;
  const prevFrom = new Array<number>(n);
  for (let i = 0, k = -1; i < n; i++) prevFrom[i] = k = last[i] >= 0 ? i : k;
  const places = { index, first, last, nextFrom, prevFrom };
  placesCache.set(analysis, places);
  return places;
}

const lineStart = lineStartOf;

const headingLevels = new WeakMap<Analysis, number>();

/** The heading level the document uses for its elements (2 by default). */
export function elementHeadingLevel(analysis: Analysis): number {
  const cached = headingLevels.get(analysis);
  if (cached !== undefined) return cached;
  const counts = new Map<number, number>();
  for (const m of analysis.matches.values()) for (const c of m.candidates) if (c.section) counts.set(c.section.level, (counts.get(c.section.level) ?? 0) + 1);
  const level = counts.size === 0 ? 2 : [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
  headingLevels.set(analysis, level);
  return level;
}

/** A heading plus the checklist's skeleton, in the document's language, ready to insert at `at`. */
export function elementSnippet(analysis: Analysis, element: ChecklistElement, at: number): string {
  const lang = analysis.docLanguage;
  const level = elementHeadingLevel(analysis);
  const heading = lang === 'zh' ? element.headings.zh[0] ?? element.title.zh : element.headings.en[0] ?? element.title.en;
  const body = element.skeleton ? element.skeleton[lang] : '';
  const text = analysis.model.text;
  const before = at > 0 && text[at - 1] !== '\n' ? '\n\n' : at > 1 && text[at - 2] !== '\n' ? '\n' : '';
  const after = at < text.length ? '\n\n' : '\n';
  return `${before}${'#'.repeat(level)} ${heading}\n${body ? '\n' + body.trimEnd() + '\n' : ''}${after}`.replace(/\n{3,}$/, '\n\n');
}

const anchors = new WeakMap<Analysis, Span>();

/** Where document-level findings point: the title, else the first line of content (found once per analysis). */
export function documentAnchor(analysis: Analysis): Span {
  const { model } = analysis;
  if (model.title) return model.title.headingSpan;
  let anchor = anchors.get(analysis);
  if (!anchor) {
    // The first line with text after the front matter.
    const m = /\S/.exec(model.text.slice(model.contentStart));
    const start = m ? model.contentStart + m.index : model.contentStart;
    const end = model.text.slice(start).search(/\r?\n|$/);
    anchor = { start, end: start + end };
    anchors.set(analysis, anchor);
  }
  return { ...anchor };
}

export const requiredElement: Rule = {
  meta: {
    id: 'required-element',
    type: 'problem',
    description: { en: 'A required element of the document type is missing.', zh: '缺少该文档类型要求的要素。' },
    defaultSeverity: 'error',
    messages: {
      'required-element.missing': {
        en: "Missing element '{title}' ({titleOther}): {complete}",
        zh: '缺少要素「{title}」（{titleOther}）：{complete}',
      },
      'required-element.standIn': {
        en: "Missing element '{title}' ({titleOther}): '{label}' is a pitch, not a statement in Moore's form (it has no {slots}). {complete}",
        zh: '缺少要素「{title}」（{titleOther}）：「{label}」只是一句宣传语，还不是按 Moore 模板写的定位声明（缺少：{slots}）。{complete}',
      },
    },
    fixable: true,
  },
  check({ analysis, report }) {
    for (const ev of analysis.evaluations) {
      if (!ev.element.required) continue;
      const el = ev.element;
      if (ev.standIn) {
        report({
          elementId: el.id,
          messageId: 'required-element.standIn',
          data: {
            title: el.title.en,
            titleZh: el.title.zh,
            label: ev.standIn.label,
            slots: ev.standIn.missing,
            slotsZh: ev.standIn.missingZh ?? ev.standIn.missing,
            complete: el.complete.en,
            completeZh: el.complete.zh,
          },
          span: ev.standIn.span,
          severity: 'warning',
        });
        continue;
      }
      if (ev.match) continue;
      const insertAt = insertionPoint(analysis, el.id);
      report({
        elementId: el.id,
        messageId: 'required-element.missing',
        data: { title: el.title.en, titleZh: el.title.zh, complete: el.complete.en, completeZh: el.complete.zh },
        span: documentAnchor(analysis),
        fix: { insertAt, expected: elementSnippet(analysis, el, insertAt) },
      });
    }
  },
};
