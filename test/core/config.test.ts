import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import picomatch from 'picomatch';
import { ConfigError, configForFile, defaultConfig, isIgnored, resolveConfig, loadConfigFile } from '../../server/src/core/config';
import { compileGlob } from '../../server/src/core/globs';
import { lintText } from '../../server/src/core/lint';
import { ConfigCache, configCache } from '../../server/src/runtime/config-cache';
import { makeTree, FLAWED_GTM } from '../../tools/tmp';

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

describe('ignore and overrides globs are bounded', () => {
  const took = (t0: number) => performance.now() - t0;
  const name255 = 'a'.repeat(252) + '.md';
  const deepPath = Array.from({ length: 2046 }, () => 'a').join('/') + '/x.md'; // 4,096 characters

  it('backtracking globs match in linear time: under 1 s on 255-character names and a 4,096-character path', () =>
    withTree({ '.pmmlintrc.json': '{}' }, (dir) => {
      const patterns = [
        '*a*a*a*a*a*a*a*a*a*a*a*a!',
        '*a'.repeat(120) + '!',
        '**/a/**/a/**/a/**/a/!',
        '**/' + '*a*/'.repeat(50) + '!',
        '+(a|aa)!',
        '+(+(a))!',
        '{a,aa}{a,aa}{a,aa}{a,aa}{a,aa}{a,aa}!',
        '?'.repeat(250) + '!',
      ];
      fs.writeFileSync(path.join(dir, '.pmmlintrc.json'), JSON.stringify({ ignore: patterns, overrides: [{ files: patterns, rules: { 'vague-metric': 'off' } }] }));
      const t0 = performance.now();
      const cfg = resolveConfig(path.join(dir, 'x.md'));
      assert.ok(took(t0) < 1000, `loading: ${Math.round(took(t0))} ms`);
      for (const file of [path.join(dir, 'a'.repeat(40)), path.join(dir, name255), path.join(dir, deepPath)]) {
        const t1 = performance.now();
        assert.equal(isIgnored(cfg, file), false);
        assert.equal(configForFile(cfg, file).rules['vague-metric'], undefined);
        assert.ok(took(t1) < 1000, `${file.length} characters: ${Math.round(took(t1))} ms`);
      }
      for (const p of patterns) {
        const g = compileGlob(p);
        for (const rel of ['a'.repeat(40), name255, deepPath]) {
          const t1 = performance.now();
          g.matches(rel);
          assert.ok(took(t1) < 1000, `${p.slice(0, 40)} on ${rel.length}: ${Math.round(took(t1))} ms`);
        }
      }
    }));

  it('a glob that cannot be used is a config error naming it, at its line: too long, a huge range, a negated extglob', () => {
    const cases: Array<[unknown, string, RegExp]> = [
      [{ ignore: ['drafts/**', 'x'.repeat(300)] }, 'x'.repeat(300), /^ignore: glob 'x{100}… \(300 characters\)' cannot be used: it is 300 characters long; at most 256 are allowed$/],
      [{ ignore: ['{1..100000}.md'] }, '{1..100000}', /^ignore: glob '\{1\.\.100000\}\.md' cannot be used: the range \{1\.\.100000\} has more than 64 items$/],
      [{ ignore: ['{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}'] }, '{a,b}', /stand for more than 64 patterns/],
      [{ overrides: [{ files: ['docs/**', '!(a|b).md'], type: 'gtm-brief' }] }, '!(a|b)', /^overrides\.files: glob '!\(a\|b\)\.md' cannot be used: a negated extglob/],
      [{ overrides: [{ files: 'x'.repeat(257) }] }, 'x'.repeat(257), /^overrides\.files: glob .* 257 characters long/],
    ];
    for (const [config, at, re] of cases) {
      const text = JSON.stringify(config, null, 2);
      const line = text.slice(0, text.indexOf(at)).split('\n').length;
      withTree({ '.pmmlintrc.json': text }, (dir) => {
        const t0 = performance.now();
        assert.throws(
          () => resolveConfig(path.join(dir, 'x.md')),
          (e: unknown) => e instanceof ConfigError && re.test(e.detail) && e.line === line,
          JSON.stringify(config).slice(0, 80),
        );
        assert.ok(took(t0) < 1000);
      });
    }
  });

  it('isIgnored and configForFile never throw, whatever a config built in code holds', () => {
    const cfg = { ...defaultConfig(), ignore: [{ pattern: 'x'.repeat(100_000), base: '/' }, { pattern: '!(a)', base: '/' }], overrides: [{ files: ['{1..99999999}', 'a'.repeat(70_000)], base: '/', rules: { 'vague-metric': 'off' as const } }] };
    assert.equal(isIgnored(cfg, '/a/b.md'), false);
    assert.equal(configForFile(cfg, '/a/b.md').rules['vague-metric'], undefined);
  });

  it('globs mean what they meant with picomatch on ordinary patterns', () => {
    const patterns = ['drafts/**', 'drafts', 'drafts/', './drafts/*.md', '*.tmp.md', '**/*.tmp.md', '**/archive/**', 'docs/**/*-draft.md', '{drafts,old}/**', '*.{md,markdown}', 'notes/?.md', 'notes/[ab]*.md', 'notes/[a-c].md', 'team-+(a|b)/*.md', '@(x|y)/**', '**', '*', '**/.hidden/**', 'a/**/b/**/c.md', 'v{1..3}/*.md', '[[:upper:]]*.md', 'a\\*b.md', 'c+d/*'];
    const paths = ['drafts/a.md', 'drafts', 'drafts/x/y.md', 'a.tmp.md', 'x/a.tmp.md', 'archive/a.md', 'x/archive/y/z.md', 'docs/a-draft.md', 'docs/x/y/a-draft.md', 'docs/a.md', 'old/z.md', 'a.markdown', 'notes/a.md', 'notes/ab.md', 'notes/b.md', 'notes/d.md', 'team-a/x.md', 'team-ab/x.md', 'team-c/x.md', 'x/q.md', 'z/q.md', '.hidden/a.md', 'x/.hidden/b.md', 'a/b/c.md', 'a/x/b/y/c.md', 'v2/a.md', 'v4/a.md', 'Readme.md', 'readme.md', 'a*b.md', 'aab.md', 'c+d/e.md', 'a.md'];
    const old = (rel: string, p: string) => picomatch.isMatch(rel, p, { dot: true }) || picomatch.isMatch(rel, p.replace(/\/+$/, '') + '/**', { dot: true });
    for (const p of patterns) for (const rel of paths) assert.equal(compileGlob(p).matches(rel), old(rel, p), `${p} on ${rel}`);
  });
});

