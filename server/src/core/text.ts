// Text helpers: heading normalization, offsets <-> line/column, sentences, and the recognisers
// (numbers, timeframes, dates, sources) that several rules and checks share.

import type { Position, Span } from './types';

/** The offset where the line holding `offset` starts (after \n, \r\n or a lone \r). */
export function lineStartOf(text: string, offset: number): number {
  // A backwards scan: lastIndexOf('\r') would run over the whole text when it has none.
  let i = offset;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) break;
    i--;
  }
  return i;
}

/** Maps offsets to 1-based line/column (UTF-16 code units) and back. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }
  get lineCount(): number {
    return this.starts.length;
  }
  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo] + 1 };
  }
  /** Offset of a 1-based line's first character. */
  lineStart(line: number): number {
    const i = Math.max(1, Math.min(line, this.starts.length)) - 1;
    return this.starts[i];
  }
  /** Offset just past a 1-based line's last character, before its line break. */
  lineEnd(line: number): number {
    const next = line < this.starts.length ? this.starts[line] : this.text.length;
    let end = next;
    while (end > this.lineStart(line) && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    return end;
  }
  offset(pos: Position): number {
    return Math.min(this.lineStart(pos.line) + pos.column - 1, this.lineEnd(pos.line));
  }
}

// Emoji and pictographs, variation selectors, zero-width joiners.
// The pieces of an emoji one by one (variation selectors, the zero-width joiner), to strip each of them.
// eslint-disable-next-line no-misleading-character-class
const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{FE0E}\u{FE0F}\u{200D}\u{20E3}]/gu;
// Numbering at the start of a heading: "1.", "1)", "01 ", "1.2.3", "一、", "（一）", "(a)", "第一部分", "Step 2:", "A."
const NUMBERING =
  /^(?:(?:step|part|section|phase)\s*\d+\s*[:.)-]?\s*|第[一二三四五六七八九十百\d]+(?:部分|章|节|步)?[、:：.\s]*|[(（][一二三四五六七八九十]+[)）][、.．:：\s]*|[一二三四五六七八九十]+[、.．:：\s]+|[(（]?\d+(?:\.\d+)*[)）]?[.、)）:：\s-]*\s*|[(（]?[a-z][)）.]\s+)/iu;

/**
 * Normalizes a heading, label or alias for matching: NFKC (full-width -> half-width), lower case,
 * no emoji, no numbering, no trailing colon or surrounding punctuation, single spaces.
 */
