import { normalizeLabel, VAGUE_DATE_RE, DATE_RE } from '../text';
import { documentAnchor } from './required-element';
import type { Analysis, Rule } from './rule';
import type { Span } from '../types';

/** Keys that stand for owner / status / updated, in English and Chinese. */
export const FRONT_MATTER_KEY_ALIASES: Record<string, string[]> = {
  owner: ['owner', 'owners', 'dri', 'author', 'authors', 'pmm', '负责人', '作者', '所有者'],
  status: ['status', 'state', 'stage', '状态', '阶段'],
  updated: ['updated', 'last_updated', 'last-updated', 'lastupdated', 'updated_at', 'date', 'modified', 'last_modified', '更新日期', '更新时间', '最后更新', '日期'],
};

/** Body labels that carry the same facts ("Owner: Jane", a "Who to contact" table, "Last updated: ..."). */
const BODY_LABELS: Record<string, string[]> = {
  owner: ['owner', 'owners', 'dri', 'who to contact', 'author', 'contact', '负责人', '联系人'],
  status: ['status', '状态'],
  updated: ['last updated', 'updated', 'last reviewed', '更新日期', '最后更新'],
};

function hasKey(data: Record<string, unknown>, wanted: string): boolean {
  const aliases = FRONT_MATTER_KEY_ALIASES[wanted] ?? [wanted];
  return Object.keys(data).some((k) => aliases.includes(k.toLowerCase()) && data[k] !== null && data[k] !== '');
}

function inBody(analysis: Analysis, wanted: string): boolean {
  const labels = BODY_LABELS[wanted];
  if (!labels) return false;
  return analysis.model.candidates.some((c) => labels.includes(c.normalized) && c.contentText.trim().length > 0);
}

function frontMatterAnchor(analysis: Analysis): Span {
  const fm = analysis.model.frontMatter;
  if (fm && fm.span.end > fm.span.start) return { start: fm.span.start, end: fm.span.start + 3 };
  return documentAnchor(analysis);
}

export const frontMatter: Rule = {
  meta: {
    id: 'front-matter',
    type: 'problem',
    description: { en: 'Front matter is malformed, names an unknown type, or lacks owner / status / updated.', zh: 'Front matter 格式错误、类型未知，或缺少负责人 / 状态 / 更新日期。' },
    defaultSeverity: 'warning',
    messages: {
      'front-matter.malformed': {
        en: 'Front matter is not valid YAML: {detail}',
        zh: 'front matter 不是合法的 YAML：{detail}',
      },
      'front-matter.unclosed': {
        en: "Front matter is not closed: add a line '---' after it.",
        zh: 'front matter 没有闭合：请在它的末尾加一行「---」。',
      },
      'front-matter.tooLarge': {
        en: 'Front matter is larger than 64 KB and was not read.',
        zh: 'front matter 超过 64 KB，未读取。',
      },
      'front-matter.notMapping': {
        en: 'Front matter must be a YAML mapping of keys to values.',
        zh: 'front matter 应为「键: 值」形式的 YAML 映射。',
      },
      'front-matter.readsLike': {
        en: 'This reads like a {title} ({evidence}{elements} of its {total} elements). If it is one, add `type: {type}` to the front matter to check it against that checklist.',
        zh: '这份文档看起来是一份{title}（依据：{evidence}{total} 项要素中已有 {elements} 项）。如果是，请在 front matter 中加上 `type: {type}`，按这类文档的检查清单检查。',
      },
      'front-matter.unknownType': {
        en: "Unknown document type '{value}'. Use one of: {types}.",
        zh: '未知的文档类型「{value}」。可选类型：{types}。',
      },
      'front-matter.typeNotText': {
        en: "Front matter `type` must be the name of a document type, not '{value}'. Use one of: {types}.",
        zh: 'front matter 中的 `type` 应为文档类型名称，而不是「{value}」。可选类型：{types}。',
      },
      'front-matter.missingKeys': {
        en: 'Front matter lacks {keys}: a reviewer needs an owner, a status and a last-updated date.',
        zh: 'front matter 缺少 {keys}：评审需要知道负责人、状态和最后更新日期。',
      },
    },
    fixable: false,
  },
  check({ analysis, report }) {
    const fm = analysis.model.frontMatter;
    if (fm && fm.errors.length) {
      for (const e of fm.errors) {
        const messageId =
          e.message === 'unclosed' ? 'front-matter.unclosed' : e.message === 'too-large' ? 'front-matter.tooLarge' : e.message === 'not-a-mapping' ? 'front-matter.notMapping' : 'front-matter.malformed';
        report({ messageId, data: { detail: e.message }, span: e.span, severity: 'error' });
      }
      return;
    }
    const det = analysis.detection;
    if (det.unknownTypeValue !== null) {
      const at = det.typeValueOffset ?? 0;
      const lineEnd = analysis.model.text.indexOf('\n', at);
      // `type: 123` or `type: [a, b]` is no type name: said with the value as written (parse.ts declaredTypeOf).
      const notText = fm?.declaredType?.notText;
      const types = analysis.checklists.map((c) => c.type);
      report({
        messageId: notText !== undefined ? 'front-matter.typeNotText' : 'front-matter.unknownType',
        // Lists in Chinese messages are joined with 、.
        data: { value: notText ?? det.unknownTypeValue, types: types.join(', '), typesZh: types.join('、') },
        span: { start: at, end: lineEnd < 0 ? at + 1 : lineEnd },
        severity: 'error',
      });
    }
    const wanted = analysis.checklist.frontMatter?.required ?? [];
    const data = fm?.data ?? {};
    const missing = wanted.filter((k) => !hasKey(data, k) && !inBody(analysis, k));
    if (missing.length) {
      report({ messageId: 'front-matter.missingKeys', data: { keys: missing.join(', '), keysZh: missing.join('、') }, span: frontMatterAnchor(analysis) });
    }
  },
};

/** Front matter date keys whose value is vague (launch_date: Q3): the value's line as written, from its start. */
export function vagueFrontMatterDates(analysis: Analysis): Array<{ span: Span; text: string; key: string }> {
  const fm = analysis.model.frontMatter;
  if (!fm?.data) return [];
  const text = analysis.model.text;
  const out: Array<{ span: Span; text: string; key: string }> = [];
  for (const { key, keySpan, valueSpan } of fm.entries) {
    if (!valueSpan || !/^[\w\u4e00-\u9fff-]+$/u.test(key) || !/date|launch|ga|release|deadline|日期|发布|上线|上市/iu.test(normalizeLabel(key))) continue;
    // A value on the key's own line (a block below the key is a list or a mapping, not a date).
    if (/[\r\n]/.test(text.slice(keySpan.end, valueSpan.start))) continue;
    const value = text.slice(valueSpan.start, fm.rawStart + fm.raw.length).split(/\r\n|\r|\n/, 1)[0];
    const v = VAGUE_DATE_RE.exec(value);
    if (v && !DATE_RE.test(value)) {
      const at = valueSpan.start + v.index;
      out.push({ span: { start: at, end: at + v[0].length }, text: v[0], key });
    }
  }
  return out;
}
