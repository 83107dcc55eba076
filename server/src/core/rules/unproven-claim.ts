// unproven-claim: a superlative or exclusivity claim with no number or source in its sentence (English), or an
// absolute term the Advertising Law bans (Chinese). The vocabulary is in core/claims/vocabulary.ts, the reading of
// context (quotes, negations, reported words, evidence) in core/claims/context.ts.
import type { Parent, RootContent, Root } from 'mdast';
import { evidenceIn, isAttributedQuote, notAClaim, quoteRanges, type QuoteRange } from '../claims/context';
import { CLAIM_RE, MAYBE_CLAIM_RE } from '../claims/vocabulary';
import { plain, type CheckFn } from '../content';
import { spanOf } from '../nodes';
import { hasCjk, splitSentences } from '../text';
import { elementAt, spanSet, type Rule } from './rule';
import type { Span } from '../types';
import { blockMatches, ownCopy } from '../text-cache';

export const unprovenClaim: Rule = {
  meta: {
    id: 'unproven-claim',
    type: 'suggestion',
    description: {
      en: 'A superlative or exclusivity claim (best-in-class, the only, no other vendor, #1) with no number or source in the sentence; in Chinese, the absolute terms that art. 9 of the Advertising Law bans (最佳, 第一, 唯一, 首家, 顶级, 国家级...).',
      zh: '最高级或排他性说法（best-in-class、the only、#1）所在句子没有数据或来源；中文中《广告法》第九条禁止的绝对化用语（最佳、第一、唯一、首家、顶级、国家级……）。',
    },
    defaultSeverity: 'warning',
    messages: {
      'unproven-claim.claim': {
        en: "Unproven claim '{text}': back it with a number or a source in the same sentence, or drop it.",
        zh: '「{text}」是无法证明的说法：请在同一句里给出数据或来源，否则删掉。',
      },
      'unproven-claim.backed': {
        en: "Superlative '{text}': the sentence cites evidence; check that it proves this exact claim.",
        zh: '「{text}」是最高级说法：这句已附证据，请核对证据是否确实能证明这一点。',
      },
      'unproven-claim.absolute': {
        en: "'{text}' is an absolute term that China's Advertising Law (art. 9) bans in ads: say what is true in checkable terms (a figure, a test, a named source) instead.",
        zh: '「{text}」属于绝对化用语，广告中不得使用（《广告法》第九条）：请改写成可以核实的事实，如数据、测试结果或注明出处的来源。',
      },
      'unproven-claim.absoluteBacked': {
        en: "'{text}' is an absolute term that China's Advertising Law (art. 9) bans in ads even when a figure backs it: keep the figure and drop the term.",
        zh: '「{text}」属于绝对化用语，即使有数据支撑，广告中也不得使用（《广告法》第九条）：保留数据，删掉这个词。',
      },
    },
    fixable: false,
  },
  check({ analysis, report, memo }) {
    const { model } = analysis;
    const text = model.text;
    // Lists of words to avoid are meant to hold these words; quotes sections hold customers' words.
    const exempt = spanSet(['avoid', 'quotes'].flatMap((id) => analysis.matches.get(id)?.candidates.map((c) => c.fullSpan) ?? []));
    const blocks: Array<Root | RootContent> = [];
    const collect = (node: Root | RootContent) => {
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
        blocks.push(node);
        return;
      }
      if (node.type === 'code' || node.type === 'html' || node.type === 'yaml') return;
      if ('children' in node) {
        const kids = (node as Parent).children as RootContent[];
        kids.forEach((c, i) => {
          // The author's own blockquotes (a tagline, a callout) are read; a customer's attributed quote is not.
          if (c.type === 'blockquote' && isAttributedQuote(text, c, kids[i + 1])) return;
          collect(c);
        });
      }
    };
    collect(model.root);
    for (const node of blocks) {
      const block = spanOf(node);
      if (exempt.covers(block)) continue;
      const blockText = text.slice(block.start, block.end);
      for (const c of blockMatches(memo, CLAIM_RE, node, block.start, blockText, MAYBE_CLAIM_RE, claimsIn)) {
        const at = block.start + c.start;
        // A Chinese term (or any term in a Chinese document) is also banned by the Advertising Law.
        const absolute = c.cjk || analysis.docLanguage === 'zh';
        report({
          elementId: elementAt(analysis, at),
          messageId: absolute ? (c.backed ? 'unproven-claim.absoluteBacked' : 'unproven-claim.absolute') : c.backed ? 'unproven-claim.backed' : 'unproven-claim.claim',
          data: { text: c.text },
          span: { start: at, end: at + c.text.length },
          severity: c.backed ? 'info' : undefined,
        });
      }
    }
  },
};

