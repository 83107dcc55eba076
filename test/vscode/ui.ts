// UI tests as a person would use pmm-lint: the packaged .vsix installed into code-server, a workspace with a
// flawed brief; read the Problems panel and the status bar, run palette commands, open the preview and read the
// scorecard inside the webview. Screenshots go to test-output/vscode-ui/. Waits are on locators.
import { spawnSync } from 'node:child_process';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { installExtension, launchBrowser, scratch, startCodeServer } from './codeServer';
import { CACHE, ROOT } from './setup';
import { editorSteps, prepareEditorWorkspace } from './ui-editor';
import { OUTPUT, palette, TIMEOUT } from './ui-common';

export { OUTPUT };

// What the in-page functions below use of the DOM (this project compiles without the DOM library).
interface PageElement {
  tagName: string;
  attributes: ArrayLike<{ name: string }>;
  innerText: string;
  dataset: Record<string, string | undefined>;
  src: string;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  getAttribute(name: string): string | null;
}
declare const document: { body: PageElement; scripts: ArrayLike<PageElement>; getElementById(id: string): PageElement | null };
declare function getComputedStyle(el: PageElement): { display: string };


/** Builds the production bundle and the .vsix, as `npm run package` does. */
function packageVsix(): string {
  const vsix = path.join(CACHE, 'pmm-lint.vsix');
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--production'], { cwd: ROOT, stdio: 'inherit' });
  assert.equal(build.status, 0, 'production build');
  const vsce = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--out', vsix], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(vsce.status, 0, `vsce package: ${vsce.stdout}\n${vsce.stderr}`);
  return vsix;
}

