// A Markdown table for a CI job summary (GitHub's $GITHUB_STEP_SUMMARY, a pull-request comment): one row per PMM
// document with its type, score and missing elements, then the counts. Document text is escaped: a file name or a
// type cannot open HTML or break the table.
import { BUILT_IN_CHECKLISTS } from '../core/checklist';
import { t } from '../core/i18n';
import type { Locale } from '../core/types';
import { severityCounts, type JsonFileReport } from './positions';
import { repoPath } from './report-path';

/** Table cell text: no HTML, no pipe, no line break, no Markdown emphasis or link syntax. */
export function cell(s: string): string {
  return s
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\|*_`[\]~#])/g, '\\$1');
}

const TITLES = new Map(BUILT_IN_CHECKLISTS.map((c) => [c.type, c.title]));

export function typeTitle(type: string, locale: Locale): string {
  return TITLES.get(type)?.[locale] ?? type;
}

export function formatSummary(reports: JsonFileReport[], locale: Locale, cwd = process.cwd()): string {
  const L = (en: string, zh: string) => (locale === 'zh' ? zh : en);
  const out = [`### pmm-lint`, ''];
  const docs = reports.filter((r) => r.docType !== null);
  if (docs.length > 0) {
    out.push(`| ${L('Document', '文档')} | ${L('Type', '类型')} | ${L('Score', '得分')} | ${L('Missing elements', '缺少的要素')} | ${L('Findings', '问题')} |`, '|---|---|---:|---|---:|');
    for (const r of docs) {
      const missing = r.elements.filter((e) => e.status === 'missing' && e.required).map((e) => cell(e.title[locale]));
      const sep = locale === 'zh' ? '、' : ', ';
      out.push(`| ${cell(repoPath(r.file, cwd))} | ${cell(typeTitle(r.docType!, locale))} | ${r.score ?? '–'} | ${missing.join(sep) || '–'} | ${r.findings.length} |`);
    }
    out.push('');
  }
  const { error: errors, warning: warnings } = severityCounts(reports);
  out.push(
    t(locale, 'cli.filesChecked', { files: reports.length, pmm: docs.length }) +
      (errors + warnings ? ` ${t(locale, 'cli.errors', { count: errors })}, ${t(locale, 'cli.warnings', { count: warnings })}.` : ''),
  );
  return out.join('\n') + '\n';
}
