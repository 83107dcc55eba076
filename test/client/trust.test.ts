// Workspace trust: nothing from a workspace runs code. Config and checklist files are read as data (JSON/YAML);
// a file that names a script, a YAML tag that asks for a function, or a `.pmmlintrc.js` beside the documents is
// never executed — through the CLI and through the language server. The package declares untrusted-workspace
// support on that basis, and the shipped code has no way to run text as code.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classifyLink, fileInside, lowerScheme } from '../../client/src/links';
import { runCli, ROOT } from '../../tools/cli';
import { LspClient, uriOf } from '../../tools/lsp';
import { FLAWED_GTM, makeTree } from '../../tools/tmp';

// Each script, if it ever ran, would leave a marker file beside itself.
const script = (marker: string) => `require('fs').writeFileSync(require('path').join(__dirname, ${JSON.stringify(marker)}), 'ran');\nmodule.exports = { rules: {} };\n`;

const FILES: Record<string, string> = {
  // extends names a script.
  'extends-js/.pmmlintrc.yaml': 'extends: ./evil.js\n',
  'extends-js/evil.js': script('extends-js.ran'),
  'extends-js/alerts-gtm.md': FLAWED_GTM,
  // A checklist "file" that is a script.
  'checklist-js/.pmmlintrc.json': '{ "checklists": ["./evil.cjs"] }\n',
  'checklist-js/evil.cjs': script('checklist-js.ran'),
  'checklist-js/alerts-gtm.md': FLAWED_GTM,
  // YAML tags that other loaders (js-yaml's unsafe schema) turn into functions.
  'yaml-tags/.pmmlintrc.yaml': "rules: !!js/function 'function () { require(\"fs\").writeFileSync(\"yaml-tags.ran\", \"ran\") }'\n",
  'yaml-tags/alerts-gtm.md': FLAWED_GTM,
  // A config-looking script beside the documents: not a config file name, so not even read.
  'js-config/.pmmlintrc.js': script('js-config.ran'),
  'js-config/pmmlint.config.js': script('js-config2.ran'),
  'js-config/alerts-gtm.md': FLAWED_GTM,
};
const MARKERS = ['extends-js/extends-js.ran', 'checklist-js/checklist-js.ran', 'yaml-tags/yaml-tags.ran', 'js-config/js-config.ran', 'js-config/js-config2.ran'];

describe('workspace trust: config files are data only', { timeout: 60_000 }, () => {
  const tree = makeTree(FILES);
  const noMarkers = () => {
    for (const m of MARKERS) assert.ok(!fs.existsSync(path.join(tree.dir, m)), `${m}: a workspace script ran`);
    assert.ok(!fs.existsSync(path.join(ROOT, 'yaml-tags.ran')));
  };
  after(() => tree.cleanup());

  it('the CLI never runs a script that a config names: the config is an error, the scripts did not run', async () => {
    const r = await runCli(['--format', 'json', '.'], { cwd: tree.dir });
    noMarkers();
    assert.equal(r.code, 2, r.stderr);
    for (const dir of ['extends-js', 'checklist-js', 'yaml-tags']) assert.match(r.stderr, new RegExp(`${dir}[/\\\\]`), `a config error names ${dir}`);
    // A script is refused by its name, unread.
    assert.match(r.stderr, /extends: '\.\/evil\.js' is a script/);
    assert.match(r.stderr, /checklists: '\.\/evil\.cjs' is a script/);
    const reports = JSON.parse(r.stdout) as Array<{ file: string; docType: string | null }>;
    // The folder with only scripts beside it is linted with the defaults.
    assert.equal(reports.find((x) => x.file.startsWith('js-config'))?.docType, 'gtm-brief');
  });

  describe('the language server', () => {
    let client: LspClient;
    before(async () => {
      client = await LspClient.start({ rootPath: tree.dir, workspaceFolders: [tree.dir] });
    });
    after(() => client.stop());

    it('reports the configs as errors and runs none of the scripts', async () => {
      for (const dir of ['extends-js', 'checklist-js', 'yaml-tags']) {
        const uri = uriOf(path.join(tree.dir, dir, 'alerts-gtm.md'));
        client.open(uri, FLAWED_GTM);
        const p = await client.diagnosticsFor(uri, 1);
        assert.ok(p.diagnostics.some((d) => d.severity === 1 && /config error/.test(typeof d.message === 'string' ? d.message : d.message.value)), `${dir}: ${p.diagnostics.map((d) => JSON.stringify(d.message)).join(' | ')}`);
      }
      const uri = uriOf(path.join(tree.dir, 'js-config', 'alerts-gtm.md'));
      client.open(uri, FLAWED_GTM);
      const p = await client.diagnosticsFor(uri, 1);
      assert.ok(p.diagnostics.some((d) => d.code === 'required-element'), 'linted with the defaults');
      noMarkers();
    });
  });
});

