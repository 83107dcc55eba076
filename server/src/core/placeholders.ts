// Placeholder detection, shared by the placeholder rule and by element evaluation.

import type { Root, RootContent, Parent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { spanOf } from './model';
import type { Span } from './types';

export interface PlaceholderHit {
  span: Span;
  text: string;
}

// Dates left as a format: YYYY-MM-DD, MM/DD, DD.MM.YYYY, XXXX年XX月XX日, 20XX年.
const DATE_SLOT_RE =
  /(?<![A-Za-z])(?:YYYY|yyyy)(?:[-/.](?:MM|mm)(?:[-/.](?:DD|dd))?)?(?![A-Za-z])|(?<![A-Za-z])(?:MM|mm)[-/.](?:DD|dd)(?:[-/.](?:YYYY|yyyy|YY|yy))?(?![A-Za-z])|(?<![A-Za-z])(?:DD|dd)[-/.](?:MM|mm)(?:[-/.](?:YYYY|yyyy|YY|yy))?(?![A-Za-z])|(?:XXXX|xxxx|YYYY|yyyy|20XX|20xx)\s?年(?:\s?(?:XX|xx|X|x|MM|mm|\d{1,2})\s?月)?(?:\s?(?:XX|xx|X|x|DD|dd|\d{1,2})\s?[日号])?|(?<![\dA-Za-z])(?:XX|xx|X|x)\s?月\s?(?:XX|xx|X|x)\s?[日号]/gu;

/** Patterns that are placeholders wherever they stand (front matter values included). */
const COMMON_PATTERNS: RegExp[] = [
  /\bTBD\b|\bTBA\b|\bTBC\b/giu,
  /(?<![A-Za-z])(?:TODO|FIXME|TBH)(?![A-Za-z])/gu,
  /(?<![A-Za-z])X{2,}(?![A-Za-z])/gu,
  // Lower-case "xxx" alone, or "xx" against Chinese ("xx公司", "某xx").
  /(?<![A-Za-z])x{3,6}(?![A-Za-z])|(?<=[\u4e00-\u9fff])x{2,6}(?![A-Za-z])|(?<![A-Za-z])x{2,6}(?=[\u4e00-\u9fff])/gu,
  /\{\{\s*[^{}\n]{1,60}?\s*\}\}/gu,
  DATE_SLOT_RE,
  /\blorem ipsum\b/giu,
  /【待[^】\n]{0,20}】|【[^】\n]{0,20}待(?:定|补充|确认|完善|填写)】/gu,
  /待定|待补充|待确认|待完善|待填写|某某/gu,
];

/** Patterns for the body only (front matter uses braces and brackets for YAML itself). */
const BODY_PATTERNS: RegExp[] = [
  // {Var}, {Metric 1}, {2-3 sentence summary of what's launching}: a brace pair around words, not code or LaTeX.
  /(?<![\w\\%{])\{(?=[^{}\n]{0,100}?[A-Za-z\u4e00-\u9fff])[A-Za-z0-9_\u4e00-\u9fff][^{}\n]{0,100}?\}(?![({}])/gu,
  /\[(?:insert|add|enter|your|describe|placeholder|tbd|todo|metric|name|date|product|company|customer|competitor|link|url|quote|number|target|owner)\b[^\]\n]{0,60}\]/giu,
];

const INLINE_PATTERNS: RegExp[] = [...COMMON_PATTERNS, ...BODY_PATTERNS];

// A cheap first test (a superset of the patterns above and of the bracket slots): most runs hold no placeholder.
const MAYBE_PLACEHOLDER_RE = /TB[DACH]|TODO|FIXME|XX|\{|\[|【|lorem|待|某某|YYYY|MM[-/.]DD|DD[-/.]MM|[xX]\s?月/i;

/** A list item (or a bullet in a table cell) whose whole text is template text. */
const STUB_ITEM =
  /^(?:\.{3,}|…+|\.\s?\.\s?\.|placeholder|description|details|name|title|text|content|example|value|item|tbd|tba|todo|n\/?a\?|描述|内容|示例|名称|标题|详情)[:：]?$/iu;
/** A table cell whose whole text is template text (a bare word such as "name" is a real column value there). */
const STUB_CELL = /^(?:\.{3,}|…+|\.\s?\.\s?\.|placeholder|tbd|tba|todo)$/iu;

// [bracketed template slots]: [target customer], [Metric 1], [alternatives], [产品名称].
const BRACKET_RE = /(?<![\\\][!\w])\[([^[\]\n]{1,60})\](?![([:])/gu;
// 【产品名】, 【客户名称】, 【xxx】.
const CN_BRACKET_RE = /【([^【】\n]{1,16})】/gu;
/** Labels and tags in brackets that are not slots: [Beta], [WIP], [sic], [...], [citation needed]. */
const NOT_SLOT =
  /^(?:sic!?|\.{2,}|…+|citation needed|emphasis (?:added|mine|ours)|edited|redacted|laughs|inaudible|crosstalk|beta|alpha|new|draft|wip|optional|required|deprecated|preview|internal|confidential|public|private|experimental|legacy|note|tip|warning|important|caution|info|updated|archived|done|open|closed|video|image|pdf|slides|x|✓|✔)$/iu;
// Chinese slot words: a slot names what goes there (产品名, 客户名称, 上线日期), or holds xxx/某/填写.
const CN_SLOT_STRONG = /(?:名|名称|名字|姓名|日期|时间|金额|价格|数字|数值|链接|地址|职位|岗位|城市|负责人|号码|电话|邮箱|版本号|百分比|比例)$|[Xx]{2,}|某|填写|输入|插入|待/u;
const CN_SLOT_WEAK = /^(?:目标)?(?:客户|用户|公司|企业|产品|品牌|竞品|对手|行业|指标|描述|数据|功能|场景|痛点|卖点|收益)$/u;

/** Finds placeholders in the document's text, outside code, HTML and link targets. */
export function findPlaceholders(text: string, root: Root): PlaceholderHit[] {
  const hits: PlaceholderHit[] = [];
  const seen = new Set<string>();
  const add = (start: number, end: number) => {
    // Two patterns can find the same start ("XXXX" and "XXXX年XX月"): both are kept here, the widest wins below.
    const key = `${start}:${end}`;
    if (seen.has(key)) return;
    seen.add(key);
    hits.push({ span: { start, end }, text: text.slice(start, end) });
  };

  const visit = (node: RootContent | Root) => {
    if (node.type === 'yaml') {
      scanFrontMatter(text, spanOf(node), add);
      return;
    }
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') return;
    // A stub item is a word or two: longer items (and their nested lists) are not read whole here, which kept
    // this linear (a list nested 1,400 deep was read 1,400 times over: 20 s).
    const itemSpan = node.type === 'listItem' ? spanOf(node) : null;
    if (node.type === 'listItem' && itemSpan!.end - itemSpan!.start <= 200) {
      const value = toString(node).trim();
      if (value && STUB_ITEM.test(value)) {
        const sp = itemSpan!;
        const raw = text.slice(sp.start, sp.end);
        const at = raw.indexOf(value.charAt(0), raw.search(/[-*+]|\d+[.)]/) + 1);
        add(sp.start + Math.max(at, 0), sp.start + Math.max(at, 0) + value.length);
      }
    }
    if (node.type === 'table') scanTableCells(text, node, add);
    if (node.type === 'paragraph' && node.children.some((c) => c.type === 'html' && /^<br\b/iu.test(c.value))) {
      const sp = spanOf(node);
      if (sp.end - sp.start <= 20_000) scanSegments(text.slice(sp.start, sp.end), sp.start, false, add);
    }
    if ('children' in node) {
      const kids = (node as Parent).children as RootContent[];
      // Adjacent text nodes form one run ("[", "Metric 1", "]" can be split by the parser).
      let i = 0;
      while (i < kids.length) {
        const k = kids[i];
        if (k.type === 'text') {
          let j = i;
          while (j + 1 < kids.length && kids[j + 1].type === 'text') j++;
          const start = spanOf(k).start;
          const end = spanOf(kids[j]).end;
          scanRun(text, start, end, add);
          i = j + 1;
        } else {
          visit(k);
          i++;
        }
      }
    }
  };
  visit(root);
  // Overlapping hits ("【待确认】" and "待确认") are one placeholder: keep the widest.
  hits.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const merged: PlaceholderHit[] = [];
  for (const h of hits) {
    const last = merged[merged.length - 1];
    if (last && h.span.start < last.span.end) continue;
    merged.push(h);
  }
  return merged;
}

/** A date format being described ("dates as YYYY-MM-DD", 日期格式 YYYY-MM-DD) is not a slot. */
function describesFormat(run: string, start: number, end: number): boolean {
  return /format|格式|e\.g\.|例如|such as/iu.test(run.slice(Math.max(0, start - 30), Math.min(run.length, end + 12)));
}

function scanRun(text: string, start: number, end: number, add: (s: number, e: number) => void): void {
  const run = text.slice(start, end);
  if (!MAYBE_PLACEHOLDER_RE.test(run)) return;
  for (const re of INLINE_PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(run)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (re === DATE_SLOT_RE && describesFormat(run, m.index, m.index + m[0].length)) continue;
      add(start + m.index, start + m.index + m[0].length);
    }
  }
  if (run.includes('[')) scanBrackets(run, start, add);
  if (run.includes('【')) scanCnBrackets(run, start, add);
}

/** [target customer]: a bracket around a few words, not a link, footnote, task box, tag or an editor's note in a quote. */
function scanBrackets(run: string, start: number, add: (s: number, e: number) => void): void {
  const quotes = quoteTracker(run);
  BRACKET_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BRACKET_RE.exec(run)) !== null) {
    const inner = m[1].trim();
    if (!isBracketSlot(inner)) continue;
    // Inside someone's words, brackets are the editor's: “We [the ops team] love it.”
    if (quotes(m.index)) continue;
    add(start + m.index, start + m.index + m[0].length);
  }
}

function isBracketSlot(inner: string): boolean {
  if (!inner || inner.startsWith('^') || inner.startsWith('!') || NOT_SLOT.test(inner)) return false;
  if (/[\u4e00-\u9fff]/u.test(inner)) return CN_SLOT_STRONG.test(inner) || CN_SLOT_WEAK.test(inner);
  // Words only: letters, digits, spaces and a little punctuation; at least one word of two letters.
  if (!/^[\p{L}\p{N}][\p{L}\p{N} '’\-/&.,+#%]*$/u.test(inner) || !/\p{L}{2}/u.test(inner)) return false;
  // A short all-caps tag ([WIP], [EN], [GA]) or a numbered reference ([12a]).
  if (/^[A-Z0-9]{1,5}$/u.test(inner) || /^\d/u.test(inner)) return false;
  return inner.split(/\s+/u).length <= 8;
}

/** 【产品名】 in a sentence, or alone; a label at the start of a line (【痛点】客户……) is a heading, not a slot. */
function scanCnBrackets(run: string, start: number, add: (s: number, e: number) => void): void {
  CN_BRACKET_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CN_BRACKET_RE.exec(run)) !== null) {
    const inner = m[1].trim();
    let slot = CN_SLOT_STRONG.test(inner) || (/^[A-Za-z]/u.test(inner) && isBracketSlot(inner));
    if (!slot && CN_SLOT_WEAK.test(inner)) {
      // Only white space between the line's start and the bracket (a backward scan over that space alone, not
      // the run up to here), and text right after it.
      let i = m.index;
      while (i > 0 && run[i - 1] !== '\n' && /\s/u.test(run[i - 1])) i--;
      const atLineStart = i === 0 || run[i - 1] === '\n';
      const next = run[m.index + m[0].length];
      const labelAtStart = atLineStart && next !== undefined && !/\s/u.test(next);
      slot = !labelAtStart;
    }
    if (slot) add(start + m.index, start + m.index + m[0].length);
  }
}

/**
 * Whether offsets (asked in increasing order) are inside "…" or “…” on their line; one pass over the run in all.
 */
function quoteTracker(run: string): (offset: number) => boolean {
  let i = 0;
  let straight = false;
  let curly = 0;
  return (offset: number) => {
    for (; i < offset; i++) {
      const c = run.charCodeAt(i);
      if (c === 10) {
        straight = false;
        curly = 0;
      } else if (c === 34) straight = !straight;
      else if (c === 0x201c) curly++;
      else if (c === 0x201d && curly > 0) curly--;
    }
    return straight || curly > 0;
  };
}

/** Bullets and cells of a table: `placeholder`, `...`, `tbd`, and "- description" bullets inside a cell (<br>). */
function scanTableCells(text: string, table: Table, add: (s: number, e: number) => void): void {
  table.children.forEach((row, r) => {
    if (r === 0) return; // the header row names columns
    for (const cell of row.children) {
      const sp = spanOf(cell);
      const full = text.slice(sp.start, sp.end);
      if (full.length > 2000) continue;
      // The cell's span holds its pipes: read between them.
      const lead = /^\|?[ \t]*/u.exec(full)![0].length;
      const raw = full.slice(lead).replace(/[ \t]*\|?[ \t]*$/u, '');
      const base = sp.start + lead;
      scanSegments(raw, base, true, add);
    }
  });
}

/**
 * Segments of a cell or a paragraph between <br> tags (and pipes, in a paragraph that is a table row without its
 * delimiter line): a segment that starts with a bullet is a list item ("- placeholder", "- description").
 */
function scanSegments(raw: string, base: number, cell: boolean, add: (s: number, e: number) => void): void {
  const re = cell ? /(?:^|<br\s*\/?>)([^<]*)/giu : /(?:^|<br\s*\/?>|\|)([^<|]*)/giu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      if (re.lastIndex > raw.length) break;
      continue;
    }
    const seg = m[1];
    const bullet = /^\s*[-*•·]\s+/u.exec(seg);
    const body = seg.slice(bullet ? bullet[0].length : 0).trim();
    if (!body) continue;
    if (bullet ? STUB_ITEM.test(body) : cell && STUB_CELL.test(body)) {
      const at = base + m.index + (m[0].length - seg.length) + seg.indexOf(body, bullet ? bullet[0].length : 0);
      add(at, at + body.length);
    }
  }
}

/** Front matter values: `updated: YYYY-MM-DD`, `owner: TBD`. Keys, comments and YAML syntax are not read. */
function scanFrontMatter(text: string, span: Span, add: (s: number, e: number) => void): void {
  if (span.end - span.start > 65_536) return;
  const block = text.slice(span.start, span.end);
  if (!MAYBE_PLACEHOLDER_RE.test(block)) return;
  const lineRe = /^([ \t]*(?:-[ \t]+)?[^\s:#][^:\n]*:[ \t]*)([^\n]*)$/gmu;
  let m: RegExpExecArray | null;
  while ((m = lineRe.exec(block)) !== null) {
    let value = m[2];
    const hash = value.search(/(?:^|\s)#/u);
    if (hash >= 0) value = value.slice(0, hash);
    if (!value.trim()) continue;
    const valueStart = span.start + m.index + m[1].length;
    for (const re of COMMON_PATTERNS) {
      re.lastIndex = 0;
      let v: RegExpExecArray | null;
      while ((v = re.exec(value)) !== null) {
        if (v[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        add(valueStart + v.index, valueStart + v.index + v[0].length);
      }
    }
  }
}
