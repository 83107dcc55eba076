// Configs for the CLI and the language server: one per config file (or the defaults), loaded once, with the
// folder -> config file lookup cached too; forgotten when a file it was read from changes.

import * as path from 'node:path';
import { touchesConfig } from '../core/config-files';
import { ConfigError, defaultConfig, findConfigFile, loadConfigFile, withExtraChecklists, type ResolvedConfig } from '../core/config';

export type ConfigResult = { ok: true; config: ResolvedConfig } | { ok: false; error: ConfigError };

export class ConfigCache {
  private readonly byConfigFile = new Map<string, ConfigResult>();
  private readonly configFileByDir = new Map<string, string>();
  private readonly withExtras = new Map<string, ConfigResult>();
  /** Files whose change invalidates the cache (config files, checklist files, files that failed to load). */
  private readonly dependencies = new Set<string>();

  /** `explicitConfig` (the CLI's --config) is used for every folder instead of the nearest config file. */
  constructor(private readonly explicitConfig?: string) {}

  /**
   * The config for documents in a folder, with extra checklist files on top (the editor's setting). The same
   * folder, config file and extras give the same result object until the cache is cleared.
   */
  resolve(dir: string, extraChecklists: readonly string[] = []): ConfigResult {
    const configFile = this.configFileFor(dir);
    let base = this.byConfigFile.get(configFile);
    if (!base) {
      base = this.load(configFile, () => (configFile ? loadConfigFile(configFile) : defaultConfig()));
      this.byConfigFile.set(configFile, base);
    }
    if (!base.ok || extraChecklists.length === 0) return base;
    const key = `${configFile}\u0000${extraChecklists.join('\u0000')}`;
    let extended = this.withExtras.get(key);
    if (!extended) {
      const config = base.config;
      extended = this.load(configFile, () => withExtraChecklists(config, extraChecklists));
      this.withExtras.set(key, extended);
    }
    return extended;
  }

  private configFileFor(dir: string): string {
    if (this.explicitConfig) return this.explicitConfig;
    let configFile = this.configFileByDir.get(dir);
    if (configFile === undefined) {
      configFile = findConfigFile(dir) ?? '';
      this.configFileByDir.set(dir, configFile);
    }
    return configFile;
  }

  /** Loads a config; whatever fails becomes a ConfigError against its file (the loaders throw nothing else). */
  private load(configFile: string, read: () => ResolvedConfig): ConfigResult {
    try {
      const config = read();
      for (const f of config.sources) this.dependencies.add(path.resolve(f));
      return { ok: true, config };
    } catch (error) {
      const configError = error instanceof ConfigError ? error : new ConfigError(configFile, error instanceof Error ? error.message : String(error));
      this.dependencies.add(path.resolve(configError.file));
      return { ok: false, error: configError };
    }
  }

  /** Forgets cached configs if one of the changed files matters; says whether it did. */
  filesChanged(paths: readonly string[]): boolean {
    const relevant = touchesConfig(paths, this.dependencies);
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

/**
 * The CLI's view of the cache: a file's config, or null when its config is broken; each broken config is
 * reported once through `onError`.
 */
export function configCache(explicitConfig: string | undefined, onError: (error: ConfigError) => void): (filePath: string) => ResolvedConfig | null {
  const cache = new ConfigCache(explicitConfig);
  const reported = new Set<ConfigError>();
  return (filePath) => {
    const resolved = cache.resolve(path.dirname(filePath));
    if (resolved.ok) return resolved.config;
    if (!reported.has(resolved.error)) {
      reported.add(resolved.error);
      onError(resolved.error);
    }
    return null;
  };
}
