// npm run bench: the performance figures of pmm-lint beside their anchors, in one run, as medians after warm-up.
//   engine  lint of a 20 KB / 1 MB / 10 MB GTM brief, and its ratio to a bare remark-parse parse of the same text;
//           the document model's growth over eight times as many headings
//   server  didChange -> publishDiagnostics latency over stdio, p50 / p95 of single-character edits (debounce 0)
//   cli     wall time and peak RSS over 2,000 documents of ~20 KB, beside markdownlint-cli2 and remark-cli
//   memory  the server's RSS after opening the 2,000 documents
// Prints a table and writes bench-output/results.json. Options: --quick (fewer runs), --edits-1mb N, --no-10mb.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultConfig } from '../server/src/core/config';
import { lintText } from '../server/src/core/lint';
import { modelFromTree, parseMarkdown } from '../server/src/core/parse';
import { LspClient, uriOf } from '../tools/lsp';
import { SERVER_ENV, SERVER_EXEC_ARGV } from '../server/src/protocol';
import { gtmBrief } from '../tools/corpus';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'bench-output');
const CORPUS = path.join(OUT, 'corpus');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const edits1mb = Number(args[args.indexOf('--edits-1mb') + 1]) || (quick ? 20 : 200);
/** `--only engine|server|cli|memory`: one part only. */
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const part = (name: string) => only === null || only === name;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const mb = (kb: number) => (kb / 1024).toFixed(0);

function time(fn: () => unknown, runs: number, warmup: number): number {
  for (let i = 0; i < warmup; i++) fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    xs.push(performance.now() - t0);
  }
  return median(xs);
}

function writeCorpus(): string[] {
  fs.mkdirSync(CORPUS, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < 2000; i++) {
    const f = path.join(CORPUS, `brief-${String(i).padStart(4, '0')}.md`);
    if (!fs.existsSync(f)) fs.writeFileSync(f, gtmBrief(20 * 1024, 100 + i));
    files.push(f);
  }
  return files;
}

/** Wall time (median) and peak RSS (max) of a command, over `runs` runs. */
function command(cmd: string, cmdArgs: string[], runs: number): { wallMs: number; peakRssKb: number } {
  const walls: number[] = [];
  let peak = 0;
  for (let i = 0; i < runs; i++) {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...cmdArgs], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
    const m = /([\d.]+) (\d+)\s*$/.exec(r.stderr);
    if (!m) throw new Error(`${cmd} ${cmdArgs.join(' ')}: no timing (${r.stderr.slice(-500)})`);
    walls.push(Number(m[1]) * 1000);
    peak = Math.max(peak, Number(m[2]));
  }
  return { wallMs: median(walls), peakRssKb: peak };
}

async function editLatency(text: string, edits: number): Promise<{ p50: number; p95: number }> {
  // Started as the VS Code client starts it.
  const client = await LspClient.start({ rootPath: OUT, initializationOptions: { settings: { debounceMs: 0 } }, execArgv: SERVER_EXEC_ARGV, env: SERVER_ENV });
  try {
    const uri = uriOf(path.join(OUT, 'latency-gtm-brief.md'));
    client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    // Type inside a paragraph in the middle of the document, one character at a time.
    const at = TextDocument.create(uri, 'markdown', 1, text).positionAt(text.indexOf('### Discussion', text.length / 2) - 2);
    const xs: number[] = [];
    for (let i = 0; i < edits; i++) {
      const pos = { line: at.line, character: at.character + i };
      const t0 = performance.now();
      const version = client.change(uri, [{ range: { start: pos, end: pos }, text: 'x' }]);
      await client.diagnosticsFor(uri, version);
      xs.push(performance.now() - t0);
    }
    return { p50: percentile(xs, 50), p95: percentile(xs, 95) };
  } finally {
    await client.stop();
  }
}

