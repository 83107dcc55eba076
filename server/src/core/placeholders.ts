// Placeholder detection, shared by the placeholder rule and by element evaluation.

import type { Root, RootContent, Parent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { spanOf } from './model';
import type { Span } from './types';

export interface PlaceholderHit {
  span: Span;
  text: string;
}

const INLINE_PATTERNS: RegExp[] = [
  /\bTBD\b|\bTBA\b|\bTBC\b/giu,
  /(?<![A-Za-z])(?:TODO|FIXME|TBH)(?![A-Za-z])/gu,
  /(?<![A-Za-z])X{2,}(?![A-Za-z])/gu,
  /\{\{\s*[^{}\n]{1,60}?\s*\}\}/gu,
  /(?<![\w\\])\{[A-Za-z_\u4e00-\u9fff][\w .\-/\u4e00-\u9fff]{0,80}\}(?![({])/gu,
  /\[(?:insert|add|enter|your|describe|placeholder|tbd|todo|metric|name|date|product|company|customer|competitor|link|url|quote|number|target|owner)\b[^\]\n]{0,60}\]/giu,
  /\blorem ipsum\b/giu,
  /【待[^】\n]{0,20}】|【[^】\n]{0,20}待(?:定|补充|确认|完善|填写)】/gu,
  /待定|待补充|待确认|待完善|待填写|某某/gu,
];

// A cheap first test (a superset of the patterns above): most runs hold no placeholder.
const MAYBE_PLACEHOLDER_RE = /TB[DACH]|TODO|FIXME|XX|\{|\[|lorem|待|某某/i;

const STUB_ITEM = /^(?:\.{3,}|…+|\.\s?\.\s?\.|placeholder|description|details|text|content|example|tbd|todo|n\/?a\?)$/iu;

/** Finds placeholders in the document's text, outside code, HTML and link targets. */
export function findPlaceholders(text: string, root: Root): PlaceholderHit[] {
  const hits: PlaceholderHit[] = [];
  const seen = new Set<number>();
  const add = (start: number, end: number) => {
    if (seen.has(start)) return;
    seen.add(start);
    hits.push({ span: { start, end }, text: text.slice(start, end) });
  };

  const visit = (node: RootContent | Root) => {
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html' || node.type === 'yaml') return;
    if (node.type === 'listItem') {
      const value = toString(node).trim();
      if (value && STUB_ITEM.test(value)) {
        const sp = spanOf(node);
        const raw = text.slice(sp.start, sp.end);
        const at = raw.indexOf(value.charAt(0), raw.search(/[-*+]|\d+[.)]/) + 1);
        add(sp.start + Math.max(at, 0), sp.start + Math.max(at, 0) + value.length);
      }
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

function scanRun(text: string, start: number, end: number, add: (s: number, e: number) => void): void {
  const run = text.slice(start, end);
  if (!MAYBE_PLACEHOLDER_RE.test(run)) return;
  for (const re of INLINE_PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(run)) !== null) {
      add(start + m.index, start + m.index + m[0].length);
      if (m[0].length === 0) re.lastIndex++;
    }
  }
}
