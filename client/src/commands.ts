// The palette commands (category "PMM"). Each is a small function over the extension's context.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { MARKDOWN_GLOB } from '../../server/src/core/markdown-files';
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

/** Applies a server edit to a document and puts the cursor at its start. */
async function applyEdit(editor: vscode.TextEditor, edit: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }): Promise<boolean> {
  const range = new vscode.Range(edit.range.start.line, edit.range.start.character, edit.range.end.line, edit.range.end.character);
  const we = new vscode.WorkspaceEdit();
  we.replace(editor.document.uri, range, edit.newText);
  const ok = await vscode.workspace.applyEdit(we);
  if (ok) {
    const at = range.start.translate(edit.newText.startsWith('\n') ? edit.newText.match(/^\n+/)![0].length : 0);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  return ok;
}

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  // Every command needs the language server: wait for it (activation does not).
  const register = <A extends unknown[]>(id: string, run: (...args: A) => unknown) =>
    vscode.commands.registerCommand(`pmmLint.${id}`, async (...args: A) => {
      if (id !== 'restartServer') await ctx.ready();
      return run(...args);
    });
  return [
    register('newDocument', async (type?: string, language?: 'en' | 'zh') => {
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
      const file = vscode.Uri.joinPath(ctx.extension.extensionUri, 'snippets', `pmm.${lang}.code-snippets`);
      const snippets = JSON.parse(fs.readFileSync(file.fsPath, 'utf8')) as Record<string, { prefix: string; body: string[] }>;
      const prefix = lang === 'zh' ? `pmm-zh-${chosen}` : `pmm-${chosen}`;
      const template = Object.values(snippets).find((s) => s.prefix === prefix);
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
      const editor = await vscode.window.showTextDocument(doc);
      if (template) await editor.insertSnippet(new vscode.SnippetString(template.body.join('\n')));
      else await applyEdit(editor, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `---\ntype: ${chosen}\n---\n\n# \n` });
      return editor.document;
    }),

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
      return edit ? applyEdit(editor, edit) : false;
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

    register('lintWorkspace', async () => {
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
    }),

    register('restartServer', async () => {
      await ctx.restart();
    }),
  ];
}
