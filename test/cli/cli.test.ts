import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { runCli, ROOT } from '../../tools/cli';
import { makeTree, FLAWED_GTM } from '../../tools/tmp';

interface SarifLog {
  runs: Array<{
    tool: { driver: { rules: Array<{ id: string }> } };
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } } }>;
    }>;
  }>;
}

const GOOD = path.join('examples', 'en', 'gtm-brief.good.md');
const FLAWED = path.join('examples', 'en', 'gtm-brief.flawed.md');

describe('CLI exit codes', () => {
  it('exits 0 on a good document', async () => {
    const r = await runCli([GOOD]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /no problems/);
  });
  it('exits 1 when errors are found', async () => {
    const r = await runCli([FLAWED]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /required-element/);
    assert.match(r.stdout, /✖ \d+ problems \(\d+ errors, \d+ warnings, \d+ infos?\)/);
  });
  it('exits 2 on a missing path but still reports the other files', async () => {
    const r = await runCli(['--format', 'json', 'no/such/file.md', FLAWED]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no\/such\/file\.md: no such file or directory/);
    const reports = JSON.parse(r.stdout);
    assert.equal(reports.length, 1);
    assert.equal(reports[0].docType, 'gtm-brief');
  });
  it('exits 2 on usage errors', async () => {
    for (const args of [['--format', 'xml', GOOD], ['--bogus', GOOD], [], ['--max-warnings', 'many', GOOD], ['--locale', 'fr', GOOD]]) {
      const r = await runCli(args);
      assert.equal(r.code, 2, `args ${args.join(' ')}`);
      assert.match(r.stderr, /Usage error/);
    }
  });
  it('--max-warnings turns too many warnings into exit 1', async () => {
    // Only warnings: required elements off, no vague date.
    const t = makeTree({
      '.pmmlintrc.json': JSON.stringify({ rules: { 'required-element': 'off' } }),
      'doc.md': FLAWED_GTM.replace('- Launch: Q3', '- Launch: 2026-12-01'),
    });
    try {
      const file = path.join(t.dir, 'doc.md');
      const base = JSON.parse((await runCli(['--format', 'json', file])).stdout)[0];
      const errors = base.findings.filter((f: { severity: string }) => f.severity === 'error').length;
      const warnings = base.findings.filter((f: { severity: string }) => f.severity === 'warning').length;
      assert.ok(warnings >= 1);
      if (errors === 0) {
        assert.equal((await runCli([file])).code, 0);
        assert.equal((await runCli(['--max-warnings', String(warnings), file])).code, 0);
        const r = await runCli(['--max-warnings', String(warnings - 1), file]);
        assert.equal(r.code, 1);
        assert.match(r.stderr, /too many warnings/);
      } else {
        assert.fail('fixture should have warnings only, got errors: ' + JSON.stringify(base.findings));
      }
    } finally {
      t.cleanup();
    }
  });
  it('--quiet reports errors only', async () => {
    const r = await runCli(['--quiet', '--format', 'json', FLAWED]);
    const [report] = JSON.parse(r.stdout);
    assert.ok(report.findings.length > 0);
    assert.ok(report.findings.every((f: { severity: string }) => f.severity === 'error'));
  });
  it('--version and --help exit 0', async () => {
    const v = await runCli(['--version']);
    assert.equal(v.code, 0);
    assert.match(v.stdout, /^\d+\.\d+\.\d+/);
    const h = await runCli(['--help']);
    assert.equal(h.code, 0);
    assert.match(h.stdout, /--max-warnings/);
    const hz = await runCli(['--help', '--locale', 'zh']);
    assert.match(hz.stdout, /用法/);
  });
});

