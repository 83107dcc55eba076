// Which document type a file is: front matter `type:`, then the file name, then the headings.

import { bestElement, compileChecklist, type CompiledChecklist } from './checklist';
import type { DocumentModel } from './model';
import { normalizeLabel } from './text';
import type { Checklist } from './types';

/** Front matter keys that can carry the document type. */
export const TYPE_KEYS = ['type', 'pmm-type', 'pmm_type', 'doctype', 'doc-type', 'doc_type', '文档类型', '类型'];

export interface Detection {
  checklist: Checklist | null;
  via: 'front-matter' | 'config' | 'file-name' | 'headings' | null;
  /** A front matter type value that names no known type. */
  unknownTypeValue: string | null;
  /** Where that value is. */
  typeValueOffset: number | null;
}

export function frontMatterType(model: DocumentModel): { value: string; offset: number } | null {
  const fm = model.frontMatter;
  if (!fm) return null;
  const data = fm.data;
  if (!data) {
    // Broken YAML still says what the document is: read a plain `type: value` line.
    const m = new RegExp(`^[ \\t]*(?:${TYPE_KEYS.join('|')})[ \\t]*:[ \\t]*['"]?([^'"#\\n]+?)['"]?[ \\t]*$`, 'mu').exec(fm.raw);
    return m ? { value: m[1].trim(), offset: fm.rawStart + m.index } : null;
  }
  for (const key of TYPE_KEYS) {
    const v = data[key];
    if (typeof v === 'string' && v.trim()) {
      // A top-level key: no indentation (a nested `type:` under another key is something else).
      const m = new RegExp(`^['"]?${key.replace(/[-_]/g, '[-_]')}['"]?[ \\t]*:`, 'mu').exec(fm.raw);
      return { value: v.trim(), offset: fm.rawStart + (m ? m.index : 0) };
    }
  }
  return null;
}

/** Type for a front matter value: an id or an alias, in either language. */
export function typeForValue(checklists: readonly Checklist[], value: string): Checklist | null {
  const n = normalizeLabel(value);
  for (const c of checklists) {
    const compiled = compileChecklist(c);
    if (compiled.aliases.has(n)) return c;
  }
  return null;
}

function fileNameTokens(filePath: string): string[] {
  const base = filePath.split(/[\\/]/).pop() ?? '';
  const name = base.replace(/\.(md|markdown|mdx|mkd|txt)$/i, '').toLowerCase();
  const words = name.split(/[^a-z0-9\u3400-\u9fff]+/u).filter(Boolean);
  const tokens = new Set<string>(words);
  for (let i = 0; i < words.length; i++) {
    if (i + 1 < words.length) tokens.add(`${words[i]}-${words[i + 1]}`);
    if (i + 2 < words.length) tokens.add(`${words[i]}-${words[i + 1]}-${words[i + 2]}`);
  }
  // Chinese names have no separators: keep the whole name for substring tests.
  tokens.add(`\u0000${name}`);
  return [...tokens];
}

function fileNameMatches(compiled: CompiledChecklist, tokens: string[]): boolean {
  const whole = tokens.find((t) => t.startsWith('\u0000'))?.slice(1) ?? '';
  return compiled.fileNames.some((f) => (/[\u3400-\u9fff]/u.test(f) ? whole.includes(f) : tokens.includes(f)));
}

/** How many of a checklist's elements the headings, labels and table headers name (generic ones count half). */
export function headingScore(model: DocumentModel, compiled: CompiledChecklist): number {
  const found = new Map<string, number>();
  for (const cand of model.candidates) {
    if (cand.section && cand.section === model.title && model.sections.length > 1) continue;
    const best = bestElement(compiled, cand.normalized, cand.question);
    if (!best) continue;
    const weight = compiled.weakHeadings.has(cand.normalized) || compiled.weakHeadings.has(best.alias) ? 0.5 : 1;
    found.set(best.element.id, Math.max(found.get(best.element.id) ?? 0, weight));
  }
  let score = 0;
  for (const w of found.values()) score += w;
  return score;
}

export interface Suggestion {
  type: string;
  confidence: number;
  evidence: string[];
}

export function detectType(model: DocumentModel, filePath: string | undefined, checklists: readonly Checklist[], declaredType?: string): Detection {
  const fm = frontMatterType(model);
  let unknownTypeValue: string | null = null;
  if (fm) {
    const byValue = typeForValue(checklists, fm.value);
    if (byValue) return { checklist: byValue, via: 'front-matter', unknownTypeValue: null, typeValueOffset: fm.offset };
    unknownTypeValue = fm.value;
  }
  if (declaredType) {
    const byConfig = typeForValue(checklists, declaredType);
    if (byConfig) return { checklist: byConfig, via: 'config', unknownTypeValue, typeValueOffset: fm?.offset ?? null };
  }
  const compiled = checklists.map(compileChecklist);
  const scores = compiled.map((c) => headingScore(model, c));

  // A file name is a hint that lowers the bar; headings alone must name a good share of the checklist.
  // A page *about* personas is not a persona, so the name alone is never enough.
  const bar = (c: CompiledChecklist, named: boolean) =>
    named ? 2 : Math.max(c.minScore, 0.45 * c.checklist.elements.length);
  const tokens = filePath ? fileNameTokens(filePath) : [];
  const named = compiled.map((c) => tokens.length > 0 && fileNameMatches(c, tokens));
  const pick = (eligible: (i: number) => boolean): number => {
    let best = -1;
    compiled.forEach((c, i) => {
      if (eligible(i) && (best < 0 || scores[i] > scores[best])) best = i;
    });
    return best;
  };
  const byName = pick((i) => named[i] && scores[i] >= bar(compiled[i], true));
  if (byName >= 0) return { checklist: checklists[byName], via: 'file-name', unknownTypeValue, typeValueOffset: fm?.offset ?? null };

  const byHeadings = pick((i) => scores[i] >= bar(compiled[i], false));
  if (byHeadings >= 0) {
    // Refuse a near tie between two types: guessing wrong is worse than not guessing.
    const runnerUp = Math.max(...scores.filter((_, i) => i !== byHeadings), 0);
    if (scores[byHeadings] - runnerUp >= 1) return { checklist: checklists[byHeadings], via: 'headings', unknownTypeValue, typeValueOffset: fm?.offset ?? null };
  }
  return { checklist: null, via: null, unknownTypeValue, typeValueOffset: fm?.offset ?? null };
}

/**
 * Types a document without a declared type may be, best first: the detected type, else the types whose
 * headings it names at least twice (or once, when the file name also says so). For "add front matter type:".
 */
export function suggestTypes(model: DocumentModel, filePath: string | undefined, checklists: readonly Checklist[], limit = 3): Checklist[] {
  const detection = detectType(model, filePath, checklists);
  const tokens = filePath ? fileNameTokens(filePath) : [];
  const ranked = checklists
    .map((checklist) => {
      const compiled = compileChecklist(checklist);
      const named = tokens.length > 0 && fileNameMatches(compiled, tokens);
      return { checklist, score: headingScore(model, compiled) + (named ? 1 : 0) };
    })
    .filter((r) => r.score >= 2 && r.checklist !== detection.checklist)
    .sort((a, b) => b.score - a.score)
    .map((r) => r.checklist);
  return (detection.checklist ? [detection.checklist, ...ranked] : ranked).slice(0, limit);
}