/** A claim in a block, relative to the block (its text a copy: it is kept in the memo). */
interface BlockClaim {
  start: number;
  text: string;
  backed: boolean;
  cjk: boolean;
}

/** The claims of one block, read in its text runs (relative pairs), with whether their sentence backs them. */
function claimsIn(blockText: string, runs: readonly number[]): BlockClaim[] {
  const out: BlockClaim[] = [];
  // Computed on the first match only: most blocks that pass the cheap test hold no claim.
  let ranges: QuoteRange[] | null = null;
  let sentences: Span[] | null = null;
  let sentenceIndex = 0;
  const evidence = new Map<number, { spans: Span[]; full: boolean }>();
  for (let r = 0; r < runs.length; r += 2) {
    const runText = blockText.slice(runs[r], runs[r + 1]);
    CLAIM_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CLAIM_RE.exec(runText)) !== null) {
      const rel = runs[r] + m.index;
      ranges ??= quoteRanges(blockText);
      if (notAClaim(blockText, rel, m[0], ranges)) continue;
      sentences ??= splitSentences(blockText);
      // Matches come in order: walk the sentences forward instead of searching them each time.
      while (sentenceIndex < sentences.length - 1 && sentences[sentenceIndex].end <= rel) sentenceIndex++;
      const s = sentences[sentenceIndex];
      const sentence = s && s.start <= rel && rel < s.end ? s : { start: 0, end: blockText.length };
      let ev = evidence.get(sentenceIndex);
      if (!ev) evidence.set(sentenceIndex, (ev = evidenceIn(blockText, sentence)));
      // Backed when some evidence lies clear of the claim's own words ("100%满意" holds digits of its own).
      const a = rel;
      const b = rel + m[0].length;
      const backed = ev.full || ev.spans.some((e) => e.end <= a || e.start >= b);
      out.push({ start: rel, text: ownCopy(m[0]), backed, cjk: hasCjk(m[0]) });
    }
  }
  return out;
}

// ---- The checkable check (`kind: checkable`) -----------------------------------------------------------------

/** Words that name no capability: what is left of "best-in-class experience" once the superlative is gone. */
const EMPTY_WORDS =
  /\b(?:a|an|the|our|we|us|and|or|of|for|in|to|with|experience|support|service|services|quality|performance|solution|solutions|platform|product|products|technology|tech|tool|team|customer|customers|value|results|everything|anything)\b|体验|服务|质量|性能|技术|产品|方案|平台|能力|效果|团队|的|和|与|我们/giu;

/**
 * Differentiators a buyer can check. An item that is a superlative and nothing more ("Best-in-class experience",
 * 业界领先的服务) cannot be checked; when half the items are like that, the element is weak.
 */
export const checkableCheck: CheckFn<'checkable'> = ({ items, out }) => {
  if (items.length === 0) return;
  let empty = 0;
  for (const item of items) {
    const text = plain(item.text);
    if (!MAYBE_CLAIM_RE.test(text)) continue;
    const re = new RegExp(CLAIM_RE.source, 'giu');
    if (!re.test(text)) continue;
    const rest = text.replace(new RegExp(CLAIM_RE.source, 'giu'), ' ').replace(EMPTY_WORDS, ' ').replace(/[\p{P}\p{S}\s\d]+/gu, '');
    if (rest.length < (hasCjk(text) ? 3 : 6)) empty++;
  }
  if (empty > 0 && empty * 2 >= items.length) out.reasons.push({ ruleId: 'unproven-claim', messageId: 'reason.superlativesOnly', data: {} });
};
