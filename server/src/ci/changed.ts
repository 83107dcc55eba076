// The Markdown files changed since a git ref: for pull requests (`--changed-since origin/main`, the Action) and
// pre-push checks. Changed means added, copied, modified or renamed between the merge base of the ref and HEAD,
// plus uncommitted changes and new untracked files in the working tree; deleted files are left out.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { isMarkdownFile } from '../core/markdown-files';

/** Enough for the file list of a very large pull request; past it git's output is cut and we say so. */
const MAX_OUTPUT = 64 * 1024 * 1024;

export type ChangedFiles = { ok: true; files: string[] } | { ok: false; error: string };

function git(cwd: string, args: string[]): { ok: true; out: string } | { ok: false; error: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: MAX_OUTPUT, timeout: 60_000 });
  if (r.error) return { ok: false, error: (r.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'git is not installed' : r.error.message };
  if (r.status !== 0) return { ok: false, error: (r.stderr || `git ${args[0]} failed`).trim().split('\n')[0] };
  return { ok: true, out: r.stdout };
}

/** Absolute paths of the Markdown files changed since `ref`, sorted; or why they cannot be listed. */
export function changedMarkdownFiles(cwd: string, ref: string): ChangedFiles {
  if (ref.startsWith('-')) return { ok: false, error: `'${ref}' is not a git ref` };
  const top = git(cwd, ['rev-parse', '--show-toplevel']);
  if (!top.ok) return { ok: false, error: top.error };
  const root = top.out.trim();
  // The merge base, so that what changed on the base branch since the fork is not counted (three-dot diff).
  const base = git(cwd, ['merge-base', ref, 'HEAD']);
  if (!base.ok) return { ok: false, error: `${base.error} (a shallow clone needs fetch-depth: 0, or the ref fetched)` };
  const diff = git(root, ['diff', '--name-only', '-z', '--no-renames', '--diff-filter=ACMR', base.out.trim(), '--']);
  if (!diff.ok) return diff;
  const untracked = git(root, ['ls-files', '-z', '--others', '--exclude-standard']);
  if (!untracked.ok) return untracked;
  const names = new Set([...diff.out.split('\0'), ...untracked.out.split('\0')].filter((f) => f && isMarkdownFile(f)));
  return { ok: true, files: [...names].map((f) => path.join(root, f)).sort() };
}
