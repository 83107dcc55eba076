// Glob patterns of a config (`ignore`, `overrides[].files`), matched without backtracking.
//
// picomatch compiles a glob to a JavaScript regular expression that backtracks: `*a*a*a*a*a*a*a*a*a*a*a*a!`
// against a 40-character file name ran past 60 s, `**/a/**/a/**/a/!` against a 4,096-character path 5.5 s, and
// `+(a|aa)` nests quantifiers. Its regular expressions use lookaheads, so they cannot run on RE2 as they are.
// Here a glob is compiled to RE2's syntax directly and run on re2js (see patterns.ts): time linear in the path,
// whatever the pattern. A pattern is checked when the config is loaded, and one that cannot be used (too long,
// too many alternatives, a negated extglob) is a config error naming it.
//
// The syntax is picomatch's (with `dot: true`), on paths relative to the config's folder with '/' separators:
// - `*` any characters but '/' (also `**` inside a segment: `a**b`); `?` one character but '/';
// - `**` as a whole segment: any number of segments, none included (`a/**/b` matches `a/b`; `a/**` matches `a`);
// - `[abc]`, `[a-z]`, `[^a]` / `[!a]`, POSIX classes (`[[:alpha:]]`): one character but '/';
// - `{a,b}` alternatives (nested, and across '/'); `{1..5}` and `{a..e}` ranges;
// - extglobs `@(a|b)`, `?(a|b)`, `+(a|b)`, `*(a|b)` within a segment; `!(a|b)` is refused (it needs a lookahead);
// - `\` escapes the next character; a leading `!` negates the pattern; a leading `./` and trailing '/' are
//   dropped.
// test/core/config.test.ts compares the answers with picomatch's on typical patterns and paths.

import { RE2JS } from 're2js';
import { compileCache } from './compile-cache';
import { shownPattern } from './patterns';

/** Characters of a glob pattern. */
export const MAX_GLOB_LENGTH = 256;
/** Patterns a glob's braces may expand to. */
const MAX_EXPANSIONS = 64;
/** Instructions of a compiled glob (see patterns.ts for what an instruction costs per character). */
const MAX_GLOB_PROGRAM = 2000;

export class GlobError extends Error {
  constructor(
    readonly pattern: string,
    readonly reason: string,
  ) {
    super(`glob '${shownPattern(pattern)}' cannot be used: ${reason}`);
    this.name = 'GlobError';
  }
}

export interface Glob {
  readonly pattern: string;
  /** Whether a path relative to the config's folder ('/' separators) matches, or lies under a folder that does. */
  matches(relPath: string): boolean;
}

/**
 * Globs, compiled once. The cache holds 8,192 (a config of 1 MiB holds at most about 4,000 globs of their
 * longest): with fewer, a config of more globs than the cache compiled every glob again for every file.
 */
const globs = compileCache(8192, (pattern) => build(pattern), GlobError, (pattern, message) => new GlobError(pattern, message));

/** A glob, compiled once. Throws a GlobError for one that cannot be used. */
export function compileGlob(pattern: string): Glob {
  return globs.get(pattern);
}

/** Why a glob cannot be used, or null. */
export function globProblem(pattern: string): string | null {
  return globs.problem(pattern);
}

function build(pattern: string): Glob {
  if (pattern.length > MAX_GLOB_LENGTH) throw new GlobError(pattern, `it is ${pattern.length} characters long; at most ${MAX_GLOB_LENGTH} are allowed`);
  let body = pattern;
  let negated = false;
  if (body.startsWith('!') && !body.startsWith('!(')) {
    negated = true;
    body = body.slice(1);
  }
  while (body.startsWith('./')) body = body.slice(2);
  // A folder's pattern also matches what is under it: `drafts/`, `drafts` and `drafts/**` are the same.
  body = body.replace(/\/+$/, '');
  const alternatives = expandBraces(body, pattern).map((p) => globToRe2(p, pattern));
  const source = `^(?:${alternatives.join('|')})(?:/.*)?$`;
  let re: RE2JS;
  try {
    re = RE2JS.compile(source, RE2JS.DOTALL);
  } catch (error) {
    throw new GlobError(pattern, `it cannot be compiled (${String((error as Error).message).replace(/^error parsing regexp: /, '')})`);
  }
  if (re.programSize() > MAX_GLOB_PROGRAM) throw new GlobError(pattern, `it is too complex (${re.programSize()} steps per character, at most ${MAX_GLOB_PROGRAM}); use fewer alternatives`);
  return {
    pattern,
    matches: (rel) => re.testExact(rel) !== negated,
  };
}

// ---- Braces ---------------------------------------------------------------------------------------------

/** The end of a brace group that starts at `open`, or -1 when it is not closed. */
function closingBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Splits a brace group's inside at its top-level commas. */
function topLevelCommas(inner: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(inner.slice(start));
  return parts;
}

/** `{1..5}`, `{a..e}`: the items, or null when the group is no range. */
function braceRange(inner: string, original: string): string[] | null {
  const m = /^(-?\d+)\.\.(-?\d+)$|^([a-zA-Z])\.\.([a-zA-Z])$/.exec(inner);
  if (!m) return null;
  const [from, to] = m[1] !== undefined ? [Number(m[1]), Number(m[2])] : [m[3].charCodeAt(0), m[4].charCodeAt(0)];
  if (Math.abs(to - from) + 1 > MAX_EXPANSIONS) throw new GlobError(original, `the range {${inner}} has more than ${MAX_EXPANSIONS} items`);
  const step = from <= to ? 1 : -1;
  const items: string[] = [];
  for (let v = from; v !== to + step; v += step) items.push(m[1] !== undefined ? String(v) : String.fromCharCode(v));
  return items;
}

