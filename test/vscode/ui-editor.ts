// UI tests of the editor side, after the tour in ui.ts: a draft from "New Document..." (to-dos, then errors once it
// is in review), a Chinese document under the English UI, the light bulb's insertion shown where it went, the
// preview's list bullets, suggestions as you type (`pmm`, `#`), and a settings change after "Lint Workspace".
// Waits are on locators or on the page's state (waitForFunction), never on time.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './setup';
import { OUTPUT, palette, TIMEOUT } from './ui-common';

// What the in-page functions below use of the DOM (this project compiles without the DOM library).
interface PageElement {
  innerText: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageElement | null;
}
declare const document: { querySelector(selector: string): PageElement | null; querySelectorAll(selector: string): ArrayLike<PageElement> };
declare function getComputedStyle(el: PageElement): { listStyleType: string; display: string };

const FILLER_PARAGRAPHS = 90;

/** The files these steps use, beside the tour's. */
export function prepareEditorWorkspace(ws: string): void {
  const brief = fs.readFileSync(path.join(ROOT, 'examples', 'en', 'gtm-brief.flawed.md'), 'utf8');
  // A long brief: the element the light bulb inserts lands far below the title where its diagnostic is.
  const filler = Array.from({ length: FILLER_PARAGRAPHS }, (_, i) => `Review note ${i + 1}.\n`).join('\n');
  fs.writeFileSync(path.join(ws, 'bulb.md'), brief.replace("## What we're launching", `${filler}\n## What we're launching`));
  fs.copyFileSync(path.join(ROOT, 'examples', 'en', 'gtm-brief.flawed.md'), path.join(ws, 'closed-brief.md'));
  fs.copyFileSync(path.join(ROOT, 'examples', 'zh', 'positioning.flawed.md'), path.join(ws, 'positioning.md'));
  fs.writeFileSync(path.join(ws, 'scratch.md'), '# Scratch\n');
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(OUTPUT, name) });

function heading(type: string, elementId: string, lang: 'en' | 'zh'): string {
  const checklist = JSON.parse(fs.readFileSync(path.join(ROOT, 'server', 'checklists', `${type}.json`), 'utf8')) as { elements: Array<{ id: string; headings: Record<string, string[]> }> };
  return checklist.elements.find((e) => e.id === elementId)!.headings[lang][0];
}

/** Opens a workspace file from the Explorer and puts the focus in its editor. */
async function openFile(page: Page, name: string): Promise<void> {
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().click();
  await page.locator('.editor-group-container.active .tab.active', { hasText: name }).waitFor({ timeout: TIMEOUT });
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
}

async function showProblems(page: Page): Promise<void> {
  if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor({ timeout: TIMEOUT });
}

async function goToLine(page: Page, line: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: TIMEOUT });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await page.locator('[id="status.editor.selection"]', { hasText: `Ln ${line},` }).waitFor({ timeout: TIMEOUT });
}

/** The cursor's line from the status bar ("Ln 12, Col 3"). */
async function cursorLine(page: Page): Promise<number> {
  const text = await page.locator('[id="status.editor.selection"]').innerText();
  return Number(/Ln (\d+)/.exec(text)?.[1] ?? NaN);
}

/** VS Code's problems counter ("Errors: 2, Infos: 12"), read from the status bar. */
const problemsLabel = () => {
  const item = document.querySelector('[id="status.problems"]');
  return item ? (item.getAttribute('aria-label') ?? item.querySelector('[aria-label]')?.getAttribute('aria-label') ?? '') : '';
};

const problemRows = (page: Page, text: string | RegExp) => page.locator('.markers-panel .monaco-list-row', { hasText: text });

async function filterProblems(page: Page, text: string): Promise<void> {
  const filter = page.getByPlaceholder('Filter (e.g. text, **/*.ts, !**/node_modules/**)');
  await filter.waitFor({ timeout: TIMEOUT });
  await filter.fill(text);
}