describe('CLI inputs', () => {
  it('searches folders for Markdown and leaves non-PMM Markdown alone', async () => {
    const r = await runCli(['--format', 'json', 'examples']);
    const reports: Array<{ file: string; docType: string | null; score: number | null; findings: unknown[] }> = JSON.parse(r.stdout);
    assert.ok(reports.length >= 15);
    const readme = reports.find((x) => x.file === path.join('examples', 'README.md'))!;
    assert.deepEqual({ docType: readme.docType, score: readme.score, findings: readme.findings }, { docType: null, score: null, findings: [] });
  });
  it('expands globs', async () => {
    const r = await runCli(['--format', 'json', 'examples/zh/*.good.md']);
    const reports = JSON.parse(r.stdout);
    assert.ok(reports.length >= 3);
    assert.ok(reports.every((x: { file: string }) => x.file.startsWith(path.join('examples', 'zh')) && x.file.endsWith('.good.md')));
  });
  it('a glob that matches nothing is a usage error', async () => {
    const r = await runCli(['nothing/**/*.md']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no Markdown files matched/);
  });
  it('lints standard input with --stdin-filename for detection and config', async () => {
    const r = await runCli(['--stdin', '--stdin-filename', 'launch/alerts.md', '--format', 'json'], { input: FLAWED_GTM });
    assert.equal(r.code, 1);
    const [report] = JSON.parse(r.stdout);
    assert.equal(report.file, 'launch/alerts.md');
    assert.equal(report.docType, 'gtm-brief');
    const metric = report.findings.find((f: { ruleId: string }) => f.ruleId === 'vague-metric');
    assert.deepEqual([metric.elementId, metric.line, metric.column], ['success_metrics', 16, 1]);
  });
  it('skips binary files with a notice', async () => {
    const t = makeTree({ 'image.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]), 'doc.md': FLAWED_GTM });
    try {
      const r = await runCli(['--format', 'json', t.dir]);
      assert.match(r.stderr, /image\.md: skipped, it looks like a binary file/);
      const reports = JSON.parse(r.stdout);
      assert.deepEqual(reports.map((x: { file: string }) => path.basename(x.file)), ['doc.md']);
      assert.equal(r.code, 1);
    } finally {
      t.cleanup();
    }
  });
  it('skips a file over maxFileSize with a notice, and lints the rest', async () => {
    const big = FLAWED_GTM + '\n' + 'Filler paragraph with words.\n\n'.repeat(400_000); // ~12 MB
    const t = makeTree({ 'big.md': big, 'doc.md': FLAWED_GTM });
    try {
      const r = await runCli(['--format', 'json', t.dir]);
      assert.match(r.stderr, /big\.md: skipped, .* is over the 2\.0 MiB limit/);
      assert.deepEqual(JSON.parse(r.stdout).map((x: { file: string }) => path.basename(x.file)), ['doc.md']);
    } finally {
      t.cleanup();
    }
  });
  it('an unreadable file is reported with exit 2 and the others still linted', { skip: process.getuid?.() === 0 ? 'root can read any file' : false }, async () => {
    const t = makeTree({ 'secret.md': FLAWED_GTM, 'doc.md': FLAWED_GTM });
    try {
      fs.chmodSync(path.join(t.dir, 'secret.md'), 0);
      const r = await runCli(['--format', 'json', t.dir]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /secret\.md: cannot be read/);
      assert.equal(JSON.parse(r.stdout).length, 1);
    } finally {
      t.cleanup();
    }
  });
  it('a folder and a glob find the same Markdown files, whatever the case of their extension', async () => {
    const tree = makeTree({ 'a/LAUNCH-BRIEF.MD': FLAWED_GTM, 'a/notes.Markdown': '# Notes\n', 'a/plan.txt': 'not Markdown\n', 'a/b.md': '# B\n' });
    try {
      const files = async (args: string[]) => (JSON.parse((await runCli(['--format', 'json', ...args], { cwd: tree.dir })).stdout) as Array<{ file: string }>).map((r) => path.basename(r.file)).sort();
      const expected = ['LAUNCH-BRIEF.MD', 'b.md', 'notes.Markdown'];
      assert.deepEqual(await files(['a']), expected);
      assert.deepEqual(await files(['a/*']), expected);
    } finally {
      tree.cleanup();
    }
  });

  it('an unreadable folder entry (a dangling symlink named on the command line) is reported with exit 2', async () => {
    const t = makeTree({ 'doc.md': FLAWED_GTM });
    try {
      fs.symlinkSync(path.join(t.dir, 'gone.md'), path.join(t.dir, 'link.md'));
      const r = await runCli(['--format', 'json', path.join(t.dir, 'link.md'), path.join(t.dir, 'doc.md')]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /link\.md/);
      assert.equal(JSON.parse(r.stdout).length, 1);
    } finally {
      t.cleanup();
    }
  });
});

describe('CLI output formats', () => {
  it('json follows the contract', async () => {
    const r = await runCli(['--format', 'json', FLAWED]);
    const reports = JSON.parse(r.stdout);
    assert.ok(Array.isArray(reports));
    for (const rep of reports) {
      assert.deepEqual(Object.keys(rep).sort(), ['docType', 'elements', 'file', 'findings', 'language', 'score', 'typeVia']);
      assert.ok(rep.score >= 0 && rep.score <= 100);
      assert.equal(rep.language, 'en');
      assert.equal(rep.typeVia, 'front-matter');
      for (const e of rep.elements) {
        assert.deepEqual(Object.keys(e).sort(), ['column', 'id', 'line', 'reasons', 'required', 'status', 'title']);
        assert.ok(['complete', 'weak', 'missing'].includes(e.status));
        assert.equal(e.line === null, e.status === 'missing', e.id);
        assert.ok(e.title.en && e.title.zh && Array.isArray(e.reasons));
        if (e.status !== 'complete') assert.ok(e.reasons.length > 0, e.id);
      }
      for (const f of rep.findings) {
        assert.deepEqual(Object.keys(f).sort(), ['column', 'elementId', 'endColumn', 'endLine', 'line', 'message', 'ruleId', 'severity']);
        assert.ok(['error', 'warning', 'info'].includes(f.severity));
        assert.ok(f.line >= 1 && f.column >= 1 && (f.endLine > f.line || (f.endLine === f.line && f.endColumn >= f.column)));
      }
    }
  });
  it('stylish prints file, position, severity, message and rule id', async () => {
    const r = await runCli([FLAWED]);
    assert.match(r.stdout, /examples\/en\/gtm-brief\.flawed\.md {2}GTM brief \/ launch plan · score \d+\/100/);
    assert.match(r.stdout, /\n {2}\d+:\d+ +error +Missing element 'Pricing & packaging'.* {2}required-element\n/);
    assert.doesNotMatch(r.stdout, /\x1b\[/, 'no colour when NO_COLOR is set / not a TTY');
    const colored = await runCli(['--color', FLAWED], { env: { NO_COLOR: '' } });
    assert.match(colored.stdout, /\x1b\[31m/);
  });
  it('messages follow --locale zh', async () => {
    const r = await runCli(['--locale', 'zh', FLAWED]);
    assert.match(r.stdout, /缺少要素「定价与包装」/);
    assert.match(r.stdout, /个问题/);
    const env = await runCli([FLAWED], { env: { LANG: 'zh_CN.UTF-8' } });
    assert.match(env.stdout, /缺少要素/);
  });
  it('sarif is valid SARIF 2.1.0 and carries every finding', async () => {
    const json = JSON.parse((await runCli(['--format', 'json', 'examples'])).stdout);
    const r = await runCli(['--format', 'sarif', 'examples']);
    const log = JSON.parse(r.stdout) as SarifLog;
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new AjvDraft04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    const results = log.runs[0].results;
    const total = json.reduce((n: number, rep: { findings: unknown[] }) => n + rep.findings.length, 0);
    assert.equal(results.length, total);
    const ruleIds = log.runs[0].tool.driver.rules.map((x) => x.id);
    for (const res of results) {
      assert.equal(ruleIds[res.ruleIndex], res.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(res.level));
      const loc = res.locations[0].physicalLocation;
      assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.match(loc.artifactLocation.uri, /^examples\//);
      assert.ok(loc.region.startLine >= 1);
    }
  });
});

describe('CLI config handling', () => {
  let t: ReturnType<typeof makeTree>;
  before(() => {
    t = makeTree({
      'ok/.pmmlintrc.json': JSON.stringify({ rules: { 'vague-metric': 'off', 'vague-date': 'error' } }),
      'ok/doc.md': FLAWED_GTM,
      'broken/.pmmlintrc.json': '{\n  "rules": {\n    "placeholder": "loud"\n  }\n}\n',
      'broken/doc.md': FLAWED_GTM,
      'syntax/.pmmlintrc.yaml': 'rules:\n  placeholder: error\n   vague-date: off\n',
      'syntax/doc.md': FLAWED_GTM,
    });
  });
  after(() => t.cleanup());
  it('applies the nearest config file', async () => {
    const r = await runCli(['--format', 'json', path.join(t.dir, 'ok')]);
    const [rep] = JSON.parse(r.stdout);
    assert.ok(!rep.findings.some((f: { ruleId: string }) => f.ruleId === 'vague-metric'));
    const date = rep.findings.find((f: { ruleId: string }) => f.ruleId === 'vague-date');
    assert.equal(date.severity, 'error');
  });
  it('a config with a bad value names the file and line, exits 2, and other folders are still linted', async () => {
    const r = await runCli(['--format', 'json', path.join(t.dir, 'broken'), path.join(t.dir, 'ok')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Config error in .*broken\/\.pmmlintrc\.json:3:\d+: \/rules\/placeholder: must be one of/);
    assert.equal(JSON.parse(r.stdout).length, 1);
  });
  it('a YAML syntax error names the file and line', async () => {
    const r = await runCli([path.join(t.dir, 'syntax', 'doc.md')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Config error in .*syntax\/\.pmmlintrc\.yaml:2:\d+: Nested mappings/);
  });
  it('--config that does not exist is exit 2', async () => {
    const r = await runCli(['--config', path.join(t.dir, 'nope.json'), FLAWED]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /nope\.json/);
  });
});

describe('CLI on many files (worker threads)', () => {
  it('gives the same output, notices and exit code as one thread', async () => {
    const files: Record<string, string | Buffer> = {};
    for (let i = 0; i < 90; i++) files[`docs/${String(i).padStart(3, '0')}-brief.md`] = i % 3 === 0 ? FLAWED_GTM : `# Note ${i}\n\nText ${i}.\n`;
    files['docs/050-binary.md'] = Buffer.from([0x23, 0x20, 0, 1, 2]);
    files['docs/060-huge.md'] = '# Big\n\n' + 'x'.repeat(3 * 1024 * 1024);
    const tree = makeTree(files);
    try {
      const parallel = await runCli(['--format', 'json', 'docs'], { cwd: tree.dir });
      const single = await runCli(['--format', 'json', 'docs'], { cwd: tree.dir, env: { PMM_LINT_THREADS: '1' } });
      assert.equal(parallel.code, 1);
      assert.equal(parallel.code, single.code);
      assert.equal(parallel.stdout, single.stdout);
      assert.equal(parallel.stderr, single.stderr);
      const reports = JSON.parse(parallel.stdout) as Array<{ file: string; docType: string | null }>;
      assert.equal(reports.length, 90);
      assert.equal(reports.filter((r) => r.docType === 'gtm-brief').length, 30);
      assert.deepEqual(reports.map((r) => r.file), [...reports.map((r) => r.file)].sort(), 'in file order');
      assert.match(parallel.stderr, /050-binary\.md: skipped, it looks like a binary file/);
      assert.match(parallel.stderr, /060-huge\.md: skipped/);
    } finally {
      tree.cleanup();
    }
  });
});

describe('CLI on documents without a declared type', () => {
  it('JSON and stylish say what a document reads like; overrides type a folder; READMEs stay silent', async () => {
    const tree = makeTree({
      'notes.md': '# Sales notes\n\n## Where we win\n\n- Setup in a day (3 of 4 deals)\n\n## Objections\n\n- "Too expensive"\n\n## Landmines\n\n- Ask about SSO\n',
      'README.md': '# my-lib\n\n## Install\n\nTODO. The best library ever.\n',
      'battlecards/acme.md': '# Acme\n\nNotes.\n',
      '.pmmlintrc.yaml': 'overrides:\n  - files: "battlecards/**"\n    type: battlecard\n',
    });
    try {
      const json = await runCli(['--format', 'json', tree.dir]);
      const reports = JSON.parse(json.stdout) as Array<{ file: string; docType: string | null; suggestedType?: string; confidence?: number; findings: Array<{ severity: string }> }>;
      const by = (name: string) => reports.find((r) => r.file.endsWith(name))!;
      assert.equal(by('notes.md').docType, null);
      assert.equal(by('notes.md').suggestedType, 'battlecard');
      assert.ok(by('notes.md').confidence! > 0 && by('notes.md').confidence! <= 1);
      assert.deepEqual(by('notes.md').findings.map((f) => f.severity), ['hint']);
      assert.deepEqual([by('README.md').docType, by('README.md').findings, by('README.md').suggestedType], [null, [], undefined]);
      assert.equal(by('acme.md').docType, 'battlecard');
      const stylish = await runCli(['--no-color', path.join(tree.dir, 'notes.md')]);
      assert.equal(stylish.code, 0, 'a hint is not an error');
      assert.match(stylish.stdout, /hint\s+This reads like a Competitive battlecard/);
    } finally {
      tree.cleanup();
    }
  });
});
