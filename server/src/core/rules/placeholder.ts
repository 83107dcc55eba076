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
    messages: {
      'placeholder.found': {
        en: "Placeholder '{text}' left in the document: replace it with the real content.",
        zh: '文档里还留着占位符「{text}」：请换成实际内容。',
      },
      'placeholder.draftSection': {
        en: "To do: fill in the placeholder '{text}' in '{heading}'.|To do: {count} placeholders left in '{heading}', starting with '{text}'.",
        zh: '待办：「{heading}」里的占位符「{text}」还没填。|待办：「{heading}」里还有 {count} 处占位符没填，第一处是「{text}」。',
      },
      'placeholder.draftDocument': {
        en: "To do: fill in the placeholder '{text}'.|To do: {count} placeholders left, starting with '{text}'.",
        zh: '待办：占位符「{text}」还没填。|待办：还有 {count} 处占位符没填，第一处是「{text}」。',
      },
    },
    fixable: false,
  },
  check({ analysis, report }) {
    for (const hit of analysis.placeholders) {
      report({ elementId: elementAt(analysis, hit.span.start), messageId: 'placeholder.found', data: { text: hit.text }, span: hit.span });
    }
  },
};
