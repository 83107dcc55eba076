// Inserted elements are shown where they went: the editor scrolls to the new heading and selects its first
// placeholder (the skeleton's instruction, a [bracketed] or 【】 slot), so typing replaces it. The palette command
// and the preview do this themselves; the light bulb's "Insert missing element" is a plain WorkspaceEdit from the
// server, so the client's code-action middleware attaches a command that VS Code runs after applying the edit.
import * as vscode from 'vscode';

export const REVEAL_INSERTION = 'pmmLint.revealInsertion';

/** The first placeholder of inserted text: an _instruction_ line, a [bracketed] or 【】 slot, TBD, 待补充. */
const PLACEHOLDER = /^_[^_\r\n]+_$|\[[^\]\r\n]+\]|【[^】\r\n]+】|\bTBD\b|待补充/mu;

/** Shows text inserted at `at`: the heading in view, the cursor on its first placeholder (else the heading's end). */
export function revealInsertion(editor: vscode.TextEditor, at: vscode.Position, text: string): void {
  const doc = editor.document;
  const start = doc.offsetAt(at);
  if (doc.getText().slice(start, start + text.length) !== text) return; // changed meanwhile: leave the cursor alone
  const lead = /^[\r\n]*/.exec(text)![0].length;
  const headingEnd = text.slice(lead).search(/\r?\n|\r|$/) + lead;
  const placeholder = PLACEHOLDER.exec(text.slice(headingEnd));
  const selection = placeholder
    ? new vscode.Selection(doc.positionAt(start + headingEnd + placeholder.index), doc.positionAt(start + headingEnd + placeholder.index + placeholder[0].length))
    : new vscode.Selection(doc.positionAt(start + headingEnd), doc.positionAt(start + headingEnd));
  editor.selection = selection;
  editor.revealRange(new vscode.Range(doc.positionAt(start + lead), selection.end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** The command a light-bulb insertion runs after its edit: (uri, line, character, inserted text). */
export function registerRevealInsertion(): vscode.Disposable {
  return vscode.commands.registerCommand(REVEAL_INSERTION, async (uri: string, line: number, character: number, text: string) => {
    const target = vscode.Uri.parse(uri);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.toString());
    const editor = vscode.window.activeTextEditor?.document.uri.toString() === target.toString() ? vscode.window.activeTextEditor : visible ?? (await vscode.window.showTextDocument(target));
    revealInsertion(editor, new vscode.Position(line, character), text);
  });
}

const isRequiredElement = (d: vscode.Diagnostic) => d.source === 'pmm-lint' && String(typeof d.code === 'object' ? d.code.value : d.code) === 'required-element';

/** The first heading an action's edit inserts (one document, insertions of headings only), or undefined. */
function insertedElement(action: vscode.CodeAction): { uri: vscode.Uri; at: vscode.Position; text: string } | undefined {
  if (!action.edit || action.command || !action.diagnostics?.some(isRequiredElement)) return undefined;
  const entries = action.edit.entries();
  if (entries.length !== 1) return undefined;
  const [uri, edits] = entries[0];
  if (edits.length === 0 || !edits.every((e) => e.range.isEmpty && /^[\r\n]*#{1,6} /.test(e.newText))) return undefined;
  const first = [...edits].sort((a, b) => a.range.start.compareTo(b.range.start))[0];
  return { uri, at: first.range.start, text: first.newText };
}

/**
 * Code-action middleware: pmm-lint's "Insert missing element" actions (one or all) also reveal what they insert.
 * The server's edit is kept as it is (applied by VS Code, one undo step); only a command is added.
 */
export function withRevealCommands<T extends vscode.Command | vscode.CodeAction>(actions: T[] | null | undefined): T[] | null | undefined {
  for (const action of actions ?? []) {
    if (!(action instanceof vscode.CodeAction)) continue;
    const inserted = insertedElement(action);
    if (!inserted) continue;
    action.command = {
      title: action.title,
      command: REVEAL_INSERTION,
      arguments: [inserted.uri.toString(), inserted.at.line, inserted.at.character, inserted.text],
    };
  }
  return actions;
}
