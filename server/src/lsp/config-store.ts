// Config for the documents the server sees: the CLI's cache (runtime/config-cache.ts), the same discovery
// (nearest .pmmlintrc up the tree), loaded once and cached until a file it was read from changes.

export { ConfigCache as ConfigStore, type ConfigResult } from '../runtime/config-cache';
