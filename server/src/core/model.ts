// The document model: what the rules see. Built once per text version by parse.ts.

import type { Root, RootContent, Table, Paragraph, Heading, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { LineIndex, normalizeLabel } from './text';
import type { Span } from './types';

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

export function spanOf(node: { position?: { start: { offset?: number }; end: { offset?: number } } }): Span {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

/** The spans of a node's text, outside code, inline code, HTML and front matter: the author's own words. */
export function* textRuns(node: Root | RootContent): Generator<Span> {
  if (node.type === 'code' || node.type === 'html' || node.type === 'yaml' || node.type === 'inlineCode') return;
  if (node.type === 'text') {
    yield spanOf(node);
    return;
  }
  if ('children' in node) for (const child of node.children as RootContent[]) yield* textRuns(child);
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

/** Appends `from` to `into` one by one: `into.push(...from)` throws a RangeError past ~100,000 elements. */
export function pushAll<T>(into: T[], from: readonly T[]): void {
  for (const x of from) into.push(x);
}

function blockItems(text: string, node: RootContent): Item[] {
  const sp = spanOf(node);
  switch (node.type) {
    case 'list':
      return node.children.map((li) => ({ kind: 'list-item' as const, span: spanOf(li), text: text.slice(spanOf(li).start, spanOf(li).end) }));
    case 'table': {
      const header = (node.children[0]?.children ?? []).map((c) => cellText(c));
      return node.children.slice(1).map((row) => ({
        kind: 'table-row' as const,
        span: spanOf(row),
        text: text.slice(spanOf(row).start, spanOf(row).end),
        header,
        cells: row.children.map((c) => ({ text: toString(c as unknown as Heading, { includeHtml: false }), span: cellContent(text, spanOf(c)) })),
      }));
    }
    case 'paragraph':
      return [{ kind: 'paragraph', span: sp, text: text.slice(sp.start, sp.end) }];
    case 'blockquote':
      return [{ kind: 'quote', span: sp, text: text.slice(sp.start, sp.end) }];
    default:
      return [];
  }
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

/** "**Pains:** ...", "**Pains**" alone, or "Owner: Jane" at the start of a paragraph or list item. */
function leadInLabel(text: string, para: Paragraph): { label: string; span: Span; restStart: number } | null {
  let first = para.children[0];
  if (!first) return null;
  // "| **Proof points** | ..." cut off from its table by a blank line reads as a paragraph: still a row label.
  if (first.type === 'text' && /^\|\s*$/.test(first.value) && para.children[1]?.type === 'strong') {
    const strong = para.children[1];
    const after = para.children[2];
    if (after && after.type === 'text' && /^\s*\|/.test(after.value)) {
      const sp = spanOf(strong);
      const rest = text.slice(sp.end).match(/^\s*\|\s*/)![0].length;
      return { label: toString(strong, { includeHtml: false }), span: sp, restStart: sp.end + rest };
    }
    first = strong;
  }
  if (first.type === 'strong' && first === para.children[0]) {
    const label = toString(first, { includeHtml: false });
    const sp = spanOf(first);
    const after = para.children[1];
    const afterText = after && after.type === 'text' ? after.value : '';
    // "**Pains:** ...", "**Pains**: ...", and the run-in style "**Snapshot.** Quaystone is ..."
    const endsWithColon = /[:：]\s*$/u.test(label) || /^\s*[:：]/u.test(afterText) || (/^[^.。]{2,40}[.。]$/u.test(label.trim()) && label.trim().split(/\s+/).length <= 5);
    // Alone in the paragraph, or alone on its line with the content on the next ("**谁来拍板**\n决策者：…").
    const alone = para.children.length === 1 || (after?.type === 'break') || /^[ \t]*\r?\n/.test(afterText);
    if (!endsWithColon && !alone) return null;
    if (label.length > 80) return null;
    let restStart = sp.end;
    const colon = /^\s*[:：]\s*/u.exec(text.slice(restStart, restStart + 8));
    if (colon) restStart += colon[0].length;
    return { label, span: sp, restStart };
  }
  if (first.type === 'text') {
    const m = /^([^:：\n]{2,40}?)\s*[:：]\s*/u.exec(first.value);
    if (!m) return null;
    if (m[1].split(/\s+/).length > 5) return null;
    if (/https?$/i.test(m[1])) return null;
    const start = spanOf(first).start;
    return { label: m[1], span: { start, end: start + m[1].length }, restStart: start + m[0].length };
  }
  return null;
}

/** Lines of a paragraph that start with a label ("**Pains:**", "**Snapshot.**", "Owner:"), with their offsets. */
function labelLines(text: string, start: number, end: number): Array<{ label: string; span: Span; restStart: number; lineStart: number }> {
  const out: Array<{ label: string; span: Span; restStart: number; lineStart: number }> = [];
  const re = /[^\r\n]+/g;
  const body = text.slice(start, end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) {
    const lineStart = start + m.index;
    // A label stands at the start of its line: its first 120 characters are enough (and keep the tests linear on
    // a line of 16,000 spaces).
    const line = m[0].slice(0, 120);
    const bold = /^(\s*)(\*\*|__)([^*_\n]{1,80}?)\2(\s*[:：]\s*)?/u.exec(line);
    if (bold && (bold[4] || /[:：.。]$/u.test(bold[3].trim()) || bold[0].length === line.trimEnd().length)) {
      const at = lineStart + bold[1].length;
      out.push({ label: bold[3], span: { start: at, end: at + bold[2].length * 2 + bold[3].length }, restStart: lineStart + bold[0].length, lineStart });
      continue;
    }
    const plainLabel = /^(\s*)([^:：\n*_|#>]{2,40}?)\s*[:：]\s*/u.exec(line);
    if (plainLabel && plainLabel[2].trim().split(/\s+/).length <= 5 && !/https?$/i.test(plainLabel[2])) {
      const at = lineStart + plainLabel[1].length;
      out.push({ label: plainLabel[2], span: { start: at, end: at + plainLabel[2].length }, restStart: lineStart + plainLabel[0].length, lineStart });
    }
  }
  // Only a paragraph whose first line is a label and that has more than one is split.
  return out.length >= 2 && out[0].lineStart === start ? out : [];
}

function collectInlineCandidates(text: string, nodes: RootContent[], out: Candidate[]): void {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node.type === 'paragraph') {
      const lead = leadInLabel(text, node);
      if (!lead) continue;
      const paraEnd = spanOf(node).end;
      // "**Pain:** ...", "**Promise:** ...", "**Proof:**" on consecutive lines are one paragraph in Markdown, and
      // one label per line to a reader ("Owner: Jun / Status: draft / Launch date: ..." too).
      const lines = labelLines(text, spanOf(node).start, paraEnd);
      if (lines.length >= 2) {
        lines.forEach((line, k) => {
          const last = k === lines.length - 1;
          let end = last ? paraEnd : lines[k + 1].lineStart;
          while (end > line.restStart && /\s/.test(text[end - 1])) end--;
          const items: Item[] = [];
          let hasTable = false;
          if (text.slice(line.restStart, end).trim()) items.push({ kind: 'text', span: { start: line.restStart, end }, text: text.slice(line.restStart, end) });
          else if (last) {
            // The last label alone on its line takes the blocks that follow, as a lone label does.
            for (let j = i + 1; j < nodes.length; j++) {
              const next = nodes[j];
              if (next.type === 'heading' || (next.type === 'paragraph' && leadInLabel(text, next))) break;
              pushAll(items, blockItems(text, next));
              if (next.type === 'table') hasTable = true;
              end = spanOf(next).end;
            }
          }
          out.push({
            kind: 'label',
            label: line.label,
            normalized: normalizeLabel(line.label),
            span: line.span,
            fullSpan: { start: line.lineStart, end: Math.max(end, line.span.end) },
            items,
            contentText: text.slice(line.restStart, Math.max(end, line.restStart)),
            hasTable,
          });
        });
        continue;
      }
      let items: Item[];
      let end = paraEnd;
      let hasTable = false;
      if (text.slice(lead.restStart, paraEnd).trim().length > 0) {
        items = [{ kind: 'text', span: { start: lead.restStart, end: paraEnd }, text: text.slice(lead.restStart, paraEnd) }];
      } else {
        // A label alone on its line: its content is what follows, up to the next label or heading.
        items = [];
        let j = i + 1;
        for (; j < nodes.length; j++) {
          const next = nodes[j];
          if (next.type === 'heading') break;
          const nextLead = next.type === 'paragraph' ? leadInLabel(text, next) : null;
          if (nextLead && text.slice(nextLead.restStart, spanOf(next).end).trim() === '') break;
          pushAll(items, blockItems(text, next));
          if (next.type === 'table') hasTable = true;
          end = spanOf(next).end;
        }
      }
      out.push({
        kind: 'label',
        label: lead.label,
        normalized: normalizeLabel(lead.label),
        span: { start: lead.span.start, end: lead.span.end },
        fullSpan: { start: spanOf(node).start, end },
        items,
        contentText: text.slice(lead.restStart, end),
        hasTable,
        question: /[?？]\s*$/u.test(lead.label),
      });
    } else if (node.type === 'list') {
      for (const li of node.children) {
        const para = li.children[0];
        if (para && para.type === 'paragraph') {
          const lead = leadInLabel(text, para);
          if (lead) {
            const liSpan = spanOf(li);
            const rest = text.slice(lead.restStart, liSpan.end);
            const nested = li.children.slice(1) as RootContent[];
            const items: Item[] = [];
            const firstRest = text.slice(lead.restStart, spanOf(para).end);
            if (firstRest.trim()) items.push({ kind: 'text', span: { start: lead.restStart, end: spanOf(para).end }, text: firstRest });
            for (const n of nested) pushAll(items, blockItems(text, n));
            out.push({
              kind: 'label',
              label: lead.label,
              normalized: normalizeLabel(lead.label),
              span: { start: lead.span.start, end: lead.span.end },
              fullSpan: liSpan,
              items,
              contentText: rest,
              hasTable: nested.some((n) => n.type === 'table'),
            });
          }
        }
        collectInlineCandidates(text, li.children.slice(1) as RootContent[], out);
      }
    } else if (node.type === 'table') {
      collectTableCandidates(text, node, out);
    } else if (node.type === 'blockquote') {
      collectInlineCandidates(text, node.children as RootContent[], out);
    }
  }
}

/** A table cell's span without its pipes and padding. */
export function cellContent(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && (text[start] === '|' || text[start] === ' ' || text[start] === '\t')) start++;
  while (end > start && (text[end - 1] === '|' || text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return { start, end };
}

function cellText(cell: { children: PhrasingContent[] }): string {
  return toString(cell as unknown as Heading, { includeHtml: false });
}

function isBoldCell(cell: { children: PhrasingContent[] }): boolean {
  const kids = cell.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  return kids.length >= 1 && kids[0].type === 'strong';
}

function collectTableCandidates(text: string, table: Table, out: Candidate[]): void {
  const rows = table.children;
  if (rows.length === 0) return;
  const bodyRows = rows.slice(1);
  const firstCells = rows.map((r) => r.children[0]).filter(Boolean);
  const boldFirst = firstCells.filter((c) => isBoldCell(c)).length;
  const keyValue = firstCells.length > 0 && boldFirst / firstCells.length >= 0.5;
  const tableSpan = spanOf(table);

  if (!keyValue) {
    // Column headers name elements; the column's cells are the content. Read row by row, each row's own cells:
    // a short row under a wide header costs its own cells, not the header's width.
    const header = rows[0];
    const labels = header.children.map((cell) => cellText(cell));
    const columns: Item[][] = labels.map(() => []);
    for (const row of bodyRows) {
      const cells = row.children;
      for (let col = 0; col < cells.length && col < columns.length; col++) {
        if (!labels[col].trim()) continue;
        const sp = spanOf(cells[col]);
        const t = text.slice(sp.start, sp.end).replace(/^\|/, '').replace(/\|$/, '');
        if (t.trim()) columns[col].push({ kind: 'table-row', span: sp, text: t });
      }
    }
    header.children.forEach((cell, col) => {
      const label = labels[col];
      if (!label.trim()) return;
      const items = columns[col];
      out.push({
        kind: 'table-column',
        label,
        normalized: normalizeLabel(label),
        span: spanOf(cell),
        fullSpan: tableSpan,
        items,
        contentText: items.map((i) => i.text).join('\n'),
        hasTable: true,
      });
    });
  }
  // Row labels in the first column (every row of a key/value table; body rows otherwise).
  for (const row of keyValue ? rows : bodyRows) {
    const first = row.children[0];
    if (!first) continue;
    const label = cellText(first);
    if (!label.trim() || label.length > 60) continue;
    const items: Item[] = [];
    for (const cell of row.children.slice(1)) {
      const sp = spanOf(cell);
      const t = text.slice(sp.start, sp.end).replace(/^\|/, '').replace(/\|$/, '');
      if (t.trim()) {
        // "- a <br> - b" inside a cell is a list written in one cell.
        const parts = t.split(/<br\s*\/?>/i).filter((p) => p.replace(/^\s*[-*•]\s*/, '').trim());
        if (parts.length > 1) {
          let pos = sp.start;
          for (const p of parts) {
            const at = text.indexOf(p, pos);
            items.push({ kind: 'table-row', span: { start: at, end: at + p.length }, text: p });
            pos = at + p.length;
          }
        } else items.push({ kind: 'table-row', span: sp, text: t });
      }
    }
    const rowSpan = spanOf(row);
    out.push({
      kind: 'table-row',
      label,
      normalized: normalizeLabel(label),
      span: spanOf(first),
      fullSpan: rowSpan,
      items,
      contentText: text.slice(spanOf(first).end, rowSpan.end),
      hasTable: true,
    });
  }
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
