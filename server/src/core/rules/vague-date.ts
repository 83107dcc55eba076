import { vagueFrontMatterDates } from './front-matter';
import { reportCheckProblems, type Rule } from './rule';

export const vagueDate: Rule = {
  meta: {
    id: 'vague-date',
    type: 'problem',
    description: { en: 'A timeline or launch date is vague ("Q3", "soon", 下个月) instead of a calendar date.', zh: '时间线或发布日期不明确（“Q3”“近期”“下个月”），应写具体日期。' },
    defaultSeverity: 'warning',
    messages: ['vague-date.vague', 'vague-date.noDate'],
    fixable: false,
  },
  check(context) {
    reportCheckProblems(context, 'vague-date');
    for (const v of vagueFrontMatterDates(context.analysis)) {
      context.report({ messageId: 'vague-date.vague', data: { title: v.key, text: v.text }, span: v.span });
    }
  },
};
