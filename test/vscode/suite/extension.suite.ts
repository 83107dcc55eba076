// The extension in a real VS Code, through the vscode API: diagnostics from the language server, the quick fix,
// commands, snippets, the preview and the status bar, config changes. Waits are on VS Code events.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PmmApi } from '../../../client/src/extension';
import { SERVER_STATUS_REQUEST, type ServerStatus } from '../../../server/src/protocol';

const EXTENSION_ID = 'pmm-lint.pmm-lint';

function folder(): vscode.Uri {
  return vscode.workspace.workspaceFolders![0].uri;
}

function file(name: string): vscode.Uri {
  return vscode.Uri.joinPath(folder(), name);
}

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'pmm-lint');

/** Resolves when the document's pmm-lint diagnostics pass `test`: checked now and on every change. */
function diagnosticsWhere(uri: vscode.Uri, test: (ds: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 30000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    let finished = false;
    const finish = () => {
      finished = true;
      clearTimeout(timer);
      subscription.dispose();
    };
    const check = () => {
      if (finished) return;
      const ds = ours(uri);
      if (test(ds)) {
        finish();
        resolve(ds);
      }
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`timed out waiting for ${what} on ${path.basename(uri.path)}; now: ${JSON.stringify(ours(uri).map((d) => d.code))}`));
    }, timeoutMs);
    check();
  });
}

