// What a link clicked in the preview may open (client/src/preview.ts does the opening). No vscode import here, so
// the rules can be tested without the editor (test/client/trust.test.ts).
//
// - web and mail links (`http:`, `https:`, `mailto:`, in any case: schemes are case-insensitive) open outside VS
//   Code, which asks before opening a site;
// - a relative link opens a file only when the file, with every link on its way resolved, lies in the document's
//   folder or in the workspace folder that holds the document: `../../../../etc/passwd` or a symlink beside the
//   document that points elsewhere opens nothing;
// - every other scheme (`javascript:`, `data:`, `command:`, `file:`, `vscode:`...) and a bare `#fragment`: nothing.

import * as fs from 'node:fs';
import * as path from 'node:path';

export type LinkKind = { kind: 'web'; href: string } | { kind: 'relative'; path: string } | { kind: 'none' };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** `HTTP://x` -> `http://x`: the scheme in lower case, the rest as written. */
export function lowerScheme(href: string): string {
  const m = SCHEME.exec(href);
  return m ? m[1].toLowerCase() + href.slice(m[1].length) : href;
}

/** What kind of link an href is, and what it points at. */
export function classifyLink(raw: string): LinkKind {
  const href = lowerScheme(raw.trim());
  if (/^(?:https?:\/\/|mailto:)/.test(href)) return { kind: 'web', href };
  if (SCHEME.test(href) || href.startsWith('#') || href.startsWith('//')) return { kind: 'none' };
  let relative = href.split(/[?#]/)[0];
  try {
    relative = decodeURIComponent(relative);
  } catch {
    // a lone % in the name: take it as written
  }
  if (!relative || relative.includes('\0')) return { kind: 'none' };
  return { kind: 'relative', path: relative };
}

const inside = (file: string, root: string) => {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..' + path.sep) && rel !== '..' && !path.isAbsolute(rel));
};

/**
 * The real path of `target` when it is a file inside one of `roots` (real paths compared, so a symlink that leads
 * out does not count): 'missing' when no such file is there, 'outside' when it lies (or would lie) elsewhere.
 */
export async function fileInside(target: string, roots: readonly string[]): Promise<{ ok: true; path: string } | { ok: false; reason: 'missing' | 'outside' | 'not-a-file' }> {
  const realRoots: string[] = [];
  for (const root of roots) {
    try {
      realRoots.push(await fs.promises.realpath(root));
    } catch {
      // a folder that is gone holds nothing
    }
  }
  let real: string;
  try {
    real = await fs.promises.realpath(target);
  } catch {
    // Not there: say so only for a place inside the roots (nothing about the rest of the disk).
    const lexicallyInside = roots.some((root) => inside(path.resolve(target), path.resolve(root)));
    return { ok: false, reason: lexicallyInside ? 'missing' : 'outside' };
  }
  if (!realRoots.some((root) => inside(real, root))) return { ok: false, reason: 'outside' };
  try {
    if (!(await fs.promises.stat(real)).isFile()) return { ok: false, reason: 'not-a-file' };
  } catch {
    return { ok: false, reason: 'missing' };
  }
  return { ok: true, path: real };
}
