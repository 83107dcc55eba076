import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BUILT_IN_CHECKLISTS, validateChecklist } from '../../server/src/core/checklist';
import { frontMatterType } from '../../server/src/core/detect';
import { lintText } from '../../server/src/core/lint';
import { parseDocumentModel } from '../../server/src/core/parse';
import { FLAWED_GTM } from '../../tools/tmp';

// The element ids of ../shared/pmm-checklists-spec.md: a public contract (config files, diagnostics, CLI JSON).
const SPEC_IDS: Record<string, string[]> = {
  positioning: ['competitive_alternatives', 'unique_attributes', 'value', 'target_customer', 'market_category', 'relevant_trends', 'positioning_statement'],
  'gtm-brief': ['launch_summary', 'launch_tier', 'target_audience', 'core_message', 'pricing_packaging', 'channels', 'timeline', 'enablement', 'success_metrics', 'owners', 'risks_rollback'],
  'message-house': ['umbrella', 'pillars', 'pillar_pain', 'pillar_promise', 'pillar_proof', 'why_us', 'avoid'],
  persona: ['job_to_be_done', 'titles', 'reports_to', 'measured_by', 'goals', 'motivations', 'challenges', 'info_sources', 'buying_role', 'buyers_journey', 'messaging'],
  battlecard: ['competitor_overview', 'comparison', 'why_we_win', 'why_we_lose', 'objections', 'landmines', 'freshness'],
  insight: ['meta', 'problem_trigger', 'alternatives_considered', 'decision_criteria', 'outcome', 'quotes', 'actions'],
  'feedback-brief': ['problem', 'source', 'evidence_frequency', 'impact', 'cost_of_inaction', 'market_requirement', 'recommendation'],
};

describe('built-in checklists', () => {
  it('are the seven types of the spec with its element ids', () => {
    assert.deepEqual(BUILT_IN_CHECKLISTS.map((c) => c.type).sort(), Object.keys(SPEC_IDS).sort());
    for (const c of BUILT_IN_CHECKLISTS) assert.deepEqual(c.elements.map((e) => e.id).sort(), [...SPEC_IDS[c.type]].sort(), c.type);
  });
  it('validate against the checklist schema', () => {
    for (const c of BUILT_IN_CHECKLISTS) assert.deepEqual(validateChecklist(c), [], c.type);
  });
  it('name every element in English and Chinese, with help text in both', () => {
    for (const c of BUILT_IN_CHECKLISTS) {
      for (const e of c.elements) {
        assert.ok(e.headings.en.length > 0 && e.headings.zh.length > 0, `${c.type}/${e.id} headings`);
        assert.ok(e.title.en && e.title.zh && e.complete.en && e.complete.zh, `${c.type}/${e.id} text`);
      }
    }
  });
  it('the spec-optional elements are optional', () => {
    const optional = BUILT_IN_CHECKLISTS.flatMap((c) => c.elements.filter((e) => !e.required).map((e) => `${c.type}/${e.id}`));
    for (const id of ['positioning/relevant_trends', 'message-house/avoid']) assert.ok(optional.includes(id), id);
  });
});

describe('front matter type that is not text', () => {
  it('type: 123, a list or a mapping is a front-matter error at the type line, naming the value; the document is still checked', () => {
    for (const value of ['123', '[a, b]', '[gtm-brief]', '{ kind: gtm-brief }', 'true']) {
      const text = FLAWED_GTM.replace('type: gtm-brief', `type: ${value}`);
      const r = lintText(text, { filePath: '/docs/alerts-gtm.md' });
      const errors = r.findings.filter((f) => f.ruleId === 'front-matter' && f.severity === 'error');
      assert.equal(errors.length, 1, `${value}: ${JSON.stringify(r.findings.map((f) => f.message))}`);
      assert.equal(text.slice(errors[0].span.start, errors[0].span.end), `type: ${value}`);
      assert.ok(errors[0].message.includes(`'${value}'`) && errors[0].message.includes('gtm-brief, '), errors[0].message);
      assert.equal(r.docType, 'gtm-brief', 'a list holding a type name does not declare it; the headings still do');
    }
  });

  it('frontMatterType gives no type name for such values, and the text as written', () => {
    const declared = (fm: string) => frontMatterType(parseDocumentModel(`---\n${fm}\n---\n\n# X\n`));
    assert.deepEqual(declared('type: 123'), { value: '', offset: 4, notText: '123' });
    assert.deepEqual(declared('type: [positioning]  # a list'), { value: '', offset: 4, notText: '[positioning]' });
    assert.deepEqual(declared('type:\n  - a\n  - b'), { value: '', offset: 4, notText: 'a list of 2' });
    assert.deepEqual(declared('owner: x\ntype: positioning'), { value: 'positioning', offset: 13 });
    assert.equal(declared('type:'), null);
    // Broken YAML: a flow list is no name either.
    assert.deepEqual(declared('type: [positioning\nowner: [x'), { value: '', offset: 4, notText: '[positioning' });
  });
});
