// Checklists: the built-in data files, validation against the JSON schema, merging the user's own, and
// compiled heading matchers.

import Ajv, { type ErrorObject } from 'ajv';
import checklistSchema from '../../../schemas/checklist.schema.json';
import { BUILT_IN_CHECKLIST_DATA } from './checklists.generated';
import { normalizeLabel, hasCjk } from './text';
import { TextCache } from './text-cache';
import { patternProblem, shownPattern } from './patterns';
import { compileTerm, readLabel, termScore, type Term } from './vocab';
import type { Checklist, ChecklistElement } from './types';

/** The built-in checklists: every file in server/checklists/ (listed by `npm run gen`). */
export const BUILT_IN_CHECKLISTS: readonly Checklist[] = BUILT_IN_CHECKLIST_DATA;

let validator: ReturnType<Ajv['compile']> | null = null;

/** Validates a checklist object; returns readable errors (JSON pointer + message). */
export function validateChecklist(value: unknown): string[] {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    validator = ajv.compile(checklistSchema);
  }
  const errors: string[] = [];
  if (!validator(value)) {
    for (const e of validator.errors ?? []) errors.push(describeAjvError(e));
  }
  if (errors.length === 0) {
    const list = value as Checklist;
    const seen = new Set<string>();
    for (const el of list.elements) {
      if (seen.has(el.id)) errors.push(`/elements: duplicate element id '${el.id}'`);
      seen.add(el.id);
      const patterns = [
        ...(el.checks ?? []).flatMap((c) => (c.kind === 'contains' ? c.patterns : [])),
        ...(el.vocabulary?.phrases ?? []),
      ];
      for (const p of patterns) {
        const problem = patternProblem(p);
        if (problem) errors.push(`/elements/${el.id}: pattern '${shownPattern(p)}' cannot be used: ${problem}`);
      }
    }
    for (const [a, b] of list.order ?? []) {
      for (const id of [a, b]) if (!seen.has(id)) errors.push(`/order: unknown element id '${id}'`);
    }
    for (const v of list.variants ?? []) {
      for (const p of v.contains ?? []) {
        const problem = patternProblem(p);
        if (problem) errors.push(`/variants/${v.id}: pattern '${shownPattern(p)}' cannot be used: ${problem}`);
      }
    }
  }
  return errors;
}

