// pmm-lint [options] <files|dirs|globs>: the engine for CI and the terminal.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { ConfigError, isIgnored, findConfigFile, loadConfigFile, defaultConfig, type ResolvedConfig } from './core/config';
import { localeFromEnv, parseLocale, t } from './core/i18n';
import { lintText } from './core/lint';
import { nestingCutAt } from './core/parse';
import type { Locale } from './core/types';
import { formatJson } from './format/json';
import { toJsonReport, type JsonFileReport } from './format/positions';
import { formatSarif } from './format/sarif';
import { formatStylish } from './format/stylish';

declare const PMM_LINT_VERSION: string;
const VERSION = typeof PMM_LINT_VERSION === 'string' ? PMM_LINT_VERSION : '0.0.0-dev';

export const MARKDOWN_GLOB = '**/*.{md,markdown,mdx,mkd}';
const DEFAULT_IGNORES = ['**/node_modules/**', '**/.git/**', '**/.vscode-test/**'];

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<string>;
  cwd: string;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
}

type Format = 'stylish' | 'json' | 'sarif';

function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8000);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}

function humanSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/** What linting one file gave: its report, the notices to print on stderr, and whether it failed (exit 2). */
interface FileOutcome {
  report?: JsonFileReport;
  notices: string[];
  failed: boolean;
}

interface FileJob {
  abs: string;
  display: string;
  explicit: boolean;
}

interface LintContext {
  locale: Locale;
  /** --locale given: it wins over the config's locale. */
  localeForced: boolean;
  quiet: boolean;
  configFor: (filePath: string) => ResolvedConfig | null;
}

function lintSource(display: string, filePath: string | undefined, text: string, config: ResolvedConfig, ctx: LintContext, notices: string[]): JsonFileReport {
  const result = lintText(text, {
    filePath,
    config,
    locale: ctx.localeForced ? ctx.locale : config.locale ?? ctx.locale,
    onRuleError: (ruleId, error) => notices.push(`pmm-lint: rule ${ruleId} failed on ${display}: ${(error as Error).stack ?? error}`),
  });
  const cut = nestingCutAt(result.model.root);
  if (cut !== undefined) notices.push(t(ctx.locale, 'cli.tooDeep', { file: display, line: result.model.lines.position(cut).line }));
  const report = toJsonReport(display, result);
  if (ctx.quiet) report.findings = report.findings.filter((f) => f.severity === 'error');
  return report;
}

/**
 * lintSource for one file of many: should the engine ever throw on some text, that file gets a notice and exit
 * code 2, and the other files are still reported (rather than an internal error that loses every report).
 */
function lintSourceSafely(display: string, filePath: string | undefined, text: string, config: ResolvedConfig, ctx: LintContext): FileOutcome {
  const notices: string[] = [];
  try {
    return { report: lintSource(display, filePath, text, config, ctx, notices), notices, failed: false };
  } catch (error) {
    notices.push(t(ctx.locale, 'cli.lintFailed', { file: display, reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }));
    return { notices, failed: true };
  }
}

/** Reads and lints one file: ignored, too large, binary and unreadable files give a notice instead of a report. */
function lintFile(job: FileJob, ctx: LintContext): FileOutcome {
  const { abs, display, explicit } = job;
  const locale = ctx.locale;
  const config = ctx.configFor(abs);
  if (!config) return { notices: [], failed: false }; // its config failed: already reported
  if (isIgnored(config, abs)) return { notices: explicit ? [t(locale, 'cli.ignored', { file: display })] : [], failed: false };
  let buf: Buffer;
  try {
    const size = fs.statSync(abs).size;
    if (size > config.maxFileSize) {
      return { notices: [t(locale, 'cli.skipLarge', { file: display, size: humanSize(size), limit: humanSize(config.maxFileSize) })], failed: false };
    }
    buf = fs.readFileSync(abs);
  } catch (error) {
    return { notices: [t(locale, 'cli.unreadable', { file: display, reason: (error as NodeJS.ErrnoException).code ?? String(error) })], failed: true };
  }
  if (looksBinary(buf)) return { notices: [t(locale, 'cli.skipBinary', { file: display })], failed: false };
  let text = buf.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return lintSourceSafely(display, abs, text, config, ctx);
}