describe('config and checklist files are read with bounds', () => {
  const quick = (fn: () => void) => {
    const t0 = performance.now();
    fn();
    assert.ok(performance.now() - t0 < 2000, `${Math.round(performance.now() - t0)} ms`);
  };
  const fifoOk = process.platform !== 'win32' && fs.existsSync('/dev/zero');

  it('extends or checklists naming /dev/zero, a FIFO or a symlink to /dev/zero: a config error, at once', { skip: !fifoOk }, () =>
    withTree({}, (dir) => {
      execFileSync('mkfifo', [path.join(dir, 'fifo.json')]);
      fs.symlinkSync('/dev/zero', path.join(dir, 'zero.json'));
      for (const target of ['/dev/zero', './fifo.json', './zero.json']) {
        for (const key of ['extends', 'checklists'] as const) {
          const config = key === 'extends' ? { extends: target } : { checklists: [target] };
          fs.writeFileSync(path.join(dir, '.pmmlintrc.json'), JSON.stringify(config, null, 2));
          quick(() =>
            assert.throws(
              () => resolveConfig(path.join(dir, 'x.md')),
              (e: unknown) => e instanceof ConfigError && e.file === path.join(dir, '.pmmlintrc.json') && e.line !== undefined && new RegExp(`^${key}: '${target.replace(/\./g, '\\.')}' is not a regular file`).test(e.detail),
              `${key}: ${target}`,
            ),
          );
        }
      }
      // The config itself a FIFO (named with --config): refused, not read.
      quick(() => assert.throws(() => loadConfigFile(path.join(dir, 'fifo.json')), (e: unknown) => e instanceof ConfigError && /not a regular file/.test(e.detail)));
    }));

  it('a config or checklist file over 1 MiB is refused, saying the limit', () =>
    withTree({ 'big.json': '{ "rules": {} }' + ' '.repeat(1024 * 1024 + 10), '.pmmlintrc.json': '{ "extends": "./big.json" }' }, (dir) => {
      quick(() => assert.throws(() => resolveConfig(path.join(dir, 'x.md')), (e: unknown) => e instanceof ConfigError && /^extends: '\.\/big\.json' is 1\.0 MiB, over the 1\.0 MiB limit for config and checklist files$/.test(e.detail)));
    }));

  it('a diamond (two parents sharing a base) and the same parent twice are no cycle', () =>
    withTree(
      {
        'base.json': '{ "rules": { "vague-date": "off" }, "ignore": ["drafts/**"] }',
        'left.json': '{ "extends": "./base.json", "rules": { "placeholder": "off" } }',
        'right.json': '{ "extends": "./base.json", "rules": { "vague-metric": "warn" } }',
        'diamond/.pmmlintrc.json': '{ "extends": ["../left.json", "../right.json"] }',
        'twice/.pmmlintrc.json': '{ "extends": ["../base.json", "../base.json"] }',
      },
      (dir) => {
        const d = resolveConfig(path.join(dir, 'diamond', 'x.md'));
        assert.deepEqual(d.rules, { 'vague-date': 'off', placeholder: 'off', 'vague-metric': 'warning' });
        assert.equal(d.ignore.length, 1, 'the shared base is listed once');
        assert.equal(new Set(d.files).size, d.files.length);
        const t = resolveConfig(path.join(dir, 'twice', 'x.md'));
        assert.equal(t.rules['vague-date'], 'off');
        assert.equal(t.files.length, 2);
      },
    ));

  it('a deep diamond is read once per file, quickly', () => {
    // 30 levels of two parents sharing a base: 2^30 paths if each were followed.
    const files: Record<string, string> = { 'l30.json': '{ "rules": { "vague-date": "off" } }' };
    for (let i = 0; i < 30; i++) {
      files[`l${i}a.json`] = `{ "extends": "./l${i + 1}${i + 1 === 30 ? '' : 'a'}.json" }`;
      files[`l${i}b.json`] = `{ "extends": "./l${i + 1}${i + 1 === 30 ? '' : 'a'}.json" }`;
    }
    for (let i = 0; i < 30; i++) files[`l${i}a.json`] = `{ "extends": ["./l${i + 1}${i + 1 === 30 ? '' : 'a'}.json", "./l${i + 1}${i + 1 === 30 ? '' : 'b'}.json"] }`;
    for (let i = 0; i < 30; i++) files[`l${i}b.json`] = files[`l${i}a.json`];
    withTree(files, (dir) => quick(() => assert.equal(loadConfigFile(path.join(dir, 'l0a.json')).rules['vague-date'], 'off')));
  });

  it('a real cycle is refused: a file extending itself, directly or through a link', () =>
    withTree({ 'self.json': '{ "extends": "./self.json" }', 'a.json': '{ "extends": "./b.json" }', 'b.json': '{ "extends": "./c.json" }', 'c.json': '{ "extends": "./a.json" }' }, (dir) => {
      fs.symlinkSync(path.join(dir, 'self2.json'), path.join(dir, 'link.json'));
      fs.writeFileSync(path.join(dir, 'self2.json'), '{ "extends": "./link.json" }');
      for (const f of ['self.json', 'a.json', 'self2.json']) {
        quick(() => assert.throws(() => loadConfigFile(path.join(dir, f)), (e: unknown) => e instanceof ConfigError && /`extends` forms a cycle/.test(e.detail), f));
      }
    }));
});

