// Checklist patterns (`contains` checks, `vocabulary.phrases`, variants' `contains`) on a linear-time engine.
//
// A workspace's checklist is not trusted to be fast: JavaScript's backtracking RegExp takes exponential time on
// patterns such as `(a+)+$`, `(x|x)*y` or `.*a.*a.*a...!` when the text nearly matches, and no syntactic test
// catches every such shape. So the patterns run on re2js (a JavaScript port of RE2): its time grows with the
// length of the text times the size of the compiled pattern, never more. RE2 has no lookarounds and no
// backreferences: a pattern with them is refused when the checklist is loaded, naming the pattern and why.
//
// Patterns are written as JavaScript regular expressions with the flags 'iu' (the syntax the checklists always
// used). Each is checked with RegExp (syntax only; it never runs), then translated to RE2's syntax with
// JavaScript's meaning where the two differ: `\s` is JavaScript's Unicode white space (RE2's is ASCII only), `.`
// stops at every JavaScript line terminator (\n, \r, U+2028, U+2029), `\u{...}`, `\uXXXX`, `\cX` and `\0` become
// `\x{...}`, counts lose their leading zeros (RE2 reads `{2,0100}` as text), `[^]` and `[]` are written out,
// `\p{Script=Han}` becomes `\p{Han}`, `\P{Ll}` is the set JavaScript reads under 'i' (below), and groups do not
// capture (only the whole match is used). Whether a text matches, and where the leftmost match starts, are then
// the same (test/core/patterns.test.ts compares the two engines on generated patterns and texts), except for a word
// boundary `\b` next to 'ſ' (U+017F) or the Kelvin sign, which JavaScript counts as word characters under 'iu'
// and RE2 does not. The match's length can differ where a loop can repeat an empty match (`(?:a*?)+`): JavaScript
// refuses the empty round and takes more, RE2 takes the empty one. Unicode's binary properties
// (`\p{Alphabetic}`) and Script_Extensions are not in RE2: refused.
//
// Linear is not yet fast: when RE2's DFA cannot cache the states a pattern goes through, each character costs
// up to ~40 ns per instruction of the compiled program (measured on 2 cores: `a[ab]{490}c`, 494 instructions,
// 0.36 s on 50,000 random a/b characters). A pattern of more than MAX_PROGRAM_SIZE instructions is refused; the
// largest built-in pattern (positioning's category phrase) is 283, a 50-word alternation about 335.

import { RE2JS } from 're2js';
import { compileCache } from './compile-cache';

/** Instructions of a compiled pattern; above it a pattern is refused (see above). */
export const MAX_PROGRAM_SIZE = 500;
/** Characters of a pattern's source. */
export const MAX_PATTERN_LENGTH = 1000;
/** RE2's limit on a counted repetition (`{n,m}`), also for counts nested inside each other, multiplied. */
const MAX_REPEAT = 1000;

export const LINEAR_ENGINE_NOTE = 'pmm-lint runs checklist patterns on a linear-time engine';
const NO_LOOKAROUND = `${LINEAR_ENGINE_NOTE}: lookarounds and backreferences are not supported`;

/** A compiled checklist pattern: case-insensitive, in time linear in the text. */
export interface CheckPattern {
  readonly source: string;
  /** Whether the pattern occurs anywhere in the text. */
  test(text: string): boolean;
  /** The leftmost match: where it starts (UTF-16 index) and its text. */
  exec(text: string): { index: number; text: string } | null;
}

/** A pattern as an error message quotes it: whole up to 120 characters, else its start. */
export function shownPattern(source: string): string {
  return source.length <= 120 ? source : `${source.slice(0, 100)}… (${source.length} characters)`;
}

/** Why a checklist pattern cannot be used. */
export class PatternError extends Error {
  constructor(
    readonly source: string,
    readonly reason: string,
  ) {
    super(`pattern '${shownPattern(source)}' cannot be used: ${reason}`);
    this.name = 'PatternError';
  }
}

