// Words as a reviewer reads them: an element's name in the author's own words.
//
// English labels are tokenized, folded (case, plurals and simple verb endings) and stripped of function words, so
// "Q: How is it priced?" names pricing and "Customer pain" names pain points, in any word order. Chinese labels
// are segmented with Intl.Segmenter (no dictionary package): a term counts only where it starts and ends on a
// segment boundary, and the term that ends the label (the key noun: 核心竞品分析, 渠道优先级) weighs most.

import { hasCjk } from './text';
import { TextCache } from './text-cache';

const STOPWORDS = new Set(
  (
    'a an the of for and or to in on with by at from as our your their its it is are be been was we us you they this ' +
    'that these those what how why who whom which when where do does did can will should would could q vs versus ' +
    'about into per my me i he she him her his hers them if so else there here then just also more most very ' +
    // Adjectives that rank or size a name without changing what it names ("Key dates", "Biggest headaches").
    'key top main primary core typical common biggest big major overall general detailed quick see seen'
  ).split(' '),
);

/** English words that start a question-like heading ("What she wants this year", "How often we hear it"). */
const WH_START = /^(?:q\s*[:.]?\s*)?(?:what|who|whom|how|why|where|when|which|if|is|are|do|does|can)\b/;

/** Folds an English word: lower case, no plural or -ing/-ed ending, no final e ("pricing", "priced", "prices" -> "pric"). */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  // motivation, motivated, motivates -> motiv; pricing, priced, price -> pric
  for (const suffix of ['ation', 'ated', 'ate', 'ing', 'ed']) {
    if (w.length > suffix.length + 3 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

const CONTRACTIONS: Array<[RegExp, string]> = [
  [/\b(it|that|what|who|there|here|he|she)'s\b/g, '$1 is'],
  [/\b(\w+)'re\b/g, '$1 are'],
  [/\b(\w+)'ll\b/g, '$1 will'],
  [/\b(\w+)'ve\b/g, '$1 have'],
  [/\bcan't\b/g, 'can not'],
  [/\bwon't\b/g, 'will not'],
  [/\b(\w+)n't\b/g, '$1 not'],
  // The same written without the apostrophe, as in checklists and quick notes.
  [/\bcant\b/g, 'can not'],
  [/\bwont\b/g, 'will not'],
  [/\b(do|does|did|is|are|was|were|have|has|had|should|would|could)nt\b/g, '$1 not'],
  [/\b(what|who|that|how|where|there)s\b/g, '$1 is'],
];

/** Words of a label, lower case, contractions spelled out ("who it's for" -> who it is for). */
export function words(label: string): string[] {
  let s = label.toLowerCase().replace(/[’‘]/g, "'");
  for (const [re, to] of CONTRACTIONS) s = s.replace(re, to);
  return s.split(/[^\p{L}\p{N}']+/u).filter(Boolean);
}

/** Content tokens of a normalized English label, folded. */
export function tokens(label: string): string[] {
  const out: string[] = [];
  for (const raw of words(label)) {
    const w = raw.replace(/'s$|'$/u, '').replace(/'/g, '');
    if (!w || STOPWORDS.has(w) || hasCjk(w) || /^\d+$/.test(w)) continue;
    out.push(stem(w));
  }
  return out;
}

let segmenter: Intl.Segmenter | null | undefined;

/** Offsets where Chinese words start or end in a label (every offset when no segmenter is available). */
export function boundaries(label: string): Set<number> | null {
  if (segmenter === undefined) {
    try {
      segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    } catch {
      segmenter = null;
    }
  }
  if (!segmenter) return null;
  const set = new Set<number>([label.length]);
  for (const s of segmenter.segment(label)) set.add(s.index);
  return set;
}

/** Words too common to name anything alone, once a phrase's function words are gone. */
const GENERIC_ALONE = new Set(['not', 'no', 'only', 'target', 'say', 'use', 'work', 'look', 'get', 'go', 'make', 'take', 'much', 'many', 'thing', 'way', 'time', 'do', 'lot', 'one', 'learn', 'consider', 'build', 'talk', 'ask', 'know', 'see', 'come', 'happen', 'change', 'start', 'set', 'put', 'keep', 'give', 'think', 'tell', 'help']);

export interface Term {
  /** The term as written in the checklist. */
  text: string;
  /** English: folded content tokens; empty for a Chinese term. */
  tokens: string[];
  /** Chinese: the term itself (normalized); empty for an English term. */
  cjk: string;
  /** A name made only of function words ("Who are they?", "What is it?"): matched word for word. */
  exact?: string;
  /** Every word folded, function words too: between two terms that both match, the one sharing more wins. */
  all: string[];
  /** 1 for a name of the element, less for a word that often means something else. */
  weight: number;
}

export function compileTerm(text: string, normalized: string, weight = 1): Term | null {
  if (hasCjk(normalized)) return { text, tokens: [], cjk: cjkForm(normalized.replace(/\s+/g, '')), weight, all: [] };
  const t = tokens(normalized);
  const all = words(normalized);
  // A phrase that folds to one generic word ("who we are targeting" -> target, "only we" -> only, "that they
  // don't" -> not) names the element only as the phrase itself: matched word for word.
  const collapsed = t.length === 1 && all.length >= 2 && GENERIC_ALONE.has(t[0]);
  if (t.length && !collapsed) return { text, tokens: t, cjk: '', weight, all: all.map(stem) };
  if (collapsed) return { text, tokens: [], cjk: '', weight, exact: all.join(' '), all: all.map(stem) };
  return all.length ? { text, tokens: [], cjk: '', weight, exact: all.join(' '), all: all.map(stem) } : null;
}

/** A label read once: tokens, the Chinese text and its word boundaries. */
export interface ReadLabel {
  /** All words, for names made only of function words. */
  words: string;
  /** The same, as a list. */
  rawWords: string[];
  /** All words folded. */
  allSet: Set<string>;
  /** Phrased as a question ("What she wants", 她想要什么): the key word may stand anywhere. */
  question: boolean;
  tokens: string[];
  tokenSet: Set<string>;
  cjk: string;
  bounds: Set<number> | null;
}

// Enough for the distinct labels of a document at maxFileSize (2 MiB: a few thousand).
const readCache = new TextCache<ReadLabel>(4096);

export function readLabel(normalized: string, asked = false): ReadLabel {
  const key = (asked ? '?' : '') + normalized;
  let r = readCache.get(key);
  if (r) return r;
  const toks = tokens(normalized);
  const cjk = hasCjk(normalized) ? cjkForm(normalized.replace(/[^\p{Script=Han}A-Za-z0-9]+/gu, '')) : '';
  const question = asked || WH_START.test(normalized) || /[?？]$/u.test(normalized) || (cjk !== '' && ZH_QUESTION.test(cjk));
  const all = words(normalized);
  r = { words: all.join(' '), rawWords: all, allSet: new Set(all.map(stem)), question, tokens: toks, tokenSet: new Set(toks), cjk, bounds: cjk ? boundaries(cjk) : null };
  readCache.set(key, r);
  return r;
}

/** Chinese as matched: without the possessive 的 ("对手的优势" names what "对手优势" names). */
export function cjkForm(s: string): string {
  return s.replace(/的/g, '');
}

/** A Chinese name phrased as a question: 这次推什么, 我们卖给谁, 客户怎么做决定. */
const ZH_QUESTION = /什么|谁|哪|怎么|怎样|如何|为什么|为何|吗|呢|多少|几[点个项条种]/u;

/** What may follow a Chinese term in a name without taking the head's place. */
const GENERIC_TAIL =
  /^(?:(?:与|和|及|以及|、)[\p{Script=Han}A-Za-z]{1,6}|的事|的问题|的地方|的人|分析|情况|说明|概述|概况|列表|清单|详情|部分|策略|规划|计划|方案|优先级|设计|安排|梳理|总结|对比|描述|介绍|明细|一览|汇总|矩阵|表格?|建议|洞察|拆解|评估|要点|细节|及其?[\p{Script=Han}]{1,6})+$/u;

/** Modifiers that make a generic head name another kind of thing ("Vision statement", "Security review"). */
const OTHER_KIND = new Set(['vision', 'mission', 'problem', 'thesis', 'financial', 'privacy', 'security', 'legal', 'compliance', 'engineering', 'technical', 'design', 'api']);

/** Words that end a noun phrase and go on with a purpose or a clause ("Landmines to lay", "Objections and answers"); a preposition brings another subject ("Goals for the offsite"). */
const PHRASE_END = new Set(['to', 'and', 'that', 'we', 'they', 'you', 'vs', 'versus']);

/**
 * One word names a short label as its head: the label's last word ("Release date", "Customer pain"), or the last
 * word of the noun phrase it starts with ("Landmines to lay in discovery"), but not a modifier ("Launch blog").
 */
function headOfPhrase(label: ReadLabel, token: string): boolean {
  // A modifier that makes it another kind of thing: a vision statement is not the positioning statement.
  if (label.rawWords.some((w) => OTHER_KIND.has(w))) return false;
  if (label.tokens.length <= 2 && label.tokens[label.tokens.length - 1] === token) return true;
  const words = label.rawWords;
  for (let i = 0; i < words.length; i++) {
    if (stem(words[i]) !== token || STOPWORDS.has(words[i])) continue;
    if (i === words.length - 1) return label.tokens.length <= 2;
    // The noun phrase ends here and it is short: at most one word before it.
    const before = words.slice(0, i).filter((w) => !STOPWORDS.has(w)).length;
    if (PHRASE_END.has(words[i + 1]) && before <= 1) return true;
  }
  return false;
}

/** Longest label (in folded tokens or Chinese characters) still read as a name rather than a sentence. */
const MAX_EXTRA_TOKENS = 3;
const MAX_CJK_LABEL = 18;

/**
 * How well a term names a label, 0 (not at all) to below 1 (exact names score higher elsewhere). English: every
 * token of the term is in the label, with at most a few other words. Chinese: the term stands on word boundaries;
 * ending the label (the key noun) and covering more of it score higher.
 */
export function termScore(label: ReadLabel, term: Term): number {
  if (term.cjk) {
    // A question may run longer than a name ("当初是什么事情让你们开始找排班系统的").
    if (!label.cjk || label.cjk.length > (label.question ? 2 * MAX_CJK_LABEL : MAX_CJK_LABEL)) return 0;
    let best = 0;
    let from = 0;
    for (;;) {
      const at = label.cjk.indexOf(term.cjk, from);
      if (at < 0) break;
      from = at + 1;
      const end = at + term.cjk.length;
      if (label.bounds && (!label.bounds.has(at) || !label.bounds.has(end))) continue;
      const atEnd = end === label.cjk.length;
      // The key noun ends a Chinese name; a term before it is a modifier (目标版本), unless what follows only says
      // what is done with it (竞品分析, 渠道优先级, 风险与应对).
      if (!atEnd && !label.question && !GENERIC_TAIL.test(label.cjk.slice(end))) continue;
      const s = 0.5 + 0.25 * (term.cjk.length / label.cjk.length) + (atEnd ? 0.15 : 0);
      best = Math.max(best, s);
    }
    return best * term.weight;
  }
  if (term.exact !== undefined) {
    // Function words only: the label says exactly this, or ends with it ("What we do that they don't").
    const w = label.words.replace(/^q /, '');
    if (w === term.exact) return 0.9 * term.weight;
    // ... or starts or ends with it ("If we don't build it", "What we do that they don't").
    return term.exact.includes(' ') && (w.endsWith(' ' + term.exact) || w.startsWith(term.exact + ' ')) ? 0.75 * term.weight : 0;
  }
  if (label.tokens.length === 0) return 0;
  // "Non-goals" are not goals.
  if (label.rawWords.includes('non')) return 0;
  const extra = label.tokens.length - term.tokens.length;
  // One word names a label only as its head, in a short label ("Release date", "Customer pain"), not as a
  // modifier ("Launch blog", "Pricing page update").
  // In a question-like heading the key word is often the verb ("What motivates her"): anywhere will do.
  if (term.tokens.length === 1 && !label.question && !headOfPhrase(label, term.tokens[0])) return 0;
  if (extra < 0 || extra > MAX_EXTRA_TOKENS) return 0;
  for (const t of term.tokens) if (!label.tokenSet.has(t)) return 0;
  // The last word of an English name is usually its head ("Customer pain", "Release date").
  // In a question the predicate after the question word says what the section holds ("What mattered most in the
  // decision?"); in a name, its last word.
  const atEnd = label.question ? label.tokens[0] === term.tokens[0] : label.tokens[label.tokens.length - 1] === term.tokens[term.tokens.length - 1];
  const shared = term.all.filter((w) => label.allSet.has(w)).length;
  return (0.5 + 0.3 * (term.tokens.length / label.tokens.length) + (atEnd ? 0.1 : 0) + 0.01 * shared) * term.weight;
}
