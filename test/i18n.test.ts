import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { messageIds, t, localeFromEnv } from '../server/src/core/i18n';
import { RULES } from '../server/src/core/rules';

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
  it('every rule message id is in the catalog and every rule is described in both languages', () => {
    const ids = new Set(messageIds('en'));
    for (const rule of RULES) {
      for (const m of rule.meta.messages) assert.ok(ids.has(m), m);
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
  it('takes the locale from the environment', () => {
    assert.equal(localeFromEnv({ LANG: 'zh_CN.UTF-8' }), 'zh');
    assert.equal(localeFromEnv({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN' }), 'en');
    assert.equal(localeFromEnv({}), 'en');
  });
});
