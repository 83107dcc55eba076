// The edits that fix findings, computed from a lint result: shared by the editor's code actions (lsp/code-actions.ts,
// which turns offsets into ranges) and `pmm-lint --fix` (fixText, on a CLI worker). Offsets are into the text the
// engine linted (`result.model.text`); inserted text uses \n (withLineBreaks converts to the document's own).

import { directiveAtStart, directiveComment } from './disable';
import type { LintResult } from './lint';
import { TYPE_KEYS } from './parse';
import { elementSnippet, insertionPoint } from './rules/required-element';
import type { Finding } from './types';

/** Replace `start..end` (both offsets into the linted text) with `newText`; an insert when start === end. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * `--fix` adds the type a document reads like only when the engine's confidence is at least this. The confidence is
 * the evidence over (the type's element bar + a genre name in the title), capped at 0.9 (core/detect.ts). The engine
 * calls a type decided on elements alone at its bar, which is a confidence of 0.51 (7-element types) to 0.62
 * (11-element types); a name in the title, file or folder plus two elements gives 0.5-0.65. Below 0.5 the "reads
 * like" hint rests on a few headings with nothing that names the type (0.31-0.49, e.g. "Sales notes" with three
 * battlecard headings): the editor still offers the fix there, and a person decides.
 */
export const FIX_TYPE_MIN_CONFIDENCE = 0.5;

/**
 * Declares the document type: replaces the value of a top-level type key (of any of its spellings), fills an
 * empty `type:`, adds `type:` to existing front matter, or adds front matter.
 */
export function setTypeEdit(result: LintResult, type: string): OffsetEdit {
  const model = result.model;
  const fm = model.frontMatter;
  // The first top-level type key (an empty `type:` is filled), else where broken YAML declares the type.
  const at = fm ? fm.entries.find((e) => TYPE_KEYS.includes(e.key))?.keySpan.start ?? fm.declaredType?.offset : undefined;
  if (fm && at !== undefined) {
    const line = /^.*$/m.exec(model.text.slice(at))![0];
    const key = line.slice(0, line.indexOf(':'));
    const comment = /[ \t]+#.*$/.exec(line)?.[0] ?? '';
    return { start: at, end: at + line.length, newText: `${key}: ${type}${comment}` };
  }
  if (fm) {
    const firstLineEnd = model.text.slice(fm.span.start).search(/\r\n|\r|\n/);
    const crlf = model.text[fm.span.start + firstLineEnd] === '\r' && model.text[fm.span.start + firstLineEnd + 1] === '\n';
    const after = firstLineEnd < 0 ? fm.span.end : fm.span.start + firstLineEnd + (crlf ? 2 : 1);
    return { start: after, end: after, newText: `type: ${type}\n` };
  }
  return { start: 0, end: 0, newText: `---\ntype: ${type}\n---\n\n` };
}

/** The edit that inserts an element (missing, required or optional) at its checklist place, or null. */
export function elementEdit(result: LintResult, elementId: string): OffsetEdit | null {
  const analysis = result.analysis;
  const el = analysis?.checklist.elements.find((e) => e.id === elementId);
  if (!analysis || !el || analysis.matches.has(elementId)) return null;
  const at = insertionPoint(analysis, elementId);
  return { start: at, end: at, newText: elementSnippet(analysis, el, at) };
}

/** The required-element findings the "insert missing element" fixes answer (those with text and a place). */
export function missingElementFindings(result: LintResult): Finding[] {
  return result.findings.filter((f) => f.ruleId === 'required-element' && f.fix?.expected !== undefined && f.fix.insertAt !== undefined);
}

/** All missing elements at once: inserts at the same place are joined in checklist order, one blank line apart. */
export function insertAllEdits(result: LintResult, missing: Finding[] = missingElementFindings(result)): OffsetEdit[] {
  const order = new Map(result.analysis?.checklist.elements.map((e, i) => [e.id, i]) ?? []);
  const groups = new Map<number, Finding[]>();
  for (const f of missing) {
    const at = f.fix!.insertAt!;
    groups.set(at, [...(groups.get(at) ?? []), f]);
  }
  return [...groups.entries()].map(([at, fs]) => {
    fs.sort((a, b) => (order.get(a.elementId ?? '') ?? 0) - (order.get(b.elementId ?? '') ?? 0));
    const text = fs
      .map((f, i) => {
        let s = f.fix!.expected!;
        if (i > 0) s = s.replace(/^\n+/, '');
        if (i < fs.length - 1) s = s.replace(/\n*$/, '\n\n');
        return s;
      })
      .join('');
    return { start: at, end: at, newText: text };
  });
}