/** (a) "New Document..." in draft: named after type and title, a to-do list (info), progress in the status bar. */
async function draftFromNewDocument(page: Page): Promise<void> {
  await palette(page, 'View: Close All Editors');
  await page.locator('.tab').first().waitFor({ state: 'detached', timeout: TIMEOUT });
  await palette(page, 'PMM: New Document...', ['gtm-brief', 'English']);
  await page.locator('.quick-input-widget', { hasText: 'Title of the document' }).waitFor({ timeout: TIMEOUT });
  await page.locator('.quick-input-widget input').fill('Lumen Alerts GA');
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: 'gtm-brief-lumen-alerts-ga.md' }).waitFor({ timeout: TIMEOUT });
  await page.keyboard.press('Escape');
  await page.locator('.monaco-editor .view-line', { hasText: '# Lumen Alerts GA' }).first().waitFor({ timeout: TIMEOUT });
  await page.locator('.statusbar-item', { hasText: /PMM 0 of 11 sections written/ }).first().waitFor({ timeout: TIMEOUT });
  await showProblems(page);
  await problemRows(page, 'To do:').first().waitFor({ timeout: TIMEOUT });
  // Every other editor is closed: the counter is this document's. To-dos are infos, and there is no error.
  await page.waitForFunction(`(${problemsLabel.toString()})().includes('Info')`, undefined, { timeout: TIMEOUT });
  const label = await page.evaluate(problemsLabel);
  assert.doesNotMatch(label, /Error|Warning/, `a fresh draft: only to-dos (${label})`);
  assert.equal(await page.locator('.markers-panel .marker-icon.error').count(), 0, 'no error in Problems');
  await shot(page, '07-draft-template.png');
}

/** (b) The same document in review: its placeholders are errors, the status bar shows the score. */
async function draftToInReview(page: Page): Promise<void> {
  await page.locator('.monaco-editor .view-lines').first().click();
  await goToLine(page, 4);
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await page.keyboard.type('status: in-review');
  await page.keyboard.press('Escape');
  await page.locator('.statusbar-item', { hasText: /PMM \d+%/ }).first().waitFor({ timeout: TIMEOUT });
  await problemRows(page, "Placeholder '").first().waitFor({ timeout: TIMEOUT });
  await page.locator('.markers-panel .marker-icon.error').first().waitFor({ timeout: TIMEOUT });
  assert.equal(await problemRows(page, 'To do:').count(), 0, 'no to-dos left once in review');
  await shot(page, '08-in-review-errors.png');
}

/** (c) + (f) A Chinese document under the English UI: Chinese messages, a Chinese inserted heading, a Chinese preview with bullets. */
async function chineseDocument(page: Page): Promise<void> {
  // Problems lists rows as far as they are in view: only this file's.
  await filterProblems(page, 'positioning.md');
  await openFile(page, 'positioning.md');
  await problemRows(page, '缺少要素「独特属性」').first().waitFor({ timeout: TIMEOUT });
  await palette(page, 'PMM: Insert Element...', ['Unique attributes']);
  const inserted = heading('positioning', 'unique_attributes', 'zh');
  await page.locator('.monaco-editor .view-line', { hasText: `## ${inserted}` }).first().waitFor({ timeout: TIMEOUT });
  await palette(page, 'PMM: Open Checklist Preview to the Side');
  const webview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await webview.locator('.score-label', { hasText: '得分' }).waitFor({ timeout: TIMEOUT });
  await webview.locator('.findings-title', { hasText: '问题' }).waitFor({ timeout: TIMEOUT });
  await webview.locator('.element:not(.missing)', { hasText: '独特属性' }).waitFor({ timeout: TIMEOUT });
  await webview.locator('.element.missing', { hasText: '目标客户' }).waitFor({ timeout: TIMEOUT });
  await shot(page, '09-chinese-document.png');

  // (f) The rendered document's lists keep their bullets (the scorecard's have none).
  const item = webview.locator('#document li').first();
  await item.scrollIntoViewIfNeeded();
  const styles = await webview.locator('body').evaluate(() => ({
    document: getComputedStyle(document.querySelector('#document li')!).listStyleType,
    scorecard: getComputedStyle(document.querySelector('#scorecard li')!).listStyleType,
  }));
  assert.equal(styles.document, 'disc', "the document's list items have bullets");
  assert.equal(styles.scorecard, 'none', "the scorecard's have none");
  await shot(page, '10-preview-list-bullets.png');
}

