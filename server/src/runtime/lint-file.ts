// What the CLI does for one file, on a worker thread (worker.ts): read it within its limits, lint it, and say
// what happened. Every failure is this file's own notice; nothing here can stop the other files.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { isIgnored, type ResolvedConfig } from '../core/config';
import { t } from '../core/i18n';
import { fixText, type FixedText, type FixOptions } from '../core/fixes';
import { lintText, type LintResult } from '../core/lint';
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
  /** With --fix, when the fixes changed the text: the main thread writes it (or prints the diff). */
  fix?: FileFix;
}

/** A file's text before and after --fix (without the BOM; `bom` says whether the file starts with one). */
export interface FileFix {
  file: string;
  display: string;
  original: string;
  fixed: string;
  bom: boolean;
  addedType: string | null;
  inserted: number;
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
  /** --fix: apply the safe fixes; the report is of the fixed text. */
  fix?: FixOptions;
}

/** A file to lint (read on the worker), or text already read (stdin). */
export type CliJob = { op: 'cli-file'; file: FileJob; options: LintOptions } | { op: 'cli-text'; display: string; filePath?: string; text: string; options: LintOptions };

function lintSource(display: string, filePath: string | undefined, text: string, config: ResolvedConfig, options: LintOptions, notices: string[]): { report: JsonFileReport; fixed?: FixedText } {
  // With --fix the text is linted up to three times: a rule that fails says so once.
  const said = new Set<string>();
  const lint = (source: string) =>
    lintText(source, {
      filePath,
      config,
      locale: options.localeForced ? options.locale : config.locale ?? options.locale,
      onRuleError: (ruleId, error) => {
        const notice = `pmm-lint: rule ${ruleId} failed on ${display}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
        if (!said.has(notice)) notices.push(notice);
        said.add(notice);
      },
    });
  const fixed = options.fix ? fixText(text, lint, options.fix) : undefined;
  const result: LintResult = fixed ? fixed.result : lint(text);
  const cut = nestingCutAt(result.model.root);
  if (cut !== undefined) notices.push(t(options.locale, 'cli.tooDeep', { file: display, line: result.model.lines.position(cut).line }));
  const report = toJsonReport(display, result);
  if (options.quiet) report.findings = report.findings.filter((f) => f.severity === 'error');
  return { report, fixed };
}

/** Whether the file starts with a UTF-8 BOM (which readSource takes off): a fixed file keeps it. */
function startsWithBom(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const head = Buffer.alloc(3);
      return fs.readSync(fd, head, 0, 3, 0) === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

/**
 * Should the engine ever throw on some text, that file gets a notice and exit code 2, and the other files are
 * still reported (rather than an internal error that loses every report).
 */
function lintSourceSafely(display: string, filePath: string | undefined, text: string, config: ResolvedConfig, options: LintOptions): FileOutcome {
  const notices: string[] = [];
  try {
    const { report, fixed } = lintSource(display, filePath, text, config, options, notices);
    if (!fixed || fixed.text === text || !filePath) return { report, notices, failed: false };
    const fix: FileFix = { file: filePath, display, original: text, fixed: fixed.text, bom: startsWithBom(filePath), addedType: fixed.addedType, inserted: fixed.inserted };
    return { report, notices, failed: false, fix };
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
