// The JSON lists derived from the rules: package.json's per-rule settings (with their descriptions in
// package.nls.json and package.nls.zh-cn.json) and the rule list of the config schema.
import type { Project } from './project';
import { compactJson, jsonFile } from './json';

export const PACKAGE_FILE = 'package.json';
export const NLS_FILES = { en: 'package.nls.json', zh: 'package.nls.zh-cn.json' } as const;
export const CONFIG_SCHEMA_FILE = 'schemas/pmmlintrc.schema.json';

/** The severities a setting offers (the config file also takes 'warn'). */
const SETTING_SEVERITIES = ['off', 'info', 'warning', 'error'];
const RULES_SETTING = 'pmmLint.rules';
const nlsKey = (ruleId: string) => `config.rules.${ruleId}`;

type Json = Record<string, unknown>;

/** package.json with contributes.configuration's `pmmLint.rules` offering every rule; the rest as it was. */
export function updatePackageJson(text: string, project: Project): string {
  const pkg = JSON.parse(text) as { contributes: { configuration: { properties: Record<string, Json> } } };
  const setting = pkg.contributes.configuration.properties[RULES_SETTING];
  if (!setting) throw new Error(`package.json has no ${RULES_SETTING} setting`);
  setting.properties = Object.fromEntries(
    project.rules.map(({ name }) => [name, { type: 'string', enum: SETTING_SEVERITIES, description: `%${nlsKey(name)}%` }]),
  );
  return jsonFile(pkg);
}

/** package.nls(.zh-cn).json with a description for every rule's setting, right after `config.rules`. */
export function updateNls(text: string, project: Project, lang: 'en' | 'zh'): string {
  const nls = JSON.parse(text) as Record<string, string>;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(nls)) {
    if (key.startsWith(`${nlsKey('')}`)) continue;
    out[key] = value;
    if (key === 'config.rules') for (const { name, rule } of project.rules) out[nlsKey(name)] = rule.meta.description[lang];
  }
  if (!('config.rules' in nls)) throw new Error('package.nls has no config.rules key');
  return jsonFile(out);
}

/**
 * schemas/pmmlintrc.schema.json with `definitions.ruleSeverities` listing every rule (its description shown when
 * editing a .pmmlintrc); `rules` and `overrides[].rules` refer to it. An unknown id fails `propertyNames`, which
 * config-validate.ts reports as "unknown rule". `overrides[].type` suggests the built-in types.
 */
export function updateConfigSchema(text: string, project: Project): string {
  const schema = JSON.parse(text) as { definitions: Json; properties: Json };
  schema.definitions.ruleSeverities = {
    type: 'object',
    description: 'Rule severities by rule id.',
    propertyNames: { enum: project.rules.map((r) => r.name) },
    properties: Object.fromEntries(
      project.rules.map(({ name, rule }) => [name, { $ref: '#/definitions/severity', description: `${rule.meta.description.en} ${rule.meta.description.zh}` }]),
    ),
    additionalProperties: { $ref: '#/definitions/severity' },
  };
  schema.properties.rules = { $ref: '#/definitions/ruleSeverities' };
  const overrides = schema.properties.overrides as { items: { properties: Json & { type: Json } } };
  overrides.items.properties.rules = { $ref: '#/definitions/ruleSeverities' };
  // Suggestions when typing a type (any alias or a user's own type is valid too).
  overrides.items.properties.type.examples = project.checklists.map((c) => c.name);
  return compactJson(schema);
}
