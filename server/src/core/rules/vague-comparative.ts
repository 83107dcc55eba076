// Comparisons with no figure ("significantly lower cost", 大幅提升): reported by vague-metric.
// The scan is shared with hedged-proof.ts. Both read every paragraph, list item and table cell of a typed document,
// outside code, blockquotes, the words-to-avoid list and the sections that describe the customer's own situation
// (pains, goals, quotes...).

import type { Parent, Root, RootContent } from 'mdast';
import { spanOf } from '../nodes';
import { SOURCE_RE, hasNumber, splitSentences, squash } from '../text';
import { blockMatches, ownCopy } from '../text-cache';
import type { Span } from '../types';
import { elementAt, spanSet, type Analysis, type RuleContext } from './rule';

const COMPARATIVE_RE = new RegExp(
  [
    // An intensifier and a comparative or a verb of change: "significantly lower", "dramatically improves".
    String.raw`\b(?:significantly|dramatically|substantially|vastly|considerably|massively|hugely|radically|drastically|greatly|markedly|exponentially|tremendously)\s(?:lower|higher|faster|cheaper|quicker|slower|smaller|shorter|fewer|less|better|easier|simpler|greater|improved|reduced|increased|lowers?|reduces?|reducing|cuts?|cutting|improves?|improving|increases?|increasing|boosts?|accelerates?|speeds up|simplifies|outperforms?)\b`,
    // "much"/"far"/"way" with a measurable comparative only: "much cheaper", not "much easier".
    String.raw`\b(?:much|far|way)\s(?:lower|higher|faster|cheaper|quicker|slower|smaller|shorter|fewer|less)\b`,
    // A verb of change and then the intensifier: "increase significantly"; "lots more".
    String.raw`\b(?:increase|decrease|grow|improve|rise|drop|fall|reduce|shrink|go up|go down)(?:s|d|es|ed|ing)?\s(?:significantly|dramatically|substantially|considerably|drastically|greatly|markedly|massively|sharply|a lot)\b`,
    String.raw`\b(?:lots|a lot|tons|loads) (?:more|less|fewer|faster|cheaper|higher|lower)\b`,
    // A share with no size: "a significant share of our pipeline", 相当一部分客户.
    String.raw`\ba (?:significant|substantial|sizable|sizeable|large|huge|growing) (?:share|number|portion|percentage|fraction|chunk|part) of\b`,
    String.raw`(?:大幅度?|显著|极大|大大|明显|成倍|数倍|几倍|指数级)(?:地|的)?(?:提升|提高|降低|减少|缩短|增加|增长|改善|优化|节省|加快|加速|下降|上升|简化|领先)`,
    String.raw`相当一部分|很大一部分|相当大的比例`,
  ].join('|'),
  'giu',
);
const MAYBE_COMPARATIVE_RE = /ly\s|much|far|way|lot|tons|loads|significant|substantial|sizabl|sizeabl|large|huge|growing|大幅|显著|极大|大大|明显|成倍|数倍|几倍|指数级|一部分|比例/i;

// A figure that sizes a change: a percentage, a multiple, money, a duration, from…to. A count (86 家) does not.
const SIZED_RE = new RegExp(
  [
    String.raw`\d(?:[\d,.]*\d)?\s*(?:%|％|x\b|×|倍|pp\b|points?\b|percent)`,
    String.raw`[$€£¥￥]\s?\d|\d\s*(?:元|美元|万元|块|k\b|m\b|usd|eur)`,
    String.raw`\d\s*(?:ms|s|secs?|seconds?|mins?|minutes?|hours?|hrs?|h|days?|weeks?|months?|秒|分钟|小时|天|周|个月)\b`,
    String.raw`\d\s*(?:秒|分钟|小时|天|周|个月)`,
    String.raw`\bfrom\s+\S+\s+to\b|从[^，。\n]{0,20}(?:到|至)|\bhalf\b|\bdoubl|\btwice\b|\b(?:two|three|four|five|ten)[- ](?:times|fold)\b|一半|翻倍|翻番|[一二两三四五六七八九十]+倍`,
  ].join('|'),
  'iu',
);

