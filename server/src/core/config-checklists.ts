// A config's `checklists`: checklist files or inline checklists, merged into the built-in ones by element id (a
// known type) or added (a new type), each checked against the checklist schema with errors at their line.

import * as path from 'node:path';
import type { Document } from 'yaml';
import { mergeChecklist, validateChecklist } from './checklist';
import { ConfigError, lineOf, readDataFile, SCRIPT_RE, scriptRefused } from './config-data';
import type { ResolvedConfig } from './config';
import type { Checklist } from './types';

interface ChecklistSource {
  raw: Record<string, unknown>;
  /** The file that holds the checklist (the config file itself for an inline one). */
  file: string;
  /** Where the checklist's own path starts in `doc` (['checklists', i] inline, [] in a checklist file). */
  base: Array<string | number>;
  doc: Document | null;
  text: string;
}

function loadChecklistEntry(file: string, entry: string | Record<string, unknown>, index: number, doc: Document | null, text: string): ChecklistSource {
  if (typeof entry !== 'string') return { raw: entry, file, base: ['checklists', index], doc, text };
  const where = doc ? lineOf(doc, text, ['checklists', index]) : {};
  if (SCRIPT_RE.test(entry)) throw new ConfigError(file, scriptRefused('checklists', entry), where.line, where.column);
  const target = path.resolve(path.dirname(file), entry);
  const read = readDataFile(target, { file, what: 'checklists', name: entry, ...where });
  if (typeof read.value !== 'object' || read.value === null || Array.isArray(read.value)) {
    throw new ConfigError(target, 'a checklist file must hold an object', where.line, where.column);
  }
  return { raw: read.value as Record<string, unknown>, file: target, base: [], doc: read.doc, text: read.text };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What must hold before a checklist can be merged into a built-in one (the schema checks the merged result). */
function shapeErrors(raw: Record<string, unknown>): Array<{ detail: string; path: Array<string | number> }> {
  const errors: Array<{ detail: string; path: Array<string | number> }> = [];
  if (typeof raw.type !== 'string') errors.push({ detail: '/type: must be a string', path: ['type'] });
  if (raw.elements !== undefined && !(Array.isArray(raw.elements) && raw.elements.every(isObject))) {
    errors.push({ detail: '/elements: must be a list of element objects', path: ['elements'] });
  }
  if (raw.removeElements !== undefined && !(Array.isArray(raw.removeElements) && raw.removeElements.every((x) => typeof x === 'string'))) {
    errors.push({ detail: '/removeElements: must be a list of element ids', path: ['removeElements'] });
  }
  if (raw.order !== undefined && !(Array.isArray(raw.order) && raw.order.every((p) => Array.isArray(p)))) {
    errors.push({ detail: '/order: must be a list of [before, after] pairs of element ids', path: ['order'] });
  }
  return errors;
}

export function applyChecklists(file: string, base: Checklist[], entries: Array<string | Record<string, unknown>>, doc: Document | null, text: string): Checklist[] {
  const result = [...base];
  entries.forEach((entry, index) => {
    const src = loadChecklistEntry(file, entry, index, doc, text);
    const { raw } = src;
    const type = raw.type;
    const fail = (detail: string, at: Array<string | number>) => {
      const where = src.doc ? lineOf(src.doc, src.text, [...src.base, ...at]) : {};
      throw new ConfigError(src.file, `invalid checklist '${String(type)}': ${detail}`, where.line, where.column);
    };
    const shape = shapeErrors(raw);
    if (shape.length) fail(shape.map((e) => e.detail).join('; '), shape[0].path);
    const at = result.findIndex((c) => c.type === type);
    const { removeElements, ...rest } = raw as { removeElements?: string[] } & Record<string, unknown>;
    const candidate = at >= 0 ? mergeChecklist(result[at], { ...(rest as Partial<Checklist>), removeElements }) : (rest as unknown as Checklist);
    const errors = validateChecklist(candidate);
    if (errors.length) {
      // Errors name elements by their place in the merged list; name them by id, and point at the user's own
      // element where the file has one.
      const ownElements = Array.isArray(raw.elements) ? (raw.elements as Array<Record<string, unknown>>) : [];
      let pointAt: Array<string | number> = [];
      const details = errors.slice(0, 3).map((e) =>
        e.replace(/^\/elements\/(\d+)/, (whole, n: string) => {
          const id = ((candidate.elements as unknown[])[Number(n)] as { id?: unknown } | undefined)?.id;
          if (typeof id !== 'string') return whole;
          const own = ownElements.findIndex((el) => el.id === id);
          if (own >= 0 && pointAt.length === 0) pointAt = ['elements', own];
          return `/elements/${id}`;
        }),
      );
      fail(details.join('; '), pointAt);
    }
    if (at >= 0) result[at] = candidate;
    else result.push({ ...candidate, aliases: candidate.aliases ?? [], fileNames: candidate.fileNames ?? [] });
  });
  return result;
}

/**
 * Adds checklist files named outside any config file (the editor's `pmmLint.checklists` setting), on top of a
 * resolved config. Same rules as a config's `checklists`: a known type is merged by element id, a new type added.
 */
export function withExtraChecklists(config: ResolvedConfig, files: readonly string[]): ResolvedConfig {
  if (files.length === 0) return config;
  const abs = files.map((f) => path.resolve(f));
  // Entries are absolute, so the base file only names the source in messages.
  const settings = path.join(process.cwd(), 'settings');
  let checklists: Checklist[];
  try {
    checklists = applyChecklists(settings, config.checklists, abs, null, '');
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(settings, `a checklist could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
  return { ...config, checklists, sources: [...config.sources, ...abs] };
}
