import type { JsonFileReport } from './positions';

export function formatJson(reports: JsonFileReport[]): string {
  return JSON.stringify(reports, null, 2) + '\n';
}