/** Elements about the customer's own situation or other people's words: not our claims. */
const NOT_OUR_CLAIMS = new Set([
  'avoid',
  'quotes',
  'pillar_pain',
  'challenges',
  'problem',
  'problem_trigger',
  'why_we_lose',
  'objections',
  'landmines',
  'alternatives_considered',
  'decision_criteria',
  'relevant_trends',
  'job_to_be_done',
  'goals',
  'motivations',
  'measured_by',
  'info_sources',
  'cost_of_inaction',
  'evidence_frequency',
  'source',
]);

export interface Hit {
  span: Span;
  sentence: string;
}

/** Blocks to read: paragraphs and table cells outside code, HTML, headings and blockquotes. */
function blocksOf(root: Root): Array<Root | RootContent> {
  const out: Array<Root | RootContent> = [];
  const visit = (node: Root | RootContent) => {
    if (node.type === 'paragraph' || node.type === 'tableCell') {
      out.push(node);
      return;
    }
    if (node.type === 'code' || node.type === 'html' || node.type === 'yaml' || node.type === 'blockquote' || node.type === 'heading') return;
    if ('children' in node) for (const c of (node as Parent).children as RootContent[]) visit(c);
  };
  visit(root);
  return out;
}

/** A match in a block, relative to the block, with its sentence (a copy: it is kept in the memo). */
interface BlockHit {
  start: number;
  end: number;
  sentence: string;
}

/** Matches of `re` in the document's own copy, with their sentence; at most one per sentence. */
export function scan(context: RuleContext, re: RegExp, maybe: RegExp, keep: (sentence: string) => boolean): Hit[] {
  const { analysis } = context;
  const text = analysis.model.text;
  const hits: Hit[] = [];
  for (const node of blocksOf(analysis.model.root)) {
    const block = spanOf(node);
    const id = elementAt(analysis, block.start);
    if (id && NOT_OUR_CLAIMS.has(id)) continue;
    const blockText = text.slice(block.start, block.end);
    // Each expression is always scanned with the same `keep`: the block's answer depends on the block alone.
    const found = blockMatches(context.memo, re, node, block.start, blockText, maybe, (t, runs) => scanBlock(t, runs, re, keep));
    for (const h of found) hits.push({ span: { start: block.start + h.start, end: block.start + h.end }, sentence: h.sentence });
  }
  return hits;
}

/** The matches in one block, given its text runs (relative pairs); sentences are copies (kept in the cache). */
function scanBlock(blockText: string, runs: readonly number[], re: RegExp, keep: (sentence: string) => boolean): BlockHit[] {
  const hits: BlockHit[] = [];
  let sentences: Span[] | null = null;
  let k = 0;
  let lastSentence = -1;
  for (let r = 0; r < runs.length; r += 2) {
    const runStart = runs[r];
    const runText = blockText.slice(runStart, runs[r + 1]);
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(runText)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const rel = runStart + m.index;
      sentences ??= splitSentences(blockText);
      // Matches come in order: walk the sentences forward.
      while (k < sentences.length - 1 && sentences[k].end <= rel) k++;
      if (k === lastSentence) continue;
      lastSentence = k;
      const s = sentences[k] ?? { start: 0, end: blockText.length };
      const sentence = blockText.slice(s.start, Math.min(s.end, s.start + 2000));
      if (!keep(sentence)) continue;
      hits.push({ start: rel, end: rel + m[0].length, sentence: ownCopy(sentence) });
    }
  }
  return hits;
}

/** The title to name in the message: the element's, else the heading above. */
export function titleAt(context: RuleContext, offset: number): { title: string; titleZh: string } {
  const { analysis } = context;
  const id = elementAt(analysis, offset);
  const element = id ? elementById(analysis.checklist).get(id) : undefined;
  if (element) return { title: element.title.en, titleZh: element.title.zh };
  // The last heading at or before the offset (sections are in document order).
  const sections = analysis.model.sections;
  let lo = 0;
  let hi = sections.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sections[mid].headingSpan.start <= offset) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const heading = at >= 0 ? sections[at].heading : (analysis.model.title?.heading ?? '');
  return { title: heading, titleZh: heading };
}

type ChecklistElementOf = Analysis['checklist']['elements'][number];
const elementMaps = new WeakMap<Analysis['checklist'], Map<string, ChecklistElementOf>>();

