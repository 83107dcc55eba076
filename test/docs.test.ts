import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderRuleDocs, renderRuleIds, RULE_IDS_FILE } from '../scripts/gen-docs';

describe('generated rule docs', () => {
  it('docs/rules/ matches the rules (run `npm run gen` after changing a rule)', () => {
    const dir = path.resolve(__dirname, '..', 'docs', 'rules');
    const expected = renderRuleDocs();
    assert.deepEqual(fs.readdirSync(dir).sort(), [...expected.keys()].sort());
    for (const [name, text] of expected) assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), text, `${name} is out of date`);
  });

  it('server/src/core/rule-ids.ts lists the rules (run `npm run gen` after adding one)', () => {
    assert.equal(fs.readFileSync(RULE_IDS_FILE, 'utf8'), renderRuleIds());
  });
});
