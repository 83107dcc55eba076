// Bad and good examples for a rule's page, taken from its fixtures: a short excerpt of an invalid fixture around
// the first finding of the rule, and the matching place in a valid fixture, which the rule does not report.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LintResult } from '../../server/src/core/lint';
import type { Finding } from '../../server/src/core/types';
import { FIXTURES_DIR, type Project, type RuleFile } from './project';
import { blockAround, frontMatterEnd, headingWith, outline, parseLines, range, sectionAt, type Lines, type Numbered } from './lines';

export type Lang = 'en' | 'zh';

export interface Excerpt {
  /** The fixture, relative to the repository root. */
  file: string;
  /** Lines of the fixture, 1-based; `null` stands for lines left out. */
  lines: Numbered;
}

export interface RuleExample {
  bad: Excerpt & { finding: { line: number; message: string } };
  good: Excerpt;
}

interface Linted {
  file: string;
  lines: Lines;
  result: LintResult;
  findings: Finding[];
}

function lintFixture(project: Project, rule: RuleFile, file: string, lang: Lang): Linted {
  const abs = path.join(project.root, file);
  const text = fs.readFileSync(abs, 'utf8');
  const { lintText, defaultConfig } = project.engine;
  const config = { ...defaultConfig(), checklists: project.checklists.map((c) => c.checklist) };
  const result = lintText(text, { filePath: abs, locale: lang, config, rules: project.rules.map((r) => r.rule) });
  return { file, lines: parseLines(text), result, findings: result.findings.filter((f) => f.ruleId === rule.name) };
}

/** The rule's fixtures of one kind (valid or invalid) in one language: `<kind>-<lang>.md` first, then the others. */
function fixtures(project: Project, rule: RuleFile, kind: 'valid' | 'invalid', lang: Lang): string[] {
  const dir = path.join(project.root, FIXTURES_DIR, rule.name);
  const names = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.md') && f.startsWith(kind)).sort() : [];
  const main = `${kind}-${lang}.md`;
  const ofLang = names.filter((f) => f !== main && new RegExp(`(^|-)${lang}(-|\\.md$)`).test(f));
  return [...(names.includes(main) ? [main] : []), ...ofLang].map((f) => `${FIXTURES_DIR}/${rule.name}/${f}`);
}

/** The example in one language; throws when the rule has no fixture that it reports or no clean one. */
export function ruleExample(project: Project, rule: RuleFile, lang: Lang): RuleExample {
  const bad = fixtures(project, rule, 'invalid', lang)
    .map((f) => lintFixture(project, rule, f, lang))
    .find((l) => l.findings.length > 0);
  if (!bad) throw new Error(`${rule.name}: no ${FIXTURES_DIR}/${rule.name}/invalid-${lang}.md (or invalid-*-${lang}*.md) that the rule reports`);
  const good = fixtures(project, rule, 'valid', lang)
    .map((f) => lintFixture(project, rule, f, lang))
    .find((l) => l.findings.length === 0 && l.result.docType !== null);
  if (!good) throw new Error(`${rule.name}: no ${FIXTURES_DIR}/${rule.name}/valid-${lang}.md (or valid-*-${lang}*.md) without a finding of the rule`);
  const finding = bad.findings[0];
  const at = bad.result.model.lines.position(finding.span.start).line;
  const { bad: badLines, good: goodLines } = matchingExcerpts(bad, good, finding, at);
  return { bad: { file: bad.file, lines: badLines, finding: { line: at, message: finding.message } }, good: { file: good.file, lines: goodLines } };
}

/**
 * Which part of the fixture shows the problem, and the same part of the clean fixture: the front matter for a
 * finding in it; the outline for a missing element or a finding on a heading (order); the heading and the next one
 * for an empty section; else the heading and the paragraph, list or table with the finding.
 */
function matchingExcerpts(bad: Linted, good: Linted, finding: Finding, at: number): { bad: Numbered; good: Numbered } {
  const badEnd = frontMatterEnd(bad.lines);
  if (at <= badEnd) return { bad: range(bad.lines, 1, badEnd), good: range(good.lines, 1, frontMatterEnd(good.lines)) };
  const section = sectionAt(bad.lines, at);
  const missing = bad.result.elements.some((e) => e.id === finding.elementId && e.status === 'missing');
  if (!missing && section?.heading === at && section.empty) {
    const next = bad.lines.headings.find((h) => h > at);
    return { bad: range(bad.lines, at, next ?? section.end), good: goodSection(good, finding, bad, at) };
  }
  if (missing || section?.heading === at) return { bad: outline(bad.lines), good: outline(good.lines) };
  const block = blockAround(bad.lines, at);
  const lines = section ? headingWith(bad.lines, section.heading, block) : range(bad.lines, block.start, block.end);
  return { bad: lines, good: goodSection(good, finding, bad, section?.heading ?? null) };
}

/** In the clean fixture, the section of the finding's element (or with the same heading): its heading and first block. */
function goodSection(good: Linted, finding: Finding, bad: Linted, badHeading: number | null): Numbered {
  const element = finding.elementId ? good.result.elements.find((e) => e.id === finding.elementId && e.span) : undefined;
  let heading = element?.span ? (sectionAt(good.lines, good.result.model.lines.position(element.span.start).line)?.heading ?? null) : null;
  if (heading === null && badHeading !== null) {
    const text = bad.lines.text(badHeading).trim();
    heading = good.lines.headings.find((h) => good.lines.text(h).trim() === text) ?? null;
  }
  heading ??= good.lines.headings.find((h) => sectionAt(good.lines, h)?.empty === false && !/^\s*#\s/.test(good.lines.text(h))) ?? null;
  if (heading === null) return outline(good.lines);
  const section = sectionAt(good.lines, heading)!;
  if (!section.empty) return headingWith(good.lines, heading, blockAround(good.lines, section.firstBody));
  // A heading whose content is in its subsections: the first subsection too.
  const sub = good.lines.headings.find((h) => h > heading);
  const subSection = sub !== undefined && level(good.lines.text(sub)) > level(good.lines.text(heading)) ? sectionAt(good.lines, sub) : null;
  if (sub === undefined || !subSection || subSection.empty) return range(good.lines, heading, heading);
  return [...range(good.lines, heading, sub - 1), ...headingWith(good.lines, sub, blockAround(good.lines, subSection.firstBody))];
}

const level = (heading: string) => /^\s*(#+)/.exec(heading)?.[1].length ?? 0;