/** `<!-- pmm-lint-disable rule -->` before the first content (a directive there also covers the front matter). */
export function disableFileEdit(result: LintResult, ruleId: string): OffsetEdit {
  const { model } = result;
  const text = model.text;
  const after = model.frontMatter ? model.frontMatter.span.end : 0;
  const rest = text.slice(after);
  const firstContent = after + (/\S/.exec(rest)?.index ?? rest.length);
  const existing = directiveAtStart(text.slice(firstContent));
  if (existing?.kind === 'disable' && existing.rules) {
    return { start: firstContent, end: firstContent + existing.length, newText: directiveComment('disable', [...existing.rules, ruleId]) };
  }
  const prefix = firstContent > 0 && text[firstContent - 1] !== '\n' && text[firstContent - 1] !== '\r' ? '\n' : '';
  const suffix = firstContent < text.length ? '\n\n' : '\n';
  return { start: firstContent, end: firstContent, newText: `${prefix}${directiveComment('disable', [ruleId])}${suffix}` };
}

/**
 * The type `--fix` declares, or null: for a document without a `type:` (and front matter that parses), the type
 * the engine decided from its title, file name or headings, or the one it reads like with a confidence of at least
 * FIX_TYPE_MIN_CONFIDENCE. A type set by a config override is left to the config.
 */
export function typeToDeclare(result: LintResult): string | null {
  const fm = result.model.frontMatter;
  if (fm?.declaredType || (fm && fm.errors.length)) return null;
  const via = result.analysis?.detection.via;
  if (result.docType && via && via !== 'config' && via !== 'front-matter') return result.docType;
  if (!result.docType && result.suggestion && result.suggestion.confidence >= FIX_TYPE_MIN_CONFIDENCE) return result.suggestion.type;
  return null;
}

/** The document's line break: \r\n or a lone \r when it uses them, else \n. */
export function lineBreakOf(text: string): string {
  const nl = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr < 0) return '\n';
  if (nl < 0) return '\r';
  return text[cr + 1] === '\n' ? '\r\n' : '\n';
}

/** The edit's text with the document's own line breaks. */
export function withLineBreaks<E extends { newText: string }>(text: string, edit: E): E {
  const eol = lineBreakOf(text);
  return eol === '\n' ? edit : { ...edit, newText: edit.newText.replace(/\n/g, eol) };
}

/** Applies edits that do not overlap (any order) to the text. */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

export interface FixOptions {
  /** Also insert the skeletons of missing required elements. */
  insertMissing: boolean;
}

export interface FixedText {
  text: string;
  /** The type declared, if any. */
  addedType: string | null;
  /** How many missing elements were inserted. */
  inserted: number;
  /** The lint of the fixed text (what is left). */
  result: LintResult;
}

/**
 * `--fix`: the fixes that are safe without a person, each step on a fresh lint of the text so far (declaring the
 * type changes the checklist and every offset): declare the type, then (optionally) insert every missing element.
 * Running it on its own output changes nothing.
 */
export function fixText(text: string, lint: (text: string) => LintResult, options: FixOptions): FixedText {
  let result = lint(text);
  let addedType: string | null = null;
  let inserted = 0;
  const type = typeToDeclare(result);
  if (type) {
    text = applyEdits(text, [withLineBreaks(text, setTypeEdit(result, type))]);
    addedType = type;
    result = lint(text);
  }
  const missing = options.insertMissing ? missingElementFindings(result) : [];
  if (missing.length) {
    text = applyEdits(text, insertAllEdits(result, missing).map((e) => withLineBreaks(text, e)));
    inserted = missing.length;
    result = lint(text);
  }
  return { text, addedType, inserted, result };
}
