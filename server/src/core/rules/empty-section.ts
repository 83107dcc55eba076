import type { RootContent } from 'mdast';
import { elementAt, type Rule } from './rule';

/** Blocks that hold nothing a reader would call content. */
function isContent(node: RootContent): boolean {
  if (node.type === 'html') return !/^\s*<!--[\s\S]*-->\s*$/.test(node.value);
  return node.type !== 'thematicBreak' && node.type !== 'definition';
}

export const emptySection: Rule = {
  meta: {
    id: 'empty-section',
    type: 'problem',
    description: { en: 'A heading has no content under it.', zh: '标题下没有内容。' },
    defaultSeverity: 'warning',
    messages: {
      'empty-section.empty': {
        en: "Section '{heading}' is empty: write its content or remove the heading.",
        zh: '「{heading}」下面没有内容：请补上内容，或删掉这个标题。',
      },
    },
    fixable: false,
  },
  check({ analysis, report }) {
    for (const section of analysis.model.sections) {
      if (section.children.length > 0 || section.blocks.some(isContent)) continue;
      report({
        elementId: elementAt(analysis, section.headingSpan.start),
        messageId: 'empty-section.empty',
        data: { heading: section.heading.trim() },
        span: section.headingSpan,
      });
    }
  },
};
