// Config discovery and loading: the nearest .pmmlintrc.json / .pmmlintrc.yaml up the folder tree, with
// `extends`, rule severities, extra or overriding checklists and ignore globs. Shared by the CLI and the server.
// Config files are data only: nothing in them is executed.

import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import picomatch from 'picomatch';
import { parseDocument, isNode, type Document } from 'yaml';
import configSchema from '../../../schemas/pmmlintrc.schema.json';
import { BUILT_IN_CHECKLISTS, describeAjvError, mergeChecklist, validateChecklist } from './checklist';
import type { Checklist, Locale, SeveritySetting } from './types';

export const CONFIG_FILE_NAMES = ['.pmmlintrc.json', '.pmmlintrc.yaml', '.pmmlintrc.yml', '.pmmlintrc'];
// remark parses about 0.3 MB/s on a small machine: above 2 MiB a lint would take many seconds.
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export interface ResolvedConfig {
  rules: Record<string, SeveritySetting>;
  checklists: Checklist[];
  ignore: Array<{ pattern: string; base: string }>;
  locale?: Locale;
  maxFileSize: number;
  /** Config files that contributed, nearest last. */
  files: string[];
  /** Every file read to build this config (config files and checklist files): what to watch. */
  sources: string[];
}

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(`${file}${line ? `:${line}${column ? `:${column}` : ''}` : ''}: ${detail}`);
    this.name = 'ConfigError';
  }
}

export function defaultConfig(): ResolvedConfig {
  return { rules: {}, checklists: [...BUILT_IN_CHECKLISTS], ignore: [], maxFileSize: DEFAULT_MAX_FILE_SIZE, files: [], sources: [] };
}

/** The nearest config file at or above a folder, or null. */
export function findConfigFile(startDir: string): string | null {
  let dir = path.resolve(startDir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      try {
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        // not here
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

let configValidator: ReturnType<Ajv['compile']> | null = null;

function lineOf(doc: Document, text: string, pathParts: Array<string | number>): { line?: number; column?: number } {
  let node: unknown = pathParts.length ? doc.getIn(pathParts, true) : doc.contents;
  // For a missing key, point at its parent.
  while (!isNode(node) && pathParts.length) {
    pathParts = pathParts.slice(0, -1);
    node = pathParts.length ? doc.getIn(pathParts, true) : doc.contents;
  }
  const range = isNode(node) ? node.range : undefined;
  if (!range) return {};
  const before = text.slice(0, range[0]);
  const line = before.split('\n').length;
  return { line, column: range[0] - before.lastIndexOf('\n') };
}

/** Reads a JSON or YAML data file; syntax errors become ConfigErrors with a line. */
export function readDataFile(file: string): { value: unknown; doc: Document; text: string } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // YAML is a superset of JSON, and its parser gives positions for both.
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const before = text.slice(0, e.pos[0]);
    throw new ConfigError(file, e.message.split('\n')[0], before.split('\n').length, e.pos[0] - before.lastIndexOf('\n'));
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    throw new ConfigError(file, (error as Error).message);
  }
  return { value, doc, text };
}

interface RawConfig {
  extends?: string | string[];
  locale?: Locale;
  rules?: Record<string, SeveritySetting | 'warn'>;
  checklists?: Array<string | Record<string, unknown>>;
  ignore?: string[];
  maxFileSize?: number;
}

function validateConfigValue(file: string, value: unknown, doc: Document, text: string): RawConfig {
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(file, 'the config must be an object of settings', 1, 1);
  if (!configValidator) configValidator = new Ajv({ allErrors: true, strict: false }).compile(configSchema);
  if (!configValidator(value)) {
    const errors = configValidator.errors!;
    const e = errors.find((x) => x.keyword === 'propertyNames') ?? errors[0];
    const parts = e.instancePath.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~')));
    if (e.keyword === 'additionalProperties') parts.push((e.params as { additionalProperty: string }).additionalProperty);
    if (e.keyword === 'propertyNames') parts.push((e.params as { propertyName: string }).propertyName);
    const where = lineOf(doc, text, parts);
    const detail = e.keyword === 'propertyNames' ? `/rules: unknown rule '${(e.params as { propertyName: string }).propertyName}'` : describeAjvError(e);
    throw new ConfigError(file, detail, where.line, where.column);
  }
  return value as RawConfig;
}

function loadChecklistEntry(file: string, entry: string | Record<string, unknown>, index: number, doc: Document | null, text: string): Record<string, unknown> {
  if (typeof entry !== 'string') return entry;
  const target = path.resolve(path.dirname(file), entry);
  const { value } = readDataFile(target);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const where = doc ? lineOf(doc, text, ['checklists', index]) : {};
    throw new ConfigError(target, 'a checklist file must hold an object', where.line, where.column);
  }
  return value as Record<string, unknown>;
}

