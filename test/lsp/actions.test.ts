// Code actions over the protocol: each edit, applied to the text and re-linted, removes its finding.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, Range, TextEdit } from 'vscode-languageserver-protocol';
import { LspClient, ROOT, uriOf } from '../../tools/lsp';

const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');

function applyEdit(text: string, action: CodeAction, uri: string): string {
  const edits = action.edit?.changes?.[uri] as TextEdit[] | undefined;
  assert.ok(edits && edits.length > 0, `action '${action.title}' edits the document`);
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 0, text), edits);
}

describe('code actions', () => {
  let client: LspClient;
  let n = 0;
  before(async () => {
    client = await LspClient.start({ rootPath: ROOT });
  });
  after(() => client.stop());

  /** Opens `text` under a fresh name (in the repo, so no config file applies) and returns its first diagnostics. */
  async function open(text: string, name = 'doc.md') {
    const uri = uriOf(path.join(ROOT, `scratch-${++n}-${name}`));
    client.open(uri, text);
    return { uri, diagnostics: (await client.diagnosticsFor(uri, 1)).diagnostics };
  }

  async function actionsFor(uri: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } });
  }

  /** Applies the action, sends the new text, returns the diagnostics for it. */
  async function apply(uri: string, action: CodeAction) {
    const text = applyEdit(client.text(uri), action, uri);
    const version = client.replaceAll(uri, text);
    return { text, diagnostics: (await client.diagnosticsFor(uri, version)).diagnostics };
  }

  const elementIds = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'required-element').map((d) => (d.data as { elementId: string }).elementId);

  for (const [label, file, element] of [
    ['English GTM brief', 'examples/en/gtm-brief.flawed.md', 'owners'],
    ['Chinese positioning doc', 'examples/zh/positioning.flawed.md', null],
  ] as const) {
    it(`inserts a missing element in the document's language (${label})`, async () => {
      const { uri, diagnostics } = await open(read(file), path.basename(file));
      const missing = diagnostics.filter((d) => d.code === 'required-element');
      assert.ok(missing.length >= 1, 'the flawed example misses an element');
      const target = element ? missing.find((d) => (d.data as { elementId: string }).elementId === element)! : missing[0];
      const targetId = (target.data as { elementId: string }).elementId;
      const actions = await actionsFor(uri, [target]);
      const insert = actions.find((a) => a.isPreferred)!;
      assert.ok(insert, 'a preferred insert action');
      assert.equal(insert.kind, 'quickfix');
      const { text, diagnostics: next } = await apply(uri, insert);
      assert.ok(!elementIds(next).includes(targetId), `${targetId} is no longer missing`);
      if (file.includes('/zh/')) {
        const inserted = (insert.edit!.changes![uri] as TextEdit[])[0].newText;
        assert.match(inserted, /^\n*#{1,3} [\u4e00-\u9fff]/, 'a Chinese heading');
      }
      assert.ok(text.length > 0);
      client.close(uri);
    });
  }

  it('inserts all missing elements at once, each at its checklist place', async () => {
    const { uri, diagnostics } = await open(read('examples/en/gtm-brief.flawed.md'));
    assert.equal(elementIds(diagnostics).length, 3);
    const actions = await actionsFor(uri, diagnostics.filter((d) => d.code === 'required-element'));
    const all = actions.find((a) => /Insert all 3 missing elements/.test(a.title))!;
    assert.ok(all);
    const { text, diagnostics: next } = await apply(uri, all);
    assert.deepEqual(elementIds(next), []);
    assert.ok(!/\n{3,}/.test(text), 'no run of blank lines between inserted sections');
    const headings = text.split('\n').filter((l) => l.startsWith('## '));
    assert.ok(headings.indexOf('## Pricing & packaging') < headings.indexOf('## Sales enablement'), 'pricing before enablement, as in the checklist');
    client.close(uri);
  });

  it('disables a rule for one line with an inline comment', async () => {
    const { uri, diagnostics } = await open(read('examples/en/gtm-brief.flawed.md'));
    for (const rule of ['unproven-claim', 'vague-metric', 'placeholder']) {
      const current = (await client.diagnostics(uri, () => true, { past: true })).diagnostics;
      const target = current.find((d) => d.code === rule)!;
      assert.ok(target, rule);
      const count = current.filter((d) => d.code === rule).length;
      const actions = await actionsFor(uri, [target]);
      const line = actions.find((a) => a.title === `Disable ${rule} for this line`)!;
      assert.ok(line, `line action for ${rule}`);
      const newText = (line.edit!.changes![uri] as TextEdit[])[0].newText;
      assert.match(newText, new RegExp(`<!-- pmm-lint-disable-line ${rule} -->`));
      const { diagnostics: next } = await apply(uri, line);
      assert.ok(
        !next.some((d) => d.code === rule && d.range.start.line === target.range.start.line),
        `${rule} gone from line ${target.range.start.line + 1}`,
      );
      assert.ok(next.filter((d) => d.code === rule).length < count);
    }
    assert.ok(diagnostics.length > 0);
    client.close(uri);
  });

  it('disables a rule for the whole file, front matter included', async () => {
    const text = '---\ntype: gtm-brief\n---\n\n# Launch\n\n## Success metrics\n\n- Grow adoption\n';
    const { uri, diagnostics } = await open(text);
    for (const rule of ['front-matter', 'vague-metric']) {
      const current = (await client.diagnostics(uri, () => true, { past: true })).diagnostics;
      const target = current.find((d) => d.code === rule)!;
      assert.ok(target, rule);
      const action = (await actionsFor(uri, [target])).find((a) => a.title === `Disable ${rule} for this file`)!;
      const { text: after, diagnostics: next } = await apply(uri, action);
      assert.ok(!next.some((d) => d.code === rule), `${rule} gone`);
      assert.match(after, /^---\ntype: gtm-brief\n---\n\n<!-- pmm-lint-disable /);
    }
    // The second rule joined the first directive.
    assert.match(client.text(uri), /<!-- pmm-lint-disable front-matter, vague-metric -->\n\n# Launch/);
    assert.ok(diagnostics.length > 0);
    client.close(uri);
  });

  it('adds front matter type: to a document that reads like a PMM document', async () => {
    const body = '# Alerts launch\n\n## Launch tier\n\nTier 2.\n\n## Target audience\n\n- Data teams\n\n## Channel plan\n\n| Channel | Date |\n|---|---|\n| Blog | 2026-12-01 |\n\n## Success metrics\n\n- 300 workspaces by 2027-03-31\n';
    const { uri } = await open(body);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    const add = actions.find((a) => a.title.startsWith('Add front matter type: gtm-brief'))!;
    assert.ok(add, actions.map((a) => a.title).join(' | '));
    assert.equal(add.kind, 'quickfix');
    const { text } = await apply(uri, add);
    assert.match(text, /^---\ntype: gtm-brief\n---\n\n# Alerts launch/);
    const report = await client.request<{ docType: string }>('pmmLint/documentReport', { textDocument: { uri } });
    assert.equal(report.docType, 'gtm-brief');
    // Declared now: no more offer.
    const again = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.ok(!again.some((a) => a.title.startsWith('Add front matter type')));
    client.close(uri);
  });

  it('offers no type for Markdown that is not a PMM document', async () => {
    const { uri } = await open('# My library\n\n## Install\n\nnpm i it\n\n## Usage\n\nCall it.\n');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions, []);
    client.close(uri);
  });

  it('replaces an unknown type with a known one', async () => {
    const { uri, diagnostics } = await open('---\ntype: gtm-brif\nowner: Ana\nstatus: draft\nupdated: 2026-11-01\n---\n\n# Launch\n\n## Launch tier\n\nTier 2.\n\n## Channel plan\n\nBlog.\n\n## Success metrics\n\n- 300 workspaces by 2027-03-31\n', 'launch-plan.md');
    const unknown = diagnostics.find((d) => d.code === 'front-matter')!;
    assert.ok(unknown);
    const change = (await actionsFor(uri, [unknown])).find((a) => a.title.startsWith('Change type to gtm-brief'))!;
    assert.ok(change);
    const { text, diagnostics: next } = await apply(uri, change);
    assert.match(text, /^---\ntype: gtm-brief\n/);
    assert.ok(!next.some((d) => d.code === 'front-matter'));
    client.close(uri);
  });

  // Edge cases found in review.
  it('keeps CRLF line breaks and inserts after the front matter of a lone-CR document', async () => {
    const lf = '---\ntype: gtm-brief\nowner: A\nstatus: draft\nupdated: 2026-11-01\n---\n\n# Launch\n\n## Launch tier\n\nTier 2.\n';
    for (const eol of ['\r\n', '\r']) {
      const { uri, diagnostics } = await open(lf.replace(/\n/g, eol));
      const missing = diagnostics.find((d) => d.code === 'required-element')!;
      const insert = (await actionsFor(uri, [missing])).find((a) => a.isPreferred)!;
      const after = applyEdit(client.text(uri), insert, uri);
      assert.ok(after.startsWith(`---${eol}type: gtm-brief`), 'front matter stays first');
      assert.equal(after.replace(/\r\n|\r/g, '').includes('\n'), false, 'no bare \\n added');
      client.close(uri);
    }
  });

  it('offers no line edit for a diagnostic of an older version', async () => {
    const { uri, diagnostics } = await open(read('examples/en/gtm-brief.flawed.md'));
    const claim = diagnostics.find((d) => d.code === 'unproven-claim')!;
    const version = client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '<!-- note -->\n' }]);
    await client.diagnosticsFor(uri, version);
    const titles = (await actionsFor(uri, [claim])).map((a) => a.title);
    assert.ok(!titles.includes('Disable unproven-claim for this line'), titles.join(' | '));
    assert.ok(titles.includes('Disable unproven-claim for this file'));
    client.close(uri);
  });

  it('changes only the top-level type value, keeping a comment', async () => {
    const { uri, diagnostics } = await open('---\nproduct:\n  type: saas\ntype: c#-brief  # draft\n---\n\n# Launch\n\n## Launch tier\n\nTier 2.\n\n## Channel plan\n\nBlog.\n', 'launch-plan.md');
    const unknown = diagnostics.find((d) => d.code === 'front-matter' && /c#-brief/.test(String(d.message)))!;
    assert.ok(unknown, diagnostics.map((d) => d.message).join('\n'));
    assert.equal(unknown.range.start.line, 3);
    const change = (await actionsFor(uri, [unknown])).find((a) => a.title.startsWith('Change type to gtm-brief'))!;
    assert.match(applyEdit(client.text(uri), change, uri), /product:\n {2}type: saas\ntype: gtm-brief {2}# draft\n/);
    client.close(uri);
  });

  it('fills an empty type: instead of adding a second one', async () => {
    const { uri } = await open('---\ntype:\n---\n\n# Launch\n\n## Launch tier\n\nTier 2.\n\n## Channel plan\n\nBlog.\n\n## Target audience\n\nData teams.\n', 'launch-plan.md');
    const add = (await actionsFor(uri, [])).find((a) => a.title.startsWith('Add front matter type: gtm-brief'))!;
    assert.ok(add);
    assert.match(applyEdit(client.text(uri), add, uri), /^---\ntype: gtm-brief\n---\n/);
    client.close(uri);
  });

  it('a document that reads like a type gets one hint on its title, and the quick fix that declares the type', async () => {
    const text = '# Sales notes\n\n## Where we win\n\n- Setup in a day (3 of 4 deals)\n\n## Objections\n\n- "Too expensive"\n\n## Landmines\n\n- Ask about SSO\n';
    const { uri, diagnostics } = await open(text, 'notes.md');
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.range.start.line]),
      [['front-matter', 4, 0]],
    );
    assert.match(String(diagnostics[0].message), /reads like a Competitive battlecard/);
    const actions = await actionsFor(uri, diagnostics);
    const fix = actions.find((a) => a.isPreferred)!;
    assert.ok(fix, 'a preferred action');
    assert.equal(fix.kind, 'quickfix');
    assert.deepEqual(fix.diagnostics?.map((d) => d.code), ['front-matter']);
    const after = await apply(uri, fix);
    assert.match(after.text, /^---\ntype: battlecard\n---\n/);
    // Now linted as a battlecard: the hint is gone and the checklist speaks.
    assert.ok(!after.diagnostics.some((d) => d.severity === 4));
    assert.ok(after.diagnostics.some((d) => d.code === 'required-element'));
  });

  it('nests outline children inside their parents', async () => {
    const { uri } = await open('# T\n\n## A\n\ntext\n\n### B   \n## C\n');
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const inside = (inner: Range, outer: Range) =>
      (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character)) &&
      (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
    const check = (s: DocumentSymbol) => {
      assert.ok(inside(s.selectionRange, s.range), `${s.name}: selection inside range`);
      for (const c of s.children ?? []) {
        assert.ok(inside(c.range, s.range), `${c.name} inside ${s.name}`);
        check(c);
      }
    };
    symbols.forEach(check);
    client.close(uri);
  });

  it('clamps a completion position past the end of the line', async () => {
    const { uri } = await open(read('examples/en/gtm-brief.flawed.md').replace('## Sales enablement', '## '));
    const line = client.text(uri).split('\n').indexOf('## ');
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character: 99 } });
    assert.ok(items.length > 0);
    for (const i of items) assert.deepEqual((i.textEdit as TextEdit).range.end, { line, character: 3 });
    client.close(uri);
  });
});

describe('a client that never answers workspace/configuration', () => {
  it('still gets diagnostics, with the default settings', async () => {
    const client = await LspClient.start({ rootPath: ROOT, settings: () => new Promise(() => {}), env: { PMM_LINT_SETTINGS_TIMEOUT_MS: '200' } });
    try {
      const uri = uriOf(path.join(ROOT, 'examples', 'en', 'gtm-brief.flawed.md'));
      client.open(uri, read('examples/en/gtm-brief.flawed.md'));
      const p = await client.diagnosticsFor(uri, 1);
      assert.ok(p.diagnostics.some((d) => d.code === 'required-element'));
      assert.ok(client.logs.some((l) => /workspace\/configuration/.test(l.message)));
    } finally {
      client.kill();
    }
  });
});
