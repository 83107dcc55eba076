// JSON text for generated and updated JSON files.

/** Like JSON.stringify(value, null, 2) plus a newline: the layout of package.json and package.nls*.json. */
export function jsonFile(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * A compact layout for hand-read schemas: an object or array stays on one line when it fits within `width`
 * columns, otherwise one member a line, indented by two spaces.
 */
export function compactJson(value: unknown, width = 120): string {
  return `${layout(value, 0, width)}\n`;
}

function layout(value: unknown, indent: number, width: number, prefix = ''): string {
  const inline = oneLine(value);
  if (value === null || typeof value !== 'object' || indent + prefix.length + inline.length <= width) return inline;
  const pad = ' '.repeat(indent + 2);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => pad + layout(v, indent + 2, width)).join(',\n')}\n${' '.repeat(indent)}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  const members = entries.map(([k, v]) => {
    const key = `${JSON.stringify(k)}: `;
    return pad + key + layout(v, indent + 2, width, key);
  });
  return `{\n${members.join(',\n')}\n${' '.repeat(indent)}}`;
}

/** `{ "a": [1, 2] }`: JSON on one line with a space inside braces and after commas and colons. */
function oneLine(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(oneLine).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${oneLine(v)}`).join(', ')} }`;
  }
  const text = JSON.stringify(value);
  if (text === undefined) throw new Error(`not JSON: ${String(value)}`);
  return text;
}
