import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../server/src/core/lint';

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');
const files = ['en', 'zh'].flatMap((lang) => fs.readdirSync(path.join(EXAMPLES, lang)).map((f) => path.join(EXAMPLES, lang, f)));
const lint = (file: string) => lintText(fs.readFileSync(file, 'utf8'), { filePath: file });
const lineOf = (file: string, offset: number) => fs.readFileSync(file, 'utf8').slice(0, offset).split('\n').length;

/**
 * Findings the engine gives on a good example that a reviewer would not give: engine bugs, reported, kept out of the
 * example's wording so that it reads as a real team wrote it. Each is `rule@line`. When the engine is fixed, the
 * entry's own check fails: delete the entry.
 */
const KNOWN_FALSE_FINDINGS: Record<string, string[]> = {};

describe('bundled examples', () => {
  it('cover the seven types, a good and a flawed one each, at least three types per language', () => {
    const types = new Map<string, Set<string>>();
    for (const f of files) {
      const [type, kind] = path.basename(f, '.md').split('.');
      const lang = path.basename(path.dirname(f));
      types.set(type, (types.get(type) ?? new Set()).add(`${lang}:${kind}`));
    }
    assert.deepEqual([...types.keys()].sort(), ['battlecard', 'feedback-brief', 'gtm-brief', 'insight', 'message-house', 'persona', 'positioning']);
    for (const [type, kinds] of types) assert.ok([...kinds].some((k) => k.endsWith(':good')) && [...kinds].some((k) => k.endsWith(':flawed')), type);
    for (const lang of ['en', 'zh']) assert.ok(new Set(files.filter((f) => f.includes(`/${lang}/`)).map((f) => path.basename(f).split('.')[0])).size >= 3);
    // Chinese has every type, a good and a flawed one each.
    const zh = files.filter((f) => f.includes('/zh/')).map((f) => path.basename(f, '.md')).sort();
    assert.deepEqual(zh, [...types.keys()].sort().flatMap((t) => [`${t}.flawed`, `${t}.good`]));
  });

  it('the Chinese examples quote with “” and give Chinese statuses', () => {
    for (const file of files.filter((f) => f.includes('/zh/'))) {
      const text = fs.readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /"/u, `${path.basename(file)}: straight quotes in Chinese text`);
      assert.match(text, /^status: (?:草稿|评审中|已批准)$/mu, path.basename(file));
    }
  });

  for (const file of files.filter((f) => f.endsWith('.good.md'))) {
    it(`${path.relative(EXAMPLES, file)} is complete and clean`, () => {
      const r = lint(file);
      assert.equal(r.docType, path.basename(file).split('.')[0]);
      assert.equal(r.score, 100);
      assert.deepEqual(r.elements.filter((e) => e.status !== 'complete').map((e) => [e.id, e.reasons]), []);
      const known = KNOWN_FALSE_FINDINGS[path.relative(EXAMPLES, file)] ?? [];
      const key = (f: (typeof r.findings)[number]) => `${f.ruleId}@${lineOf(file, f.span.start)}`;
      assert.deepEqual(r.findings.filter((f) => f.severity !== 'info' && !known.includes(key(f))).map((f) => `${f.ruleId}: ${f.message}`), []);
      for (const k of known) assert.ok(r.findings.some((f) => key(f) === k), `${k} is fixed: remove it from KNOWN_FALSE_FINDINGS`);
    });
  }

  for (const file of files.filter((f) => f.endsWith('.flawed.md'))) {
    it(`${path.relative(EXAMPLES, file)} shows its flaws`, () => {
      const r = lint(file);
      assert.equal(r.docType, path.basename(file).split('.')[0]);
      assert.ok(r.score! < 70, `score ${r.score}`);
      const rules = new Set(r.findings.map((f) => f.ruleId));
      for (const expected of ['required-element', 'placeholder', 'empty-section', 'unproven-claim']) assert.ok(rules.has(expected), `${expected} in ${[...rules]}`);
      assert.ok(r.elements.some((e) => e.status === 'missing') && r.elements.some((e) => e.status === 'weak'));
    });
  }

  it('the positioning examples show order and the missing Unlike in both languages', () => {
    for (const lang of ['en', 'zh']) {
      const r = lint(path.join(EXAMPLES, lang, 'positioning.flawed.md'));
      const order = r.findings.find((f) => f.ruleId === 'element-order');
      assert.equal(order?.elementId, 'market_category');
      assert.equal(order?.related?.length, 1);
      const unlike = r.findings.find((f) => f.ruleId === 'positioning-statement' && f.severity === 'error');
      assert.equal(unlike?.data.slot, 'Unlike');
    }
  });

  it('the README of the examples folder is not a PMM document', () => {
    const r = lint(path.join(EXAMPLES, 'README.md'));
    assert.equal(r.docType, null);
    assert.deepEqual(r.findings, []);
  });
});
