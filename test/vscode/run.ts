// The real-VS Code suites, run by `npm test` after the unit and LSP tests:
//  1. the mocha suite inside the VS Code extension host (test/vscode/suite), under @vscode/test-electron when
//     VSCODE_EXECUTABLE names a VS Code executable, else in code-server's extension host driven by Chromium;
//  2. UI tests as a person would use it: the packaged .vsix in code-server, driven with Playwright (ui.ts).
// Set-up is automatic and cached in .vscode-test/. PMM_LINT_SKIP_VSCODE=1 opts out, explicitly; otherwise a
// suite that cannot run fails `npm test` with the reason. PMM_LINT_VSCODE=download runs the extension host suite
// in a VS Code that @vscode/test-electron downloads (where that works) instead of code-server.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';
import { launchBrowser, scratch, startCodeServer } from './codeServer';
import { CACHE, ensureTools, ROOT, SetupError } from './setup';
import { runUiTests } from './ui';

const SUITE_TIMEOUT_MS = 5 * 60 * 1000;

/** A workspace with flawed examples and a note that is not a PMM document. */
export function makeWorkspace(dir: string): string {
  const ws = path.join(dir, 'workspace');
  fs.mkdirSync(ws, { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'examples', 'en', 'gtm-brief.flawed.md'), path.join(ws, 'gtm-brief.md'));
  fs.copyFileSync(path.join(ROOT, 'examples', 'en', 'gtm-brief.flawed.md'), path.join(ws, 'fix-me.md'));
  fs.copyFileSync(path.join(ROOT, 'examples', 'zh', 'positioning.flawed.md'), path.join(ws, 'positioning.md'));
  fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'preview', 'hostile.md'), path.join(ws, 'hostile.md'));
  fs.writeFileSync(path.join(ws, 'notes.md'), '# Team notes\n\nThe best ideas from Monday. TBD.\n\n## Install\n\nnpm i\n');
  return ws;
}

async function bundleSuite(): Promise<string> {
  const out = path.join(CACHE, 'suite', 'index.js');
  await build({
    entryPoints: [path.join(ROOT, 'test', 'vscode', 'suite', 'index.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return out;
}

async function inHostWithElectron(executable: string, suite: string, ws: string): Promise<boolean> {
  const { runTests } = await import('@vscode/test-electron');
  try {
    await runTests({ vscodeExecutablePath: executable, extensionDevelopmentPath: ROOT, extensionTestsPath: suite, launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust'] });
    return true;
  } catch (error) {
    console.error(`[vscode-tests] extension host suite failed: ${(error as Error).message}`);
    return false;
  }
}

/** extensionDevelopmentPath / extensionTestsPath through code-server's URL payload, results through the smoke-test driver hooks. */
async function inHostWithCodeServer(suite: string, ws: string, dir: string): Promise<boolean> {
  const server = await startCodeServer(dir);
  const { context, page } = await launchBrowser(dir);
  try {
    let finish: (code: number | string) => void = () => {};
    const exited = new Promise<number | string>((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => console.log(...(args ?? []).map((a) => (typeof a === 'string' ? a.replace(/%c/g, '') : a))));
    await page.exposeFunction('codeAutomationExit', (code: number) => finish(code));
    // VS Code honours the payload for a built product only with developmentOptions.enableSmokeTestDriver, which
    // code-server's CLI does not take: set it where the workbench reads its configuration.
    await page.addInitScript({
      content: `(() => {
        const original = Element.prototype.getAttribute;
        Element.prototype.getAttribute = function (name) {
          const value = original.call(this, name);
          if (name === 'data-settings' && this.id === 'vscode-workbench-web-configuration' && value) {
            const config = JSON.parse(value);
            config.developmentOptions = { ...(config.developmentOptions || {}), enableSmokeTestDriver: true };
            return JSON.stringify(config);
          }
          return value;
        };
      })();`,
    });
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', `vscode-remote://${server.host}${ROOT}`],
      ['extensionTestsPath', `vscode-remote://${server.host}${suite}`],
    ]);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(payload)}`);
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([exited, new Promise<string>((resolve) => (timer = setTimeout(() => resolve('timeout'), SUITE_TIMEOUT_MS)))]);
    clearTimeout(timer);
    if (code !== 0) console.error(`[vscode-tests] extension host suite: ${code === 'timeout' ? `no result within ${SUITE_TIMEOUT_MS / 1000} s` : `exit code ${code}`}`);
    return code === 0;
  } finally {
    await context.close();
    await server.stop();
  }
}

async function main(): Promise<number> {
  if (process.env.PMM_LINT_SKIP_VSCODE === '1') {
    console.warn('[vscode-tests] PMM_LINT_SKIP_VSCODE=1: the real-VS Code suites are skipped (opted out).');
    return 0;
  }
  let electron = process.env.VSCODE_EXECUTABLE;
  if (!electron && process.env.PMM_LINT_VSCODE === 'download') {
    // Where VS Code's download works (a laptop, a CI with internet and a display): @vscode/test-electron's own.
    const { downloadAndUnzipVSCode } = await import('@vscode/test-electron');
    try {
      electron = await downloadAndUnzipVSCode({ version: '1.100.3', cachePath: CACHE });
    } catch (error) {
      console.error(`[vscode-tests] PMM_LINT_VSCODE=download: the VS Code download failed (${(error as Error).message}).`);
      return 1;
    }
  }
  try {
    ensureTools();
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    console.error(`[vscode-tests] cannot set up the real-VS Code tests: ${error.message}.\nFix that, or set PMM_LINT_SKIP_VSCODE=1 to opt out explicitly.`);
    return 1;
  }
  const suite = await bundleSuite();
  const results: Array<[string, boolean]> = [];

  const hostDir = scratch('extension-host');
  const ws = makeWorkspace(hostDir);
  console.log(`[vscode-tests] extension host suite (${electron ? `VS Code at ${electron}` : 'code-server + Chromium'})`);
  results.push(['extension host suite', electron ? await inHostWithElectron(electron, suite, ws) : await inHostWithCodeServer(suite, ws, hostDir)]);

  console.log('[vscode-tests] UI tests (packaged .vsix in code-server, Playwright)');
  results.push(['UI tests', await runUiTests()]);

  for (const [name, ok] of results) console.log(`[vscode-tests] ${ok ? '✔' : '✖'} ${name}`);
  return results.every(([, ok]) => ok) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error('[vscode-tests] failed:', error);
    process.exit(1);
  },
);
