// `pmm-lint init`: writes a commented .pmmlintrc.yaml for the folder it runs in, from what it finds there. Every
// Markdown file is linted as the CLI lints it (same budget, same ignores); a folder whose untyped documents read
// as one type gets an override giving them that type, a document that differs from its folder gets its own; the
// language most documents are written in is proposed; every rule is listed with its default severity.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES } from '../core/config-files';
import { t } from '../core/i18n';
import { RULES } from '../core/rules';
import type { Locale } from '../core/types';
import type { JsonFileReport } from '../format/positions';
import { typeTitle } from '../format/summary';

export const INIT_FILE = '.pmmlintrc.yaml';

/** A YAML scalar that stays a string whatever it holds (a path with `*`, `:` or `#`). */
const quote = (s: string) => JSON.stringify(s);

/** A description's first sentence ("e.g." does not end one), without a closing semicolon. */
function firstSentence(text: string): string {
  return text.split(/(?<=[.;])\s+(?=[A-Z])|(?<=[。；])/u)[0].replace(/[;；]$/u, '');
}

/** The type a document has or reads as, if any. */
function typeOf(r: JsonFileReport): string | null {
  return r.docType ?? r.suggestedType ?? null;
}

/** Its front matter names its type: no override needed. */
const declares = (r: JsonFileReport) => r.typeVia === 'front-matter';

/**
 * Overrides for documents that do not declare their type: one per folder whose untyped documents all read as one
 * type (its files, not its sub-folders'), one per document elsewhere. Paths relative to the config's folder.
 */
export function overridesFor(reports: JsonFileReport[]): Array<{ files: string; type: string }> {
  const byFolder = new Map<string, Array<{ file: string; type: string }>>();
  for (const r of reports) {
    const type = typeOf(r);
    if (!type || declares(r)) continue;
    const folder = path.posix.dirname(r.file);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), { file: r.file, type }]);
  }
  const out: Array<{ files: string; type: string }> = [];
  for (const [folder, docs] of [...byFolder].sort(([a], [b]) => a.localeCompare(b))) {
    const types = new Set(docs.map((d) => d.type));
    if (types.size === 1 && docs.length > 1) out.push({ files: folder === '.' ? '*.md' : `${folder}/*.md`, type: docs[0].type });
    else for (const d of docs.sort((a, b) => a.file.localeCompare(b.file))) out.push({ files: d.file, type: d.type });
  }
  return out;
}

/** The config's text: a header, the language, the overrides, every rule with its default severity. */
export function initConfig(reports: JsonFileReport[], locale: Locale): string {
  const zh = reports.filter((r) => r.language === 'zh').length;
  const language: Locale = zh * 2 > reports.length ? 'zh' : 'en';
  const counts = new Map<string, number>();
  for (const r of reports) {
    const type = typeOf(r);
    if (type) counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  const title = (type: string) => typeTitle(type, locale);
  const lines = [
    `# pmm-lint configuration, written by \`pmm-lint init\` from ${reports.length} Markdown files.`,
    `# Found: ${[...counts].map(([type, n]) => `${n} × ${title(type)}`).join(', ') || 'no PMM documents yet'}.`,
    '# Schema and every option: https://github.com/pmm-lint/pmm-lint#configuration',
    '',
    `# Messages in one language for everyone. Without it, each document gets its own language's messages in the`,
    `# editor, and the CLI follows the environment (LANG) or --locale. Most documents here are in ${language === 'zh' ? 'Chinese' : 'English'}.`,
    `# locale: ${language}`,
    '',
  ];
  const overrides = overridesFor(reports);
  if (overrides.length) {
    lines.push('# Documents without a front matter `type:` are checked as the type their folder holds (a `type:` still wins).', 'overrides:');
    for (const o of overrides) lines.push(`  - files: ${quote(o.files)}`, `    type: ${o.type}  # ${title(o.type)}`);
  } else {
    lines.push('# Every PMM document here declares its type in front matter: no overrides needed.', '# overrides:', '#   - files: "launches/*.md"', '#     type: gtm-brief');
  }
  lines.push('', '# Severity of each rule: error, warning, info, hint or off.', 'rules:');
  for (const rule of RULES) lines.push(`  ${rule.meta.id}: ${rule.meta.defaultSeverity}  # ${firstSentence(rule.meta.description[locale])}`);
  lines.push('', '# Files not to lint (globs relative to this folder).', '# ignore:', '#   - "drafts/archive/**"', '');
  return lines.join('\n');
}

export interface InitIO {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Lints every Markdown file under cwd as the CLI does (file names relative to cwd, with /); null on failure. */
  lintAll: () => Promise<JsonFileReport[] | null>;
}

export async function runInit(force: boolean, locale: Locale, io: InitIO): Promise<number> {
  const target = path.join(io.cwd, INIT_FILE);
  const existing = CONFIG_FILE_NAMES.filter((name) => fs.existsSync(path.join(io.cwd, name)));
  const other = existing.find((name) => name !== INIT_FILE);
  if (other || (existing.length && !force)) {
    io.stderr(t(locale, other ? 'cli.initOther' : 'cli.initExists', { file: other ?? INIT_FILE }) + '\n');
    return 2;
  }
  const reports = await io.lintAll();
  if (!reports) return 2;
  fs.writeFileSync(target, initConfig(reports, locale));
  const pmm = reports.filter((r) => typeOf(r)).length;
  io.stdout(t(locale, 'cli.initWrote', { file: INIT_FILE, files: reports.length, pmm }) + '\n');
  return 0;
}
