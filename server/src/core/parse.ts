// Markdown -> document model. One parse per text; everything else reads the model.

import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import type { Nodes, Parent, Root, Text } from 'mdast';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { parseDocument, type Document } from 'yaml';
import { DUPLICATE_KEY_MESSAGE, duplicateKey, topLevelEntries } from './yaml-keys';
import { buildModel, spanOf, type DeclaredType, type DocumentModel, type FrontMatter, type FrontMatterEntry } from './model';
import { LineIndex } from './text';
import { TextCache } from './text-cache';

/**
 * The syntax PMM documents use beyond CommonMark: YAML front matter, GFM tables and strikethrough. Not GFM's
 * autolink literals (bare URLs as links) nor footnotes: the rules read URLs in the source text anyway, and
 * autolink literals alone double the parse time. Not task lists: no rule reads them, the preview shows no
 * checkboxes, and their `checked` flag is the one thing a spliced tree could get wrong.
 */
function pmmSyntax(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(frontmatter(['yaml']), gfmStrikethrough(), gfmTable());
  (data.fromMarkdownExtensions ??= []).push(frontmatterFromMarkdown(['yaml']), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown());
}

const processor = unified().use(remarkParse).use(pmmSyntax);

/**
 * Parses the text. (The table construct stays on even for text with no pipe: micromark reads "text\n--:" as a
 * one-column table.) Nesting is bounded, see below.
 */
export function parseMarkdown(text: string): Root {
  const capped = capPrefixes(text);
  const root = processor.parse(capped?.text ?? text) as Root;
  const cut = capDepth(root, capped?.text ?? text);
  const at = Math.min(capped?.at ?? Infinity, cut ?? Infinity);
  if (at !== Infinity) nestingCuts.set(root, at);
  return root;
}

// ---- Nesting limits ---------------------------------------------------------------------------------------
//
// micromark reads a line nested n containers deep in time that grows with n squared, and gives a tree n nodes
// deep that recursive walks (ours, mdast-util-to-string, the preview's mdast-util-to-hast) cannot take past a
// few thousand levels: a 10 KB line of "- - - ..." (5,000 nested lists) took 13 s and then overflowed the stack,
// which ended the CLI with no output for any file. So:
// - a line's container prefix (indentation, '>' and list markers) is read up to MAX_PREFIX_COLUMNS columns: the
//   character there is replaced, for the parser only, by a no-break space, so the line's text starts there;
// - a tree is cut at MAX_TREE_DEPTH (emphasis or links nested thousands deep): deeper content becomes one text
//   node.
// Both keep every offset, so findings still point into the document. No real document comes near either limit.
// Both work line by line and block by block, so a window parsed by incremental.ts gets what a full parse gets.

/** Columns of a line's container prefix that the parser reads: up to 100 nested block quotes or 50 lists. */
export const MAX_PREFIX_COLUMNS = 100;
/** Depth of the tree below the root beyond which content is kept as text. */
export const MAX_TREE_DEPTH = 120;

const nestingCuts = new WeakMap<Root, number>();

/** Where a parse cut the nesting short (an offset into the text), for a tree made by parseMarkdown. */
export function nestingCutAt(root: Root): number | undefined {
  return nestingCuts.get(root);
}

const NBSP = '\u00a0';

function isBlankOrEnd(code: number): boolean {
  // space, tab, line feed, carriage return, or past the end (NaN)
  return code === 32 || code === 9 || code === 10 || code === 13 || Number.isNaN(code);
}

