// What the CLI does for one file, on a worker thread (worker.ts): read it within its limits, lint it, and say
// what happened. Every failure is this file's own notice; nothing here can stop the other files.

import * as path from 'node:path';
import { isIgnored, type ResolvedConfig } from '../core/config';
import { t } from '../core/i18n';
import { lintText } from '../core/lint';
import { nestingCutAt } from '../core/parse';
import { humanSize, readSource } from '../core/read-source';
import type { Locale } from '../core/types';
import { toJsonReport, type JsonFileReport } from '../format/positions';
import { configCache } from './config-cache';

/** What linting one file gave: its report, the notices to print on stderr, and whether it failed (exit 2). */
export interface FileOutcome {
  report?: JsonFileReport;
  notices: string[];
  failed: boolean;
}

export interface FileJob {
  abs: string;
  display: string;
  explicit: boolean;
}

export interface LintOptions {
  locale: Locale;
  /** --locale given: it wins over the config's locale. */
  localeForced: boolean;
  quiet: boolean;
  explicitConfig?: string;
}

/** A file to lint (read on the worker), or text already read (stdin). */
export type CliJob = { op: 'cli-file'; file: FileJob; options: LintOptions } | { op: 'cli-text'; display: string; filePath?: string; text: string; options: LintOptions };

function lintSource(display: string, filePath: string | undefined, text: string, config: ResolvedConfig, options: LintOptions, notices: string[]): JsonFileReport {
  const result = lintText(text, {
    filePath,
    config,
    locale: options.localeForced ? options.locale : config.locale ?? options.locale,
    onRuleError: (ruleId, error) => notices.push(`pmm-lint: rule ${ruleId} failed on ${display}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`),
  });
  const cut = nestingCutAt(result.model.root);
  if (cut !== undefined) notices.push(t(options.locale, 'cli.tooDeep', { file: display, line: result.model.lines.position(cut).line }));
  const report = toJsonReport(display, result);
  if (options.quiet) report.findings = report.findings.filter((f) => f.severity === 'error');
  return report;
}

/**
 * Should the engine ever throw on some text, that file gets a notice and exit code 2, and the other files are
 * still reported (rather than an internal error that loses every report).
 */
function lintSourceSafely(display: string, filePath: string | undefined, text: string, config: ResolvedConfig, options: LintOptions): FileOutcome {
  const notices: string[] = [];
  try {
    return { report: lintSource(display, filePath, text, config, options, notices), notices, failed: false };
  } catch (error) {
    notices.push(t(options.locale, 'cli.lintFailed', { file: display, reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }));
    return { notices, failed: true };
  }
}

const caches = new Map<string, (filePath: string) => ResolvedConfig | null>();

/** The worker's config cache (config errors were reported by the main thread, which skipped those files). */
function configsFor(options: LintOptions): (filePath: string) => ResolvedConfig | null {
  const key = options.explicitConfig ?? '';
  let cache = caches.get(key);
  if (!cache) caches.set(key, (cache = configCache(options.explicitConfig, () => {})));
  return cache;
}

/** Runs one CLI job on a worker: ignored, too large, binary and unreadable files give a notice instead of a report. */
export function runCliJob(job: CliJob): FileOutcome {
  const { options } = job;
  const locale = options.locale;
  const filePath = job.op === 'cli-file' ? job.file.abs : job.filePath;
  const config = configsFor(options)(filePath ?? path.join(process.cwd(), 'stdin.md'));
  if (!config) return { notices: [], failed: false }; // its config failed: already reported
  if (job.op === 'cli-text') return lintSourceSafely(job.display, job.filePath, job.text, config, options);
  const { abs, display, explicit } = job.file;
  if (isIgnored(config, abs)) return { notices: explicit ? [t(locale, 'cli.ignored', { file: display })] : [], failed: false };
  const read = readSource(abs, config.maxFileSize);
  if (!read.ok) {
    switch (read.reason) {
      case 'too-large':
        return { notices: [t(locale, 'cli.skipLarge', { file: display, size: humanSize(read.size), limit: humanSize(config.maxFileSize) })], failed: false };
      case 'binary':
        return { notices: [t(locale, 'cli.skipBinary', { file: display })], failed: false };
      case 'not-a-file':
        return { notices: [t(locale, 'cli.notAFile', { file: display })], failed: true };
      default:
        return { notices: [t(locale, 'cli.unreadable', { file: display, reason: read.code })], failed: true };
    }
  }
  return lintSourceSafely(display, abs, read.text, config, options);
}
