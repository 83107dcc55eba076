// The preview's HTML, from the very tree the rules saw (parsed once per version): mdast -> hast, sanitised
// (no raw HTML from the document, no scripts, no event handlers, no javascript: or data: links, no images
// that would load from the network), with data-line on top-level blocks for scroll sync.

import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Root as MdastRoot, RootContent } from 'mdast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHast } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import type { LintResult } from '../core/lint';

const SCHEMA: Schema = {
  ...defaultSchema,
  // Images would load from wherever the document says: shown as their alt text instead (see below).
  tagNames: (defaultSchema.tagNames ?? []).filter((t) => t !== 'img'),
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'dataLine'],
    pre: [...(defaultSchema.attributes?.pre ?? []), 'className'],
    span: [...(defaultSchema.attributes?.span ?? []), 'className'],
  },
  protocols: { href: ['http', 'https', 'mailto'], cite: ['http', 'https'] },
};

/**
 * Schemes are case-insensitive (`HTTP:`, `MAILTO:`), the sanitiser's list is not: each link's scheme is written in
 * lower case first, so such links are kept (and checked) like their lower-case forms. Which files a relative link
 * may open is the client's to decide (client/src/links.ts), where the workspace is known.
 */
function lowerSchemes(node: HastRoot | Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    for (const key of ['href', 'cite'] as const) {
      const value = child.properties[key];
      if (typeof value !== 'string') continue;
      const trimmed = value.trim();
      const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(trimmed);
      child.properties[key] = m ? m[1].toLowerCase() + trimmed.slice(m[1].length) : value;
    }
    lowerSchemes(child);
  }
}

/** Images become a visible, inert "[image: alt]" so the reader knows something is there. */
function imagesToText(node: HastRoot | Element): void {
  node.children = node.children.map((child): ElementContent | HastContent => {
    if (child.type !== 'element') return child;
    if (child.tagName === 'img') {
      const alt = typeof child.properties.alt === 'string' && child.properties.alt ? child.properties.alt : 'image';
      return { type: 'element', tagName: 'span', properties: { className: ['pmm-image'] }, children: [{ type: 'text', value: `[${alt}]` }] };
    }
    imagesToText(child);
    return child;
  }) as typeof node.children;
}

export function renderPreviewHtml(result: LintResult): string {
  const root = result.model.root;
  const content: RootContent[] = root.children.filter((n) => n.type !== 'yaml');
  const body = toHast({ type: 'root', children: content } as MdastRoot, { allowDangerousHtml: false }) as HastRoot;
  // Top-level blocks carry their source line (0-based, like VS Code's own preview) for scroll sync.
  for (const child of body.children) {
    if (child.type === 'element' && child.position) child.properties = { ...child.properties, dataLine: child.position.start.line - 1 };
  }
  imagesToText(body);
  lowerSchemes(body);
  const clean = sanitize(body, SCHEMA) as HastRoot;
  let html = toHtml(clean);
  const fm = result.model.frontMatter;
  if (fm && fm.raw.trim()) {
    const pre: Element = { type: 'element', tagName: 'pre', properties: { className: ['front-matter'], dataLine: 0 }, children: [{ type: 'text', value: fm.raw.trim() }] };
    html = toHtml(sanitize(pre, SCHEMA) as Element) + html;
  }
  return html;
}
