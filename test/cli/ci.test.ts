// pmm-lint in CI: the output formats (GitHub annotations, JUnit, GitLab Code Quality) checked by their syntax, a
// parser and the field list; --output-file; --changed-since on a git repository made here; and the GitHub
// Action's step (bin/pmm-lint-action.js) on a pull-request-like branch: annotations on the changed documents
// only, a SARIF file valid against the schema, the job summary table and the step outputs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import YAML from 'yaml';
import { ROOT, runCli } from '../../tools/cli';
import { makeTree } from '../../tools/tmp';

interface Finding { ruleId: string; severity: string; line: number; message: string }
interface Report { file: string; docType: string | null; findings: Finding[] }

const EXAMPLES = ['examples/en', 'examples/zh'];
const count = (reports: Report[], test: (f: Finding) => boolean = () => true) => reports.reduce((n, r) => n + r.findings.filter(test).length, 0);

describe('CI output formats', () => {
  let json: Report[];
  before(async () => {
    json = JSON.parse((await runCli(['--format', 'json', ...EXAMPLES])).stdout);
    assert.ok(count(json) > 50, 'the flawed examples give findings to format');
  });

  it('github: one workflow command per finding, in GitHub\'s syntax, escaped', async () => {
    const r = await runCli(['--format', 'github', ...EXAMPLES]);
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, count(json));
    const COMMAND = /^::(error|warning|notice) file=([^,:\n]+),line=(\d+),col=(\d+),endLine=(\d+)(?:,endColumn=(\d+))?,title=([^,:\n]+)::([^\r\n]+)$/u;
    for (const line of lines) {
      const m = COMMAND.exec(line);
      assert.ok(m, line);
      assert.match(m[2], /^examples\/(en|zh)\/[\w.-]+\.md$/);
      assert.ok(Number(m[3]) >= 1 && Number(m[5]) >= Number(m[3]));
      assert.match(decodeURIComponent(m[7]), /^pmm-lint \([a-z-]+\)$/);
    }
    const errors = lines.filter((l) => l.startsWith('::error ')).length;
    assert.equal(errors, count(json, (f) => f.severity === 'error'));
  });

  it('junit: well-formed XML, one suite per document, a failure per error or warning', async () => {
    const r = await runCli(['--format', 'junit', ...EXAMPLES]);
    assert.equal(XMLValidator.validate(r.stdout), true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(r.stdout);
    const suites = doc.testsuites.testsuite as Array<{ name: string; tests: string; failures: string; testcase: Array<{ failure?: { type: string; message: string } }> }>;
    assert.equal(suites.length, json.length);
    const failing = count(json, (f) => f.severity === 'error' || f.severity === 'warning');
    assert.equal(Number(doc.testsuites.failures), failing);
    assert.equal(suites.reduce((n, s) => n + s.testcase.filter((c) => c.failure).length, 0), failing);
    for (const s of suites) {
      assert.equal(Number(s.tests), s.testcase.length);
      for (const c of s.testcase) if (c.failure) assert.ok(['error', 'warning'].includes(c.failure.type) && c.failure.message.length > 0);
    }
  });

  it('codequality: GitLab\'s fields, a unique fingerprint per issue', async () => {
    const r = await runCli(['--format', 'codequality', ...EXAMPLES]);
    const issues = JSON.parse(r.stdout) as Array<Record<string, unknown> & { location: { path: string; lines: { begin: number } } }>;
    assert.equal(issues.length, count(json));
    for (const i of issues) {
      assert.deepEqual(Object.keys(i).sort(), ['check_name', 'description', 'fingerprint', 'location', 'severity']);
      assert.ok(typeof i.description === 'string' && i.description.length > 0);
      assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(i.severity as string));
      assert.match(i.location.path, /^examples\/(en|zh)\//);
      assert.ok(Number.isInteger(i.location.lines.begin) && i.location.lines.begin >= 1);
    }
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
  });

  it('--output-file writes the report there and nothing to stdout; the exit code is unchanged', async () => {
    const t = makeTree({});
    try {
      const out = path.join(t.dir, 'report', 'pmm.sarif');
      const r = await runCli(['--format', 'sarif', '--output-file', out, ...EXAMPLES]);
      assert.equal(r.code, 1);
      assert.equal(r.stdout, '');
      assert.equal(JSON.parse(fs.readFileSync(out, 'utf8')).runs[0].results.length, count(json));
      const bad = await runCli(['--output-file', t.dir, ...EXAMPLES]);
      assert.equal(bad.code, 2, 'a folder is not a file to write');
    } finally {
      t.cleanup();
    }
  });

  it('an unknown format is a usage error (exit 2)', async () => {
    const r = await runCli(['--format', 'xml', 'examples']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--format/);
  });
});

