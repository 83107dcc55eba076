// Starts code-server (a real VS Code workbench + Node extension host) in its own process group, with a scratch
// HOME, user data and extensions folder; ready when it logs that it listens; stopped by killing the group.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CACHE, CHROMIUM, CODE_SERVER } from './setup';

export interface CodeServer {
  url: string;
  host: string;
  dir: string;
  log: () => string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export function scratch(name: string): string {
  fs.mkdirSync(path.join(CACHE, 'runs'), { recursive: true });
  return fs.mkdtempSync(path.join(CACHE, 'runs', `${name}-`));
}

function environment(dir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOME: path.join(dir, 'home'),
    XDG_CONFIG_HOME: path.join(dir, 'xdg-config'),
    XDG_DATA_HOME: path.join(dir, 'xdg-data'),
    XDG_CACHE_HOME: path.join(dir, 'xdg-cache'),
    TMPDIR: os.tmpdir(),
  };
}

export function userDirs(dir: string, settings: Record<string, unknown> = {}) {
  const ud = path.join(dir, 'user-data');
  const ext = path.join(dir, 'extensions');
  fs.mkdirSync(path.join(ud, 'User'), { recursive: true });
  fs.mkdirSync(ext, { recursive: true });
  fs.mkdirSync(path.join(dir, 'home'), { recursive: true });
  fs.writeFileSync(
    path.join(ud, 'User', 'settings.json'),
    JSON.stringify({
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'workbench.startupEditor': 'none',
      'telemetry.telemetryLevel': 'off',
      'security.workspace.trust.enabled': false,
      'workbench.colorTheme': 'Default Light Modern',
      'window.commandCenter': false,
      'git.enabled': false,
      'git.openRepositoryInParentFolders': 'never',
      ...settings,
    }),
  );
  return { ud, ext };
}

export function installExtension(dir: string, vsix: string): void {
  const { ud, ext } = userDirs(dir);
  const r = spawnSync(CODE_SERVER, ['--user-data-dir', ud, '--extensions-dir', ext, '--install-extension', vsix], { env: environment(dir), encoding: 'utf8' });
  if (r.status !== 0 || !/successfully installed/.test(r.stdout)) throw new Error(`installing ${vsix} failed: ${r.stdout}\n${r.stderr}`);
}

export async function startCodeServer(dir: string, workspace?: string, timeoutMs = 60000): Promise<CodeServer> {
  const port = await freePort();
  const { ud, ext } = userDirs(dir);
  const args = ['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--user-data-dir', ud, '--extensions-dir', ext];
  if (workspace) args.push(workspace);
  // detached = its own process group (setsid): code-server forks, and we end the whole group.
  const child: ChildProcess = spawn(CODE_SERVER, args, { detached: true, env: environment(dir), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (d: Buffer) => {
      output += d.toString();
      if (/HTTP server listening on/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code}):\n${output}`));
    });
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await ready;
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}`, dir, log: () => output, stop };
}

export async function launchBrowser(dir: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(path.join(dir, 'chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1600, height: 1000 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}
