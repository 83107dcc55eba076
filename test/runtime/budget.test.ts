// The budget per document: a document that takes the parser too long, or too much memory, is stopped and named;
// every other document is still linted and reported, and the language server keeps answering for the others.
// Inputs are built here to be slow for micromark (quadratic in their size), not taken from any attack.

import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../tools/cli';
import { LspClient, uriOf } from '../../tools/lsp';
import { FLAWED_GTM, makeTree } from '../../tools/tmp';

/** Unclosed link brackets: micromark's time grows with the square of their number (60,000: 3.4 s; 90,000: 8 s). */
const SLOW_BRACKETS = '# Notes\n\n' + '[a '.repeat(90_000) + '\n';
/** Lazy block-quote continuation lines, also quadratic. */
const SLOW_LAZY = '> quote\n' + 'lazy line\n'.repeat(100_000);

const elapsed = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e6;

describe('budget per document: CLI', () => {
  let tree: ReturnType<typeof makeTree>;
  before(() => {
    tree = makeTree({
      '.pmmlintrc.json': JSON.stringify({ budget: { timeMs: 1000 } }),
      'a-brief.md': FLAWED_GTM,
      'b-slow.md': SLOW_BRACKETS,
      'c-slow.md': SLOW_LAZY,
      'd-brief.md': FLAWED_GTM,
    });
  });
  after(() => tree.cleanup());

  it('stops each slow document at its budget and reports every other file', async () => {
    const t0 = process.hrtime.bigint();
    const r = await runCli(['--format', 'json', tree.dir]);
    const ms = elapsed(t0);
    assert.equal(r.code, 2, r.stderr);
    const reports = JSON.parse(r.stdout) as Array<{ file: string; findings: unknown[] }>;
    assert.deepEqual(reports.map((x) => path.basename(x.file)), ['a-brief.md', 'd-brief.md']);
    assert.ok(reports.every((x) => x.findings.length > 0));
    for (const f of ['b-slow.md', 'c-slow.md']) assert.match(r.stderr, new RegExp(`${f}: not checked: linting stopped after 1\\.\\d s, its time budget`));
    // Two slow files of 1 s each and two workers' restarts; without the budget, over 20 s.
    assert.ok(ms < 10_000, `took ${ms} ms`);
  });

  it('--time-budget wins over the config, and a document within its budget is linted', async () => {
    const r = await runCli(['--format', 'json', '--time-budget', '60000', path.join(tree.dir, 'a-brief.md')]);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(JSON.parse(r.stdout).length, 1);
  });

  it('a document that needs more memory than its budget is named and the others are reported', async () => {
    // 64 MiB cannot hold the tree of a 600 KB brief.
    const big = makeTree({ 'big.md': (FLAWED_GTM + '\n').repeat(Math.ceil(600_000 / FLAWED_GTM.length)), 'small.md': FLAWED_GTM });
    try {
      const r = await runCli(['--format', 'json', '--memory-budget', '64', '--time-budget', '60000', big.dir]);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /big\.md: not checked: linting needed more than 64 MiB of memory/);
      assert.deepEqual(JSON.parse(r.stdout).map((x: { file: string }) => path.basename(x.file)), ['small.md']);
    } finally {
      big.cleanup();
    }
  });

  it('usage errors for budgets out of range', async () => {
    for (const args of [['--time-budget', '5'], ['--time-budget', '500'], ['--time-budget', 'x'], ['--memory-budget', '1'], ['--memory-budget', '999999']]) {
      const r = await runCli([...args, 'README.md']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /needs a whole number from/);
    }
  });
});

describe('bounded reads: CLI', () => {
  it('a FIFO and /dev/zero named on the command line are refused at once; the other file is reported', async () => {
    const t = makeTree({ 'doc.md': FLAWED_GTM });
    const fifo = path.join(t.dir, 'pipe.md');
    execFileSync('mkfifo', [fifo]);
    try {
      const t0 = process.hrtime.bigint();
      const r = await runCli(['--format', 'json', fifo, '/dev/zero', path.join(t.dir, 'doc.md')]);
      assert.ok(elapsed(t0) < 5000);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /pipe\.md: not read, it is not a regular file/);
      assert.match(r.stderr, /\/dev\/zero: not read, it is not a regular file/);
      assert.equal(JSON.parse(r.stdout).length, 1);
    } finally {
      t.cleanup();
    }
  });

  it('--stdin stops reading past maxFileSize and says so', async () => {
    const t = makeTree({ '.pmmlintrc.json': JSON.stringify({ maxFileSize: 10_000 }) });
    try {
      const r = await runCli(['--stdin', '--stdin-filename', 'big.md'], { cwd: t.dir, input: 'x'.repeat(200_000) });
      assert.equal(r.code, 0);
      assert.match(r.stderr, /big\.md: skipped, \d+ KiB is over the 10 KiB limit/);
    } finally {
      t.cleanup();
    }
  });
});

