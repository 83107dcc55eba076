// Generates every file derived from the rule files (server/src/core/rules/<rule-id>.ts, with their fixtures) and
// the checklist files (server/checklists/<type>.json), so nothing is listed twice by hand:
//   server/src/core/rules/index.ts        the rule registry
//   server/src/core/rule-ids.ts           the rule ids (for the server's main thread)
//   server/src/core/checklists.generated.ts  the built-in checklists
//   client/src/rules.generated.ts         the rules the client offers
//   server/src/core/rule-messages.generated.ts  the rules' messages, for the catalog
//   docs/rules/<rule-id>.md               a page per rule, with examples from its fixtures in both languages
//   schemas/pmmlintrc.schema.json         the config's rule ids
//   package.json, package.nls*.json       the per-rule settings and their descriptions
// test/core/docs.test.ts fails when a generated file is out of date. Run: npm run gen
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_SCHEMA_FILE, NLS_FILES, PACKAGE_FILE, updateConfigSchema, updateNls, updatePackageJson } from './gen/manifest';
import { loadProject, type Project } from './gen/project';
import { CHECKLIST_INDEX_FILE, CLIENT_RULES_FILE, renderChecklistIndex, renderClientRules, renderRuleIds, renderRuleIndex, renderRuleMessages, RULE_IDS_FILE, RULE_INDEX_FILE, RULE_MESSAGES_FILE } from './gen/registries';
import { renderRuleDocs, RULE_DOCS_DIR } from './gen/rule-docs';

export const ROOT = path.resolve(__dirname, '..');

/** Every generated file's content, by path relative to the project's root. */
export function generateFiles(project: Project): Map<string, string> {
  const read = (file: string) => fs.readFileSync(path.join(project.root, file), 'utf8');
  const files = new Map<string, string>([
    [RULE_INDEX_FILE, renderRuleIndex(project)],
    [RULE_IDS_FILE, renderRuleIds(project)],
    [CHECKLIST_INDEX_FILE, renderChecklistIndex(project)],
    [CLIENT_RULES_FILE, renderClientRules(project)],
    [RULE_MESSAGES_FILE, renderRuleMessages(project)],
    [CONFIG_SCHEMA_FILE, updateConfigSchema(read(CONFIG_SCHEMA_FILE), project)],
    [PACKAGE_FILE, updatePackageJson(read(PACKAGE_FILE), project)],
    [NLS_FILES.en, updateNls(read(NLS_FILES.en), project, 'en')],
    [NLS_FILES.zh, updateNls(read(NLS_FILES.zh), project, 'zh')],
  ]);
  for (const [file, text] of renderRuleDocs(project)) files.set(file, text);
  return files;
}

/** Generated files that no longer have a source (the page of a removed rule). */
export function staleFiles(project: Project, files: Map<string, string>): string[] {
  const dir = path.join(project.root, RULE_DOCS_DIR);
  const pages = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.md')) : [];
  return pages.map((f) => `${RULE_DOCS_DIR}/${f}`).filter((f) => !files.has(f));
}

/** Writes what changed and removes stale files; returns the paths written or removed. */
export function generate(root = ROOT): string[] {
  const project = loadProject(root);
  const touched: string[] = [];
  const write = (file: string, text: string) => {
    const abs = path.join(root, file);
    if (fs.existsSync(abs) && fs.readFileSync(abs, 'utf8') === text) return;
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
    touched.push(file);
  };
  // The rules' messages first: the engine that lints the fixtures for the rule pages reads them.
  write(RULE_MESSAGES_FILE, renderRuleMessages(project));
  const files = generateFiles(project);
  for (const [file, text] of files) write(file, text);
  for (const file of staleFiles(project, files)) {
    fs.rmSync(path.join(root, file));
    touched.push(file);
  }
  return touched;
}

if (require.main === module) {
  const touched = generate();
  console.log(touched.length ? `updated ${touched.join(', ')}` : 'every generated file is current');
}
