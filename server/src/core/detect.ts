// Which document type a file is: front matter `type:`, then the file name, then the headings.

import { compileChecklist, type CompiledChecklist } from './checklist';
import { checklistPattern, pickElements } from './elements';
import type { DeclaredType, DocumentModel } from './model';
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { withoutDocumentExtension } from './markdown-files';
import { hasCjk, normalizeLabel } from './text';
import { tokens as vocabTokens } from './vocab';
import type { Checklist } from './types';

export interface Detection {
  checklist: Checklist | null;
  via: 'front-matter' | 'config' | 'title' | 'file-name' | 'headings' | null;
  /** A front matter type value that names no known type. */
  unknownTypeValue: string | null;
  /** Where that value is. */
  typeValueOffset: number | null;
  /** No type, but the document reads like one: which, how sure (0-1) and on what evidence. */
  suggestion: Suggestion | null;
}

export interface Suggestion {
  type: string;
  /** 0-1. */
  confidence: number;
  /** What said so: 'title', 'file name', 'folder'. */
  evidence: string[];
  /** How many of the type's elements the document names (halves for generic names). */
  elements: number;
}

/** The document type the front matter declares, and where: read once by parse.ts (model.ts DeclaredType). */
export function frontMatterType(model: DocumentModel): DeclaredType | null {
  return model.frontMatter?.declaredType ?? null;
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

// ---- Evidence -------------------------------------------------------------------------------------------
//
// A document's type is a decision over all the evidence at once, as a reviewer makes it:
// - what the document calls itself: its title (the first H1, or front matter `title:`), then its file and folder
//   names. A genre name ("launch plan", "battlecard", "X vs Y", 竞品分析, 推广方案) says more than a topic word
//   ("launch", "personas", 竞品), which a page merely *about* the topic also uses;
// - how many of the type's elements the headings, labels and tables name (headingScore);
// - what says it is no PMM document: a README, PRD or spec by its title; a process page (how we run launches,
//   "... creation process"), a page that asks what the type is ("What are personas?"), a hub of links, a PRD's
//   structure (functional / non-functional requirements, acceptance criteria). Those stay silent.
// Three outcomes: a type (lint fully), a suggestion ("reads like a battlecard", one hint), or nothing.

/** Words that name a document of some other kind: such a document is not linted, whatever it mentions. */
const NOT_PMM_TITLE =
  /\b(?:readme|change ?log|release notes|prd|product requirements? (?:doc(?:ument)?|spec)|(?:technical |design |api )(?:spec(?:ification)?|doc(?:ument)?)|rfc|runbook|how (?:to|i|do|does|can|should)|how we (?:write|run|create|make|do|build|use|manage|plan|work|handle|approach|launch|price|name)|guidelines?|playbook|style guide|faq|blog|blog post|press release|newsletter|meeting minutes|meeting notes|postmortem|post-mortem|retro(?:spective)?|job description)\b|产品需求文档|需求文档|需求规格|规格说明|设计文档|技术方案|周报|月报|日报|会议纪要|周会|例会|使用说明|用户手册|操作手册|如何|怎么|怎样|规范|指南|教程|博客|推文|新闻稿|公众号|招聘/iu;

const PROCESS_TITLE = /\bprocess(?:es)?\b|流程/iu;

/** Headings that describe a process rather than one document's content. */
const PROCESS_HEADING =
  /\b(?:process|how (?:to|we|i|do|does|can|should)|workflow|step[- ]by[- ]step|steps? to|publishing|approval|deciding (?:what|when|which|how))\b|流程|如何|怎么|步骤|操作指引|审批/iu;

/** A PRD's own sections: a product manager's requirements document, not a PMM document. */
const PRD_HEADING = /\b(?:functional requirements?|non-functional|acceptance criteria|user stor(?:y|ies)|data requirements?|system architecture|data model|api design|test plan|implementation plan|migration plan)\b|功能需求|非功能需求|验收标准|用户故事|数据需求|性能需求|业务规则|系统架构|接口设计|数据模型|技术选型/iu;
/** One heading is enough: an engineering design doc's non-goals. */
const DESIGN_DOC_HEADING = /^(?:non[- ]?goals|out of scope for this design)$|^非目标$/iu;

/** Whole-word or substring test of a vocabulary term in a name (tokens for English, characters for Chinese). */
function namesTerm(name: { tokens: Set<string>; folded: string; cjk: string }, term: string): boolean {
  const norm = normalizeLabel(term);
  if (hasCjk(norm)) return name.cjk.includes(norm.replace(/\s+/g, ''));
  const toks = vocabTokens(norm);
  if (toks.length === 0) return false;
  if (toks.length === 1) return name.tokens.has(toks[0]);
  return (' ' + name.folded + ' ').includes(' ' + toks.join(' ') + ' ');
}

function readName(raw: string): { tokens: Set<string>; folded: string; cjk: string } {
  // File and folder names: words split at - _ . and camelCase.
  const spaced = raw.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[-_.]+/g, ' ');
  const norm = normalizeLabel(spaced);
  const toks = vocabTokens(norm.replace(/\bgo to market\b/g, 'gtm'));
  return { tokens: new Set(toks), folded: toks.join(' '), cjk: norm.replace(/[^\p{Script=Han}A-Za-z0-9]+/gu, '') };
}

