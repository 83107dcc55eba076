// The engine never throws and every finding lies inside the text: 10,500 generated cases per run
// (`npm run fuzz` runs 100,000).
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { PROPERTIES, SHARES } from '../../tools/fuzz';

const TOTAL = 10_500;

describe('the engine never throws', () => {
  for (const [name, property] of Object.entries(PROPERTIES)) {
    it(`on ${name}`, () => {
      fc.assert(property, { numRuns: Math.round(TOTAL * SHARES[name as keyof typeof SHARES]) });
    });
  }
});
