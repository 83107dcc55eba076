import type { Blockquote, Parent, RootContent, Root } from 'mdast';
import { plain, type CheckFn } from '../content';
import { spanOf, textRuns } from '../model';
import { hasCjk, NUMBER_RE, SOURCE_RE, splitSentences } from '../text';
import { elementAt, spanSet, type Rule } from './rule';
import type { Span } from '../types';

// ---------------------------------------------------------------------------------------------------------------
// English: superlatives and exclusivity claims. Every alternative starts with a literal word, and each unbounded
// part is bounded ({0,3}), so a long line costs time in proportion to its length.

// Nouns after "the only ... that/to/for" that make an ordinary sentence ("the only requirement for launch is").
const ORDINARY_ONLY = String.raw`(?:requirements?|prerequisites?|things?|changes?|differences?|exceptions?|catch|caveats?|steps?|questions?|times?|problems?|issues?|risks?|costs?|limitations?|downsides?|ways?|options?|reasons?|people|person|ones? who|field|column|setting|role|admins?|owners?)`;
const VENDOR = String.raw`(?:platform|solution|tool|product|vendor|company|service|app|provider|player|offering|suite|system|software|database|option|choice|one)s?`;
// "the number one priority", "#1 request": a ranking inside a list, not a claim about the product.
const NOT_RANKING = String.raw`(?! (?:priority|priorities|goal|reason|question|concern|complaint|request|ask|pain|problem|issue|rule|thing|focus|objective|task|job|cause|challenge|fear|blocker|driver|use case|takeaway|mistake|tip)\b)`;
const EN_CLAIMS = [
  String.raw`best[- ]in[- ]class`,
  String.raw`best[- ]of[- ]breed|best[- ]in[- ]breed`,
  String.raw`world[- ]class`,
  String.raw`(?:industry|market|category|class)[- ]leading`,
  String.raw`(?:industry|market|category) leader`,
  String.raw`the (?:clear |undisputed |recognized |recognised )?leader in\b`,
  String.raw`the leading(?= (?:[\w-]+ ){0,3}?(?:provider|platform|solution|vendor|tool|company|service|app|product|choice|player|brand|name|alternative)s?\b)`,
  String.raw`leading (?:provider|platform|solution|vendor|tool)`,
  String.raw`number[- ]one${NOT_RANKING}`,
  String.raw`the best(?![- ](?:in|of)[- ])(?! (?:way|practices?|time|approach|place|part|fit for|case|thing to do|option is|we can)\b)`,
  String.raw`best[- ]ever`,
  String.raw`first[- ]ever|first[- ]of[- ]its[- ]kind|industry[- ]first|one[- ]of[- ]a[- ]kind`,
  String.raw`(?:world|industry|market|category)['’]?s (?:first|only|best|fastest|largest|biggest|leading|most [\w-]+|#1|number[- ]one)`,
  // "the first platform to ..."; not "the first vendor we evaluated".
  String.raw`the first and only\b|the first (?:[\w-]+ ){0,2}?(?:platform|solution|tool|product|vendor|company|service|app)(?= (?:to|that|with|which)\b)`,
  String.raw`the only (?:[\w-]+ ){0,2}${VENDOR}\b`,
  // "X is the only place to ...", "..., the only way teams can ...": the only + a few words + a relative clause.
  String.raw`the only(?<=(?:\b(?:is|are|was|remains|becomes|be|being|as)\s{1,3}|['’]s\s{1,3}|,\s{0,3})the only)(?! ${ORDINARY_ONLY}\b)(?: [\w'’-]+){1,3}?(?= (?:that|to|for|which|where|who|with|a|an|you|we|teams?|customers?|users|anyone|everyone)\b)`,
  String.raw`only (?:platform|solution|tool|product|vendor) (?:that|to|with)`,
  String.raw`no other (?:[\w-]+ ){0,2}?(?:vendor|tool|company|product|solution|platform|provider|competitor|player|service|app|offering|database|team)s?(?= (?:[a-z]+ly )?(?:offers?|has|have|can|could|does|do|provides?|gives?|lets?|supports?|comes? close|match(?:es)?|delivers?|combines?|integrates?|ships?)\b)`,
  String.raw`(?:nobody|no one|no-one) else(?= (?:can|could|do|have|will|[a-z]+s)\b)`,
  String.raw`unmatched|unparalleled|unrivall?ed|unbeatable|unbeaten|second to none|like no other|peerless|matchless`,
  String.raw`nothing (?:else )?(?:on the market |out there )?comes close|industry[- ]best|best[- ]in[- ](?:the )?industry`,
  String.raw`the fastest|the most (?:powerful|advanced|complete|comprehensive|innovative|secure|trusted|popular|reliable|scalable|accurate|affordable)`,
  String.raw`cutting[- ]edge|state[- ]of[- ]the[- ]art|revolutionary|game[- ]chang(?:ing|er)`,
  String.raw`100 ?% (?:guaranteed|uptime|secure|safe|accurate|reliable|satisfaction|risk[- ]free)`,
  String.raw`zero [\w-]+,? guaranteed|guaranteed (?:results|success|zero|no)\b|risk[- ]free|zero[- ]risk`,
];

