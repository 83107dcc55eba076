// Inline directives hide a finding and the weakness it caused: a disabled line leaves the element complete and the
// score moves with it; a directive for another rule, or for only some of the lines at fault, leaves it weak.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../server/src/core/lint';

const GOOD = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'en', 'gtm-brief.good.md'), 'utf8');

/** The good GTM brief with its success metrics replaced. */
function withMetrics(metrics: string, top = ''): string {
  const start = GOOD.indexOf('## Success metrics');
  const end = GOOD.indexOf('## Owners');
  const text = GOOD.slice(0, start) + '## Success metrics\n\n' + metrics + '\n\n' + GOOD.slice(end);
  return top ? text.replace('# GTM brief', `${top}\n\n# GTM brief`) : text;
}

function lint(text: string) {
  const result = lintText(text, { filePath: 'gtm-brief.md' });
  const metrics = result.elements.find((e) => e.id === 'success_metrics')!;
  return { result, metrics, ruleIds: result.findings.map((f) => f.ruleId) };
}

const VAGUE = '- Grow alert adoption a lot';
const FIGURE = '- 150 paid Starter workspaces by 2027-05-10';

describe('disable directives and element status', () => {
  const flawed = lint(withMetrics(`${VAGUE}\n${FIGURE}`));

  it('a vague metric makes the element weak (the starting point)', () => {
    assert.deepEqual(flawed.ruleIds, ['vague-metric']);
    assert.equal(flawed.metrics.status, 'weak');
    assert.equal(flawed.metrics.reasons.length, 1);
    assert.ok(flawed.result.score! < 100);
  });

  for (const [name, list, top] of [
    ['disable-next-line', `<!-- pmm-lint-disable-next-line vague-metric -->\n${VAGUE}\n${FIGURE}`, ''],
    ['disable-line', `${VAGUE} <!-- pmm-lint-disable-line vague-metric -->\n${FIGURE}`, ''],
    ['a disable for the whole file', `${VAGUE}\n${FIGURE}`, '<!-- pmm-lint-disable vague-metric -->'],
    ['a disable of every rule', `${VAGUE}\n${FIGURE}`, '<!-- pmm-lint-disable -->'],
  ] as const) {
    it(`${name}: no finding, the element complete, the score higher`, () => {
      const { result, metrics, ruleIds } = lint(withMetrics(list, top));
      assert.deepEqual(ruleIds, []);
      assert.equal(metrics.status, 'complete');
      assert.deepEqual(metrics.reasons, []);
      assert.ok(result.score! > flawed.result.score!, `${result.score} > ${flawed.result.score}`);
      assert.equal(result.score, 100);
    });
  }

  it('a directive for another rule leaves the element weak', () => {
    const { result, metrics, ruleIds } = lint(withMetrics(`<!-- pmm-lint-disable-next-line vague-date -->\n${VAGUE}\n${FIGURE}`));
    assert.deepEqual(ruleIds, ['vague-metric']);
    assert.equal(metrics.status, 'weak');
    assert.equal(result.score, flawed.result.score);
  });

  it('disabling one of two lines at fault leaves the element weak', () => {
    const { result, metrics, ruleIds } = lint(withMetrics(`<!-- pmm-lint-disable-next-line vague-metric -->\n${VAGUE}\n- Make churn go down\n${FIGURE}`));
    assert.deepEqual(ruleIds, ['vague-metric']);
    assert.equal(metrics.status, 'weak');
    assert.equal(result.score, flawed.result.score);
  });

  it('a placeholder: disabling its line drops the weakness', () => {
    const placeholder = lint(withMetrics(`${FIGURE}\n- [TBD] activation target`));
    assert.ok(placeholder.ruleIds.includes('placeholder'));
    assert.equal(placeholder.metrics.status, 'weak');
    const disabled = lint(withMetrics(`${FIGURE}\n- [TBD] activation target <!-- pmm-lint-disable-line placeholder, vague-metric -->`));
    assert.deepEqual(disabled.ruleIds, []);
    assert.equal(disabled.metrics.status, 'complete');
    assert.ok(disabled.result.score! > placeholder.result.score!);
  });
});
