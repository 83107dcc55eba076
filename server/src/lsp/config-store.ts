// Config for the documents the server sees: the same discovery as the CLI (nearest .pmmlintrc up the tree),
// loaded once and cached until a watched file changes.

import * as path from 'node:path';
import { CONFIG_FILE_NAMES, ConfigError, defaultConfig, findConfigFile, loadConfigFile, withExtraChecklists, type ResolvedConfig } from '../core/config';

export type ConfigResult = { ok: true; config: ResolvedConfig } | { ok: false; error: ConfigError };

export class ConfigStore {
  private readonly byConfigFile = new Map<string, ConfigResult>();
  private readonly configFileByDir = new Map<string, string>();
  private readonly withExtras = new Map<string, ConfigResult>();
  /** Files whose change invalidates the cache (config files, checklist files, files that failed to load). */
  private readonly dependencies = new Set<string>();

  /** The config for documents in a folder, with the editor's extra checklist files on top. */
  resolve(dir: string, extraChecklists: readonly string[] = []): ConfigResult {
    let configFile = this.configFileByDir.get(dir);
    if (configFile === undefined) {
      configFile = findConfigFile(dir) ?? '';
      this.configFileByDir.set(dir, configFile);
    }
    let base = this.byConfigFile.get(configFile);
    if (!base) {
      base = this.load(() => (configFile ? loadConfigFile(configFile) : defaultConfig()));
      this.byConfigFile.set(configFile, base);
    }
    if (!base.ok || extraChecklists.length === 0) return base;
    const key = `${configFile}\u0000${extraChecklists.join('\u0000')}`;
    let extended = this.withExtras.get(key);
    if (!extended) {
      const config = base.config;
      extended = this.load(() => withExtraChecklists(config, extraChecklists));
      this.withExtras.set(key, extended);
    }
    return extended;
  }

  private load(read: () => ResolvedConfig): ConfigResult {
    try {
      const config = read();
      for (const f of config.sources) this.dependencies.add(path.resolve(f));
      return { ok: true, config };
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      this.dependencies.add(path.resolve(error.file));
      return { ok: false, error };
    }
  }

  /** Forgets cached configs if one of the changed files matters; says whether it did. */
  filesChanged(paths: readonly string[]): boolean {
    const relevant = paths.some((p) => CONFIG_FILE_NAMES.includes(path.basename(p)) || this.dependencies.has(path.resolve(p)));
    if (relevant) this.clear();
    return relevant;
  }

  /** The files the cached configs were read from. */
  watchedFiles(): string[] {
    return [...this.dependencies];
  }

  clear(): void {
    this.byConfigFile.clear();
    this.configFileByDir.clear();
    this.withExtras.clear();
    this.dependencies.clear();
  }
}
