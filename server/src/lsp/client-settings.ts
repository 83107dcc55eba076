// The client's pmmLint.* settings on the main thread: asked per document with workspace/configuration (multi-root:
// each folder may differ), cached while the document is open, and never waited for longer than a timeout.

import { t } from '../core/i18n';
import type { Locale } from '../core/types';
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from './settings';

/** How long to wait for the client's settings (PMM_LINT_SETTINGS_TIMEOUT_MS changes it, for tests). */
export const SETTINGS_TIMEOUT_MS = Number(process.env.PMM_LINT_SETTINGS_TIMEOUT_MS) || 5000;

export interface SettingsHost {
  /** Whether the client answers workspace/configuration (else the global settings apply). */
  askClient(): boolean;
  /** workspace/configuration for the pmmLint section, scoped to a document. */
  fetch(uri: string): Promise<unknown>;
  /** Only open documents keep cached settings. */
  isOpen(uri: string): boolean;
  locale(): Locale;
  warn(message: string): void;
}

export class ClientSettings {
  /** Settings sent with initialize or didChangeConfiguration, for clients that cannot be asked. */
  private global: ServerSettings = DEFAULT_SETTINGS;
  private readonly cache = new Map<string, Promise<ServerSettings>>();
  private readonly loggedProblems = new Set<string>();

  constructor(
    private readonly host: SettingsHost,
    private readonly timeoutMs = SETTINGS_TIMEOUT_MS,
  ) {}

  /** Checks raw settings; each ignored value is logged once. */
  read(raw: unknown): ServerSettings {
    const { settings, problems } = readSettings(raw);
    for (const p of problems) {
      const message = t(this.host.locale(), 'lsp.badSetting', { key: p.key, detail: p.detail });
      if (!this.loggedProblems.has(message)) {
        this.loggedProblems.add(message);
        this.host.warn(message);
      }
    }
    return settings;
  }

  setGlobal(raw: unknown): void {
    this.global = this.read(raw);
  }

  /** The settings of a document. */
  for(uri: string): Promise<ServerSettings> {
    if (!this.host.askClient()) return Promise.resolve(this.global);
    let p = this.cache.get(uri);
    if (!p) {
      // A client that never answers must not stall linting: after a while, use the defaults (and ask again
      // next time).
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<ServerSettings>((resolve) => {
        timer = setTimeout(() => {
          if (this.cache.get(uri) === p) this.cache.delete(uri);
          this.host.warn(`pmm-lint: no answer to workspace/configuration for ${uri} within ${this.timeoutMs} ms; using defaults.`);
          resolve(this.global);
        }, this.timeoutMs);
      });
      const asked = this.host.fetch(uri).then(
        (raw: unknown) => (clearTimeout(timer), this.read(raw)),
        () => (clearTimeout(timer), this.global),
      );
      p = Promise.race([asked, timeout]);
      // Only open documents keep cached settings (a request racing didClose must not bring one back).
      if (this.host.isOpen(uri)) this.cache.set(uri, p);
    }
    return p;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** The client's settings changed: ask again. */
  clear(): void {
    this.cache.clear();
  }
}
