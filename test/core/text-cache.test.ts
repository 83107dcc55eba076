// The caches that keep answers by text across lints: bounded, and holding only their keys' own characters (a
// key sliced from a document must not keep the document's text alive).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { TextCache } from '../../server/src/core/text-cache';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('TextCache', () => {
  it('keeps a working set as large as its bound across lints, and drops what is not used', () => {
    const cache = new TextCache<number>(100);
    const labels = Array.from({ length: 60 }, (_, i) => `label ${i}`);
    for (const l of labels) cache.set(l, l.length);
    // Lint after lint, the same 60 labels and 30 new ones each time (90 a lint, within the bound of 100): none of
    // the 60 is ever lost.
    for (let lint = 0; lint < 20; lint++) {
      for (const l of labels) assert.equal(cache.get(l), l.length, `${l} at lint ${lint}`);
      for (let k = 0; k < 30; k++) cache.set(`new ${lint} ${k}`, 0);
    }
    assert.equal(cache.get('new 0 0'), undefined);
  });

  it('gives back null answers (a label no element takes)', () => {
    const cache = new TextCache<string | null>(4);
    cache.set('Discussion', null);
    assert.equal(cache.get('Discussion'), null);
    assert.equal(cache.get('Other'), undefined);
  });

  it('does not keep the text a key was sliced from', () => {
    const cache = new TextCache<number>(16);
    // Sixteen versions of a 4 MB document, one label sliced from each (13 characters or more: shorter slices are
    // copies anyway) (in a function of its own: no version stays
    // on the stack).
    const fill = () => {
      for (let version = 0; version < 16; version++) {
        const label = `Label ${version} of the launch plan`;
        const text = `## ${label}\n` + 'x'.repeat(4 * 1024 * 1024);
        cache.set(text.slice(3, 3 + label.length), version);
      }
    };
    const before = heapAfterGc();
    fill();
    const grown = heapAfterGc() - before;
    assert.equal(cache.get('Label 10 of the launch plan'), 10);
    // Views would keep 64 MB; one version kept by the engine for a while is tolerated.
    assert.ok(grown < 6 * 1024 * 1024, `the cache holds ${(grown / 1024 / 1024).toFixed(1)} MB after 16 keys`);
  });
});
