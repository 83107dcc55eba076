import { reportCheckProblems, type Rule } from './rule';
import { reportVagueComparatives } from './vague-comparative';

export const vagueMetric: Rule = {
  meta: {
    id: 'vague-metric',
    type: 'problem',
    description: { en: 'A success metric or value has no number, or no timeframe or baseline.', zh: '成功指标或价值没有数字，或没有时间范围/基线。' },
    defaultSeverity: 'warning',
    messages: ['vague-metric.noNumber', 'vague-metric.noTimeframe', 'vague-metric.sectionNoNumber', 'vague-metric.targetNoNumber', 'vague-metric.rowNoTimeframe', 'vague-metric.comparative'],
    fixable: false,
  },
  check(context) {
    reportCheckProblems(context, 'vague-metric');
    reportVagueComparatives(context);
  },
};
