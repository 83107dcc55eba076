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

type DirectiveKind = Directive['kind'];

/** The directive syntax, in one place: `<!-- pmm-lint-<kind> rule-a, rule-b -->`. */
const DIRECTIVE_RE = /<!--\s*pmm-lint-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;

/** A directive comment's kind and rule ids (null: every rule), with where it is in the text searched. */
export interface ParsedDirective {
  kind: DirectiveKind;
  rules: string[] | null;
  index: number;
  length: number;
}

/** The directive comments in a text (an HTML node's value, or text at a place where one may start). */
export function parseDirectives(text: string): ParsedDirective[] {
  const out: ParsedDirective[] = [];
  DIRECTIVE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DIRECTIVE_RE.exec(text)) !== null) {
    const ids = m[2].split(/[\s,]+/).map((s) => s.trim()).filter((s) => s && s !== '--');
    out.push({ kind: m[1] as DirectiveKind, rules: ids.length ? ids : null, index: m.index, length: m[0].length });
  }
  return out;
}

/** The directive comment that starts a text, if any. */
export function directiveAtStart(text: string): ParsedDirective | null {
  if (!/^<!--\s*pmm-lint-/.test(text)) return null;
  const end = text.indexOf('-->');
  const first = end < 0 ? null : parseDirectives(text.slice(0, end + 3))[0];
  return first && first.index === 0 ? first : null;
}

/** The comment for a directive: what the quick fixes insert. */
export function directiveComment(kind: DirectiveKind, rules: readonly string[]): string {
  return `<!-- pmm-lint-${kind} ${rules.join(', ')} -->`;
}

export function readDirectives(model: DocumentModel): Directive[] {
  const out: Directive[] = [];
  if (!model.text.includes('pmm-lint-')) return out;
  // Only real HTML comments count: an example inside a code block is not a directive.
  let seenContent = false;
  const visit = (node: Root | RootContent) => {
    if (node.type === 'html') {
      const start = node.position?.start.offset ?? 0;
      for (const d of parseDirectives(node.value)) {
        out.push({ kind: d.kind, rules: d.rules, line: model.lines.position(start + d.index).line, leading: !seenContent });
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
