// GitLab Code Quality (a CodeClimate subset): a JSON array of issues with description, check_name, fingerprint,
// severity and location.path / location.lines.begin. https://docs.gitlab.com/ci/testing/code_quality/
import { createHash } from 'node:crypto';
import type { JsonFileReport } from './positions';
import { repoPath } from './report-path';

const SEVERITY = { error: 'major', warning: 'minor', info: 'info', hint: 'info' } as const;

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number; end: number } };
}

export function formatCodeQuality(reports: JsonFileReport[], cwd = process.cwd()): string {
  const issues: CodeQualityIssue[] = [];
  for (const report of reports) {
    const file = repoPath(report.file, cwd);
    // The fingerprint leaves the line out, so an issue keeps its identity when lines above it move; the same
    // finding twice in a file is told apart by its occurrence.
    const seen = new Map<string, number>();
    for (const f of report.findings) {
      const key = `${file}\0${f.ruleId}\0${f.message}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      issues.push({
        description: f.message,
        check_name: f.ruleId,
        fingerprint: createHash('sha256').update(`${key}\0${n}`).digest('hex').slice(0, 32),
        severity: SEVERITY[f.severity],
        location: { path: file, lines: { begin: f.line, end: f.endLine } },
      });
    }
  }
  return JSON.stringify(issues, null, 2) + '\n';
}
