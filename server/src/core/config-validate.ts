// A config file's settings checked against the config schema (schemas/pmmlintrc.schema.json), with the first
// problem at its line and up to two more.

import Ajv from 'ajv';
import type { Document } from 'yaml';
import configSchema from '../../../schemas/pmmlintrc.schema.json';
import { describeAjvError } from './checklist';
import { ConfigError, lineOf } from './config-data';
import type { Locale, Severity, SeveritySetting } from './types';

/** A config file's settings as written (after the schema check). */
export interface RawConfig {
  extends?: string | string[];
  locale?: Locale;
  rules?: Record<string, SeveritySetting | 'warn'>;
  checklists?: Array<string | Record<string, unknown>>;
  ignore?: string[];
  maxFileSize?: number;
  budget?: { timeMs?: number; memoryMb?: number };
  draft?: { statuses?: string[]; severity?: Severity | 'off' };
  overrides?: Array<{ files: string | string[]; type?: string; rules?: Record<string, SeveritySetting | 'warn'> }>;
}

let configValidator: ReturnType<Ajv['compile']> | null = null;

export function validateConfigValue(file: string, value: unknown, doc: Document, text: string): RawConfig {
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new ConfigError(file, 'the config must be an object of settings', 1, 1);
  if (!configValidator) configValidator = new Ajv({ allErrors: true, strict: false }).compile(configSchema);
  if (!configValidator(value)) {
    const errors = configValidator.errors!;
    const e = errors.find((x) => x.keyword === 'propertyNames') ?? errors[0];
    const parts = e.instancePath.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~')));
    if (e.keyword === 'additionalProperties') parts.push((e.params as { additionalProperty: string }).additionalProperty);
    if (e.keyword === 'propertyNames') parts.push((e.params as { propertyName: string }).propertyName);
    const where = lineOf(doc, text, parts);
    const describe = (x: typeof e) => (x.keyword === 'propertyNames' ? `/rules: unknown rule '${(x.params as { propertyName: string }).propertyName}'` : describeAjvError(x));
    // The first problem with its line, and up to two more elsewhere in the file ("rules: 5, checklists: 'x'").
    const others = errors.filter((x) => x !== e && x.instancePath !== e.instancePath && !['if', 'oneOf', 'anyOf'].includes(x.keyword));
    const details = [...new Set([describe(e), ...others.map(describe)])].slice(0, 3);
    throw new ConfigError(file, details.join('; '), where.line, where.column);
  }
  return value as RawConfig;
}