/** Replaces the character at which a line's container prefix goes past MAX_PREFIX_COLUMNS; null when none does. */
function capPrefixes(text: string): { text: string; at: number } | null {
  const n = text.length;
  let cuts: number[] | null = null;
  let i = 0;
  while (i < n) {
    let col = 0;
    let j = i;
    for (;;) {
      const c = text.charCodeAt(j);
      let chars = 1;
      let width = 1;
      if (c === 9) width = 4 - (col % 4);
      else if (c === 45 || c === 43 || c === 42) {
        // - + * : a bullet only when a blank or the line's end follows
        if (!isBlankOrEnd(text.charCodeAt(j + 1))) break;
      } else if (c >= 48 && c <= 57) {
        // 1. or 1) : up to nine digits
        let k = j;
        while (k < n && k - j < 9 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
        const d = text.charCodeAt(k);
        if ((d !== 46 && d !== 41) || !isBlankOrEnd(text.charCodeAt(k + 1))) break;
        chars = width = k + 1 - j;
      } else if (c !== 32 && c !== 62) break; // not a space or '>'
      if (col + width > MAX_PREFIX_COLUMNS) {
        (cuts ??= []).push(j);
        break;
      }
      col += width;
      j += chars;
    }
    // The next line (CommonMark line endings: LF, CRLF, CR). A charCodeAt loop, not indexOf: on the external
    // strings that Buffer#toString gives for files over 1 MB, indexOf from a position costs microseconds a call.
    let c = text.charCodeAt(j);
    while (c !== 10 && c !== 13 && j < n) c = text.charCodeAt(++j);
    i = j + (c === 13 && text.charCodeAt(j + 1) === 10 ? 2 : 1);
  }
  if (!cuts) return null;
  let out = '';
  let from = 0;
  for (const at of cuts) {
    out += text.slice(from, at) + NBSP;
    from = at + 1;
  }
  return { text: out + text.slice(from), at: cuts[0] };
}

/** Node types whose children may be flow content (a paragraph) or phrasing content (text): where a cut can go. */
const FLOW_PARENTS = new Set(['blockquote', 'listItem', 'footnoteDefinition']);
const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'tableCell']);

/** Keeps the tree within MAX_TREE_DEPTH (without recursion): returns the offset of the first cut, or null. */
function capDepth(root: Root, text: string): number | null {
  let cut: number | null = null;
  const stack: Array<[Parent, number]> = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    for (const child of node.children as Nodes[]) {
      if (!('children' in child) || child.children.length === 0) continue;
      if (depth + 1 < MAX_TREE_DEPTH || !(FLOW_PARENTS.has(child.type) || PHRASING_PARENTS.has(child.type))) {
        stack.push([child, depth + 1]);
        continue;
      }
      const kids = child.children as Nodes[];
      const start = kids[0].position?.start;
      const end = kids[kids.length - 1].position?.end;
      if (start?.offset === undefined || end?.offset === undefined) {
        (child as Parent).children = [];
        continue;
      }
      const position = () => ({ start: { ...start }, end: { ...end } });
      const leaf: Text = { type: 'text', value: text.slice(start.offset, end.offset), position: position() };
      (child as Parent).children = FLOW_PARENTS.has(child.type) ? [{ type: 'paragraph', children: [leaf], position: position() }] : [leaf];
      cut = Math.min(cut ?? Infinity, start.offset);
    }
  }
  return cut;
}

/** Front matter limits: a huge or alias-bombed block is reported, not expanded. */
const MAX_FRONT_MATTER = 64 * 1024;
const MAX_UNCLOSED_FRONT_MATTER = 8 * 1024;

/** Front matter keys that can carry the document type. */
export const TYPE_KEYS = ['type', 'pmm-type', 'pmm_type', 'doctype', 'doc-type', 'doc_type', '文档类型', '类型'];

/**
 * The front matter, read once: its YAML data, top-level keys with their places, errors and declared type. What
 * detection, the front-matter rule, completion and the code actions read; none of them reads the YAML again.
 */
export function parseFrontMatter(text: string, root: Root): FrontMatter | null {
  const node = root.children[0];
  if (node && node.type === 'yaml') {
    const span = spanOf(node);
    const rawStart = text.indexOf('\n', span.start) + 1;
    return withDeclaredType(readYamlOnce(node.value, rawStart, span));
  }
  // An opening fence with no closing one: remark sees a thematic break; say what happened.
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (open && !/\r?\n---[ \t]*(?:\r?\n|$)/.test(text.slice(open[0].length - 1))) {
    const lineEnd = open[0].length;
    // What would have been the block: up to the first blank line.
    const blank = /\r?\n[ \t]*\r?\n/.exec(text.slice(lineEnd));
    const raw = text.slice(lineEnd, blank ? lineEnd + blank.index : text.length);
    // Its keys still count (completion does not offer them again); its data does not. Such a block is usually
    // being typed and small; a long one is more likely Markdown after a thematic break, not worth a YAML parse.
    const entries = raw.length > MAX_UNCLOSED_FRONT_MATTER ? [] : unclosedEntries(raw, lineEnd);
    return withDeclaredType({ span: { start: 0, end: 0 }, raw, rawStart: lineEnd, data: null, errors: [{ message: 'unclosed', span: { start: 0, end: 3 } }], entries });
  }
  return null;
}

