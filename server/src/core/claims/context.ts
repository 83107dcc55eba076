// The context of a claim: whether a match talks about a claim (quoted, negated, reported, a name) rather than makes
// it, the evidence in its sentence, and customers' attributed quotes (their words, not the author's claims).
import type { Blockquote, RootContent } from 'mdast';
import { spanOf } from '../model';
import { NUMBER_RE, SOURCE_RE } from '../text';
import type { Span } from '../types';

// ---------------------------------------------------------------------------------------------------------------
// Context: words that talk about a claim rather than make it.

// Before the claim in the same clause: a negation or an instruction ("we never say", 不要说, 避免).
const NEGATION_EN =
  /\b(?:not|never|avoid(?:s|ed|ing)?|no longer|instead of|rather than|refrain|stop(?:s|ped)? (?:saying|calling|claiming|using)|without (?:claiming|saying|calling)|banned|forbidden|prohibited)\b|n['’]t\b/iu;
const NEGATION_ZH =
  /不(?:要|能|得|可|应|该|必|会|再)?(?:说|写|用|提|宣称|声称|自称|称|使用|出现|夸大|标榜|承诺)|别(?:说|写|用|提)|避免|禁止|禁用|切忌|杜绝|慎用|去掉|删掉|删除|替换|改为|改成|而不是|而非|不是|并非|并不是|不算|勿/u;
// Before the claim in the same clause: someone else's words, reported ("the owner said", 客户说). A belief
// (客户认为…) is not their words: it is still the author's claim.
const REPORTED_EN = /\b(?:said|says|told (?:us|me)|call(?:s|ed) (?:it|us)|described (?:it|us) as|mentioned|according to)\b/iu;
const REPORTED_ZH = /(?:客户|用户|对方|他们|她|他|受访者|采购|负责人|老板|经理|总监|CTO|CIO)[^，。；\n]{0,6}?(?:说|表示|反馈|提到|称赞|夸)/u;
// Just before an opening quote: a word being talked about (不要用「最好」, avoid "best-in-class").
const MENTION_ZH = /(?:自称|宣称|号称|声称|称为|称作|说|叫做?|使用|用|写|写成|提到|避免|禁止|禁用|不要|不用|删掉?|改掉?|替换|词|字眼|例如|比如|诸如)$/u;
const MENTION_EN = /\b(?:avoid|call(?:s|ed)?|say|says|said|claims?|word|term|phrase|like|such as|e\.g\.)\b/iu;
// Before an opening quote, on its line: a competitor's words, or our own tagline.
const COMPETITOR = /竞品|对手|友商|\b(?:competitors?|rivals?|they|their)\b/iu;
const TAGLINE = /tagline|slogan|strapline|headline|口号|标语|广告语|宣传语|主标题|副标题/iu;
// An attribution: "— Jane, CTO", "——某客户", "-- Dana".
const ATTRIBUTION_LINE = /^\s*(?:[—–―]{1,2}|-{2}|~)\s*\S/u;
const ATTRIBUTION_AFTER_QUOTE = /[”"」』]\s*(?:[—–―]{1,2}|-{1,2})\s*\S/u;
const CUSTOMER_WORDS = /(?:客户|用户)(?:原话|反馈|评价|证言)|\b(?:customer|client|user) (?:quote|said|says|testimonial)\b/iu;

export interface QuoteRange {
  start: number;
  end: number;
  /** 'corner': 「」 or 『』; 'plain': "…", “…”, '…'. */
  kind: 'corner' | 'plain';
  /** The length of the quoted text without the whitespace around it (computed once, for the first claim in it). */
  trimmed?: number;
}

/** Quoted ranges of a block (offsets relative to it), in one pass. Straight quotes pair up within a line. */
export function quoteRanges(s: string): QuoteRange[] {
  const out: QuoteRange[] = [];
  let straight = -1;
  const curly: number[] = [];
  const corner: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) {
      straight = -1;
      continue;
    }
    if (c === 34) {
      if (straight < 0) straight = i;
      else {
        out.push({ start: straight + 1, end: i, kind: 'plain' });
        straight = -1;
      }
    } else if (c === 0x201c) curly.push(i);
    else if (c === 0x201d) {
      const open = curly.pop();
      if (open !== undefined) out.push({ start: open + 1, end: i, kind: 'plain' });
    } else if (c === 0x300c || c === 0x300e) corner.push(i);
    else if (c === 0x300d || c === 0x300f) {
      const open = corner.pop();
      if (open !== undefined) out.push({ start: open + 1, end: i, kind: 'corner' });
    } else if (c === 39 && i + 1 < s.length) {
      // 'best-in-class': a single quote after a space and before a letter, closed within 40 characters.
      const prev = i > 0 ? s[i - 1] : ' ';
      if (/[\s(:]/u.test(prev) && /\p{L}/u.test(s[i + 1])) {
        const close = s.slice(i + 1, i + 42).search(/[^\s]'(?![\p{L}\p{N}])/u);
        if (close >= 0) {
          out.push({ start: i + 1, end: i + 2 + close, kind: 'plain' });
          i = i + 2 + close;
        }
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function rangeAt(ranges: QuoteRange[], rel: number): QuoteRange | null {
  // Ranges can nest (“「」”): take the innermost that holds rel.
  let best: QuoteRange | null = null;
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid].start <= rel) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && i >= lo - 8; i--) {
    const r = ranges[i];
    if (r.start <= rel && rel < r.end && (!best || r.start > best.start)) best = r;
  }
  return best;
}

/** Start of the clause holding `rel` (after the last , ， ; 。 . ! ? or line break), looking back at most 60 characters. */
function clauseStart(s: string, rel: number): number {
  const floor = Math.max(0, rel - 60);
  for (let i = rel - 1; i >= floor; i--) {
    const c = s[i];
    if (c === '\n' || c === '，' || c === ',' || c === '；' || c === ';' || c === '。' || c === '！' || c === '？' || c === '!' || c === '?') return i + 1;
    if (c === '.' && (i + 1 >= s.length || /\s/u.test(s[i + 1]))) return i + 1;
  }
  return floor;
}

/** Whether a match talks about a claim (quoted, negated, reported, an ordinal, a name) rather than makes it. */
export function notAClaim(blockText: string, rel: number, claim: string, ranges: QuoteRange[]): boolean {
  const quote = rangeAt(ranges, rel);
  if (quote) {
    // The 40 characters before the opening quote, on its line.
    const near = blockText.slice(Math.max(0, quote.start - 41), quote.start - 1);
    const before = near.slice(near.lastIndexOf('\n') + 1);
    quote.trimmed ??= blockText.slice(quote.start, quote.end).trim().length;
    // A word quoted to talk about it: 不要用「最好」, avoid "best-in-class"; a competitor's words.
    if (quote.trimmed <= claim.length + 2 || COMPETITOR.test(before)) return true;
    if (MENTION_ZH.test(before.slice(-8).replace(/[\s:：「」“”"]+$/u, '')) || MENTION_EN.test(before)) return true;
    // “…” and "…" hold someone else's words unless the line says it is our tagline; 「」 holds our own copy.
    if (quote.kind === 'plain' && !TAGLINE.test(before)) return true;
  }
  const clause = blockText.slice(clauseStart(blockText, rel), rel);
  if (NEGATION_EN.test(clause) || NEGATION_ZH.test(clause) || REPORTED_EN.test(clause) || REPORTED_ZH.test(clause)) return true;
  // 第一，…: an enumeration, not a ranking.
  if (claim === '第一') {
    const prev = rel > 0 ? blockText[rel - 1] : '';
    const next = blockText[rel + 2] ?? '';
    if (!/[\p{Script=Han}\p{L}\p{N}]/u.test(prev) && /^[，,、:：.．)）\s]?$/u.test(next)) return true;
  }
  // 把它排第一, 在赢单原因里排第一: an item ranked in a list (of reasons, needs), not the product ranked in a market.
  if (claim === '第一' && /(?:把[^，。；]{0,10}|(?:原因|因素|需求|痛点|理由|问题|诉求|选项|顾虑|考量|标准)(?:里|中|当中|之中)[^，。；]{0,6})排(?:名|在)?$/u.test(clause)) return true;
  // "Phase 3: Best in Class", "the World Class tier": a name in title case, not a claim.
  if (/^[A-Z]/u.test(claim) && !/^the /iu.test(claim) && / /u.test(claim) && !/-/u.test(claim) && claim.split(' ').every((w) => w.length < 3 || /^[A-Z#]/u.test(w))) return true;
  return false;
}

const NUMBER_G = new RegExp(NUMBER_RE.source, 'gu');
const SOURCE_G = new RegExp(SOURCE_RE.source, 'giu');

/** The first few figures and sources of a sentence (block-relative spans); `full` when there are more. */
export function evidenceIn(blockText: string, sentence: Span): { spans: Span[]; full: boolean } {
  const s = blockText.slice(sentence.start, Math.min(sentence.end, sentence.start + 20_000));
  const spans: Span[] = [];
  for (const re of [NUMBER_G, SOURCE_G]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while (spans.length < 8 && (m = re.exec(s)) !== null) {
      if (m[0].length === 0) re.lastIndex++;
      spans.push({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length });
    }
  }
  return { spans, full: spans.length >= 8 };
}

/** A blockquote that quotes a customer: an attribution line in it or right after it, or customer words. */
export function isAttributedQuote(text: string, quote: Blockquote, next: RootContent | undefined): boolean {
  const sp = spanOf(quote);
  if (sp.end - sp.start > 20_000) return true;
  const body = text.slice(sp.start, sp.end);
  const lines = body.split('\n').map((l) => l.replace(/^(?:\s*>)+\s?/u, ''));
  if (lines.some((l) => ATTRIBUTION_LINE.test(l) || ATTRIBUTION_AFTER_QUOTE.test(l))) return true;
  if (CUSTOMER_WORDS.test(body)) return true;
  if (next && next.type === 'paragraph') {
    const n = spanOf(next);
    if (ATTRIBUTION_LINE.test(text.slice(n.start, Math.min(n.end, n.start + 200)))) return true;
  }
  return false;
}