// ---------------------------------------------------------------------------------------------------------------
// Chinese: 绝对化用语 (PRC Advertising Law art. 9(3)) and the published 极限词 lists.

// Where a claim is measured against everyone: 国内第一家, 行业唯一, 全网最低.
const SCOPE = '(?:全球|全国|国内外?|国际|全网|全行业|行业内?|业内|业界|世界上?|市场上|市面上|同类产品中?|同行业?中?|亚洲|中国|目前|迄今|至今|史上|有史以来|全平台)';
const GAP = '[^，。；！？、,.;!?\\s]{0,4}';
// 首家支持…, 第一个把…: an exclusivity claim needs an action after it; 首家门店, 第一个客户 are ordinals.
const FIRST_ACT = '(?:支持|实现|推出|提供|通过|获得|拥有|能够?|可以|把|将|做到|打通|采用|获|真正|同时|集成|推出|接入|兼容|具备)';
// Adjectives after 最 that make an advertising superlative. 最近, 最后, 最多 (a limit), 最关心 (a persona's) are not.
const MOST = [
  '佳(?!实践|时机|时间|做法|方式|方法|搭档)',
  '好用',
  '好(?=的(?!办法|做法|方式|方法|时机|时间)|看)',
  '优(?:秀|质|异|越)?(?!化|先)',
  '强',
  '快',
  '安全',
  '稳定?',
  '可靠',
  '先进',
  '专业',
  '权威',
  '全面',
  '完善',
  '完整',
  '齐全',
  '全(?![部体程天年局])',
  '便宜',
  '实惠',
  '划算',
  '优惠',
  '低价',
  '低(?=的?(?:价|成本|费率|折扣|门槛))',
  '省',
  '受(?:欢迎|信赖|好评|青睐|喜爱|认可|推崇|追捧)',
  '畅销',
  '流行',
  '热门',
  '火(?!车|锅|灾)',
  '智能',
  '简单(?!的(?:办法|做法|方法))',
  '易用',
  '方便',
  '便捷',
  '高效',
  '精准',
  '准确',
  '强大',
  '领先',
  '顶级',
  '高端',
  '尖端',
  '高级',
  '前沿',
  '具(?:性价比|竞争力|影响力|价值|潜力|优势|实力|创新)',
  '懂',
  '值得(?:信赖|信任|选择|拥有)',
  '美',
  '轻',
  '薄',
  '聪明',
  '靠谱',
  '放心',
  '安心',
  '成熟',
  '出色',
  '卓越',
  '优异',
  '杰出',
  '新(?=技术|科技|科学)',
  '高(?=级|端|标准|水平|品质|性价比|效|的(?:性价比|标准|品质|水平))',
  '大(?=规模|的[^，。；\\s]{0,4}?(?:平台|厂商|供应商|服务商|社区|生态|品牌|公司|企业|数据库))',
].join('|');
// After a scope (国内最大, 全网最低), any 最 word is a claim except these.
const MOST_ORDINARY = '(?:近|后|终|初|早|晚|迟|常|关心|关注|头疼|需要|看重|在意|担心|怕|想|希望|重要|关键|主要|根本|基本|少|多)';
const ZH_CLAIMS = [
  `史上(?:最(?:${MOST}|[\\u4e00-\\u9fff])|第一|首[个家款创]?|唯一)`,
  `有史以来(?:最[\\u4e00-\\u9fff]|第一|首)`,
  `(?:全网)?最(?:${MOST})`,
  `最(?<=${SCOPE}${GAP}最)(?!${MOST_ORDINARY})[\\u4e00-\\u9fff]`,
  '(?:性价比|占有率|市场份额|销量|口碑|排名)最(?:高|大|好|多|佳|优|强)',
  '最高级',
  '史无前例|前所未有|空前(?:绝后)?|绝无仅有|独一无二|无与伦比|举世无双|无可比拟|无可替代|万能|无敌|王牌|至尊|巅峰|顶尖',
  '首屈一指|独占鳌头|无人能及|无可匹敌|傲视群雄|一骑绝尘|问鼎|独创|领跑(?=行业|市场|全球|全国|业界)',
  '顶级(?!域名)',
  '终极(?!目标|愿景|问题|形态)',
  '(?<!不)完美(?!主义)',
  '极致|极品|金牌',
  '(?:世界|国际|国内|行业)一流|一流(?=的|水平|品质|服务|体验|产品)',
  '(?:世界|国家|国际|全球|宇宙)级',
  '销量冠军|销冠|(?:行业|全国|全球|品类|市场|年度|类目)冠军|冠军(?:品牌|产品)',
  '(?:行业|市场|业界|业内|全球|国内|品类|领域)的?领导者|领导(?:品牌|地位|厂商)|领军(?:品牌|企业|者)|领跑者|领头羊|(?:行业|市场|品类)龙头',
  '(?:行业|业界|业内)标杆|标杆(?:品牌|产品|企业)',
  '(?:世界|全球|国际|国内|全国|业界|业内|行业|遥遥)领先',
  '领先的',
  '零风险|零差评|无风险(?!提示)',
  '百分之?百(?!分)',
  '100\\s?[%％]\\s?(?:满意|有效|安全|成功|保障|放心|正品|好评|可靠|准确|兼容|达标|通过|保证|退款)',
  '永久(?=免费|有效|保修|质保|保障|稳定|使用|授权|会员)|永不(?:宕机|掉线|过时|失效|停机|丢失|断线)',
  '绝对(?!值|路径|坐标|引用|地址|不要|不能|别|禁止|不可以|不得|不许|不应)',
  '独家',
  // 唯一: measured against a scope, after 是/为 (X 是唯一…), or 唯一一家; 唯一标识, 团队唯一的运维 are counts.
  `唯一(?:(?<=${SCOPE}${GAP}唯一)|(?<=(?:是|为|成为|作为)唯一)(?!的(?:办法|方式|方法|入口|途径|标识|区别|问题|风险|遗憾|缺点|不足|要求|条件|例外|变化))|(?=一[家款个种]))`,
  // 第一个/第一家/第一款: after a scope, or followed by an action (第一家支持…).
  `第一[个家款](?:(?<=${SCOPE}${GAP}第一.)|(?=${FIRST_ACT}))`,
  // 第一 alone: a ranking (销量第一, 第一品牌); not an ordinal (第一步, 第一季度, 第一屏, 第一优先级).
  '第一(?![个家款步次天周月季年阶期章节部轮批时手线版眼波屏张条项点句段页行列位封份场届堂课组类种件回遍道关站层级档稿任]|个月|负责|印象|反应|优先|视角|人称|性|原则)',
  `首[个家款](?:(?<=${SCOPE}${GAP}首.)|(?=${FIRST_ACT}))`,
  '首创',
  `首发(?<=${SCOPE}${GAP}首发)`,
  // 首选: 中小企业首选, 首选的财务软件; not 首选方案是…, 首选渠道：…, 首选项.
  '首选(?!项|语言|配置|设置|联系人)(?!(?:方案|渠道|做法|路径|时间|时机|方式|供应商|方法|工具|平台|产品|品牌)?\\s?(?:是|为|[:：]))',
  'TOP\\s?1(?![0-9])',
];
// "#1" and "No. 1" start with a non-word character, so they sit outside the \b group.
const CLAIM_RE = new RegExp(
  `\\b(?:${EN_CLAIMS.join('|')})|(?<![\\w#])#\\s?1\\b${NOT_RANKING}|\\bno\\.\\s?1\\b${NOT_RANKING}|${ZH_CLAIMS.join('|')}`,
  'giu',
);

