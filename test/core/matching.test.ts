import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../server/src/core/lint';
import { normalizeLabel } from '../../server/src/core/text';

const fm = (type: string) => `---\ntype: ${type}\nowner: Dana Li\nstatus: draft\nupdated: 2026-11-01\n---\n\n# Doc\n\n`;
const found = (text: string, id: string) => lintText(text).elements.find((e) => e.id === id)?.status;

describe('heading matching', () => {
  it('normalizes case, width, numbering, emoji and a trailing colon', () => {
    assert.equal(normalizeLabel('1. 🎯 Success Metrics：'), 'success metrics');
    assert.equal(normalizeLabel('一、成功指标'), '成功指标');
    assert.equal(normalizeLabel('（二）目标客户'), '目标客户');
    assert.equal(normalizeLabel('01 Launch Tier'), 'launch tier');
    assert.equal(normalizeLabel('ＳＵＣＣＥＳＳ　ＭＥＴＲＩＣＳ'), 'success metrics');
    assert.equal(normalizeLabel('**Pains:**'), 'pains');
  });

  it('finds elements under decorated headings', () => {
    const text = fm('gtm-brief') + '## 2.1 🚀 Success Metrics (first 30 days):\n\n- Activation ≥ 20% within 30 days of launch\n';
    assert.equal(found(text, 'success_metrics'), 'complete');
    const zh = fm('GTM方案') + '## 三、成功指标与衡量方式\n\n- 上线后 7 天内功能激活率 ≥ 20%\n';
    assert.equal(found(zh, 'success_metrics'), 'complete');
  });

  it('does not take a longer heading that only starts with a name', () => {
    const text = fm('gtm-brief') + '## Goals for the offsite\n\nTeam building.\n\n## 目标版本\n\nv2.\n';
    assert.equal(found(text, 'success_metrics'), 'missing');
  });

  it('finds bold lead-in labels and label lines when no heading names the element', () => {
    const text = fm('persona') + '## Morgan\n\n**Biggest challenges:**\n\n- Too many tools\n- No shared metrics\n\n- **Reports to:** VP Product\n';
    assert.equal(found(text, 'challenges'), 'complete');
    assert.equal(found(text, 'reports_to'), 'complete');
  });

  it('finds elements named by a table header or a table row label', () => {
    const byColumn = fm('gtm-brief') + '## Plan\n\n| Owners | Channels |\n|---|---|\n| Dana Li (PMM) | Blog, 2026-12-01, CTA: try it |\n';
    assert.equal(found(byColumn, 'owners'), 'complete');
    const byRow = fm('message-house') + '| **Promise** | Ship without fear |\n|---|---|\n| **Pain points** | Releases break on Fridays |\n';
    assert.equal(found(byRow, 'pillar_promise'), 'complete');
    assert.equal(found(byRow, 'pillar_pain'), 'complete');
  });
});
