// Runs every test file under test/ (TypeScript through tsx) with node's test runner, after making sure the
// tools the editor tests need are there (Neovim for the second LSP client); then the real-VS Code suites
// (test/vscode/run.ts: extension host suite and UI tests, set up and cached in .vscode-test/).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'fixtures' || name === 'node_modules' || p === join('test', 'vscode')) continue;
    if (statSync(p).isDirectory()) find(p, out);
    else if (/\.test\.ts$/.test(name)) out.push(p);
  }
  return out;
}

const has = (cmd) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;

/** Neovim from Debian's packages, installed when missing and we may (root + apt-get). Never skipped silently. */
function ensureNeovim() {
  if (process.env.PMM_LINT_SKIP_NVIM === '1') {
    console.warn('PMM_LINT_SKIP_NVIM=1: the Neovim LSP test is skipped.');
    return;
  }
  if (has('nvim')) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && has('apt-get')) {
    console.log('Installing neovim (Debian package) for the Neovim LSP client test...');
    const run = (args) => spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
    if (!run(['install', '-y', '-q', 'neovim']) && run(['update', '-q'])) run(['install', '-y', '-q', 'neovim']);
  }
  if (!has('nvim')) {
    console.error('The Neovim LSP test needs `nvim` (Debian: apt-get install neovim). Install it, or set PMM_LINT_SKIP_NVIM=1 to opt out.');
  }
}

const only = process.argv.slice(2);
const files = only.length ? only : find('test').sort();
if (files.length === 0) {
  console.error('No test files found under test/.');
  process.exit(1);
}
if (files.some((f) => f.includes('nvim'))) ensureNeovim();
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
let status = result.status ?? 1;
// The real-VS Code suites run with the whole test run (not when test files are named).
if (only.length === 0) {
  const vscode = spawnSync(process.execPath, ['--import', 'tsx', join('test', 'vscode', 'run.ts')], { stdio: 'inherit' });
  if (vscode.status !== 0) status = status || vscode.status || 1;
}
process.exit(status);
