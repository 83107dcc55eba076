// pmm-lint --fix, --fix-insert-missing and --fix-dry-run: the built CLI on real files in a temp folder.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unifiedDiff } from '../../server/src/ci/fix';
import { runCli, ROOT } from '../../tools/cli';
import { makeTree } from '../../tools/tmp';

interface Report {
  file: string;
  docType: string | null;
  suggestedType?: string;
  confidence?: number;
  findings: Array<{ ruleId: string; elementId: string | null; severity: string; message: string }>;
}

const FLAWED = ['en', 'zh'].flatMap((lang) =>
  fs
    .readdirSync(path.join(ROOT, 'examples', lang))
    .filter((f) => f.endsWith('.flawed.md'))
    .map((f) => `${lang}/${f}`),
);
const read = (file: string) => fs.readFileSync(path.join(ROOT, 'examples', file), 'utf8');
const withoutType = (text: string) => text.replace(/^type:.*\n/m, '');

/** Reads like a battlecard (the title names the genre, two of its elements): confidence 0.65. */
const READS_LIKE = '# Competitive notes\n\n## Where we win\n\n- Faster setup\n\n## Objections\n\n- "Too expensive"\n';
/** Reads like a battlecard on three headings alone (0.49): below the threshold, left to a person. */
const UNSURE = '# Sales notes\n\n## Where we win\n\n- Faster setup\n\n## Objections\n\n- "Too expensive"\n\n## Landmines\n\n- Ask about SSO\n';

/** Every flawed example as it is (`typed/`) and without its `type:` line (`untyped/`), and two undeclared notes. */
function exampleTree() {
  const files: Record<string, string> = { 'notes/competitive-notes.md': READS_LIKE, 'notes/sales-notes.md': UNSURE };
  for (const f of FLAWED) {
    files[`typed/${f}`] = read(f);
    files[`untyped/${f}`] = withoutType(read(f));
  }
  return makeTree(files);
}

function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p).split(path.sep).join('/'), fs.readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

async function lintJson(dir: string): Promise<Map<string, Report>> {
  const r = await runCli(['--format', 'json', '--locale', 'en', '.'], { cwd: dir });
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return new Map((JSON.parse(r.stdout) as Report[]).map((x) => [x.file.split(path.sep).join('/'), x]));
}

/** The lines of `after` that are not in `before`, asserting that `before`'s lines all stay, in their order. */
function insertedLines(before: string, after: string, file: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const inserted: string[] = [];
  let i = 0;
  for (const line of b) {
    if (i < a.length && line === a[i]) i++;
    else inserted.push(line);
  }
  assert.equal(i, a.length, `${file}: every original line is kept, in order`);
  return inserted;
}

const readsLikeHints = (r: Report) => r.findings.filter((f) => f.ruleId === 'front-matter' && f.severity === 'hint');
/** Missing required elements (not the pitch that stands in for a positioning statement, which needs a person). */
const missingElements = (r: Report) => r.findings.filter((f) => f.ruleId === 'required-element' && !/is a pitch/.test(f.message)).map((f) => f.elementId);
/** The per-file lines --fix prints on stderr: file -> what changed. */
function fixLines(stderr: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of stderr.split('\n')) {
    const m = /^(\S+\.md)(?: \(dry run\))?: ((?:added|would|inserted) .*)$/.exec(line);
    if (m) out.set(m[1].split(path.sep).join('/'), m[2]);
  }
  return out;
}

