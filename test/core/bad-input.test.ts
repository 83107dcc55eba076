import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../server/src/core/lint';
import { RULES } from '../../server/src/core/rules';
import type { Rule } from '../../server/src/core/rules/rule';

const BODY = '\n# Launch\n\n## Success metrics\n\n- Increase adoption\n\n## Timeline\n\n- GA: soon\n\n## Owners\n\n- PMM: Dana Li\n';
const line = (r: ReturnType<typeof lintText>, offset: number) => r.model.lines.position(offset).line;

describe('bad input', () => {
  it('malformed front matter: a front-matter error at its line, the rest still linted', () => {
    const text = '---\ntype: gtm-brief\nowner: "Dana\nstatus: draft\n---\n' + BODY;
    const r = lintText(text, { filePath: '/d/alerts-gtm.md' });
    const fm = r.findings.filter((f) => f.ruleId === 'front-matter');
    assert.ok(fm.length >= 1);
    assert.equal(fm[0].severity, 'error');
    assert.ok(line(r, fm[0].span.start) >= 3 && line(r, fm[0].span.start) <= 5, `line ${line(r, fm[0].span.start)}`);
    assert.equal(r.docType, 'gtm-brief', 'type from the file name and headings');
    assert.ok(r.findings.some((f) => f.ruleId === 'vague-metric'));
    assert.ok(r.findings.some((f) => f.ruleId === 'vague-date'));
  });

  it('an unclosed front matter block is named', () => {
    const r = lintText('---\ntype: gtm-brief\nowner: Dana\n' + BODY, { filePath: '/d/gtm.md' });
    const fm = r.findings.find((f) => f.ruleId === 'front-matter');
    assert.equal(fm?.messageId, 'front-matter.unclosed');
    assert.equal(line(r, fm!.span.start), 1);
  });

  it('a YAML alias bomb is refused, not expanded', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    const text = `---\ntype: gtm-brief\n${bomb.join('\n')}\n---\n${BODY}`;
    const started = process.hrtime.bigint();
    const r = lintText(text, { filePath: '/d/gtm.md' });
    assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 5000);
    assert.ok(r.findings.some((f) => f.ruleId === 'front-matter' && f.severity === 'error'));
  });

  it('front matter over 64 KB is reported and skipped', () => {
    const text = `---\ntype: gtm-brief\nnotes: "${'x'.repeat(70_000)}"\n---\n${BODY}`;
    const r = lintText(text, { filePath: '/d/gtm.md' });
    assert.ok(r.findings.some((f) => f.messageId === 'front-matter.tooLarge'));
  });

  it('front matter that is a list, not a mapping', () => {
    const r = lintText('---\n- a\n- b\n---\n' + BODY, { filePath: '/d/gtm.md' });
    assert.equal(r.docType, 'gtm-brief');
    assert.ok(r.findings.some((f) => f.messageId === 'front-matter.notMapping'));
  });

  it('CRLF and mixed line endings keep positions right', () => {
    const lf = '---\ntype: gtm-brief\nowner: A\nstatus: draft\nupdated: 2026-11-01\n---\n' + BODY;
    const crlf = lf.replace(/\n/g, '\r\n');
    const mixed = lf.split('\n').map((l, i) => l + (i % 2 ? '\r\n' : '\n')).join('');
    const pos = (text: string) =>
      lintText(text).findings.map((f) => {
        const p = lintText(text).model.lines.position(f.span.start);
        return `${f.ruleId}@${p.line}:${p.column}`;
      });
    assert.deepEqual(pos(crlf), pos(lf));
    assert.deepEqual(pos(mixed.slice(0, -1)), pos(lf));
  });

  it('NUL bytes, a 1 MB line and deep nesting do not throw', () => {
    const texts = [
      '---\ntype: gtm-brief\n---\n# A\u0000B\n\n## Success metrics\n\n- \u0000\n',
      '---\ntype: gtm-brief\n---\n# A\n\n' + 'word '.repeat(200_000) + '\n',
      '---\ntype: positioning\n---\n# A\n\n' + Array.from({ length: 200 }, (_, i) => '  '.repeat(i) + '- item').join('\n') + '\n',
      '---\ntype: positioning\n---\n# A\n\n' + '> '.repeat(300) + 'deep\n',
      Array.from({ length: 500 }, (_, i) => `${'#'.repeat((i % 6) + 1)} Heading ${i}`).join('\n'),
    ];
    for (const text of texts) {
      const r = lintText(text, { onRuleError: (id, e) => assert.fail(`${id}: ${e}`) });
      for (const f of r.findings) assert.ok(f.span.end <= text.length);
    }
  });

  it('a rule that throws is reported once and the other rules still report', () => {
    const errors: string[] = [];
    const text = '---\ntype: gtm-brief\n---\n' + BODY;
    const broken: Rule = {
      meta: { ...RULES[0].meta, id: 'broken-rule' },
      check() {
        throw new Error('boom');
      },
    };
    const r = lintText(text, { rules: [broken, ...RULES], onRuleError: (id) => errors.push(id) });
    assert.deepEqual(errors, ['broken-rule']);
    assert.ok(r.findings.some((f) => f.ruleId === 'vague-metric'));
    assert.ok(r.findings.some((f) => f.ruleId === 'vague-date'));
  });
});

describe('front matter that is not YAML', () => {
  it('a long unclosed block (Markdown after a thematic break) is not read as YAML; a short one gives its keys', () => {
    const long = lintText('---\n' + '[{'.repeat(30000) + '\n');
    assert.deepEqual(long.model.frontMatter!.errors.map((e) => e.message), ['unclosed']);
    assert.deepEqual(long.model.frontMatter!.entries, []);
    const short = lintText('---\ntype: battlecard\nowner:\n\n# Alerts vs Acme\n');
    assert.deepEqual(short.model.frontMatter!.entries.map((e) => e.key), ['type', 'owner']);
    assert.equal(short.docType, 'battlecard');
  });

  it('broken YAML still names the type; a list is no type name', () => {
    const broken = lintText('---\ntype: battlecard\nowner: "Dana\n---\n\n# Alerts vs Acme\n');
    assert.equal(broken.model.frontMatter!.data, null);
    assert.equal(broken.model.frontMatter!.declaredType?.value, 'battlecard');
    const list = lintText('---\ntype: [battlecard, persona]\n---\n\n# X\n');
    assert.deepEqual(list.model.frontMatter!.declaredType, { value: '', offset: 4, notText: '[battlecard, persona]' });
  });
});
