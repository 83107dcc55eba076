// The extension manifest: every localized string exists in English and Chinese, every contributed file exists.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES as CLIENT_RULES } from '../../client/src/rules.generated';
import { BUILT_IN_CHECKLISTS } from '../../server/src/core/checklist';
import { RULE_IDS, RULES } from '../../server/src/core/rules';

const ROOT = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));
const nlsZh = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.zh-cn.json'), 'utf8'));

describe('package.json', () => {
  it('has every %key% in package.nls.json and package.nls.zh-cn.json, and no unused key', () => {
    const used = [...JSON.stringify(pkg).matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]);
    assert.ok(used.length > 10);
    for (const key of used) {
      assert.ok(nls[key], `package.nls.json lacks ${key}`);
      assert.ok(nlsZh[key], `package.nls.zh-cn.json lacks ${key}`);
    }
    assert.deepEqual(Object.keys(nls).sort(), [...new Set(used)].sort());
    assert.deepEqual(Object.keys(nlsZh).sort(), Object.keys(nls).sort());
  });
  it('keeps engines.vscode at ^1.100.0 and puts commands in the PMM category', () => {
    assert.equal(pkg.engines.vscode, '^1.100.0');
    for (const c of pkg.contributes.commands) {
      assert.equal(c.category, 'PMM');
      assert.match(c.command, /^pmmLint\./);
    }
  });
  it('carries what a marketplace listing needs: a 128 px PNG icon, a changelog, the repository, categories', () => {
    const icon = fs.readFileSync(path.join(ROOT, pkg.icon));
    assert.equal(icon.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128], 'width and height from the IHDR chunk');
    assert.match(fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8'), /^# Changelog\n[\s\S]*## \[Unreleased\]/);
    assert.match(pkg.repository.url, /^https:\/\/github\.com\//);
    assert.ok(pkg.bugs.url && pkg.homepage && pkg.license && pkg.categories.includes('Linters') && pkg.keywords.length >= 5);
    for (const f of [pkg.icon, 'CHANGELOG.md', 'LICENSE']) assert.ok(pkg.files.includes(f), `files lists ${f}`);
  });

  it('contributes files that exist', () => {
    const files = [
      ...pkg.contributes.snippets.map((s: { path: string }) => s.path),
      ...pkg.contributes.grammars.map((g: { path: string }) => g.path),
      ...[...pkg.contributes.jsonValidation, ...pkg.contributes.yamlValidation].map((v: { url: string }) => v.url),
    ];
    for (const f of files) assert.ok(fs.existsSync(path.join(ROOT, f)), f);
  });
  it('describes settings whose text holds Markdown (code, #setting# links) with markdownDescription', () => {
    const markdown = /`|#pmmLint\.[\w.]+#|\*\*/;
    const properties = pkg.contributes.configuration.properties as Record<string, Record<string, unknown>>;
    const text = (ref: unknown) => [nls, nlsZh].map((n) => n[/^%(.+)%$/.exec(String(ref))?.[1] ?? ''] ?? String(ref)).join('\n');
    const walk = (name: string, setting: Record<string, unknown>) => {
      if (setting.description !== undefined) assert.doesNotMatch(text(setting.description), markdown, `${name}: description holds Markdown; use markdownDescription`);
      for (const d of (setting.enumDescriptions as unknown[] | undefined) ?? []) assert.doesNotMatch(text(d), markdown, `${name}: enumDescriptions hold Markdown; use markdownEnumDescriptions`);
      assert.ok(setting.description !== undefined || setting.markdownDescription !== undefined, `${name} is described`);
      for (const [key, sub] of Object.entries((setting.properties as Record<string, Record<string, unknown>> | undefined) ?? {})) walk(`${name}.${key}`, sub);
    };
    for (const [name, setting] of Object.entries(properties)) walk(name, setting);
    assert.equal(properties['pmmLint.suggestSnippets'].default, true);
  });
  it('offers a severity setting for every rule, described by the rule in both languages', () => {
    const settings = pkg.contributes.configuration.properties['pmmLint.rules'].properties;
    assert.deepEqual(Object.keys(settings).sort(), [...RULE_IDS].sort());
    for (const { meta } of RULES) {
      const key = /^%(.+)%$/.exec(settings[meta.id].description)?.[1] ?? '';
      assert.equal(nls[key], meta.description.en, meta.id);
      assert.equal(nlsZh[key], meta.description.zh, meta.id);
    }
  });
});

describe('other lists of the rules', () => {
  it('the config schema accepts every rule id and no other, and suggests the built-in types', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'pmmlintrc.schema.json'), 'utf8'));
    const severities = schema.definitions.ruleSeverities;
    assert.deepEqual([...severities.propertyNames.enum].sort(), [...RULE_IDS].sort());
    assert.deepEqual(Object.keys(severities.properties).sort(), [...RULE_IDS].sort());
    assert.deepEqual(schema.properties.rules, { $ref: '#/definitions/ruleSeverities' });
    assert.deepEqual(schema.properties.overrides.items.properties.rules, { $ref: '#/definitions/ruleSeverities' });
    assert.deepEqual([...schema.properties.overrides.items.properties.type.examples].sort(), BUILT_IN_CHECKLISTS.map((c) => c.type).sort());
  });
  it("the client's rule list has every rule with its meta's descriptions", () => {
    assert.deepEqual(
      CLIENT_RULES.map((r) => ({ ...r })),
      RULES.map(({ meta }) => ({ id: meta.id, en: meta.description.en, zh: meta.description.zh })),
    );
  });
});

describe('runtime strings of the client (vscode.l10n)', () => {
  it('every l10n.t string has a Chinese translation with the same placeholders', () => {
    const dir = path.join(ROOT, 'client', 'src');
    const used = new Set<string>();
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const src = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const m of src.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) used.add(m[1].replace(/\\'/g, "'"));
    }
    assert.ok(used.size > 10);
    const zh = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
    const holes = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
    for (const s of used) {
      assert.ok(zh[s], `no Chinese for: ${s}`);
      assert.deepEqual(holes(zh[s]), holes(s), s);
    }
    assert.deepEqual(Object.keys(zh).filter((k) => !used.has(k)), [], 'unused translations');
    assert.equal(pkg.l10n, './l10n');
  });
});