/** One config per config file (or none), loaded once; a broken one is reported once through `onError`. */
function configCache(explicitConfig: string | undefined, onError: (error: ConfigError) => void): (filePath: string) => ResolvedConfig | null {
  const byFile = new Map<string, ResolvedConfig | ConfigError>();
  return (filePath) => {
    const key = explicitConfig ?? findConfigFile(path.dirname(filePath)) ?? '';
    if (!byFile.has(key)) {
      try {
        byFile.set(key, key ? loadConfigFile(key) : defaultConfig());
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        byFile.set(key, error);
        onError(error);
      }
    }
    const c = byFile.get(key)!;
    return c instanceof ConfigError ? null : c;
  };
}

interface WorkerInput {
  pmmLintWorker: true;
  jobs: FileJob[];
  explicitConfig?: string;
  locale: Locale;
  localeForced: boolean;
  quiet: boolean;
}

// Below this many files one thread is faster: a worker costs a few tens of milliseconds to start.
const PARALLEL_THRESHOLD = 64;

/** Lints files on worker threads (one per core, up to 4), in the order given. */
async function lintInParallel(jobs: FileJob[], input: Omit<WorkerInput, 'jobs' | 'pmmLintWorker'>): Promise<FileOutcome[]> {
  const threads = Math.max(1, Math.min(4, os.availableParallelism?.() ?? os.cpus().length, Math.ceil(jobs.length / 32)));
  // Interleaved shares: neighbouring files (often alike in size) go to different threads.
  const shares: number[][] = Array.from({ length: threads }, () => []);
  jobs.forEach((_, i) => shares[i % threads].push(i));
  const outcomes: FileOutcome[] = new Array(jobs.length);
  await Promise.all(
    shares.map(
      (indexes) =>
        new Promise<void>((resolve, reject) => {
          const data: WorkerInput = { pmmLintWorker: true, jobs: indexes.map((i) => jobs[i]), ...input };
          const worker = new Worker(__filename, { workerData: data });
          worker.once('message', (results: FileOutcome[]) => {
            results.forEach((r, k) => (outcomes[indexes[k]] = r));
            resolve();
          });
          worker.once('error', reject);
          worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a lint worker exited with code ${code}`))));
        }),
    ),
  );
  return outcomes;
}

function runWorker(input: WorkerInput): void {
  // Config errors were reported by the main thread, which skipped those files.
  const ctx: LintContext = { locale: input.locale, localeForced: input.localeForced, quiet: input.quiet, configFor: configCache(input.explicitConfig, () => {}) };
  parentPort!.postMessage(input.jobs.map((job) => lintFile(job, ctx)));
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let locale: Locale = localeFromEnv(io.env);
  const usage = (detail: string) => {
    io.stderr(t(locale, 'cli.usage', { detail }) + '\n');
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
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
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
  const format = (opts.format ?? 'stylish') as Format;
  if (!['stylish', 'json', 'sarif'].includes(format)) return usage(`--format must be stylish, json or sarif, not '${opts.format}'`);
  let maxWarnings = -1;
  if (opts['max-warnings'] !== undefined) {
    if (!/^-?\d+$/.test(opts['max-warnings'])) return usage(`--max-warnings needs a whole number, not '${opts['max-warnings']}'`);
    maxWarnings = Number(opts['max-warnings']);
  }
  if (opts['stdin-filename'] !== undefined && !opts.stdin) return usage('--stdin-filename goes with --stdin');
  if (!opts.stdin && parsed.positionals.length === 0) return usage('no files, folders or globs given');
  if (opts.stdin && parsed.positionals.length > 0) return usage('--stdin takes no file arguments');

  let exitCode = 0;
  const fail = (message: string) => {
    io.stderr(message + '\n');
    exitCode = 2;
  };
  const explicitConfig = opts.config ? path.resolve(io.cwd, opts.config) : undefined;
  if (explicitConfig && !fs.existsSync(explicitConfig)) {
    io.stderr(t(locale, 'cli.configError', { file: opts.config!, where: '', detail: t(locale, 'cli.notFound', { file: opts.config! }) }) + '\n');
    return 2;
  }

  // One config per config file, loaded once; a broken one is reported once and its files are skipped.
  const configFor = configCache(explicitConfig, (error) => {
    const where = error.line ? `:${error.line}${error.column ? `:${error.column}` : ''}` : '';
    fail(t(locale, 'cli.configError', { file: path.relative(io.cwd, error.file) || error.file, where, detail: error.detail }));
  });
  const ctx: LintContext = { locale, localeForced: opts.locale !== undefined, quiet: Boolean(opts.quiet), configFor };

  const reports: JsonFileReport[] = [];
  if (opts.stdin) {
    const name = opts['stdin-filename'] ?? '<stdin>';
    const filePath = opts['stdin-filename'] ? path.resolve(io.cwd, name) : undefined;
    const config = configFor(filePath ?? path.join(io.cwd, 'stdin.md'));
    const text = await io.readStdin();
    if (config) {
      const outcome = lintSourceSafely(name, filePath, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, config, ctx);
      for (const n of outcome.notices) io.stderr(n + '\n');
      if (outcome.failed) exitCode = 2;
      if (outcome.report) reports.push(outcome.report);
    }
  } else {
    const files = new Map<string, boolean>(); // absolute path -> named explicitly
    for (const arg of parsed.positionals) {
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
        for (const f of globSync(MARKDOWN_GLOB, { cwd: abs, absolute: true, ignore: DEFAULT_IGNORES, dot: false }).map((g) => path.normalize(g))) if (!files.has(f)) files.set(f, false);
      } else if (stat) {
        files.set(abs, true);
      } else if (isDynamicPattern(arg)) {
        const matched = globSync(arg, { cwd: io.cwd, absolute: true, ignore: DEFAULT_IGNORES }).filter((f) => /\.(md|markdown|mdx|mkd)$/i.test(f));
        if (matched.length === 0) fail(t(locale, 'cli.noMatch', { pattern: arg }));
        for (const f of matched.map((g) => path.normalize(g))) if (!files.has(f)) files.set(f, false);
      } else {
        fail(t(locale, 'cli.notFound', { file: arg }));
      }
    }
    const jobs: FileJob[] = [...files.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([abs, explicit]) => ({ abs, display: path.relative(io.cwd, abs) || abs, explicit }))
      // Load every config here first, so a broken one is reported once, and its files are skipped.
      .filter((job) => configFor(job.abs) !== null);
    const outcomes =
      jobs.length >= PARALLEL_THRESHOLD && io.env.PMM_LINT_THREADS !== '1'
        ? await lintInParallel(jobs, { explicitConfig, locale, localeForced: ctx.localeForced, quiet: ctx.quiet })
        : jobs.map((job) => lintFile(job, ctx));
    for (const outcome of outcomes) {
      for (const n of outcome.notices) io.stderr(n + '\n');
      if (outcome.failed) exitCode = 2;
      if (outcome.report) reports.push(outcome.report);
    }
  }

  const useColor = opts['no-color'] ? false : opts.color ? true : io.env.FORCE_COLOR ? io.env.FORCE_COLOR !== '0' : io.isTTY && !io.env.NO_COLOR;
  if (format === 'json') io.stdout(formatJson(reports));
  else if (format === 'sarif') io.stdout(formatSarif(reports, locale, VERSION, io.cwd));
  else io.stdout(formatStylish(reports, locale, useColor));

  if (exitCode === 2) return 2;
  const errors = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
  const warnings = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  if (errors > 0) return 1;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr(t(locale, 'cli.tooManyWarnings', { max: maxWarnings }) + '\n');
    return 1;
  }
  return 0;
}

export function main(): void {
  const io: CliIO = {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readStdin: () =>
      new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        process.stdin.on('data', (c: Buffer) => chunks.push(c));
        process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        process.stdin.on('error', reject);
      }),
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

if (!isMainThread && (workerData as WorkerInput | undefined)?.pmmLintWorker) runWorker(workerData as WorkerInput);
else if (require.main === module) main();
