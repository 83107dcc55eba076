// Completion: after `#` at the start of a line, the checklist's headings (missing elements first) in the
// document's language; in front matter, the keys and their values (document types, statuses, launch tiers; a
// Chinese document is offered Chinese statuses too).

import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { t } from '../core/i18n';
import { documentLanguageOrNull } from '../core/lint';
import type { Checklist, Locale, Localized } from '../core/types';
import type { LintOutcome } from './linter';

const FRONT_MATTER_KEYS = ['type', 'owner', 'status', 'updated', 'tier', 'launch_date', 'product'] as const;

const STATUS_VALUES: Array<{ value: string; label: Localized }> = [
  { value: 'draft', label: { en: 'Draft', zh: '草稿' } },
  { value: 'in-review', label: { en: 'In review', zh: '评审中' } },
  { value: 'approved', label: { en: 'Approved', zh: '已批准' } },
  { value: 'published', label: { en: 'Published', zh: '已发布' } },
  { value: 'archived', label: { en: 'Archived', zh: '已归档' } },
];

const TIER_VALUES: Array<{ value: string; label: Localized }> = [
  { value: '1', label: { en: 'Tier 1: major launch (new product, new revenue)', zh: '1 级：重大发布（新产品、新收入）' } },
  { value: '2', label: { en: 'Tier 2: standard launch (notable feature)', zh: '2 级：标准发布（重要功能）' } },
  { value: '3', label: { en: 'Tier 3: minor launch (improvement)', zh: '3 级：小型发布（改进）' } },
  { value: '4', label: { en: 'Tier 4: silent launch (docs and changelog only)', zh: '4 级：静默发布（仅文档与更新日志）' } },
];


/**
 * The keys of the front matter the cursor is in (as the parse read it, an unclosed block included), or null when
 * it is not in front matter.
 */
function frontMatterKeysAt(outcome: LintOutcome | undefined, doc: TextDocument, position: Position): string[] | null {
  const fm = outcome?.result?.model.frontMatter;
  if (!fm || position.line === 0) return null;
  const offset = outcome!.toEngineOffset(doc.offsetAt(position));
  if (offset < fm.rawStart || offset > fm.rawStart + fm.raw.length) return null;
  return fm.entries.map((e) => e.key.toLowerCase());
}

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function completions(outcome: LintOutcome | undefined, doc: TextDocument, requested: Position, checklists: readonly Checklist[], locale: Locale): CompletionItem[] {
  // A character past the end of the line means the end of the line.
  const position = doc.positionAt(doc.offsetAt(requested));
  const lineStart = { line: position.line, character: 0 };
  const before = doc.getText({ start: lineStart, end: position });
  const fmKeys = frontMatterKeysAt(outcome, doc, position);
  if (fmKeys) return frontMatterCompletions(before, position, fmKeys, checklists, locale, documentLanguageOf(outcome) ?? locale);
  const heading = /^(#{1,6})(\s*)([^#]*)$/.exec(before);
  if (heading && outcome?.result?.analysis) return headingCompletions(outcome, doc, position, heading[1].length + heading[2].length, heading[2].length > 0);
  return [];
}

/** The language the document is written in (what inserted values follow), or null when it cannot tell. */
function documentLanguageOf(outcome: LintOutcome | undefined): Locale | null {
  const result = outcome?.result;
  if (!result) return null;
  return result.analysis?.docLanguage ?? documentLanguageOrNull(result.model);
}

function frontMatterCompletions(before: string, position: Position, fmKeys: string[], checklists: readonly Checklist[], locale: Locale, docLanguage: Locale): CompletionItem[] {
  const keyOnly = /^([\w-]*)$/.exec(before);
  if (keyOnly) {
    const present = new Set(fmKeys);
    const range = { start: { line: position.line, character: 0 }, end: position };
    return FRONT_MATTER_KEYS.filter((k) => !present.has(k)).map((key, i) => ({
      label: key,
      kind: CompletionItemKind.Property,
      detail: t(locale, `lsp.fm.${key}`),
      sortText: String(i).padStart(2, '0'),
      textEdit: { range, newText: `${key}: ` },
    }));
  }
  const value = /^([\w-]+)\s*:\s*([^\s#]*)$/.exec(before);
  if (!value) return [];
  const key = value[1].toLowerCase();
  const range = { start: { line: position.line, character: before.length - value[2].length }, end: position };
  const item = (v: string, detail: string, i: number): CompletionItem => ({
    label: v,
    kind: CompletionItemKind.EnumMember,
    detail,
    sortText: String(i).padStart(2, '0'),
    textEdit: { range, newText: v },
    insertTextFormat: InsertTextFormat.PlainText,
  });
  switch (key) {
    case 'type':
      return checklists.map((c, i) => ({ ...item(c.type, `${c.title[locale]} · ${c.title[locale === 'zh' ? 'en' : 'zh']}`, i), filterText: `${c.type} ${c.title.en} ${c.title.zh}` }));
    case 'status': {
      const english = STATUS_VALUES.map((s, i) => item(s.value, s.label[locale], STATUS_VALUES.length + i));
      if (docLanguage !== 'zh') return english;
      // A Chinese document may write its status in Chinese (草稿 is a draft, core/draft.ts): those first.
      const chinese = STATUS_VALUES.map((s, i) => ({ ...item(s.label.zh, s.value, i), filterText: `${s.label.zh} ${s.value}` }));
      return [...chinese, ...english];
    }
    case 'tier':
      return TIER_VALUES.map((s, i) => item(s.value, s.label[locale], i));
    case 'updated':
    case 'launch_date':
    case 'date':
      return [item(today(), t(locale, 'lsp.fm.today'), 0)];
    default:
      return [];
  }
}

function headingCompletions(outcome: LintOutcome, doc: TextDocument, position: Position, prefixLength: number, hasSpace: boolean): CompletionItem[] {
  const result = outcome.result!;
  const analysis = result.analysis!;
  // Not inside a code block or HTML: there a `#` is not a heading.
  const offset = outcome.toEngineOffset(doc.offsetAt({ line: position.line, character: 0 }));
  const block = result.model.root.children.find((n) => (n.position?.start.offset ?? 0) <= offset && offset < (n.position?.end.offset ?? -1));
  if (block && (block.type === 'code' || block.type === 'html' || block.type === 'yaml')) return [];
  const lang = analysis.docLanguage;
  const locale = outcome.locale;
  const range = { start: { line: position.line, character: prefixLength }, end: position };
  return analysis.checklist.elements.map((el, i) => {
    const report = result.elements.find((e) => e.id === el.id);
    const status = report?.status ?? 'missing';
    const heading = lang === 'zh' ? el.headings.zh[0] ?? el.title.zh : el.headings.en[0] ?? el.title.en;
    const rank = status === 'missing' ? (el.required ? 0 : 1) : 2;
    return {
      label: heading,
      kind: CompletionItemKind.Module,
      detail: `${t(locale, status === 'missing' ? 'lsp.completion.missing' : 'lsp.completion.present')} · ${lang === 'zh' ? el.title.en : el.title.zh}`,
      documentation: { kind: 'markdown', value: t(locale, 'lsp.element.complete', { complete: el.complete.en, completeZh: el.complete.zh }) },
      sortText: `${rank}${String(i).padStart(2, '0')}`,
      filterText: `${heading} ${el.title.en} ${el.title.zh}`,
      preselect: rank === 0 && i === analysis.checklist.elements.findIndex((e) => result.elements.find((r) => r.id === e.id)?.status === 'missing' && e.required),
      textEdit: { range, newText: `${hasSpace ? '' : ' '}${heading}` },
    };
  });
}
