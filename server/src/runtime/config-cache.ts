// Configs for the CLI: one per config file, loaded once (the main thread reports broken ones; workers read the
// same files again).

import * as path from 'node:path';
import { ConfigError, defaultConfig, findConfigFile, loadConfigFile, type ResolvedConfig } from '../core/config';

/** One config per config file (or none), loaded once; a broken one is reported once through `onError`. */
export function configCache(explicitConfig: string | undefined, onError: (error: ConfigError) => void): (filePath: string) => ResolvedConfig | null {
  const byFile = new Map<string, ResolvedConfig | ConfigError>();
  return (filePath) => {
    const key = explicitConfig ?? findConfigFile(path.dirname(filePath)) ?? '';
    if (!byFile.has(key)) {
      try {
        byFile.set(key, key ? loadConfigFile(key) : defaultConfig());
      } catch (error) {
        const configError = error instanceof ConfigError ? error : new ConfigError(key, error instanceof Error ? error.message : String(error));
        byFile.set(key, configError);
        onError(configError);
      }
    }
    const c = byFile.get(key)!;
    return c instanceof ConfigError ? null : c;
  };
}

