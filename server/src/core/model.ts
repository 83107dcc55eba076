// The document model: what the rules see. Built once per text version by parse.ts.

import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { blockItems, collectInlineCandidates } from './candidates';
import { pushAll, spanOf } from './nodes';
import { LineIndex, normalizeLabel } from './text';
import type { Span } from './types';

export { cellContent } from './candidates';
export { pushAll, spanOf, textRuns } from './nodes';

export interface FrontMatter {
  /** The whole block including the --- fences. */
  span: Span;
  /** The YAML text between the fences, and where it starts. */
  raw: string;
  rawStart: number;
  data: Record<string, unknown> | null;
  errors: Array<{ message: string; span: Span }>;
  /** Top-level keys in order, with their places (from the YAML parser; with broken YAML, those it read). */
  entries: FrontMatterEntry[];
  /** The document type it declares (`type:` or another spelling of that key), or null. */
  declaredType: DeclaredType | null;
}

export interface FrontMatterEntry {
  key: string;
  /** The key as written (quotes included). */
  keySpan: Span;
  /** The value as written, without a trailing comment; null when empty (`type:`). */
  valueSpan: Span | null;
}

/**
 * A declared document type. A value that is not text (`type: 123`, `type: [a, b]`, a mapping) names no type: its
 * `value` is empty, which matches none, and `notText` is the value as written, which the front-matter rule reports.
 */
export interface DeclaredType {
  value: string;
  /** Where its key starts: findings and edits point at that line. */
  offset: number;
  notText?: string;
}

/** A unit of content that checks count and test: a list item, a table row, a paragraph, a subsection. */
export interface Item {
  kind: 'list-item' | 'table-row' | 'paragraph' | 'subsection' | 'quote' | 'text';
  span: Span;
  /** Source text of the item (Markdown, so links and quotes stay visible to the checks). */
  text: string;
  /** A table row's cells, and its table's header cells: checks read a table by its columns. */
  cells?: Array<{ text: string; span: Span }>;
  header?: string[];
}

export interface Section {
  index: number;
  heading: string;
  normalized: string;
  level: number;
  headingSpan: Span;
  /** From the end of the heading line to the end of the section (subsections included). */
  bodySpan: Span;
  /** The section's own top-level blocks, before its first subsection. */
  blocks: RootContent[];
  children: number[];
  parent: number | null;
}

export type CandidateKind = 'heading' | 'label' | 'table-column' | 'table-row' | 'phrase';

/** A place that can mark an element: a heading, a bold lead-in label, a table header or row label. */
export interface Candidate {
  kind: CandidateKind;
  label: string;
  normalized: string;
  /** Where the label itself is. */
  span: Span;
  /** The whole candidate: label plus content. */
  fullSpan: Span;
  /** The content's items. */
  items: Item[];
  /** The content without the label, as source text. */
  contentText: string;
  /** For headings: the section. */
  section?: Section;
  /** Whether the content holds a table. */
  hasTable: boolean;
  /** The label is a question ("Why are personas important?"). */
  question?: boolean;
}

export interface DocumentModel {
  text: string;
  lines: LineIndex;
  root: Root;
  frontMatter: FrontMatter | null;
  sections: Section[];
  candidates: Candidate[];
  /** The first level-1 heading, if any. */
  title: Section | null;
  /** Where content starts (after front matter). */
  contentStart: number;
}

/** Builds sections and element candidates from a parsed tree. */
export function buildModel(text: string, root: Root, lines: LineIndex, frontMatter: FrontMatter | null): DocumentModel {
  const sections: Section[] = [];
  const stack: Section[] = [];
  const candidates: Candidate[] = [];
  const top = root.children;
  let current: Section | null = null;

  for (const node of top) {
    if (node.type === 'heading') {
      const sp = spanOf(node);
      // Close the open sections at the same or a deeper level: the top of the stack (its levels only grow).
      if (stack.length && stack[stack.length - 1].level >= node.depth) {
        const end = lineStartBefore(text, sp.start);
        while (stack.length && stack[stack.length - 1].level >= node.depth) stack.pop()!.bodySpan.end = end;
      }
      const parent = stack.length ? stack[stack.length - 1] : null;
      const headingText = toString(node, { includeHtml: false });
      const section: Section = {
        index: sections.length,
        heading: headingText,
        normalized: normalizeLabel(headingText),
        level: node.depth,
        headingSpan: sp,
        bodySpan: { start: sp.end, end: text.length },
        blocks: [],
        children: [],
        parent: parent ? parent.index : null,
      };
      if (parent) parent.children.push(section.index);
      sections.push(section);
      stack.push(section);
      current = section;
    } else if (node.type !== 'yaml') {
      if (current) current.blocks.push(node);
    }
  }

  for (const section of sections) {
    const items = sectionItems(text, section, sections);
    const question = /[?？]\s*$/u.test(section.heading);
    const contentText = text.slice(section.bodySpan.start, section.bodySpan.end);
    candidates.push({
      kind: 'heading',
      label: section.heading,
      normalized: section.normalized,
      span: section.headingSpan,
      fullSpan: { start: section.headingSpan.start, end: section.bodySpan.end },
      items,
      contentText,
      section,
      hasTable: containsTable(section, sections),
      question,
    });
  }
  collectInlineCandidates(text, top, candidates);

  const title = sections.find((s) => s.level === 1) ?? null;
  return {
    text,
    lines,
    root,
    frontMatter,
    sections,
    candidates,
    title,
    contentStart: frontMatter ? frontMatter.span.end : 0,
  };
}

function lineStartBefore(text: string, offset: number): number {
  // The section ends where the next heading's line begins, minus the line break before it.
  let end = offset;
  while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r' || text[end - 1] === ' ')) end--;
  return end;
}

function containsTable(section: Section, sections: Section[]): boolean {
  if (section.blocks.some((b) => b.type === 'table')) return true;
  return section.children.some((c) => containsTable(sections[c], sections));
}

function sectionItems(text: string, section: Section, sections: Section[]): Item[] {
  const items: Item[] = [];
  for (const block of section.blocks) pushAll(items, blockItems(text, block));
  for (const c of section.children) {
    const child = sections[c];
    items.push({ kind: 'subsection', span: { start: child.headingSpan.start, end: child.bodySpan.end }, text: text.slice(child.headingSpan.start, child.bodySpan.end) });
  }
  return items;
}

/**
 * The deepest section whose body holds an offset: the last section whose heading starts before it (binary
 * search over document order), then up its parents until one holds it.
 */
export function sectionAt(sections: Section[], offset: number): Section | null {
  let lo = 0;
  let hi = sections.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sections[mid].headingSpan.start < offset) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let s: Section | null = at >= 0 ? sections[at] : null; s; s = s.parent === null ? null : sections[s.parent]) {
    if (offset <= s.bodySpan.end) return s;
  }
  return null;
}
