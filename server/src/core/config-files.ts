// The names a pmm-lint config file may have (the language server's main thread watches them without loading the
// config reader).
export const CONFIG_FILE_NAMES = ['.pmmlintrc.json', '.pmmlintrc.yaml', '.pmmlintrc.yml', '.pmmlintrc'];
