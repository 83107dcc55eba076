// Quick fixes: insert a missing element (one or all), disable a rule for a line or the file (an HTML comment,
// the only kind Markdown has), and declare the document type in front matter.

import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Nodes, Root } from 'mdast';
import { suggestTypes } from '../core/detect';
import { directiveComment } from '../core/disable';
import * as fixes from '../core/fixes';
import { t } from '../core/i18n';
import type { LintResult } from '../core/lint';
import type { Checklist, Finding, Locale } from '../core/types';
import { SOURCE, type DiagnosticData } from './diagnostics';
import type { LintOutcome } from './linter';

import { SET_TYPE_KIND } from './basics';

export { SET_TYPE_KIND };

function isOurs(d: Diagnostic): d is Diagnostic & { data: DiagnosticData } {
  return d.source === SOURCE && typeof d.data === 'object' && d.data !== null && typeof (d.data as DiagnosticData).ruleId === 'string';
}

function wanted(kind: string, only: string[] | undefined): boolean {
  return !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
}

export function codeActions(outcome: LintOutcome, doc: TextDocument, params: CodeActionParams): CodeAction[] {
  const result = outcome.result;
  if (!result) return [];
  const locale = outcome.locale;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  // Inserted text uses the document's own line breaks.
  const eol = fixes.lineBreakOf(doc.getText());
  const edit = (edits: TextEdit[]): WorkspaceEdit => ({ changes: { [doc.uri]: edits } });
  const withEol = (edits: TextEdit[]): WorkspaceEdit => ({ changes: { [doc.uri]: edits.map((e) => ({ ...e, newText: e.newText.replace(/\n/g, eol) })) } });
  const ours = params.context.diagnostics.filter(isOurs);
  const disabledFor = new Set<string>();

  for (const diagnostic of ours) {
    const { ruleId, elementId } = diagnostic.data;
    // A diagnostic of an older version (on-save mode, or during the debounce) has old line numbers: edits that
    // depend on its range are offered only for the current version.
    const fresh = diagnostic.data.version === doc.version;
    if (ruleId === 'required-element' && elementId) {
      const finding = result.findings.find((f) => f.ruleId === ruleId && f.elementId === elementId && f.fix?.expected);
      if (finding?.fix?.expected !== undefined && finding.fix.insertAt !== undefined) {
        actions.push({
          title: t(locale, 'lsp.action.insertElement', { title: String(finding.data.title), titleZh: String(finding.data.titleZh) }),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: true,
          edit: edit([{ range: point(outcome, finding.fix.insertAt), newText: finding.fix.expected }]),
        });
      }
    }
    if (fresh && ruleId === 'front-matter' && diagnostic.data.messageId === 'front-matter.unknownType') {
      actions.push(...changeTypeActions(outcome, doc, diagnostic));
    }
    if (disabledFor.has(ruleId)) continue;
    disabledFor.add(ruleId);
    const lineEdit = ruleId === 'required-element' || !fresh ? null : disableLineEdit(result, doc, outcome, diagnostic.range.start.line, ruleId);
    if (lineEdit) {
      actions.push({ title: t(locale, 'lsp.action.disableLine', { rule: ruleId }), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit([lineEdit]) });
    }
    actions.push({
      title: t(locale, 'lsp.action.disableFile', { rule: ruleId }),
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: edit([toTextEdit(outcome, fixes.disableFileEdit(result, ruleId))]),
    });
  }

  const missing = fixes.missingElementFindings(result);
  if (missing.length >= 2 && ours.some((d) => d.data.ruleId === 'required-element')) {
    actions.push({
      title: t(locale, 'lsp.action.insertAll', { count: missing.length }),
      kind: CodeActionKind.QuickFix,
      diagnostics: ours.filter((d) => d.data.ruleId === 'required-element'),
      edit: edit(insertAllEdits(result, outcome, missing)),
    });
  }

  actions.push(...addTypeActions(result, outcome, params, locale));
  return actions.filter((a) => wanted(a.kind ?? '', only)).map((a) => (a.edit && eol !== '\n' ? { ...a, edit: withEol(a.edit.changes![doc.uri] as TextEdit[]) } : a));
}

/** An edit's text with the document's own line breaks. */
export function inDocumentLineBreaks(doc: TextDocument, e: TextEdit): TextEdit {
  return fixes.withLineBreaks(doc.getText(), e);
}

function point(outcome: LintOutcome, offset: number) {
  const p = outcome.positionAt(offset);
  return { start: p, end: p };
}

/** An engine edit (offsets into the linted text) as an LSP edit in the document. */
function toTextEdit(outcome: LintOutcome, e: fixes.OffsetEdit): TextEdit {
  return { range: { start: outcome.positionAt(e.start), end: outcome.positionAt(e.end) }, newText: e.newText };
}

/** All missing elements at once: inserts at the same place are joined in checklist order, one blank line apart. */
export function insertAllEdits(result: LintResult, outcome: LintOutcome, missing: Finding[]): TextEdit[] {
  return fixes.insertAllEdits(result, missing).map((e) => toTextEdit(outcome, e));
}

function lineBounds(doc: TextDocument, line: number): { start: number; end: number } {
  const start = doc.offsetAt({ line, character: 0 });
  const next = line + 1 < doc.lineCount ? doc.offsetAt({ line: line + 1, character: 0 }) : doc.getText().length;
  let end = next;
  const text = doc.getText();
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return { start, end };
}

