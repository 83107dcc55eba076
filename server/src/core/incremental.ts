// Incremental parsing for the editor: after an edit, re-parse only the top-level blocks between the stable seams
// around the change (ATX headings, and blocks that start at column 0 after a blank line), and splice them into the
// previous tree. Falls back to a full parse whenever the splice could differ from one (edits in front matter,
// link definitions, lists at the seams, a fenced code or HTML block at the end of the window that could run on).
// test/core/incremental.test.ts checks the result equals a full parse on random documents and edits.

import type { Nodes, Root, RootContent } from 'mdast';
import { lineStartOf } from './text';

export interface ParsedText {
  text: string;
  root: Root;
  /** The tree holds link reference definitions (which resolve across the whole text): no splicing then. */
  definitions: boolean;
}

/** What was re-parsed: the window of the new text, or null for a full parse. */
export interface ParseStats {
  incremental: boolean;
  windowStart: number;
  windowEnd: number;
}

const DEFINITION_RE = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:/m;

/** The changed region: [start, oldEnd) of the old text became [start, newEnd) of the new one. */
export function changedRegion(oldText: string, newText: string): { start: number; oldEnd: number; newEnd: number } {
  const max = Math.min(oldText.length, newText.length);
  let start = 0;
  while (start < max && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  let oldEnd = oldText.length;
  let newEnd = newText.length;
  while (oldEnd > start && newEnd > start && oldText.charCodeAt(oldEnd - 1) === newText.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, newEnd };
}

function startOffset(n: { position?: { start: { offset?: number } } }): number {
  return n.position?.start.offset ?? -1;
}

const lineStart = lineStartOf;

/** An ATX heading (`## x`): a seam that no edit before it can change. A setext heading can absorb the lines above. */
function isAtxHeading(node: RootContent, text: string): boolean {
  if (node.type !== 'heading') return false;
  const at = startOffset(node);
  return /^ {0,3}#/.test(text.slice(lineStart(text, at), at + 1));
}

const BLANK_LINE_RE = /^[ \t]*(?:\r\n|\r|\n)$/;

/**
 * A block that starts on its own after a blank line, at column 0. Neither an edit before it nor one after it
 * (below its first line) changes how it starts or what ends before it: a construct that opened before it closed
 * before it (it is a top-level block of its own); a col-0 line after a blank line ends every open paragraph,
 * quote, table, list item or indented code, and lazy and setext lines need no blank line. The one join across a
 * blank line is a list item continuing a list of the same kind: two lists side by side are no seam, and the window
 * that ends before a list must not end with one (checked after parsing it). A block after code is no seam either,
 * see below.
 */
function isBlankLineSeam(children: RootContent[], k: number, text: string): boolean {
  const node = children[k];
  const before = children[k - 1];
  if (!before || (node.type === 'list' && before.type === 'list')) return false;
  // micromark reads the block after indented code as if it interrupted a paragraph ("1. " alone is then text).
  if (before.type === 'code') return false;
  const s = startOffset(node);
  if (s <= 0 || s !== lineStart(text, s)) return false;
  const c = text.charCodeAt(s);
  if (c === 32 || c === 9) return false;
  return BLANK_LINE_RE.test(text.slice(previousLineStart(text, s), s));
}

/** The start of the line before the one that starts at `s` (a CRLF is one line break). */
function previousLineStart(text: string, s: number): number {
  const end = text.charCodeAt(s - 1) === 10 && text.charCodeAt(s - 2) === 13 ? s - 2 : s - 1;
  return lineStart(text, end);
}

/** Where the window may start: a top-level ATX heading (at most 3 spaces in), or a block after a blank line. */
function isStartSeam(children: RootContent[], k: number, text: string): boolean {
  // Not a `---` line: at the start of a fragment the front matter syntax reads it first, which changes the parse
  // of what follows.
  return isAtxHeading(children[k], text) || (isBlankLineSeam(children, k, text) && !text.startsWith('---', startOffset(children[k])));
}

/**
 * Where the window may end, for a change that ends at oldEnd: a heading at column 0 on a line after the change (an
 * indented one can join a list the edit makes), or a block whose blank line before it is after the change.
 */
function isEndSeam(children: RootContent[], k: number, text: string, oldEnd: number): boolean {
  const s = startOffset(children[k]);
  const ls = lineStart(text, s);
  if (ls <= oldEnd) return false;
  if (isAtxHeading(children[k], text) && s === ls) return true;
  return previousLineStart(text, ls) > oldEnd && isBlankLineSeam(children, k, text);
}

/**
 * Moves a node's positions, in place. The nodes after the window are shared with the previous tree, which is
 * thereby retired: only the newest tree of a document is ever read (results of older versions keep their
 * findings, not their tree).
 */
function shift(node: Nodes, offset: number, lines: number): void {
  const p = node.position;
  if (p) {
    if (p.start.offset !== undefined) p.start.offset += offset;
    if (p.end.offset !== undefined) p.end.offset += offset;
    p.start.line += lines;
    p.end.line += lines;
  }
  if ('children' in node) {
    const children = node.children as Nodes[];
    for (let i = 0; i < children.length; i++) shift(children[i], offset, lines);
  }
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

/** The end of the last line of a text that is not blank (before its line break). */
function contentLineEnd(text: string): number {
  let i = text.length;
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  return i;
}

export function hasDefinitions(node: Nodes): boolean {
  if (node.type === 'definition' || node.type === 'footnoteDefinition') return true;
  return 'children' in node && (node.children as Nodes[]).some(hasDefinitions);
}

/**
 * Parses `text`, reusing `previous` (the last text and its tree, which it retires) when the change allows.
 * `parse` is the full parser; the result's positions are those a full parse would give.
 */
export function parseIncrementally(previous: ParsedText | null, text: string, parse: (text: string) => Root): ParsedText & { stats: ParseStats } {
  const full = () => {
    const root = parse(text);
    return { text, root, definitions: hasDefinitions(root), stats: { incremental: false, windowStart: 0, windowEnd: text.length } };
  };
  if (previous && previous.text === text) return { ...previous, stats: { incremental: true, windowStart: 0, windowEnd: 0 } };
  if (!previous) return full();
  const old = previous.text;
  const { start, oldEnd, newEnd } = changedRegion(old, text);
  const children = previous.root.children;
  if (children.length === 0 || (children[0].type === 'yaml' && start <= (children[0].position?.end.offset ?? 0) + 1)) return full();
  // An unclosed front matter fence changes how the rest of the text parses (it is not context-free): no splicing.
  if (children[0].type !== 'yaml' && (/^-{3}/.test(old) || /^-{3}/.test(text))) return full();
  // Link reference definitions resolve across the whole document.
  if (DEFINITION_RE.test(text.slice(lineStart(text, start), Math.min(text.length, newEnd + 200))) || DEFINITION_RE.test(old.slice(lineStart(old, start), Math.min(old.length, oldEnd + 200)))) return full();
  if (previous.definitions) return full();

  // The window: from the last seam (a top-level ATX heading, or a block after a blank line) that starts before
  // the changed line to the first seam that starts after the change, in old coordinates. The seam's own line
  // must be before the changed line: an edit on it can unmake the heading (whose text then joins the paragraph
  // above) or indent the block into the list above. The blank line before an end seam starts after the change
  // (see isEndSeam), so it is still blank in the new text.
  const changedLine = lineStart(old, start);
  let first = -1;
  for (let i = 0; i < children.length; i++) {
    const s = startOffset(children[i]);
    if (s >= changedLine) break;
    if (lineStart(old, s) < changedLine && isStartSeam(children, i, old)) first = i;
  }
  if (first < 0) return full();
  let last = children.length; // exclusive
  for (let i = first + 1; i < children.length; i++) {
    if (isEndSeam(children, i, old, oldEnd)) {
      last = i;
      break;
    }
  }
  const windowStart = lineStart(old, startOffset(children[first]));
  const oldWindowEnd = last < children.length ? lineStart(old, startOffset(children[last])) : old.length;
  const delta = text.length - old.length;
  const newWindowEnd = oldWindowEnd + delta;
  if (newWindowEnd < windowStart || windowStart >= changedLine) return full();

  const windowText = text.slice(windowStart, newWindowEnd);
  const fragment = parse(windowText);
  const parts = fragment.children;
  // The window's first block is the seam's, unchanged: a fragment that starts otherwise parsed differently.
  if (parts.length === 0 || parts[0].type !== children[first].type || startOffset(parts[0]) !== startOffset(children[first]) - windowStart) return full();
  const tail = parts[parts.length - 1];
  // A block that runs until a terminator could, in a full parse, run on past the window.
  if (last < children.length && (tail.type === 'code' || tail.type === 'html')) return full();
  // So could one inside a list or a quote: at the fragment's end it takes in the blank lines there, which before
  // the next block it may not. A tail that ends past its last written line is parsed in full.
  if (last < children.length && (tail.position?.end.offset ?? 0) > contentLineEnd(windowText)) return full();
  // A list at the window's end could take the list after it as more items.
  if (last < children.length && tail.type === 'list' && children[last].type === 'list') return full();
  // Definitions anywhere in the window (in a quote or a list too) resolve references elsewhere.
  if (parts.some((n) => n.type === 'yaml' || hasDefinitions(n))) return full();

  const linesBefore = children[first].position!.start.line - 1;
  // The fragment's positions count from the window's start: move them to the document's.
  for (const n of parts) shift(n, windowStart, linesBefore);
  const lineDelta = countLines(text, windowStart, newWindowEnd) - countLines(old, windowStart, oldWindowEnd);
  const after = children.slice(last);
  if (delta !== 0 || lineDelta !== 0) for (const n of after) shift(n, delta, lineDelta);
  const endLine = (previous.root.position?.end.line ?? 1) + lineDelta;
  const lastLineStart = lineStart(text, text.length);
  const root: Root = {
    type: 'root',
    children: [...children.slice(0, first), ...parts, ...after],
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: endLine, column: text.length - lastLineStart + 1, offset: text.length } },
  };
  return { text, root, definitions: false, stats: { incremental: true, windowStart, windowEnd: newWindowEnd } };
}
