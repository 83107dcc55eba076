// JUnit XML, as CI servers (Jenkins, GitLab, Azure Pipelines, CircleCI) read it: one <testsuite> per document, one
// <testcase> per finding that fails it (errors and warnings) or one passing <testcase> for a clean document.
// Informational findings are not failures and are left out, as in ESLint's junit formatter.
import type { JsonFileReport } from './positions';
import { repoPath } from './report-path';

/** Text and attribute values: the five XML escapes; characters XML 1.0 cannot hold are dropped. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function formatJunit(reports: JsonFileReport[], cwd = process.cwd()): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const report of reports) {
    const file = xmlEscape(repoPath(report.file, cwd));
    const failing = report.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
    const cases = failing.map((f) => {
      const where = `${f.line}:${f.column}`;
      const body = xmlEscape(`${f.severity} ${where} ${f.message} (${f.ruleId})`);
      return `    <testcase classname="${file}" name="${xmlEscape(`${f.ruleId} ${where}`)}" file="${file}" line="${f.line}" time="0">\n      <failure type="${f.severity}" message="${xmlEscape(f.message)}">${body}</failure>\n    </testcase>`;
    });
    if (cases.length === 0) cases.push(`    <testcase classname="${file}" name="${xmlEscape(report.docType ?? 'document')}" file="${file}" time="0"/>`);
    tests += cases.length;
    failures += failing.length;
    suites.push(`  <testsuite name="${file}" tests="${cases.length}" failures="${failing.length}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="pmm-lint" tests="${tests}" failures="${failures}" errors="0" time="0">\n${suites.join('\n')}${suites.length ? '\n' : ''}</testsuites>\n`;
}
