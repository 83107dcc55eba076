// A resolved config as it applies to one file: its `overrides` (type, rule severities) and `ignore` globs.

import * as path from 'node:path';
import type { ResolvedConfig } from './config';
import { compileGlob } from './globs';

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
