// Config discovery and loading: the nearest .pmmlintrc.json / .pmmlintrc.yaml up the folder tree, with
// `extends`, rule severities, extra or overriding checklists and ignore globs. Shared by the CLI and the server.
// Config files are data only: nothing in them is executed.

import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parseDocument, isNode, type Document } from 'yaml';
import { DUPLICATE_KEY_MESSAGE, duplicateKey } from './yaml-keys';
import configSchema from '../../../schemas/pmmlintrc.schema.json';
import { BUILT_IN_CHECKLISTS, describeAjvError, mergeChecklist, validateChecklist } from './checklist';
import { compileGlob, globProblem } from './globs';
import { shownPattern } from './patterns';
import { humanSize, readSource } from './read-source';
import type { Checklist, Locale, SeveritySetting } from './types';

import { CONFIG_FILE_NAMES } from './config-files';

export { CONFIG_FILE_NAMES };
// remark parses about 0.3 MB/s on a small machine: above 2 MiB a lint would take many seconds.
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;
/** Globs in `ignore` and `overrides[].files` of one config, its `extends` included. */
export const MAX_GLOBS = 256;
/** Config and checklist files are small: the largest built-in checklist is about 20 KiB. */
export const MAX_CONFIG_FILE_SIZE = 1024 * 1024;

