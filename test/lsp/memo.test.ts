// The editor keeps answers from a document's last lint (its parse, and the rules' per-block answers in a memo):
// typing must give exactly the diagnostics a fresh lint of the same text gives.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Linter } from '../../server/src/lsp/linter';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';

const host = { settingsFor: async () => DEFAULT_SETTINGS, folderFor: () => undefined, clientLocale: () => 'en' as const, log: () => {}, showError: () => {} };
const EXAMPLES = path.join(__dirname, '../../examples');
// Words the text rules react to, and edits that change a block's inline structure (a link, code, emphasis).
const TYPED = [' the best', ' 最好的', ' significantly faster', ', trust us', ' 大幅提升', ' the only', ' TBD', '[', '](x)', '`', '**', '\n\n', 'x'];

describe('typing with the memo', () => {
  it('gives the diagnostics a fresh lint of the same text gives', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let lints = 0;
    let reported = 0;
    for (const lang of ['en', 'zh']) {
      for (const name of readdirSync(path.join(EXAMPLES, lang)).filter((f) => f.endsWith('.flawed.md'))) {
        const linter = new Linter(host);
        let doc = TextDocument.create(`file:///memo/${lang}/${name}`, 'markdown', 1, readFileSync(path.join(EXAMPLES, lang, name), 'utf8'));
        linter.lintNow(doc, DEFAULT_SETTINGS);
        // Keystrokes in one place, then another: the blocks not typed in are answered from the memo.
        let at = 0;
        for (let k = 0; k < 24; k++) {
          const text = doc.getText();
          if (k % 6 === 0) at = Math.floor(random() * text.length);
          const typed = TYPED[Math.floor(random() * TYPED.length)];
          doc = TextDocument.create(doc.uri, 'markdown', doc.version + 1, text.slice(0, at) + typed + text.slice(at));
          at += typed.length;
          const kept = linter.lintNow(doc, DEFAULT_SETTINGS);
          const fresh = new Linter(host).lintNow(doc, DEFAULT_SETTINGS, 'none');
          assert.deepEqual(kept.diagnostics, fresh.diagnostics, `${lang}/${name} after typing ${JSON.stringify(typed)} at ${at}`);
          lints++;
          reported += kept.diagnostics.filter((d) => d.code === 'unproven-claim' || d.code === 'vague-metric' || d.code === 'missing-proof').length;
        }
      }
    }
    // The check must have covered the rules that keep answers.
    assert.ok(lints >= 200 && reported >= 500, `${lints} lints, ${reported} findings of the rules with a memo`);
  });
});