function unclosedEntries(raw: string, rawStart: number): FrontMatterEntry[] {
  try {
    return entriesOf(parseYaml(raw).doc, rawStart);
  } catch {
    return [];
  }
}

function parseYaml(raw: string): { doc: Document; yamlText: string } {
  // Markdown ends a line at a lone CR (old Mac files) too; the YAML parser does not: give it LF, same offsets.
  const yamlText = raw.includes('\r') ? raw.replace(/\r(?!\n)/g, '\n') : raw;
  return { doc: parseDocument(yamlText, { prettyErrors: false, uniqueKeys: false, logLevel: 'error' }), yamlText };
}

function entriesOf(doc: Document, rawStart: number): FrontMatterEntry[] {
  return topLevelEntries(doc).map((e) => ({
    key: e.key,
    keySpan: { start: rawStart + e.keyRange[0], end: rawStart + e.keyRange[1] },
    valueSpan: e.valueRange ? { start: rawStart + e.valueRange[0], end: rawStart + e.valueRange[1] } : null,
  }));
}

// The editor lints a document again at each keystroke, nearly always below its front matter: the last few front
// matters read are kept (frozen: every reader shares them) and read again only when their text or place changes.
const YAML_KEPT = 16;
const yamlKept = new TextCache<Omit<FrontMatter, 'declaredType'>>(YAML_KEPT);

function readYamlOnce(raw: string, rawStart: number, span: { start: number; end: number }): Omit<FrontMatter, 'declaredType'> {
  const key = `${rawStart}:${span.start}:${span.end}:${raw}`;
  const kept = yamlKept.get(key);
  if (kept) return kept;
  const read = deepFreeze(readYaml(raw, rawStart, span));
  yamlKept.set(key, read);
  return read;
}

/** Freezes a value and everything it holds (iteratively: YAML can nest deep). */
function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (!v || typeof v !== 'object' || Object.isFrozen(v)) continue;
    Object.freeze(v);
    for (const child of Object.values(v)) stack.push(child);
  }
  return value;
}

function readYaml(raw: string, rawStart: number, span: { start: number; end: number }): Omit<FrontMatter, 'declaredType'> {
  if (raw.length > MAX_FRONT_MATTER) {
    return { span, raw, rawStart, data: null, errors: [{ message: 'too-large', span: { start: span.start, end: span.start + 3 } }], entries: [] };
  }
  const errors: FrontMatter['errors'] = [];
  let data: Record<string, unknown> | null = null;
  let entries: FrontMatterEntry[] = [];
  try {
    const { doc, yamlText } = parseYaml(raw);
    entries = entriesOf(doc, rawStart);
    // One mistake often yields several parser errors: report the first, at the line a person would fix.
    const e = doc.errors[0];
    if (e) errors.push({ message: firstLine(e.message), span: errorSpan(yamlText, rawStart, e.message, e.pos) });
    const duplicate = e ? null : duplicateKey(doc);
    if (duplicate) errors.push({ message: DUPLICATE_KEY_MESSAGE, span: errorSpan(yamlText, rawStart, DUPLICATE_KEY_MESSAGE, [duplicate.offset, duplicate.offset + duplicate.key.length]) });
    if (errors.length === 0) {
      const value = doc.toJS({ maxAliasCount: 50 }) as unknown;
      if (value === null || value === undefined) data = {};
      else if (typeof value === 'object' && !Array.isArray(value)) data = value as Record<string, unknown>;
      else errors.push({ message: 'not-a-mapping', span: { start: rawStart, end: rawStart + Math.min(raw.length, 80) } });
    }
  } catch (error) {
    errors.push({ message: firstLine(String((error as Error).message ?? error)), span: { start: span.start, end: span.start + 3 } });
  }
  return { span, raw, rawStart, data, errors, entries };
}

