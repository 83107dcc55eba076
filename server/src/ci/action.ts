// The GitHub Action's step (action.yml runs bin/pmm-lint-action.js, which calls this from the CLI's bundle): lints the pull request's changed Markdown
// files (or the files named), then writes line annotations to the log, a SARIF file for code scanning, a summary
// table to the job summary, and step outputs. One lint, four views of it. The exit code is the CLI's.
//
// Environment (set by action.yml from its inputs; all optional):
//   PMM_LINT_FILES   files, folders or globs to lint, one per line; empty: the files changed since the base
//   PMM_LINT_BASE    the git ref to compare with; default origin/$GITHUB_BASE_REF in a pull request, else none
//                    (then the whole repository is linted)
//   PMM_LINT_CONFIG  a config file for --config;  PMM_LINT_LOCALE  en or zh;  PMM_LINT_SARIF  the SARIF path
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, type CliIO } from '../cli';
import { localeFromEnv, parseLocale } from '../core/i18n';
import { formatGithub } from '../format/github';
import { severityCounts, type JsonFileReport } from '../format/positions';
import { formatSarif } from '../format/sarif';
import { formatSummary } from '../format/summary';

declare const PMM_LINT_VERSION: string;
const VERSION = typeof PMM_LINT_VERSION === 'string' ? PMM_LINT_VERSION : '0.0.0-dev';

export interface ActionIO {
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** The CLI's arguments for this run: JSON out, the config, then what to lint. */
export function cliArgs(env: NodeJS.ProcessEnv): string[] {
  const args = ['--format', 'json'];
  if (env.PMM_LINT_CONFIG) args.push('--config', env.PMM_LINT_CONFIG);
  if (env.PMM_LINT_LOCALE) args.push('--locale', env.PMM_LINT_LOCALE);
  const files = (env.PMM_LINT_FILES ?? '').split('\n').map((s) => s.trim()).filter(Boolean);
  if (files.length > 0) return [...args, ...files];
  const base = env.PMM_LINT_BASE || (env.GITHUB_BASE_REF ? `origin/${env.GITHUB_BASE_REF}` : '');
  return base ? [...args, '--changed-since', base] : [...args, '.'];
}

function appendTo(file: string | undefined, text: string): void {
  if (file) fs.appendFileSync(file, text);
}

export async function runAction(io: ActionIO): Promise<number> {
  const locale = parseLocale(io.env.PMM_LINT_LOCALE) ?? localeFromEnv(io.env);
  let json = '';
  const cli: CliIO = {
    stdout: (s) => (json += s),
    stderr: io.stderr,
    readStdin: async () => ({ ok: false, size: 0 }),
    cwd: io.cwd,
    env: io.env,
    isTTY: false,
  };
  const code = await runCli(cliArgs(io.env), cli);
  let reports: JsonFileReport[];
  try {
    reports = json.trim() ? (JSON.parse(json) as JsonFileReport[]) : [];
  } catch {
    io.stderr('pmm-lint: the CLI did not write a JSON report\n');
    return 2;
  }
  io.stdout(formatGithub(reports, io.cwd));
  const sarif = path.resolve(io.cwd, io.env.PMM_LINT_SARIF || path.join(io.env.RUNNER_TEMP || io.cwd, 'pmm-lint.sarif'));
  fs.writeFileSync(sarif, formatSarif(reports, locale, VERSION, io.cwd));
  appendTo(io.env.GITHUB_STEP_SUMMARY, formatSummary(reports, locale, io.cwd));
  const { error: errors, warning: warnings } = severityCounts(reports);
  appendTo(io.env.GITHUB_OUTPUT, `sarif-file=${sarif}\nfiles=${reports.length}\nerrors=${errors}\nwarnings=${warnings}\n`);
  return code;
}

/** The Action's entry point: process environment in, exit code set. */
export function main(): void {
  runAction({ env: process.env, cwd: process.cwd(), stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) }).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`pmm-lint: ${(error as Error).stack ?? error}\n`);
      process.exitCode = 2;
    },
  );
}