/** How strongly a name says "this is a document of that type": 3 a genre name, 2 a topic word, 0 nothing. */
function nameStrength(name: { tokens: Set<string>; folded: string; cjk: string }, c: Checklist): number {
  const words = c.detect?.titleWords;
  if (!words) return 0;
  if ((words.genre ?? []).some((w) => namesTerm(name, w))) return 3;
  if ((words.topic ?? []).some((w) => namesTerm(name, w))) return 2;
  return 0;
}

const VS_TITLE = /\S\s*(?:\bvs\.?|\bversus\b|\bPK\b)\s*\S|[与和跟][^，。,.\s]{1,12}对比/iu;
/** "Q1 vs Q2", "2025 vs 2026", "this week vs last week": periods side by side, not two products. */
const PERIODS_VS = /(?:\b(?:Q[1-4]|H[12]|FY\s?\d{2,4}|(?:19|20)\d{2}|week|month|quarter|year|last|this|next)\b|[上下本]?[周月季年]度?)\s*(?:vs\.?|versus|对比|PK)\s*(?:\b(?:Q[1-4]|H[12]|FY\s?\d{2,4}|(?:19|20)\d{2}|week|month|quarter|year|last|this|next)\b|[上下本]?[周月季年]度?)/iu;
/** A battlecard speaks from our side of the deal. */
const OUR_SIDE = /\b(?:we|we're|our|ours|us|reps?|deals?|prospects?)\b|我们|我方|销售|客户说|商机|赢单|丢单/iu;
/** A plan for an event is not a launch plan, unless the title also names a PMM genre. */
const EVENT_TITLE = /\b(?:event|summit|conference|webinar|meetup|offsite|off-site|trade show|roadshow|hackathon)\b|峰会|展会|大会|沙龙|年会|线下活动|发布会活动/iu;

export interface TypeEvidence {
  type: string;
  /** Elements named by headings, labels and tables (weighted). */
  elements: number;
  /** What the title, file and folder names say (0-5). */
  names: number;
  /** Which names said it, for the "reads like" message. */
  said: string[];
  /** What the title and the file name alone say (0, 2 or 3). */
  fromTitle: number;
  fromFile: number;
}

export interface Evidence {
  /** The document says what kind of document it is not (README, PRD, process page, hub of links). */
  notPmm: string | null;
  perType: TypeEvidence[];
}

const variantCache = new WeakMap<Checklist, Map<string, Checklist>>();

/**
 * The checklist as it applies to this document: a variant named by the title or file name ("ICP scoring") keeps
 * the elements but requires only the variant's own.
 */
export function checklistFor(checklist: Checklist, model: DocumentModel, filePath: string | undefined): Checklist {
  if (!checklist.variants?.length) return checklist;
  const title = readName(documentTitle(model));
  const base = filePath ? readName(withoutDocumentExtension(filePath.split(/[\\/]/).pop() ?? '')) : null;
  const variant = checklist.variants.find(
    (v) =>
      v.titleWords.some((w) => namesTerm(title, w) || (base !== null && namesTerm(base, w))) &&
      (!v.contains?.length || v.contains.some((p) => checklistPattern(p).test(model.text.slice(0, 50000)))),
  );
  if (!variant) return checklist;
  let byId = variantCache.get(checklist);
  if (!byId) variantCache.set(checklist, (byId = new Map()));
  let applied = byId.get(variant.id);
  if (!applied) {
    const requires = new Set(variant.requires);
    applied = { ...checklist, elements: checklist.elements.map((e) => ({ ...e, required: requires.has(e.id) })) };
    byId.set(variant.id, applied);
  }
  return applied;
}

export function documentTitle(model: DocumentModel): string {
  const fmTitle = model.frontMatter?.data?.title;
  if (typeof fmTitle === 'string' && fmTitle.trim()) return fmTitle.trim();
  return model.title?.heading ?? '';
}

function linkHub(model: DocumentModel): boolean {
  // Lists and paragraphs that are only links (and a few words around them) make up most of the page.
  let blocks = 0;
  let links = 0;
  const visit = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'list') {
        for (const li of node.children) {
          const para = li.children[0];
          if (!para || para.type !== 'paragraph') continue;
          blocks++;
          const text = toString(para);
          const linkText = para.children.filter((c) => c.type === 'link').map((c) => toString(c)).join('');
          if (linkText.length > 0 && linkText.length >= text.replace(/\([^()\n]{0,200}\)/g, '').length * 0.5) links++;
          visit(li.children.slice(1) as RootContent[]);
        }
      } else if (node.type === 'paragraph') {
        blocks++;
        const text = toString(node);
        const linkText = node.children.filter((c) => c.type === 'link').map((c) => toString(c)).join('');
        if (linkText.length > 0 && linkText.length >= text.length * 0.5) links++;
      }
    }
  };
  visit(model.root.children);
  return blocks >= 4 && links / blocks >= 0.6;
}

