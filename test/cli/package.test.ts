// The package users install: `npm pack`, then `npm install` of the tarball into an empty folder with no network
// and no repository, as `npm install -g pmm-lint` or `npx` would. The installed CLI lints a file, the installed
// server answers over stdio, and the pre-commit hook's entry runs as pre-commit runs it (entry + file names).
// The tarball has no runtime dependencies: esbuild bundles them all.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient, ROOT, uriOf } from '../../tools/lsp';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function folderSize(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderSize(p) : fs.lstatSync(p).size;
  }
  return total;
}

describe('the packed package, installed in an empty folder', { timeout: 300_000 }, () => {
  let work: string;
  let bin: string;
  let tarball: string;

  before(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'pmm-lint-pack-'));
    // `npm pack` runs `prepare` (the production build) and lists the files it packs.
    const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
    tarball = path.join(work, packed[0].filename);
    const prefix = path.join(work, 'install');
    fs.mkdirSync(prefix);
    fs.writeFileSync(path.join(prefix, 'package.json'), '{ "name": "empty", "private": true }\n');
    // --offline: nothing may come from the registry; a runtime dependency left in package.json fails here.
    const r = spawnSync(npm, ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: prefix, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    bin = path.join(prefix, 'node_modules', '.bin');
  });
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('has no runtime dependencies, and says its sizes', (t) => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(Object.keys(manifest.dependencies ?? {}), [], 'every runtime dependency is bundled by esbuild');
    const installed = path.join(work, 'install', 'node_modules');
    assert.deepEqual(fs.readdirSync(installed).filter((n) => !n.startsWith('.')), ['pmm-lint']);
    t.diagnostic(`tarball ${(fs.statSync(tarball).size / 1024).toFixed(0)} KB, installed ${(folderSize(installed) / 1024 / 1024).toFixed(1)} MB`);
  });

  it('the installed CLI lints a document in a folder outside the repository', () => {
    const docs = path.join(work, 'docs');
    fs.mkdirSync(docs);
    fs.copyFileSync(path.join(ROOT, 'examples', 'en', 'gtm-brief.flawed.md'), path.join(docs, 'brief.md'));
    const r = spawnSync(path.join(bin, 'pmm-lint'), ['--format', 'json', 'brief.md'], { cwd: docs, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(r.status, 1, r.stderr);
    const [report] = JSON.parse(r.stdout);
    assert.equal(report.docType, 'gtm-brief');
    assert.ok(report.findings.some((f: { ruleId: string }) => f.ruleId === 'placeholder'));
  });

  it('runs as the pre-commit hook runs it: its entry with the staged file names', () => {
    const hooks = fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');
    const entry = /^\s*entry:\s*(\S+)\s*$/m.exec(hooks)?.[1];
    assert.equal(entry, 'pmm-lint');
    const repo = path.join(work, 'repo');
    fs.mkdirSync(repo);
    fs.copyFileSync(path.join(ROOT, 'examples', 'en', 'persona.good.md'), path.join(repo, 'persona.md'));
    fs.copyFileSync(path.join(ROOT, 'examples', 'en', 'positioning.flawed.md'), path.join(repo, 'positioning.md'));
    const good = spawnSync(path.join(bin, entry!), ['persona.md'], { cwd: repo, encoding: 'utf8' });
    assert.equal(good.status, 0, good.stdout + good.stderr);
    const bad = spawnSync(path.join(bin, entry!), ['persona.md', 'positioning.md'], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(bad.status, 1, 'an error blocks the commit');
    assert.match(bad.stdout, /positioning\.md/);
  });

  it('the installed language server answers over stdio', async () => {
    const client = await LspClient.start({ serverBin: path.join(work, 'install', 'node_modules', 'pmm-lint', 'bin', 'pmm-lint-server.js') });
    try {
      const file = path.join(work, 'docs', 'brief.md');
      const uri = uriOf(file);
      client.open(uri, fs.readFileSync(file, 'utf8'));
      const p = await client.diagnosticsFor(uri, 1);
      assert.ok(p.diagnostics.some((d) => d.code === 'placeholder'));
    } finally {
      await client.stop();
    }
  });
});
