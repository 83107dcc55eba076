import type { Table } from 'mdast';
import { sectionAt, spanOf, type Section } from '../model';
import { DATE_COL, DATE_RE, VAGUE_DATE_RE } from '../text';
import { vagueFrontMatterDates } from './front-matter';
import { reportCheckProblems, type Rule } from './rule';
import type { CheckFn } from '../content';

function sectionName(sections: Section[], offset: number): string {
  return sectionAt(sections, offset)?.heading.trim() ?? '';
}

export const vagueDate: Rule = {
  meta: {
    id: 'vague-date',
    type: 'problem',
    description: { en: 'A timeline or launch date is vague ("Q3", "soon", 下个月) instead of a calendar date.', zh: '时间线或发布日期不明确（“Q3”“近期”“下个月”），应写具体日期。' },
    defaultSeverity: 'warning',
    messages: {
      'vague-date.vague': {
        en: "Vague date '{text}' in '{title}': give a calendar date such as 2026-12-01.",
        zh: '「{title}」中的「{text}」不是具体日期：请写成日历日期，如 2026-12-01。',
      },
      'vague-date.noDate': {
        en: "'{title}' gives no dates: give each entry a calendar date such as 2026-12-01.",
        zh: '「{title}」没有写日期：请为每一条写明具体日期，如 2026-12-01。',
      },
      'vague-date.vagueCell': {
        en: "Vague date '{text}' under '{column}' in '{title}': give a calendar date such as 2026-12-01.",
        zh: '「{title}」中，「{column}」下的「{text}」不是具体日期：请写成日历日期，如 2026-12-01。',
      },
    },
    fixable: false,
  },
  check(context) {
    const { analysis } = context;
    // Where the element checks already put a vague date (their spans are the vague words themselves).
    const reported = new Set<number>();
    const report: typeof context.report = (d) => {
      reported.add(d.span.start);
      context.report(d);
    };
    reportCheckProblems({ ...context, report }, 'vague-date');
    for (const v of vagueFrontMatterDates(analysis)) {
      context.report({ messageId: 'vague-date.vague', data: { title: v.key, text: v.text }, span: v.span });
    }
    // Dates in any table's date column ("When", 时间) and on date labels ("Launch date: soon"), wherever they
    // stand: a channel plan's "late Q3" is as vague as the timeline's.
    const { model } = analysis;
    const seen = (at: number) => reported.has(at);
    const cellCheck = (text: string, start: number, column: string) => {
      if (DATE_RE.test(text)) return;
      const v = VAGUE_DATE_RE.exec(text);
      if (!v) return;
      const at = start + v.index;
      if (seen(at)) return;
      const title = sectionName(model.sections, start) || column;
      context.report({ messageId: 'vague-date.vagueCell', data: { title, titleZh: title, column, text: v[0] }, span: { start: at, end: at + v[0].length } });
    };
    const tables: Table[] = [];
    const visit = (nodes: readonly unknown[]) => {
      for (const n of nodes as Array<{ type: string; children?: unknown[] }>) {
        if (n.type === 'table') tables.push(n as unknown as Table);
        else if (n.children && n.type !== 'blockquote' && n.type !== 'code') visit(n.children);
      }
    };
    visit(model.root.children);
    for (const table of tables) {
      const header = table.children[0]?.children.map((c) => model.text.slice(spanOf(c).start, spanOf(c).end).replace(/^\|/, '').replace(/\|$/, '').trim()) ?? [];
      // The date columns' names (null: not a date column); then each row's own cells, so that a short row under
      // a wide header costs its own cells. (The findings are sorted by place afterwards.)
      const dateColumn = header.map((h, col) => (col > 0 && DATE_COL.test(h) ? h.replace(/[*_`]/g, '') : null));
      for (let r = 1; r < table.children.length; r++) {
        const cells = table.children[r].children;
        for (let col = 1; col < cells.length && col < dateColumn.length; col++) {
          const column = dateColumn[col];
          if (column === null) continue;
          const sp = spanOf(cells[col]);
          cellCheck(model.text.slice(sp.start, sp.end), sp.start, column);
        }
      }
    }
    for (const cand of model.candidates) {
      if (cand.kind !== 'label' || !DATE_COL.test(cand.normalized) || cand.normalized.split(/\s+/).length > 4) continue;
      const first = cand.items[0];
      if (first && first.kind === 'text') cellCheck(first.text, first.span.start, cand.label.trim());
    }
  },
};

/** The date check (`kind: date`): real dates, no "Q3" or "soon". */
export const dateCheck: CheckFn<'date'> = ({ items, content, heading, named, out }) => {
  let anyDate = false;
  let bad = false;
  const units = items.length ? items : [];
  for (const item of units) {
    const p = item.text;
    if (DATE_RE.test(p)) {
      anyDate = true;
      continue;
    }
    const v = VAGUE_DATE_RE.exec(p);
    if (v) {
      const at = item.span.start + v.index;
      out.problems.push({ ruleId: 'vague-date', messageId: 'vague-date.vague', data: { title: named.en, titleZh: named.zh, text: v[0] }, span: { start: at, end: at + v[0].length } });
      bad = true;
    }
  }
  if (!anyDate && !bad && DATE_RE.test(heading.label + ' ' + content.text)) anyDate = true;
  if (!anyDate && !bad && items.length > 0) {
    out.problems.push({ ruleId: 'vague-date', messageId: 'vague-date.noDate', data: { title: named.en, titleZh: named.zh }, span: heading.span });
    bad = true;
  }
  if (bad) out.reasons.push({ ruleId: 'vague-date', messageId: 'reason.date', data: {} });
  return;
};