/** Everything that bears on the type, per built-in or user checklist. */
export function gatherEvidence(model: DocumentModel, filePath: string | undefined, checklists: readonly Checklist[]): Evidence {
  const title = documentTitle(model);
  const titleName = readName(title);
  const parts = filePath ? filePath.split(/[\\/]/).filter(Boolean) : [];
  const base = withoutDocumentExtension(parts.pop() ?? '');
  const fileName = readName(base);
  const folders = parts.slice(-2).map(readName);
  const headings = model.sections.filter((sec) => sec !== model.title).map((sec) => sec.heading);

  let notPmm: string | null = null;
  if (NOT_PMM_TITLE.test(title) || NOT_PMM_TITLE.test(base.replace(/[-_]+/g, ' '))) notPmm = 'title';
  // "Process" and 流程 name a process page, unless the title also names a PMM genre ("Celonis battlecard (process
  // mining)", 流程自动化平台产品定位).
  else if (PROCESS_TITLE.test(title) && !checklists.some((c) => nameStrength(titleName, c) >= 3)) notPmm = 'title';
  else if (/^(?:readme|changelog|changes|history|license|contributing|code_of_conduct|security|index|_index)$/i.test(base) && !title) notPmm = 'file';
  else if (headings.filter((h) => PRD_HEADING.test(h)).length >= 2 || headings.some((h) => DESIGN_DOC_HEADING.test(normalizeLabel(h)))) notPmm = 'prd';
  else {
    const process = headings.filter((h) => PROCESS_HEADING.test(h)).length;
    if (process >= 2 && process >= headings.length * 0.15) notPmm = 'process';
  }

  const perType = checklists.map((c) => {
    const compiled = compileChecklist(c);
    const said: string[] = [];
    let fromTitle = title ? nameStrength(titleName, c) : 0;
    // "GitHub vs. Sourcegraph", "飞书 vs 钉钉": two products side by side is a battlecard's genre.
    if (c.type === 'battlecard' && VS_TITLE.test(title) && !PERIODS_VS.test(title)) fromTitle = Math.max(fromTitle, OUR_SIDE.test(model.text.slice(0, 20000)) ? 3 : 2);
    if (fromTitle) said.push('title');
    // The checklist's own file name words ("gtm", "launch-plan", "battlecard") name the genre.
    const fromFile = !base ? 0 : fileNameMatches(compiled, fileNameTokens(base)) ? 3 : nameStrength(fileName, c);
    if (fromFile) said.push('file name');
    const fromFolder = folders.some((f) => nameStrength(f, c) > 0) ? 1 : 0;
    if (fromFolder) said.push('folder');
    // The title says most; a file name that agrees adds a little; a folder ("battlecards/") a little more.
    const names = Math.max(fromTitle, fromFile) + (fromTitle && fromFile ? 0.5 : 0) + fromFolder;
    // A page that asks what the type is ("What are personas?", "Why are personas important?") is about it.
    if (names > 0 && headings.filter((h) => /[?？]\s*$/u.test(h) && nameStrength(readName(h), c) > 0).length >= 2) notPmm ??= 'about';
    return { type: c.type, elements: headingScore(model, compiled), names: Math.min(names, 5), said, fromTitle, fromFile };
  });
  // A title that names two kinds ("messaging and positioning") leaves the choice to the file name.
  if (perType.filter((e) => e.fromTitle > 0).length > 1) for (const e of perType) if (e.fromTitle && e.fromFile) e.names += 1;
  if (!notPmm && EVENT_TITLE.test(title) && !perType.some((e) => e.fromTitle >= 3)) notPmm = 'event';
  if (!notPmm && linkHub(model)) notPmm = 'links';
  return { notPmm, perType };
}

