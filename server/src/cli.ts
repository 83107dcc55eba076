// pmm-lint [options] <files|dirs|globs>: the engine for CI and the terminal.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { localeFromEnv, parseLocale, t } from './core/i18n';
import { humanSize, readStreamBounded, decodeText } from './core/read-source';
import type { Locale } from './core/types';
import { changedMarkdownFiles } from './ci/changed';
import { applyFixes } from './ci/fix';
import type { FixOptions } from './core/fixes';
import { runInit } from './ci/init';
import { FORMATS, formatReports, isFormat, type Format } from './format';
import type { JsonFileReport } from './format/positions';
import { escapeForTerminal } from './format/terminal';
import { BUDGET_LIMITS, budgetOf, HEAVY_CHARS, threadCount } from './runtime/budget';
import { configCache } from './runtime/config-cache';
import { isMarkdownFile } from './core/markdown-files';
import { markdownFilesIn } from './runtime/walk';
import type { CliJob, FileJob, FileOutcome, LintOptions } from './runtime/lint-file';
import type { ResolvedConfig } from './core/config';
import { WorkerPool, type JobOutcome } from './runtime/pool';

declare const PMM_LINT_VERSION: string;
const VERSION = typeof PMM_LINT_VERSION === 'string' ? PMM_LINT_VERSION : '0.0.0-dev';

const DEFAULT_IGNORES = ['**/node_modules/**', '**/.git/**', '**/.vscode-test/**'];

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Reads standard input up to `maxBytes`; past it, says how much it saw. */
  readStdin: (maxBytes: number) => Promise<{ ok: true; buf: Buffer } | { ok: false; size: number }>;
  cwd: string;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
}

/** The worker bundle beside this one (dist/worker.js). */
const WORKER_SCRIPT = path.join(__dirname, 'worker.js');

/** A job's outcome on the pool, as the file's outcome: past its budget or out of memory is this file's notice. */
function fileOutcome(result: JobOutcome<FileOutcome>, display: string, locale: Locale): FileOutcome {
  switch (result.kind) {
    case 'done':
      return result.value;
    case 'timeout':
      return { notices: [t(locale, 'cli.overTime', { file: display, seconds: (result.ms / 1000).toFixed(1) })], failed: true };
    case 'memory':
      return { notices: [t(locale, 'cli.overMemory', { file: display, limit: result.limitMb })], failed: true };
    case 'failed':
      return { notices: [t(locale, 'cli.lintFailed', { file: display, reason: result.error })], failed: true };
    case 'cancelled':
      return { notices: [t(locale, 'cli.lintFailed', { file: display, reason: 'cancelled' })], failed: true };
  }
}

/** A whole number option within limits, or a usage message. */
function wholeNumber(name: string, value: string | undefined, limits: { min: number; max: number }): number | string | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= limits.min && n <= limits.max)) return `${name} needs a whole number from ${limits.min} to ${limits.max}, not '${value}'`;
  return n;
}

/** The command line, checked: what to lint and how, or the exit code when there is nothing to lint (usage, help). */
interface CliRun {
  locale: Locale;
  format: Format;
  maxWarnings: number;
  timeBudget?: number;
  memoryBudget?: number;
  /** --fix (or --fix-insert-missing, --fix-dry-run): the fixes to apply; dryRun prints a diff and writes nothing. */
  fix?: FixOptions & { dryRun: boolean };
  values: { config?: string; locale?: string; quiet?: boolean; stdin?: boolean; 'stdin-filename'?: string; color?: boolean; 'no-color'?: boolean; 'output-file'?: string; 'changed-since'?: string };
  positionals: string[];
}

