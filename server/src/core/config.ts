// Config discovery and loading: the nearest .pmmlintrc.json / .pmmlintrc.yaml up the folder tree, with
// `extends`, rule severities, extra or overriding checklists and ignore globs. Shared by the CLI and the server.
// Config files are data only: nothing in them is executed.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Document } from 'yaml';
import { BUILT_IN_CHECKLISTS } from './checklist';
import { applyChecklists } from './config-checklists';
import { ConfigError, lineOf, readDataFile, SCRIPT_RE, scriptRefused, type NamedBy } from './config-data';
import { CONFIG_FILE_NAMES } from './config-files';
import { validateConfigValue, type RawConfig } from './config-validate';
import { globProblem } from './globs';
import { shownPattern } from './patterns';
import type { DraftSettings } from './draft';
import type { Checklist, Locale, SeveritySetting } from './types';

// The whole config API, for the modules that load or apply configs.
export { CONFIG_FILE_NAMES, ConfigError };
export { MAX_CONFIG_FILE_SIZE, readDataFile } from './config-data';
export { withExtraChecklists } from './config-checklists';
export { configForFile, isIgnored } from './config-match';

// remark parses about 0.3 MB/s on a small machine: above 2 MiB a lint would take many seconds.
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;
/** Globs in `ignore` and `overrides[].files` of one config, its `extends` included. */
export const MAX_GLOBS = 256;

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
  /** The draft view: which statuses mark a draft, and how loud its unfinished work is (core/draft.ts defaults). */
  draft?: Partial<DraftSettings>;
  /** Config files that contributed, nearest last. */
  files: string[];
  /** Every file read to build this config (config files and checklist files): what to watch. */
  sources: string[];
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

/** A config file read and checked, for the steps of loading it. */
interface ConfigSource {
  abs: string;
  raw: RawConfig;
  doc: Document;
  text: string;
}

/** Throws a ConfigError at a place in the config file. */
function failAt(src: ConfigSource, at: Array<string | number>, detail: string): never {
  const where = lineOf(src.doc, src.text, at);
  throw new ConfigError(src.abs, detail, where.line, where.column);
}

function loadOne(abs: string, chain: ReadonlySet<string>, loaded: Map<string, ResolvedConfig>, namedBy?: NamedBy): ResolvedConfig {
  const { value, doc, text } = readDataFile(abs, namedBy);
  const src: ConfigSource = { abs, raw: validateConfigValue(abs, value, doc, text), doc, text };
  const inherited = loadParents(src, chain, loaded);
  const { raw } = src;
  const applied = applyChecklists(abs, inherited.checklists, raw.checklists ?? [], doc, text);
  checkGlobs(src, inherited);
  const own: ResolvedConfig = {
    rules: severities(raw.rules),
    checklists: applied,
    ignore: (raw.ignore ?? []).map((pattern) => ({ pattern, base: path.dirname(abs) })),
    overrides: (raw.overrides ?? []).map((o, i) => {
      if (o.type !== undefined && !applied.some((c) => c.type === o.type || c.aliases.some((a) => a.toLowerCase() === o.type!.toLowerCase()))) {
        failAt(src, ['overrides', i, 'type'], `overrides: unknown document type '${o.type}'. Use one of: ${applied.map((c) => c.type).join(', ')}`);
      }
      return { files: Array.isArray(o.files) ? o.files : [o.files], base: path.dirname(abs), type: o.type, rules: severities(o.rules) };
    }),
    locale: raw.locale,
    maxFileSize: raw.maxFileSize ?? inherited.maxFileSize,
    budget: raw.budget,
    draft: raw.draft,
    files: [abs],
    sources: [abs, ...(raw.checklists ?? []).filter((c): c is string => typeof c === 'string').map((c) => path.resolve(path.dirname(abs), c))],
  };
  return mergeConfigs(inherited, own);
}

function severities(rules: Record<string, SeveritySetting | 'warn'> | undefined): Record<string, SeveritySetting> {
  return Object.fromEntries(Object.entries(rules ?? {}).map(([k, v]) => [k, normalizeSeverity(v)]));
}

/** The defaults with the configs this one `extends`, in order. */
function loadParents(src: ConfigSource, chain: ReadonlySet<string>, loaded: Map<string, ResolvedConfig>): ResolvedConfig {
  const { abs, raw } = src;
  let config = defaultConfig();
  const parents = raw.extends === undefined ? [] : Array.isArray(raw.extends) ? raw.extends : [raw.extends];
  for (const [index, parent] of parents.entries()) {
    const parentFile = path.resolve(path.dirname(abs), parent);
    if (SCRIPT_RE.test(parent)) failAt(src, ['extends'], scriptRefused('extends', parent));
    if (!fs.existsSync(parentFile)) failAt(src, ['extends'], `extends: '${parent}' was not found`);
    const where = lineOf(src.doc, src.text, Array.isArray(raw.extends) ? ['extends', index] : ['extends']);
    config = mergeConfigs(config, loadConfigFile(parentFile, chain, loaded, { file: abs, what: 'extends', name: parent, ...where }));
  }
  return config;
}

/**
 * Globs are compiled now, so a broken one is this file's error, not a surprise while matching. Each glob costs
 * milliseconds to compile and is tried on every file: a config has at most MAX_GLOBS of them, its `extends`
 * included (2,000 took every document past its time budget).
 */
function checkGlobs(src: ConfigSource, inherited: ResolvedConfig): void {
  const { raw } = src;
  const checkGlob = (pattern: string, at: Array<string | number>) => {
    const problem = globProblem(pattern);
    if (problem) failAt(src, at, `${at.filter((x) => typeof x === 'string').join('.')}: glob '${shownPattern(pattern)}' cannot be used: ${problem}`);
  };
  const globCount = (c: { ignore: unknown[]; overrides: Array<{ files: unknown }> }) =>
    c.ignore.length + c.overrides.reduce((n, o) => n + (Array.isArray(o.files) ? o.files.length : 1), 0);
  const total = globCount({ ignore: raw.ignore ?? [], overrides: raw.overrides ?? [] }) + globCount(inherited);
  if (total > MAX_GLOBS) {
    failAt(src, raw.ignore ? ['ignore'] : ['overrides'], `ignore and overrides name ${total} globs (with what extends brings); at most ${MAX_GLOBS} are read`);
  }
  (raw.ignore ?? []).forEach((pattern, i) => checkGlob(pattern, ['ignore', i]));
  (raw.overrides ?? []).forEach((o, i) => (Array.isArray(o.files) ? o.files : [o.files]).forEach((pattern, j) => checkGlob(pattern, Array.isArray(o.files) ? ['overrides', i, 'files', j] : ['overrides', i, 'files'])));
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
    draft: { ...base.draft, ...over.draft },
    files: union(base.files, over.files),
    sources: union(base.sources, over.sources),
  };
}

/** The config for a file: an explicit config file, or the nearest one up the tree, or the defaults. */
export function resolveConfig(filePath: string | undefined, explicitConfig?: string): ResolvedConfig {
  if (explicitConfig) return loadConfigFile(explicitConfig);
  const dir = filePath ? path.dirname(path.resolve(filePath)) : process.cwd();
  const found = findConfigFile(dir);
  return found ? loadConfigFile(found) : defaultConfig();
}