/** The patterns a pattern's braces stand for (`{a,b}/*.md` -> `a/*.md`, `b/*.md`). */
function expandBraces(p: string, original: string): string[] {
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '\\') {
      i++;
      continue;
    }
    if (p[i] !== '{') continue;
    const close = closingBrace(p, i);
    if (close < 0) continue; // an unclosed '{' is a character
    const inner = p.slice(i + 1, close);
    const items = braceRange(inner, original) ?? topLevelCommas(inner);
    // `{a}` (no comma) is the text `{a}`.
    if (items.length < 2) {
      const rest = expandBraces(p.slice(i + 1), original);
      return rest.map((r) => p.slice(0, i) + '\\{' + r);
    }
    const head = p.slice(0, i);
    const tails = expandBraces(p.slice(close + 1), original);
    const out: string[] = [];
    for (const item of items) {
      for (const x of expandBraces(item, original)) {
        for (const tail of tails) {
          out.push(head + x + tail);
          if (out.length > MAX_EXPANSIONS) throw new GlobError(original, `its braces stand for more than ${MAX_EXPANSIONS} patterns`);
        }
      }
    }
    return out;
  }
  return [p];
}

// ---- One brace-free pattern to RE2 ----------------------------------------------------------------------

const POSIX: Record<string, string> = {
  alnum: 'a-zA-Z0-9', alpha: 'a-zA-Z', ascii: '\\x00-\\x7f', blank: ' \\t', cntrl: '\\x00-\\x1f\\x7f', digit: '0-9', graph: '\\x21-\\x7e',
  lower: 'a-z', print: '\\x20-\\x7e', punct: '\\-!"#$%&\'()\\*+,./:;<=>?@\\[\\\\\\]^_`{|}~', space: ' \\t\\r\\n\\v\\f', upper: 'A-Z', word: 'A-Za-z0-9_', xdigit: 'A-Fa-f0-9',
};

const literal = (c: string) => (/[\\^$.|?*+()[\]{}]/.test(c) ? '\\' + c : c);

const hexChar = (cp: number) => `\\x{${cp.toString(16)}}`;

/** `[...]` at `open`: its RE2 text and where it ends, or null when it is no class (an unclosed '['). */
function bracket(p: string, open: number): { re: string; end: number } | null {
  let i = open + 1;
  let negated = false;
  if (p[i] === '!' || p[i] === '^') {
    negated = true;
    i++;
  }
  let body = '';
  let first = true;
  while (i < p.length) {
    const c = p[i];
    if (c === ']' && !first) return { re: `[${negated ? '^/' : ''}${body}]`, end: i + 1 };
    first = false;
    if (c === '[' && p[i + 1] === ':') {
      const close = p.indexOf(':]', i + 2);
      const name = close > 0 ? p.slice(i + 2, close) : '';
      if (POSIX[name] !== undefined) {
        body += POSIX[name];
        i = close + 2;
        continue;
      }
    }
    // A range's '-' stays; any other character is written by its code, so nothing in it is syntax.
    if (c === '-' && body && p[i + 1] !== ']' && i + 1 < p.length) {
      body += '-';
      i++;
      continue;
    }
    if (c === '\\' && i + 1 < p.length) i++;
    const cp = p.codePointAt(i)!;
    body += hexChar(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return null;
}

const isGlobstar = (seg: string) => /^\*{2,}$/.test(seg);

/** A brace-free glob in RE2's syntax (anchors added by the caller). */
function globToRe2(p: string, original: string): string {
  // Runs of `**` segments are one.
  const segments = p.split('/').filter((seg, k, all) => !(k > 0 && isGlobstar(seg) && isGlobstar(all[k - 1])));
  let out = '';
  let afterSlash = true; // at the start, or right after a '/' a globstar has written
  segments.forEach((seg, k) => {
    const first = k === 0;
    const last = k === segments.length - 1;
    if (isGlobstar(seg)) {
      // Any number of whole segments, none included: `**` anything; `**/x` x anywhere; `x/**` x and what is
      // under it; `x/**/y` y directly or deeper under x.
      if (first && last) out += '.*';
      else if (first) out += '(?:.*/)?';
      else if (last) out += '(?:/.*)?';
      else out += '/(?:.*/)?';
      afterSlash = !last;
      return;
    }
    if (!afterSlash) out += '/';
    out += segment(seg, original);
    afterSlash = false;
  });
  return out;
}

/** One segment: no '/' in it. */
function segment(s: string, original: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if ('@?+*!'.includes(c) && s[i + 1] === '(') {
      const close = closingParen(s, i + 1);
      if (close > 0) {
        if (c === '!') throw new GlobError(original, 'a negated extglob !(...) is not supported; list the names to match, or put ! before the whole pattern');
        const inner = splitBars(s.slice(i + 2, close)).map((x) => segment(x, original)).join('|');
        out += `(?:${inner})${c === '@' ? '' : c}`;
        i = close;
        continue;
      }
    }
    if (c === '*') {
      while (s[i + 1] === '*') i++;
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const b = bracket(s, i);
      if (b) {
        out += b.re;
        i = b.end - 1;
      } else out += '\\[';
    } else if (c === '\\' && i + 1 < s.length) {
      i++;
      out += literal(s[i]);
    } else {
      out += literal(c);
    }
  }
  return out;
}

function closingParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

function splitBars(inner: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '\\') i++;
    else if (inner[i] === '(') depth++;
    else if (inner[i] === ')') depth--;
    else if (inner[i] === '|' && depth === 0) {
      parts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(inner.slice(start));
  return parts;
}