function parseCommandLine(argv: string[], io: CliIO): CliRun | number {
  let locale: Locale = localeFromEnv(io.env);
  const usage = (detail: string) => {
    io.stderr(escapeForTerminal(t(locale, 'cli.usage', { detail })) + '\n');
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
        locale: { type: 'string' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        'time-budget': { type: 'string' },
        'memory-budget': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        'output-file': { type: 'string', short: 'o' },
        'changed-since': { type: 'string' },
        fix: { type: 'boolean' },
        'fix-insert-missing': { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    return usage((error as Error).message.split('\n')[0]);
  }
  const opts = parsed.values;
  if (opts.locale !== undefined) {
    const l = parseLocale(opts.locale);
    if (!l) return usage(`--locale must be en or zh, not '${opts.locale}'`);
    locale = l;
  }
  if (opts.help) {
    io.stdout(t(locale, 'cli.help') + '\n');
    return 0;
  }
  if (opts.version) {
    io.stdout(VERSION + '\n');
    return 0;
  }
  const format = opts.format ?? 'stylish';
  if (!isFormat(format)) return usage(`--format must be one of ${FORMATS.join(', ')}, not '${opts.format}'`);
  let maxWarnings = -1;
  if (opts['max-warnings'] !== undefined) {
    if (!/^-?\d+$/.test(opts['max-warnings'])) return usage(`--max-warnings needs a whole number, not '${opts['max-warnings']}'`);
    maxWarnings = Number(opts['max-warnings']);
  }
  const timeBudget = wholeNumber('--time-budget', opts['time-budget'], BUDGET_LIMITS.timeMs);
  if (typeof timeBudget === 'string') return usage(timeBudget);
  const memoryBudget = wholeNumber('--memory-budget', opts['memory-budget'], BUDGET_LIMITS.memoryMb);
  if (typeof memoryBudget === 'string') return usage(memoryBudget);
  if (opts['stdin-filename'] !== undefined && !opts.stdin) return usage('--stdin-filename goes with --stdin');
  if (!opts.stdin && parsed.positionals.length === 0 && opts['changed-since'] === undefined) return usage('no files, folders or globs given');
  if (opts.stdin && opts['changed-since'] !== undefined) return usage('--changed-since lints files, not --stdin');
  if (opts.stdin && parsed.positionals.length > 0) return usage('--stdin takes no file arguments');
  const fixing = Boolean(opts.fix || opts['fix-insert-missing'] || opts['fix-dry-run']);
  if (fixing && opts.stdin) return usage('--fix writes files back, not --stdin');
  const fix = fixing ? { insertMissing: Boolean(opts['fix-insert-missing']), dryRun: Boolean(opts['fix-dry-run']) } : undefined;
  return { locale, format, maxWarnings, timeBudget, memoryBudget, fix, values: opts, positionals: parsed.positionals };
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  if (argv[0] === 'init') return initCommand(argv.slice(1), io);
  const run = parseCommandLine(argv, io);
  if (typeof run === 'number') return run;
  const { locale, values: opts } = run;
  let exitCode = 0;
  const fail = (message: string) => {
    io.stderr(escapeForTerminal(message) + '\n');
    exitCode = 2;
  };
  const explicitConfig = opts.config ? path.resolve(io.cwd, opts.config) : undefined;
  if (explicitConfig && !fs.existsSync(explicitConfig)) {
    io.stderr(escapeForTerminal(t(locale, 'cli.configError', { file: opts.config!, where: '', detail: t(locale, 'cli.notFound', { file: opts.config! }) })) + '\n');
    return 2;
  }
  // One config per config file, loaded once; a broken one is reported once and its files are skipped.
  const configFor = configCache(explicitConfig, (error) => {
    const where = error.line ? `:${error.line}${error.column ? `:${error.column}` : ''}` : '';
    fail(t(locale, 'cli.configError', { file: path.relative(io.cwd, error.file) || error.file, where, detail: error.detail }));
  });
  const options: LintOptions = { locale, localeForced: opts.locale !== undefined, quiet: Boolean(opts.quiet), explicitConfig, fix: run.fix && { insertMissing: run.fix.insertMissing } };
  const budgetFor = (filePath: string) => {
    const budget = budgetOf(configFor(filePath));
    return { timeMs: run.timeBudget ?? budget.timeMs, memoryMb: run.memoryBudget ?? budget.memoryMb };
  };
  const context: LintContext = { io, run, options, configFor, budgetFor, fail };
  const linted = opts.stdin ? await lintStdin(context) : await lintFiles(context);
  // The workers fixed the text; the files are written (or the diff made) on the main thread.
  const { outcomes, diff } = run.fix ? applyFixes(linted, locale, run.fix.dryRun) : { outcomes: linted, diff: '' };
  const reports: JsonFileReport[] = [];
  for (const outcome of outcomes) {
    // File names and quoted text are shown, never obeyed: each notice is one line with its controls escaped.
    for (const n of outcome.notices) io.stderr(escapeForTerminal(n) + '\n');
    if (outcome.failed) exitCode = 2;
    if (outcome.report) reports.push(outcome.report);
  }
  // A dry run's standard output is the diff alone; its report goes only to --output-file.
  if (run.fix?.dryRun) io.stdout(diff);
  if ((!run.fix?.dryRun || opts['output-file'] !== undefined) && !writeReports(io, run, reports)) return 2;
  if (exitCode === 2) return 2;
  return exitCodeOf(io, run, reports);
}

/** What linting the files or stdin needs from runCli. */
interface LintContext {
  io: CliIO;
  run: CliRun;
  options: LintOptions;
  configFor: (filePath: string) => ResolvedConfig | null;
  budgetFor: (filePath: string) => { timeMs: number; memoryMb: number };
  /** Reports a problem on stderr and makes the exit code 2. */
  fail: (message: string) => void;
}

type LintJob = { job: CliJob; display: string; timeMs: number; memoryMb: number; heavy: boolean };

/**
 * Documents are linted on worker threads, each within its budget: one that takes too long or too much memory is
 * stopped and reported, and the others still are.
 */
async function lintAll(context: LintContext, jobs: LintJob[]): Promise<FileOutcome[]> {
  if (jobs.length === 0) return [];
  const { io, run } = context;
  const threads = Number(io.env.PMM_LINT_THREADS) || threadCount(4);
  const pool = new WorkerPool({
    script: WORKER_SCRIPT,
    size: Math.max(1, Math.min(threads, jobs.length)),
    youngMb: 64,
    memoryMb: run.memoryBudget ?? jobs.reduce((most, j) => Math.max(most, j.memoryMb), 0),
  });
  try {
    return await Promise.all(
      jobs.map(async ({ job, display, timeMs, heavy }, i) => fileOutcome(await pool.run<FileOutcome>({ key: display, priority: i, payload: job, timeMs, heavy }).outcome, display, run.locale)),
    );
  } finally {
    await pool.close();
  }
}

async function lintStdin(context: LintContext): Promise<FileOutcome[]> {
  const { io, run, options } = context;
  const name = run.values['stdin-filename'] ?? '<stdin>';
  const filePath = run.values['stdin-filename'] ? path.resolve(io.cwd, name) : undefined;
  const configPath = filePath ?? path.join(io.cwd, 'stdin.md');
  const config = context.configFor(configPath);
  if (!config) return [];
  const read = await io.readStdin(config.maxFileSize);
  if (!read.ok) {
    return [{ notices: [t(run.locale, 'cli.skipLarge', { file: name, size: humanSize(read.size), limit: humanSize(config.maxFileSize) })], failed: false }];
  }
  const job: CliJob = { op: 'cli-text', display: name, filePath, text: decodeText(read.buf), options };
  return lintAll(context, [{ job, display: name, heavy: read.buf.length > HEAVY_CHARS, ...context.budgetFor(configPath) }]);
}

/** The files the arguments name (files, folders walked, globs), each once: absolute path -> named explicitly. */
function filesOf(context: LintContext): Map<string, boolean> {
  const { io, run, fail } = context;
  const locale = run.locale;
  const files = new Map<string, boolean>();
  for (const arg of run.positionals) {
    const abs = path.resolve(io.cwd, arg);
    let stat: fs.Stats | null = null;
    try {
      stat = fs.statSync(abs);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        fail(t(locale, 'cli.unreadable', { file: arg, reason: code ?? String(error) }));
        continue;
      }
    }
    if (stat?.isDirectory()) {
      const found = markdownFilesIn(abs);
      for (const u of found.unreadable) fail(t(locale, 'cli.unreadable', { file: path.relative(io.cwd, u.dir) || u.dir, reason: u.code }));
      for (const f of found.files) if (!files.has(f)) files.set(f, false);
    } else if (stat) {
      files.set(abs, true);
    } else if (isDynamicPattern(arg)) {
      const matched = globSync(arg, { cwd: io.cwd, absolute: true, ignore: DEFAULT_IGNORES }).filter(isMarkdownFile);
      if (matched.length === 0) fail(t(locale, 'cli.noMatch', { pattern: arg }));
      for (const f of matched.map((g) => path.normalize(g))) if (!files.has(f)) files.set(f, false);
    } else {
      fail(t(locale, 'cli.notFound', { file: arg }));
    }
  }
  return files;
}

/**
 * With --changed-since: the Markdown files changed since the ref (none named explicitly, so ignores apply), within
 * the files and folders given if any. Null when git cannot list them (reported).
 */
function changedFilesOf(context: LintContext, ref: string): Map<string, boolean> | null {
  const { io, run, fail } = context;
  const changed = changedMarkdownFiles(io.cwd, ref);
  if (!changed.ok) {
    fail(t(run.locale, 'cli.usage', { detail: `--changed-since ${ref}: ${changed.error}` }));
    return null;
  }
  const within = run.positionals.length ? filesOf(context) : null;
  const roots = run.positionals.map((p) => path.resolve(io.cwd, p));
  const inside = (f: string) => !within || within.has(f) || roots.some((r) => f === r || f.startsWith(r + path.sep));
  return new Map(changed.files.filter(inside).map((f) => [f, false]));
}

async function lintFiles(context: LintContext): Promise<FileOutcome[]> {
  const { io, options } = context;
  const ref = context.run.values['changed-since'];
  const files = ref === undefined ? filesOf(context) : changedFilesOf(context, ref);
  if (!files) return [];
  const jobs: FileJob[] = [...files.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([abs, explicit]) => ({ abs, display: path.relative(io.cwd, abs) || abs, explicit }))
    // Load every config here first, so a broken one is reported once, and its files are skipped.
    .filter((job) => context.configFor(job.abs) !== null);
  const sizeOf = (file: string) => {
    try {
      return fs.statSync(file).size;
    } catch {
      return 0;
    }
  };
  return lintAll(context, jobs.map((file) => ({ job: { op: 'cli-file', file, options }, display: file.display, heavy: sizeOf(file.abs) > HEAVY_CHARS, ...context.budgetFor(file.abs) })));
}

/** Writes the report to stdout, or to --output-file (its folder made); false when the file cannot be written. */
function writeReports(io: CliIO, run: CliRun, reports: JsonFileReport[]): boolean {
  const opts = run.values;
  const file = opts['output-file'];
  const tty = file === undefined && io.isTTY;
  const color = opts['no-color'] ? false : opts.color ? true : io.env.FORCE_COLOR ? io.env.FORCE_COLOR !== '0' : tty && !io.env.NO_COLOR;
  const text = formatReports(run.format, reports, { locale: run.locale, version: VERSION, cwd: io.cwd, color });
  if (file === undefined) {
    io.stdout(text);
    return true;
  }
  const target = path.resolve(io.cwd, file);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
    return true;
  } catch (error) {
    io.stderr(escapeForTerminal(t(run.locale, 'cli.unwritable', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) })) + '\n');
    return false;
  }
}

