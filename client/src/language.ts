// The UI language of VS Code, reduced to what pmm-lint speaks.
import * as vscode from 'vscode';
import zhStrings from '../../l10n/bundle.l10n.zh-cn.json';
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

/** The Chinese bundle of the client's strings (vscode.l10n speaks only the UI's language), bundled with the client. */
const CHINESE: Record<string, string> = zhStrings;

/**
 * vscode.l10n's `t` for a given language, for text that follows a document rather than the UI (the preview of a
 * Chinese document under an English UI). The strings are the same keys as vscode.l10n.t's.
 */
export function l10nFor(language: 'en' | 'zh'): { t(message: string, ...args: Array<string | number>): string } {
  return {
    t: (message, ...args) => {
      if (language === uiLanguage()) return vscode.l10n.t(message, ...args);
      const template = language === 'zh' ? (CHINESE[message] ?? message) : message;
      return template.replace(/\{(\d+)\}/g, (hole, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : hole));
    },
  };
}
