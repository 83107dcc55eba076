// GitHub Actions workflow commands: one `::error` / `::warning` / `::notice` annotation per finding, shown on the
// pull request's changed lines. Syntax: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import type { JsonFileReport } from './positions';
import { repoPath } from './report-path';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as const;

/** A message: '%', CR and LF escaped (GitHub decodes them); other control characters dropped. */
export function escapeData(s: string): string {
  return s
    .replace(/%/g, '%25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** A property value: also ':' and ',', which end a property. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(reports: JsonFileReport[], cwd = process.cwd()): string {
  const lines: string[] = [];
  for (const report of reports) {
    const file = escapeProperty(repoPath(report.file, cwd));
    for (const f of report.findings) {
      const props = [`file=${file}`, `line=${f.line}`, `col=${f.column}`, `endLine=${f.endLine}`];
      // GitHub reads endColumn only for an annotation on one line.
      if (f.endLine === f.line) props.push(`endColumn=${Math.max(f.endColumn, f.column + 1)}`);
      props.push(`title=${escapeProperty(`pmm-lint (${f.ruleId})`)}`);
      lines.push(`::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