function withDeclaredType(fm: Omit<FrontMatter, 'declaredType'>): FrontMatter {
  return { ...fm, declaredType: declaredTypeOf(fm) };
}

/** Broken YAML still says what the document is: a plain `type: value` line. */
const TYPE_LINE_RE = new RegExp(`^[ \\t]*(?:${TYPE_KEYS.join('|')})[ \\t]*:[ \\t]*['"]?([^'"#\\n]+?)['"]?[ \\t]*$`, 'mu');

/** The first of TYPE_KEYS the front matter gives a value, and where. */
function declaredTypeOf(fm: Omit<FrontMatter, 'declaredType'>): DeclaredType | null {
  const data = fm.data;
  if (!data) {
    const m = TYPE_LINE_RE.exec(fm.raw);
    if (!m) return null;
    const value = m[1].trim();
    // A flow list or mapping (`[a, b]`, `{a: b}`) is no type name, however it is written.
    if (/^[[{]/.test(value)) return { value: '', offset: fm.rawStart + m.index, notText: value };
    return { value, offset: fm.rawStart + m.index };
  }
  for (const key of TYPE_KEYS) {
    const v = data[key];
    if (v === undefined || v === null || (typeof v === 'string' && !v.trim())) continue;
    // A top-level key (a nested `type:` under another key is something else); a merged one has no place of its own.
    const entry = fm.entries.find((e) => e.key === key);
    const offset = entry ? entry.keySpan.start : fm.rawStart;
    if (typeof v === 'string') return { value: v.trim(), offset };
    const colon = entry ? fm.raw.indexOf(':', entry.keySpan.end - fm.rawStart) : -1;
    return { value: '', offset, notText: writtenValue(fm.raw, colon < 0 ? -1 : colon + 1, v) };
  }
  return null;
}

/** A front matter value as the file writes it after its key (the first line, at most 60 characters). */
function writtenValue(raw: string, from: number, value: unknown): string {
  const lineEnd = from >= 0 ? raw.indexOf('\n', from) : -1;
  const line = from >= 0 ? raw.slice(from, lineEnd < 0 ? raw.length : lineEnd).replace(/\s+#.*$/, '').trim() : '';
  const text = line || (Array.isArray(value) ? `a list of ${value.length}` : typeof value === 'object' ? 'a mapping' : String(value));
  return text.length > 60 ? text.slice(0, 59) + '…' : text;
}

function lineBounds(raw: string, offset: number): { start: number; end: number } {
  const start = raw.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const nl = raw.indexOf('\n', start);
  return { start, end: nl < 0 ? raw.length : nl };
}

/** Moves a YAML error to where the mistake is: the opening quote, or the over-indented line. */
function errorSpan(raw: string, rawStart: number, message: string, pos: [number, number]): { start: number; end: number } {
  const [a, b] = pos;
  if (/missing closing .*quote/i.test(message)) {
    let offset = 0;
    for (const line of raw.split('\n')) {
      const quote = /:\s*(["'])/.exec(line);
      if (quote && line.split(quote[1]).length % 2 === 0) {
        const at = offset + quote.index + quote[0].length - 1;
        return { start: rawStart + at, end: rawStart + offset + line.length };
      }
      offset += line.length + 1;
    }
  }
  if (/indent|nested mappings|compact mappings/i.test(message)) {
    const here = lineBounds(raw, a);
    const next = here.end + 1 <= raw.length ? lineBounds(raw, here.end + 1) : null;
    const indent = (l: { start: number; end: number }) => /^\s*/.exec(raw.slice(l.start, l.end))![0].length;
    if (next && next.start > here.start && indent(next) > indent(here)) return { start: rawStart + next.start, end: rawStart + next.end };
  }
  return { start: rawStart + a, end: rawStart + Math.max(b, a + 1) };
}

function firstLine(s: string): string {
  return s.split('\n')[0].trim();
}

export function parseDocumentModel(text: string): DocumentModel {
  return modelFromTree(text, parseMarkdown(text));
}

/** The model of a text whose tree is already parsed (by parseMarkdown, or spliced by incremental.ts). */
export function modelFromTree(text: string, root: Root): DocumentModel {
  const lines = new LineIndex(text);
  const frontMatter = parseFrontMatter(text, root);
  return buildModel(text, root, lines, frontMatter);
}