describe('workspace trust: what the package declares and ships', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

  it('declares untrusted workspaces supported, with the reason in both languages', () => {
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
    const key = String(pkg.capabilities.untrustedWorkspaces.description).replace(/^%|%$/g, '');
    for (const nls of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const text = JSON.parse(fs.readFileSync(path.join(ROOT, nls), 'utf8'))[key] as string;
      assert.match(text, /\.pmmlintrc/, nls);
    }
  });

  it('the engine, server and client have no way to run text as code', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(dir, e.name));
        else if (e.name.endsWith('.ts')) files.push(path.join(dir, e.name));
      }
    };
    for (const dir of ['server/src', 'client/src', 'client/preview']) walk(path.join(ROOT, dir));
    assert.ok(files.length > 20);
    const offences: string[] = [];
    for (const file of files) {
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '');
        const hits = [
          /\beval\s*\(/,
          /\bnew\s+Function\s*\(/,
          /\brequire\s*\(\s*[^'"\s)]/, // require of a computed name
          /\bimport\s*\(/, // dynamic import
          // Only --changed-since runs a program: git, by a constant name, with an argument list and no shell.
          ...(path.relative(ROOT, file) === path.join('server', 'src', 'ci', 'changed.ts') ? [] : [/child_process/]),
          /\bvm\.(?!runInNewContext\('gc'\))/, // vm only to reach the garbage collector, with a constant
          /\.innerHTML\s*=(?!\s*html;)/, // the preview page parses HTML only into a <template>, then sanitises
        ].filter((re) => re.test(code));
        if (hits.length) offences.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    assert.deepEqual(offences, []);
    const changed = fs.readFileSync(path.join(ROOT, 'server', 'src', 'ci', 'changed.ts'), 'utf8');
    assert.deepEqual(changed.match(/\bspawn\w*\([^,]*/g), ["spawnSync('git'"], 'git only, by a constant name');
    assert.doesNotMatch(changed, /\bshell\s*:|\bexec(?:Sync)?\(/, 'no shell');
  });
});

describe('preview links open only what they should (client/src/links.ts)', () => {
  it('web and mail links in any case; every other scheme and fragments: nothing', () => {
    assert.deepEqual(classifyLink('HTTP://Example.com/A'), { kind: 'web', href: 'http://Example.com/A' });
    assert.deepEqual(classifyLink('HTTPS://example.com'), { kind: 'web', href: 'https://example.com' });
    assert.deepEqual(classifyLink('MAILTO:pm@example.com'), { kind: 'web', href: 'mailto:pm@example.com' });
    for (const href of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x', 'command:workbench.action.quit', 'file:///etc/passwd', 'FILE:///etc/passwd', 'vscode://x', '#top', '//evil.example/x', 'C:/Windows/win.ini']) {
      assert.deepEqual(classifyLink(href), { kind: 'none' }, href);
    }
    assert.deepEqual(classifyLink('../notes/a%20b.md#part'), { kind: 'relative', path: '../notes/a b.md' });
    assert.equal(lowerScheme('MAILTO:X@Y'), 'mailto:X@Y');
  });

  it('a relative link opens a file only inside the document folder or its workspace folder, real paths compared', async () => {
    const tree = makeTree({ 'ws/docs/team/a.md': '# a', 'ws/docs/team/b.md': '# b', 'ws/shared/c.md': '# c', 'outside/secret.md': 'secret', 'ws/docs/team/sub/d.md': '# d' });
    try {
      const ws = path.join(tree.dir, 'ws');
      const folder = path.join(ws, 'docs', 'team');
      fs.symlinkSync(path.join(tree.dir, 'outside', 'secret.md'), path.join(folder, 'link.md'));
      fs.symlinkSync(path.join(tree.dir, 'outside'), path.join(folder, 'linkdir'));
      const open = (rel: string, roots = [folder, ws]) => fileInside(path.resolve(folder, (classifyLink(rel) as { path: string }).path), roots);
      assert.deepEqual(await open('b.md'), { ok: true, path: fs.realpathSync(path.join(folder, 'b.md')) });
      assert.deepEqual(await open('./sub/d.md'), { ok: true, path: fs.realpathSync(path.join(folder, 'sub', 'd.md')) });
      assert.deepEqual(await open('../../shared/c.md'), { ok: true, path: fs.realpathSync(path.join(ws, 'shared', 'c.md')) }, 'inside the workspace folder');
      assert.deepEqual(await open('../../shared/c.md', [folder]), { ok: false, reason: 'outside' }, 'no workspace folder: the document folder only');
      for (const escape of ['../../../outside/secret.md', '../../../../../../../../etc/passwd', '..%2F..%2F..%2Foutside%2Fsecret.md', 'link.md', 'linkdir/secret.md', '/etc/passwd']) {
        assert.deepEqual(await open(escape), { ok: false, reason: 'outside' }, escape);
      }
      assert.deepEqual(await open('nope.md'), { ok: false, reason: 'missing' });
      assert.deepEqual(await open('../../../nope.md'), { ok: false, reason: 'outside' }, 'nothing said about the rest of the disk');
      assert.deepEqual(await open('sub'), { ok: false, reason: 'not-a-file' });
    } finally {
      tree.cleanup();
    }
  });
});
