import type { Rule } from './rule';

export const elementOrder: Rule = {
  meta: {
    id: 'element-order',
    type: 'suggestion',
    description: { en: 'Elements are out of the order the checklist asks for (e.g. competitive alternatives before market category).', zh: '要素顺序与清单要求不符（如竞争替代方案应在市场类别之前）。' },
    defaultSeverity: 'warning',
    messages: {
      'element-order.order': {
        en: "'{title}' comes before '{otherTitle}': work out {otherTitle} first and put it earlier.",
        zh: '「{title}」排在「{otherTitle}」前面：请先梳理「{otherTitle}」，并把它移到前面。',
      },
      'element-order.related': {
        en: "'{otherTitle}' is here.",
        zh: '「{otherTitle}」在这里。',
      },
    },
    fixable: false,
  },
  check({ analysis, report }) {
    const titles = new Map(analysis.checklist.elements.map((e) => [e.id, e.title]));
    for (const [first, second] of analysis.checklist.order ?? []) {
      const a = analysis.matches.get(first)?.candidates[0];
      const b = analysis.matches.get(second)?.candidates[0];
      if (!a || !b || a.span.start < b.span.start) continue;
      const ta = titles.get(first)!;
      const tb = titles.get(second)!;
      report({
        elementId: second,
        messageId: 'element-order.order',
        data: { title: tb.en, titleZh: tb.zh, otherTitle: ta.en, otherTitleZh: ta.zh },
        span: b.span,
        related: [{ span: a.span, messageId: 'element-order.related', data: { otherTitle: ta.en, otherTitleZh: ta.zh } }],
      });
    }
  },
};