export interface ResolvedConfig {
  rules: Record<string, SeveritySetting>;
  checklists: Checklist[];
  ignore: Array<{ pattern: string; base: string }>;
  locale?: Locale;
  /** The document type set by an `overrides` entry for this file (front matter `type:` still wins). */
  type?: string;
  /** `overrides` entries, in order; applied to a file by configForFile. */
  overrides: Array<{ files: string[]; base: string; type?: string; rules: Record<string, SeveritySetting> }>;
  maxFileSize: number;
  /** Time and memory for one document (runtime/budget.ts has the defaults). */
  budget?: { timeMs?: number; memoryMb?: number };
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
  return { rules: {}, checklists: [...BUILT_IN_CHECKLISTS], ignore: [], overrides: [], maxFileSize: DEFAULT_MAX_FILE_SIZE, files: [], sources: [] };
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

/** The config entry that names a file to read (`extends`, `checklists`), for errors about reading it. */
interface NamedBy {
  file: string;
  what: 'extends' | 'checklists';
  name: string;
  line?: number;
  column?: number;
}

/**
 * Reads a JSON or YAML data file; syntax errors become ConfigErrors with a line. Only a regular file of at most
 * MAX_CONFIG_FILE_SIZE is read (read-source.ts): `/dev/zero`, a FIFO or a symlink to one is refused, not read.
 */
export function readDataFile(file: string, namedBy?: NamedBy): { value: unknown; doc: Document; text: string } {
  const read = readSource(file, MAX_CONFIG_FILE_SIZE);
  if (!read.ok) {
    const detail =
      read.reason === 'not-a-file'
        ? 'is not a regular file (a folder, device, FIFO or socket); config and checklist files must be regular JSON or YAML files'
        : read.reason === 'too-large'
          ? `is ${humanSize(read.size)}, over the ${humanSize(MAX_CONFIG_FILE_SIZE)} limit for config and checklist files`
          : read.reason === 'binary'
            ? 'holds NUL bytes: it is not a JSON or YAML file'
            : `cannot be read (${read.code})`;
    // Said against the config that names the file, at its line, when there is one.
    if (namedBy) throw new ConfigError(namedBy.file, `${namedBy.what}: '${namedBy.name}' ${detail}`, namedBy.line, namedBy.column);
    throw new ConfigError(file, detail);
  }
  const text = read.text;
  // YAML is a superset of JSON, and its parser gives positions for both.
  // Keys checked for duplicates below, in linear time; the parser's warnings (which would print the file's own
  // characters to the terminal unescaped) are not printed.
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
  const where = (offset: number) => {
    const before = text.slice(0, offset);
    return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
  };
  if (doc.errors.length) {
    const e = doc.errors[0];
    const at = where(e.pos[0]);
    throw new ConfigError(file, e.message.split('\n')[0], at.line, at.column);
  }
  const duplicate = duplicateKey(doc);
  if (duplicate) {
    const at = where(duplicate.offset);
    throw new ConfigError(file, `${DUPLICATE_KEY_MESSAGE} ('${duplicate.key}' is given twice)`, at.line, at.column);
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
  budget?: { timeMs?: number; memoryMb?: number };
  overrides?: Array<{ files: string | string[]; type?: string; rules?: Record<string, SeveritySetting | 'warn'> }>;
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
    const describe = (x: typeof e) => (x.keyword === 'propertyNames' ? `/rules: unknown rule '${(x.params as { propertyName: string }).propertyName}'` : describeAjvError(x));
    // The first problem with its line, and up to two more elsewhere in the file ("rules: 5, checklists: 'x'").
    const others = errors.filter((x) => x !== e && x.instancePath !== e.instancePath && !['if', 'oneOf', 'anyOf'].includes(x.keyword));
    const details = [...new Set([describe(e), ...others.map(describe)])].slice(0, 3);
    throw new ConfigError(file, details.join('; '), where.line, where.column);
  }
  return value as RawConfig;
}

/** Config and checklist files are data: a name that looks like a script is refused before anything reads it. */
const SCRIPT_RE = /\.(?:[cm]?js|[cm]?ts|jsx|tsx)$/i;

function scriptRefused(what: string, name: string): string {
  return `${what}: '${name}' is a script; config and checklist files are data (JSON or YAML), and nothing in them is run`;
}

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

function applyChecklists(file: string, base: Checklist[], entries: Array<string | Record<string, unknown>>, doc: Document | null, text: string): Checklist[] {
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

function normalizeSeverity(s: SeveritySetting | 'warn'): SeveritySetting {
  return s === 'warn' ? 'warning' : s;
}

/**
 * Loads one config file with its `extends` chain. Throws only ConfigErrors: whatever a config holds, the CLI and
 * the server report it against the file instead of failing.
 */
export function loadConfigFile(file: string, chain: ReadonlySet<string> = new Set(), loaded: Map<string, ResolvedConfig> = new Map(), namedBy?: NamedBy): ResolvedConfig {
  try {
    return loadConfigFileUnguarded(file, chain, loaded, namedBy);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(path.resolve(file), `could not be read as a config (${error instanceof Error ? error.message : String(error)})`);
  }
}

/**
 * `chain` holds the files that extend this one, up to the first: only a file that comes back to itself through
 * its own chain is a cycle. Two parents may share a base (a diamond) and a file may be named twice: `loaded`
 * reads each file once per load, and mergeConfigs keeps one of each shared entry, so a deep diamond costs no more
 * than its files.
 */
function loadConfigFileUnguarded(file: string, chain: ReadonlySet<string>, loaded: Map<string, ResolvedConfig>, namedBy?: NamedBy): ResolvedConfig {
  const abs = path.resolve(file);
  // A file is itself whatever links lead to it.
  let key = abs;
  try {
    key = fs.realpathSync(abs);
  } catch {
    // missing: readDataFile says so
  }
  if (chain.has(key)) throw new ConfigError(abs, `\`extends\` forms a cycle: ${[...chain, key].map((f) => path.basename(f)).join(' -> ')}`);
  const done = loaded.get(key);
  if (done) return done;
  const result = loadOne(abs, new Set([...chain, key]), loaded, namedBy);
  loaded.set(key, result);
  return result;
}

function loadOne(abs: string, chain: ReadonlySet<string>, loaded: Map<string, ResolvedConfig>, namedBy?: NamedBy): ResolvedConfig {
  const { value, doc, text } = readDataFile(abs, namedBy);
  const raw = validateConfigValue(abs, value, doc, text);
  let config = defaultConfig();
  const parents = raw.extends === undefined ? [] : Array.isArray(raw.extends) ? raw.extends : [raw.extends];
  for (const [index, parent] of parents.entries()) {
    const parentFile = path.resolve(path.dirname(abs), parent);
    if (SCRIPT_RE.test(parent)) {
      const where = lineOf(doc, text, ['extends']);
      throw new ConfigError(abs, scriptRefused('extends', parent), where.line, where.column);
    }
    if (!fs.existsSync(parentFile)) {
      const where = lineOf(doc, text, ['extends']);
      throw new ConfigError(abs, `extends: '${parent}' was not found`, where.line, where.column);
    }
    const where = lineOf(doc, text, Array.isArray(raw.extends) ? ['extends', index] : ['extends']);
    config = mergeConfigs(config, loadConfigFile(parentFile, chain, loaded, { file: abs, what: 'extends', name: parent, ...where }));
  }
  const applied = applyChecklists(abs, config.checklists, raw.checklists ?? [], doc, text);
  // Globs are compiled now, so a broken one is this file's error, not a surprise while matching.
  const checkGlob = (pattern: string, at: Array<string | number>) => {
    const problem = globProblem(pattern);
    if (!problem) return;
    const where = lineOf(doc, text, at);
    throw new ConfigError(abs, `${at.filter((x) => typeof x === 'string').join('.')}: glob '${shownPattern(pattern)}' cannot be used: ${problem}`, where.line, where.column);
  };
  // Each glob costs milliseconds to compile and is tried on every file: a config has at most MAX_GLOBS of them,
  // its `extends` included (2,000 took every document past its time budget).
  const globCount = (c: { ignore: unknown[]; overrides: Array<{ files: unknown }> }) =>
    c.ignore.length + c.overrides.reduce((n, o) => n + (Array.isArray(o.files) ? o.files.length : 1), 0);
  const ownGlobs = globCount({ ignore: raw.ignore ?? [], overrides: raw.overrides ?? [] });
  if (ownGlobs + globCount(config) > MAX_GLOBS) {
    const where = lineOf(doc, text, raw.ignore ? ['ignore'] : ['overrides']);
    throw new ConfigError(abs, `ignore and overrides name ${ownGlobs + globCount(config)} globs (with what extends brings); at most ${MAX_GLOBS} are read`, where.line, where.column);
  }
  (raw.ignore ?? []).forEach((pattern, i) => checkGlob(pattern, ['ignore', i]));
  (raw.overrides ?? []).forEach((o, i) => (Array.isArray(o.files) ? o.files : [o.files]).forEach((pattern, j) => checkGlob(pattern, Array.isArray(o.files) ? ['overrides', i, 'files', j] : ['overrides', i, 'files'])));
  const own: ResolvedConfig = {
    rules: Object.fromEntries(Object.entries(raw.rules ?? {}).map(([k, v]) => [k, normalizeSeverity(v)])),
    checklists: applied,
    ignore: (raw.ignore ?? []).map((pattern) => ({ pattern, base: path.dirname(abs) })),
    overrides: (raw.overrides ?? []).map((o, i) => {
      const checklists = applied;
      if (o.type !== undefined && !checklists.some((c) => c.type === o.type || c.aliases.some((a) => a.toLowerCase() === o.type!.toLowerCase()))) {
        const where = lineOf(doc, text, ['overrides', i, 'type']);
        throw new ConfigError(abs, `overrides: unknown document type '${o.type}'. Use one of: ${checklists.map((c) => c.type).join(', ')}`, where.line, where.column);
      }
      return {
        files: Array.isArray(o.files) ? o.files : [o.files],
        base: path.dirname(abs),
        type: o.type,
        rules: Object.fromEntries(Object.entries(o.rules ?? {}).map(([k, v]) => [k, normalizeSeverity(v)])),
      };
    }),
    locale: raw.locale,
    maxFileSize: raw.maxFileSize ?? config.maxFileSize,
    budget: raw.budget,
    files: [abs],
    sources: [abs, ...(raw.checklists ?? []).filter((c): c is string => typeof c === 'string').map((c) => path.resolve(path.dirname(abs), c))],
  };
  return mergeConfigs(config, own);
}

/** The items of both lists, each once (the first place it appears): parents that share a base list it once. */
function union<T>(a: readonly T[], b: readonly T[], key: (x: T) => unknown = (x) => x): T[] {
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((x) => !seen.has(key(x)) && (seen.add(key(x)), true))];
}

function mergeConfigs(base: ResolvedConfig, over: ResolvedConfig): ResolvedConfig {
  return {
    rules: { ...base.rules, ...over.rules },
    checklists: over.checklists,
    ignore: union(base.ignore, over.ignore, (g) => `${g.base}\0${g.pattern}`),
    overrides: union(base.overrides, over.overrides),
    locale: over.locale ?? base.locale,
    maxFileSize: over.maxFileSize,
    budget: { ...base.budget, ...over.budget },
    files: union(base.files, over.files),
    sources: union(base.sources, over.sources),
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

/** The config for a file: an explicit config file, or the nearest one up the tree, or the defaults. */
export function resolveConfig(filePath: string | undefined, explicitConfig?: string): ResolvedConfig {
  if (explicitConfig) return loadConfigFile(explicitConfig);
  const dir = filePath ? path.dirname(path.resolve(filePath)) : process.cwd();
  const found = findConfigFile(dir);
  return found ? loadConfigFile(found) : defaultConfig();
}

/** A path relative to a config's folder, with '/' separators; null when it is outside the folder. */
function relativeTo(base: string, abs: string): string | null {
  const rel = path.relative(base, abs);
  if (rel === '..' || rel.startsWith('..' + path.sep) || path.isAbsolute(rel)) return null;
  return rel.split(path.sep).join('/');
}

/**
 * Whether a glob matches a relative path (or a folder above it). Globs are checked when the config is loaded and
 * run in linear time (globs.ts); one that a config built some other way holds and that cannot be used matches
 * nothing, and nothing here throws.
 */
function globMatches(pattern: string, rel: string): boolean {
  try {
    return compileGlob(pattern).matches(rel);
  } catch {
    return false;
  }
}

/** The config as it applies to one file: its `overrides` entries (type, rule severities), later ones winning. */
export function configForFile(config: ResolvedConfig, filePath: string | undefined): ResolvedConfig {
  if (!filePath || config.overrides.length === 0) return config;
  const abs = path.resolve(filePath);
  let result = config;
  for (const o of config.overrides) {
    const rel = relativeTo(o.base, abs);
    if (rel === null || !o.files.some((pattern) => globMatches(pattern, rel))) continue;
    result = { ...result, type: o.type ?? result.type, rules: { ...result.rules, ...o.rules } };
  }
  return result;
}

export function isIgnored(config: ResolvedConfig, filePath: string): boolean {
  const abs = path.resolve(filePath);
  return config.ignore.some(({ pattern, base }) => {
    const rel = relativeTo(base, abs);
    return rel !== null && globMatches(pattern, rel);
  });
}
