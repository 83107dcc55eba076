import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { ConfigError, isIgnored, resolveConfig, loadConfigFile } from '../server/src/core/config';
import { lintText } from '../server/src/core/lint';
import { makeTree, FLAWED_GTM } from './helpers/tmp';

function withTree<T>(files: Record<string, string>, fn: (dir: string) => T): T {
  const t = makeTree(files);
  try {
    return fn(t.dir);
  } finally {
    t.cleanup();
  }
}

const ruleIds = (text: string, file: string, dir: string) => lintText(text, { filePath: path.join(dir, file), config: resolveConfig(path.join(dir, file)) }).findings.map((f) => f.ruleId);

describe('config discovery', () => {
  it('uses the nearest config up the tree, JSON or YAML', () =>
    withTree(
      {
        '.pmmlintrc.yaml': 'rules:\n  placeholder: off\n',
        'team/.pmmlintrc.json': '{ "rules": { "vague-metric": "off" } }',
        'team/doc.md': FLAWED_GTM,
        'doc.md': FLAWED_GTM,
      },
      (dir) => {
        const top = ruleIds(FLAWED_GTM.replace('Alerts for', 'TBD Alerts for'), 'doc.md', dir);
        assert.ok(!top.includes('placeholder'));
        assert.ok(top.includes('vague-metric'));
        const team = ruleIds(FLAWED_GTM.replace('Alerts for', 'TBD Alerts for'), 'team/doc.md', dir);
        assert.ok(team.includes('placeholder'), 'nearest file only, no cascade');
        assert.ok(!team.includes('vague-metric'));
      },
    ));

  it('extends: parents first, this file wins; "warn" means warning', () =>
    withTree(
      {
        'base.yaml': 'rules:\n  vague-metric: error\n  vague-date: off\n',
        'proj/.pmmlintrc.json': '{ "extends": "../base.yaml", "rules": { "vague-date": "warn" } }',
      },
      (dir) => {
        const cfg = resolveConfig(path.join(dir, 'proj', 'doc.md'));
        assert.equal(cfg.rules['vague-metric'], 'error');
        assert.equal(cfg.rules['vague-date'], 'warning');
        assert.equal(cfg.files.length, 2);
        const r = lintText(FLAWED_GTM, { config: cfg });
        assert.equal(r.findings.find((f) => f.ruleId === 'vague-metric')?.severity, 'error');
      },
    ));

  it('an extends cycle is a config error', () =>
    withTree({ 'a.json': '{ "extends": "./b.json" }', 'b.json': '{ "extends": "./a.json" }' }, (dir) => {
      assert.throws(() => loadConfigFile(path.join(dir, 'a.json')), (e: unknown) => e instanceof ConfigError && /cycle/.test(e.detail));
    }));

  it('a wrongly typed value names the file, the line and the column', () =>
    withTree({ '.pmmlintrc.json': '{\n  "ignore": "drafts/**",\n  "rules": {}\n}\n' }, (dir) => {
      assert.throws(
        () => resolveConfig(path.join(dir, 'x.md')),
        (e: unknown) => e instanceof ConfigError && e.line === 2 && /\/ignore: must be array/.test(e.detail),
      );
    }));

  it('an unknown rule id is reported at its line', () =>
    withTree({ '.pmmlintrc.yaml': 'rules:\n  placeholder: error\n  no-such-rule: off\n' }, (dir) => {
      assert.throws(() => resolveConfig(path.join(dir, 'x.md')), (e: unknown) => e instanceof ConfigError && e.line === 3 && /no-such-rule/.test(e.detail));
    }));

  it('an empty config file means the defaults', () =>
    withTree({ '.pmmlintrc.yaml': '' }, (dir) => {
      const cfg = resolveConfig(path.join(dir, 'x.md'));
      assert.deepEqual(cfg.rules, {});
      assert.equal(cfg.checklists.length, 7);
    }));

  it('ignore globs are relative to the config folder', () =>
    withTree({ '.pmmlintrc.json': '{ "ignore": ["drafts/**", "*.tmp.md"] }' }, (dir) => {
      const cfg = resolveConfig(path.join(dir, 'a.md'));
      assert.ok(isIgnored(cfg, path.join(dir, 'drafts', 'x', 'a.md')));
      assert.ok(isIgnored(cfg, path.join(dir, 'b.tmp.md')));
      assert.ok(!isIgnored(cfg, path.join(dir, 'launch', 'a.md')));
    }));
});

describe('custom checklists', () => {
  it('an override makes an element optional and removes another', () =>
    withTree(
      {
        '.pmmlintrc.yaml': 'checklists:\n  - type: gtm-brief\n    elements:\n      - id: pricing_packaging\n        required: false\n    removeElements: [risks_rollback]\n',
      },
      (dir) => {
        const cfg = resolveConfig(path.join(dir, 'a.md'));
        const r = lintText(FLAWED_GTM, { config: cfg });
        const missing = r.findings.filter((f) => f.ruleId === 'required-element').map((f) => f.elementId);
        assert.ok(!missing.includes('pricing_packaging'));
        assert.ok(!missing.includes('risks_rollback'));
        assert.ok(missing.includes('owners'));
        assert.ok(!r.elements.some((e) => e.id === 'risks_rollback'));
      },
    ));

  it('a new document type from a checklist file needs no code', () =>
    withTree(
      {
        '.pmmlintrc.json': '{ "checklists": ["./checklists/release-notes.json"] }',
        'checklists/release-notes.json': JSON.stringify({
          type: 'release-notes',
          title: { en: 'Release notes', zh: '发布说明' },
          aliases: ['发布说明'],
          fileNames: ['release-notes'],
          elements: [
            { id: 'highlights', title: { en: 'Highlights', zh: '亮点' }, headings: { en: ['Highlights'], zh: ['亮点'] }, required: true, complete: { en: 'Lists the highlights.', zh: '列出亮点。' } },
            { id: 'upgrade', title: { en: 'How to upgrade', zh: '升级方式' }, headings: { en: ['How to upgrade'], zh: ['升级方式'] }, required: true, complete: { en: 'Says how to upgrade.', zh: '说明升级方式。' } },
          ],
        }),
      },
      (dir) => {
        const cfg = resolveConfig(path.join(dir, 'a.md'));
        const r = lintText('---\ntype: 发布说明\n---\n\n# 3.2\n\n## 亮点\n\n- 更快的导出\n', { config: cfg });
        assert.equal(r.docType, 'release-notes');
        assert.deepEqual(r.findings.filter((f) => f.ruleId === 'required-element').map((f) => f.elementId), ['upgrade']);
        assert.equal(r.score, 50);
      },
    ));

  it('an invalid checklist is a config error naming the problem', () =>
    withTree(
      { '.pmmlintrc.json': '{ "checklists": [ { "type": "x-doc", "title": { "en": "X" }, "elements": [] } ] }' },
      (dir) => {
        assert.throws(() => resolveConfig(path.join(dir, 'a.md')), (e: unknown) => e instanceof ConfigError && /invalid checklist 'x-doc'/.test(e.detail) && e.line === 1);
      },
    ));

  it('a checklist check with an unknown kind is rejected', () =>
    withTree(
      { '.pmmlintrc.json': '{ "checklists": [ { "type": "gtm-brief", "elements": [ { "id": "owners", "checks": [ { "kind": "magic" } ] } ] } ] }' },
      (dir) => {
        assert.throws(() => resolveConfig(path.join(dir, 'a.md')), (e: unknown) => e instanceof ConfigError && /kind: must be one of/.test(e.detail));
      },
    ));
});