describe('pmm-lint --fix', () => {
  it('adds the type a document clearly reads as, and nothing else; a second run changes nothing', async () => {
    const tree = exampleTree();
    try {
      const before = snapshot(tree.dir);
      const lintBefore = await lintJson(tree.dir);
      const run = await runCli(['--fix', '--format', 'json', '--locale', 'en', '.'], { cwd: tree.dir });
      assert.ok(run.code === 0 || run.code === 1, run.stderr);
      const after = snapshot(tree.dir);
      const changed = fixLines(run.stderr);
      for (const f of FLAWED) {
        // The type goes back where the example has it: the copy becomes the example again.
        assert.equal(after.get(`untyped/${f}`), read(f), `untyped/${f}`);
        assert.equal(after.get(`typed/${f}`), before.get(`typed/${f}`), `typed/${f} is left alone`);
        assert.match(changed.get(`untyped/${f}`) ?? '', /^added type: [a-z-]+$/, `untyped/${f}`);
        assert.ok(!changed.has(`typed/${f}`));
      }
      assert.equal(after.get('notes/competitive-notes.md'), `---\ntype: battlecard\n---\n\n${READS_LIKE}`);
      assert.equal(changed.get('notes/competitive-notes.md'), 'added type: battlecard');
      assert.equal(after.get('notes/sales-notes.md'), UNSURE, 'below the confidence threshold: left to a person');
      assert.equal(changed.size, FLAWED.length + 1, run.stderr);
      assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort(), 'no temp file is left');

      // The report is of the fixed files, and the hints that declaring the type answers are gone.
      const lintAfter = await lintJson(tree.dir);
      const reported = new Map((JSON.parse(run.stdout) as Report[]).map((x) => [x.file.split(path.sep).join('/'), x]));
      assert.deepEqual(reported, lintAfter);
      assert.equal(readsLikeHints(lintBefore.get('notes/competitive-notes.md')!).length, 1);
      assert.equal(lintBefore.get('notes/competitive-notes.md')!.suggestedType, 'battlecard');
      assert.deepEqual(readsLikeHints(lintAfter.get('notes/competitive-notes.md')!), []);
      assert.equal(lintAfter.get('notes/competitive-notes.md')!.docType, 'battlecard');
      assert.equal(readsLikeHints(lintAfter.get('notes/sales-notes.md')!).length, 1);
      for (const f of FLAWED) assert.deepEqual(lintAfter.get(`untyped/${f}`)!.findings, lintAfter.get(`typed/${f}`)!.findings, f);

      const again = await runCli(['--fix', '.'], { cwd: tree.dir });
      assert.equal(fixLines(again.stderr).size, 0, again.stderr);
      assert.deepEqual(snapshot(tree.dir), after);
    } finally {
      tree.cleanup();
    }
  });

  it('--fix-insert-missing inserts the missing elements where the checklist puts them, and only them', async () => {
    const tree = exampleTree();
    try {
      const before = snapshot(tree.dir);
      const lintBefore = await lintJson(tree.dir);
      const run = await runCli(['--fix-insert-missing', '--locale', 'en', '.'], { cwd: tree.dir });
      assert.ok(run.code === 0 || run.code === 1, run.stderr);
      const after = snapshot(tree.dir);
      const lintAfter = await lintJson(tree.dir);
      const changed = fixLines(run.stderr);
      let someInserted = 0;
      for (const [file, text] of before) {
        const report = lintBefore.get(file)!;
        const missing = missingElements(report);
        const inserted = insertedLines(text, after.get(file)!, file);
        const headings = inserted.filter((l) => /^#{1,6} /.test(l));
        const declared = lintAfter.get(file)!;
        if (declared.docType === null) {
          assert.deepEqual(inserted, [], `${file}: no type, nothing to insert`);
          continue;
        }
        assert.deepEqual(missingElements(declared), [], `${file}: no missing element is left`);
        assert.deepEqual(readsLikeHints(declared), [], `${file}: no "reads like" hint is left`);
        if (file.startsWith('typed/')) {
          // One heading per missing element.
          assert.equal(headings.length, missing.length, `${file}: one heading per missing element`);
          assert.ok(inserted.every((l) => !/^type:/.test(l)), file);
        }
        const n = headings.length;
        someInserted += n;
        const message = changed.get(file) ?? '';
        if (n) assert.match(message, new RegExp(`inserted ${n} missing element`), `${file}: ${message}`);
        else assert.ok(!/inserted/.test(message), file);
      }
      assert.ok(someInserted >= FLAWED.length, 'the flawed examples miss elements');
      // A copy without its type ends up as the example does: the same edits on the same text.
      for (const f of FLAWED) assert.equal(after.get(`untyped/${f}`), after.get(`typed/${f}`), f);

      const again = await runCli(['--fix-insert-missing', '.'], { cwd: tree.dir });
      assert.equal(fixLines(again.stderr).size, 0, again.stderr);
      assert.deepEqual(snapshot(tree.dir), after, 'a second run changes nothing');
    } finally {
      tree.cleanup();
    }
  });

  it('--fix-dry-run prints a unified diff that git apply accepts, and writes nothing', async () => {
    const tree = exampleTree();
    const other = exampleTree();
    try {
      const before = snapshot(tree.dir);
      const dry = await runCli(['--fix-dry-run', '--fix-insert-missing', '.'], { cwd: tree.dir });
      assert.ok(dry.code === 0 || dry.code === 1, dry.stderr);
      assert.deepEqual(snapshot(tree.dir), before, 'nothing is written');
      assert.match(dry.stdout, /^--- a\/notes\/competitive-notes\.md\n\+\+\+ b\/notes\/competitive-notes\.md\n@@ -1,\d+ \+1,\d+ @@\n\+---\n\+type: battlecard\n/m);
      assert.match(dry.stderr, /competitive-notes\.md \(dry run\): would add type: battlecard; would insert \d+ missing elements/);
      const check = spawnSync('git', ['apply', '--check', '-v', '-'], { cwd: tree.dir, input: dry.stdout, encoding: 'utf8' });
      assert.equal(check.status, 0, check.stderr);
      // Applied, the diff gives exactly what --fix writes.
      const apply = spawnSync('git', ['apply', '-'], { cwd: tree.dir, input: dry.stdout, encoding: 'utf8' });
      assert.equal(apply.status, 0, apply.stderr);
      const fix = await runCli(['--fix-insert-missing', '.'], { cwd: other.dir });
      assert.ok(fix.code === 0 || fix.code === 1, fix.stderr);
      assert.deepEqual(snapshot(tree.dir), snapshot(other.dir));
      const none = await runCli(['--fix-dry-run', '--fix-insert-missing', '.'], { cwd: other.dir });
      assert.equal(none.stdout, '', 'nothing left to fix: an empty diff');
    } finally {
      tree.cleanup();
      other.cleanup();
    }
  });

  it('keeps CRLF line breaks and a BOM, says what it did in Chinese, and refuses --stdin', async () => {
    const crlf = '\ufeff' + withoutType(read('zh/persona.flawed.md')).replace(/\n/g, '\r\n');
    const tree = makeTree({ 'persona.md': crlf });
    try {
      const run = await runCli(['--fix-insert-missing', '--locale', 'zh', 'persona.md'], { cwd: tree.dir });
      assert.match(run.stderr, /^persona\.md：已添加「type: persona」；已插入 \d+ 个缺失的要素$/m);
      const fixed = fs.readFileSync(path.join(tree.dir, 'persona.md'), 'utf8');
      assert.ok(fixed.startsWith('\ufeff---\r\ntype: persona\r\n'), JSON.stringify(fixed.slice(0, 30)));
      assert.ok(!/[^\r]\n/.test(fixed), 'every line break is CRLF');
      insertedLines(crlf, fixed, 'persona.md');
      const dry = await runCli(['--fix-dry-run', 'persona.md'], { cwd: tree.dir });
      assert.equal(dry.stdout, '');
      const stdin = await runCli(['--fix', '--stdin'], { input: READS_LIKE });
      assert.equal(stdin.code, 2);
      assert.match(stdin.stderr, /Usage error: --fix writes files back/);
    } finally {
      tree.cleanup();
    }
  });
});

