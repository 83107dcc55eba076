// The Markdown files under a folder named on the command line. A plain walk rather than a glob library: a folder
// whose path holds glob syntax (a backslash, brackets) is read as the path it is, a folder that cannot be read is
// reported, and a symlink loop or a file reached twice through links is read once.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMarkdownFile } from '../core/markdown-files';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.vscode-test']);

/** Markdown files under `root` (dot files and folders, node_modules, .git skipped), and the folders it could not read. */
export function markdownFilesIn(root: string): { files: string[]; unreadable: Array<{ dir: string; code: string }> } {
  const files: string[] = [];
  const unreadable: Array<{ dir: string; code: string }> = [];
  const seenFolders = new Set<string>();
  const seenFiles = new Set<string>();
  const stack = [root];
  while (stack.length) {
    const dir = stack.pop()!;
    let real: string;
    let entries: fs.Dirent[];
    try {
      real = fs.realpathSync(dir);
      if (seenFolders.has(real)) continue;
      seenFolders.add(real);
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      unreadable.push({ dir, code: (error as NodeJS.ErrnoException).code ?? String(error) });
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
      const p = path.join(dir, entry.name);
      let isFolder = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        try {
          isFolder = fs.statSync(p).isDirectory();
        } catch {
          continue; // a dangling link
        }
      }
      if (isFolder) stack.push(p);
      else if (isMarkdownFile(entry.name)) {
        let key = p;
        try {
          key = fs.realpathSync(p);
        } catch {
          // read (and reported) as named
        }
        if (seenFiles.has(key)) continue;
        seenFiles.add(key);
        files.push(p);
      }
    }
  }
  return { files, unreadable };
}
