import { reportCheckProblems, type Rule } from './rule';
import { reportVagueComparatives } from './vague-comparative';
import { firstLineOf, plain, type CheckFn, type CheckProblem } from '../content';
import type { Item } from '../model';
import { BASELINE_RE, DATE_COL, DATE_RE, TIMEFRAME_RE, hasNumber, squash } from '../text';

export const vagueMetric: Rule = {
  meta: {
    id: 'vague-metric',
    type: 'problem',
    description: { en: 'A success metric or value has no number, or no timeframe or baseline.', zh: '成功指标或价值没有数字，或没有时间范围/基线。' },
    defaultSeverity: 'warning',
    messages: {
      'vague-metric.noNumber': {
        en: "'{title}' has an item with no number: '{text}'. State a target figure.",
        zh: '「{title}」中的「{text}」没有数字：请写明目标值。',
      },
      'vague-metric.noTimeframe': {
        en: "'{title}' has an item with no timeframe or baseline: '{text}'. Add a date or period (by 2027-03-31, within 30 days) or a baseline (from 12% to 20%).",
        zh: '「{title}」中的「{text}」没有期限或基线：请补上期限（如 2027-03-31 前、上线后 30 天内）或基线（如从 12% 提升到 20%）。',
      },
      'vague-metric.comparative': {
        en: "'{word}' says how much without a figure: give the size of the change (a percentage, a multiple, an amount or a time) and what it is measured against.",
        zh: '「{word}」没有给出具体数字：请写明变化幅度（百分比、倍数、金额或时长）和对比基准。',
      },
      'vague-metric.targetNoNumber': {
        en: "'{title}': the target for '{metric}' is '{text}', not a figure. State the number to reach.",
        zh: '「{title}」中「{metric}」的目标值是「{text}」，不是数字：请写明要达到的数值。',
      },
      'vague-metric.rowNoTimeframe': {
        en: "'{title}': '{metric}' has no date to reach its target by ('{text}') and no baseline. Give a date or period (by 2027-03-31, within 30 days) or the current value.",
        zh: '「{title}」中「{metric}」没有完成期限（「{text}」），也没有基线：请写明日期或周期（如 2027-03-31 前、上线后 30 天内），或写出当前值。',
      },
      'vague-metric.sectionNoNumber': {
        en: "'{title}' gives no figure: state the result in numbers (a count, an amount, a before/after).",
        zh: '「{title}」里没有任何数字：请用数字说明结果（数量、金额或前后对比）。',
      },
    },
    fixable: false,
  },
  check(context) {
    reportCheckProblems(context, 'vague-metric');
    reportVagueComparatives(context);
  },
};

// ---- The metric check (checklists' `kind: metric`) -----------------------------------------------------

/** Each item a metric with a number and a timeframe or baseline; `scope: section` wants one figure anywhere. */
export const metricCheck: CheckFn<'metric'> = ({ check, items, content, heading, named, source, out }) => {
  const needs = check.needs ?? ['number', 'timeframe-or-baseline'];
  if (check.scope === 'section') {
    // One figure anywhere in the element is enough (an outcome, an impact).
    const p = plain(content.text);
    if (!hasNumber(p)) {
      out.problems.push({ ruleId: 'vague-metric', messageId: 'vague-metric.sectionNoNumber', data: { title: named.en, titleZh: named.zh }, span: heading.span });
      out.reasons.push({ ruleId: 'vague-metric', messageId: 'reason.metric', data: {} });
    }
    return;
  }
  let bad = false;
  for (const item of items) {
    const p = plain(item.text);
    const byColumns = item.cells && item.header ? metricRow(item, named) : null;
    if (byColumns) {
      if (byColumns.problem) {
        out.problems.push({ ruleId: 'vague-metric', ...byColumns.problem });
        bad = true;
      }
      continue;
    }
    if (needs.includes('number') && !hasNumber(p)) {
      out.problems.push({ ruleId: 'vague-metric', messageId: 'vague-metric.noNumber', data: { title: named.en, titleZh: named.zh, text: squash(p) }, span: firstLineOf(source, item.span) });
      bad = true;
    } else if (
      (needs.includes('timeframe') && !TIMEFRAME_RE.test(p)) ||
      (needs.includes('timeframe-or-baseline') && !TIMEFRAME_RE.test(p) && !BASELINE_RE.test(p))
    ) {
      out.problems.push({ ruleId: 'vague-metric', messageId: 'vague-metric.noTimeframe', data: { title: named.en, titleZh: named.zh, text: squash(p) }, span: firstLineOf(source, item.span) });
      bad = true;
    }
  }
  if (bad) out.reasons.push({ ruleId: 'vague-metric', messageId: 'reason.metric', data: {} });
  return;
};

// ---- Tables read by their columns ----------------------------------------------------------------------

const TARGET_COL = /\b(?:target|goal|objective)s?\b|目标|期望|预期/iu;
const BASELINE_COL = /\b(?:baseline|current|today|now|before|starting point|from)\b|基线|现状|当前|现值|上线前|起点/iu;

const columnsOf = new WeakMap<readonly string[], { target: number; baseline: number; date: number }>();

/** The target, baseline and date columns of a table's header (-1: none), read once per table, not per row. */
function metricColumns(header: readonly string[]): { target: number; baseline: number; date: number } {
  let found = columnsOf.get(header);
  if (!found) {
    const col = (re: RegExp) => header.findIndex((h, i) => i > 0 && re.test(h));
    const target = col(TARGET_COL);
    const baseline = col(BASELINE_COL);
    const date = header.findIndex((h, i) => i > 0 && i !== target && i !== baseline && DATE_COL.test(h));
    found = { target, baseline, date };
    columnsOf.set(header, found);
  }
  return found;
}

/**
 * A metrics table row read by its columns: the target cell needs a figure ("lots more", "Q3" and "increase
 * significantly" are not figures), and the row needs a date or period in its date column, or a baseline.
 */
function metricRow(item: Item, named: { en: string; zh: string }): { problem: Omit<CheckProblem, 'ruleId'> | null } | null {
  const cells = item.cells!;
  const { target, baseline, date } = metricColumns(item.header!);
  if (target < 0 || !cells[target]) return null;
  const t = cells[target];
  if (!hasNumber(t.text)) {
    return { problem: { messageId: 'vague-metric.targetNoNumber', data: { title: named.en, titleZh: named.zh, text: squash(t.text || '—'), metric: squash(cells[0]?.text ?? '') }, span: t.span } };
  }
  // Without a date column, a date anywhere else in the row counts ("| Workspaces | 500 | by 2026-09-30 |").
  const dateText = date >= 0 ? cells[date]?.text ?? '' : cells.filter((_, i) => i !== 0 && i !== target && i !== baseline).map((c) => c.text).join(' ');
  const hasDate = (DATE_RE.test(dateText) || TIMEFRAME_RE.test(dateText)) && !/^\s*(?:Q[1-4]|H[12])\s*$/iu.test(dateText);
  const hasBaseline = baseline >= 0 && hasNumber(cells[baseline]?.text ?? '');
  if (hasDate || hasBaseline || TIMEFRAME_RE.test(t.text)) return { problem: null };
  const at = date >= 0 && cells[date] ? cells[date].span : t.span;
  return { problem: { messageId: 'vague-metric.rowNoTimeframe', data: { title: named.en, titleZh: named.zh, text: squash(dateText || '—'), metric: squash(cells[0]?.text ?? '') }, span: at } };
}

