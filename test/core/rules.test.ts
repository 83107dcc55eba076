// Fixture tests per rule, in the style of markdownlint's test fixtures and ESLint's RuleTester.
//
// Layout: test/fixtures/rules/<rule-id>/
//   valid*.md                      -> no finding of <rule-id>
//   invalid*.md + invalid*.expected.json
//                                  -> exactly the listed findings of <rule-id> (other rules are ignored)
// The expected files hold { ruleId, elementId, line, column, severity } for every finding of the rule,
// computed by hand from the fixture text (1-based line and column, column in UTF-16 code units).
// Messages are not asserted: they are translated and reworded; ids and positions are the contract.
//
// A fixture whose name contains "not-pmm" is meant not to be detected as a PMM document; every other
// fixture must be (result.docType not null).
// The folder "directives" tests inline pmm-lint-disable comments across the rules listed in FOLDER_RULES.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../../server/src/core/lint';
import { RULE_IDS } from '../../server/src/core/rules';

interface Expected {
  ruleId: string;
  elementId: string | null;
  line: number;
  column: number;
  severity: 'error' | 'warning' | 'info' | 'hint';
}

const FIXTURES = join(__dirname, '..', 'fixtures', 'rules');

/** Folders that are not named after one rule: the rules whose findings they assert. */
const FOLDER_RULES: Record<string, string[]> = {
  directives: ['placeholder', 'unproven-claim'],
};

/**
 * Fixtures on which the engine disagrees with the hand-computed expectation and the engine is wrong.
 * Each is kept with its correct expectation and reported as a todo until the engine is fixed.
 */
const TODO: Record<string, string> = {};

const REQUIRED_FIXTURES = ['valid-en.md', 'invalid-en.md', 'valid-zh.md', 'invalid-zh.md'];

function byPosition(a: Expected, b: Expected): number {
  return (
    a.line - b.line ||
    a.column - b.column ||
    a.ruleId.localeCompare(b.ruleId) ||
    String(a.elementId).localeCompare(String(b.elementId)) ||
    a.severity.localeCompare(b.severity)
  );
}

function lintFixture(file: string) {
  const text = readFileSync(file, 'utf8');
  return lintText(text, { filePath: file });
}

function findingsOf(result: ReturnType<typeof lintText>, rules: string[]): Expected[] {
  return result.findings
    .filter((f) => rules.includes(f.ruleId))
    .map((f) => {
      const { line, column } = result.model.lines.position(f.span.start);
      return { ruleId: f.ruleId, elementId: f.elementId, line, column, severity: f.severity };
    })
    .sort(byPosition);
}

const folders = readdirSync(FIXTURES)
  .filter((name) => statSync(join(FIXTURES, name)).isDirectory())
  .sort();

describe('rule fixtures', () => {
  it('cover every rule with valid and invalid fixtures in English and Chinese', () => {
    for (const id of RULE_IDS) {
      assert.ok(folders.includes(id), `no fixture folder for rule ${id}`);
      const files = readdirSync(join(FIXTURES, id));
      for (const required of REQUIRED_FIXTURES) assert.ok(files.includes(required), `${id}/${required} is missing`);
    }
    for (const folder of folders) {
      assert.ok(RULE_IDS.includes(folder) || folder in FOLDER_RULES, `fixture folder ${folder} names no rule`);
      const files = readdirSync(join(FIXTURES, folder));
      for (const f of files) {
        if (f.endsWith('.expected.json')) {
          const md = f.replace(/\.expected\.json$/, '.md');
          assert.ok(files.includes(md), `${folder}/${f} has no fixture ${md}`);
          assert.ok(md.startsWith('invalid'), `${folder}/${f}: only invalid fixtures have expectations`);
        }
      }
    }
    for (const key of Object.keys(TODO)) assert.ok(existsSync(join(FIXTURES, key)), `TODO names a missing fixture ${key}`);
  });

  for (const folder of folders) {
    const rules = FOLDER_RULES[folder] ?? [folder];
    const dir = join(FIXTURES, folder);
    const fixtures = readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .sort();

    describe(folder, () => {
      for (const name of fixtures) {
        const file = join(dir, name);
        const key = `${folder}/${name}`;
        const todo = TODO[key];
        const options = todo ? { todo } : {};
        const expectPmm = !name.includes('not-pmm');

        if (name.startsWith('valid')) {
          it(`${name}: no ${rules.join(' / ')} finding`, options, () => {
            const result = lintFixture(file);
            if (expectPmm) assert.notEqual(result.docType, null, `${key} is not detected as a PMM document`);
            else assert.equal(result.docType, null, `${key} should not be detected as a PMM document`);
            assert.deepEqual(findingsOf(result, rules), []);
          });
        } else if (name.startsWith('invalid')) {
          const expectedFile = join(dir, name.replace(/\.md$/, '.expected.json'));
          it(`${name}: expected ${rules.join(' / ')} findings`, options, () => {
            assert.ok(existsSync(expectedFile), `${key}: no expectation file ${expectedFile}`);
            const expected = (JSON.parse(readFileSync(expectedFile, 'utf8')) as Expected[]).slice().sort(byPosition);
            for (const e of expected) assert.ok(rules.includes(e.ruleId), `${key}: expected finding of another rule (${e.ruleId})`);
            assert.ok(expected.length > 0, `${key}: an invalid fixture must expect at least one finding`);
            const result = lintFixture(file);
            if (expectPmm) assert.notEqual(result.docType, null, `${key} is not detected as a PMM document`);
            assert.deepEqual(findingsOf(result, rules), expected);
          });
        } else {
          it(`${name}: fixture name starts with valid or invalid`, () => {
            assert.fail(`${key}: fixture names start with "valid" or "invalid"`);
          });
        }
      }
    });
  }
});
