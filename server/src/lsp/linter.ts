// Lints open documents once per version and shares the outcome between diagnostics, code actions, hover,
// completion, symbols and the documentReport request.

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver';
import { isIgnored, type ResolvedConfig } from '../core/config';
import { t } from '../core/i18n';
import { parseIncrementally, type ParsedText } from '../core/incremental';
import { LintMemo } from '../core/text-cache';
import { lintModel, type LintResult } from '../core/lint';
import { modelFromTree, parseMarkdown } from '../core/parse';
import type { Rule } from '../core/rules/rule';
import type { Locale } from '../core/types';
import { humanSize } from '../core/read-source';
import { MARKDOWN_LANGUAGES, uriToPath } from './basics';
import { ConfigCache as ConfigStore } from '../runtime/config-cache';
import { configErrorDiagnostic, findingToDiagnostic, type PositionAt } from './diagnostics';
import type { ServerSettings } from './settings';

/** Which document, version and generation of settings a lint is of. */
export interface LintedVersion {
  uri: string;
  version: number;
  /** Bumped whenever settings or config files change: a cached outcome of an older generation is stale. */
  generation: number;
  filePath: string | undefined;
}

/** What the lint ran with: the document's config (null when none could be read) and its messages' locale. */
export interface LintSetup {
  config: ResolvedConfig | null;
  locale: Locale;
}

/** What the engine said. */
export interface EngineOutcome {
  /** The engine's result; null when the document was not linted (disabled, ignored, too large, config error). */
  result: LintResult | null;
  /** Why the document was not linted, for the report and the log. */
  notice: string | null;
}

/** Between engine offsets and document positions (the engine sees the text without a byte order mark). */
export interface OffsetMap {
  /** Engine offset -> document position. */
  positionAt: PositionAt;
  /** Document offset -> engine offset. */
  toEngineOffset: (offset: number) => number;
}

/** A document's lint: each part above, and the findings as LSP diagnostics. The parse is kept apart (Linter). */
export type LintOutcome = LintedVersion & LintSetup & EngineOutcome & OffsetMap & { diagnostics: Diagnostic[] };

export interface LinterHost {
  settingsFor(uri: string): Promise<ServerSettings>;
  /** The workspace folder (a path) that holds a document, or the first folder. */
  folderFor(uri: string): string | undefined;
  clientLocale(): Locale;
  log(message: string): void;
  showError(message: string): void;
  /** The document's config is known (before it is parsed): the worker sets the document's time budget from it. */
  configLoaded?(config: ResolvedConfig): void;
}

export { MARKDOWN_LANGUAGES, uriToPath };

/**
 * How many documents keep their full outcome (tree, model, findings) in memory. Others keep nothing here: their
 * diagnostics are already with the client, and a request for them lints again. Bounds the server's memory when
 * thousands of documents are open.
 */
const MAX_CACHED_OUTCOMES = 3;

/**
 * How a lint is kept: `foreground` (a document being edited or asked about) among the outcomes above;
 * `background` (a document linted because it was opened or a setting changed) in one slot of its own, so a burst
 * of opened documents does not push out the documents in use; `none` (a file that is not open).
 */
export type Keep = 'foreground' | 'background' | 'none';

export class Linter {
  readonly configs = new ConfigStore();
  private generationCounter = 0;
  /** The latest outcome per document, least recently used first. */
  private readonly cache = new Map<string, LintOutcome>();
  /** The last outcome linted in the background (see Keep). */
  private lastBackground: LintOutcome | null = null;
  /**
   * The parsed text of each kept outcome, for the next version's incremental parse, and the answers its rules keep
   * across keystrokes (both go with their outcome).
   */
  private readonly parses = new WeakMap<LintOutcome, { parsed: ParsedText; memo?: LintMemo }>();
  private readonly reported = new Set<string>();

  constructor(
    private readonly host: LinterHost,
    private readonly rules?: readonly Rule[],
  ) {}

  get generation(): number {
    return this.generationCounter;
  }

  /** Settings or config changed: every cached outcome is stale (their parsed trees are still good). */
  invalidate(): void {
    this.generationCounter++;
  }

  /** Takes the main thread's generation: a different one means settings or configs changed. */
  follow(generation: number): void {
    if (generation === this.generationCounter) return;
    this.generationCounter = generation;
    this.configs.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    if (this.lastBackground?.uri === uri) this.lastBackground = null;
  }

  /** The latest outcome of a document, whatever its version or generation. */
  latest(uri: string): LintOutcome | undefined {
    return this.cache.get(uri) ?? (this.lastBackground?.uri === uri ? this.lastBackground : undefined);
  }

  /** The cached outcome for this exact version, if any. */
  cached(doc: TextDocument): LintOutcome | undefined {
    const c = this.latest(doc.uri);
    return c && c.version === doc.version && c.generation === this.generationCounter ? c : undefined;
  }

  private remember(outcome: LintOutcome, keep: Keep): void {
    const { uri } = outcome;
    if (keep === 'background' && !this.cache.has(uri)) {
      this.lastBackground = outcome;
      return;
    }
    if (this.lastBackground?.uri === uri) this.lastBackground = null;
    this.cache.delete(uri);
    this.cache.set(uri, outcome);
    if (this.cache.size > MAX_CACHED_OUTCOMES) this.cache.delete(this.cache.keys().next().value!);
  }