/** A checklist's elements by id (the first of an id, as `find` would give). */
function elementById(checklist: Analysis['checklist']): Map<string, ChecklistElementOf> {
  let map = elementMaps.get(checklist);
  if (!map) {
    map = new Map();
    for (const e of checklist.elements) if (!map.has(e.id)) map.set(e.id, e);
    elementMaps.set(checklist, map);
  }
  return map;
}

// Plain comparatives and vague amounts ("fewer escalations", "within days", 有所提升, 影响很多客户): vague only
// where the checklist asks for a figure, in an element that has a metric or a proof check (a value, an outcome,
// an impact, a win). Elsewhere "faster" is just a word.
const BARE_RE = new RegExp(
  [
    String.raw`\b(?:fewer|faster|quicker|cheaper|sooner)\b`,
    String.raw`\b(?:less|lower|reduced?) (?:time|work|effort|cost|costs|churn|risk|overhead|toil|spend)\b`,
    String.raw`\b(?:more|higher|increased?) (?:revenue|conversion|conversions|retention|pipeline|productivity|engagement|adoption|throughput)\b`,
    String.raw`\bwithin (?:days|weeks|hours|minutes)\b|\bin no time\b|\bin (?:a few|a couple of) (?:days|weeks|clicks)\b`,
    String.raw`\b(?:nearly|almost) (?:every|all)\b|\b(?:many|most|lots of|plenty of) (?:customers|teams|users|accounts|deals|clients|companies)\b`,
    String.raw`\b(?:a lot of|lots of|quite a few|a bunch of|tons of|a good number of|a handful of)\b|\bquite a (?:few|lot)\b`,
    String.raw`有所(?:提升|提高|改善|下降|减少|增长|增加|缩短|降低)|(?:会|能|将)?明显(?:改善|提升|提高|下降|减少|增加|缩短|降低|好转)|更(?:快|省|便宜|高效)`,
    String.raw`(?:很多|大量|不少|大部分|多数|绝大多数|许多|多家|多位|好几[家个位])(?:客户|用户|门店|企业|团队|商家|KA)?|几天(?:之)?内|很快(?:就)?(?:能|可以)?|影响不小|不小的影响|影响很大`,
  ].join('|'),
  'giu',
);
const MAYBE_BARE_RE = /fewer|faster|quicker|cheaper|sooner|less|lower|reduce|more|higher|increase|within|no time|a few|a couple|nearly|almost|many|most|lots|plenty|a lot|quite|bunch|tons|handful|good number|有所|明显|更|很多|大量|不少|大部分|多数|许多|多家|多位|好几|几天|很快|不小|很大/i;

/** vague-metric: "significantly lower cost" with no figure that sizes it in the sentence. */
export function reportVagueComparatives(context: RuleContext): void {
  // Items that the element checks already report as vague are not reported twice.
  const reported = spanSet(context.analysis.evaluations.flatMap((e) => e.problems.filter((p) => p.ruleId === 'vague-metric').map((p) => p.span)));
  const unsized = (s: string) => !SIZED_RE.test(s) && !SOURCE_RE.test(s);
  const hits = scan(context, COMPARATIVE_RE, MAYBE_COMPARATIVE_RE, unsized);
  const sentences = new Set(hits.map((h) => h.sentence));
  const wantsFigures = new Set(
    context.analysis.checklist.elements.filter((e) => (e.checks ?? []).some((c) => c.kind === 'metric' || c.kind === 'proof')).map((e) => e.id),
  );
  for (const h of scan(context, BARE_RE, MAYBE_BARE_RE, (s) => unsized(s) && !hasNumber(s))) {
    const id = elementAt(context.analysis, h.span.start);
    if (id && wantsFigures.has(id) && !sentences.has(h.sentence)) {
      hits.push(h);
      sentences.add(h.sentence);
    }
  }
  for (const h of hits) {
    if (reported.holds(h.span.start)) continue;
    context.report({
      elementId: elementAt(context.analysis, h.span.start),
      messageId: 'vague-metric.comparative',
      data: { ...titleAt(context, h.span.start), text: squash(h.sentence), word: context.analysis.model.text.slice(h.span.start, h.span.end) },
      span: h.span,
    });
  }
}
