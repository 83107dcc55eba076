// Answers kept by text across lints (the editor lints a document again at every keystroke, and most of its labels
// and blocks are the ones it had the keystroke before).

import type { Root, RootContent } from 'mdast';
import { relativeRuns } from './nodes';

/**
 * A copy of a string that holds only its own characters. V8 makes a slice of a long string (every value the
 * Markdown parser gives is one) a view that keeps the whole string alive: a cache key that is such a view keeps
 * the document's text of that version alive with it, a megabyte per entry for a 1 MB document.
 */
export function ownCopy(s: string): string {
  // The concatenation is flattened into a new string by slice(); the slice is a view of that string only.
  return (" " + s).slice(1);
}

/**
 * A map from text to answers with a bound: two generations of up to `size` entries each. A hit in the older one
 * moves to the newer; when the newer is full, the older is dropped. A working set up to `size` is never lost
 * (a plain map cleared when full lost all of it at each lint of a document with more labels than its bound).
 */
export class TextCache<V> {
  private newer = new Map<string, V>();
  private older = new Map<string, V>();

  constructor(private readonly size: number) {}

  get(key: string): V | undefined {
    const v = this.newer.get(key);
    if (v !== undefined) return v;
    const old = this.older.get(key);
    if (old !== undefined) {
      this.older.delete(key);
      this.set(key, old);
    }
    return old;
  }

  set(key: string, value: V): void {
    if (this.newer.size >= this.size) {
      this.older = this.newer;
      this.newer = new Map();
    }
    this.newer.set(ownCopy(key), value);
  }

  clear(): void {
    this.newer.clear();
    this.older.clear();
  }
}

/**
 * What a document's lints keep from one keystroke to the next, by owner (a rule's expression, say): the editor
 * keeps one per open document, with its parse; the CLI, which lints each file once, passes none.
 */
export class LintMemo {
  private readonly caches = new Map<object, TextCache<unknown>>();

  /** The cache of `owner`, made with room for `size` answers a generation on first use. */
  cache<V>(owner: object, size: number): TextCache<V> {
    let cache = this.caches.get(owner);
    if (!cache) this.caches.set(owner, (cache = new TextCache(size)));
    return cache as TextCache<V>;
  }
}

/** A block's matches, relative to the block, with the text runs they were read in (null: the pre-test failed). */
interface BlockEntry {
  runs: number[] | null;
  matches: readonly unknown[];
}

const NOTHING: BlockEntry = Object.freeze({ runs: null, matches: Object.freeze([]) });

/** Room for the blocks of a document at maxFileSize (2 MiB: some 40,000 blocks). */
const BLOCKS_KEPT = 32_768;

/**
 * A block's matches for `owner` (a rule's expression; its reading must depend on the block alone), relative to
 * the block: none when `pretest` fails on the block's text, else `read(blockText, runs)` over its text runs. With
 * a memo (the editor) the answer is kept by the block's text, and read again only when the same text comes in
 * other runs (a link reference resolved differently); a keystroke changes one block, the others are answered from
 * the memo. Matches kept must not hold slices of the document (see ownCopy).
 */
export function blockMatches<T>(
  memo: LintMemo | undefined,
  owner: object,
  node: Root | RootContent,
  blockStart: number,
  blockText: string,
  pretest: RegExp,
  read: (blockText: string, runs: readonly number[]) => T[],
): readonly T[] {
  const cache = memo?.cache<BlockEntry>(owner, BLOCKS_KEPT);
  let known = cache?.get(blockText);
  if (!known && !pretest.test(blockText)) {
    cache?.set(blockText, NOTHING);
    known = NOTHING;
  }
  // Failed the pre-test: no match, whatever its runs.
  if (known === NOTHING) return NOTHING.matches as readonly T[];
  const runs = relativeRuns(node, blockStart);
  if (!known || !sameNumbers(known.runs!, runs)) {
    known = { runs, matches: read(blockText, runs) };
    cache?.set(blockText, known);
  }
  return known.matches as readonly T[];
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