  /**
   * Lints a document (or returns the cached outcome for its version). `current` gives the document as it is
   * when the settings arrive, so a burst of edits during the wait is linted at its latest text.
   */
  async lint(doc: TextDocument, current: () => TextDocument | undefined = () => doc): Promise<LintOutcome | undefined> {
    const hit = this.cached(doc);
    if (hit) return hit;
    const generation = this.generationCounter;
    const settings = await this.host.settingsFor(doc.uri);
    const latest = current();
    if (!latest) return undefined; // closed meanwhile: no work for closed documents
    if (generation !== this.generationCounter) return this.lint(latest, current);
    return this.lintNow(latest, settings);
  }

  /** Synchronous part: config, engine, diagnostics; `keep` says how the outcome is kept. */
  lintNow(doc: TextDocument, settings: ServerSettings, keep: Keep = 'foreground'): LintOutcome {
    const hit = keep !== 'none' ? this.cached(doc) : undefined;
    if (hit) {
      if (keep === 'foreground') this.remember(hit, keep);
      return hit;
    }
    const uri = doc.uri;
    const base: LintOutcome = {
      uri,
      version: doc.version,
      generation: this.generationCounter,
      filePath: uriToPath(uri),
      locale: settings.locale !== 'auto' ? settings.locale : this.host.clientLocale(),
      result: null,
      config: null,
      diagnostics: [],
      notice: null,
      positionAt: (offset) => doc.positionAt(offset),
      toEngineOffset: (offset) => offset,
    };
    const latest = keep !== 'none' ? this.latest(uri) : undefined;
    const kept = latest && this.parses.get(latest);
    // Rules keep answers for documents being worked on; a document opened in the background starts its memo at
    // its first keystroke (opening 2,000 documents fills no memos).
    const memo = keep === 'foreground' ? kept?.memo ?? new LintMemo() : undefined;
    const { outcome, parsed } = this.compute(doc, base, settings, kept?.parsed ?? null, memo);
    if (keep !== 'none') {
      if (parsed) this.parses.set(outcome, { parsed, memo });
      this.remember(outcome, keep);
    }
    return outcome;
  }

  private compute(doc: TextDocument, outcome: LintOutcome, settings: ServerSettings, previous: ParsedText | null, memo: LintMemo | undefined): { outcome: LintOutcome; parsed?: ParsedText } {
    const { filePath, uri } = outcome;
    if (!settings.enable) return { outcome };
    const folder = this.host.folderFor(uri);
    const dir = filePath ? path.dirname(filePath) : folder ?? process.cwd();
    const extras = settings.checklists.map((c) => path.resolve(folder ?? dir, c));
    const resolved = this.configs.resolve(dir, extras);
    const display = filePath ?? uri;
    if (!resolved.ok) {
      const diagnostic = configErrorDiagnostic(resolved.error, outcome.locale, resolved.error.file, pathToFileURL(resolved.error.file).href);
      const message = String(diagnostic.message);
      this.once(`config:${message}`, () => this.host.showError(message));
      return { outcome: { ...outcome, diagnostics: [diagnostic], notice: message } };
    }
    let config = resolved.config;
    this.host.configLoaded?.(config);
    if (Object.keys(settings.rules).length) config = { ...config, rules: { ...config.rules, ...settings.rules } };
    const locale = settings.locale !== 'auto' ? settings.locale : config.locale ?? outcome.locale;
    if (filePath && isIgnored(config, filePath)) return { outcome: { ...outcome, config, locale } };
    const text = doc.getText();
    // Cheap bound first: a UTF-16 string of n units takes at least n bytes.
    if (text.length > config.maxFileSize || Buffer.byteLength(text) > config.maxFileSize) {
      const notice = t(locale, 'lsp.tooLarge', { file: display, size: humanSize(Buffer.byteLength(text)), limit: humanSize(config.maxFileSize) });
      this.once(`large:${uri}`, () => this.host.log(notice));
      return { outcome: { ...outcome, config, locale, notice } };
    }
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const positionAt: PositionAt = bom ? (offset) => doc.positionAt(offset + 1) : (offset) => doc.positionAt(offset);
    const toEngineOffset = (offset: number) => Math.max(0, offset - bom);
    const engineText = bom ? text.slice(1) : text;
    // Re-parse only what the edit touched (falls back to a full parse where a splice could differ).
    const parsed = parseIncrementally(previous, engineText, parseMarkdown);
    const result = lintModel(modelFromTree(engineText, parsed.root), {
      filePath,
      config,
      locale,
      // pmmLint.locale auto (and no locale in the config): the document's own language, then the UI's.
      followDocument: settings.locale === 'auto' && !config.locale,
      rules: this.rules,
      memo,
      onRuleError: (ruleId, error) => {
        const detail = error instanceof Error ? error.message : String(error);
        this.once(`rule:${ruleId}:${detail}`, () =>
          this.host.log(`${t(locale, 'lsp.ruleFailed', { rule: ruleId, file: display, detail })}\n${error instanceof Error ? error.stack ?? '' : ''}`),
        );
      },
    });
    const diagnostics = result.findings.map((f) => findingToDiagnostic(f, positionAt, uri, doc.version));
    // One language per document: every feature (hover, completion, actions, report) speaks the lint's.
    return {
      outcome: { ...outcome, config, locale: result.locale, result, diagnostics, positionAt, toEngineOffset },
      parsed: { text: parsed.text, root: parsed.root, definitions: parsed.definitions },
    };
  }

  private once(key: string, action: () => void): void {
    if (this.reported.has(key)) return;
    if (this.reported.size > 1000) this.reported.clear();
    this.reported.add(key);
    action();
  }
}
