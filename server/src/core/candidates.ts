// Element candidates below the headings: bold lead-in labels ("**Pains:** ..."), labelled list items, table
// column headers and row labels; and the items (list items, rows, paragraphs) of a block.
import type { Heading, ListItem, Paragraph, PhrasingContent, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Candidate, Item } from './model';
import { pushAll, spanOf } from './nodes';
import { normalizeLabel } from './text';
import type { Span } from './types';

export function blockItems(text: string, node: RootContent): Item[] {
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

export function collectInlineCandidates(text: string, nodes: RootContent[], out: Candidate[]): void {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node.type === 'paragraph') paragraphCandidates(text, nodes, i, out);
    else if (node.type === 'list') {
      for (const li of node.children) {
        listItemCandidate(text, li, out);
        collectInlineCandidates(text, li.children.slice(1) as RootContent[], out);
      }
    } else if (node.type === 'table') collectTableCandidates(text, node, out);
    else if (node.type === 'blockquote') collectInlineCandidates(text, node.children as RootContent[], out);
  }
}

/** The blocks after `nodes[i]` that a label alone on its line takes, up to `stop`: their items and where they end. */
function followingBlocks(text: string, nodes: RootContent[], i: number, end: number, stop: (next: RootContent) => boolean): { items: Item[]; end: number; hasTable: boolean } {
  const items: Item[] = [];
  let hasTable = false;
  for (let j = i + 1; j < nodes.length; j++) {
    const next = nodes[j];
    if (stop(next)) break;
    pushAll(items, blockItems(text, next));
    if (next.type === 'table') hasTable = true;
    end = spanOf(next).end;
  }
  return { items, end, hasTable };
}

/** A paragraph that starts with a label: one candidate, or one per line when each line has its own label. */
function paragraphCandidates(text: string, nodes: RootContent[], i: number, out: Candidate[]): void {
  const node = nodes[i] as Paragraph;
  const lead = leadInLabel(text, node);
  if (!lead) return;
  const paraEnd = spanOf(node).end;
  // "**Pain:** ...", "**Promise:** ...", "**Proof:**" on consecutive lines are one paragraph in Markdown, and
  // one label per line to a reader ("Owner: Jun / Status: draft / Launch date: ..." too).
  const lines = labelLines(text, spanOf(node).start, paraEnd);
  if (lines.length >= 2) {
    lines.forEach((line, k) => {
      const last = k === lines.length - 1;
      let end = last ? paraEnd : lines[k + 1].lineStart;
      while (end > line.restStart && /\s/.test(text[end - 1])) end--;
      let items: Item[] = [];
      let hasTable = false;
      if (text.slice(line.restStart, end).trim()) items.push({ kind: 'text', span: { start: line.restStart, end }, text: text.slice(line.restStart, end) });
      else if (last) {
        // The last label alone on its line takes the blocks that follow, as a lone label does.
        ({ items, end, hasTable } = followingBlocks(text, nodes, i, end, (next) => next.type === 'heading' || (next.type === 'paragraph' && leadInLabel(text, next) !== null)));
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
    return;
  }
  let body: { items: Item[]; end: number; hasTable: boolean };
  if (text.slice(lead.restStart, paraEnd).trim().length > 0) {
    body = { items: [{ kind: 'text', span: { start: lead.restStart, end: paraEnd }, text: text.slice(lead.restStart, paraEnd) }], end: paraEnd, hasTable: false };
  } else {
    // A label alone on its line: its content is what follows, up to the next label or heading.
    body = followingBlocks(text, nodes, i, paraEnd, (next) => {
      if (next.type === 'heading') return true;
      const nextLead = next.type === 'paragraph' ? leadInLabel(text, next) : null;
      return nextLead !== null && text.slice(nextLead.restStart, spanOf(next).end).trim() === '';
    });
  }
  out.push({
    kind: 'label',
    label: lead.label,
    normalized: normalizeLabel(lead.label),
    span: { start: lead.span.start, end: lead.span.end },
    fullSpan: { start: spanOf(node).start, end: body.end },
    items: body.items,
    contentText: text.slice(lead.restStart, body.end),
    hasTable: body.hasTable,
    question: /[?？]\s*$/u.test(lead.label),
  });
}

/** A list item whose first paragraph starts with a label ("- **Owner:** Jun"): its text and nested blocks. */
function listItemCandidate(text: string, li: ListItem, out: Candidate[]): void {
  const para = li.children[0];
  if (!para || para.type !== 'paragraph') return;
  const lead = leadInLabel(text, para);
  if (!lead) return;
  const liSpan = spanOf(li);
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
    contentText: text.slice(lead.restStart, liSpan.end),
    hasTable: nested.some((n) => n.type === 'table'),
  });
}

/** A table cell's span without its pipes and padding. */
export function cellContent(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && (text[start] === '|' || text[start] === ' ' || text[start] === '\t')) start++;
  while (end > start && (text[end - 1] === '|' || text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return { start, end };
}

export function cellText(cell: { children: PhrasingContent[] }): string {
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