function fileNameTokens(base: string): string[] {
  const name = base.toLowerCase();
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
  for (const { cand, pick: best } of pickElements(model, compiled)) {
    let weight = compiled.weakHeadings.has(cand.normalized) || compiled.weakHeadings.has(best.alias) ? 0.5 : best.score >= 1 ? 1 : 0.75;
    // A label or table cell says less than a heading.
    if (cand.kind !== 'heading') weight *= 0.75;
    found.set(best.element.id, Math.max(found.get(best.element.id) ?? 0, weight));
  }
  let score = 0;
  for (const w of found.values()) score += w;
  return score;
}

export function detectType(model: DocumentModel, filePath: string | undefined, checklists: readonly Checklist[], declaredType?: string): Detection {
  const fm = frontMatterType(model);
  let unknownTypeValue: string | null = null;
  if (fm) {
    const byValue = typeForValue(checklists, fm.value);
    if (byValue) return { checklist: byValue, via: 'front-matter', unknownTypeValue: null, typeValueOffset: fm.offset, suggestion: null };
    unknownTypeValue = fm.value;
  }
  if (declaredType) {
    const byConfig = typeForValue(checklists, declaredType);
    if (byConfig) return { checklist: byConfig, via: 'config', unknownTypeValue, typeValueOffset: fm?.offset ?? null, suggestion: null };
  }
  const none = { checklist: null, via: null, unknownTypeValue, typeValueOffset: fm?.offset ?? null, suggestion: null };
  const evidence = gatherEvidence(model, filePath, checklists);
  if (evidence.notPmm) return none;

  const ranked = evidence.perType
    .map((e, i) => ({ e, i, total: e.elements + e.names }))
    .sort((a, b) => b.total - a.total || b.e.elements - a.e.elements);
  const best = ranked[0];
  if (!best) return none;
  const runnerUp = ranked[1]?.total ?? 0;
  const c = checklists[best.i];
  const n = c.elements.length;
  const { elements, names } = best.e;
  const bar = Math.max(compileChecklist(c).minScore, 0.45 * n);
  // A genre name in the title with one element, or said by both title and file; a topic word with a good share of
  // the elements; or the elements alone.
  const confident =
    (names >= 3 && (elements >= 1 || names >= 3.5)) || (names >= 2 && elements >= Math.max(3, 0.3 * n)) || elements >= bar;
  // Two types close together: the names decide when they say clearly more for one ("messaging and positioning"
  // in the title, "positioning" in the file name).
  const margin = best.total - runnerUp;
  const namesLead = best.e.names - (ranked[1]?.e.names ?? 0);
  if (confident && (margin >= 1 || (margin > 0 && namesLead >= 1))) {
    return { checklist: c, via: best.e.fromTitle >= 2 ? 'title' : best.e.fromFile >= 2 ? 'file-name' : 'headings', unknownTypeValue, typeValueOffset: fm?.offset ?? null, suggestion: null };
  }
  // Not sure: say what it reads like when there is something to go on.
  if ((names >= 3 && elements >= 1) || (names >= 2 && elements >= 2) || elements >= 2.5 || (confident && margin > 0)) {
    const confidence = Math.min(0.9, Math.round(((elements + names) / (bar + 3)) * 100) / 100);
    return { ...none, suggestion: { type: c.type, confidence, evidence: best.e.said, elements: Math.round(elements * 2) / 2 } };
  }
  return none;
}
/**
 * Types a document without a declared type may be, best first: the detected type, else the types whose
 * headings it names at least twice (or once, when the file name also says so). For "add front matter type:".
 */
export function suggestTypes(model: DocumentModel, filePath: string | undefined, checklists: readonly Checklist[], limit = 3): Checklist[] {
  const detection = detectType(model, filePath, checklists);
  const base = filePath ? withoutDocumentExtension(filePath.split(/[\\/]/).pop() ?? '') : '';
  const tokens = base ? fileNameTokens(base) : [];
  const ranked = checklists
    .map((checklist) => {
      const compiled = compileChecklist(checklist);
      const named = tokens.length > 0 && fileNameMatches(compiled, tokens);
      return { checklist, score: headingScore(model, compiled) + (named ? 1 : 0) };
    })
    .filter((r) => r.score >= 2 && r.checklist !== detection.checklist)
    .sort((a, b) => b.score - a.score)
    .map((r) => r.checklist);
  // The type the document reads like comes first, as the hint that names it says.
  const suggested = detection.suggestion ? checklists.find((c) => c.type === detection.suggestion!.type) ?? null : null;
  const first = detection.checklist ?? suggested;
  return (first ? [first, ...ranked.filter((c) => c !== first)] : ranked).slice(0, limit);
}
