// Judgment on claims, measured over lists of sentences: each sentence is put alone in a typed document and linted
// by the whole engine; a claim counts as found when unproven-claim reports on its line (warning or info).
//
// Two sets: this file's own lists (written for this test), and test/eval/claims-{zh,en}.json when present
// (written separately, so that a pattern tuned to one set is measured on the other).
// Also: vague comparatives (vague-metric), hedged proof (missing-proof), taglines in blockquotes and 「」, and
// time bounds on hostile lines for the claims and placeholder scans.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintModel, lintText } from '../../server/src/core/lint';
import { parseDocumentModel } from '../../server/src/core/parse';

const ZH_DOC = (body: string) => `---\ntype: 定位文档\nowner: 许嘉怡\n---\n\n# 定位文档：灵犀客服\n\n## 草稿文案\n\n${body}\n`;
const EN_DOC = (body: string) => `---\ntype: positioning\nowner: Dana\n---\n\n# Positioning: Relay\n\n## Draft copy\n\n${body}\n`;

/** The findings of a rule (or rules) on the lines of `body` (the content under the "Draft copy" heading). */
function findingsOn(doc: (b: string) => string, body: string, ruleId: string | string[] = 'unproven-claim') {
  const rules = Array.isArray(ruleId) ? ruleId : [ruleId];
  const text = doc(body);
  const r = lintText(text, { filePath: 'claims.md' });
  assert.ok(r.docType, 'the test document is typed');
  const start = text.indexOf(body);
  return r.findings.filter((f) => rules.includes(f.ruleId) && f.span.start >= start && f.span.start < start + body.length);
}

function measure(doc: (b: string) => string, sentences: string[], ruleId: string | string[] = 'unproven-claim') {
  const hit: string[] = [];
  const miss: string[] = [];
  for (const s of sentences) (findingsOn(doc, s, ruleId).length > 0 ? hit : miss).push(s);
  return { hit, miss };
}

// At least 40 Chinese claim forms (绝对化用语 and 极限词), one per sentence.
const ZH_CLAIMS = [
  '灵犀是最便宜的电商客服系统。',
  '全网最低价，买贵退差。',
  '导出速度最快，几秒出报表。',
  '银行级加密，最安全的记账软件。',
  '最受欢迎的团队协作工具。',
  '采用最先进的大模型技术。',
  '性能最强的国产数据库。',
  '史上最强版本正式发布。',
  '史无前例的优惠力度。',
  '全网首发，限时抢购。',
  '100%满意，不满意全额退款。',
  '万能模板，什么场景都能用。',
  '注册即享数据永久免费保存。',
  '新用户零风险试用。',
  '世界级的研发团队为你护航。',
  '符合国家级技术标准。',
  '行业领导者，值得信赖。',
  '知名品牌，销量冠军。',
  '这是 TOP1 的客服软件。',
  '独一无二的会话分析能力。',
  '顶尖的算法团队。',
  '顶级的安全防护。',
  '终极的数据解决方案。',
  '完美兼容所有主流系统。',
  '行业标杆，服务众多大型企业。',
  '国内第一品牌的记账软件。',
  '连续三年销量第一。',
  '我们是市场上唯一支持离线开票的产品。',
  '国内首个支持全电发票的记账软件。',
  '云帆是首家通过信通院认证的厂商。',
  '全球首款 AI 会议耳机。',
  '中小企业首选的财务软件。',
  '独家专利算法，别人学不来。',
  '绝对安全，绝不泄露。',
  '极致的用户体验。',
  '全球领先的向量数据库。',
  '查询性能遥遥领先。',
  '业界领先的识别准确率。',
  '无敌的性价比。',
  '王牌产品，年度热销。',
  '至尊会员享专属服务。',
  '这是一款巅峰之作。',
  '空前绝后的发布会。',
  '无与伦比的流畅体验。',
  '最具性价比的云服务器。',
  '最懂开发者的代码助手。',
  '性价比最高的选择。',
  '国内最大的低代码社区。',
  '它是我们见过最好用的项目管理工具。',
  '主打口号：「全网最快的记账软件」',
  '> 史上最强的客服系统，夜里也不漏单。',
  '用户口碑栏目的标语：「全网最快的记账软件」',
];

