// npm run fuzz [total]: the engine's properties (tools/fuzz.ts) over 100,000 generated cases by default;
// prints the count per property and the seed of each run, so a failure can be replayed.
import fc from 'fast-check';
import { PROPERTIES, SHARES } from '../tools/fuzz';

const total = Number(process.argv[2]) || 100_000;
let cases = 0;
const t0 = Date.now();
for (const [name, property] of Object.entries(PROPERTIES)) {
  const numRuns = Math.round(total * SHARES[name as keyof typeof SHARES]);
  const seed = Date.now() ^ (Math.random() * 0x7fffffff);
  const started = Date.now();
  fc.assert(property, { numRuns, seed });
  cases += numRuns;
  console.log(`${numRuns.toLocaleString('en')} cases: ${name} (seed ${seed}, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
console.log(`${cases.toLocaleString('en')} cases passed in ${((Date.now() - t0) / 1000).toFixed(1)} s: no throw, every finding inside its text.`);
