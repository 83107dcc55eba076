// A report's file as CI tools want it: relative to the working directory, with forward slashes.
import * as path from 'node:path';

export function repoPath(file: string, cwd: string): string {
  const rel = path.isAbsolute(file) ? path.relative(cwd, file) : file;
  return (rel.startsWith('..') || path.isAbsolute(rel) ? path.resolve(cwd, file) : rel).split(path.sep).join('/');
}