// At least 26 ordinary Chinese sentences that hold the same characters without making a claim.
const ZH_ORDINARY = [
  '第一波客户在 8 月接入。',
  '首页的第一屏放产品截图。',
  '这是我们签下的第一个客户。',
  '第一张海报已经定稿。',
  '数据安全是第一优先级。',
  '第一阶段只开放给内测用户。',
  '这是客户第一次使用自动对账。',
  '他是团队唯一的运维。',
  '应用只有唯一的入口。',
  '我们不宣称自己是最强的产品。',
  '绝对不要说我们是第一。',
  '文案中避免使用“最”字。',
  '禁止写“第一”“唯一”这类词。',
  '不要用「最好」来形容产品。',
  '最近三个月的续约率是 92%。',
  '最后一步是导出报表。',
  '最终方案由法务确认。',
  '每个工作区最多支持 50 个成员。',
  '至少提前两周通知客户。',
  '最初的版本只支持网页端。',
  '首先，梳理现有的客户名单。',
  '客户首次登录后会看到引导页。',
  '> “灵犀是我们用过最好用的客服系统。”\n>\n> —— 山禾家居客服主管',
  '客户最关心的是数据能否导出。',
  '采购流程是客户最头疼的环节。',
  '我们按最佳实践配置了权限。',
  '最新版本修复了导出问题。',
  '最好在发布前一周完成培训。',
  '每位访客都有唯一标识。',
  '第一，确认发布日期；第二，准备培训材料。',
  '第一时间通知受影响的客户。',
  '价格不是最便宜的，但服务更稳定。',
  '首选方案是自建，备选方案是采购。',
  '绝对值小于 5% 的波动不需要上报。',
  '竞品的口号是「全网最快的记账软件」，销售不必正面回应。',
];

const EN_CLAIMS = [
  'Relay is the only place to see alerts, deploys and on-call in one view.',
  'No other vendor offers built-in postmortem drafts.',
  'Nobody else can replay a session from an error trace.',
  'No one else gives you flags and experiments in one SDK.',
  'Unmatched reliability for on-call teams.',
  'Our unrivaled support team answers within minutes.',
  'Unparalleled visibility into your pipeline.',
  'A revolutionary approach to payroll.',
  'The #1 payroll app for agencies.',
  'Harborline is the number one choice for small agencies.',
  'Best-in-class incident routing.',
  'World-class security on every plan.',
  'The industry-leading feature flag platform.',
  'Relay is the leading incident management platform for Slack teams.',
  "Acme is the world's fastest vector database.",
  'The first and only platform that files pensions on payday.',
  'We are the only vendor that ships a self-hosted edition.',
  'Relay is the best incident bot for small teams.',
  'Cutting-edge AI drafts your postmortems.',
  'State-of-the-art search across every repository.',
  'Acme, the only tool that scales with you.',
  'A game-changing way to run payroll.',
  'The most trusted name in payroll.',
  'Our support is second to none.',
  'A first-of-its-kind replay engine.',
  'Acme is the market leader in feature flags.',
  'Relay offers 100% uptime.',
  '> The fastest way to ship payroll, every time.',
  'Tagline: "The only payroll app that files pensions for you."',
  "Our tagline: 'The fastest payroll in Europe'",
];

const EN_ORDINARY = [
  'Phase 3: Best in Class',
  'Upgrade to the Best in Class tier for SSO.',
  'The first release ships in June.',
  'Only admins can change billing settings.',
  'We follow best practices for key rotation.',
  'Pipeline time is the leading indicator we watch.',
  'The only requirement is a Slack workspace.',
  'We never say we are the best.',
  'Avoid "best-in-class" in customer copy.',
  '> "Relay is the best thing that happened to our on-call."\n>\n> — Jane Doe, SRE lead at Northwind',
  'Our number one priority this quarter is reliability.',
  'The first step is to connect your Slack workspace.',
  'Dana is the only person on the team who knows the billing setup.',
  'This is the best way to keep on-call humane.',
  'Reps should lead with the migration story.',
  'Most customers start on the free tier.',
  'Relay is not the only tool that groups alerts, so lead with postmortems.',
  'The only change in this release is the new export button.',
  'Acme was the first vendor we evaluated.',
  'Northwind was our first customer in Germany.',
  'Unlike the last release, this one ships with docs.',
];

// The eval sets' claims include vague comparatives ("significantly faster"), which vague-metric reports.
const CLAIM_RULES = ['unproven-claim', 'vague-metric'];