/** A repository with main and a branch that changes some documents, as a pull request does. */
function makeRepo(): { dir: string; cleanup: () => void } {
  const t = makeTree({});
  const git = (...args: string[]) => {
    const r = spawnSync('git', args, { cwd: t.dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
    assert.equal(r.status, 0, r.stderr);
  };
  const copy = (from: string, to: string) => {
    fs.mkdirSync(path.dirname(path.join(t.dir, to)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, from), path.join(t.dir, to));
  };
  git('init', '-q', '-b', 'main');
  copy('examples/en/positioning.flawed.md', 'docs/positioning.md');
  copy('examples/en/persona.good.md', 'docs/persona.md');
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  git('checkout', '-q', '-b', 'feature');
  copy('examples/en/gtm-brief.flawed.md', 'docs/launch/gtm-brief.md');
  fs.appendFileSync(path.join(t.dir, 'docs/persona.md'), '\nOur platform is the best-in-class choice.\n');
  fs.writeFileSync(path.join(t.dir, 'notes.txt'), 'not Markdown');
  git('add', '.');
  git('commit', '-q', '-m', 'change');
  return t;
}

describe('--changed-since and the GitHub Action', () => {
  let repo: { dir: string; cleanup: () => void };
  before(() => (repo = makeRepo()));
  after(() => repo.cleanup());

  it('--changed-since lints only the Markdown files changed since the merge base', async () => {
    const r = await runCli(['--format', 'json', '--changed-since', 'main'], { cwd: repo.dir });
    const files = (JSON.parse(r.stdout) as Report[]).map((x) => x.file).sort();
    assert.deepEqual(files, ['docs/launch/gtm-brief.md', 'docs/persona.md']);
    const none = await runCli(['--format', 'json', '--changed-since', 'HEAD'], { cwd: repo.dir });
    assert.equal(none.code, 0);
    assert.deepEqual(JSON.parse(none.stdout), []);
    const bad = await runCli(['--changed-since', 'no-such-ref'], { cwd: repo.dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /no-such-ref/);
  });

  it('the Action\'s step annotates the changed documents, writes SARIF, the job summary and its outputs', () => {
    const summary = path.join(repo.dir, '..', `summary-${path.basename(repo.dir)}.md`);
    const outputs = path.join(repo.dir, '..', `outputs-${path.basename(repo.dir)}.txt`);
    const sarif = path.join(repo.dir, '..', `pmm-${path.basename(repo.dir)}.sarif`);
    try {
      const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'pmm-lint-action.js')], {
        cwd: repo.dir,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8', GITHUB_BASE_REF: '', PMM_LINT_BASE: 'main', PMM_LINT_SARIF: sarif, GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: outputs },
      });
      assert.equal(r.status, 1, r.stderr);
      const annotated = new Set(r.stdout.trimEnd().split('\n').map((l) => /file=([^,]+)/.exec(l)?.[1]));
      assert.deepEqual([...annotated].sort(), ['docs/launch/gtm-brief.md', 'docs/persona.md']);
      assert.match(r.stdout, /^::warning file=docs\/persona\.md,line=\d+.*best-in-class/m);
      const log = JSON.parse(fs.readFileSync(sarif, 'utf8'));
      const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
      const validate = new AjvDraft04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
      assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
      const table = fs.readFileSync(summary, 'utf8');
      assert.match(table, /^\| Document \| Type \| Score \| Missing elements \| Findings \|$/m);
      assert.match(table, /^\| docs\/launch\/gtm-brief\.md \| GTM brief[^|]* \| \d+ \| Pricing &amp; packaging[^|]* \| \d+ \|$/m);
      const out = Object.fromEntries(fs.readFileSync(outputs, 'utf8').trim().split('\n').map((l) => l.split('=') as [string, string]));
      assert.equal(out['sarif-file'], sarif);
      assert.ok(Number(out.errors) > 0);
    } finally {
      for (const f of [summary, outputs, sarif]) fs.rmSync(f, { force: true });
    }
  });
});

