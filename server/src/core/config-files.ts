// The names a pmm-lint config file may have, and whether changed files touch a config (the language server's
// main thread watches them without loading the config reader).

import * as path from 'node:path';

export const CONFIG_FILE_NAMES = ['.pmmlintrc.json', '.pmmlintrc.yaml', '.pmmlintrc.yml', '.pmmlintrc'];

/** Whether one of the changed files is a config file (by its name) or a file a loaded config was read from. */
export function touchesConfig(changed: readonly string[], dependencies: ReadonlySet<string>): boolean {
  return changed.some((p) => CONFIG_FILE_NAMES.includes(path.basename(p)) || dependencies.has(path.resolve(p)));
}
