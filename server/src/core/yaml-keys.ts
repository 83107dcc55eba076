// Keys of a YAML document: duplicates, found in time linear in its size (the yaml package's own `uniqueKeys`
// compares every key of a mapping with every other: a config of 20,000 keys took 3.6 s; 60,000: 40 s), and the
// top-level keys with the places of their values, from the parser's node ranges.

import { isMap, isNode, isScalar, isSeq, type Document } from 'yaml';

/** The same message as the yaml package's. */
export const DUPLICATE_KEY_MESSAGE = 'Map keys must be unique';

/** The first key given twice in one mapping (its second place), or null. */
export function duplicateKey(doc: Document): { key: string; offset: number } | null {
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const k = pair.key;
        if (isScalar(k)) {
          const name = String(k.value);
          if (seen.has(name)) return { key: name, offset: k.range?.[0] ?? 0 };
          seen.add(name);
        } else if (k !== null && typeof k === 'object') {
          stack.push(k);
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return null;
}

/** A top-level key of a YAML mapping, with where it and its value are (offsets into the parsed text). */
export interface YamlEntry {
  key: string;
  keyRange: [number, number];
  /** The value without a trailing comment; null for an empty value (`type:`). */
  valueRange: [number, number] | null;
}

/**
 * The top-level keys of a document whose contents is a mapping, in order. With broken YAML the parser still gives
 * the keys it read, with their places.
 */
export function topLevelEntries(doc: Document): YamlEntry[] {
  const map = doc.contents;
  if (!isMap(map)) return [];
  const entries: YamlEntry[] = [];
  for (const pair of map.items) {
    const k = pair.key;
    if (!isScalar(k) || !k.range) continue;
    const v = pair.value;
    const valueRange: [number, number] | null = isNode(v) && v.range && v.range[1] > v.range[0] ? [v.range[0], v.range[1]] : null;
    entries.push({ key: String(k.value), keyRange: [k.range[0], k.range[1]], valueRange });
  }
  return entries;
}
