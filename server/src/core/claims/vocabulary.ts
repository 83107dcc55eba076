// The claim vocabulary of unproven-claim: English superlatives and exclusivity claims, Chinese 绝对化用语. One
// big expression (CLAIM_RE) and a cheap superset test (MAYBE_CLAIM_RE) that most blocks fail.
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
export const CLAIM_RE = new RegExp(
  `\\b(?:${EN_CLAIMS.join('|')})|(?<![\\w#])#\\s?1\\b${NOT_RANKING}|\\bno\\.\\s?1\\b${NOT_RANKING}|${ZH_CLAIMS.join('|')}`,
  'giu',
);

// A cheap first test (a superset of CLAIM_RE's words): most blocks hold no claim and skip the big expression.
export const MAYBE_CLAIM_RE =
  /best|guarantee|risk|world|lead|number|first|only|other|one else|nobody|nothing|unmatch|unparallel|unrival|unbeat|second|like no|peerless|matchless|fastest|most|cutting|state|revolution|game|100|#|no\.|kind|最|级|第一|唯一|首|顶|领|独|绝|极|史|前所|空前|无|万能|王牌|至尊|巅峰|终极|完美|金牌|一流|冠|销冠|标杆|龙头|零|百分|永|屈|鳌头|能及|匹敌|群雄|绝尘|问鼎|独创|领跑|top/i;
