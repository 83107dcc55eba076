// `pmm-lint --fix`: the main thread's part. The workers lint and fix the text (core/fixes.ts, the same edits as the
// editor's code actions); here each changed file is written back atomically (a temp file beside it, then a rename),
// or with --fix-dry-run shown as a unified diff, and one line per file says what changed.

import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { t } from '../core/i18n';
import type { Locale } from '../core/types';
import type { FileFix, FileOutcome } from '../runtime/lint-file';

const BOM = '\ufeff';
const CONTEXT = 3;

/** Lines with their line breaks (the last one may have none). */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+/g) ?? [];
}

type Op = { kind: ' ' | '-' | '+'; line: string };

/**
 * A shortest line edit script (Myers' O(ND) algorithm) between the lines that differ, after the common head and tail
 * are taken off. Past `maxD` differences the middle is replaced as a whole: still a correct diff, just a longer one.
 */
function diffLines(a: string[], b: string[], maxD = 2000): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x0 = a.slice(head, a.length - tail);
  const y0 = b.slice(head, b.length - tail);
  const same = (lines: string[]): Op[] => lines.map((line) => ({ kind: ' ', line }));
  return [...same(a.slice(0, head)), ...middleOps(x0, y0, maxD), ...same(a.slice(a.length - tail))];
}

function middleOps(a: string[], b: string[], maxD: number): Op[] {
  const n = a.length;
  const m = b.length;
  const replaceAll = (): Op[] => [...a.map((line): Op => ({ kind: '-', line })), ...b.map((line): Op => ({ kind: '+', line }))];
  if (n === 0 || m === 0) return replaceAll();
  const offset = n + m;
  const v = new Int32Array(2 * offset + 2);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= Math.min(n + m, maxD); d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(a, b, trace, offset);
    }
  }
  return replaceAll();
}

/** Walks the saved frontiers back from the end to the start, collecting the script in reverse. */
function backtrack(a: string[], b: string[], trace: Int32Array[], offset: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : v[offset + prevK];
    const prevY = d === 0 ? 0 : prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: ' ', line: a[--x] });
      y--;
    }
    if (d === 0) break;
    if (x === prevX) ops.push({ kind: '+', line: b[--y] });
    else ops.push({ kind: '-', line: a[--x] });
  }
  return ops.reverse();
}

/** One line of a hunk; a line without a line break (the file's last) is followed by git's marker. */
function hunkLine(op: Op): string {
  return op.line.endsWith('\n') ? op.kind + op.line : `${op.kind}${op.line}\n\\ No newline at end of file\n`;
}

/** A unified diff (`--- a/name`, `+++ b/name`, hunks with 3 lines of context) from `before` to `after`; '' when equal. */
export function unifiedDiff(name: string, before: string, after: string): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  const changed = ops.flatMap((op, i) => (op.kind === ' ' ? [] : [i]));
  // Changes closer than twice the context share a hunk.
  const ranges: Array<[number, number]> = [];
  for (const i of changed) {
    const last = ranges[ranges.length - 1];
    if (last && i - last[1] <= 2 * CONTEXT) last[1] = i;
    else ranges.push([i, i]);
  }
  // A tab ends a name with spaces for patch(1) as it does for git apply.
  const file = name.split(path.sep).join('/') + (/\s/.test(name) ? '\t' : '');
  let out = `--- a/${file}\n+++ b/${file}\n`;
  // Line numbers (0-based) in each file where ops[i] stands.
  const oldAt: number[] = [];
  const newAt: number[] = [];
  for (let i = 0, o = 0, n = 0; i < ops.length; i++) {
    oldAt.push(o);
    newAt.push(n);
    if (ops[i].kind !== '+') o++;
    if (ops[i].kind !== '-') n++;
  }
  for (const [first, last] of ranges) {
    const from = Math.max(0, first - CONTEXT);
    const to = Math.min(ops.length - 1, last + CONTEXT);
    const hunk = ops.slice(from, to + 1);
    const oldCount = hunk.filter((op) => op.kind !== '+').length;
    const newCount = hunk.filter((op) => op.kind !== '-').length;
    // An empty side starts at the line before it (0 at the very top).
    const oldStart = oldCount ? oldAt[from] + 1 : oldAt[from];
    const newStart = newCount ? newAt[from] + 1 : newAt[from];
    out += `@@ -${oldStart},${oldCount} +${newStart},${newCount} @@\n` + hunk.map(hunkLine).join('');
  }
  return out;
}

/**
 * Writes the text in place of the file without a moment when the file is half written: a temp file beside it (so
 * the rename stays on one file system; beside a symlink's target, which keeps the link), with the file's mode, then
 * a rename over it. The file must still hold exactly `expected` (as UTF-8): one changed since it was read, or with
 * bytes that are not UTF-8 (which the text could not give back), is left as it is (false).
 */
export function writeFileAtomically(file: string, text: string, expected: string): boolean {
  const target = fs.realpathSync(file);
  if (!fs.readFileSync(target).equals(Buffer.from(expected, 'utf8'))) return false;
  const mode = fs.statSync(target).mode & 0o7777;
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.pmm-lint-fix`);
  try {
    fs.writeFileSync(temp, text, { flag: 'wx', mode });
    fs.renameSync(temp, target);
    return true;
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** "added type: gtm-brief; inserted 2 missing elements", or what would be done in a dry run. */
function changesOf(fix: FileFix, locale: Locale, dryRun: boolean): string {
  const parts: string[] = [];
  if (fix.addedType) parts.push(t(locale, dryRun ? 'cli.fix.wouldAddType' : 'cli.fix.addedType', { type: fix.addedType }));
  if (fix.inserted) parts.push(t(locale, dryRun ? 'cli.fix.wouldInsert' : 'cli.fix.inserted', { count: fix.inserted }));
  return parts.join(t(locale, 'cli.fix.separator'));
}

/**
 * Applies the workers' fixes: writes each changed file (a notice per file), or in a dry run collects the diffs
 * and writes nothing. A file that cannot be written is that file's failure (exit 2); its report is dropped, since
 * it describes text that is not on disk.
 */
export function applyFixes(outcomes: FileOutcome[], locale: Locale, dryRun: boolean): { outcomes: FileOutcome[]; diff: string } {
  let diff = '';
  const applied = outcomes.map((outcome): FileOutcome => {
    const fix = outcome.fix;
    if (!fix) return outcome;
    const changes = changesOf(fix, locale, dryRun);
    if (dryRun) {
      const bom = fix.bom ? BOM : '';
      diff += unifiedDiff(fix.display, bom + fix.original, bom + fix.fixed);
      return { ...outcome, notices: [...outcome.notices, t(locale, 'cli.fix.wouldFix', { file: fix.display, changes })] };
    }
    const bom = fix.bom ? BOM : '';
    let notice: string;
    try {
      if (writeFileAtomically(fix.file, bom + fix.fixed, bom + fix.original)) {
        return { ...outcome, notices: [...outcome.notices, t(locale, 'cli.fix.fixed', { file: fix.display, changes })] };
      }
      notice = t(locale, 'cli.fix.changedMeanwhile', { file: fix.display });
    } catch (error) {
      notice = t(locale, 'cli.fix.unwritable', { file: fix.display, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
    }
    return { notices: [...outcome.notices, notice], failed: true };
  });
  return { outcomes: applied, diff };
}
