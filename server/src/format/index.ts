// The CLI's output formats, by name: one place that lists them and writes a report in each.
import type { Locale } from '../core/types';
import { formatCodeQuality } from './codequality';
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatJunit } from './junit';
import type { JsonFileReport } from './positions';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'codequality'] as const;
export type Format = (typeof FORMATS)[number];

export function isFormat(name: string): name is Format {
  return (FORMATS as readonly string[]).includes(name);
}

export interface FormatContext {
  locale: Locale;
  version: string;
  cwd: string;
  /** Colours (stylish only). */
  color: boolean;
}

export function formatReports(format: Format, reports: JsonFileReport[], c: FormatContext): string {
  switch (format) {
    case 'json':
      return formatJson(reports);
    case 'sarif':
      return formatSarif(reports, c.locale, c.version, c.cwd);
    case 'github':
      return formatGithub(reports, c.cwd);
    case 'junit':
      return formatJunit(reports, c.cwd);
    case 'codequality':
      return formatCodeQuality(reports, c.cwd);
    case 'stylish':
      return formatStylish(reports, c.locale, c.color);
  }
}