async function serverMemory(files: string[]): Promise<{ rssKb: number; restKb: number; restAfterMs: number; peakKb: number; openMs: number; activeMaxMs: number; activeP95Ms: number }> {
  const client = await LspClient.start({ rootPath: CORPUS, execArgv: SERVER_EXEC_ARGV, env: SERVER_ENV });
  try {
    // The document being worked on, open first.
    const active = uriOf(path.join(OUT, 'active-gtm-brief.md'));
    client.open(active, gtmBrief(20 * 1024, 20 * 1024));
    await client.diagnosticsFor(active, 1);
    // Then every document at once, as an editor restoring its tabs does, while the active document asks for its
    // outline and hovers, one request after another.
    const t0 = performance.now();
    const linted = files.map((f) => {
      const uri = uriOf(f);
      client.open(uri, fs.readFileSync(f, 'utf8'));
      return client.diagnostics(uri, (p) => p.version === 1, { past: true, timeoutMs: 10 * 60 * 1000 });
    });
    let done = false;
    const all = Promise.all(linted).then(() => (done = true));
    const latencies: number[] = [];
    while (!done && latencies.length < 200) {
      const r0 = performance.now();
      await client.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: active } });
      latencies.push(performance.now() - r0);
    }
    await all;
    const openMs = performance.now() - t0;
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(fs.readFileSync(`/proc/${client.proc!.pid}/status`, 'utf8'))![1]);
    const rssKb = kb('VmRSS');
    // At rest: the extra workers stopped (10 s idle) and the idle collection done (RSS steady for 2 s).
    const t1 = performance.now();
    let rest = rssKb;
    for (let steady = 0; steady < 4 && performance.now() - t1 < 60_000; ) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const status = await client.conn.sendRequest<{ work: { workers: number } }>('pmmLint/serverStatus', {});
      const now = kb('VmRSS');
      steady = status.work.workers <= 1 && Math.abs(now - rest) < 1024 ? steady + 1 : 0;
      rest = now;
    }
    return { rssKb, restKb: rest, restAfterMs: performance.now() - t1, peakKb: kb('VmHWM'), openMs, activeMaxMs: Math.max(0, ...latencies), activeP95Ms: latencies.length ? percentile(latencies, 95) : 0 };
  } finally {
    await client.stop();
  }
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).cpus().length };
  const rows: string[][] = [];

  // Engine vs bare parse.
  const parser = unified().use(remarkParse);
  for (const [label, bytes, runs, warmup] of [
    ['20 KB', 20 * 1024, quick ? 10 : 30, 5],
    ['1 MB', 1024 * 1024, quick ? 2 : 5, 1],
    ['10 MB', 10 * 1024 * 1024, quick ? 1 : 3, quick ? 0 : 1],
  ] as const) {
    if (!part('engine') || (bytes > 1024 * 1024 && args.includes('--no-10mb'))) continue;
    const text = gtmBrief(bytes, bytes);
    const config = { ...defaultConfig(), maxFileSize: Infinity };
    const parse = time(() => parser.parse(text), runs, warmup);
    const lint = time(() => lintText(text, { filePath: 'gtm-brief.md', config }), runs, warmup);
    results[`engine ${label}`] = { lintMs: lint, parseMs: parse, ratio: lint / parse };
    rows.push([`engine lint ${label}`, `${ms(lint)} ms`, `remark-parse ${ms(parse)} ms`, `× ${(lint / parse).toFixed(2)}`, 'target ≤ 1.3× (20 KB)']);
    console.error(`engine ${label}: lint ${ms(lint)} ms, parse ${ms(parse)} ms`);
  }

  // Growth of the document model: headings alone, eight times as many (linear about 8-13, quadratic about 64).
  if (part('engine')) {
    const headings = (n: number) => '---\ntype: gtm-brief\n---\n' + Array.from({ length: n }, (_, i) => `${'#'.repeat(1 + (i % 4))} H${i}\n`).join('');
    const [small, large] = [5_000, 40_000].map((n) => { const text = headings(n); return { text, root: parseMarkdown(text) }; });
    const [smallMs, largeMs] = [small, large].map((x) => time(() => modelFromTree(x.text, x.root), quick ? 5 : 9, 1));
    results.modelGrowth = { smallMs, largeMs, ratio: largeMs / smallMs };
    rows.push(['model growth, 5,000 → 40,000 headings', `${ms(smallMs)} → ${ms(largeMs)} ms`, `× ${(largeMs / smallMs).toFixed(1)}`, '', 'linear ≈ 8-13, quadratic ≈ 64']);
    console.error(`model growth: ${ms(smallMs)} -> ${ms(largeMs)} ms`);
  }

  // Server latency.
  for (const [label, bytes, edits, target] of [
    ['20 KB', 20 * 1024, 200, 15],
    ['1 MB', 1024 * 1024, edits1mb, 150],
  ] as const) {
    if (!part('server')) continue;
    const { p50, p95 } = await editLatency(gtmBrief(bytes, bytes), edits);
    results[`server ${label}`] = { edits, p50Ms: p50, p95Ms: p95 };
    rows.push([`keystroke → diagnostics ${label}`, `p50 ${ms(p50)} ms`, `p95 ${ms(p95)} ms`, `${edits} edits`, `target p95 ≤ ${target} ms`]);
    console.error(`server ${label}: p50 ${ms(p50)} ms, p95 ${ms(p95)} ms`);
  }

  // CLI over 2,000 documents, beside markdownlint-cli2 and remark-cli on the same files.
  const files = writeCorpus();
  const runs = quick ? 1 : 3;
  if (part('cli')) {
  const glob = path.relative(ROOT, CORPUS);
  const pmm = command(process.execPath, [path.join(ROOT, 'bin', 'pmm-lint.js'), '--format', 'json', glob], runs);
  const mdl = command(path.join(ROOT, 'node_modules', '.bin', 'markdownlint-cli2'), [`${glob}/*.md`], runs);
  const remark = command(path.join(ROOT, 'node_modules', '.bin', 'remark'), ['--use', 'remark-preset-lint-recommended', '--quiet', '--no-stdout', glob], runs);
  results.cli = { files: files.length, pmmLint: pmm, markdownlintCli2: mdl, remarkCli: remark, ratioToMarkdownlint: pmm.wallMs / mdl.wallMs, ratioToRemark: pmm.wallMs / remark.wallMs };
  rows.push([`CLI ${files.length} files`, `pmm-lint ${ms(pmm.wallMs)} ms`, `markdownlint-cli2 ${ms(mdl.wallMs)} ms (× ${(pmm.wallMs / mdl.wallMs).toFixed(2)})`, `remark-cli ${ms(remark.wallMs)} ms (× ${(pmm.wallMs / remark.wallMs).toFixed(2)})`, 'target < 1.0× markdownlint']);
  rows.push(['CLI peak RSS', `pmm-lint ${mb(pmm.peakRssKb)} MB`, `markdownlint-cli2 ${mb(mdl.peakRssKb)} MB`, `remark-cli ${mb(remark.peakRssKb)} MB`, '']);
  console.error(`cli: pmm-lint ${ms(pmm.wallMs)} ms, markdownlint-cli2 ${ms(mdl.wallMs)} ms, remark-cli ${ms(remark.wallMs)} ms`);
  }

  // Server memory with every document open.
  if (part('memory')) {
  const mem = await serverMemory(files);
  results.serverMemory = { documents: files.length, ...mem };
  rows.push([`server RSS, ${files.length} docs open, at rest`, `${mb(mem.restKb)} MB`, `peak ${mb(mem.peakKb)} MB, ${mb(mem.rssKb)} MB when linted`, `opened in ${ms(mem.openMs)} ms, rest after ${ms(mem.restAfterMs)} ms`, 'target < 150 MB']);
  rows.push([`active doc's outline while ${files.length} open`, `p95 ${ms(mem.activeP95Ms)} ms`, `max ${ms(mem.activeMaxMs)} ms`, '', 'target < 1 s']);
  }

  const vsix = path.join(ROOT, 'pmm-lint.vsix');
  if (fs.existsSync(vsix)) {
    const size = fs.statSync(vsix).size;
    results.vsixBytes = size;
    rows.push(['packaged .vsix', `${(size / 1024).toFixed(0)} KB`, '', '', 'target < 2 MB']);
  }

  fs.writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  console.log(rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ')).join('\n'));
  console.log(`\n(${path.relative(ROOT, path.join(OUT, 'results.json'))}; node ${process.version}, ${results.cpus} CPUs)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