// A cheap first test (a superset of CLAIM_RE's words): most blocks hold no claim and skip the big expression.
const MAYBE_CLAIM_RE =
  /best|guarantee|risk|world|lead|number|first|only|other|one else|nobody|nothing|unmatch|unparallel|unrival|unbeat|second|like no|peerless|matchless|fastest|most|cutting|state|revolution|game|100|#|no\.|kind|最|级|第一|唯一|首|顶|领|独|绝|极|史|前所|空前|无|万能|王牌|至尊|巅峰|终极|完美|金牌|一流|冠|销冠|标杆|龙头|零|百分|永|屈|鳌头|能及|匹敌|群雄|绝尘|问鼎|独创|领跑|top/i;

// ---------------------------------------------------------------------------------------------------------------
// Context: words that talk about a claim rather than make it.

// Before the claim in the same clause: a negation or an instruction ("we never say", 不要说, 避免).
const NEGATION_EN =
  /\b(?:not|never|avoid(?:s|ed|ing)?|no longer|instead of|rather than|refrain|stop(?:s|ped)? (?:saying|calling|claiming|using)|without (?:claiming|saying|calling)|banned|forbidden|prohibited)\b|n['’]t\b/iu;
const NEGATION_ZH =
  /不(?:要|能|得|可|应|该|必|会|再)?(?:说|写|用|提|宣称|声称|自称|称|使用|出现|夸大|标榜|承诺)|别(?:说|写|用|提)|避免|禁止|禁用|切忌|杜绝|慎用|去掉|删掉|删除|替换|改为|改成|而不是|而非|不是|并非|并不是|不算|勿/u;
// Before the claim in the same clause: someone else's words, reported ("the owner said", 客户说). A belief
// (客户认为…) is not their words: it is still the author's claim.
const REPORTED_EN = /\b(?:said|says|told (?:us|me)|call(?:s|ed) (?:it|us)|described (?:it|us) as|mentioned|according to)\b/iu;
const REPORTED_ZH = /(?:客户|用户|对方|他们|她|他|受访者|采购|负责人|老板|经理|总监|CTO|CIO)[^，。；\n]{0,6}?(?:说|表示|反馈|提到|称赞|夸)/u;
// Just before an opening quote: a word being talked about (不要用「最好」, avoid "best-in-class").
const MENTION_ZH = /(?:自称|宣称|号称|声称|称为|称作|说|叫做?|使用|用|写|写成|提到|避免|禁止|禁用|不要|不用|删掉?|改掉?|替换|词|字眼|例如|比如|诸如)$/u;
const MENTION_EN = /\b(?:avoid|call(?:s|ed)?|say|says|said|claims?|word|term|phrase|like|such as|e\.g\.)\b/iu;
// Before an opening quote, on its line: a competitor's words, or our own tagline.
const COMPETITOR = /竞品|对手|友商|\b(?:competitors?|rivals?|they|their)\b/iu;
const TAGLINE = /tagline|slogan|strapline|headline|口号|标语|广告语|宣传语|主标题|副标题/iu;
// An attribution: "— Jane, CTO", "——某客户", "-- Dana".
const ATTRIBUTION_LINE = /^\s*(?:[—–―]{1,2}|-{2}|~)\s*\S/u;
const ATTRIBUTION_AFTER_QUOTE = /[”"」』]\s*(?:[—–―]{1,2}|-{1,2})\s*\S/u;
const CUSTOMER_WORDS = /(?:客户|用户)(?:原话|反馈|评价|证言)|\b(?:customer|client|user) (?:quote|said|says|testimonial)\b/iu;

interface QuoteRange {
  start: number;
  end: number;
  /** 'corner': 「」 or 『』; 'plain': "…", “…”, '…'. */
  kind: 'corner' | 'plain';
  /** The length of the quoted text without the whitespace around it (computed once, for the first claim in it). */
  trimmed?: number;
}

/** Quoted ranges of a block (offsets relative to it), in one pass. Straight quotes pair up within a line. */
function quoteRanges(s: string): QuoteRange[] {
  const out: QuoteRange[] = [];
  let straight = -1;
  const curly: number[] = [];
  const corner: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) {
      straight = -1;
      continue;
    }
    if (c === 34) {
      if (straight < 0) straight = i;
      else {
        out.push({ start: straight + 1, end: i, kind: 'plain' });
        straight = -1;
      }
    } else if (c === 0x201c) curly.push(i);
    else if (c === 0x201d) {
      const open = curly.pop();
      if (open !== undefined) out.push({ start: open + 1, end: i, kind: 'plain' });
    } else if (c === 0x300c || c === 0x300e) corner.push(i);
    else if (c === 0x300d || c === 0x300f) {
      const open = corner.pop();
      if (open !== undefined) out.push({ start: open + 1, end: i, kind: 'corner' });
    } else if (c === 39 && i + 1 < s.length) {
      // 'best-in-class': a single quote after a space and before a letter, closed within 40 characters.
      const prev = i > 0 ? s[i - 1] : ' ';
      if (/[\s(:]/u.test(prev) && /\p{L}/u.test(s[i + 1])) {
        const close = s.slice(i + 1, i + 42).search(/[^\s]'(?![\p{L}\p{N}])/u);
        if (close >= 0) {
          out.push({ start: i + 1, end: i + 2 + close, kind: 'plain' });
          i = i + 2 + close;
        }
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function rangeAt(ranges: QuoteRange[], rel: number): QuoteRange | null {
  // Ranges can nest (“「」”): take the innermost that holds rel.
  let best: QuoteRange | null = null;
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid].start <= rel) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && i >= lo - 8; i--) {
    const r = ranges[i];
    if (r.start <= rel && rel < r.end && (!best || r.start > best.start)) best = r;
  }
  return best;
}

/** Start of the clause holding `rel` (after the last , ， ; 。 . ! ? or line break), looking back at most 60 characters. */
function clauseStart(s: string, rel: number): number {
  const floor = Math.max(0, rel - 60);
  for (let i = rel - 1; i >= floor; i--) {
    const c = s[i];
    if (c === '\n' || c === '，' || c === ',' || c === '；' || c === ';' || c === '。' || c === '！' || c === '？' || c === '!' || c === '?') return i + 1;
    if (c === '.' && (i + 1 >= s.length || /\s/u.test(s[i + 1]))) return i + 1;
  }
  return floor;
}

/** Whether a match talks about a claim (quoted, negated, reported, an ordinal, a name) rather than makes it. */
function notAClaim(blockText: string, rel: number, claim: string, ranges: QuoteRange[]): boolean {
  const quote = rangeAt(ranges, rel);
  if (quote) {
    // The 40 characters before the opening quote, on its line.
    const near = blockText.slice(Math.max(0, quote.start - 41), quote.start - 1);
    const before = near.slice(near.lastIndexOf('\n') + 1);
    quote.trimmed ??= blockText.slice(quote.start, quote.end).trim().length;
    // A word quoted to talk about it: 不要用「最好」, avoid "best-in-class"; a competitor's words.
    if (quote.trimmed <= claim.length + 2 || COMPETITOR.test(before)) return true;
    if (MENTION_ZH.test(before.slice(-8).replace(/[\s:：「」“”"]+$/u, '')) || MENTION_EN.test(before)) return true;
    // “…” and "…" hold someone else's words unless the line says it is our tagline; 「」 holds our own copy.
    if (quote.kind === 'plain' && !TAGLINE.test(before)) return true;
  }
  const clause = blockText.slice(clauseStart(blockText, rel), rel);
  if (NEGATION_EN.test(clause) || NEGATION_ZH.test(clause) || REPORTED_EN.test(clause) || REPORTED_ZH.test(clause)) return true;
  // 第一，…: an enumeration, not a ranking.
  if (claim === '第一') {
    const prev = rel > 0 ? blockText[rel - 1] : '';
    const next = blockText[rel + 2] ?? '';
    if (!/[\p{Script=Han}\p{L}\p{N}]/u.test(prev) && /^[，,、:：.．)）\s]?$/u.test(next)) return true;
  }
  // 把它排第一, 在赢单原因里排第一: an item ranked in a list (of reasons, needs), not the product ranked in a market.
  if (claim === '第一' && /(?:把[^，。；]{0,10}|(?:原因|因素|需求|痛点|理由|问题|诉求|选项|顾虑|考量|标准)(?:里|中|当中|之中)[^，。；]{0,6})排(?:名|在)?$/u.test(clause)) return true;
  // "Phase 3: Best in Class", "the World Class tier": a name in title case, not a claim.
  if (/^[A-Z]/u.test(claim) && !/^the /iu.test(claim) && / /u.test(claim) && !/-/u.test(claim) && claim.split(' ').every((w) => w.length < 3 || /^[A-Z#]/u.test(w))) return true;
  return false;
}

const NUMBER_G = new RegExp(NUMBER_RE.source, 'gu');
const SOURCE_G = new RegExp(SOURCE_RE.source, 'giu');

/** The first few figures and sources of a sentence (block-relative spans); `full` when there are more. */
function evidenceIn(blockText: string, sentence: Span): { spans: Span[]; full: boolean } {
  const s = blockText.slice(sentence.start, Math.min(sentence.end, sentence.start + 20_000));
  const spans: Span[] = [];
  for (const re of [NUMBER_G, SOURCE_G]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while (spans.length < 8 && (m = re.exec(s)) !== null) {
      if (m[0].length === 0) re.lastIndex++;
      spans.push({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length });
    }
  }
  return { spans, full: spans.length >= 8 };
}

/** Text runs to scan: text nodes, outside code and HTML. */
/** A blockquote that quotes a customer: an attribution line in it or right after it, or customer words. */
function isAttributedQuote(text: string, quote: Blockquote, next: RootContent | undefined): boolean {
  const sp = spanOf(quote);
  if (sp.end - sp.start > 20_000) return true;
  const body = text.slice(sp.start, sp.end);
  const lines = body.split('\n').map((l) => l.replace(/^(?:\s*>)+\s?/u, ''));
  if (lines.some((l) => ATTRIBUTION_LINE.test(l) || ATTRIBUTION_AFTER_QUOTE.test(l))) return true;
  if (CUSTOMER_WORDS.test(body)) return true;
  if (next && next.type === 'paragraph') {
    const n = spanOf(next);
    if (ATTRIBUTION_LINE.test(text.slice(n.start, Math.min(n.end, n.start + 200)))) return true;
  }
  return false;
}

export const unprovenClaim: Rule = {
  meta: {
    id: 'unproven-claim',
    type: 'suggestion',
    description: {
      en: 'A superlative or exclusivity claim (best-in-class, the only, no other vendor, #1) with no number or source in the sentence; in Chinese, the absolute terms that art. 9 of the Advertising Law bans (最佳, 第一, 唯一, 首家, 顶级, 国家级...).',
      zh: '最高级或排他性说法（best-in-class、the only、#1）所在句子没有数据或来源；中文中《广告法》第九条禁止的绝对化用语（最佳、第一、唯一、首家、顶级、国家级……）。',
    },
    defaultSeverity: 'warning',
    messages: ['unproven-claim.claim', 'unproven-claim.backed', 'unproven-claim.absolute', 'unproven-claim.absoluteBacked'],
    fixable: false,
  },
  check({ analysis, report }) {
    const { model } = analysis;
    const text = model.text;
    // Lists of words to avoid are meant to hold these words; quotes sections hold customers' words.
    const exempt = spanSet(['avoid', 'quotes'].flatMap((id) => analysis.matches.get(id)?.candidates.map((c) => c.fullSpan) ?? []));
    const blocks: Array<Root | RootContent> = [];
    const collect = (node: Root | RootContent) => {
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
        blocks.push(node);
        return;
      }
      if (node.type === 'code' || node.type === 'html' || node.type === 'yaml') return;
      if ('children' in node) {
        const kids = (node as Parent).children as RootContent[];
        kids.forEach((c, i) => {
          // The author's own blockquotes (a tagline, a callout) are read; a customer's attributed quote is not.
          if (c.type === 'blockquote' && isAttributedQuote(text, c, kids[i + 1])) return;
          collect(c);
        });
      }
    };
    collect(model.root);
    for (const node of blocks) {
      const block = spanOf(node);
      if (exempt.covers(block)) continue;
      const blockText = text.slice(block.start, block.end);
      if (!MAYBE_CLAIM_RE.test(blockText)) continue;
      // Computed on the first match only: most blocks that pass the cheap test hold no claim.
      let ranges: QuoteRange[] | null = null;
      let sentences: Span[] | null = null;
      let sentenceIndex = 0;
      const evidence = new Map<number, { spans: Span[]; full: boolean }>();
      for (const run of textRuns(node)) {
        const runText = text.slice(run.start, run.end);
        CLAIM_RE.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = CLAIM_RE.exec(runText)) !== null) {
          const at = run.start + m.index;
          const rel = at - block.start;
          ranges ??= quoteRanges(blockText);
          if (notAClaim(blockText, rel, m[0], ranges)) continue;
          sentences ??= splitSentences(blockText);
          // Matches come in order: walk the sentences forward instead of searching them each time.
          while (sentenceIndex < sentences.length - 1 && sentences[sentenceIndex].end <= rel) sentenceIndex++;
          const s = sentences[sentenceIndex];
          const sentence = s && s.start <= rel && rel < s.end ? s : { start: 0, end: blockText.length };
          let ev = evidence.get(sentenceIndex);
          if (!ev) evidence.set(sentenceIndex, (ev = evidenceIn(blockText, sentence)));
          // Backed when some evidence lies clear of the claim's own words ("100%满意" holds digits of its own).
          const a = rel;
          const b = rel + m[0].length;
          const backed = ev.full || ev.spans.some((e) => e.end <= a || e.start >= b);
          // A Chinese term (or any term in a Chinese document) is also banned by the Advertising Law.
          const absolute = hasCjk(m[0]) || analysis.docLanguage === 'zh';
          report({
            elementId: elementAt(analysis, at),
            messageId: absolute ? (backed ? 'unproven-claim.absoluteBacked' : 'unproven-claim.absolute') : backed ? 'unproven-claim.backed' : 'unproven-claim.claim',
            data: { text: m[0] },
            span: { start: at, end: at + m[0].length },
            severity: backed ? 'info' : undefined,
          });
        }
      }
    }
  },
};

// ---- The checkable check (`kind: checkable`) -----------------------------------------------------------------

/** Words that name no capability: what is left of "best-in-class experience" once the superlative is gone. */
const EMPTY_WORDS =
  /\b(?:a|an|the|our|we|us|and|or|of|for|in|to|with|experience|support|service|services|quality|performance|solution|solutions|platform|product|products|technology|tech|tool|team|customer|customers|value|results|everything|anything)\b|体验|服务|质量|性能|技术|产品|方案|平台|能力|效果|团队|的|和|与|我们/giu;

/**
 * Differentiators a buyer can check. An item that is a superlative and nothing more ("Best-in-class experience",
 * 业界领先的服务) cannot be checked; when half the items are like that, the element is weak.
 */
export const checkableCheck: CheckFn<'checkable'> = ({ items, out }) => {
  if (items.length === 0) return;
  let empty = 0;
  for (const item of items) {
    const text = plain(item.text);
    if (!MAYBE_CLAIM_RE.test(text)) continue;
    const re = new RegExp(CLAIM_RE.source, 'giu');
    if (!re.test(text)) continue;
    const rest = text.replace(new RegExp(CLAIM_RE.source, 'giu'), ' ').replace(EMPTY_WORDS, ' ').replace(/[\p{P}\p{S}\s\d]+/gu, '');
    if (rest.length < (hasCjk(text) ? 3 : 6)) empty++;
  }
  if (empty > 0 && empty * 2 >= items.length) out.reasons.push({ ruleId: 'unproven-claim', messageId: 'reason.superlativesOnly', data: {} });
};
