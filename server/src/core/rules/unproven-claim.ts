import type { Parent, RootContent, Root } from 'mdast';
import { spanOf } from '../model';
import { NUMBER_RE, SOURCE_RE, splitSentences } from '../text';
import { elementAt, type Rule } from './rule';
import type { Span } from '../types';

const EN_CLAIMS = [
  String.raw`best[- ]in[- ]class`,
  String.raw`best[- ]of[- ]breed`,
  String.raw`world[- ]class`,
  String.raw`(?:industry|market|category)[- ]leading`,
  String.raw`(?:industry|market|category) leader`,
  String.raw`the leading`,
  String.raw`leading (?:provider|platform|solution|vendor|tool)`,
  String.raw`number[- ]one`,
  String.raw`the best(?![- ](?:in|of)[- ])(?! (?:way|practices?|time|approach|place|part|fit for)\b)`,
  String.raw`best[- ]ever`,
  String.raw`first[- ]ever`,
  String.raw`(?:world|industry|market|category)['’]?s first`,
  String.raw`the first (?:and only )?(?:platform|solution|tool|product|vendor|company|service|app)`,
  String.raw`the only (?:[\w-]+ ){0,2}(?:platform|solution|tool|product|vendor|company|service|app|one)\b`,
  String.raw`only (?:platform|solution|tool|product|vendor) (?:that|to|with)`,
  String.raw`unmatched|unparalleled|unrivall?ed|second to none`,
  String.raw`the fastest|the most (?:powerful|advanced|complete|comprehensive|innovative|secure|trusted|popular|reliable|scalable)`,
  String.raw`cutting[- ]edge|state[- ]of[- ]the[- ]art|revolutionary|game[- ]chang(?:ing|er)`,
];
const ZH_CLAIMS = [
  '最佳',
  '最好的',
  '最强',
  '最先进',
  '最高级',
  '最优秀?',
  '国家级',
  '第一(?![步次天周月季年阶期章节部轮批时手线版眼]|个月|负责|印象|反应)',
  '唯一(?!标识|的办法|的方式|入口)',
  '首个',
  '首家',
  '首款',
  '首选',
  '顶级',
  '(?:世界|全球|国际|业界|行业|遥遥)领先',
  '领先的',
  '独家',
  '绝对',
  '极致',
];
// "#1" and "No. 1" start with a non-word character, so they sit outside the \b group.
const CLAIM_RE = new RegExp(`\\b(?:${EN_CLAIMS.join('|')})|(?<![\\w#])#\\s?1\\b|\\bno\\.\\s?1\\b|${ZH_CLAIMS.join('|')}`, 'giu');

// A cheap first test (a superset of CLAIM_RE's words): most blocks hold no claim and skip the big expression.
const MAYBE_CLAIM_RE = /best|world|lead|number|first|only|unmatch|unparallel|unrival|second|fastest|most|cutting|state|revolution|game|#|no\.|最|国家级|第一|唯一|首|顶级|领先|独家|绝对|极致/i;

/** Text runs to scan: paragraphs, headings and table cells, outside quotes, code and HTML. */
function* textRuns(node: Root | RootContent): Generator<Span> {
  if (node.type === 'blockquote' || node.type === 'code' || node.type === 'html' || node.type === 'yaml') return;
  if (node.type === 'text') {
    yield spanOf(node);
    return;
  }
  if (node.type === 'inlineCode') return;
  if ('children' in node) for (const child of (node as Parent).children as RootContent[]) yield* textRuns(child);
}

/** Inside "…" or “…”: someone else's words (a competitor's claim, a customer's quote). */
function insideQuotes(line: string, index: number): boolean {
  const before = line.slice(0, index);
  const straight = (before.match(/"/g) ?? []).length % 2 === 1;
  const curly = before.lastIndexOf('“') > before.lastIndexOf('”');
  const corner = before.lastIndexOf('「') > before.lastIndexOf('」');
  return straight || curly || corner;
}

export const unprovenClaim: Rule = {
  meta: {
    id: 'unproven-claim',
    type: 'suggestion',
    description: { en: 'A superlative (best-in-class, first, only, 最佳, 第一, 唯一...) with no number or source in the sentence.', zh: '最高级用语（best-in-class、第一、唯一、最佳……）所在句子没有数据或来源。' },
    defaultSeverity: 'warning',
    messages: ['unproven-claim.claim', 'unproven-claim.backed'],
    fixable: false,
  },
  check({ analysis, report }) {
    const { model } = analysis;
    const text = model.text;
    // Lists of words to avoid are meant to hold these words.
    const avoid = analysis.matches.get('avoid')?.candidates.map((c) => c.fullSpan) ?? [];
    const blocks: Array<Root | RootContent> = [];
    const collect = (node: Root | RootContent) => {
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
        blocks.push(node);
        return;
      }
      if (node.type === 'blockquote' || node.type === 'code') return;
      if ('children' in node) for (const c of (node as Parent).children as RootContent[]) collect(c);
    };
    collect(model.root);
    for (const node of blocks) {
      const block = spanOf(node);
      if (avoid.some((a) => a.start <= block.start && block.end <= a.end)) continue;
      const blockText = text.slice(block.start, block.end);
      if (!MAYBE_CLAIM_RE.test(blockText)) continue;
      let sentences: ReturnType<typeof splitSentences> | null = null; // only split a block that has a claim
      for (const run of textRuns(node)) {
        const runText = text.slice(run.start, run.end);
        CLAIM_RE.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = CLAIM_RE.exec(runText)) !== null) {
          const at = run.start + m.index;
          const rel = at - block.start;
          const lineStart = blockText.lastIndexOf('\n', rel) + 1;
          if (insideQuotes(blockText.slice(lineStart), rel - lineStart)) continue;
          sentences ??= splitSentences(blockText);
          const sentence = sentences.find((s) => s.start <= rel && rel < s.end) ?? { start: 0, end: blockText.length };
          const sentenceText = blockText.slice(sentence.start, sentence.end);
          const withoutClaim = sentenceText.slice(0, rel - sentence.start) + sentenceText.slice(rel - sentence.start + m[0].length);
          const backed = NUMBER_RE.test(withoutClaim) || SOURCE_RE.test(withoutClaim);
          report({
            elementId: elementAt(analysis, at),
            messageId: backed ? 'unproven-claim.backed' : 'unproven-claim.claim',
            data: { text: m[0] },
            span: { start: at, end: at + m[0].length },
            severity: backed ? 'info' : undefined,
          });
        }
      }
    }
  },
};
