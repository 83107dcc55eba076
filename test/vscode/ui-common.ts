// What the UI tests share: where screenshots go, how long a locator waits, the command palette.
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './setup';

export const OUTPUT = path.join(ROOT, 'test-output', 'vscode-ui');
export const TIMEOUT = 30000;

export async function palette(page: Page, title: string, picks: string[] = []): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: TIMEOUT });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: TIMEOUT });
  await page.keyboard.press('Enter');
  for (const pick of picks) {
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: pick }).first();
    await row.waitFor({ timeout: TIMEOUT });
    await row.click();
  }
}