/** The nodes that hold an offset, outermost first. */
function nodesAt(root: Root, offset: number): Nodes[] {
  const path: Nodes[] = [];
  let node: Nodes | undefined = root;
  while (node) {
    path.push(node);
    const children: Nodes[] = 'children' in node ? (node.children as Nodes[]) : [];
    node = children.find((n) => (n.position?.start.offset ?? 0) <= offset && offset <= (n.position?.end.offset ?? -1));
  }
  return path.slice(1);
}

/**
 * `<!-- pmm-lint-disable-line rule -->` at the end of the line: inline HTML keeps paragraphs, list items and
 * headings as they are. In a table row it goes inside the last cell; in front matter or code there is no place.
 */
function disableLineEdit(result: LintResult, doc: TextDocument, outcome: LintOutcome, line: number, ruleId: string): TextEdit | null {
  if (line < 0 || line >= doc.lineCount) return null;
  const { start, end } = lineBounds(doc, line);
  const engineStart = outcome.toEngineOffset(start);
  const fm = result.model.frontMatter;
  if (fm && engineStart >= fm.span.start && engineStart < Math.max(fm.span.end, 1)) return null;
  const path = nodesAt(result.model.root, engineStart);
  const block = path[0];
  const noPlace = new Set(['yaml', 'code', 'html', 'thematicBreak', 'definition']);
  if (!block || path.some((n) => noPlace.has(n.type))) return null;
  const lineText = doc.getText().slice(start, end);
  const comment = directiveComment('disable-line', [ruleId]);
  let content = lineText.replace(/\s+$/, '');
  // Keep a backslash hard break at the very end of the line.
  if (content.endsWith('\\') && !content.endsWith('\\\\')) content = content.slice(0, -1).replace(/\s+$/, '');
  let at = start + content.length;
  if (block.type === 'table' && content.endsWith('|') && !content.endsWith('\\|')) {
    at = start + content.slice(0, -1).replace(/\s+$/, '').length;
    return { range: { start: doc.positionAt(at), end: doc.positionAt(at) }, newText: ` ${comment} ` };
  }
  if (block.type === 'heading') {
    const closing = /\s+#+$/.exec(content);
    if (closing) at = start + closing.index;
  }
  return { range: { start: doc.positionAt(at), end: doc.positionAt(at) }, newText: ` ${comment}` };
}

function typeTitle(c: Checklist, locale: Locale): string {
  return c.title[locale];
}

/** Front matter `type:` for a document that reads like a PMM document but does not say which. */
function addTypeActions(result: LintResult, outcome: LintOutcome, params: CodeActionParams, locale: Locale): CodeAction[] {
  const model = result.model;
  if (model.frontMatter?.declaredType || !outcome.config) return [];
  if (model.frontMatter && model.frontMatter.errors.length) return [];
  const suggestions = suggestTypes(model, outcome.filePath, outcome.config.checklists);
  if (suggestions.length === 0) return [];
  // At the top of the document it is a quick fix (light bulb); anywhere else a source action.
  const topLine = outcome.positionAt(model.title ? model.title.headingSpan.end : model.contentStart).line;
  const nearTop = params.range.start.line <= topLine;
  const kind = nearTop ? CodeActionKind.QuickFix : SET_TYPE_KIND;
  return suggestions.map((c, i) => ({
    title: t(locale, 'lsp.action.addType', { type: c.type, title: typeTitle(c, locale) }),
    kind,
    isPreferred: i === 0 && (result.docType === c.type || result.suggestion?.type === c.type),
    // The "reads like" hint on the title is the diagnostic this action answers.
    diagnostics: (params.context.diagnostics ?? []).filter((d) => d.source === 'pmm-lint' && d.code === 'front-matter' && d.severity === 4),
    edit: { changes: { [params.textDocument.uri]: [setTypeEdit(result, outcome, c.type)] } },
  }));
}

/** Declares the document type in front matter (core/fixes.ts). Uses \n (callers convert). */
export function setTypeEdit(result: LintResult, outcome: LintOutcome, type: string): TextEdit {
  return toTextEdit(outcome, fixes.setTypeEdit(result, type));
}

/** The edit that inserts an element (missing, required or optional) at its checklist place, or null. */
export function elementEdit(result: LintResult, outcome: LintOutcome, elementId: string): TextEdit | null {
  const e = fixes.elementEdit(result, elementId);
  return e ? toTextEdit(outcome, e) : null;
}

/** For an unknown `type:` value: replace it with a type the document looks like (or every known type). */
function changeTypeActions(outcome: LintOutcome, doc: TextDocument, diagnostic: Diagnostic): CodeAction[] {
  const result = outcome.result!;
  const checklists = outcome.config?.checklists ?? [];
  const suggestions = suggestTypes(result.model, outcome.filePath, checklists);
  const choices = suggestions.length ? suggestions : checklists;
  // The declared value as written, without a comment after it.
  const declared = result.model.frontMatter?.declaredType;
  const valueSpan = declared ? result.model.frontMatter!.entries.find((e) => e.keySpan.start === declared.offset)?.valueSpan : null;
  if (!valueSpan) return [];
  const range = { start: outcome.positionAt(valueSpan.start), end: outcome.positionAt(valueSpan.end) };
  return choices.map((c) => ({
    title: t(outcome.locale, 'lsp.action.changeType', { type: c.type, title: typeTitle(c, outcome.locale) }),
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [doc.uri]: [{ range, newText: c.type }] } },
  }));
}