describe('pmm-lint init', () => {
  /** An example without its front matter `type:` line: the type has to be read from the document. */
  const untyped = (example: string) => fs.readFileSync(path.join(ROOT, 'examples', example), 'utf8').replace(/^type:.*\n/m, '');
  let t: { dir: string; cleanup: () => void };
  before(() => {
    t = makeTree({
      'positioning/warehouse.md': untyped('en/positioning.good.md'),
      'positioning/星图.md': untyped('zh/positioning.good.md'),
      'launches/q3.md': untyped('en/gtm-brief.good.md'),
      'launches/q4.md': untyped('en/gtm-brief.flawed.md'),
      'personas/buyer.md': fs.readFileSync(path.join(ROOT, 'examples/en/persona.good.md'), 'utf8'),
      'misc/battlecard.md': untyped('en/battlecard.good.md'),
      'misc/notes.md': '# Notes\n\nLunch at noon.\n',
    });
  });
  after(() => t.cleanup());

  it('writes a config that lints a folder of mixed, untyped documents as their types', async () => {
    const r = await runCli(['init'], { cwd: t.dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /\.pmmlintrc\.yaml/);
    const config = YAML.parse(fs.readFileSync(path.join(t.dir, '.pmmlintrc.yaml'), 'utf8'));
    assert.deepEqual(config.overrides, [
      { files: 'launches/*.md', type: 'gtm-brief' },
      { files: 'misc/battlecard.md', type: 'battlecard' },
      { files: 'positioning/*.md', type: 'positioning' },
    ]);
    assert.equal(config.rules['required-element'], 'error');
    const reports = JSON.parse((await runCli(['--format', 'json', '.'], { cwd: t.dir })).stdout) as Array<Report & { typeVia?: string }>;
    const types = Object.fromEntries(reports.map((x) => [x.file, [x.docType, x.typeVia ?? null]]));
    assert.deepEqual(types, {
      'launches/q3.md': ['gtm-brief', 'config'],
      'launches/q4.md': ['gtm-brief', 'config'],
      'misc/battlecard.md': ['battlecard', 'config'],
      'misc/notes.md': [null, null],
      'personas/buyer.md': ['persona', 'front-matter'],
      'positioning/warehouse.md': ['positioning', 'config'],
      'positioning/星图.md': ['positioning', 'config'],
    });
  });

  it('does not overwrite a config without --force', async () => {
    const again = await runCli(['init'], { cwd: t.dir });
    assert.equal(again.code, 2);
    assert.match(again.stderr, /--force/);
    fs.writeFileSync(path.join(t.dir, '.pmmlintrc.yaml'), 'rules: {}\n');
    const forced = await runCli(['init', '--force'], { cwd: t.dir });
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(fs.readFileSync(path.join(t.dir, '.pmmlintrc.yaml'), 'utf8'), /^overrides:/m);
    const typo = await runCli(['init', '--forse'], { cwd: t.dir });
    assert.equal(typo.code, 2);
  });
});
