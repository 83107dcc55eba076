// Hover: on an element's heading, what the element is (both languages), what complete means and what the
// section still lacks; on a finding, what its rule checks and where its documentation is.

import type { Hover, MarkupContent } from 'vscode-languageserver';
import { t } from '../core/i18n';
import { ruleById } from '../core/rules';
import { docsUrl } from '../core/rules/rule';
import type { Span } from '../core/types';
import { toRange } from './diagnostics';
import type { EngineOutcome, LintSetup, OffsetMap } from './linter';

const STATUS_ICON = { complete: '✓', weak: '⚠', missing: '✗' } as const;

const contains = (span: Span, offset: number) => span.start <= offset && offset <= span.end;

export function hover(outcome: EngineOutcome & OffsetMap & Pick<LintSetup, 'locale'>, documentOffset: number): Hover | null {
  const result = outcome.result;
  if (!result) return null;
  const locale = outcome.locale;
  const offset = outcome.toEngineOffset(documentOffset);
  const parts: string[] = [];
  let range: Span | null = null;

  const analysis = result.analysis;
  if (analysis) {
    for (const [id, match] of analysis.matches) {
      const cand = match.candidates.find((c) => contains(c.span, offset) || (c.section && contains(c.section.headingSpan, offset)));
      if (!cand) continue;
      const el = match.element;
      const report = result.elements.find((e) => e.id === id);
      const status = report?.status ?? 'complete';
      const [name, other] = locale === 'zh' ? [el.title.zh, el.title.en] : [el.title.en, el.title.zh];
      const lines = [
        `**${name}** · ${other} — ${t(locale, el.required ? 'lsp.element.required' : 'lsp.element.optional')} · ${STATUS_ICON[status]} ${t(locale, `lsp.status.${status}`)}`,
        '',
        t(locale, 'lsp.element.complete', { complete: el.complete.en, completeZh: el.complete.zh }),
      ];
      if (report && report.reasons.length) lines.push('', t(locale, 'lsp.element.lacks'), ...report.reasons.map((r) => `- ${r}`));
      parts.push(lines.join('\n'));
      range = cand.section ? cand.section.headingSpan : cand.span;
      break;
    }
  }

  const seen = new Set<string>();
  for (const f of result.findings) {
    if (!contains(f.span, offset) || seen.has(f.ruleId)) continue;
    seen.add(f.ruleId);
    const rule = ruleById(f.ruleId);
    const description = rule ? rule.meta.description[locale] : '';
    parts.push(`\`${f.ruleId}\` — ${description} [${t(locale, 'lsp.rule.docs')}](${docsUrl(f.ruleId)})`);
    range ??= f.span;
  }
  if (parts.length === 0) return null;
  const contents: MarkupContent = { kind: 'markdown', value: parts.join('\n\n---\n\n') };
  return { contents, range: range ? toRange(outcome.positionAt, range) : undefined };
}