export function describeAjvError(e: ErrorObject): string {
  const where = e.instancePath || '/';
  if (e.keyword === 'additionalProperties') return `${where}: unknown property '${(e.params as { additionalProperty: string }).additionalProperty}'`;
  if (e.keyword === 'enum') return `${where}: must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  return `${where}: ${e.message ?? 'is invalid'}`;
}

type MergedVocabulary = Required<Pick<NonNullable<ChecklistElement['vocabulary']>, 'en' | 'zh' | 'theirs' | 'phrases'>> & { questions?: boolean };

/**
 * Merges an override into a base checklist: top-level fields replace; elements merge by id (a field given
 * replaces the base's), new ids are appended; `removeElements` drops ids.
 */
export function mergeChecklist(base: Checklist, override: Partial<Checklist> & { removeElements?: string[] }): Checklist {
  const elements: ChecklistElement[] = base.elements.map((e) => ({ ...e }));
  // Each id's first element, by index: a Map, not a search of the list per element (40,000 elements took 20 s).
  const indexOf = new Map<string, number>();
  elements.forEach((e, i) => {
    if (!indexOf.has(e.id)) indexOf.set(e.id, i);
  });
  // Vocabularies made here (their lists are this merge's own): an id given again adds to them in place.
  const merged = new Set<MergedVocabulary>();
  for (const el of override.elements ?? []) {
    const i = indexOf.get(el.id);
    if (i !== undefined) {
      const base = elements[i].vocabulary;
      // Words a user's checklist gives are added to the built-in ones (other fields replace).
      let vocabulary = el.vocabulary ?? base;
      if (el.vocabulary && base) {
        const add = el.vocabulary;
        if (merged.has(base as MergedVocabulary)) {
          const own = base as MergedVocabulary;
          for (const key of ['en', 'zh', 'theirs', 'phrases'] as const) for (const w of add[key] ?? []) own[key].push(w);
          own.questions = add.questions ?? own.questions;
          vocabulary = own;
        } else {
          const own: MergedVocabulary = {
            en: [...(base.en ?? []), ...(add.en ?? [])],
            zh: [...(base.zh ?? []), ...(add.zh ?? [])],
            theirs: [...(base.theirs ?? []), ...(add.theirs ?? [])],
            phrases: [...(base.phrases ?? []), ...(add.phrases ?? [])],
            questions: add.questions ?? base.questions,
          };
          merged.add(own);
          vocabulary = own;
        }
      }
      elements[i] = { ...elements[i], ...el, ...(vocabulary ? { vocabulary } : {}) };
    } else {
      indexOf.set(el.id, elements.length);
      elements.push(el);
    }
  }
  const { removeElements, ...fields } = override;
  const removed = new Set(removeElements ?? []);
  return {
    ...base,
    ...fields,
    elements: elements.filter((e) => !removed.has(e.id)),
    order: (override.order ?? base.order ?? []).filter(([a, b]) => !removed.has(a) && !removed.has(b)),
  };
}

// ---- Heading matching -----------------------------------------------------------------------------------

interface AliasMatcher {
  alias: string;
  regex: RegExp | null; // for aliases with '*'
  cjk: boolean;
}

export interface CompiledElement {
  element: ChecklistElement;
  matchers: AliasMatcher[];
  /** The element's names and vocabulary as terms, matched word by word (vocab.ts). */
  terms: Term[];
  /** Terms that count under another party's section. */
  theirs: Term[];
}

export interface CompiledChecklist {
  checklist: Checklist;
  elements: CompiledElement[];
  weakHeadings: Set<string>;
  minScore: number;
  aliases: Set<string>;
  fileNames: string[];
  /** Element picks by label (elementForLabel's cache). */
  picks: TextCache<ElementPick | null>;
}

const compiledCache = new WeakMap<Checklist, CompiledChecklist>();

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function compileChecklist(checklist: Checklist): CompiledChecklist {
  const cached = compiledCache.get(checklist);
  if (cached) return cached;
  const elements = checklist.elements.map((element) => {
    const names = [...element.headings.en, ...element.headings.zh, element.title.en, element.title.zh];
    const seen = new Set<string>();
    const matchers: AliasMatcher[] = [];
    for (const name of names) {
      const alias = normalizeLabel(name.replace(/\*/g, ' WILDCARDX '));
      if (!alias || seen.has(alias)) continue;
      seen.add(alias);
      const hasWildcard = alias.includes('wildcardx');
      // '*' stands for a name of one to three words ("Why GitLab", "Where PostHog wins").
      const regex = hasWildcard ? new RegExp('^' + alias.split('wildcardx').map((p) => escapeRegex(p)).join('[^\\s]+(?:\\s[^\\s]+){0,2}') + '$', 'u') : null;
      matchers.push({ alias: hasWildcard ? alias.replace(/\s*wildcardx\s*/g, '*') : alias, regex, cjk: hasCjk(alias) });
    }
    const terms: Term[] = [];
    const termSeen = new Set<string>();
    for (const name of [...names, ...(element.vocabulary?.en ?? []), ...(element.vocabulary?.zh ?? [])]) {
      if (name.includes('*')) continue;
      const normalized = normalizeLabel(name);
      const term = compileTerm(name, normalized);
      const key = term ? term.cjk || term.exact || term.tokens.join(' ') : '';
      if (!term || termSeen.has(key)) continue;
      termSeen.add(key);
      terms.push(term);
    }
    const theirs = (element.vocabulary?.theirs ?? []).map((w) => compileTerm(w, normalizeLabel(w))).filter((x): x is Term => x !== null);
    return { element, matchers, terms, theirs };
  });
  const compiled: CompiledChecklist = {
    checklist,
    elements,
    weakHeadings: new Set((checklist.detect?.weakHeadings ?? []).map(normalizeLabel)),
    minScore: checklist.detect?.minScore ?? 3,
    aliases: new Set([checklist.type, ...checklist.aliases].map((a) => normalizeLabel(a))),
    fileNames: checklist.fileNames.map((f) => f.toLowerCase()),
    picks: new TextCache(4096),
  };
  compiledCache.set(checklist, compiled);
  return compiled;
}

/** After an alias, a heading may go on after punctuation ("Success metrics (first 30 days)", "Launch tier: 2"). */
const SEPARATOR = /^\s*[:;,(\-—–/|.]/u;
/** A short Chinese alias may go on only with a conjunction or punctuation ("风险与应对", not "目标版本"). */
const CJK_JOINER = /^[与和及、（(：:/\s]/u;

/** How well a normalized label matches an alias: 0 none; exact beats wildcard beats prefix; longer aliases win ties. */
export function matchScore(label: string, m: AliasMatcher): number {
  if (!label) return 0;
  if (m.regex) return m.regex.test(label) ? 2 + m.alias.length / 1000 : 0;
  if (label === m.alias) return 3 + m.alias.length / 1000;
  if (label.startsWith(m.alias)) {
    const rest = label.slice(m.alias.length);
    if (SEPARATOR.test(rest)) return 1 + m.alias.length / 1000;
    if (m.cjk && hasCjk(rest.charAt(0)) && (m.alias.length >= 3 || CJK_JOINER.test(rest))) return 1 + m.alias.length / 1000;
    if (m.cjk && CJK_JOINER.test(rest)) return 1 + m.alias.length / 1000;
  }
  return 0;
}

/** A label that speaks for another party: an objection as asked ("Q: Isn't it free?", “They're cheaper.”). */
const OBJECTION_LIKE = /[?？]["”」']?\s*$|^q\s*[:：.]|^问\s*[:：]|^["“「『]|^(?:客户|对方|they say|customer|prospect)\s*(?:说)?\s*[:：]?\s*["“「]/iu;

/** A competitor's strengths or weaknesses under its own heading: never ours. */
const STRENGTH_WORDS = /\b(?:strengths?|weakness(?:es)?|pros|cons|advantages?|disadvantages?|limitations?|gaps?)\b|优势|劣势|优点|缺点|不足|短板|长处|强项/iu;

/** Words that make a label ours even under a competitor's section ("Our strengths", 我方优势). */
const OURS = /\b(?:our|ours|we|us)\b|我们|我方|自身|自己/iu;

export interface ElementPick {
  element: ChecklistElement;
  score: number;
  alias: string;
}

/**
 * The best element for a candidate label in its place: under another party's section (`scope`) only the
 * elements' `theirs` terms count, unless the label says it is ours; a question or a quoted line no term
 * matches goes to the element that takes questions.
 */
export function elementForLabel(compiled: CompiledChecklist, label: string, isQuestion: boolean, theirScope: boolean): ElementPick | null {
  // No element's name is a paragraph long.
  if (label.length > 160) return null;
  // Labels repeat from one keystroke to the next: remember each checklist's answer for a label.
  const key = (isQuestion ? '1' : '0') + (theirScope ? '1' : '0') + label;
  const cached = compiled.picks.get(key);
  if (cached !== undefined) return cached;
  const pick = pickFor(compiled, label, isQuestion, theirScope);
  compiled.picks.set(key, pick);
  return pick;
}

function pickFor(compiled: CompiledChecklist, label: string, isQuestion: boolean, theirScope: boolean): ElementPick | null {
  if (theirScope && !OURS.test(label)) {
    const best = bestByTerms(compiled, label, isQuestion, (ce) => ce.theirs);
    if (best) return best;
    // A whole battlecard can sit under the competitor's heading ("## Competitor: Globex" / "### Where we win"):
    // names of our own elements still count, except the ones the competitor's words map to.
    const own = bestElement(compiled, label, isQuestion);
    const theirsFor = new Set(compiled.elements.filter((ce) => ce.theirs.length > 0).map((ce) => ce.element.id));
    if (own && !theirsFor.has(own.element.id) && !STRENGTH_WORDS.test(label)) return own;
    return null;
  }
  const best = bestElement(compiled, label, isQuestion);
  if (best) return best;
  if (OBJECTION_LIKE.test(label.trim())) {
    const taker = compiled.elements.find((ce) => ce.element.vocabulary?.questions);
    if (taker) return { element: taker.element, score: 0.6, alias: '?' };
  }
  return null;
}

/**
 * A label and the parts of it that can name an element on their own: its head before a colon or dash ("Theme 1:
 * Fewer empty chairs"), before a comma ("Three things we say, and how we back each one up"), without an aside in
 * brackets ("Brief owner (client side)"), and the aside itself ("客户现在怎么凑合（竞品 / 替代方案）").
 */
export function labelParts(label: string): string[] {
  const parts = [label];
  const add = (p: string | undefined) => {
    const t = (p ?? '').trim();
    if (t && !parts.includes(t)) parts.push(t);
  };
  add(label.split(/\s*[:：]\s*|\s+[-—–]\s+/u)[0]);
  add(label.split(/\s*[,，;；]\s*/u)[0]);
  // (normalizeLabel has dropped a closing bracket at the very end.)
  const aside = /[(（]([^()（）]{1,40})(?:[)）]|$)/u.exec(label);
  if (aside) {
    add(label.replace(/\s*[(（][^()（）]*(?:[)）]|$)\s*/gu, ' ').replace(/\s+/g, ' '));
    add(aside[1]);
  }
  return parts;
}

/** The best element of a checklist for a label, with its score and the alias that matched. */
export function bestElement(
  compiled: CompiledChecklist,
  label: string,
  isQuestion = false,
): ElementPick | null {
  let best: ElementPick | null = null;
  for (const ce of compiled.elements) {
    for (const m of ce.matchers) {
      // "Why are personas important?" is a question, not a "Why <Company>" section.
      if (isQuestion && m.regex) continue;
      const score = matchScore(label, m);
      if (score > 0 && (!best || score > best.score)) best = { element: ce.element, score, alias: m.alias };
    }
  }
  if (best) return best;
  // No name matched as written: read the label and its parts word by word against each element's terms.
  return bestByTerms(compiled, label, isQuestion, (ce) => ce.terms);
}

/** The element whose terms (the ones `termsOf` gives) best name the label or one of its parts. */
function bestByTerms(compiled: CompiledChecklist, label: string, isQuestion: boolean, termsOf: (ce: CompiledElement) => Term[]): ElementPick | null {
  let best: ElementPick | null = null;
  for (const part of labelParts(label)) {
    const read = readLabel(part, isQuestion);
    for (const ce of compiled.elements) {
      for (const term of termsOf(ce)) {
        const score = termScore(read, term);
        if (score > 0 && (!best || score > best.score)) best = { element: ce.element, score, alias: term.cjk || term.exact || term.tokens.join(' ') };
      }
    }
  }
  return best;
}