function applyChecklists(file: string, base: Checklist[], entries: Array<string | Record<string, unknown>>, doc: Document | null, text: string): Checklist[] {
  const result = [...base];
  entries.forEach((entry, index) => {
    const raw = loadChecklistEntry(file, entry, index, doc, text);
    const source = typeof entry === 'string' ? path.resolve(path.dirname(file), entry) : file;
    const type = raw.type;
    const at = result.findIndex((c) => c.type === type);
    const { removeElements, ...rest } = raw as { removeElements?: string[] } & Record<string, unknown>;
    const candidate = at >= 0 ? mergeChecklist(result[at], { ...(rest as Partial<Checklist>), removeElements }) : (rest as unknown as Checklist);
    const errors = validateChecklist(candidate);
    if (errors.length) {
      const where = typeof entry === 'string' || !doc ? {} : lineOf(doc, text, ['checklists', index]);
      throw new ConfigError(source, `invalid checklist '${String(type)}': ${errors.slice(0, 3).join('; ')}`, where.line, where.column);
    }
    if (at >= 0) result[at] = candidate;
    else result.push({ ...candidate, aliases: candidate.aliases ?? [], fileNames: candidate.fileNames ?? [] });
  });
  return result;
}

function normalizeSeverity(s: SeveritySetting | 'warn'): SeveritySetting {
  return s === 'warn' ? 'warning' : s;
}

/** Loads one config file with its `extends` chain. */
export function loadConfigFile(file: string, seen: Set<string> = new Set()): ResolvedConfig {
  const abs = path.resolve(file);
  if (seen.has(abs)) throw new ConfigError(abs, '`extends` forms a cycle');
  seen.add(abs);
  const { value, doc, text } = readDataFile(abs);
  const raw = validateConfigValue(abs, value, doc, text);
  let config = defaultConfig();
  const parents = raw.extends === undefined ? [] : Array.isArray(raw.extends) ? raw.extends : [raw.extends];
  for (const parent of parents) {
    const parentFile = path.resolve(path.dirname(abs), parent);
    if (!fs.existsSync(parentFile)) {
      const where = lineOf(doc, text, ['extends']);
      throw new ConfigError(abs, `extends: '${parent}' was not found`, where.line, where.column);
    }
    config = mergeConfigs(config, loadConfigFile(parentFile, seen));
  }
  const own: ResolvedConfig = {
    rules: Object.fromEntries(Object.entries(raw.rules ?? {}).map(([k, v]) => [k, normalizeSeverity(v)])),
    checklists: applyChecklists(abs, config.checklists, raw.checklists ?? [], doc, text),
    ignore: (raw.ignore ?? []).map((pattern) => ({ pattern, base: path.dirname(abs) })),
    locale: raw.locale,
    maxFileSize: raw.maxFileSize ?? config.maxFileSize,
    files: [abs],
    sources: [abs, ...(raw.checklists ?? []).filter((c): c is string => typeof c === 'string').map((c) => path.resolve(path.dirname(abs), c))],
  };
  return mergeConfigs(config, own);
}

function mergeConfigs(base: ResolvedConfig, over: ResolvedConfig): ResolvedConfig {
  return {
    rules: { ...base.rules, ...over.rules },
    checklists: over.checklists,
    ignore: [...base.ignore, ...over.ignore],
    locale: over.locale ?? base.locale,
    maxFileSize: over.maxFileSize,
    files: [...base.files, ...over.files],
    sources: [...base.sources, ...over.sources],
  };
}

/**
 * Adds checklist files named outside any config file (the editor's `pmmLint.checklists` setting), on top of a
 * resolved config. Same rules as a config's `checklists`: a known type is merged by element id, a new type added.
 */
export function withExtraChecklists(config: ResolvedConfig, files: readonly string[]): ResolvedConfig {
  if (files.length === 0) return config;
  const abs = files.map((f) => path.resolve(f));
  // Entries are absolute, so the base file only names the source in messages.
  const checklists = applyChecklists(path.join(process.cwd(), 'settings'), config.checklists, abs, null, '');
  return { ...config, checklists, sources: [...config.sources, ...abs] };
}

/** The config for a file: an explicit config file, or the nearest one up the tree, or the defaults. */
export function resolveConfig(filePath: string | undefined, explicitConfig?: string): ResolvedConfig {
  if (explicitConfig) return loadConfigFile(explicitConfig);
  const dir = filePath ? path.dirname(path.resolve(filePath)) : process.cwd();
  const found = findConfigFile(dir);
  return found ? loadConfigFile(found) : defaultConfig();
}

export function isIgnored(config: ResolvedConfig, filePath: string): boolean {
  const abs = path.resolve(filePath);
  return config.ignore.some(({ pattern, base }) => {
    const rel = path.relative(base, abs).split(path.sep).join('/');
    if (rel.startsWith('..')) return false;
    return picomatch.isMatch(rel, pattern, { dot: true }) || picomatch.isMatch(rel, pattern + '/**', { dot: true });
  });
}