/** Resolves with the next event value that passes `test`. */
function nextEvent<T>(event: vscode.Event<T>, test: (value: T) => boolean, what: string, timeoutMs = 30000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    const subscription = event((value) => {
      if (!test(value)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}

// vscode-languageclient's State.Running (not imported: the suite would bundle a second copy of the client).
const RUNNING = 2;

const code = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);

/** What `pmm-lint --format json` says of a file, from the CLI in the extension folder. */
function cliFindings(uri: vscode.Uri): Array<{ ruleId: string; line: number; column: number; endLine: number; endColumn: number; message: string }> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
  const r = spawnSync(process.execPath, [path.join(extension.extensionPath, 'bin', 'pmm-lint.js'), '--format', 'json', '--locale', 'en', uri.fsPath], {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  return JSON.parse(r.stdout)[0].findings;
}

async function open(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(file(name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

export function extensionTests(): void {
  suite('pmm-lint in a real VS Code', () => {
    let api: PmmApi;

    suiteSetup(async () => {
      const extension = vscode.extensions.getExtension<PmmApi>(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} is loaded`);
      const t0 = Date.now();
      api = await extension.activate();
      // Figures for the benchmark notes, not timed assertions.
      console.log(`[pmm-lint] activate() took ${Date.now() - t0} ms`);
      await api.ready;
      console.log(`[pmm-lint] language server ready ${Date.now() - t0} ms after activation began`);
      assert.ok(api.client.isRunning(), 'the language server runs');
    });

    for (const [name, label] of [
      ['gtm-brief.md', 'a flawed English GTM brief'],
      ['positioning.md', 'a flawed Chinese positioning doc'],
    ]) {
      test(`${label} gets the CLI's findings as diagnostics (rule ids, ranges)`, async () => {
        const doc = await open(name);
        const expected = cliFindings(doc.uri);
        assert.ok(expected.length >= 5, 'the example is flawed');
        const ds = await diagnosticsWhere(doc.uri, (d) => d.length === expected.length, `${expected.length} diagnostics`);
        const sorted = [...ds].sort((a, b) => a.range.start.compareTo(b.range.start) || code(a).localeCompare(code(b)));
        assert.deepEqual(
          sorted.map((d) => [code(d), d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1]),
          [...expected].sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId)).map((f) => [f.ruleId, f.line, f.column, f.endLine, f.endColumn]),
        );
        assert.ok(ds.some((d) => code(d) === 'required-element' && d.severity === vscode.DiagnosticSeverity.Error));
      });
    }

    test('the quick fix inserts the missing element, shows it, and its diagnostic goes away', async () => {
      const doc = await open('fix-me.md');
      const editor = vscode.window.activeTextEditor!;
      const ds = await diagnosticsWhere(doc.uri, (d) => d.some((x) => code(x) === 'required-element'), 'a missing element');
      const missing = ds.find((d) => code(d) === 'required-element' && /Owners/.test(d.message))!;
      assert.ok(missing, 'Owners is missing');
      editor.selection = new vscode.Selection(missing.range.start, missing.range.start);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, missing.range, vscode.CodeActionKind.QuickFix.value);
      const insert = actions.find((a) => a.title === "Insert missing element 'Owners'");
      assert.ok(insert?.edit, actions.map((a) => a.title).join(' | '));
      // What VS Code does with the chosen action: the edit, then its command (the client's reveal).
      assert.equal(insert.command?.command, 'pmmLint.revealInsertion');
      assert.ok(!actions.find((a) => /^Disable /.test(a.title))?.command, 'only insertions reveal');
      assert.ok(await vscode.workspace.applyEdit(insert.edit));
      await vscode.commands.executeCommand(insert.command.command, ...(insert.command.arguments ?? []));
      assert.match(doc.getText(), /^## Owners$/m);
      const headingLine = doc.getText().split('\n').findIndex((l) => l === '## Owners');
      assert.ok(editor.selection.start.line > headingLine, `the cursor is in the inserted section (line ${editor.selection.start.line + 1}, heading ${headingLine + 1})`);
      // The editor scrolls in the renderer; the extension host hears of it by an event.
      const inView = () => editor.visibleRanges.some((r) => r.contains(editor.selection.start));
      if (!inView()) await nextEvent(vscode.window.onDidChangeTextEditorVisibleRanges, (e) => e.textEditor === editor && inView(), 'the insertion in view');
      await diagnosticsWhere(doc.uri, (d) => !d.some((x) => code(x) === 'required-element' && /Owners/.test(x.message)), 'Owners no longer missing');
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    test('"New Document..." opens a document of the chosen type and language, named after the type', async () => {
      const doc = await vscode.commands.executeCommand<vscode.TextDocument>('pmmLint.newDocument', 'gtm-brief', 'zh');
      assert.equal(doc.languageId, 'markdown');
      assert.equal(doc.isUntitled, true);
      // gtm-brief.md is taken in the workspace: the next free name.
      assert.equal(doc.uri.path, vscode.Uri.joinPath(folder(), 'gtm-brief-2.md').path);
      assert.match(doc.getText(), /^---\ntype: gtm-brief\n/);
      assert.match(doc.getText(), /^## 发布内容$/m);
      const report = await api.reports.get(doc);
      assert.equal(report?.docType, 'gtm-brief');
      assert.deepEqual(report.elements.filter((e) => e.required && e.status === 'missing'), [], 'the template has every element');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    test('"New Document..." with a title names the file after it and writes it in the template', async () => {
      const doc = await vscode.commands.executeCommand<vscode.TextDocument>('pmmLint.newDocument', 'positioning', 'en', 'Acme Cloud: Q3 GA');
      assert.equal(path.posix.basename(doc.uri.path), 'positioning-acme-cloud-q3-ga.md');
      assert.match(doc.getText(), /^# Acme Cloud: Q3 GA$/m);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    test('a draft is a to-do list: infos and progress; in review its placeholders are errors', async () => {
      const doc = await vscode.commands.executeCommand<vscode.TextDocument>('pmmLint.newDocument', 'gtm-brief', 'en');
      assert.match(doc.getText(), /^status: draft$/m);
      const todos = await diagnosticsWhere(doc.uri, (d) => d.some((x) => code(x) === 'placeholder'), 'to-dos');
      assert.deepEqual([...new Set(todos.map((d) => d.severity))], [vscode.DiagnosticSeverity.Information], 'only infos in a fresh draft');
      const report = await api.reports.get(doc);
      assert.deepEqual(report?.draft, { written: 0, total: 11 });
      const text = api.statusBar.text.includes('sections written') ? api.statusBar.text : await nextEvent(api.onDidUpdateStatusBar, (t) => Boolean(t?.includes('sections written')), 'the draft status');
      assert.match(text ?? '', /PMM 0 of 11 sections written/);
      assert.match(String(api.statusBar.tooltip), /^GTM brief \/ launch plan, draft: /, 'the tooltip names the type, not its id');

      const line = doc.getText().split('\n').findIndex((l) => l === 'status: draft');
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, doc.lineAt(line).range, 'status: in-review');
      const score = nextEvent(api.onDidUpdateStatusBar, (t) => /PMM \d+%/.test(t ?? ''), 'the score');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await diagnosticsWhere(doc.uri, (d) => d.some((x) => code(x) === 'placeholder' && x.severity === vscode.DiagnosticSeverity.Error), 'placeholder errors');
      await score;
      assert.equal((await api.reports.get(doc))?.draft, undefined);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    test('a Chinese document: the status bar names its type in Chinese, the preview is Chinese', async () => {
      const doc = await open('positioning.md');
      await diagnosticsWhere(doc.uri, (d) => d.length > 0, 'diagnostics');
      const tooltip = () => String(api.statusBar.tooltip ?? '');
      if (!tooltip().startsWith('定位')) await nextEvent(api.onDidUpdateStatusBar, () => tooltip().startsWith('定位'), 'the Chinese type name');
      assert.doesNotMatch(tooltip(), /positioning/);
      const update = api.preview.nextUpdate((m) => m.uri === doc.uri.toString());
      assert.equal(await vscode.commands.executeCommand('pmmLint.openPreview'), true);
      const message = await update;
      assert.equal(message.language, 'zh');
      assert.equal(message.labels.score, '得分');
      assert.match(message.typeTitle ?? '', /定位/);
      api.preview.webviewPanel?.dispose();
    });

    test('a snippet expands', async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
      const editor = await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'PMM: success metrics table' });
      assert.match(editor.document.getText(), /^\| Metric \|/m);
    });

    test('the preview opens and shows the report; the status bar shows the score', async () => {
      const doc = await open('gtm-brief.md');
      await diagnosticsWhere(doc.uri, (d) => d.length > 0, 'diagnostics');
      const status = api.statusBar.text.includes('55%') ? Promise.resolve(api.statusBar.text) : nextEvent(api.onDidUpdateStatusBar, (t) => Boolean(t?.includes('55%')), 'the status bar');
      assert.match((await status) ?? '', /PMM 55% · 3 missing/);
      const update = api.preview.nextUpdate();
      assert.equal(await vscode.commands.executeCommand('pmmLint.openPreview'), true);
      const message = await update;
      assert.equal(message.report.docType, 'gtm-brief');
      assert.equal(message.report.score, 55);
      assert.deepEqual(message.report.elements.filter((e) => e.status === 'missing').map((e) => e.id).sort(), ['owners', 'pricing_packaging', 'risks_rollback']);
      assert.match(message.html, /<h1 data-line="7">Launch plan: Lumen Alerts<\/h1>/);
      const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('pmmLint.preview'));
      assert.ok(tab, 'a preview tab');
      // It updates as the document changes.
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, new vscode.Position(doc.lineCount - 1, 0), '\n## Owners\n\n| Lane | Owner |\n|---|---|\n| Launch | Dev Patel (PMM) |\n| Product | Ana Ruiz (PM) |\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const after = await api.preview.nextUpdate((m) => m.version >= doc.version);
      assert.ok(!after.report.elements.some((e) => e.id === 'owners' && e.status === 'missing'));
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    test('the preview receives inert HTML for a hostile document', async () => {
      const doc = await open('hostile.md');
      const update = api.preview.nextUpdate((m) => m.uri === doc.uri.toString());
      assert.equal(await vscode.commands.executeCommand('pmmLint.openPreview'), true);
      const { html } = await update;
      assert.match(html, /The end of the hostile document\./);
      assert.match(html, /<a href="https:\/\/example\.com\/pmm-guide"/);
      for (const bad of [/<script/i, /<iframe/i, /<img/i, /<svg/i, /<style/i, /<link/i, /<object/i, /<form/i, /<math/i, /\son\w+=/i, /\sstyle=/i, /srcdoc/i, /(href|src)="?\s*(javascript|data):/i]) {
        assert.doesNotMatch(html, bad);
      }
    });

    test('a .pmmlintrc change (severity off) removes those diagnostics', async () => {
      const doc = await open('gtm-brief.md');
      await diagnosticsWhere(doc.uri, (d) => d.some((x) => code(x) === 'placeholder'), 'placeholder findings');
      const rc = file('.pmmlintrc.json');
      await vscode.workspace.fs.writeFile(rc, Buffer.from('{ "rules": { "placeholder": "off" } }\n'));
      try {
        const ds = await diagnosticsWhere(doc.uri, (d) => d.length > 0 && !d.some((x) => code(x) === 'placeholder'), 'no placeholder findings');
        assert.ok(ds.some((x) => code(x) === 'required-element'), 'the other rules still report');
      } finally {
        await vscode.workspace.fs.delete(rc);
      }
      await diagnosticsWhere(doc.uri, (d) => d.some((x) => code(x) === 'placeholder'), 'placeholder findings again');
    });

    test('the language server is killed: the client starts it again and the diagnostics come back', async () => {
      const doc = await open('gtm-brief.md');
      await diagnosticsWhere(doc.uri, (d) => d.some((x) => code(x) === 'required-element' && /Owners/.test(x.message)), 'Owners missing');
      // An unsaved edit: the new server can only know it if the client sends the open document again.
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, new vscode.Position(doc.lineCount - 1, 0), '\n## Owners\n\n| Lane | Owner |\n|---|---|\n| Launch | Dev Patel (PMM) |\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const before = await diagnosticsWhere(doc.uri, (d) => d.length > 0 && !d.some((x) => /Owners/.test(x.message)), 'Owners no longer missing');
      const keys = (ds: vscode.Diagnostic[]) => ds.map((d) => `${code(d)}@${d.range.start.line}:${d.range.start.character}`).sort();
      const old = await api.client.sendRequest<ServerStatus>(SERVER_STATUS_REQUEST, {});

      const cleared = diagnosticsWhere(doc.uri, (d) => d.length === 0, 'the dead server\'s diagnostics to be cleared');
      const running = nextEvent(api.client.onDidChangeState, (e) => e.newState === RUNNING, 'the client to run a new server');
      process.kill(old.pid, 'SIGKILL');
      await cleared;
      await running;
      const now = await api.client.sendRequest<ServerStatus>(SERVER_STATUS_REQUEST, {});
      assert.notEqual(now.pid, old.pid, 'a new server process');
      assert.throws(() => process.kill(old.pid, 0), 'the old one is gone');
      const after = await diagnosticsWhere(doc.uri, (d) => d.length > 0, 'diagnostics from the new server');
      assert.deepEqual(keys(after), keys(before), 'the same findings for the unsaved text');
      assert.equal(now.documents >= 1, true);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    test('unrelated Markdown gets no diagnostics and no status bar item', async () => {
      const doc = await open('notes.md');
      const hidden = nextEvent(api.onDidUpdateStatusBar, (t) => t === undefined, 'the status bar to hide');
      const report = await api.reports.get(doc);
      assert.equal(report?.docType, null);
      assert.deepEqual(ours(doc.uri), []);
      await hidden;
    });
  });
}
