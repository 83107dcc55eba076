import { reportCheckProblems, type Rule } from './rule';
import { reportHedgedProof } from './hedged-proof';

export const missingProof: Rule = {
  meta: {
    id: 'missing-proof',
    type: 'problem',
    description: { en: 'A value, pillar or win claim has no proof (metric, customer, quote or link).', zh: '价值、支柱或赢单理由缺少证据（指标、客户、引用或链接）。' },
    defaultSeverity: 'warning',
    messages: ['missing-proof.noProof'],
    fixable: false,
  },
  check(context) {
    reportCheckProblems(context, 'missing-proof');
    reportHedgedProof(context);
  },
};
