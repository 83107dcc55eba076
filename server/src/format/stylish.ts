// Human output: findings grouped by file, coloured on a TTY, then a summary line. Every piece that comes from a
// document or a path (file name, message, type) goes through escapeForTerminal: only our own colour codes reach
// the terminal.

import { t } from '../core/i18n';
import type { Locale } from '../core/types';
import type { JsonFileReport } from './positions';
import { typeTitle } from './summary';
import { escapeForTerminal } from './terminal';

const COLORS = { red: '\x1b[31m', yellow: '\x1b[33m', blue: '\x1b[34m', dim: '\x1b[2m', bold: '\x1b[1m', underline: '\x1b[4m', green: '\x1b[32m', reset: '\x1b[0m' };

export function formatStylish(reports: JsonFileReport[], locale: Locale, color: boolean): string {
  const c = (name: keyof typeof COLORS, s: string) => (color ? COLORS[name] + s + COLORS.reset : s);
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const r of reports) {
    if (r.docType === null && !r.suggestedType) continue;
    const missing = r.elements.filter((e) => e.status === 'missing').length;
    const weak = r.elements.filter((e) => e.status === 'weak').length;
    const type = r.docType ? typeTitle(r.docType, locale) : '';
    const line = r.draft ? t(locale, 'cli.draft', { type, written: r.draft.written, total: r.draft.total }) : t(locale, 'cli.score', { type, score: r.score ?? 0, missing, weak });
    const score = r.docType ? '  ' + c('dim', escapeForTerminal(line)) : '';
    out.push(c('underline', escapeForTerminal(r.file)) + score);
    // A loop, not Math.max(...findings): a spread of 125,000 arguments overflows the stack.
    let width = 0;
    for (const f of r.findings) width = Math.max(width, `${f.line}:${f.column}`.length);
    for (const f of r.findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else if (f.severity === 'info') infos++;
      const sev = f.severity === 'error' ? c('red', 'error  ') : f.severity === 'warning' ? c('yellow', 'warning') : f.severity === 'info' ? c('blue', 'info   ') : c('dim', 'hint   ');
      out.push(`  ${c('dim', `${f.line}:${f.column}`.padEnd(width))}  ${sev}  ${escapeForTerminal(f.message)}  ${c('dim', escapeForTerminal(f.ruleId))}`);
    }
    out.push('');
  }
  const total = errors + warnings + infos;
  const pmm = reports.filter((r) => r.docType !== null).length;
  if (total === 0) {
    out.push(c('green', t(locale, 'cli.noProblems', { files: reports.length })));
  } else {
    const summary = t(locale, 'cli.summary', {
      problems: t(locale, 'cli.problems', { count: total }),
      errors: t(locale, 'cli.errors', { count: errors }),
      warnings: t(locale, 'cli.warnings', { count: warnings }),
      infos: t(locale, 'cli.infos', { count: infos }),
    });
    out.push(c(errors ? 'red' : 'yellow', c('bold', '✖ ' + summary)));
  }
  out.push(c('dim', t(locale, 'cli.filesChecked', { files: reports.length, pmm })));
  return out.join('\n') + '\n';
}
