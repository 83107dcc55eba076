// outermost() (elements.ts): the sweep used for many candidates gives the same answer as each-against-each.

import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { outermost } from '../../server/src/core/elements';

type Ranked = Parameters<typeof outermost>[0][number];

function candidate(start: number, headLength: number, length: number): Ranked {
  return { cand: { span: { start: start + headLength, end: start + headLength + 1 }, fullSpan: { start, end: start + length } }, score: 1 } as unknown as Ranked;
}

const naive = (kept: Ranked[]) =>
  kept.filter((x) => !kept.some((y) => y !== x && y.cand.fullSpan.start < x.cand.span.start && x.cand.fullSpan.end <= y.cand.fullSpan.end));

describe('outermost candidates', () => {
  it('equals each-against-each on 2,000 random sets of 65 to 300 candidates (ties, nesting, equal spans)', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let round = 0; round < 2000; round++) {
      const n = 65 + rand(236);
      const list = Array.from({ length: n }, () => candidate(rand(500), rand(3), 1 + rand(rand(2) ? 400 : 20)));
      // Sometimes two candidates with the same spans (each holds the other).
      if (rand(4) === 0) list.push(candidate(list[0].cand.fullSpan.start, list[0].cand.span.start - list[0].cand.fullSpan.start, list[0].cand.fullSpan.end - list[0].cand.fullSpan.start));
      assert.deepEqual(outermost(list), naive(list), `round ${round}`);
    }
  });

  it('50,000 candidates in well under a second', () => {
    const list = Array.from({ length: 50_000 }, (_, i) => candidate(i * 30, 10, 25));
    const t0 = performance.now();
    assert.equal(outermost(list).length, 50_000);
    assert.ok(performance.now() - t0 < 1000);
  });
});
