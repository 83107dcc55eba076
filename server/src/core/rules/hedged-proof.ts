// Hedged proof ("this is better, trust us", 相信我们, 用过的都说好) where the evidence should be: reported by
// missing-proof.

import { SOURCE_RE, squash } from '../text';
import { elementAt, spanSet, type RuleContext } from './rule';
import { scan, titleAt } from './vague-comparative';

// "trust us" where a clause starts (", trust us", "Trust us,"), or after "just"/"you'll have to"; "take our word".
// "Customers trust us with their data" is not hedged proof.
const HEDGE_RE = new RegExp(
  [
    String.raw`(?:^|(?<=[,(—–:;]\s{0,3})|(?<=\b(?:just|simply|please|have to)\s))(?:trust|believe) (?:us|me)\b`,
    String.raw`\btake (?:our|my) word(?: for it)?\b`,
    String.raw`(?:^|(?<=[，,（(—：:；;]\s{0,3})|(?<=请|就|只管|您就|你就))相信我们?(?=[，,。！!）)；;]|$)`,
    String.raw`请相信我们?`,
    // Hearsay in place of a named customer or a figure: "everyone loves it", 用过的都说好.
    String.raw`\b(?:everyone|everybody|all (?:our )?(?:customers|users)|(?:our )?(?:customers|users|clients|teams)) (?:loves?|raves? about|swears? by|adores?)\b`,
    String.raw`都(?:说|夸|觉得)(?:好|不错|好用|满意)|一致好评|好评如潮|有口皆碑|谁用谁知道|口碑爆棚`,
  ].join('|'),
  'giu',
);
const MAYBE_HEDGE_RE = /trust|believe|word|love|rave|swear|相信|都|好评|口碑|谁用/i;

/** missing-proof: "trust us" where the proof should be. */
export function reportHedgedProof(context: RuleContext): void {
  // Items that the element checks already report as unproven are not reported twice.
  const reported = spanSet(context.analysis.evaluations.flatMap((e) => e.problems.filter((p) => p.ruleId === 'missing-proof').map((p) => p.span)));
  const hits = scan(context, HEDGE_RE, MAYBE_HEDGE_RE, (s) => !SOURCE_RE.test(s));
  for (const h of hits) {
    if (reported.holds(h.span.start)) continue;
    context.report({
      elementId: elementAt(context.analysis, h.span.start),
      messageId: 'missing-proof.noProof',
      data: { ...titleAt(context, h.span.start), text: squash(h.sentence) },
      span: h.span,
    });
  }
}
