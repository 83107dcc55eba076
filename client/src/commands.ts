// The palette commands (category "PMM"). Each is a small function over the extension's context.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { MARKDOWN_GLOB } from '../../server/src/core/markdown-files';
import { revealInsertion } from './insertions';
import { local, other, uiLanguage } from './language';
import type { PreviewPanel } from './preview';
import { ChecklistsRequest, ElementEditRequest, LintFilesRequest, SetTypeEditRequest, type ChecklistSummary, type LintFileSummary } from './protocol';
import type { Reports } from './reports';
import { RULES } from './rules.generated';

export interface CommandContext {
  extension: vscode.ExtensionContext;
  client(): LanguageClient;
  /** Resolves when the language server is up. */
  ready(): Promise<void>;
  reports: Reports;
  preview: PreviewPanel;
  restart(): Promise<void>;
}

function activeMarkdown(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor && editor.document.languageId === 'markdown') return editor;
  void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown document first.'));
  return undefined;
}

async function editorFor(uri: vscode.Uri | undefined): Promise<vscode.TextEditor | undefined> {
  if (!uri) return activeMarkdown();
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preserveFocus: false });
}

async function checklists(ctx: CommandContext, doc?: vscode.TextDocument): Promise<ChecklistSummary[]> {
  return ctx.client().sendRequest(ChecklistsRequest, doc ? { textDocument: { uri: doc.uri.toString() } } : {});
}

