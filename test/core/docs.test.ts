// Everything `npm run gen` (scripts/gen.ts) writes is checked in: each generated file must equal what the
// generator makes from the rule files, their fixtures and the checklist files now, so lists cannot drift.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateFiles, ROOT, staleFiles } from '../../scripts/gen';
import { loadProject } from '../../scripts/gen/project';

const project = loadProject(ROOT);
const files = generateFiles(project);

describe('generated files (run `npm run gen` after changing a rule, a fixture or a checklist)', () => {
  for (const [file, text] of files) {
    it(`${file} is current`, () => {
      assert.ok(fs.existsSync(path.join(ROOT, file)), `${file} is missing`);
      assert.equal(fs.readFileSync(path.join(ROOT, file), 'utf8'), text, `${file} is out of date`);
    });
  }

  it('docs/rules/ has a page for every rule and no other', () => {
    assert.deepEqual(staleFiles(project, files), []);
    assert.deepEqual(
      fs.readdirSync(path.join(ROOT, 'docs', 'rules')).sort(),
      project.rules.map((r) => `${r.name}.md`).sort(),
    );
  });

  it('every rule page shows a reported and a clean excerpt in English and Chinese, and both ways to configure it', () => {
    for (const { name } of project.rules) {
      const page = files.get(`docs/rules/${name}.md`)!;
      for (const label of ['Reported (`', 'Not reported (`', '\n报告（`', '\n不报告（`']) assert.ok(page.includes(label), `${name}: no ${label}`);
      assert.match(page, new RegExp(`\\{ "rules": \\{ "${name}": `));
      assert.match(page, new RegExp(`\\{ "pmmLint.rules": \\{ "${name}": `));
    }
  });
});
