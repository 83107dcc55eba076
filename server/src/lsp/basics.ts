// What the language server's main thread needs to know of its features without loading the engine: the main
// thread only speaks the protocol and schedules, and every module it imports stays in its memory.

import { fileURLToPath } from 'node:url';

/** `source` of every diagnostic pmm-lint publishes. */
export const SOURCE = 'pmm-lint';
/** Completion triggers: `#` for a checklist heading, `:` for a front matter value. */
export const TRIGGER_CHARACTERS = ['#', ':'];
/** The code action kind of "Set the document type". */
export const SET_TYPE_KIND = 'source.pmmLint.setType';
export const MARKDOWN_LANGUAGES = new Set(['markdown', 'mdx']);

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
