import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatMessage, messageIds, t, localeFromEnv, type MessageId } from '../../server/src/core/i18n';
import { RULES } from '../../server/src/core/rules';
import { checkPositioningStatement } from '../../server/src/core/rules/positioning-statement';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1].replace(/Zh$/, '')).sort();

describe('messages', () => {
  it('every message exists in English and Chinese with the same placeholders', () => {
    assert.deepEqual(messageIds('en').sort(), messageIds('zh').sort());
    for (const id of messageIds('en')) {
      const en = placeholders(t('en', id));
      const zh = placeholders(t('zh', id));
      assert.deepEqual([...new Set(zh)], [...new Set(en)].filter((p) => zh.includes(p)), id);
      assert.deepEqual(new Set(en), new Set(zh), `placeholders differ for ${id}`);
    }
  });
  it('every rule message is in the catalog (from its meta) and every rule is described in both languages', () => {
    const ids = new Set<string>(messageIds('en'));
    for (const rule of RULES) {
      for (const [id, text] of Object.entries(rule.meta.messages) as Array<[MessageId, { en: string; zh: string }]>) {
        assert.ok(ids.has(id) && id.startsWith(`${rule.meta.id}.`), id);
        // The catalog holds the meta's text: the same message for one and for several (plurals pick their half).
        for (const count of [1, 2]) {
          assert.equal(t('en', id, { count }), formatMessage('en', text.en, { count }), id);
          assert.equal(t('zh', id, { count }), formatMessage('zh', text.zh, { count }), id);
        }
      }
      assert.ok(rule.meta.description.en && rule.meta.description.zh);
    }
  });
  it('fills data, picks the Chinese variant and plurals', () => {
    const data = { title: 'Owners', titleZh: '负责人', complete: 'Named people.', completeZh: '具体的人。' };
    assert.equal(t('en', 'required-element.missing', data), "Missing element 'Owners' (负责人): Named people.");
    assert.equal(t('zh', 'required-element.missing', data), '缺少要素「负责人」（Owners）：具体的人。');
    assert.equal(t('en', 'cli.errors', { count: 1 }), '1 error');
    assert.equal(t('en', 'cli.errors', { count: 2 }), '2 errors');
  });
  it('Chinese messages quote with 「」, write front matter one way and use no English slot names', () => {
    for (const id of messageIds('zh')) {
      const zh = t('zh', id);
      assert.doesNotMatch(zh, /[“”"]/u, `${id}: quote the user's words with 「」`);
      assert.doesNotMatch(zh, /Front matter|Front Matter|文档头信息/u, `${id}: the term is "front matter"`);
      assert.doesNotMatch(zh, /属于薄弱/u, id);
    }
  });
  it("names Moore's slots in Chinese and lists them with 、", () => {
    const problems = checkPositioningStatement('星图是一款零售数据平台。', [], { start: 0, end: 0 });
    const messages = problems.map((p) => t('zh', p.messageId, p.data));
    assert.deepEqual(messages, [
      '定位声明缺少 Moore 模板中的以下部分：针对、需求、能够。请补上「针对（目标客户），他们需要（需求），能够（核心价值）」。',
      '定位声明缺少 Moore 模板中的「与……不同」部分：请补上「与（主要替代方案）不同，（产品）具备（主要差异化）」。',
    ]);
    assert.equal(problems[1].data.slot, 'Unlike');
    assert.match(t('en', problems[1].messageId, problems[1].data), /'Unlike' slot/);
  });
  it("reads Moore's 'is a' in Chinese without a classifier (是面向…的…平台), but not around a template slot", () => {
    const statement = (category: string) =>
      `针对门店数在 50 至 500 家的区域零售连锁企业，他们需要每天 9 点前看到口径一致的门店数据，星图数据平台${category}，能够把各系统的数据汇总为统一口径的经营指标。与 Excel 人工汇总不同，星图具备 46 个预置零售系统连接器。`;
    const slots = (text: string) => checkPositioningStatement(text, [], { start: 0, end: 0 }).map((p) => p.data.slot);
    assert.deepEqual(slots(statement('是面向零售连锁的数据集成与指标管理平台')), []);
    assert.deepEqual(slots(statement('是一款零售数据平台')), []);
    assert.deepEqual(slots(statement('是【待补充：产品类别】平台')), ['is a']);
    // Other native wordings of the need, the benefit and the contrast.
    const loose = '针对被日报延误困扰的区域零售连锁企业，星图数据平台是一款零售数据集成平台，帮门店在每天 9 点前看到昨天的数据。和 Excel 人工汇总不同，星图具备 46 个预置零售系统连接器。';
    assert.deepEqual(slots(loose), []);
  });
  it('takes the locale from the environment', () => {
    assert.equal(localeFromEnv({ LANG: 'zh_CN.UTF-8' }), 'zh');
    assert.equal(localeFromEnv({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN' }), 'en');
    assert.equal(localeFromEnv({}), 'en');
  });
});
