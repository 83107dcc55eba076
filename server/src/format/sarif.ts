// SARIF 2.1.0 for code scanning: one run, the rules as reportingDescriptors, one result per finding.

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES } from '../core/rules';
import { docsUrl } from '../core/rules/rule';
import type { Locale } from '../core/types';
import type { JsonFileReport } from './positions';

const LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

export function formatSarif(reports: JsonFileReport[], locale: Locale, version: string, cwd = process.cwd()): string {
  const rules = RULES.map((r) => ({
    id: r.meta.id,
    name: r.meta.id.replace(/(^|-)(\w)/g, (_m, _d, ch: string) => ch.toUpperCase()),
    shortDescription: { text: r.meta.description[locale] },
    fullDescription: { text: r.meta.description[locale] },
    helpUri: docsUrl(r.meta.id),
    defaultConfiguration: { level: LEVEL[r.meta.defaultSeverity] },
    properties: { tags: ['pmm', r.meta.type] },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = reports.flatMap((report) => {
    const rel = path.isAbsolute(report.file) ? path.relative(cwd, report.file) : report.file;
    const inside = !rel.startsWith('..') && !path.isAbsolute(rel);
    const artifactLocation = inside
      ? { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' }
      : { uri: pathToFileURL(path.resolve(cwd, report.file)).href };
    return report.findings.map((f) => ({
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId) ?? 0,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation,
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: Math.max(f.endColumn, f.line === f.endLine ? f.column + 1 : 1) },
          },
        },
      ],
      properties: f.elementId ? { elementId: f.elementId, docType: report.docType } : { docType: report.docType },
    }));
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'pmm-lint', informationUri: 'https://github.com/pmm-lint/pmm-lint', semanticVersion: version, version, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
