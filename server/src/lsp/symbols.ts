// The outline: sections as a tree, each matched element's status in the detail.

import { SymbolKind, type DocumentSymbol, type Position, type Range } from 'vscode-languageserver';
import { t } from '../core/i18n';
import type { Section } from '../core/model';
import { toRange } from './diagnostics';
import type { EngineOutcome, LintSetup, OffsetMap } from './linter';

const STATUS_ICON = { complete: '✓', weak: '⚠', missing: '✗' } as const;

export function documentSymbols(outcome: EngineOutcome & Pick<OffsetMap, 'positionAt'> & Pick<LintSetup, 'locale'>): DocumentSymbol[] {
  const result = outcome.result;
  if (!result) return [];
  const { model, analysis } = result;
  const locale = outcome.locale;
  const elementBySection = new Map<number, string>();
  if (analysis) {
    for (const [id, match] of analysis.matches) {
      for (const c of match.candidates) if (c.kind === 'heading' && c.section && !elementBySection.has(c.section.index)) elementBySection.set(c.section.index, id);
    }
  }
  const detailFor = (section: Section): string => {
    const id = elementBySection.get(section.index);
    const report = id ? result.elements.find((e) => e.id === id) : undefined;
    if (!report) return '';
    const title = report.title[locale];
    return `${STATUS_ICON[report.status]} ${title} · ${t(locale, `lsp.status.${report.status}`)}`;
  };
  // LSP wants each child inside its parent and the selection inside the range.
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);
  const clamp = (r: Range, outer: Range | null): Range => {
    if (!outer) return r;
    const start = before(r.start, outer.start) ? outer.start : before(outer.end, r.start) ? outer.end : r.start;
    const end = before(outer.end, r.end) ? outer.end : before(r.end, start) ? start : r.end;
    return { start, end };
  };
  const toSymbol = (section: Section, parent: Range | null): DocumentSymbol => {
    const range = clamp(toRange(outcome.positionAt, { start: section.headingSpan.start, end: Math.max(section.headingSpan.end, section.bodySpan.end) }), parent);
    const selectionRange = clamp(toRange(outcome.positionAt, section.headingSpan), range);
    return {
      name: section.heading.trim() || t(locale, 'lsp.untitled'),
      detail: detailFor(section),
      kind: SymbolKind.String,
      range,
      selectionRange,
      children: section.children.map((i) => toSymbol(model.sections[i], range)),
    };
  };
  const symbols: DocumentSymbol[] = [];
  if (model.frontMatter && model.frontMatter.span.end > model.frontMatter.span.start) {
    const range = toRange(outcome.positionAt, model.frontMatter.span);
    symbols.push({ name: t(locale, 'lsp.frontMatter'), detail: result.docType ?? '', kind: SymbolKind.Namespace, range, selectionRange: range });
  }
  for (const s of model.sections) if (s.parent === null) symbols.push(toSymbol(s, null));
  return symbols;
}
