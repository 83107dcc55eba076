// What the real-VS Code tests need, installed on first use and cached under .vscode-test/ (git-ignored):
// code-server 4.100.3 (VS Code 1.100.3) from npm, and Debian's chromium. Only the npm registry and Debian's
// packages are used (code-server's ripgrep download from GitHub is pre-seeded with Debian's rg).
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CACHE = path.join(ROOT, '.vscode-test');
export const CODE_SERVER_VERSION = '4.100.3';
const CS_DIR = path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER = path.join(CS_DIR, 'node_modules', '.bin', 'code-server');
export const CHROMIUM = process.env.PMM_LINT_CHROMIUM ?? '/usr/bin/chromium';
const RIPGREP_VERSION = '1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

export class SetupError extends Error {}

function run(cmd: string, args: string[], options: SpawnSyncOptions = {}): void {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (r.status !== 0) throw new SetupError(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/** Debian packages, when missing (root only; otherwise say what to install). */
function ensureDebianPackages(wanted: Array<{ pkg: string; present: () => boolean }>): void {
  const missing = wanted.filter((w) => !w.present()).map((w) => w.pkg);
  if (missing.length === 0) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !has('apt-get')) throw new SetupError(`missing Debian packages: ${missing.join(' ')} (install them: apt-get install -y ${missing.join(' ')})`);
  console.log(`[vscode-tests] installing ${missing.join(', ')} (Debian packages)...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (spawnSync('apt-get', ['install', '-y', '-q', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env }).status !== 0) {
    run('apt-get', ['update', '-q'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    run('apt-get', ['install', '-y', '-q', ...missing], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  }
}

function ensureCodeServer(): void {
  const marker = path.join(CS_DIR, '.installed');
  if (fs.existsSync(marker) && fs.existsSync(CODE_SERVER)) return;
  console.log(`[vscode-tests] installing code-server ${CODE_SERVER_VERSION} into ${path.relative(ROOT, CS_DIR)} (once; about 1-2 minutes)...`);
  const tmp = path.join(CACHE, 'tmp');
  const rgCache = path.join(tmp, `vscode-ripgrep-cache-${RIPGREP_VERSION}`);
  fs.mkdirSync(rgCache, { recursive: true });
  fs.mkdirSync(CS_DIR, { recursive: true });
  const stage = fs.mkdtempSync(path.join(tmp, 'rg-'));
  fs.copyFileSync('/usr/bin/rg', path.join(stage, 'rg'));
  run('tar', ['czf', path.join(rgCache, RIPGREP_ASSET), '-C', stage, 'rg']);
  if (!fs.existsSync(path.join(CS_DIR, 'package.json'))) fs.writeFileSync(path.join(CS_DIR, 'package.json'), '{ "name": "pmm-lint-code-server", "private": true }\n');
  run('npm', ['install', '--no-audit', '--no-fund', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: CS_DIR,
    // code-server's postinstall refuses root without unsafe_perm; node-pty's postinstall runs npx.
    env: { ...process.env, TMPDIR: tmp, npm_config_yes: 'true', npm_config_unsafe_perm: 'true' },
  });
  fs.writeFileSync(marker, new Date().toISOString() + '\n');
}

/** Installs what is missing; throws SetupError with what to do when it cannot. */
export function ensureTools(): void {
  fs.mkdirSync(CACHE, { recursive: true });
  ensureDebianPackages([
    { pkg: 'chromium', present: () => fs.existsSync(CHROMIUM) },
    { pkg: 'ripgrep', present: () => fs.existsSync('/usr/bin/rg') || fs.existsSync(CODE_SERVER) },
    // For code-server's native modules (kerberos, node-pty), built from source.
    { pkg: 'libkrb5-dev', present: () => fs.existsSync('/usr/include/krb5.h') || fs.existsSync(CODE_SERVER) },
    { pkg: 'build-essential', present: () => has('g++') && has('make') },
    { pkg: 'pkg-config', present: () => has('pkg-config') || fs.existsSync(CODE_SERVER) },
  ]);
  // Chinese glyphs in the screenshots: nice to have, never a reason to fail.
  try {
    ensureDebianPackages([{ pkg: 'fonts-noto-cjk', present: () => fs.existsSync('/usr/share/fonts/opentype/noto') }]);
  } catch (error) {
    console.warn(`[vscode-tests] no CJK fonts for the screenshots (${(error as Error).message})`);
  }
  ensureCodeServer();
}