/** `pmm-lint init [--force] [--locale en|zh]`: the config from a lint of every Markdown file here. */
async function initCommand(argv: string[], io: CliIO): Promise<number> {
  let values;
  try {
    values = parseArgs({ args: argv, strict: true, options: { force: { type: 'boolean' }, locale: { type: 'string' } } }).values;
  } catch (error) {
    io.stderr(escapeForTerminal(t(localeFromEnv(io.env), 'cli.usage', { detail: (error as Error).message.split('\n')[0] })) + '\n');
    return 2;
  }
  const locale = parseLocale(values.locale) ?? localeFromEnv(io.env);
  const lintAll = async () => {
    let json = '';
    await runCli(['--format', 'json', '--locale', locale, '.'], { ...io, stdout: (s) => (json += s) });
    try {
      return (JSON.parse(json) as JsonFileReport[]).map((r) => ({ ...r, file: r.file.split(path.sep).join('/') }));
    } catch {
      return null;
    }
  };
  return runInit(Boolean(values.force), locale, { cwd: io.cwd, stdout: io.stdout, stderr: io.stderr, lintAll });
}

/** 1 for errors or more warnings than --max-warnings allows, else 0. */
function exitCodeOf(io: CliIO, run: CliRun, reports: JsonFileReport[]): number {
  const errors = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
  const warnings = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  if (errors > 0) return 1;
  if (run.maxWarnings >= 0 && warnings > run.maxWarnings) {
    io.stderr(t(run.locale, 'cli.tooManyWarnings', { max: run.maxWarnings }) + '\n');
    return 1;
  }
  return 0;
}

export function main(): void {
  const io: CliIO = {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readStdin: async (maxBytes) => {
      const read = await readStreamBounded(process.stdin, maxBytes);
      if (!read.ok) process.stdin.destroy(); // the rest is not read
      return read;
    },
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`pmm-lint: internal error: ${(error as Error).stack ?? error}\n`);
      process.exitCode = 2;
    },
  );
}

/** The GitHub Action's step (bin/pmm-lint-action.js), in this bundle. */
export { main as action } from './ci/action';

if (require.main === module) main();
