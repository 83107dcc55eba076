// Which file changes re-lint: the config files (.pmmlintrc*) and every config or checklist file the workers read.
// Clients that watch files for us send didChangeWatchedFiles; for the others (Neovim 0.7) the server watches the
// files it read with fs.watch.

import * as fs from 'node:fs';
import { touchesConfig } from '../core/config-files';

/** What the client is asked to watch, when it can. */
export const WATCHED_GLOBS = ['**/.pmmlintrc{,.json,.yaml,.yml}', '**/*.{json,yaml,yml}'];

export class FileWatching {
  /** Config and checklist files the workers read. */
  private readonly dependencies = new Set<string>();
  private readonly watchers = new Map<string, fs.FSWatcher>();

  /**
   * @param clientWatches whether the client watches files for us (then nothing is watched here)
   * @param onChange called when a file that matters changed
   */
  constructor(
    private readonly clientWatches: () => boolean,
    private readonly onChange: () => void,
  ) {}

  /** Files the workers read: a change to one re-lints. */
  add(files: readonly string[]): void {
    for (const f of files) this.dependencies.add(f);
    if (!this.clientWatches()) this.watchDependencies();
  }

  /** Whether one of these paths is a config file or a file the workers read. */
  matters(paths: readonly string[]): boolean {
    return touchesConfig(paths, this.dependencies);
  }

  /** Files changed (reported by the client or by a watcher). */
  changed(paths: readonly string[]): void {
    if (this.matters(paths)) this.onChange();
  }

  /** Settings or configs changed: watch only what the new configs read (added again on the next lint). */
  reset(): void {
    this.close();
    this.dependencies.clear();
  }

  close(): void {
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
  }

  private watchDependencies(): void {
    for (const file of this.dependencies) {
      if (this.watchers.has(file)) continue;
      try {
        const watcher = fs.watch(file, { persistent: false }, () => {
          watcher.close();
          this.watchers.delete(file);
          this.changed([file]);
        });
        watcher.on('error', () => {
          watcher.close();
          this.watchers.delete(file);
        });
        this.watchers.set(file, watcher);
      } catch {
        // a file that does not exist (a missing checklist): nothing to watch
      }
    }
  }
}
