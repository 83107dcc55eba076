// What the generator reads: the rule files (server/src/core/rules/*.ts) and the checklist files
// (server/checklists/*.json). Adding either is one file; every list derived from them is generated.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { validateChecklist } from '../../server/src/core/checklist';
import type { Rule } from '../../server/src/core/rules/rule';
import type { Checklist } from '../../server/src/core/types';
import { engineOf, type Engine } from './engine';

export const RULES_DIR = 'server/src/core/rules';
export const CHECKLISTS_DIR = 'server/checklists';
export const FIXTURES_DIR = 'test/fixtures/rules';
/** Modules in the rules folder that are not rule files. */
const NOT_RULE_FILES = new Set(['index.ts', 'rule.ts']);

export interface RuleFile {
  /** The file's name without .ts: the rule id. */
  name: string;
  /** The name the rule is exported under. */
  exportName: string;
  rule: Rule;
}

export interface ChecklistFile {
  /** The file's name without .json: the type id. */
  name: string;
  checklist: Checklist;
}

export interface Project {
  /** The repository root every generated path is relative to. */
  root: string;
  /** Sorted by id. */
  rules: RuleFile[];
  /** Sorted by type. */
  checklists: ChecklistFile[];
  /**
   * The project's own lint and messages, loaded when first read: after the rules' messages are written (the
   * catalog reads them from a generated file).
   */
  readonly engine: Engine;
}

function isRule(value: unknown): value is Rule {
  if (!value || typeof value !== 'object') return false;
  const v = value as { meta?: { id?: unknown }; check?: unknown };
  return typeof v.check === 'function' && typeof v.meta?.id === 'string';
}

/**
 * The rule files: every module of the rules folder that exports a Rule (exactly one, named after the file).
 * Modules that export none are helpers shared by rules (vague-comparative.ts, hedged-proof.ts).
 */
export function loadRules(root: string): RuleFile[] {
  const dir = path.join(root, RULES_DIR);
  const out: RuleFile[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !NOT_RULE_FILES.has(f)).sort()) {
    const name = file.slice(0, -3);
    const exports = require(path.join(dir, file)) as Record<string, unknown>;
    const rules = Object.entries(exports).filter(([, v]) => isRule(v)) as Array<[string, Rule]>;
    if (rules.length === 0) continue;
    if (rules.length > 1) throw new Error(`${RULES_DIR}/${file} exports ${rules.length} rules (${rules.map(([k]) => k).join(', ')}): one rule a file`);
    const [exportName, rule] = rules[0];
    if (rule.meta.id !== name) throw new Error(`${RULES_DIR}/${file}: the rule's id '${rule.meta.id}' must be the file's name '${name}'`);
    out.push({ name, exportName, rule });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** The built-in checklists: server/checklists/<type>.json, each named after its type. */
export function loadChecklists(root: string): ChecklistFile[] {
  const dir = path.join(root, CHECKLISTS_DIR);
  const out: ChecklistFile[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const name = file.slice(0, -5);
    const checklist = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Checklist;
    const problems = validateChecklist(checklist);
    if (problems.length) throw new Error(`${CHECKLISTS_DIR}/${file} is not a valid checklist: ${problems.slice(0, 3).join('; ')}`);
    if (checklist.type !== name) throw new Error(`${CHECKLISTS_DIR}/${file}: the checklist's type '${checklist.type}' must be the file's name '${name}'`);
    out.push({ name, checklist });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

export function loadProject(root: string): Project {
  let engine: Engine | undefined;
  return {
    root,
    rules: loadRules(root),
    checklists: loadChecklists(root),
    get engine() {
      return (engine ??= engineOf(root));
    },
  };
}

/** A TypeScript identifier for a file name: 'gtm-brief' -> 'gtmBrief'. */
export function identifierFor(name: string): string {
  const id = name.replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ? ch.toUpperCase() : ''));
  return /^[A-Za-z_$]/.test(id) ? id : `_${id}`;
}
