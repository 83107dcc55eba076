// Which files are Markdown documents: one list for the CLI (folders walked, globs), detection (a file's name
// without its extension) and the VS Code client (Lint Workspace).

export const MARKDOWN_EXTENSIONS = ['md', 'markdown', 'mdx', 'mkd'] as const;

/** For workspace searches: every Markdown file. */
export const MARKDOWN_GLOB = `**/*.{${MARKDOWN_EXTENSIONS.join(',')}}`;

const MARKDOWN_FILE = new RegExp(`\\.(?:${MARKDOWN_EXTENSIONS.join('|')})$`, 'i');
// Detection also reads the names of plain-text drafts.
const DOCUMENT_EXTENSION = new RegExp(`\\.(?:${[...MARKDOWN_EXTENSIONS, 'txt'].join('|')})$`, 'i');

/** Whether a file name or path names a Markdown file (any case: README.MD is one). */
export function isMarkdownFile(name: string): boolean {
  return MARKDOWN_FILE.test(name);
}

/** A file name without its document extension (`launch-brief.md` -> `launch-brief`). */
export function withoutDocumentExtension(name: string): string {
  return name.replace(DOCUMENT_EXTENSION, '');
}
