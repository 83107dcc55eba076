// Small helpers over mdast nodes: a node's span, its text runs, appending long lists.
import type { Root, RootContent } from 'mdast';
import type { Span } from './types';

export function spanOf(node: { position?: { start: { offset?: number }; end: { offset?: number } } }): Span {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

/** The spans of a node's text, outside code, inline code, HTML and front matter: the author's own words. */
export function* textRuns(node: Root | RootContent): Generator<Span> {
  if (node.type === 'code' || node.type === 'html' || node.type === 'yaml' || node.type === 'inlineCode') return;
  if (node.type === 'text') {
    yield spanOf(node);
    return;
  }
  if ('children' in node) for (const child of node.children as RootContent[]) yield* textRuns(child);
}

/** Appends `from` to `into` one by one: `into.push(...from)` throws a RangeError past ~100,000 elements. */
export function pushAll<T>(into: T[], from: readonly T[]): void {
  for (const x of from) into.push(x);
}

/** The text runs of a block (see textRuns) as start, end pairs relative to `at`. */
export function relativeRuns(node: Root | RootContent, at: number): number[] {
  const out: number[] = [];
  for (const run of textRuns(node)) out.push(run.start - at, run.end - at);
  return out;
}