function evalSet(file: string): { claims: string[]; ordinary: string[] } | null {
  const path = join(__dirname, '..', 'eval', file);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

function report(name: string, m: { hit: string[]; miss: string[] }, of: number) {
  console.log(`# ${name}: ${m.hit.length}/${of}`);
}

describe('unproven-claim judgment: Chinese', () => {
  it(`reports at least 36 of the ${ZH_CLAIMS.length} claim forms (own list)`, () => {
    const m = measure(ZH_DOC, ZH_CLAIMS);
    report('zh claims reported (own)', m, ZH_CLAIMS.length);
    assert.ok(ZH_CLAIMS.length >= 40);
    assert.ok(m.hit.length >= Math.ceil(ZH_CLAIMS.length * 0.9), `missed: ${m.miss.join(' | ')}`);
  });
  it(`reports at most 1 of the ${ZH_ORDINARY.length} ordinary sentences (own list)`, () => {
    const m = measure(ZH_DOC, ZH_ORDINARY);
    report('zh ordinary reported (own)', m, ZH_ORDINARY.length);
    assert.ok(ZH_ORDINARY.length >= 26);
    assert.ok(m.hit.length <= 1, `reported: ${m.hit.join(' | ')}`);
  });
  const set = evalSet('claims-zh.json');
  it('on test/eval/claims-zh.json: >= 90% of claims, <= 1 ordinary sentence', { skip: !set }, () => {
    const claims = measure(ZH_DOC, set!.claims, CLAIM_RULES);
    const ordinary = measure(ZH_DOC, set!.ordinary, CLAIM_RULES);
    report('zh claims reported (eval set)', claims, set!.claims.length);
    report('zh ordinary reported (eval set)', ordinary, set!.ordinary.length);
    assert.ok(claims.hit.length >= Math.floor(set!.claims.length * 0.9), `missed: ${claims.miss.join(' | ')}`);
    assert.ok(ordinary.hit.length <= 1, `reported: ${ordinary.hit.join(' | ')}`);
  });
  it('names the Advertising Law in both languages, and underlines the claim words only', () => {
    const text = ZH_DOC('灵犀是业界领先的电商客服平台。');
    for (const locale of ['zh', 'en'] as const) {
      const f = lintText(text, { filePath: 'a.md', locale }).findings.find((x) => x.ruleId === 'unproven-claim')!;
      assert.equal(text.slice(f.span.start, f.span.end), '业界领先');
      assert.match(f.message, locale === 'zh' ? /《广告法》第九条/ : /Advertising Law \(art\. 9\)/);
    }
  });
  it('is info, not warning, when the sentence has a figure or a source', () => {
    const [f] = findingsOn(ZH_DOC, '据艾瑞咨询 2025 年报告显示，灵犀的市场份额排名第一。');
    assert.equal(f.severity, 'info');
    const [g] = findingsOn(ZH_DOC, '灵犀的市场份额排名第一。');
    assert.equal(g.severity, 'warning');
  });
});

describe('unproven-claim judgment: English', () => {
  it(`reports at least 90% of the ${EN_CLAIMS.length} claims (own list)`, () => {
    const m = measure(EN_DOC, EN_CLAIMS);
    report('en claims reported (own)', m, EN_CLAIMS.length);
    assert.ok(m.hit.length >= Math.ceil(EN_CLAIMS.length * 0.9), `missed: ${m.miss.join(' | ')}`);
  });
  it(`reports at most 1 of the ${EN_ORDINARY.length} ordinary sentences (own list)`, () => {
    const m = measure(EN_DOC, EN_ORDINARY);
    report('en ordinary reported (own)', m, EN_ORDINARY.length);
    assert.ok(m.hit.length <= 1, `reported: ${m.hit.join(' | ')}`);
  });
  const set = evalSet('claims-en.json');
  it('on test/eval/claims-en.json: >= 85% of claims, <= 1 ordinary sentence', { skip: !set }, () => {
    const claims = measure(EN_DOC, set!.claims, CLAIM_RULES);
    const ordinary = measure(EN_DOC, set!.ordinary, CLAIM_RULES);
    report('en claims reported (eval set)', claims, set!.claims.length);
    report('en ordinary reported (eval set)', ordinary, set!.ordinary.length);
    assert.ok(claims.hit.length >= Math.floor(set!.claims.length * 0.85), `missed: ${claims.miss.join(' | ')}`);
    assert.ok(ordinary.hit.length <= 1, `reported: ${ordinary.hit.join(' | ')}`);
  });
  it('underlines the claim words only', () => {
    const body = 'No other vendor offers built-in postmortem drafts.';
    const text = EN_DOC(body);
    const f = lintText(text, { filePath: 'a.md' }).findings.find((x) => x.ruleId === 'unproven-claim')!;
    assert.equal(text.slice(f.span.start, f.span.end), 'No other vendor');
    assert.match(f.message, /Unproven claim/);
  });
});

describe('vague comparatives and hedged proof', () => {
  const VAGUE_EN = ['Significantly lower cost at equivalent volume.', 'Dramatically faster builds for monorepos.', 'Much cheaper than the incumbent.', 'Greatly improves triage speed.'];
  const VAGUE_ZH = ['大幅提升客服效率。', '显著降低运维成本。', '极大提高了排障速度。'];
  const FIGURED = ['Builds are 40% faster than with Jenkins.', 'Significantly lower cost: $0.004 per session against $0.02.', '运维成本降低 35%。', '排障时间从 2 小时缩短到 20 分钟，大幅提升效率。'];
  it('a comparison with no figure is a vague metric', () => {
    for (const s of VAGUE_EN) assert.equal(findingsOn(EN_DOC, s, 'vague-metric').length, 1, s);
    for (const s of VAGUE_ZH) assert.equal(findingsOn(ZH_DOC, s, 'vague-metric').length, 1, s);
  });
  it('a comparison with a figure is not', () => {
    for (const s of FIGURED) assert.equal(findingsOn(/[\u4e00-\u9fff]/u.test(s) ? ZH_DOC : EN_DOC, s, 'vague-metric').length, 0, s);
  });
  it('"trust us" and 相信我们 in place of proof are missing proof; customers trusting us is not', () => {
    for (const s of ['Fully managed, no servers to run (this is better, trust us).', 'Take our word for it: migration takes an afternoon.', 'Trust us, the import just works.'])
      assert.equal(findingsOn(EN_DOC, s, 'missing-proof').length, 1, s);
    for (const s of ['效果一定会好，相信我们。', '请相信我们，迁移一下午就能完成。']) assert.equal(findingsOn(ZH_DOC, s, 'missing-proof').length, 1, s);
    for (const s of ['Customers trust us with their payroll data.', 'We earned their trust with a 14-day pilot.', '客户相信我们的数据。'])
      assert.equal(findingsOn(/[\u4e00-\u9fff]/u.test(s) ? ZH_DOC : EN_DOC, s, 'missing-proof').length, 0, s);
  });
});

describe('claims and placeholders stay fast on hostile lines', () => {
  const LINES: Record<string, string> = {
    'zh claims': '最强'.repeat(250_000),
    'zh mixed': '国内唯一一家第一个支持最快最安全的首家'.repeat(25_000),
    'zh scope gaps': '全球全国国内行业'.repeat(60_000) + '最',
    'en the only': 'Relay is the only place '.repeat(40_000),
    'en no other': 'no other vendor vendor vendor '.repeat(30_000),
    'quotes': '「最强'.repeat(200_000) + '」'.repeat(100_000),
    'straight quotes': '"best ' .repeat(150_000),
    'single quotes': " 'best".repeat(150_000),
    'brackets': '[target customer] '.repeat(50_000),
    'open brackets': '[a b '.repeat(200_000),
    'braces': '{a b '.repeat(200_000),
    'cn brackets': '【产品名'.repeat(150_000),
    'dates': 'YYYY-MM-DD '.repeat(90_000),
    'x': 'xx公司'.repeat(200_000),
    'comparatives': 'significantly lower '.repeat(50_000),
    'trust': ', trust us'.repeat(100_000),
  };
  // The parser's own time on such lines is the parser's (see the README); what is timed here is the engine after it.
  for (const [name, line] of Object.entries(LINES)) {
    it(`${name}: a 1 MB line is linted in under 3 s after parsing`, () => {
      const model = parseDocumentModel(EN_DOC(line));
      const t0 = performance.now();
      lintModel(model, { filePath: 'hostile.md' });
      const ms = performance.now() - t0;
      assert.ok(ms < 3000, `${name}: ${Math.round(ms)} ms`);
    });
  }
});
