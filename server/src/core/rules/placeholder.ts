import { elementAt, type Rule } from './rule';

export const placeholder: Rule = {
  meta: {
    id: 'placeholder',
    type: 'problem',
    description: { en: 'Template text or a placeholder (TBD, {{var}}, [Insert ...], 待补充) is left in the document.', zh: '文档中留有模板文字或占位符（TBD、{{var}}、[Insert ...]、待补充）。' },
    defaultSeverity: 'error',
    messages: ['placeholder.found'],
    fixable: false,
  },
  check({ analysis, report }) {
    for (const hit of analysis.placeholders) {
      report({ elementId: elementAt(analysis, hit.span.start), messageId: 'placeholder.found', data: { text: hit.text }, span: hit.span });
    }
  },
};
