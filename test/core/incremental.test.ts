// Incremental parsing equals a full parse: random documents, random edits, the spliced tree deep-equals the
// tree of a fresh parse (node types, values and every position).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseIncrementally, hasDefinitions } from '../../server/src/core/incremental';
import { parseMarkdown } from '../../server/src/core/parse';

const block = fc.oneof(
  fc.constantFrom(
    '## Success metrics\n\n- 500 workspaces by 2027-03-31\n',
    '## 成功指标\n\n| 指标 | 目标 |\n|---|---|\n| 转化率 | 15% |\n',
    '# Title\n',
    '### Sub\n\nText with **bold** and [a link](https://x.y).\n',
    'Setext heading\n---\n',
    'Another\n===\n',
    '```\ncode # not a heading\n```\n',
    '```js\nunclosed\n',
    '<!-- comment -->\n',
    '<!-- open comment\n',
    '<div>\nhtml\n</div>\n',
    '> quote\n> more\n',
    '- a\n- b\n\n- c\n',
    '1. one\n2. two\n',
    '    indented code\n',
    'See [ref] and [x][ref].\n',
    '- [ ] task\n- [x] done\n',
    '* star\n+ plus\n',
    '1) paren\n',
    '  - nested\n    - deeper\n',
    'lazy\n> quote\ncontinued\n',
    'Paragraph line one\nline two\n',
    'Plain paragraph at column 0.\n',
    '<span>inline html</span> text\n',
    '| a | b |\n|---|---|\n',
    '[ref]: https://example.com\n',
    '~~gone~~ text\n',
    '***\n',
    '\n',
    '\r\n',
  ),
  fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => s + '\n'),
);
// One document in ten defines a link reference (those are always parsed in full).
const doc = fc
  .tuple(fc.boolean(), fc.array(block, { minLength: 1, maxLength: 25 }), fc.nat({ max: 9 }))
  .map(([fm, blocks, n]) => (fm ? '---\ntype: gtm-brief\n---\n\n' : '') + blocks.join('\n') + (n === 0 ? '\n[ref]: https://example.com\n' : ''));
const insert = fc.oneof(
  fc.constantFrom('x', '\n', '#', '## ', '```', '---', '===', '\n\n', '- ', '* ', '1. ', '  ', '    ', '|', '<!--', '-->', '<div>', '[r]: u', '\n## New\n', '> '),
  fc.string({ maxLength: 6 }),
);
const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), text: insert });

describe('incremental parsing', () => {
  it('gives the tree a full parse gives, after random edits', () => {
    let incremental = 0;
    let total = 0;
    fc.assert(
      fc.property(doc, fc.array(edit, { minLength: 1, maxLength: 6 }), (initial, edits) => {
        let previous = { text: initial, root: parseMarkdown(initial), definitions: false };
        previous.definitions = hasDefinitions(previous.root);
        for (const e of edits) {
          const at = e.at % (previous.text.length + 1);
          const text = previous.text.slice(0, at) + e.text + previous.text.slice(Math.min(previous.text.length, at + e.remove));
          const result = parseIncrementally(previous, text, parseMarkdown);
          total++;
          if (result.stats.incremental) incremental++;
          assert.deepStrictEqual(result.root, parseMarkdown(text), `edit at ${at}: ${JSON.stringify(e.text)} in ${JSON.stringify(previous.text)}`);
          previous = result;
        }
      }),
      { numRuns: Number(process.env.PMM_PROPERTY_RUNS) || 1000 },
    );
    // The test must exercise the splice, not only the fallbacks.
    assert.ok(incremental >= 300 && incremental > total * 0.1, `${incremental} of ${total} edits were incremental`);
  });

  it('falls back where a splice would differ (review cases)', () => {
    const cases: Array<[string, number, number, string]> = [
      // A definition typed inside a quote resolves a reference in another section.
      ['# A\n\nsee [foo]\n\n# B\n\ntext\n', '# A\n\nsee [foo]\n\n# B\n\n'.length, 4, '> [foo]: https://x'],
      // An indented heading after the window joins a list the edit creates.
      ['# A\n\npara\n\n  # B\n', '# A\n\n'.length, 0, '- '],
      // A window that starts with `---`: the front matter syntax reads it first.
      ['! \n\n---\n\n\n\n1) paren\n', 13, 0, '    '],
      // A CRLF blank line before the block after the window, which the edit fills.
      ['para\n\nmore\n\r\nx\n', 'para\n\nmore\n'.length, 0, 'x'],
      // An HTML comment left open in a list item at the window's end takes in the blank lines after it.
      ['P\n\n- [ ] task\n- [x] done\n\n\n\n## H\n', 'P\n\n- [ ] task\n- [x] '.length, 0, '<!--'],
      // After indented code micromark reads an empty list item as text; after the paragraph the edit makes, as a list.
      ['# T\n\npara\n\nabc\n\n    indented code\n\n1. \n', '# T\n\npara\n\nabc'.length, 2, ''],
      // A list at the window's end continued by the list after it.
      ['para\n\ntext\n\n- b\n', 'para\n\n'.length, 4, '- a'],
    ];
    for (const [before, at, remove, insert] of cases) {
      const previous = { text: before, root: parseMarkdown(before), definitions: false };
      const next = before.slice(0, at) + insert + before.slice(at + remove);
      assert.deepStrictEqual(parseIncrementally(previous, next, parseMarkdown).root, parseMarkdown(next), JSON.stringify(next));
    }
  });

  // The block the keystroke is in, and the one before when the keystroke is on the block's first line.
  it('re-parses only the blocks around a keystroke between blank lines', () => {
    const body = Array.from({ length: 50 }, (_, i) => `Paragraph ${i} with some words.\n\n- item ${i}\n- more ${i}\n`).join('\n');
    const text = `# Doc\n\n${body}`;
    for (const needle of ['Paragraph 20', 'more 30']) {
      // A fresh tree each time: a splice retires (moves) the one it reuses.
      const previous = { text, root: parseMarkdown(text), definitions: false };
      const at = text.indexOf(needle) + 5;
      const next = text.slice(0, at) + 'x' + text.slice(at);
      const result = parseIncrementally(previous, next, parseMarkdown);
      assert.equal(result.stats.incremental, true);
      assert.ok(result.stats.windowEnd - result.stats.windowStart < 60, `${needle}: window ${JSON.stringify(next.slice(result.stats.windowStart, result.stats.windowEnd))}`);
      assert.deepStrictEqual(result.root, parseMarkdown(next));
    }
  });

  it('re-parses only the section around a keystroke in a long document', () => {
    const sections = Array.from({ length: 200 }, (_, i) => `## Section ${i}\n\nParagraph ${i} with some words.\n\n- item ${i}\n`).join('\n');
    const text = `# Doc\n\n${sections}`;
    const previous = { text, root: parseMarkdown(text), definitions: false };
    const at = text.indexOf('Paragraph 100') + 5;
    const next = text.slice(0, at) + 'x' + text.slice(at);
    const result = parseIncrementally(previous, next, parseMarkdown);
    assert.equal(result.stats.incremental, true);
    assert.ok(result.stats.windowEnd - result.stats.windowStart < 100, `window ${result.stats.windowEnd - result.stats.windowStart} chars`);
    assert.deepStrictEqual(result.root, parseMarkdown(next));
  });
});
