import { elementAt, type Rule } from './rule';

export const placeholder: Rule = {
  meta: {
    id: 'placeholder',
    type: 'problem',
    description: {
      en: 'Template text or a placeholder is left in the document: TBD, {{var}}, {Metric 1}, [target customer], YYYY-MM-DD, a bullet that is only "placeholder", "description" or "...", 待补充, 【产品名】, XXXX年XX月.',
      zh: '文档中留有模板文字或占位符：TBD、{{var}}、{Metric 1}、[target customer]、YYYY-MM-DD、只写着 placeholder、description 或“...”的条目、待补充、【产品名】、XXXX年XX月。',
    },
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
