import { reportCheckProblems, type Rule } from './rule';
import { firstLineOf, plain, type CheckFn, type CheckProblem } from '../content';
import type { Item } from '../model';
import type { Span } from '../types';

export const positioningStatement: Rule = {
  meta: {
    id: 'positioning-statement',
    type: 'problem',
    description: {
      en: "The positioning statement misses a slot of Moore's template (For / who / is a / that / Unlike).",
      zh: '定位声明没有填满 Moore 模板（针对、需求、是一款、能够、与……不同）。',
    },
    defaultSeverity: 'warning',
    messages: {
      'positioning-statement.missingSlot': {
        en: "Positioning statement lacks Moore's '{slot}' slot: {hint}",
        zh: '定位声明缺少 Moore 模板中的「{slot}」部分：请补上「{hint}」。',
      },
      'positioning-statement.missingSlots': {
        en: "Positioning statement lacks Moore's slots {slots}: {hint}",
        zh: '定位声明缺少 Moore 模板中的以下部分：{slots}。请补上「{hint}」。',
      },
    },
    fixable: false,
  },
  check(context) {
    reportCheckProblems(context, 'positioning-statement');
  },
};

/** The statement check (`kind: positioning-statement`): Moore's slots, or a pitch that stands in for the statement. */
export const statementCheck: CheckFn<'positioning-statement'> = ({ items, content, heading, source, out }) => {
  // A pitch in prose ("1-sentence pitch", "Elevator pitch", 一句话介绍) that fills few of Moore's slots is not a
  // statement yet: one warning that the statement is missing, not a list of slot errors over the paragraph.
  const slots = missingSlots(content.text);
  if (!STATEMENT_NAME.test(heading.label) && slots.length >= 3) {
    out.standIn = { span: heading.span, label: heading.label.trim().replace(/[:：.。]$/u, ''), missing: slots.map((s) => s.id).join(', '), missingZh: slots.map((s) => s.nameZh).join('、') };
    return;
  }
  const problems = checkPositioningStatement(content.text, items, heading.span, source);
  if (problems.length) {
    out.problems.push(...problems);
    out.reasons.push({ ruleId: 'positioning-statement', messageId: 'reason.statement', data: {} });
  }
  return;
};

interface Slot {
  id: string;
  /** The slot's name in Chinese messages (the words a Chinese statement fills it with). */
  nameZh: string;
  en: RegExp;
  zh: RegExp;
  hint: { en: string; zh: string };
  severity: 'error' | 'warning';
}

// The 'that' slot: "<is a> ... <that>" within a sentence. As one expression (`A[^.]*?B`) it is tried from every
// "is a" to the sentence's end, which takes time that grows with the square of a sentence full of "is a" (100 KB:
// 4.9 s). Read here as the expression reads it, in one pass: the first "is a" after which a "that" comes before
// the next period; the match ends after that "that".
const THAT_A = String.raw`\b(?:is (?:a|an|the)|are)\b`;
const THAT_B = String.raw`\b(?:that|which|to help|helping|providing)\b`;
const THAT_EN = new RegExp(`${THAT_A}[^.]*?${THAT_B}`, 'iu');

// The 'is a' slot in Chinese: 是一款 / 属于 / 作为一款, or 是 and a category noun later in the same clause, as a native
// writer puts it without a classifier (星图是面向零售连锁的数据集成平台). The match ends after 是, so the category
// phrase is the clause the slot check reads; a template slot (∅) in between is not a category.
const IS_A_ZH = /是一[款个种套家部]|属于|作为一[款个种]|是(?=[^，。；：,.;:!?！？∅\n]{1,30}?(?:平台|系统|工具|软件|产品|方案|服务|应用|套件|中台|引擎|数据库|SaaS|云))/u;

const SLOTS: Slot[] = [
  { id: 'For', nameZh: '针对', en: /(?:^|[.!?\n]\s*)(?:for|built for)\s+\S/iu, zh: /针对|面向|对于/u, hint: { en: 'For <target customer>', zh: '针对（目标客户）' }, severity: 'warning' },
  { id: 'who', nameZh: '需求', en: /\bwho\b|\bthat (?:need|want|struggle|have)|\bwhose\b/iu, zh: /他们|需要|需求|希望|苦于|面临|困扰|想要|亟需|急需/u, hint: { en: 'who <statement of need>', zh: '他们需要（需求）' }, severity: 'warning' },
  { id: 'is a', nameZh: '是一款', en: /\bis (?:a|an|the)\b|\bare (?:a|an)\b/iu, zh: IS_A_ZH, hint: { en: '<product> is a <category>', zh: '（产品）是一款（品类）' }, severity: 'warning' },
  { id: 'that', nameZh: '能够', en: THAT_EN, zh: /能够|可以|帮助|帮(?=[^助])|助力|让|使(?!用)/u, hint: { en: 'that <key benefit>', zh: '能够（核心价值）' }, severity: 'warning' },
  { id: 'Unlike', nameZh: '与……不同', en: /\bunlike\b|\bin contrast to\b|\bcompared (?:to|with)\b/iu, zh: /[与和跟][^。]{1,40}?不同|不同于|相比|相较于?|区别于|有别于/u, hint: { en: 'Unlike <primary competitive alternative>, <statement of primary differentiation>', zh: '与（主要替代方案）不同，（产品）具备（主要差异化）' }, severity: 'error' },
];

/** Template slots left in a statement: ___, [target customer], {category}, 【待补充】, TBD. */
const SLOT_PLACEHOLDER = /_{2,}|\[[^[\]\n]{0,60}\]|\{[^{}\n]{0,60}\}|【[^【】\n]{0,20}】|\bTBD\b|\bX{2,}\b|待补充|待定|待确认|…+|\.{3,}/giu;

