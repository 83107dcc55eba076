import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../server/src/core/lint';
import { parseDocumentModel } from '../../server/src/core/parse';

const doc = (type: string, body = '# Title\n\nSome text.\n') => `---\ntype: ${type}\nowner: A B\nstatus: draft\nupdated: 2026-11-01\n---\n\n${body}`;

describe('document type detection', () => {
  const cases: Array<[string, string]> = [
    ['positioning', 'positioning'],
    ['定位文档', 'positioning'],
    ['GTM方案', 'gtm-brief'],
    ['上市计划', 'gtm-brief'],
    ['发布计划', 'gtm-brief'],
    ['Launch Plan', 'gtm-brief'],
    ['信息屋', 'message-house'],
    ['买家画像', 'persona'],
    ['用户画像', 'persona'],
    ['竞品作战卡', 'battlecard'],
    ['访谈纪要', 'insight'],
    ['赢丢单分析', 'insight'],
    ['win-loss', 'insight'],
    ['需求反馈', 'feedback-brief'],
    ['feedback-brief', 'feedback-brief'],
  ];
  for (const [value, expected] of cases) {
    it(`front matter type: ${value} -> ${expected}`, () => {
      const r = lintText(doc(value));
      assert.equal(r.docType, expected);
      assert.equal(r.analysis?.detection.via, 'front-matter');
    });
  }

  it('file name plus two elements in the headings', () => {
    const text = '# Lumen launch\n\n## Success metrics\n\n- 500 teams by 2027-01-31\n\n## Launch tier\n\nTier 2: no new SKU.\n';
    assert.equal(lintText(text, { filePath: '/docs/lumen-gtm.md' }).docType, 'gtm-brief');
    assert.equal(lintText(text, { filePath: '/docs/lumen-launch-plan.md' }).docType, 'gtm-brief');
    assert.equal(lintText(text, { filePath: '/docs/上市计划-星图.md' }).docType, 'gtm-brief');
    // The same two headings without the file-name hint are not enough.
    assert.equal(lintText(text, { filePath: '/docs/notes.md' }).docType, null);
  });

  it('a file name alone is not enough: a page about personas is not a persona', () => {
    const text = '# Personas\n\n## What are personas?\n\nFictional people.\n\n## Why are personas important?\n\nThey focus us.\n';
    assert.equal(lintText(text, { filePath: '/handbook/personas.md' }).docType, null);
  });

  it('headings alone, in Chinese', () => {
    const text = '# 星图定位\n\n## 竞争替代方案\n\n- Excel\n- 自建数仓\n\n## 独特属性\n\n- 零售指标库\n\n## 价值\n\n- 报表时间从 3 天缩短到 2 小时\n\n## 目标客户\n\n- 门店 50 家以上的连锁零售\n';
    const r = lintText(text, { filePath: '/x/notes.md' });
    assert.equal(r.docType, 'positioning');
    // The title says 定位 too.
    assert.equal(r.analysis?.detection.via, 'title');
    const untitled = lintText(text.replace('# 星图定位', '# 星图'), { filePath: '/x/notes.md' });
    assert.equal(untitled.docType, 'positioning');
    assert.equal(untitled.analysis?.detection.via, 'headings');
  });

  it('non-PMM Markdown gets no findings at all', () => {
    const readme = '# my-lib\n\n## Install\n\n```sh\nnpm i my-lib\n```\n\n## Usage\n\nTODO: write this. The best library. TBD.\n\n## Risks\n\n## Goals\n';
    for (const name of ['/p/README.md', '/p/CHANGELOG.md', '/p/docs/design.md']) {
      const r = lintText(readme, { filePath: name });
      assert.deepEqual([r.docType, r.score, r.findings, r.elements], [null, null, [], []]);
    }
  });

  it('an unknown front matter type in a document that is otherwise PMM: front-matter error, type from the file name', () => {
    const text = '---\ntype: blog-post\nowner: A\nstatus: draft\nupdated: 2026-11-01\n---\n\n# X\n\n## Competitive alternatives\n\n- Excel\n- doing nothing\n\n## Market category\n\nProduct analytics.\n';
    const r = lintText(text, { filePath: '/d/positioning.md' });
    assert.equal(r.docType, 'positioning');
    const f = r.findings.find((x) => x.ruleId === 'front-matter');
    assert.ok(f);
    assert.equal(f.severity, 'error');
    assert.equal(r.model.lines.position(f.span.start).line, 2);
  });

  it('an unknown type on a page that is not PMM stays silent (Hugo uses type: too)', () => {
    const r = lintText('---\ntype: docs\n---\n\n# Install\n\nRun it.\n', { filePath: '/site/content/install.md' });
    assert.equal(r.docType, null);
    assert.deepEqual(r.findings, []);
  });
});

describe('front matter read once (parse.ts)', () => {
  const model = (text: string) => parseDocumentModel(text);
  const at = (text: string, needle: string) => text.indexOf(needle);

  it('gives the top-level keys with the places of their values, comments left out', () => {
    const text = '---\nproduct:\n  type: saas\n"type": c#-brief  # draft\nempty:\n---\n\n# X\n';
    const fm = model(text).frontMatter!;
    assert.deepEqual(
      fm.entries.map((e) => [e.key, text.slice(e.keySpan.start, e.keySpan.end), e.valueSpan && text.slice(e.valueSpan.start, e.valueSpan.end)]),
      [
        ['product', 'product', 'type: saas\n'],
        ['type', '"type"', 'c#-brief'],
        ['empty', 'empty', null],
      ],
    );
    // The top-level key, not the nested one.
    assert.deepEqual(fm.declaredType, { value: 'c#-brief', offset: at(text, '"type"') });
  });

  it('takes the type keys in their order, and a value that is not text as written', () => {
    const text = '---\nowner: A\ndoc-type: persona\ntype: battlecard\n---\n\n# X\n';
    assert.deepEqual(model(text).frontMatter!.declaredType, { value: 'battlecard', offset: at(text, 'type: battlecard') });
    const list = '---\ntype:\n  - a\n  - b\n---\n\n# X\n';
    assert.deepEqual(model(list).frontMatter!.declaredType, { value: '', offset: 4, notText: 'a list of 2' });
  });

  it('reads the keys of broken YAML and of an unclosed block, and the type from a plain line', () => {
    const broken = '---\nowner: A\nst\n  doctype: persona\n---\n\n# X\n';
    const fm = model(broken).frontMatter!;
    assert.equal(fm.data, null);
    assert.ok(fm.entries.some((e) => e.key === 'owner'));
    assert.deepEqual(fm.declaredType, { value: 'persona', offset: at(broken, '  doctype') });
    const unclosed = '---\ntitle: Launch\ntype: gtm-brief\n\n# X\n';
    const open = model(unclosed).frontMatter!;
    assert.deepEqual(open.errors.map((e) => e.message), ['unclosed']);
    assert.deepEqual(open.entries.map((e) => e.key), ['title', 'type']);
    assert.deepEqual(open.declaredType, { value: 'gtm-brief', offset: at(unclosed, 'type:') });
  });
});