async function pickType(ctx: CommandContext, placeHolder: string, doc?: vscode.TextDocument): Promise<ChecklistSummary | undefined> {
  const types = await checklists(ctx, doc);
  const picked = await vscode.window.showQuickPick(
    types.map((c) => ({ label: local(c.title), description: c.type, detail: other(c.title), checklist: c })),
    { placeHolder, matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.checklist;
}

/**
 * Applies a server edit to a document and shows it: an inserted element with the cursor on its first placeholder
 * (insertions.ts, as the light bulb's insertion), anything else with the cursor at its start.
 */
async function applyEdit(editor: vscode.TextEditor, edit: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }, shown: 'element' | 'start' = 'start'): Promise<boolean> {
  const range = new vscode.Range(edit.range.start.line, edit.range.start.character, edit.range.end.line, edit.range.end.character);
  const we = new vscode.WorkspaceEdit();
  we.replace(editor.document.uri, range, edit.newText);
  const ok = await vscode.workspace.applyEdit(we);
  if (ok && shown === 'element') revealInsertion(editor, range.start, edit.newText.replace(/\r?\n/g, editor.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n'));
  else if (ok) {
    const at = range.start.translate(edit.newText.startsWith('\n') ? edit.newText.match(/^\n+/)![0].length : 0);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  return ok;
}

/** A file name part from a title: letters and digits of any script, lower case, hyphens between words. */
export function slug(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/**
 * Where a new document of `type` would be saved: `<type>-<slug of title>.md` (`<type>.md` without a title) in the
 * workspace folder, numbered past files and open documents of that name; undefined without a (file) folder.
 */
async function proposedFile(type: string, title: string | undefined): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder || folder.uri.scheme !== 'file') return undefined;
  const base = [type, title ? slug(title) : ''].filter(Boolean).join('-');
  const taken = new Set(vscode.workspace.textDocuments.map((d) => d.uri.path));
  for (let n = 1; n < 100; n++) {
    const candidate = vscode.Uri.joinPath(folder.uri, `${base}${n > 1 ? `-${n}` : ''}.md`);
    if (taken.has(candidate.path)) continue;
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
  return undefined;
}

/** A template's body with its title line (the first `# ` line) set to `title`. */
function withTitle(body: string[], title: string): string[] {
  const at = body.findIndex((line) => /^# /.test(line));
  if (at < 0) return body;
  const escaped = title.replace(/[$}\\]/g, (c) => `\\${c}`);
  return [...body.slice(0, at), `# ${escaped}`, ...body.slice(at + 1)];
}

/**
 * "New Document...": a template of the chosen type and language in an untitled document named after the type and
 * the title. Given a type and a language (tests, other extensions) it asks nothing more.
 */
async function newDocument(ctx: CommandContext, type?: string, language?: 'en' | 'zh', title?: string): Promise<vscode.TextDocument | undefined> {
  const interactive = type === undefined;
  const chosen = type ?? (await pickType(ctx, vscode.l10n.t('Which kind of document?')))?.type;
  if (!chosen) return undefined;
  let lang = language;
  if (!lang) {
    const items = [
      { label: 'English', lang: 'en' as const },
      { label: '简体中文', lang: 'zh' as const },
    ];
    if (uiLanguage() === 'zh') items.reverse();
    lang = (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('In which language?') }))?.lang;
    if (!lang) return undefined;
  }
  let heading = title?.trim();
  if (heading === undefined && interactive) {
    // The title names the file (Save proposes it); empty: the template's title, and the type names the file.
    const typed = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Title of the document (optional: it also names the file)'), placeHolder: vscode.l10n.t('Leave empty to write it in the template') });
    if (typed === undefined) return undefined;
    heading = typed.trim();
  }
  const snippetFile = vscode.Uri.joinPath(ctx.extension.extensionUri, 'snippets', `pmm.${lang}.code-snippets`);
  const snippets = JSON.parse(fs.readFileSync(snippetFile.fsPath, 'utf8')) as Record<string, { prefix: string; body: string[] }>;
  const prefix = lang === 'zh' ? `pmm-zh-${chosen}` : `pmm-${chosen}`;
  const template = Object.values(snippets).find((s) => s.prefix === prefix);
  // An untitled document with a proposed path: its tab shows the name, and Save writes it there.
  const file = await proposedFile(chosen, heading || undefined);
  let doc = file ? await vscode.workspace.openTextDocument(file.with({ scheme: 'untitled' })) : await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  if (doc.languageId !== 'markdown') doc = await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
  const editor = await vscode.window.showTextDocument(doc);
  if (template) await editor.insertSnippet(new vscode.SnippetString((heading ? withTitle(template.body, heading) : template.body).join('\n')));
  else await applyEdit(editor, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `---\ntype: ${chosen}\n---\n\n# ${heading ?? ''}\n` });
  return editor.document;
}

/** "Lint Workspace": every Markdown file, in batches, with progress; the diagnostics land in Problems. */
async function lintWorkspace(ctx: CommandContext): Promise<LintFileSummary[]> {
  const files = await vscode.workspace.findFiles(MARKDOWN_GLOB, '**/{node_modules,.git,.vscode-test}/**');
  if (files.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No Markdown files in the workspace.'));
    return [];
  }
  const summaries: LintFileSummary[] = [];
  const done = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('PMM: linting the workspace'), cancellable: true },
    async (progress, token) => {
      const batch = 20;
      for (let i = 0; i < files.length; i += batch) {
        if (token.isCancellationRequested) return false;
        const uris = files.slice(i, i + batch).map((u) => u.toString());
        try {
          summaries.push(...(await ctx.client().sendRequest(LintFilesRequest, { uris }, token)));
        } catch (error) {
          if (token.isCancellationRequested) return false; // cancelled during a batch
          throw error;
        }
        progress.report({ increment: (100 * uris.length) / files.length, message: vscode.l10n.t('{0} of {1} files', Math.min(i + batch, files.length), files.length) });
      }
      return true;
    },
  );
  const pmm = summaries.filter((s) => s.docType).length;
  const problems = summaries.reduce((n, s) => n + s.problems, 0);
  const message = done
    ? vscode.l10n.t('Linted {0} Markdown files: {1} PMM documents, {2} problems.', summaries.length, pmm, problems)
    : vscode.l10n.t('Stopped after {0} of {1} files.', summaries.length, files.length);
  const open = vscode.l10n.t('Open Problems');
  void vscode.window.showInformationMessage(message, open).then((choice) => {
    if (choice === open) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  return summaries;
}

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  // Every command needs the language server: wait for it (activation does not).
  const register = <A extends unknown[]>(id: string, run: (...args: A) => unknown) =>
    vscode.commands.registerCommand(`pmmLint.${id}`, async (...args: A) => {
      if (id !== 'restartServer') await ctx.ready();
      return run(...args);
    });
  return [
    register('newDocument', (type?: string, language?: 'en' | 'zh', title?: string) => newDocument(ctx, type, language, title)),

    register('insertElement', async (uri?: vscode.Uri, elementId?: string) => {
      const editor = await editorFor(uri);
      if (!editor) return false;
      let id = elementId;
      if (!id) {
        const report = await ctx.reports.get(editor.document);
        if (!report?.docType) {
          void vscode.window.showInformationMessage(vscode.l10n.t('pmm-lint does not know which kind of PMM document this is. Run "PMM: Set Document Type..." first.'));
          return false;
        }
        const missing = report.elements.filter((e) => e.status === 'missing');
        if (missing.length === 0) {
          void vscode.window.showInformationMessage(vscode.l10n.t('Every element of the checklist is in the document.'));
          return false;
        }
        const picked = await vscode.window.showQuickPick(
          missing.map((e) => ({ label: local(e.title), description: e.required ? vscode.l10n.t('required') : vscode.l10n.t('optional'), detail: other(e.title), id: e.id })),
          { placeHolder: vscode.l10n.t('Insert which missing element?') },
        );
        id = picked?.id;
      }
      if (!id) return false;
      const edit = await ctx.client().sendRequest(ElementEditRequest, { textDocument: { uri: editor.document.uri.toString() }, elementId: id });
      return edit ? applyEdit(editor, edit, 'element') : false;
    }),

    register('openPreview', async (uri?: vscode.Uri) => {
      const doc = uri ? await vscode.workspace.openTextDocument(uri) : activeMarkdown()?.document;
      if (doc) ctx.preview.open(doc);
      return ctx.preview.isOpen;
    }),

    register('setDocumentType', async (uri?: vscode.Uri, type?: string) => {
      const editor = await editorFor(uri);
      if (!editor) return false;
      const chosen = type ?? (await pickType(ctx, vscode.l10n.t('Declare this document as...'), editor.document))?.type;
      if (!chosen) return false;
      const edit = await ctx.client().sendRequest(SetTypeEditRequest, { textDocument: { uri: editor.document.uri.toString() }, type: chosen });
      return edit ? applyEdit(editor, edit) : false;
    }),

    register('showRuleDocs', async (ruleId?: string) => {
      let id = ruleId;
      if (!id) {
        const zh = uiLanguage() === 'zh';
        id = (await vscode.window.showQuickPick(RULES.map((r) => ({ label: r.id, detail: zh ? r.zh : r.en })), { placeHolder: vscode.l10n.t('Which rule?') }))?.label;
      }
      if (!id || !RULES.some((r) => r.id === id)) return false;
      await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(ctx.extension.extensionUri, 'docs', 'rules', `${id}.md`));
      return true;
    }),

    register('lintWorkspace', () => lintWorkspace(ctx)),

    register('restartServer', async () => {
      await ctx.restart();
    }),
  ];
}
