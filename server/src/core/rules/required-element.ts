import { lineStartOf } from '../text';
import type { Analysis, Rule } from './rule';
import type { ChecklistElement, Span } from '../types';

/** Where a missing element goes: before the next element present in checklist order, else after the previous. */
export function insertionPoint(analysis: Analysis, elementId: string): number {
  const { checklist, matches, model } = analysis;
  const ids = checklist.elements.map((e) => e.id);
  const at = ids.indexOf(elementId);
  for (let i = at + 1; i < ids.length; i++) {
    const m = matches.get(ids[i]);
    const first = m?.candidates.find((c) => c.kind === 'heading');
    if (first) return lineStart(model.text, first.fullSpan.start);
  }
  for (let i = at - 1; i >= 0; i--) {
    const m = matches.get(ids[i]);
    const last = m ? [...m.candidates].reverse().find((c) => c.kind === 'heading') : undefined;
    if (last) return last.fullSpan.end;
  }
  return model.text.length;
}

const lineStart = lineStartOf;

/** The heading level the document uses for its elements (2 by default). */
export function elementHeadingLevel(analysis: Analysis): number {
  const levels: number[] = [];
  for (const m of analysis.matches.values()) for (const c of m.candidates) if (c.section) levels.push(c.section.level);
  if (levels.length === 0) return 2;
  const counts = new Map<number, number>();
  for (const l of levels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
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

/** Where document-level findings point: the title, else the first line of content. */
export function documentAnchor(analysis: Analysis): Span {
  const { model } = analysis;
  if (model.title) return model.title.headingSpan;
  // The first line with text after the front matter.
  const m = /\S/.exec(model.text.slice(model.contentStart));
  const start = m ? model.contentStart + m.index : model.contentStart;
  const end = model.text.slice(start).search(/\r?\n|$/);
  return { start, end: start + end };
}

export const requiredElement: Rule = {
  meta: {
    id: 'required-element',
    type: 'problem',
    description: { en: 'A required element of the document type is missing.', zh: '缺少该文档类型要求的要素。' },
    defaultSeverity: 'error',
    messages: ['required-element.missing', 'required-element.standIn'],
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
          data: { title: el.title.en, titleZh: el.title.zh, label: ev.standIn.label, slots: ev.standIn.missing, complete: el.complete.en, completeZh: el.complete.zh },
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
