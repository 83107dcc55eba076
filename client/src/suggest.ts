// Suggestions as you type, only where pmm-lint has something to offer: VS Code leaves quick suggestions off in
// Markdown (every word would pop up a list), so `pmm` at the start of a line would show the snippets only after
// Ctrl+Space. This opens the suggest widget when a line's text becomes `pmm` (any Markdown document: the user is
// asking for a template) and nowhere else; `#` and `:` are the server's trigger characters already.
import * as vscode from 'vscode';

/** The text before the cursor that asks for pmm's snippets. */
const SNIPPET_PREFIX = /^\s*pmm$/u;

/** Whether a change typed the last letter of the snippet prefix on its line. */
export function typedSnippetPrefix(doc: vscode.TextDocument, change: vscode.TextDocumentContentChangeEvent): boolean {
  if (change.text.length !== 1 || change.rangeLength !== 0) return false;
  const line = doc.lineAt(change.range.start.line).text;
  return SNIPPET_PREFIX.test(line.slice(0, change.range.start.character + 1));
}

export function registerSuggestOnPrefix(): vscode.Disposable {
  return vscode.workspace.onDidChangeTextDocument((e) => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document !== e.document || e.document.languageId !== 'markdown' || e.contentChanges.length !== 1) return;
    if (!typedSnippetPrefix(e.document, e.contentChanges[0])) return;
    if (!vscode.workspace.getConfiguration('pmmLint', e.document).get<boolean>('suggestSnippets', true)) return;
    void vscode.commands.executeCommand('editor.action.triggerSuggest');
  });
}