describe('budget per document: language server', () => {
  let tree: ReturnType<typeof makeTree>;
  let client: LspClient;
  before(async () => {
    tree = makeTree({ '.pmmlintrc.json': JSON.stringify({ budget: { timeMs: 1500 } }) });
    client = await LspClient.start({ rootPath: tree.dir });
  });
  after(async () => {
    await client.stop();
    tree.cleanup();
  });

  /** A brief, linted, then a slow document opened beside it (named after `prefix`). */
  const briefBesideSlow = async (prefix: string) => {
    const slow = uriOf(path.join(tree.dir, `${prefix}slow.md`));
    const brief = uriOf(path.join(tree.dir, `${prefix}brief.md`));
    client.open(brief, FLAWED_GTM);
    await client.diagnosticsFor(brief, 1);
    client.open(slow, SLOW_BRACKETS + SLOW_LAZY);
    return { slow, brief };
  };

  it('answers for another document within 1 s while a slow one is linted, and stops the slow one with one notice', async () => {
    const { slow, brief } = await briefBesideSlow('');
    // While the slow document is being linted: a hover, an outline and a keystroke's diagnostics for the brief.
    let t0 = process.hrtime.bigint();
    const symbols = (await client.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: brief } })) as unknown[];
    assert.ok(symbols.length > 0);
    assert.ok(elapsed(t0) < 1000, `outline took ${elapsed(t0)} ms`);
    t0 = process.hrtime.bigint();
    await client.conn.sendRequest('textDocument/hover', { textDocument: { uri: brief }, position: { line: 8, character: 3 } });
    assert.ok(elapsed(t0) < 1000, `hover took ${elapsed(t0)} ms`);
    t0 = process.hrtime.bigint();
    const v2 = client.replaceAll(brief, FLAWED_GTM + '\nOne more line.\n');
    await client.diagnosticsFor(brief, v2);
    assert.ok(elapsed(t0) < 1000, `keystroke diagnostics took ${elapsed(t0)} ms`);

    const stopped = await client.diagnosticsFor(slow, 1);
    assert.equal(stopped.diagnostics.length, 1);
    assert.equal(stopped.diagnostics[0].code, 'budget');
    assert.match(String(stopped.diagnostics[0].message), /stopped checking this document after 1\.\d s, its time budget/);
    // Asked again about the same version, it answers at once with the same notice, without linting again.
    t0 = process.hrtime.bigint();
    const report = (await client.conn.sendRequest('pmmLint/documentReport', { textDocument: { uri: slow } })) as { notice?: string };
    assert.match(report.notice ?? '', /time budget/);
    assert.ok(elapsed(t0) < 500);
  });

  it('while someone types in a slow document, another document still gets its answers and diagnostics within 1 s', async () => {
    const { slow, brief } = await briefBesideSlow('typed-');
    let text = FLAWED_GTM;
    const worst = { request: 0, diagnostics: 0 };
    for (let i = 0; i < 6; i++) {
      client.change(slow, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
      let t0 = process.hrtime.bigint();
      await client.conn.sendRequest('textDocument/hover', { textDocument: { uri: brief }, position: { line: 8, character: 3 } });
      worst.request = Math.max(worst.request, elapsed(t0));
      text += `\nLine ${i}.\n`;
      t0 = process.hrtime.bigint();
      await client.diagnosticsFor(brief, client.replaceAll(brief, text));
      worst.diagnostics = Math.max(worst.diagnostics, elapsed(t0));
    }
    assert.ok(worst.request < 1000, `a hover took ${worst.request} ms`);
    assert.ok(worst.diagnostics < 1000, `keystroke diagnostics took ${worst.diagnostics} ms`);
  });

  it('opening 300 documents at once does not hold back requests for the active one', async () => {
    const active = uriOf(path.join(tree.dir, 'active.md'));
    client.open(active, FLAWED_GTM);
    await client.diagnosticsFor(active, 1);
    const body = (FLAWED_GTM + '\n').repeat(Math.ceil(20_000 / FLAWED_GTM.length));
    const opened = Array.from({ length: 300 }, (_, i) => {
      const uri = uriOf(path.join(tree.dir, 'many', `doc-${i}.md`));
      client.open(uri, body);
      return client.diagnostics(uri, (p) => p.version === 1, { past: true, timeoutMs: 120_000 });
    });
    const latencies: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = process.hrtime.bigint();
      await client.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: active } });
      latencies.push(elapsed(t0));
    }
    assert.ok(Math.max(...latencies) < 1000, `outline took up to ${Math.max(...latencies)} ms`);
    await Promise.all(opened);
  });

  it('Lint Workspace skips a FIFO at once and lints the other files', async () => {
    const fifo = path.join(tree.dir, 'pipe.md');
    const doc = path.join(tree.dir, 'closed.md');
    execFileSync('mkfifo', [fifo]);
    fs.writeFileSync(doc, FLAWED_GTM);
    const t0 = process.hrtime.bigint();
    const summaries = (await client.conn.sendRequest('pmmLint/lintFiles', { uris: [uriOf(fifo), uriOf(doc)] })) as Array<{ skipped?: string; problems: number }>;
    assert.ok(elapsed(t0) < 5000);
    assert.equal(summaries[0].skipped, 'not a regular file');
    assert.ok(summaries[1].problems > 0);
  });
});
