// pmm-lint [options] <files|dirs|globs>: the engine for CI and the terminal.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { ConfigError, isIgnored, findConfigFile, loadConfigFile, defaultConfig, type ResolvedConfig } from './core/config';
import { localeFromEnv, parseLocale, t } from './core/i18n';
import { lintText } from './core/lint';
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

  // One config per folder (and per config file), loaded once.
  const configByFile = new Map<string, ResolvedConfig | ConfigError>();
  const configFor = (filePath: string): ResolvedConfig | null => {
    const key = explicitConfig ?? findConfigFile(path.dirname(filePath)) ?? '';
    if (!configByFile.has(key)) {
      try {
        configByFile.set(key, key ? loadConfigFile(key) : defaultConfig());
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        configByFile.set(key, error);
        const where = error.line ? `:${error.line}${error.column ? `:${error.column}` : ''}` : '';
        fail(t(locale, 'cli.configError', { file: path.relative(io.cwd, error.file) || error.file, where, detail: error.detail }));
      }
    }
    const c = configByFile.get(key)!;
    return c instanceof ConfigError ? null : c;
  };

  const reports: JsonFileReport[] = [];
  const lintOne = (displayName: string, filePath: string | undefined, text: string, config: ResolvedConfig) => {
    const result = lintText(text, {
      filePath,
      config,
      locale: opts.locale ? locale : config.locale ?? locale,
      onRuleError: (ruleId, error) => io.stderr(`pmm-lint: rule ${ruleId} failed on ${displayName}: ${(error as Error).stack ?? error}\n`),
    });
    const report = toJsonReport(displayName, result);
    if (opts.quiet) report.findings = report.findings.filter((f) => f.severity === 'error');
    reports.push(report);
  };

  if (opts.stdin) {
    const name = opts['stdin-filename'] ?? '<stdin>';
    const filePath = opts['stdin-filename'] ? path.resolve(io.cwd, name) : undefined;
    const config = configFor(filePath ?? path.join(io.cwd, 'stdin.md'));
    const text = await io.readStdin();
    if (config) lintOne(name, filePath, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, config);
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
        for (const f of globSync(MARKDOWN_GLOB, { cwd: abs, absolute: true, ignore: DEFAULT_IGNORES, dot: false })) if (!files.has(f)) files.set(path.normalize(f), false);
      } else if (stat) {
        files.set(abs, true);
      } else if (isDynamicPattern(arg)) {
        const matched = globSync(arg, { cwd: io.cwd, absolute: true, ignore: DEFAULT_IGNORES }).filter((f) => /\.(md|markdown|mdx|mkd)$/i.test(f));
        if (matched.length === 0) fail(t(locale, 'cli.noMatch', { pattern: arg }));
        for (const f of matched) if (!files.has(f)) files.set(path.normalize(f), false);
      } else {
        fail(t(locale, 'cli.notFound', { file: arg }));
      }
    }
    for (const [abs, explicit] of [...files.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
      const display = path.relative(io.cwd, abs) || abs;
      const config = configFor(abs);
      if (!config) continue;
      if (isIgnored(config, abs)) {
        if (explicit) io.stderr(t(locale, 'cli.ignored', { file: display }) + '\n');
        continue;
      }
      let buf: Buffer;
      try {
        const size = fs.statSync(abs).size;
        if (size > config.maxFileSize) {
          io.stderr(t(locale, 'cli.skipLarge', { file: display, size: humanSize(size), limit: humanSize(config.maxFileSize) }) + '\n');
          continue;
        }
        buf = fs.readFileSync(abs);
      } catch (error) {
        fail(t(locale, 'cli.unreadable', { file: display, reason: (error as NodeJS.ErrnoException).code ?? String(error) }));
        continue;
      }
      if (looksBinary(buf)) {
        io.stderr(t(locale, 'cli.skipBinary', { file: display }) + '\n');
        continue;
      }
      let text = buf.toString('utf8');
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      lintOne(display, abs, text, config);
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

if (require.main === module) main();
