// A fixture as numbered lines: front matter, ATX headings (outside code fences) and blocks between blank lines.

export interface Lines {
  count: number;
  /** The text of a line, 1-based. */
  text(line: number): string;
  /** Line numbers of the headings, in order. */
  headings: number[];
}

export interface Section {
  heading: number;
  /** The last line before the next heading (or the end), trailing blank lines left out. */
  end: number;
  /** No line under the heading but blank lines and HTML comments. */
  empty: boolean;
  /** The first non-blank line under the heading (the heading when empty). */
  firstBody: number;
}

export type Numbered = Array<{ line: number; text: string } | null>;

const HEADING = /^ {0,3}#{1,6}(\s|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const blank = (s: string) => s.trim() === '' || /^\s*<!--.*-->\s*$/.test(s);

export function parseLines(text: string): Lines {
  const all = text.replace(/\r\n?/g, '\n').split('\n');
  const headings: number[] = [];
  let fence: string | null = null;
  const fm = frontMatterEndOf(all);
  for (let i = fm; i < all.length; i++) {
    const m = FENCE.exec(all[i]);
    if (m && (fence === null || m[1][0] === fence[0])) fence = fence === null ? m[1] : null;
    else if (fence === null && HEADING.test(all[i])) headings.push(i + 1);
  }
  return { count: all.length, text: (line) => all[line - 1] ?? '', headings };
}

function frontMatterEndOf(all: string[]): number {
  if (all[0]?.trim() !== '---') return 0;
  const close = all.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
  return close < 0 ? 0 : close + 1;
}

/** The line of the front matter's closing fence, or 0 without front matter. */
export function frontMatterEnd(lines: Lines): number {
  const all = Array.from({ length: lines.count }, (_, i) => lines.text(i + 1));
  return frontMatterEndOf(all);
}

/** The section a line belongs to: from the last heading at or before it up to the next heading. */
export function sectionAt(lines: Lines, line: number): Section | null {
  let index = -1;
  while (index + 1 < lines.headings.length && lines.headings[index + 1] <= line) index++;
  if (index < 0) return null;
  const heading = lines.headings[index];
  let end = (lines.headings[index + 1] ?? lines.count + 1) - 1;
  while (end > heading && lines.text(end).trim() === '') end--;
  let firstBody = heading + 1;
  while (firstBody <= end && blank(lines.text(firstBody))) firstBody++;
  return { heading, end, empty: firstBody > end, firstBody: firstBody > end ? heading : firstBody };
}

/** The paragraph, list or table holding a line (lines up to the next blank line or heading), at most `max` lines. */
export function blockAround(lines: Lines, line: number, max = 6): { start: number; end: number } {
  const inBlock = (n: number) => n >= 1 && n <= lines.count && lines.text(n).trim() !== '' && !lines.headings.includes(n);
  let start = line;
  let end = line;
  while (inBlock(start - 1)) start--;
  while (inBlock(end + 1)) end++;
  if (end - start + 1 > max) {
    start = Math.max(start, line - Math.floor((max - 1) / 2));
    end = Math.min(end, start + max - 1);
  }
  return { start, end };
}

/** The headings, one a line. */
export function outline(lines: Lines, max = 16): Numbered {
  const shown = lines.headings.slice(0, max).map((line) => ({ line, text: lines.text(line) }));
  return lines.headings.length > max ? [...shown, null] : shown;
}

export function range(lines: Lines, from: number, to: number): Numbered {
  const out: Numbered = [];
  for (let n = from; n <= to; n++) out.push({ line: n, text: lines.text(n) });
  return out;
}

/** A heading, then a block of its section (with a gap mark when lines between them are left out). */
export function headingWith(lines: Lines, heading: number, block: { start: number; end: number }): Numbered {
  const out = range(lines, heading, heading);
  if (block.start > heading + 2) out.push(null);
  if (block.start > heading + 1) out.push({ line: block.start - 1, text: lines.text(block.start - 1) });
  return [...out, ...range(lines, block.start, block.end)];
}