/** (e) The light bulb's "Insert missing element": the editor goes to the insertion, its placeholder selected. */
async function quickFixReveals(page: Page): Promise<void> {
  await filterProblems(page, 'bulb.md');
  await openFile(page, 'bulb.md');
  await problemRows(page, "Missing element 'Owners'").first().waitFor({ timeout: TIMEOUT });
  await goToLine(page, 8);
  const before = await cursorLine(page);
  // The light bulb beside the line (Ctrl+. opens the same menu where the bulb is not drawn).
  const bulb = page.locator('.lightBulbWidget').first();
  try {
    await bulb.waitFor({ state: 'visible', timeout: 10000 });
    await bulb.click();
  } catch {
    await page.keyboard.press('Control+.');
  }
  // The menu takes the keyboard (a pointer block covers it against stray clicks): down to the action, Enter.
  const wanted = "Insert missing element 'Owners'";
  const focused = page.locator('.action-widget .monaco-list-row.focused');
  await focused.waitFor({ timeout: TIMEOUT });
  for (let i = 0; i < 10 && !(await focused.innerText()).includes(wanted); i++) await page.keyboard.press('ArrowDown');
  await page.locator('.action-widget .monaco-list-row.focused', { hasText: wanted }).waitFor({ timeout: TIMEOUT });
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-line', { hasText: '## Owners' }).first().waitFor({ timeout: TIMEOUT });
  await page.waitForFunction(`Number(/Ln (\\d+)/.exec(document.querySelector('[id="status.editor.selection"]')?.innerText ?? '')?.[1]) > ${before + FILLER_PARAGRAPHS}`, undefined, { timeout: TIMEOUT });
  const after = await cursorLine(page);
  assert.ok(after > before + FILLER_PARAGRAPHS, `the cursor moved to the insertion (line ${before} -> ${after})`);
  await page.locator('[id="status.editor.selection"]', { hasText: 'selected' }).waitFor({ timeout: TIMEOUT });
  await shot(page, '11-quick-fix-reveals-insertion.png');
}

/** (g) `pmm` opens the template suggestions without Ctrl+Space; `#` the checklist's headings in a PMM document. */
async function suggestionsAsYouType(page: Page): Promise<void> {
  await openFile(page, 'scratch.md');
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('pmm');
  await page.locator('.suggest-widget .monaco-list-row', { hasText: 'pmm-gtm-brief' }).first().waitFor({ timeout: TIMEOUT });
  await shot(page, '12-pmm-suggestions.png');
  await page.keyboard.press('Escape');

  await openFile(page, 'bulb.md');
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('#');
  const missing = heading('gtm-brief', 'risks_rollback', 'en');
  await page.locator('.suggest-widget .monaco-list-row', { hasText: missing }).first().waitFor({ timeout: TIMEOUT });
  await shot(page, '13-heading-suggestions.png');
  await page.keyboard.press('Escape');
}

/** (d) After "Lint Workspace", a pmmLint.rules change reaches the closed files' problems too: nothing stale. */
async function settingsAfterLintWorkspace(page: Page, ws: string): Promise<void> {
  await palette(page, 'PMM: Lint Workspace');
  await page.locator('.notification-toast', { hasText: 'Linted' }).first().waitFor({ timeout: TIMEOUT });
  await filterProblems(page, 'placeholder');
  await problemRows(page, 'closed-brief.md').first().waitFor({ timeout: TIMEOUT });
  fs.mkdirSync(path.join(ws, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(ws, '.vscode', 'settings.json'), JSON.stringify({ 'pmmLint.rules': { placeholder: 'off' } }, null, 2));
  await page.waitForFunction(`document.querySelectorAll('.markers-panel .monaco-list-row').length === 0`, undefined, { timeout: TIMEOUT });
  await filterProblems(page, 'closed-brief.md');
  await problemRows(page, 'required-element').first().waitFor({ timeout: TIMEOUT });
  assert.equal(await problemRows(page, 'placeholder').count(), 0, 'no placeholder finding left in closed-brief.md');
  await shot(page, '14-settings-after-lint-workspace.png');
  await filterProblems(page, '');
}

export async function editorSteps(page: Page, ws: string): Promise<void> {
  await draftFromNewDocument(page);
  await draftToInReview(page);
  await chineseDocument(page);
  await quickFixReveals(page);
  await suggestionsAsYouType(page);
  await settingsAfterLintWorkspace(page, ws);
}
