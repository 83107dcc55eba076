// Reading documents as people write them: element names in the author's words, the type as a decision over all
// the evidence, tables by their columns, what stands under a competitor's heading, narrow ranges.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintText, type LintResult } from '../../server/src/core/lint';
import { loadConfigFile } from '../../server/src/core/config';

const typed = (type: string, body: string) => `---\ntype: ${type}\nowner: Dana Li\nstatus: draft\nupdated: 2026-11-01\n---\n\n${body}`;
const status = (r: LintResult, id: string) => r.elements.find((e) => e.id === id)?.status;
const lineOf = (r: LintResult, offset: number) => r.model.lines.position(offset).line;

describe('element names in the author’s words', () => {
  it('English: any heading level, word order, plurals, questions, contractions', () => {
    const r = lintText(
      typed(
        'gtm-brief',
        '# Launch\n\n### The short version\n\nWe ship audit export.\n\n#### Release date\n\n- 2026-12-01: GA\n\n## Access and pricing\n\nIncluded at no additional cost.\n\n## Who it’s for\n\nAdmins of 200+ seat accounts.\n\n## If it goes sideways\n\nWe roll back the flag within an hour; Dana tells customers.\n',
      ),
    );
    assert.equal(status(r, 'launch_summary'), 'complete');
    assert.equal(status(r, 'timeline'), 'complete');
    assert.equal(status(r, 'pricing_packaging'), 'complete');
    assert.equal(status(r, 'target_audience'), 'complete');
    assert.equal(status(r, 'risks_rollback'), 'complete');
  });

  it('Chinese: the key noun ends the name; a term before another noun is a modifier', () => {
    const r = lintText(
      typed(
        'gtm-brief',
        '# 推广方案\n\n## 渠道优先级\n\n- 代理商地推\n- 抖音本地生活\n\n## 冷启动节奏\n\n- 2026-12-01 灰度\n- 2026-12-15 全量\n\n## 目标版本\n\nv2.\n',
      ),
    );
    assert.equal(status(r, 'channels'), 'complete');
    assert.equal(status(r, 'timeline'), 'complete');
    // 目标版本 is a version, not the goals (成功指标).
    assert.equal(status(r, 'success_metrics'), 'missing');
    const battle = lintText(typed('battlecard', '# 竞品分析\n\n## 横向对比\n\n| 对比项 | 我们 | 对手 |\n|---|---|---|\n| 价格 | 3 万 | 5 万 |\n\n## 核心竞品分析\n\n课立方：老牌教务系统。\n'));
    assert.equal(status(battle, 'comparison'), 'complete');
    assert.notEqual(status(battle, 'competitor_overview'), 'missing');
  });

  it('labels on consecutive lines of one paragraph are each a label', () => {
    const r = lintText(typed('message-house', '# House\n\n## Theme 1: Fewer empty chairs\n\n**Pain:** slots go empty.\n**Promise:** cancelled slots refill themselves.\n**Proof:**\n\n- Clinic A cut no-shows by 31% in 60 days\n'));
    for (const id of ['pillar_pain', 'pillar_promise', 'pillar_proof']) assert.notEqual(status(r, id), 'missing', id);
  });

  it('under a competitor’s heading, Strengths / 优势 are theirs: where we lose, not where we win', () => {
    const en = lintText(typed('battlecard', '# Us vs Stackhaus\n\n## The competition\n\n### Stackhaus\n\n**Strengths**\n\n- Self-hosted option\n\n**Weaknesses**\n\n- Webhooks only\n'));
    assert.equal(status(en, 'why_we_win'), 'missing');
    assert.notEqual(status(en, 'why_we_lose'), 'missing');
    const zh = lintText(typed('battlecard', '# 竞品分析\n\n## 核心竞品\n\n### 课立方\n\n**优势**\n\n- 支持私有化\n\n**不足**\n\n- 价格高\n\n## 我方优势\n\n- 多校区排课，3 家客户验证\n'));
    assert.notEqual(status(zh, 'why_we_lose'), 'missing');
    assert.notEqual(status(zh, 'why_we_win'), 'missing');
  });

  it('a battlecard’s question headings and quoted lines are its objections', () => {
    const r = lintText(typed('battlecard', '# Cheat sheet\n\n### Q: Isn’t Quaystone free with our ERP?\n\nAsk what the ERP module costs per entity.\n\n### Q: How is it priced?\n\nPer card, no platform fee.\n'));
    assert.notEqual(status(r, 'objections'), 'missing');
  });

  it('a category named in running text is the market category', () => {
    const r = lintText(typed('positioning', '# Positioning\n\n**1-line description:** Lumen is a product analytics platform for retail teams.\n'));
    assert.notEqual(status(r, 'market_category'), 'missing');
  });
});

