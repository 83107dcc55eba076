// Markdown -> document model. One parse per text; everything else reads the model.

import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { parseDocument } from 'yaml';
import { buildModel, spanOf, type DocumentModel, type FrontMatter } from './model';
import { LineIndex } from './text';

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
 * one-column table.)
 */
export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}

/** Front matter limits: a huge or alias-bombed block is reported, not expanded. */
const MAX_FRONT_MATTER = 64 * 1024;

export function parseFrontMatter(text: string, root: Root): FrontMatter | null {
  const node = root.children[0];
  if (node && node.type === 'yaml') {
    const span = spanOf(node);
    const rawStart = text.indexOf('\n', span.start) + 1;
    const raw = node.value;
    return readYaml(raw, rawStart, span);
  }
  // An opening fence with no closing one: remark sees a thematic break; say what happened.
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (open && !/\r?\n---[ \t]*(?:\r?\n|$)/.test(text.slice(open[0].length - 1))) {
    const lineEnd = open[0].length;
    // What would have been the block: up to the first blank line.
    const blank = /\r?\n[ \t]*\r?\n/.exec(text.slice(lineEnd));
    return {
      span: { start: 0, end: 0 },
      raw: text.slice(lineEnd, blank ? lineEnd + blank.index : text.length),
      rawStart: lineEnd,
      data: null,
      errors: [{ message: 'unclosed', span: { start: 0, end: 3 } }],
    };
  }
  return null;
}

function readYaml(raw: string, rawStart: number, span: { start: number; end: number }): FrontMatter {
  if (raw.length > MAX_FRONT_MATTER) {
    return { span, raw, rawStart, data: null, errors: [{ message: 'too-large', span: { start: span.start, end: span.start + 3 } }] };
  }
  const errors: FrontMatter['errors'] = [];
  let data: Record<string, unknown> | null = null;
  try {
    const doc = parseDocument(raw, { prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
    // One mistake often yields several parser errors: report the first, at the line a person would fix.
    const e = doc.errors[0];
    if (e) errors.push({ message: firstLine(e.message), span: errorSpan(raw, rawStart, e.message, e.pos) });
    if (errors.length === 0) {
      const value = doc.toJS({ maxAliasCount: 50 }) as unknown;
      if (value === null || value === undefined) data = {};
      else if (typeof value === 'object' && !Array.isArray(value)) data = value as Record<string, unknown>;
      else errors.push({ message: 'not-a-mapping', span: { start: rawStart, end: rawStart + Math.min(raw.length, 80) } });
    }
  } catch (error) {
    errors.push({ message: firstLine(String((error as Error).message ?? error)), span: { start: span.start, end: span.start + 3 } });
  }
  return { span, raw, rawStart, data, errors };
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