export function normalizeLabel(raw: string): string {
  let s = raw.normalize('NFKC').replace(EMOJI, ' ').toLowerCase();
  s = s.replace(/[*_`~]/g, ' ').replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 2; i++) s = s.replace(NUMBERING, '').trim();
  s = s.replace(/&/g, ' and ').replace(/[’‘]/g, "'");
  s = s.replace(/^[\s"'“”「」『』【】[\]()<>#:;,.!?|/\\-]+/u, '');
  s = s.replace(/[\s"'“”「」『』【】[\]()<>:;,.!?|/\\-]+$/u, '');
  return s.replace(/\s+/g, ' ').trim();
}

/** Collapses whitespace; used for messages that quote a piece of text. */
export function squash(text: string, max = 60): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

export function hasCjk(text: string): boolean {
  return /[\u3400-\u9fff\uf900-\ufaff]/u.test(text);
}

/** Splits text into sentences with their offsets (relative to the text). */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const re = /[^.!?。！？；;\n]+(?:[.!?。！？；;]+|\n|$)/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    // A period inside a number ("2.5x") or an abbreviation ("e.g.", "vs.") does not end a sentence:
    // merge with the previous span when the previous one ended that way.
    const prev = spans[spans.length - 1];
    const prevText = prev ? text.slice(prev.start, prev.end) : '';
    if (prev && prev.end === m.index && /(?:\d\.|\b(?:e\.g|i\.e|vs|etc|inc|approx|ca|no|mr|ms|dr)\.)$/iu.test(prevText) && !/^\s*\n/.test(m[0])) {
      prev.end = m.index + m[0].length;
    } else {
      spans.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  return spans.filter((s) => text.slice(s.start, s.end).trim().length > 0);
}

// Where an alternative starts with an unbounded run (\d+, [\w.+-]+), a lookbehind lets it start only where the
// run does: otherwise it is tried from every character of a long run, in time that grows with the square of the
// run (a line of a million digits took minutes). Which texts match does not change.

// A Chinese figure; a lone 一 before a classifier ("一个", "一家") means "a", not a count.
// It starts only where no earlier start in the same run of numerals could have (the lookbehind: a numeral other
// than 二 before it, through 二s only): a later start in a run finds nothing an earlier one did not, and each was
// tried over the rest of the run (40,000 numerals: 4.9 s). The exception keeps global matching exact: a unit that
// is also a numeral (万亿千百) after a space may end the previous match ("两 百"), and the run goes on after it.
const CN_DIGIT = '[零一二两三四五六七八九十百千万亿]';
const CN_NUM =
  `(?:[零两三四五六七八九十百千万亿]|一(?=${CN_DIGIT}))(?<![零一两三四五六七八九十百千万亿](?<!\\s[万亿千百])二*[零一两三四五六七八九十百千万亿])${CN_DIGIT}*`;

/** A figure: digits, a percentage, money, or a Chinese numeral with a unit. */
export const NUMBER_RE = new RegExp(
  String.raw`\d|` + CN_NUM + String.raw`\s*(?:个|位|家|名|次|倍|成|%|％|万|亿|千|百|天|周|月|年|小时|分钟|季度)`,
  'u',
);

/** Names with a digit that are not figures: a quarter, a half, a fiscal year, a priority, a tier, a version. */
const NOT_A_FIGURE = /\b(?:Q[1-4]|H[12]|FY\s?\d{2,4}|P[0-4]|L[1-4]|T[1-4]|v\d+(?:\.\d+)*)\b/giu;

export function hasNumber(text: string): boolean {
  if (!NUMBER_RE.test(text)) return false;
  // A cheap first test; most text with a digit has a real figure too.
  return NUMBER_RE.test(text.replace(NOT_A_FIGURE, ' '));
}

const MONTHS = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;

/** A concrete calendar date (or a launch-relative date such as "T-14", "L+7", "launch day"). */
export const DATE_RE = new RegExp(
  [
    String.raw`\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b`,
    String.raw`\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b`,
    String.raw`\b\d{1,2}/\d{1,2}\b`,
    String.raw`\b${MONTHS}\.?\s+\d{1,2}(?:st|nd|rd|th)?\b`,
    String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTHS}\b`,
    String.raw`(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号]`,
    String.raw`\b[TLD]\s*[-+]\s*\d+`,
    String.raw`\blaunch\s+day\b`,
    String.raw`\b(?:day|week)\s+\d+\b`,
    String.raw`(?<!\d)\d+\s*(?:-\s*\d+\s*)?(?:days?|weeks?)\s+(?:pre|post|before|after)[-\s]?(?:launch|ga|release)`,
    String.raw`(?:发布|上线|上市)(?:日|当天)|(?:发布|上线|上市)(?:前|后)\s*第?\s*\d+\s*(?:天|日|周)`,
  ].join('|'),
  'iu',
);

/** A table column or a label that holds dates: "When", "By when", "Launch date", 截止时间, 上线日期. */
export const DATE_COL = /\b(?:by when|when|date|dates|by date|deadline|timeframe|time ?frame|due|timing|eta|go[- ]live|launch(?:es)?|live)\b|截止|时间|日期|期限|时限|节点|排期|上线(?:日期|时间|日)/iu;

/** Dates that a reviewer would send back: a quarter, "soon", "TBD", 下个月... */
export const VAGUE_DATE_RE = new RegExp(
  [
    String.raw`\b(?:Q[1-4]|H[12])\b(?!\s*[-/]?\s*\d{1,2}\b)`,
    String.raw`\b(?:soon|asap|later this (?:year|quarter|month)|(?:next|this) (?:week|month|quarter|year)|end of (?:the )?(?:month|quarter|year)|sometime|coming weeks|in the future|eventually)\b`,
    String.raw`\b(?:(?:early|late|mid)[- ]?)?(?:spring|summer|autumn|fall|winter)\b(?!\s*(?:19|20)\d{2})`,
    String.raw`下个?月|下个?季度|下半年|上半年|下周|本周|近期|尽快|稍后|年底|年中|月底|季度末|年内|不久|(?:春|夏|秋|冬)季|年初|月初|月中|旬(?![\d一二三四五六七八九十])`,
    String.raw`第[一二三四1-4]季度`,
  ].join('|'),
  'iu',
);

/** A timeframe: a deadline, a period or a rate. */
export const TIMEFRAME_RE = new RegExp(
  [
    DATE_RE.source,
    String.raw`\b(?:by|within|in|over|after|before|until|through|per|each|every|first|next|last)\s+(?:the\s+)?(?:\d+|one|two|three|four|six|twelve)?\s*-?\s*(?:days?|weeks?|months?|quarters?|years?|yr|mo|fy\d*|q[1-4]|h[12]|end|launch|ga|ship|release)`,
    String.raw`\b\d+\s*-?\s*(?:days?|weeks?|wks?|months?|mos?|quarters?|years?|yrs?|hours?|hrs?|mins?|minutes?)\b`,
    String.raw`\b(?:daily|weekly|monthly|quarterly|annual(?:ly)?|yearly|yoy|qoq|mom|wow|arr|mrr)\b`,
    String.raw`/\s*(?:day|week|wk|month|mo|quarter|qtr|year|yr)\b`,
    String.raw`\b(?:q[1-4]|h[12]|fy)\s*'?\d{2,4}\b`,
    String.raw`\b(?:in|by|during|before|through|until|end of|of|since)\s+(?:19|20)\d{2}\b|(?:19|20)\d{2}\s*年`,
    String.raw`(?<![\d一二两三四五六七八九十百])[\d一二两三四五六七八九十百]+\s*(?:个)?(?:天|日|周|星期|个月|月|季度|年|小时|分钟)`,
    String.raw`(?:每|首|前)(?:天|日|周|月|季度|年)|(?:上线|发布|上市)(?:后|前)|同比|环比|年度|季度|月度|截至`,
  ].join('|'),
  'iu',
);

/** A baseline or a relative change: "from 12% to 20%", "vs. last year", "reduce by 30%", 提升 20%. */
export const BASELINE_RE =
  /\bfrom\s+\S+\s+to\b|\bvs\.?\s|\bversus\b|\bcompared (?:to|with)\b|\bbaseline\b|\b(?:increase|decrease|reduce|cut|grow|improve|raise|lower|lift|boost|drop)\w*\b[^.\n]{0,40}?\d+(?:\.\d+)?\s*(?:%|x\b|pp\b|points?)|(?<!\d)\d+(?:\.\d+)?\s*(?:%|x)\s+(?:faster|slower|more|less|fewer|higher|lower|increase|decrease|reduction)|从[^，。\n]{0,20}(?:到|提升至|降至|增至)|(?:提升|提高|降低|减少|增长|下降|缩短)[^，。\n]{0,10}\d|基线/iu;

/**
 * Evidence: a link, a quote, a customer, a study, a footnote, a figure. A 《title》 is up to 200 characters: without
 * a bound, each 《 with no 》 after it was read to the text's end (40,000 of them: 9 s).
 */
export const SOURCE_RE =
  /https?:\/\/|\]\(|\[\^?\d+\]|\baccording to\b|\bsource:|\bcase study\b|\bcustomer[s]?\b[^.\n]{0,40}\b(?:said|says|reported|saw|cut|reduced|increased)|\bgartner\b|\bforrester\b|\bidc\b|来源[:：]|据[^，。；\n]{1,24}(?:统计|报告|调研|调查|显示|测算)|(?:报告|调研|调查|数据)显示|《[^》]{1,200}》|案例/iu;

export function hasQuote(text: string): boolean {
  return /“[^“”]{6,}”|"[^"]{6,}"|「[^「」]{4,}」|『[^『』]{4,}』/u.test(text);
}