describe('tables read by their columns', () => {
  const brief = typed(
    'gtm-brief',
    '# Launch\n\n## Key dates\n\n| Milestone | Date |\n|---|---|\n| Beta | soon |\n| GA | 2026-12-01 |\n\n## Success metrics\n\n| Metric | Baseline | Target | By when |\n|---|---|---|---|\n| Activation | 12% | 20% | 2027-01-31 |\n| Tickets | 22% | lots more | 60 days after GA |\n| NPS | 31 | 40 | Q3 |\n\n## Channels\n\n| Channel | Asset | When |\n|---|---|---|\n| Trade show | Booth demo | late Q3 |\n| Blog | Post | 2026-12-01 |\n',
  );
  const r = lintText(brief);
  const at = (text: string) => brief.indexOf(text);

  it('a target that is not a figure is reported at its cell; a filled baseline counts', () => {
    const metric = r.findings.filter((f) => f.ruleId === 'vague-metric');
    assert.deepEqual(
      metric.map((f) => [lineOf(r, f.span.start), brief.slice(f.span.start, f.span.end).trim()]),
      [[lineOf(r, at('lots more')), 'lots more']],
    );
    assert.match(metric[0].message, /'Success metrics': the target for 'Tickets' is 'lots more'/);
  });

  it('vague dates in any table’s date column, named by the document’s own section name', () => {
    const dates = r.findings.filter((f) => f.ruleId === 'vague-date');
    // 'Q3' as a metric's deadline is vague too, though the row's baseline makes the metric itself complete.
    assert.deepEqual(dates.map((f) => [lineOf(r, f.span.start), brief.slice(f.span.start, f.span.end)]), [
      [lineOf(r, at('soon')), 'soon'],
      [lineOf(r, at('| Q3 |')), 'Q3'],
      [lineOf(r, at('late Q3')), 'Q3'],
    ]);
    assert.match(dates[0].message, /in 'Key dates'/);
    assert.match(dates[1].message, /under 'By when' in 'Success metrics'/);
    assert.match(dates[2].message, /under 'When' in 'Channels'/);
  });
});

describe('narrow ranges', () => {
  it('a prose pitch is one warning on its label that the statement is missing, not slot errors over lines', () => {
    const text = typed('positioning', '# Positioning\n\n## Competitive alternatives\n\n- Spreadsheets\n- Doing nothing\n\n## Elevator pitch\n\nLumen helps retail teams see what sells.\nIt connects to the POS in minutes and\nsends a digest every Monday.\n');
    const r = lintText(text);
    const statement = r.findings.filter((f) => f.elementId === 'positioning_statement');
    assert.equal(statement.length, 1);
    assert.equal(statement[0].ruleId, 'required-element');
    assert.equal(statement[0].severity, 'warning');
    assert.equal(text.slice(statement[0].span.start, statement[0].span.end), '## Elevator pitch');
    assert.equal(status(r, 'positioning_statement'), 'missing');
  });

  it('no finding spans more than two lines on the bundled examples', () => {
    const dir = path.join(__dirname, '..', '..', 'examples');
    for (const lang of ['en', 'zh']) {
      for (const f of fs.readdirSync(path.join(dir, lang))) {
        const file = path.join(dir, lang, f);
        const r = lintText(fs.readFileSync(file, 'utf8'), { filePath: file });
        for (const x of r.findings) {
          const a = lineOf(r, x.span.start);
          const b = lineOf(r, Math.max(x.span.start, x.span.end - 1));
          assert.ok(b - a <= 1, `${f}: ${x.ruleId} spans lines ${a}-${b}`);
        }
      }
    }
  });
});

