import { reportCheckProblems, type Rule } from './rule';

export const positioningStatement: Rule = {
  meta: {
    id: 'positioning-statement',
    type: 'problem',
    description: {
      en: "The positioning statement misses a slot of Moore's template (For / who / is a / that / Unlike).",
      zh: '定位声明缺少 Moore 模板的某一部分（针对 / 需求 / 是一款 / 能够 / 与……不同）。',
    },
    defaultSeverity: 'warning',
    messages: ['positioning-statement.missingSlot', 'positioning-statement.missingSlots'],
    fixable: false,
  },
  check(context) {
    reportCheckProblems(context, 'positioning-statement');
  },
};
