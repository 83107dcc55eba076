import { reportCheckProblems, type Rule } from './rule';
import { reportHedgedProof } from './hedged-proof';
import { firstLineOf, plain, type CheckFn } from '../content';
import { SOURCE_RE, hasNumber, hasQuote, squash } from '../text';

export const missingProof: Rule = {
  meta: {
    id: 'missing-proof',
    type: 'problem',
    description: { en: 'A value, pillar or win claim has no proof (metric, customer, quote or link).', zh: '价值、支柱或赢单理由缺少证据（指标、客户、引用或链接）。' },
    defaultSeverity: 'warning',
    messages: {
      'missing-proof.noProof': {
        en: "'{title}': '{text}' has no proof. Add a metric, a named customer, a quote or a link.",
        zh: '「{title}」中的「{text}」没有证据：请补充指标、具名客户、客户原话或链接。',
      },
    },
    fixable: false,
  },
  check(context) {
    reportCheckProblems(context, 'missing-proof');
    reportHedgedProof(context);
  },
};

/** The proof check (`kind: proof`): each value, proof point or win carries a metric, a customer, a quote or a link. */
export const proofCheck: CheckFn<'proof'> = ({ items, named, source, out }) => {
  let bad = false;
  for (const item of items) {
    const raw = item.text;
    const p = plain(raw);
    if (hasNumber(p) || SOURCE_RE.test(raw) || hasQuote(raw) || /\]\(|https?:\/\//.test(raw)) continue;
    // An item that only introduces the next ones ("Supporting features:") is not a claim.
    if (/[:：]\s*$/u.test(p) || p.length < 4) continue;
    out.problems.push({ ruleId: 'missing-proof', messageId: 'missing-proof.noProof', data: { title: named.en, titleZh: named.zh, text: squash(p) }, span: firstLineOf(source, item.span) });
    bad = true;
  }
  if (bad) out.reasons.push({ ruleId: 'missing-proof', messageId: 'reason.proof', data: {} });
  return;
};