const patterns = compileCache(500, (source) => compile(source), PatternError, (source, message) => new PatternError(source, message));

/** A checklist pattern, compiled once (the cache holds the last 500 patterns). Throws a PatternError. */
export function checklistPattern(source: string): CheckPattern {
  return patterns.get(source);
}

/** Why a pattern cannot be used, or null when it can. */
export function patternProblem(source: string): string | null {
  return patterns.problem(source);
}

function compile(source: string): CheckPattern {
  if (source.length > MAX_PATTERN_LENGTH) throw new PatternError(source, `it is ${source.length} characters long; at most ${MAX_PATTERN_LENGTH} are allowed`);
  try {
    // Syntax only: the pattern is never run by RegExp.
    new RegExp(source, 'iu');
  } catch (error) {
    throw new PatternError(source, `invalid regular expression (${String((error as Error).message).replace(/^Invalid regular expression: \/.*\/iu: /s, '')})`);
  }
  const translated = toRe2(source);
  let re: RE2JS;
  try {
    re = RE2JS.compile(translated, RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    const message = String((error as Error).message ?? error).replace(/^error parsing regexp: /, '');
    if (/invalid repeat count|expression too large|nests too deeply/.test(message)) {
      throw new PatternError(source, `${LINEAR_ENGINE_NOTE}, which repeats at most ${MAX_REPEAT} times in all (counts nested inside each other multiply) and compiles at most ${MAX_PROGRAM_SIZE} instructions; use smaller counts`);
    }
    throw new PatternError(source, `${LINEAR_ENGINE_NOTE}, which cannot compile it (${message})`);
  }
  const size = re.programSize();
  if (size > MAX_PROGRAM_SIZE) {
    throw new PatternError(source, `${LINEAR_ENGINE_NOTE}; this pattern compiles to ${size} instructions, more than the ${MAX_PROGRAM_SIZE} that keep it fast on long text; use smaller counts ({n,m}) or fewer alternatives`);
  }
  return {
    source,
    test: (text) => re.test(text),
    exec: (text) => {
      // The DFA answers whether it matches, fast; the slower search for where runs only on a match.
      if (!re.test(text)) return null;
      const m = re.exec(text);
      return m ? { index: (m as unknown as RegExpExecArray).index, text: String(m[0]) } : null;
    },
  };
}

// ---- JavaScript syntax ('iu') to RE2 syntax -------------------------------------------------------------

type Ranges = Array<[number, number]>;

const MAX_CODE_POINT = 0x10ffff;
/** JavaScript's `\s`. */
const JS_SPACE: Ranges = [[0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff]];
/** JavaScript's line terminators, where `.` stops. */
const JS_LINE_END: Ranges = [[0x0a, 0x0a], [0x0d, 0x0d], [0x2028, 0x2029]];
const ALL: Ranges = [[0, MAX_CODE_POINT]];

function complement(ranges: Ranges): Ranges {
  const out: Ranges = [];
  let next = 0;
  for (const [lo, hi] of ranges) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

const hex = (cp: number) => `\\x{${cp.toString(16)}}`;
const rangesText = (ranges: Ranges) => ranges.map(([lo, hi]) => (lo === hi ? hex(lo) : `${hex(lo)}-${hex(hi)}`)).join('');

/** General categories by their long names (JavaScript accepts both; RE2 only the short ones). */
const GENERAL_CATEGORY: Record<string, string> = {
  Letter: 'L', Cased_Letter: 'LC', Uppercase_Letter: 'Lu', Lowercase_Letter: 'Ll', Titlecase_Letter: 'Lt', Modifier_Letter: 'Lm', Other_Letter: 'Lo',
  Mark: 'M', Combining_Mark: 'M', Spacing_Mark: 'Mc', Enclosing_Mark: 'Me', Nonspacing_Mark: 'Mn',
  Number: 'N', Decimal_Number: 'Nd', digit: 'Nd', Letter_Number: 'Nl', Other_Number: 'No',
  Punctuation: 'P', punct: 'P', Connector_Punctuation: 'Pc', Dash_Punctuation: 'Pd', Close_Punctuation: 'Pe', Final_Punctuation: 'Pf', Initial_Punctuation: 'Pi', Other_Punctuation: 'Po', Open_Punctuation: 'Ps',
  Symbol: 'S', Currency_Symbol: 'Sc', Modifier_Symbol: 'Sk', Math_Symbol: 'Sm', Other_Symbol: 'So',
  Separator: 'Z', Line_Separator: 'Zl', Paragraph_Separator: 'Zp', Space_Separator: 'Zs',
  Other: 'C', Control: 'Cc', cntrl: 'Cc', Format: 'Cf', Private_Use: 'Co', Surrogate: 'Cs', Unassigned: 'Cn',
};
const SHORT_CATEGORIES = new Set(Object.values(GENERAL_CATEGORY));
/** Scripts by their four-letter codes (JavaScript accepts both; RE2 only the names). The common ones. */
const SCRIPT_CODES: Record<string, string> = {
  Hani: 'Han', Latn: 'Latin', Cyrl: 'Cyrillic', Grek: 'Greek', Arab: 'Arabic', Hebr: 'Hebrew', Hira: 'Hiragana', Kana: 'Katakana', Hang: 'Hangul',
  Thai: 'Thai', Deva: 'Devanagari', Bopo: 'Bopomofo', Zyyy: 'Common', Zinh: 'Inherited', Qaai: 'Inherited', Armn: 'Armenian', Geor: 'Georgian', Ethi: 'Ethiopic',
};

/** The code points where a one-character JavaScript pattern (flags 'iu') matches, as ranges. */
function scanRanges(re: RegExp): Ranges {
  const out: Ranges = [];
  let start = -1;
  for (let cp = 0; cp <= MAX_CODE_POINT; cp++) {
    if (re.test(String.fromCodePoint(cp))) {
      if (start < 0) start = cp;
    } else if (start >= 0) {
      out.push([start, cp - 1]);
      start = -1;
    }
  }
  if (start >= 0) out.push([start, MAX_CODE_POINT]);
  return out;
}

/** `\P{category}` as JavaScript reads it under 'iu', by category; at most one entry per general category. */
const negatedCategories = new Map<string, Ranges>();

/**
 * `\p{...}` or `\P{...}` in RE2's syntax: a property for `\p{}`/`\P{}`, or ranges. Under 'iu' both engines read
 * `\p{X}` as X and its case variants; but JavaScript reads `\P{X}` as the characters outside X *and their case
 * variants* (so `\P{Ll}` matches 'a', whose variant 'A' is outside Ll), RE2 as the characters outside X and its
 * variants. For a general category the set is worked out once as JavaScript has it (~50 ms, one code point at a
 * time); for a script the two differ only where a case variant crosses scripts (µ and μ), which is left as RE2 has it.
 */
function property(body: string, negated: boolean, source: string): { name: string } | { ranges: Ranges } {
  const eq = body.indexOf('=');
  const key = eq >= 0 ? body.slice(0, eq) : '';
  const value = eq >= 0 ? body.slice(eq + 1) : body;
  let category: string | undefined;
  if (key === 'General_Category' || key === 'gc' || (!key && (GENERAL_CATEGORY[value] || SHORT_CATEGORIES.has(value)))) category = GENERAL_CATEGORY[value] ?? value;
  else if (key === 'Script' || key === 'sc') return { name: SCRIPT_CODES[value] ?? value };
  else if (!key && value === 'Any') return { ranges: negated ? [] : ALL };
  else if (!key && value === 'ASCII') return { ranges: negated ? complement([[0, 0x7f]]) : [[0, 0x7f]] };
  if (category === undefined) {
    throw new PatternError(source, `${LINEAR_ENGINE_NOTE}, which does not support the Unicode property \\${negated ? 'P' : 'p'}{${body}}; use a general category (\\p{L}, \\p{Lu}, \\p{N}, ...) or a script (\\p{Script=Han})`);
  }
  if (!negated) return { name: category };
  let ranges = negatedCategories.get(category);
  if (!ranges) {
    ranges = scanRanges(new RegExp(`^\\P{${category}}$`, 'iu'));
    negatedCategories.set(category, ranges);
  }
  return { ranges };
}

const COUNT = /\{(\d+)(?:(,)(\d*))?\}/y;

/** Escapes that stand for one code point. */
const SIMPLE_ESCAPES: Record<string, number> = { t: 0x09, n: 0x0a, v: 0x0b, f: 0x0c, r: 0x0d, '0': 0 };

type Atom = { cp: number } | { set: string; bare?: boolean };

/** Nothing (`[]`), or anything when negated (`[^]`), as a class RE2 reads. */
const emptyClass = (negated: boolean) => (negated ? `[${rangesText(ALL)}]` : `[^${rangesText(ALL)}]`);

/** Reads a JavaScript pattern left to right and writes RE2's syntax; `i` is the reading position. */
class Re2Translator {
  private i = 0;
  constructor(private readonly source: string) {}

  run(): string {
    const { source } = this;
    let out = '';
    while (this.i < source.length) {
      const c = source[this.i];
      if (c === '\\') {
        this.i++;
        const e = this.escape(false);
        out += 'cp' in e ? hex(e.cp) : e.bare ? e.set : e.set ? `[${e.set}]` : emptyClass(false);
      } else if (c === '[') out += this.characterClass();
      else if (c === '.') {
        out += `[^${rangesText(JS_LINE_END)}]`;
        this.i++;
      } else if (c === '(') out += this.group();
      else if (c === '{') out += this.count();
      else {
        const cp = this.codePoint();
        // A lone surrogate as its code, so that RE2 reads it as one.
        out += cp >= 0xd800 && cp <= 0xdfff ? hex(cp) : String.fromCodePoint(cp);
      }
    }
    return out;
  }

  /** The code point at `i`, stepping over it. */
  private codePoint(): number {
    const cp = this.source.codePointAt(this.i)!;
    this.i += cp > 0xffff ? 2 : 1;
    return cp;
  }

  /** An escape at `i` (after the backslash): a code point, or a set in RE2's syntax. */
  private escape(inClass: boolean): Atom {
    const { source } = this;
    const c = source[this.i++];
    if (c in SIMPLE_ESCAPES) return { cp: SIMPLE_ESCAPES[c] };
    switch (c) {
      case 'd':
      case 'D':
      case 'w':
      case 'W':
      case 'B':
        return { set: '\\' + c, bare: true };
      case 'b':
        return inClass ? { cp: 0x08 } : { set: '\\b', bare: true };
      case 's':
        return { set: rangesText(JS_SPACE) };
      case 'S':
        return { set: rangesText(complement(JS_SPACE)) };
      case 'c':
        return { cp: source.charCodeAt(this.i++) % 32 };
      case 'x':
        this.i += 2;
        return { cp: parseInt(source.slice(this.i - 2, this.i), 16) };
      case 'u':
        return { cp: this.unicodeEscape() };
      case 'p':
      case 'P': {
        const end = source.indexOf('}', this.i);
        const body = source.slice(this.i + 1, end);
        this.i = end + 1;
        const prop = property(body, c === 'P', source);
        return 'ranges' in prop ? { set: rangesText(prop.ranges) } : { set: `\\${c}{${prop.name}}`, bare: true };
      }
      case 'k':
        throw new PatternError(source, NO_LOOKAROUND);
      default:
        if (c >= '1' && c <= '9') throw new PatternError(source, NO_LOOKAROUND);
        // An escaped syntax character (`\.`, `\(`, `\/`, `\-`).
        return { cp: c.charCodeAt(0) };
    }
  }

  /** `\u{...}`, `\uXXXX`, or a surrogate pair written as two escapes (one code point under 'u'); `i` after the u. */
  private unicodeEscape(): number {
    const { source } = this;
    if (source[this.i] === '{') {
      const end = source.indexOf('}', this.i);
      const cp = parseInt(source.slice(this.i + 1, end), 16);
      this.i = end + 1;
      return cp;
    }
    let cp = parseInt(source.slice(this.i, this.i + 4), 16);
    this.i += 4;
    if (cp >= 0xd800 && cp <= 0xdbff && source[this.i] === '\\' && source[this.i + 1] === 'u' && /^[dD][c-fC-F][0-9a-fA-F]{2}$/.test(source.slice(this.i + 2, this.i + 6))) {
      const low = parseInt(source.slice(this.i + 2, this.i + 6), 16);
      cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
      this.i += 6;
    }
    return cp;
  }

  /** A class atom at `i`: a code point or a set. */
  private classAtom(): Atom {
    if (this.source[this.i] === '\\') {
      this.i++;
      return this.escape(true);
    }
    return { cp: this.codePoint() };
  }

  private characterClass(): string {
    const { source } = this;
    const n = source.length;
    this.i++; // '['
    const negated = source[this.i] === '^';
    if (negated) this.i++;
    let body = '';
    while (this.i < n && source[this.i] !== ']') {
      const atom = this.classAtom();
      if ('cp' in atom && source[this.i] === '-' && source[this.i + 1] !== ']' && this.i + 1 < n) {
        this.i++; // '-'
        const hi = this.classAtom();
        // JavaScript has checked that both ends are characters, in order.
        body += `${hex(atom.cp)}-${hex((hi as { cp: number }).cp)}`;
      } else {
        body += 'cp' in atom ? hex(atom.cp) : atom.set;
      }
    }
    this.i++; // ']'
    // `[]` and an empty body (`[\P{Any}]`) match nothing, or anything when negated.
    return body ? `[${negated ? '^' : ''}${body}]` : emptyClass(negated);
  }

  /** A group's opening at `i`: every kind becomes `(?:`; lookarounds and modifiers are refused. */
  private group(): string {
    const { source } = this;
    this.i++;
    if (source[this.i] !== '?') return '(?:';
    const next = source[this.i + 1];
    if (next === '=' || next === '!' || (next === '<' && (source[this.i + 2] === '=' || source[this.i + 2] === '!'))) throw new PatternError(source, NO_LOOKAROUND);
    // `(?:` stays; a named group `(?<name>` becomes a plain group; modifiers (`(?i:`, newer JavaScript) are not read.
    if (next === '<') this.i = source.indexOf('>', this.i) + 1;
    else if (next === ':') this.i += 2;
    else throw new PatternError(source, `${LINEAR_ENGINE_NOTE}, which does not read the group '${source.slice(this.i - 1, this.i + 4)}'`);
    return '(?:';
  }

  /** A count at `i`: under 'u' a '{' is always one ({n}, {n,} or {n,m}), bounded by RE2's limit. */
  private count(): string {
    const { source } = this;
    COUNT.lastIndex = this.i;
    const m = COUNT.exec(source);
    if (!m) throw new PatternError(source, `invalid count at '${source.slice(this.i, this.i + 12)}'`);
    const min = Number(m[1]);
    const max = m[3] ? Number(m[3]) : undefined;
    if (min > MAX_REPEAT || (max !== undefined && max > MAX_REPEAT)) {
      throw new PatternError(source, `${LINEAR_ENGINE_NOTE}, which repeats at most ${MAX_REPEAT} times: '${m[0]}'`);
    }
    this.i += m[0].length;
    return m[2] ? `{${min},${max ?? ''}}` : `{${min}}`;
  }
}

/**
 * Translates a pattern that is valid JavaScript with the flags 'iu' (checked before) into RE2's syntax with the
 * same meaning. Throws a PatternError for what RE2 cannot do.
 */
export function toRe2(source: string): string {
  return new Re2Translator(source).run();
}