/** A slot is filled when its words are there and what follows them is not a template slot. */
function slotFilled(slot: Slot, p: string, zh: boolean): boolean {
  const marked = p.replace(SLOT_PLACEHOLDER, '∅');
  const next = slotMatcher(zh ? slot.zh : slot.en, marked);
  // The clause after a match: past the punctuation and space that follow it, up to the next punctuation. Its end
  // is found once per clause (matches come in order), so a long text of slots costs time in proportion to it.
  let stopFrom = -1;
  let stopAt = -1;
  let trimmedEnd = -1;
  let m: { index: number; end: number } | null;
  while ((m = next()) !== null) {
    let q = m.end;
    while (q < marked.length && CLAUSE_LEAD.test(marked[q])) q++;
    if (!(stopFrom <= q && q <= stopAt)) {
      stopFrom = q;
      stopAt = q;
      while (stopAt < marked.length && !CLAUSE_STOP.test(marked[stopAt])) stopAt++;
      trimmedEnd = stopAt;
      while (trimmedEnd > q && /\s/u.test(marked[trimmedEnd - 1])) trimmedEnd--;
    }
    // q stands on neither space nor punctuation: the clause is marked[q, trimmedEnd), already trimmed.
    if (q >= trimmedEnd || marked[q] === '∅') continue;
    const clause = marked.slice(q, trimmedEnd);
    if (!clause.includes('∅')) return true;
    const words = clause.replace(/∅/g, '').trim();
    if (words.length > (zh ? 4 : 2)) return true;
  }
  // The words are not there, or only around template slots.
  return false;
}

const CLAUSE_LEAD = /[\s,.;:!?，。；：！？]/u;
const CLAUSE_STOP = /[,.;:!?，。；：！？]/u;

/** Successive non-empty matches of a slot's expression in a text, left to right (as a global exec loop). */
function slotMatcher(pattern: RegExp, text: string): () => { index: number; end: number } | null {
  if (pattern === THAT_EN) return isAThat(text);
  const re = new RegExp(pattern.source, pattern.flags.replace('g', '') + 'g');
  return () => {
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length > 0) return { index: m.index, end: m.index + m[0].length };
      re.lastIndex++;
    }
    return null;
  };
}

function isAThat(text: string): () => { index: number; end: number } | null {
  const a = new RegExp(THAT_A, 'giu');
  const b = new RegExp(THAT_B, 'giu');
  // The first "that" and the first period at or after a position: both only move forward, so each is found once.
  let bFrom = Infinity;
  let bAt: RegExpExecArray | null = null;
  let dotFrom = -1;
  let dotAt = -1;
  return () => {
    let m: RegExpExecArray | null;
    while ((m = a.exec(text)) !== null) {
      const e = m.index + m[0].length;
      if (!(bFrom <= e && (bAt === null || e <= bAt.index))) {
        b.lastIndex = e;
        bFrom = e;
        bAt = b.exec(text);
      }
      if (bAt === null) return null;
      if (!(dotFrom <= e && e <= dotAt)) {
        dotFrom = e;
        dotAt = text.indexOf('.', e);
        if (dotAt < 0) dotAt = text.length;
      }
      if (bAt.index < dotAt) {
        const end = bAt.index + bAt[0].length;
        a.lastIndex = end;
        return { index: m.index, end };
      }
    }
    return null;
  };
}

/** Names that say the text under them is a positioning statement, not a pitch. */
const STATEMENT_NAME = /statement|声明|陈述|定位语|moore/iu;

function isChinese(p: string): boolean {
  return (p.match(/[\u4e00-\u9fff]/gu)?.length ?? 0) > p.length / 4;
}

/** The Moore slots a text does not fill. */
export function missingSlots(text: string): Slot[] {
  const p = plain(text.replace(SLOT_PLACEHOLDER, '∅'));
  if (!p) return [];
  const zh = isChinese(p);
  return SLOTS.filter((slot) => !slotFilled(slot, p, zh));
}

/**
 * Moore's slots. A missing "Unlike" is its own error (without it there is no positioning, only hope);
 * the other missing slots are named together in one warning.
 */
export function checkPositioningStatement(text: string, items: Item[], fallback: Span, source = ''): CheckProblem[] {
  const p = plain(text.replace(SLOT_PLACEHOLDER, '∅'));
  if (!p) return [];
  const zh = isChinese(p);
  const span = items.length ? (source ? firstLineOf(source, items[0].span) : items[0].span) : fallback;
  const missing = SLOTS.filter((slot) => !slotFilled(slot, p, zh));
  const problems: CheckProblem[] = [];
  const others = missing.filter((s) => s.id !== 'Unlike');
  if (others.length) {
    problems.push({
      ruleId: 'positioning-statement',
      messageId: others.length === 1 ? 'positioning-statement.missingSlot' : 'positioning-statement.missingSlots',
      data: {
        slot: others[0].id,
        slotZh: others[0].nameZh,
        slots: others.map((s) => s.id).join(', '),
        // A list in Chinese takes the enumeration comma (、), not ", ".
        slotsZh: others.map((s) => s.nameZh).join('、'),
        // The hint is written in the statement's own language: it is the text to add.
        hint: zh ? others.map((s) => s.hint.zh).join('，') : others.map((s) => s.hint.en).join(' / '),
      },
      span,
      severity: 'warning',
    });
  }
  const unlike = missing.find((s) => s.id === 'Unlike');
  if (unlike) {
    problems.push({
      ruleId: 'positioning-statement',
      messageId: 'positioning-statement.missingSlot',
      data: { slot: unlike.id, slotZh: unlike.nameZh, hint: zh ? unlike.hint.zh : unlike.hint.en },
      span,
      severity: 'error',
    });
  }
  return problems;
}

