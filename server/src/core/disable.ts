// Inline directives: <!-- pmm-lint-disable rule-a, rule-b -->, <!-- pmm-lint-enable ... -->,
// <!-- pmm-lint-disable-next-line ... -->, <!-- pmm-lint-disable-line ... -->. No rule ids = every rule.

import type { Parent, Root, RootContent } from 'mdast';
import type { DocumentModel } from './model';

interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  rules: string[] | null;
  line: number;
  /** Before any content (only front matter and comments above it): a `disable` here covers the front matter too. */
  leading: boolean;
}

const DIRECTIVE_RE = /<!--\s*pmm-lint-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;

export function readDirectives(model: DocumentModel): Directive[] {
  const out: Directive[] = [];
  if (!model.text.includes('pmm-lint-')) return out;
  // Only real HTML comments count: an example inside a code block is not a directive.
  let seenContent = false;
  const visit = (node: Root | RootContent) => {
    if (node.type === 'html') {
      DIRECTIVE_RE.lastIndex = 0;
      let m: RegExpExecArray | null;
      const start = node.position?.start.offset ?? 0;
      while ((m = DIRECTIVE_RE.exec(node.value)) !== null) {
        const ids = m[2].split(/[\s,]+/).map((s) => s.trim()).filter((s) => s && s !== '--');
        out.push({ kind: m[1] as Directive['kind'], rules: ids.length ? ids : null, line: model.lines.position(start + m.index).line, leading: !seenContent });
      }
      return;
    }
    if (node.type === 'root') {
      for (const child of node.children) {
        visit(child);
        if (child.type !== 'html' && child.type !== 'yaml') seenContent = true;
      }
      return;
    }
    if (node.type !== 'yaml') seenContent = true;
    if ('children' in node) for (const child of (node as Parent).children as RootContent[]) visit(child);
  };
  visit(model.root);
  return out;
}

/** A predicate: is this rule disabled on this (1-based) line? */
export function disabledPredicate(directives: Directive[]): (ruleId: string, line: number) => boolean {
  if (directives.length === 0) return () => false;
  return (ruleId, line) => {
    let disabled = false;
    for (const d of directives) {
      const applies = d.rules === null || d.rules.includes(ruleId);
      if (!applies) continue;
      if (d.kind === 'disable-next-line' && d.line + 1 === line) return true;
      if (d.kind === 'disable-line' && d.line === line) return true;
      if (d.line <= line || (d.kind === 'disable' && d.leading)) {
        if (d.kind === 'disable') disabled = true;
        else if (d.kind === 'enable') disabled = false;
      }
    }
    return disabled;
  };
}
