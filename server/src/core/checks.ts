// The check kinds a checklist can use, each declared once. Kinds that belong to a rule live in that rule's file
// (metric: vague-metric, proof: missing-proof, date: vague-date, positioning-statement, checkable: unproven-claim);
// the structural ones are here. The mapped type makes a new kind in types.ts a compile error until it is added.

import { checklistPattern, countListed, plain, type CheckFn } from './content';
import { proofCheck } from './rules/missing-proof';
import { statementCheck } from './rules/positioning-statement';
import { checkableCheck } from './rules/unproven-claim';
import { dateCheck } from './rules/vague-date';
import { metricCheck } from './rules/vague-metric';
import type { ElementCheck } from './types';

const NAME_RE = /@[\w.-]+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+|\b[A-Z][a-z]+(?:\s+[A-Z][a-z]*\.?)+\b|(?:[:：|]\s*|^\s*)[\u4e00-\u9fff]{2,4}(?:\s|$|[，,、|（(])/mu;

export const minItems: CheckFn<'min-items'> = ({ check, items, out }) => {
  const count = countListed(items);
  if (count < check.min) out.reasons.push({ ruleId: null, messageId: 'reason.minItems', data: { count, min: check.min } });
  return;
};

export const maxItems: CheckFn<'max-items'> = ({ check, match, items, out }) => {
  const count = match.candidates.length > 1 ? match.candidates.length : countListed(items);
  if (count > check.max) out.reasons.push({ ruleId: null, messageId: 'reason.maxItems', data: { count, max: check.max } });
  return;
};

export const tableCheck: CheckFn<'table'> = ({ content, out }) => {
  // A table with only its header row (a freshly inserted skeleton) is not yet a table of anything.
  const filledRow = content.items.some((i) => i.kind === 'table-row' && plain(i.text).replace(/[\s|:-]/g, '').length > 0);
  if (!content.hasTable || !filledRow) out.reasons.push({ ruleId: null, messageId: 'reason.table', data: {} });
  return;
};

export const containsCheck: CheckFn<'contains'> = ({ check, heading, content, out }) => {
  const hay = heading.label + '\n' + content.text;
  if (!check.patterns.some((p) => checklistPattern(p).test(hay))) {
    out.reasons.push({ ruleId: null, messageId: 'reason.custom', data: { en: check.reason.en, zh: check.reason.zh } });
  }
  return;
};

export const notOnly: CheckFn<'not-only'> = ({ check, content, out }) => {
  let rest = ' ' + plain(content.text).toLowerCase() + ' ';
  for (const w of check.words) rest = rest.split(w.toLowerCase()).join(' ');
  rest = rest.replace(/\b(?:and|or|the|a|an|our|other|all|any|of|to|for|和|或|等|的)\b/gu, ' ').replace(/[\p{P}\p{S}\s\d]+/gu, '');
  if (content.text.trim() && rest.length < 4) out.reasons.push({ ruleId: null, messageId: 'reason.custom', data: { en: check.reason.en, zh: check.reason.zh } });
  return;
};

export const ownerCheck: CheckFn<'owner'> = ({ content, out }) => {
  if (!NAME_RE.test(plain(content.text)) && !/@[\w.-]+/.test(content.text)) out.reasons.push({ ruleId: null, messageId: 'reason.owner', data: {} });
  return;
};

export const CHECKS: { [K in ElementCheck['kind']]: CheckFn<K> } = {
  'min-items': minItems,
  'max-items': maxItems,
  table: tableCheck,
  contains: containsCheck,
  'not-only': notOnly,
  owner: ownerCheck,
  metric: metricCheck,
  proof: proofCheck,
  date: dateCheck,
  'positioning-statement': statementCheck,
  checkable: checkableCheck,
};