async function steps(page: Page, url: string, ws: string): Promise<void> {
  await page.goto(`${url}/?folder=${encodeURIComponent(ws)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  const explorerItem = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'gtm-brief.md' });
  await explorerItem.waitFor({ timeout: TIMEOUT });
  await explorerItem.click();
  await page.locator('.tab', { hasText: 'gtm-brief.md' }).waitFor({ timeout: TIMEOUT });

  // The Problems panel lists the language server's findings.
  await page.keyboard.press('Control+Shift+M');
  const problems = page.locator('.markers-panel');
  await problems.locator('.monaco-list-row', { hasText: 'unproven-claim' }).first().waitFor({ timeout: TIMEOUT });
  const problemsText = await problems.innerText();
  for (const rule of ['required-element', 'placeholder', 'vague-date', 'empty-section', 'vague-metric']) assert.ok(problemsText.includes(rule), `Problems lists ${rule}`);
  assert.match(problemsText, /Missing element 'Owners'/);

  // The status bar shows the score.
  const status = page.locator('.statusbar-item', { hasText: 'PMM 55% · 3 missing' });
  await status.first().waitFor({ timeout: TIMEOUT });
  await page.screenshot({ path: path.join(OUTPUT, '01-problems-and-status-bar.png') });

  // A palette command: insert a missing element.
  await palette(page, 'PMM: Insert Element...', ['Owners']);
  await page.locator('.statusbar-item', { hasText: '2 missing' }).first().waitFor({ timeout: TIMEOUT });
  await page.locator('.monaco-editor .view-lines', { hasText: '## Owners' }).first().waitFor({ timeout: TIMEOUT });
  await page.screenshot({ path: path.join(OUTPUT, '02-insert-element.png') });

  // The preview: its scorecard, read inside the webview.
  await palette(page, 'PMM: Open Checklist Preview to the Side');
  const webview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  const score = webview.locator('.score-value');
  await score.waitFor({ timeout: TIMEOUT });
  const statusText = await page.locator('.statusbar-item', { hasText: 'PMM' }).first().innerText();
  const statusScore = /(\d+)%/.exec(statusText)?.[1];
  await webview.locator('.score-value', { hasText: `${statusScore}%` }).waitFor({ timeout: TIMEOUT });
  const elements = await webview.locator('.elements').innerText();
  for (const title of ['Launch summary', 'Pricing & packaging', 'Owners', 'Success metrics']) assert.ok(elements.includes(title), `scorecard lists ${title}`);
  await webview.locator('.element.missing', { hasText: 'Pricing & packaging' }).waitFor({ timeout: TIMEOUT });
  await webview.locator('#document h1', { hasText: 'Launch plan: Lumen Alerts' }).waitFor({ timeout: TIMEOUT });
  await page.keyboard.press('Control+Shift+M');
  await page.screenshot({ path: path.join(OUTPUT, '03-preview-and-problems.png') });

  // Clicking a missing element in the scorecard inserts it (the page asks the extension, which asks the server).
  await webview.locator('.element.missing', { hasText: 'Pricing & packaging' }).click();
  await page.locator('.statusbar-item', { hasText: '1 missing' }).first().waitFor({ timeout: TIMEOUT });
  await webview.locator('.element:not(.missing)', { hasText: 'Pricing & packaging' }).waitFor({ timeout: TIMEOUT });
  await page.screenshot({ path: path.join(OUTPUT, '04-inserted-from-preview.png') });

  await hostilePreview(page);
  await editorSteps(page, ws);
}

/**
 * A document of script, event handlers, frames, SVG, styles, javascript:/data: links and remote images: the preview
 * shows its text and runs none of it, loads nothing remote, and its one web link opens only through the extension
 * (VS Code asks before opening the site; the webview does not navigate).
 */
async function hostilePreview(page: Page): Promise<void> {
  const remote: string[] = [];
  const dialogs: string[] = [];
  const onRequest = (r: { url(): string }) => {
    if (/example\.com/.test(r.url())) remote.push(r.url());
  };
  const onDialog = (d: { message(): string; dismiss(): Promise<void> }) => {
    dialogs.push(d.message());
    void d.dismiss();
  };
  page.context().on('request', onRequest);
  page.on('dialog', onDialog);
  page.context().on('page', (p) => remote.push(`new page: ${p.url()}`));

  const explorerItem = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'hostile.md' });
  await explorerItem.click();
  const webview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  const doc = webview.locator('#document');
  await doc.locator('p', { hasText: 'The end of the hostile document.' }).waitFor({ timeout: TIMEOUT });
  await webview.locator('.score-value').waitFor({ timeout: TIMEOUT });
  // Hover what could carry a handler, as a reader would. (Raw HTML blocks are not rendered at all; the text of
  // inline HTML is.)
  await doc.getByText('hover me').hover();
  await page.screenshot({ path: path.join(OUTPUT, '05-hostile-preview.png') });

  const state = await webview.locator('body').evaluate(() => {
    const root = document.getElementById('document')!;
    // (No named functions in here: tsx would wrap them in a helper the page does not have.)
      const all = Array.from(root.querySelectorAll('*'));
    return {
      pwned: document.body.dataset.pwned ?? null,
      documentVisible: getComputedStyle(root).display !== 'none',
      forbidden: all.filter((el) => /^(script|iframe|frame|img|svg|style|link|object|embed|form|math|button|input)$/i.test(el.tagName)).map((el) => el.tagName),
      handlers: all.flatMap((el) => Array.from(el.attributes).filter((a) => /^on/i.test(a.name) || a.name === 'style' || a.name === 'srcdoc').map((a) => `${el.tagName} ${a.name}`)),
      links: Array.from(root.querySelectorAll('a[href]')).map((a) => a.getAttribute('href')!),
      scripts: Array.from(document.scripts).map((s) => s.src.replace(/^.*\//, '') || (s.innerText.includes('pwned') ? "the document's" : 'inline')),
      text: root.innerText,
    };
  });
  assert.equal(state.pwned, null, 'no script of the document ran');
  assert.ok(state.documentVisible, "the document's CSS did not hide the preview");
  assert.deepEqual(state.forbidden, [], 'no active or remote elements');
  assert.deepEqual(state.handlers, [], 'no event handler, style or srcdoc attributes');
  assert.ok(state.links.every((href) => /^(https?:|mailto:|#)/.test(href)), `links: ${state.links.join(' ')}`);
  // The page's script, and an inline one VS Code's webview host adds to every webview.
  assert.deepEqual(state.scripts.filter((src) => src !== 'inline'), ['preview.js'], "the page's own script only");
  for (const text of ['hover me', 'An HTML javascript: link', 'A Markdown javascript: link', 'A web link']) assert.ok(state.text.includes(text), `the preview shows: ${text}`);

  // The web link goes through the extension: VS Code asks before opening the site, the webview stays put.
  await doc.getByText('A web link').click();
  const ask = page.locator('.monaco-dialog-box', { hasText: 'example.com' });
  await ask.waitFor({ timeout: TIMEOUT });
  await page.screenshot({ path: path.join(OUTPUT, '06-link-through-extension.png') });
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await ask.waitFor({ state: 'detached', timeout: TIMEOUT });
  await doc.locator('p', { hasText: 'The end of the hostile document.' }).waitFor({ timeout: TIMEOUT });
  // Links that must do nothing at all.
  await doc.getByText('A Markdown javascript: link').click();
  await doc.getByText('A data: link').click();

  page.context().off('request', onRequest);
  page.off('dialog', onDialog);
  assert.deepEqual(dialogs, [], 'no alert from the document');
  assert.deepEqual(remote, [], 'nothing loaded from or opened at the remote site');
  const state2 = await webview.locator('body').evaluate(() => document.body.dataset.pwned ?? null);
  assert.equal(state2, null, 'still nothing ran after the clicks');
}

export async function runUiTests(): Promise<boolean> {
  fs.mkdirSync(OUTPUT, { recursive: true });
  const dir = scratch('ui');
  let vsix: string;
  try {
    vsix = packageVsix();
    installExtension(dir, vsix);
  } catch (error) {
    console.error(`[vscode-tests] UI tests: cannot package or install the extension: ${(error as Error).message}`);
    return false;
  }
  const ws = path.join(dir, 'workspace');
  fs.mkdirSync(ws, { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'examples', 'en', 'gtm-brief.flawed.md'), path.join(ws, 'gtm-brief.md'));
  fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'preview', 'hostile.md'), path.join(ws, 'hostile.md'));
  prepareEditorWorkspace(ws);
  const server = await startCodeServer(dir);
  const { context, page } = await launchBrowser(dir);
  try {
    await steps(page, server.url, ws);
    console.log(`[vscode-tests] UI tests passed; screenshots in ${path.relative(ROOT, OUTPUT)}/`);
    if (process.env.PMM_LINT_UPDATE_SCREENSHOT === '1') fs.copyFileSync(path.join(OUTPUT, '03-preview-and-problems.png'), path.join(ROOT, 'docs', 'images', 'preview-and-problems.png'));
    return true;
  } catch (error) {
    await page.screenshot({ path: path.join(OUTPUT, 'failure.png') }).catch(() => {});
    console.error(`[vscode-tests] UI tests failed (screenshot: ${path.relative(ROOT, path.join(OUTPUT, 'failure.png'))}): ${(error as Error).stack ?? error}`);
    return false;
  } finally {
    await context.close();
    await server.stop();
  }
}