describe('the type as a decision over all the evidence', () => {
  it('title and file names: genre words, "X vs Y", Chinese titles', () => {
    assert.equal(lintText('# Acme vs. Globex\n\n## Where we win\n\n- Setup in a day (3 of 4 deals)\n', { filePath: '/d/notes.md' }).docType, 'battlecard');
    assert.equal(lintText('# 橙序收银 推广方案\n\n## 目标用户\n\n社区便利店。\n', { filePath: '/d/a.md' }).docType, 'gtm-brief');
    assert.equal(lintText('# Lumen launch\n\n## Success metrics\n\n- 500 teams by 2027-01-31\n', { filePath: '/d/lumen-launch-plan.md' }).docType, 'gtm-brief');
  });

  it('process pages, PRDs, link hubs and READMEs stay silent', () => {
    const silent = (text: string, file: string) => {
      const r = lintText(text, { filePath: file });
      assert.deepEqual([r.docType, r.findings], [null, []], file);
    };
    silent('# How we run launches\n\n## Launch tiers\n\nTier 1 is a new product.\n\n## Success metrics\n\nWe pick 2 metrics.\n\n## Timeline\n\nSoon.\n', '/h/launches.md');
    silent('# 产品需求文档（PRD）\n\n## 目标用户\n\n门店。\n\n## 竞品分析\n\n待补充\n\n## 功能需求\n\n- 扫码\n\n## 非功能需求\n\n- 性能\n', '/h/prd.md');
    silent('# Launch resources\n\n- [Positioning](https://x.test/p)\n- [Battlecard](https://x.test/b)\n- [Pricing](https://x.test/c)\n- [Launch plan](https://x.test/l)\n', '/h/gtm-resources.md');
    silent('# Introducing Bulk Edit\n\nToday we launch Bulk Edit.\n\n## Why we built it\n\nSpeed.\n\n## Pricing and availability\n\nNo extra cost.\n', '/blog/2026-11-bulk-edit-launch.md');
    silent('# 市场部周会纪要\n\n## 上周进展\n\n- 官网上线\n\n## 下周计划\n\n- 发布会物料\n- 竞品调研\n\n## 风险\n\n- 设计资源紧张\n', '/notes/周会.md');
    silent('# Q1 vs Q2 marketing results\n\n## Overview\n\nPipeline grew.\n\n## Comparison\n\n| Channel | Q1 | Q2 |\n|---|---|---|\n| Paid | 120 | 150 |\n', '/r/q1q2.md');
    silent('# React vs. Vue in 2026: which should your team pick?\n\nBoth are mature.\n\n## Overview\n\nComponent frameworks.\n\n## Feature comparison\n\n| Feature | React | Vue |\n|---|---|---|\n| JSX | yes | optional |\n', '/blog/react-vue.md');
    silent('# Website upkeep notes\n\n## Overview\n\nTwo hosts.\n\n## Comparison\n\n| Host | Cost |\n|---|---|\n| A | $10 |\n', '/w/upkeep.md');
    silent('# Search indexing service\n\n## Goals\n\n- p99 under 200 ms\n\n## Non-goals\n\n- Ranking\n\n## Rollout\n\nPhase 1 shadow traffic.\n\n## Risks\n\nIndex drift.\n\n## Owners\n\nAna\n', '/eng/search.md');
    silent('# Customer summit 2026 plan\n\n## Goals\n\n- 300 attendees\n\n## Audience\n\nCustomers.\n\n## Timeline\n\n- 2026-06-01 invites\n\n## Team\n\n- Ana\n', '/events/summit.md');
    silent('# Case study creation process\n\n## Interview process\n\nAsk questions.\n\n## Approval process\n\nLegal signs.\n\n## Quotes\n\nTBD\n', '/h/customer-insight.md');
  });

  it('unsure: one hint on the title that says what it reads like, and the suggestion in the result', () => {
    const text = '# Sales notes\n\n## Where we win\n\n- Faster setup\n\n## Objections\n\n- "Too expensive"\n\n## Landmines\n\n- Ask about SSO\n';
    const r = lintText(text, { filePath: '/d/notes.md' });
    assert.equal(r.docType, null);
    assert.equal(r.suggestion?.type, 'battlecard');
    assert.deepEqual(
      r.findings.map((f) => [f.ruleId, f.severity, lineOf(r, f.span.start)]),
      [['front-matter', 'hint', 1]],
    );
    assert.match(r.findings[0].message, /reads like a Competitive battlecard .*add `type: battlecard`/);
    const zh = lintText(text, { filePath: '/d/notes.md', locale: 'zh' });
    assert.match(zh.findings[0].message, /看起来是一份竞品作战卡.*type: battlecard/);
  });

  it('config overrides type a folder and set rules for it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmm-overrides-'));
    fs.writeFileSync(path.join(dir, '.pmmlintrc.yaml'), 'overrides:\n  - files: "battlecards/**"\n    type: 竞品作战卡\n    rules:\n      required-element: warning\n');
    const config = loadConfigFile(path.join(dir, '.pmmlintrc.yaml'));
    const text = '# Acme\n\nNotes.\n';
    const inside = lintText(text, { filePath: path.join(dir, 'battlecards', 'acme.md'), config });
    assert.equal(inside.docType, 'battlecard');
    assert.ok(inside.findings.some((f) => f.ruleId === 'required-element' && f.severity === 'warning'));
    assert.equal(lintText(text, { filePath: path.join(dir, 'notes.md'), config }).docType, null);
    // Front matter still wins.
    assert.equal(lintText('---\ntype: persona\n---\n\n# Acme\n', { filePath: path.join(dir, 'battlecards', 'acme.md'), config }).docType, 'persona');
    fs.writeFileSync(path.join(dir, '.pmmlintrc.yaml'), 'overrides:\n  - files: "x/**"\n    type: nonsense\n');
    assert.throws(() => loadConfigFile(path.join(dir, '.pmmlintrc.yaml')), /unknown document type 'nonsense'/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a variant named by the title keeps the type but its own bar: an ICP scoring page needs no persona fields', () => {
    const text = '# ICP scoring\n\n| Signal | Points |\n|---|---|\n| Employees 15-500 | 6 |\n| Engineering role | 6 |\n\nA lead scoring 12 or more is high ICP.\n';
    const r = lintText(text, { filePath: '/h/icp.md' });
    assert.equal(r.docType, 'persona');
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'required-element'), []);
    assert.equal(r.score, 100);
  });

  it('a team’s checklist adds words to an element without losing the built-in ones', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmm-vocab-'));
    fs.writeFileSync(path.join(dir, '.pmmlintrc.yaml'), 'checklists:\n  - type: gtm-brief\n    elements:\n      - id: channels\n        vocabulary: { zh: [投放矩阵], en: [demand gen plan] }\n');
    const config = loadConfigFile(path.join(dir, '.pmmlintrc.yaml'));
    const brief = (heading: string) => lintText(typed('gtm-brief', `# Launch\n\n## ${heading}\n\n- Blog, 2026-12-01\n- Webinar, 2026-12-08\n`), { config });
    assert.notEqual(status(brief('投放矩阵'), 'channels'), 'missing');
    assert.notEqual(status(brief('Demand gen plan'), 'channels'), 'missing');
    assert.notEqual(status(brief('渠道优先级'), 'channels'), 'missing');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('review cases: generic words do not name elements, a battlecard under its competitor heading keeps its own, "process" in a genre title', () => {
    const brief = lintText(typed('gtm-brief', '# Launch\n\n## Success metrics\n\n| Metric | Baseline | Target | By when |\n|---|---|---|---|\n| Trial-to-paid | 4% | 6% | 2027-01-31 |\n'));
    assert.equal(status(brief, 'target_audience'), 'missing');
    assert.equal(status(brief, 'channels'), 'missing');
    const pos = lintText(typed('positioning', '# P\n\n**Internal only.** Comments to Dana.\n\n## Vision statement\n\nA world where every team ships safely.\n'));
    assert.equal(status(pos, 'unique_attributes'), 'missing');
    assert.equal(status(pos, 'positioning_statement'), 'missing');
    const wrapped = lintText(typed('battlecard', '# Globex\n\n## Competitor: Globex\n\n### Quick comparison\n\n| | Us | Globex |\n|---|---|---|\n| SSO | all plans | enterprise |\n\n### Where we win\n\n- Setup in a day (7 of 9 deals)\n\n### Where they win\n\n- Price\n\n### Objections\n\n- "Too expensive": ask about seats\n\n### Landmines\n\n- Ask about SSO\n\n### Sources\n\n- G2, 2026-10-01\n'));
    assert.deepEqual(wrapped.elements.filter((e) => e.status === 'missing').map((e) => e.id), []);
    assert.equal(lintText('# Celonis battlecard (process mining)\n\n## Where we win\n\n- Setup (3 of 4 deals)\n\n## Objections\n\n- "Too costly"\n', { filePath: '/b/celonis.md' }).docType, 'battlecard');
    const icp = lintText(typed('persona', '# ICP: Head of Data\n\n## Goals\n\nTBD\n'));
    assert.ok(icp.findings.some((f) => f.ruleId === 'required-element'), 'an ICP title without a score is a persona like any other');
    const row = lintText(typed('gtm-brief', '# L\n\n## Success metrics\n\n| Metric | Target | Notes |\n|---|---|---|\n| Workspaces | 500 | by 2026-09-30, from the sales plan |\n'));
    assert.deepEqual(row.findings.filter((f) => f.ruleId === 'vague-metric'), []);
    const requested = lintText(typed('feedback-brief', '# F\n\n## Source\n\n| Account | ARR | Requested by |\n|---|---|---|\n| Orsolo | $168k | Summer Lee, CTO |\n'));
    assert.deepEqual(requested.findings.filter((f) => f.ruleId === 'vague-date'), []);
  });
});
