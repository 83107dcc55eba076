// The engine's "never throws, every finding inside the text" properties, shared by test/core/property.test.ts
// (about 10,500 cases in npm test) and scripts/fuzz.ts (100,000 cases, `npm run fuzz`).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { BUILT_IN_CHECKLISTS } from '../server/src/core/checklist';
import { lintText } from '../server/src/core/lint';

const ROOT = path.resolve(__dirname, '..');

// Markdown-ish pieces, so the generator reaches the structures the rules look at, in both languages.
const headings = BUILT_IN_CHECKLISTS.flatMap((c) => c.elements.flatMap((e) => [...e.headings.en, ...e.headings.zh]));
const piece = fc.oneof(
  fc.constantFrom(...headings).map((h) => `\n## ${h}\n`),
  fc.constantFrom(
    '---\n', '---\ntype: gtm-brief\n---\n', '---\ntype: [\n---\n', '| a | b |\n|---|---|\n| 1 | TBD |\n', '- ', '1. ', '> ', '```\n', '**Pains:** ',
    '<!-- pmm-lint-disable -->', '<!-- pmm-lint-disable-next-line placeholder -->', '<div>', '</div>', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>',
    '<!--', '-->', '【待确认】', 'Q3', '最佳', 'best-in-class', '\r\n', '\r', '\n\n', '{{x}}', '[Insert x]', 'Unlike X, ', '针对', '[ref]: https://x.y', '[a][ref]', '\u0000', '\ufeff',
  ),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const markdown = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

const examples = ['en', 'zh'].flatMap((lang) =>
  fs.readdirSync(path.join(ROOT, 'examples', lang)).filter((f) => f.endsWith('.md')).map((f) => fs.readFileSync(path.join(ROOT, 'examples', lang, f), 'utf8')),
);
const mutation = fc.record({ at: fc.nat(), remove: fc.nat({ max: 40 }), insert: fc.oneof(piece, fc.constant('')) });
/** An example document with random cuts and insertions. */
const mutatedExample = fc.tuple(fc.constantFrom(...examples), fc.array(mutation, { minLength: 1, maxLength: 8 })).map(([text, edits]) =>
  edits.reduce((t, e) => {
    const at = e.at % (t.length + 1);
    return t.slice(0, at) + e.insert + t.slice(Math.min(t.length, at + e.remove));
  }, text),
);

export function checkResult(text: string, filePath?: string): void {
  const r = lintText(text, { filePath, onRuleError: (id, e) => assert.fail(`rule ${id} threw: ${(e as Error).stack}`) });
  for (const f of r.findings) {
    assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length, `${f.ruleId} span ${JSON.stringify(f.span)} outside 0..${text.length}`);
  }
  if (r.score !== null) assert.ok(r.score >= 0 && r.score <= 100);
}

const files = fc.constantFrom(undefined, '/d/gtm.md', '/d/定位.md', '/d/persona.md');

export const PROPERTIES = {
  'arbitrary Unicode text': fc.property(fc.string({ unit: 'binary', maxLength: 400 }), files, (text, file) => checkResult(text, file)),
  'Markdown built from PMM headings, tables, lists, front matter, HTML and CJK': fc.property(markdown, files, (text, file) => checkResult(text, file)),
  'mutations of the example documents': fc.property(mutatedExample, files, (text, file) => checkResult(text, file)),
};

/** Share of the runs per property (they sum to 1). */
export const SHARES: Record<keyof typeof PROPERTIES, number> = {
  'arbitrary Unicode text': 0.4,
  'Markdown built from PMM headings, tables, lists, front matter, HTML and CJK': 0.4,
  'mutations of the example documents': 0.2,
};
