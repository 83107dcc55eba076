// The editor's pmmLint.* settings, read per document (multi-root: each folder may differ) and checked:
// a wrong value is ignored with a message, never a crash.

import { RULE_IDS } from '../core/rule-ids';
import type { SeveritySetting } from '../core/types';

export interface ServerSettings {
  enable: boolean;
  /** Lint as you type (debounced) or only when the file is saved. */
  run: 'onType' | 'onSave';
  /** Delay after the last keystroke before linting, in milliseconds. */
  debounceMs: number;
  locale: 'auto' | 'en' | 'zh';
  /** Rule severities; they apply on top of the .pmmlintrc files. */
  rules: Record<string, SeveritySetting>;
  /** Extra checklist files (absolute, or relative to the workspace folder). */
  checklists: string[];
}

export const DEFAULT_SETTINGS: ServerSettings = Object.freeze({
  enable: true,
  run: 'onType',
  debounceMs: 250,
  locale: 'auto',
  rules: {},
  checklists: [],
}) as ServerSettings;

const SEVERITIES = new Set(['off', 'info', 'warning', 'warn', 'error']);

/** Reads a raw settings object; returns the settings and one problem text per ignored value. */
export function readSettings(raw: unknown): { settings: ServerSettings; problems: Array<{ key: string; detail: string }> } {
  const settings: ServerSettings = { ...DEFAULT_SETTINGS, rules: {}, checklists: [] };
  const problems: Array<{ key: string; detail: string }> = [];
  if (raw === null || raw === undefined) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ key: '*', detail: 'settings must be an object' });
    return { settings, problems };
  }
  const r = raw as Record<string, unknown>;
  const bad = (key: string, detail: string) => problems.push({ key, detail });
  if (r.enable !== undefined) {
    if (typeof r.enable === 'boolean') settings.enable = r.enable;
    else bad('enable', 'expected true or false');
  }
  if (r.run !== undefined) {
    if (r.run === 'onType' || r.run === 'onSave') settings.run = r.run;
    else bad('run', "expected 'onType' or 'onSave'");
  }
  if (r.debounceMs !== undefined) {
    if (typeof r.debounceMs === 'number' && Number.isFinite(r.debounceMs) && r.debounceMs >= 0) settings.debounceMs = Math.min(r.debounceMs, 10_000);
    else bad('debounceMs', 'expected a number of milliseconds >= 0');
  }
  if (r.locale !== undefined) {
    const l = typeof r.locale === 'string' ? r.locale.toLowerCase() : '';
    if (l === 'auto' || l === 'en' || l === 'zh') settings.locale = l;
    else if (l.startsWith('zh')) settings.locale = 'zh';
    else if (l.startsWith('en')) settings.locale = 'en';
    else bad('locale', "expected 'auto', 'en' or 'zh'");
  }
  if (r.rules !== undefined) {
    if (r.rules && typeof r.rules === 'object' && !Array.isArray(r.rules)) {
      for (const [id, value] of Object.entries(r.rules as Record<string, unknown>)) {
        if (!RULE_IDS.includes(id)) bad(`rules.${id}`, 'unknown rule');
        else if (typeof value !== 'string' || !SEVERITIES.has(value)) bad(`rules.${id}`, 'expected off, info, warning or error');
        else settings.rules[id] = value === 'warn' ? 'warning' : (value as SeveritySetting);
      }
    } else bad('rules', 'expected an object of rule ids to severities');
  }
  if (r.checklists !== undefined) {
    if (Array.isArray(r.checklists) && r.checklists.every((c) => typeof c === 'string')) settings.checklists = (r.checklists as string[]).filter((c) => c.trim());
    else bad('checklists', 'expected a list of file paths');
  }
  return { settings, problems };
}