describe('one config cache for the CLI and the server (runtime/config-cache.ts)', () => {
  it('loads a config once per config file, extra checklists on top, and forgets it when a file it read changes', () =>
    withTree(
      {
        '.pmmlintrc.json': '{ "rules": { "placeholder": "off" }, "checklists": ["team.yaml"] }',
        'team.yaml': 'type: persona\nremoveElements: []\n',
        'a/doc.md': '# A\n',
        'b/doc.md': '# B\n',
      },
      (dir) => {
        const cache = new ConfigCache();
        const a = cache.resolve(path.join(dir, 'a'));
        assert.ok(a.ok);
        assert.equal(cache.resolve(path.join(dir, 'b')), a, 'two folders, one config file: one load');
        assert.deepEqual(cache.watchedFiles().sort(), [path.join(dir, '.pmmlintrc.json'), path.join(dir, 'team.yaml')]);
        const withExtra = cache.resolve(path.join(dir, 'a'), [path.join(dir, 'team.yaml')]);
        assert.ok(withExtra.ok && withExtra !== a);
        assert.equal(cache.resolve(path.join(dir, 'a'), [path.join(dir, 'team.yaml')]), withExtra);
        assert.equal(cache.filesChanged([path.join(dir, 'a', 'doc.md')]), false);
        assert.equal(cache.resolve(path.join(dir, 'a')), a, 'kept: a document is no config');
        assert.equal(cache.filesChanged([path.join(dir, 'team.yaml')]), true);
        assert.notEqual(cache.resolve(path.join(dir, 'a')), a, 'a checklist it read changed: loaded again');
      },
    ));

  it('the CLI view reports a broken config once, and gives null for each of its files', () =>
    withTree({ '.pmmlintrc.json': '{ "rules": { "placeholder": "sometimes" } }', 'a.md': '# A\n', 'sub/b.md': '# B\n' }, (dir) => {
      const errors: ConfigError[] = [];
      const configFor = configCache(undefined, (e) => errors.push(e));
      assert.equal(configFor(path.join(dir, 'a.md')), null);
      assert.equal(configFor(path.join(dir, 'sub', 'b.md')), null);
      assert.equal(errors.length, 1);
      assert.equal(errors[0].file, path.join(dir, '.pmmlintrc.json'));
      // --config: that file for every folder.
      const explicit = configCache(path.join(dir, 'none.json'), (e) => errors.push(e));
      assert.equal(explicit(path.join(dir, 'a.md')), null);
      assert.equal(errors.length, 2);
    }));
});
