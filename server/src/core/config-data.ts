// Reading a config or checklist file: JSON or YAML data, bounded (read-source.ts), with its errors as
// ConfigErrors that point at a line. Config files are data only: nothing in them is executed.

import { parseDocument, isNode, type Document } from 'yaml';
import { humanSize, readSource } from './read-source';
import { DUPLICATE_KEY_MESSAGE, duplicateKey } from './yaml-keys';

/** Config and checklist files are small: the largest built-in checklist is about 20 KiB. */
export const MAX_CONFIG_FILE_SIZE = 1024 * 1024;

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(`${file}${line ? `:${line}${column ? `:${column}` : ''}` : ''}: ${detail}`);
    this.name = 'ConfigError';
  }
}

/** The config entry that names a file to read (`extends`, `checklists`), for errors about reading it. */
export interface NamedBy {
  file: string;
  what: 'extends' | 'checklists';
  name: string;
  line?: number;
  column?: number;
}

/** Line and column (1-based) of an offset in a text. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** Where a value is in a data file, by its path (for a missing key, its parent). */
export function lineOf(doc: Document, text: string, pathParts: Array<string | number>): { line?: number; column?: number } {
  let node: unknown = pathParts.length ? doc.getIn(pathParts, true) : doc.contents;
  while (!isNode(node) && pathParts.length) {
    pathParts = pathParts.slice(0, -1);
    node = pathParts.length ? doc.getIn(pathParts, true) : doc.contents;
  }
  const range = isNode(node) ? node.range : undefined;
  return range ? lineAndColumn(text, range[0]) : {};
}

/** Config and checklist files are data: a name that looks like a script is refused before anything reads it. */
export const SCRIPT_RE = /\.(?:[cm]?js|[cm]?ts|jsx|tsx)$/i;

export function scriptRefused(what: string, name: string): string {
  return `${what}: '${name}' is a script; config and checklist files are data (JSON or YAML), and nothing in them is run`;
}

/**
 * Reads a JSON or YAML data file; syntax errors become ConfigErrors with a line. Only a regular file of at most
 * MAX_CONFIG_FILE_SIZE is read (read-source.ts): `/dev/zero`, a FIFO or a symlink to one is refused, not read.
 */
export function readDataFile(file: string, namedBy?: NamedBy): { value: unknown; doc: Document; text: string } {
  const read = readSource(file, MAX_CONFIG_FILE_SIZE);
  if (!read.ok) {
    const detail =
      read.reason === 'not-a-file'
        ? 'is not a regular file (a folder, device, FIFO or socket); config and checklist files must be regular JSON or YAML files'
        : read.reason === 'too-large'
          ? `is ${humanSize(read.size)}, over the ${humanSize(MAX_CONFIG_FILE_SIZE)} limit for config and checklist files`
          : read.reason === 'binary'
            ? 'holds NUL bytes: it is not a JSON or YAML file'
            : `cannot be read (${read.code})`;
    // Said against the config that names the file, at its line, when there is one.
    if (namedBy) throw new ConfigError(namedBy.file, `${namedBy.what}: '${namedBy.name}' ${detail}`, namedBy.line, namedBy.column);
    throw new ConfigError(file, detail);
  }
  const text = read.text;
  // YAML is a superset of JSON, and its parser gives positions for both.
  // Keys checked for duplicates below, in linear time; the parser's warnings (which would print the file's own
  // characters to the terminal unescaped) are not printed.
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const at = lineAndColumn(text, e.pos[0]);
    throw new ConfigError(file, e.message.split('\n')[0], at.line, at.column);
  }
  const duplicate = duplicateKey(doc);
  if (duplicate) {
    const at = lineAndColumn(text, duplicate.offset);
    throw new ConfigError(file, `${DUPLICATE_KEY_MESSAGE} ('${duplicate.key}' is given twice)`, at.line, at.column);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    throw new ConfigError(file, (error as Error).message);
  }
  return { value, doc, text };
}
