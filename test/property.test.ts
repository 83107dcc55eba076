import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lintText } from '../server/src/core/lint';
import { BUILT_IN_CHECKLISTS } from '../server/src/core/checklist';

// Markdown-ish pieces, so the generator reaches the structures the rules look at, in both languages.
const headings = BUILT_IN_CHECKLISTS.flatMap((c) => c.elements.flatMap((e) => [...e.headings.en, ...e.headings.zh]));
const piece = fc.oneof(
  fc.constantFrom(...headings).map((h) => `\n## ${h}\n`),
  fc.constantFrom('---\n', '---\ntype: gtm-brief\n---\n', '---\ntype: [\n---\n', '| a | b |\n|---|---|\n| 1 | TBD |\n', '- ', '1. ', '> ', '```\n', '**Pains:** ', '<!-- pmm-lint-disable -->', '【待确认】', 'Q3', '最佳', 'best-in-class', '\r\n', '\n\n', '{{x}}', '[Insert x]', 'Unlike X, ', '针对'),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const markdown = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

function checkResult(text: string, filePath?: string) {
  const r = lintText(text, { filePath, onRuleError: (id, e) => assert.fail(`rule ${id} threw: ${(e as Error).stack}`) });
  for (const f of r.findings) {
    assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length, `${f.ruleId} span ${JSON.stringify(f.span)} outside 0..${text.length}`);
  }
  if (r.score !== null) assert.ok(r.score >= 0 && r.score <= 100);
}

describe('the engine never throws', () => {
  it('on arbitrary Unicode text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => checkResult(text, '/x/positioning.md')), { numRuns: 1500 });
  });
  it('on Markdown built from PMM headings, tables, lists, front matter and CJK', () => {
    fc.assert(fc.property(markdown, fc.constantFrom(undefined, '/d/gtm.md', '/d/定位.md'), (text, file) => checkResult(text, file)), { numRuns: 1500 });
  });
});
