// The UI language of VS Code, reduced to what pmm-lint speaks.
import * as vscode from 'vscode';
import type { Localized } from './protocol';

export function uiLanguage(): 'en' | 'zh' {
  return /^zh/i.test(vscode.env.language) ? 'zh' : 'en';
}

/** Text in the UI language. */
export function local(text: Localized): string {
  return uiLanguage() === 'zh' ? text.zh : text.en;
}

/** Text in the other language (for details beside the main label). */
export function other(text: Localized): string {
  return uiLanguage() === 'zh' ? text.en : text.zh;
}