describe('unifiedDiff', () => {
  const lines = (n: number, tag = 'line') => Array.from({ length: n }, (_, i) => `${tag} ${i + 1}\n`).join('');
  const cases: Array<[string, string, string]> = [
    ['insert at the top', lines(10), 'new\n' + lines(10)],
    ['insert at the end', lines(10), lines(10) + 'new\n'],
    ['two hunks far apart, one near', lines(30), lines(30).replace('line 2\n', 'line 2\nA\n').replace('line 20\n', 'B\nline 20\n').replace('line 25\n', 'line 25\nC\n')],
    ['a change and a deletion', lines(12), lines(12).replace('line 4\n', 'four\n').replace('line 9\n', '')],
    ['no line break at the end, before', 'a\nb', 'a\nb\nc\n'],
    ['no line break at the end, after', 'a\nb\n', 'a\nb\nc'],
    ['no line break at either end', 'x\ny', 'x\nnew\ny'],
    ['from empty', '', 'only\n'],
    ['to empty', 'gone\n', ''],
    ['CRLF and a BOM', '\ufeff---\r\nowner: a\r\n---\r\n\r\n# T\r\n', '\ufeff---\r\ntype: persona\r\nowner: a\r\n---\r\n\r\n# T\r\n\r\n## New\r\n'],
    ['repeated lines', 'x\nx\nx\n', 'x\ny\nx\nx\ny\n'],
  ];
  it('gives diffs that git apply takes and that give the new text', () => {
    assert.equal(unifiedDiff('same.md', 'a\n', 'a\n'), '');
    const tree = makeTree({});
    try {
      for (const [label, before, after] of cases) {
        const file = path.join(tree.dir, 'doc.md');
        fs.writeFileSync(file, before);
        const diff = unifiedDiff('doc.md', before, after);
        const apply = spawnSync('git', ['apply', '-'], { cwd: tree.dir, input: diff, encoding: 'utf8' });
        assert.equal(apply.status, 0, `${label}: ${apply.stderr}\n${diff}`);
        assert.equal(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '', after, `${label}\n${diff}`);
        fs.rmSync(file, { force: true });
      }
    } finally {
      tree.cleanup();
    }
  });
});
