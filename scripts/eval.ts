// `npm run eval`: scores the linter's judgment against reviewer labels.
//
// Sets: the development corpus (../shared/eval-corpus with labels.json; third-party documents, read in place and
// never copied), and our own labelled documents (test/eval/docs, labels in test/eval/labels.json), English and
// Chinese apart. Each set is scored twice: as the documents are (no type given), and with the reviewer's type
// declared (as a team would with `type:` or a config override). Then the claim lists (test/eval/claims-*.json).
//
//   npm run eval                  the table
//   npm run eval -- --set holdout   only the sets whose name contains 'holdout'
//   npm run eval -- --verbose     also every miss, every false "missing" and every finding on an "other" document
//   npm run eval -- --json        the figures as JSON
//   PMM_EVAL_CORPUS=<dir>         another labelled corpus in the same format (kept-aside sets)

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultConfig } from '../server/src/core/config';
import { lintText, type LintResult } from '../server/src/core/lint';
import type { Finding } from '../server/src/core/types';

interface LabelFlag {
  kind: string;
  text: string | null;
  line?: number | null;
}
interface Label {
  file: string;
  docType: string;
  expect: { verdict: string; mustFlag: LabelFlag[]; mustNotFlag: string[] };
  note?: string;
}
interface DocSet {
  name: string;
  dir: string;
  labels: Label[];
}

const KIND_TO_RULE: Record<string, string> = {
  placeholder: 'placeholder',
  'unproven-superlative': 'unproven-claim',
  'weak-proof': 'missing-proof',
  'vague-metric': 'vague-metric',
  'empty-section': 'empty-section',
  'vague-date': 'vague-date',
  'statement-slot': 'positioning-statement',
};

function readLabels(file: string): Label[] {
  return JSON.parse(readFileSync(file, 'utf8')) as Label[];
}

export function loadSets(root = process.cwd()): DocSet[] {
  const sets: DocSet[] = [];
  const corpus = process.env.PMM_EVAL_CORPUS ? resolve(process.env.PMM_EVAL_CORPUS) : resolve(root, '..', 'shared', 'eval-corpus');
  if (existsSync(join(corpus, 'labels.json'))) sets.push({ name: process.env.PMM_EVAL_CORPUS ? 'corpus' : 'dev (eval-corpus)', dir: corpus, labels: readLabels(join(corpus, 'labels.json')) });
  // Our own documents: a development set, and holdouts written later by someone who had not seen the checklists'
  // vocabulary, to measure how well a change carries over (holdout2 is still unread: read its figures only).
  for (const [name, dir] of [
    ['own', join(root, 'test', 'eval')],
    ['holdout', join(root, 'test', 'eval', 'holdout')],
    ['holdout2', join(root, 'test', 'eval', 'holdout2')],
  ]) {
    if (!existsSync(join(dir, 'labels.json')) || process.env.PMM_EVAL_CORPUS) continue;
    const labels = readLabels(join(dir, 'labels.json'));
    for (const lang of ['en', 'zh']) {
      const mine = labels.filter((l) => l.file.startsWith(`${lang}/`));
      if (mine.length) sets.push({ name: `${name} ${lang}`, dir: join(dir, 'docs'), labels: mine });
    }
  }
  return sets;
}

function linesOf(result: LintResult, f: Finding): { first: number; last: number } {
  const first = result.model.lines.position(f.span.start).line;
  // A span that ends at a line's start does not cover that line.
  const endPos = result.model.lines.position(Math.max(f.span.start, f.span.end - 1));
  return { first, last: Math.max(first, endPos.line) };
}

export interface DocScore {
  file: string;
  expectedType: string;
  detectedType: string | null;
  suggestedType: string | null;
  defects: number;
  found: number;
  missed: LabelFlag[];
  falseMissing: string[];
  findings: number;
  wide: number;
  otherNoise: Finding[];
  result: LintResult;
}

export function scoreDocument(set: DocSet, label: Label, declared: boolean): DocScore {
  const path = join(set.dir, label.file);
  const text = readFileSync(path, 'utf8');
  const config = defaultConfig();
  if (declared && label.docType !== 'other') config.type = label.docType;
  const result = lintText(text, { filePath: path, config, locale: 'en' });
  const findings = result.findings;
  const missed: LabelFlag[] = [];
  let found = 0;
  for (const flag of label.expect.mustFlag) {
    let hit: boolean;
    if (flag.kind.startsWith('missing-element:')) {
      const id = flag.kind.slice('missing-element:'.length);
      hit = findings.some((f) => f.ruleId === 'required-element' && f.elementId === id);
    } else {
      const rule = KIND_TO_RULE[flag.kind];
      hit = findings.some((f) => {
        if (f.ruleId !== rule) return false;
        if (!flag.line) return true;
        const { first, last } = linesOf(result, f);
        return first <= flag.line && flag.line <= last;
      });
    }
    if (hit) found++;
    else missed.push(flag);
  }
  const falseMissing = label.expect.mustNotFlag.filter((id) => findings.some((f) => f.ruleId === 'required-element' && f.elementId === id));
  const wide = findings.filter((f) => {
    const { first, last } = linesOf(result, f);
    return last - first + 1 > 2;
  }).length;
  return {
    file: label.file,
    expectedType: label.docType,
    detectedType: result.docType,
    suggestedType: result.suggestion?.type ?? null,
    defects: label.expect.mustFlag.length,
    found,
    missed,
    falseMissing,
    findings: findings.filter((f) => f.severity !== 'hint').length,
    wide,
    otherNoise: label.docType === 'other' ? findings.filter((f) => f.severity !== 'hint') : [],
    result,
  };
}

export interface SetScore {
  set: string;
  declared: boolean;
  docs: number;
  typed: number;
  typesRight: number;
  defects: number;
  found: number;
  falseMissing: number;
  findings: number;
  others: number;
  othersSilent: number;
  wide: number;
  /** Documents left untyped with a "reads like" hint. */
  hinted: number;
  scores: DocScore[];
}

export function scoreSet(set: DocSet, declared: boolean): SetScore {
  const scores = set.labels.map((l) => scoreDocument(set, l, declared));
  const typed = set.labels.filter((l) => l.docType !== 'other');
  return {
    set: set.name,
    declared,
    docs: scores.length,
    typed: typed.length,
    typesRight: scores.filter((s) => (s.expectedType === 'other' ? s.detectedType === null : s.detectedType === s.expectedType)).length,
    defects: scores.reduce((n, s) => n + s.defects, 0),
    found: scores.reduce((n, s) => n + s.found, 0),
    falseMissing: scores.reduce((n, s) => n + s.falseMissing.length, 0),
    findings: scores.reduce((n, s) => n + s.findings, 0),
    others: scores.filter((s) => s.expectedType === 'other').length,
    othersSilent: scores.filter((s) => s.expectedType === 'other' && s.otherNoise.length === 0).length,
    wide: scores.reduce((n, s) => n + s.wide, 0),
    hinted: scores.filter((s) => s.suggestedType !== null).length,
    scores,
  };
}

export interface ClaimScore {
  lang: string;
  claims: number;
  claimsFound: number;
  ordinary: number;
  ordinaryFlagged: number;
  missedClaims: string[];
  flaggedOrdinary: string[];
}

/** Each sentence as the body of a typed section, so the claim rule runs on it as in a real document. */
export function claimFlagged(sentence: string, lang: 'en' | 'zh'): boolean {
  const heading = lang === 'zh' ? '## 价值主张' : '## Value proposition';
  const text = `---\ntype: positioning\n---\n\n${heading}\n\n${sentence}\n`;
  const result = lintText(text, { filePath: 'claims.md' });
  const bodyStart = text.indexOf(sentence);
  return result.findings.some((f) => f.ruleId === 'unproven-claim' && f.span.start >= bodyStart);
}

export function scoreClaims(root = process.cwd()): ClaimScore[] {
  const out: ClaimScore[] = [];
  for (const lang of ['zh', 'en'] as const) {
    const file = join(root, 'test', 'eval', `claims-${lang}.json`);
    if (!existsSync(file)) continue;
    const data = JSON.parse(readFileSync(file, 'utf8')) as { claims: string[]; ordinary: string[] };
    const missedClaims = data.claims.filter((s) => !claimFlagged(s, lang));
    const flaggedOrdinary = data.ordinary.filter((s) => claimFlagged(s, lang));
    out.push({ lang, claims: data.claims.length, claimsFound: data.claims.length - missedClaims.length, ordinary: data.ordinary.length, ordinaryFlagged: flaggedOrdinary.length, missedClaims, flaggedOrdinary });
  }
  return out;
}

function pct(a: number, b: number): string {
  return b === 0 ? '-' : `${Math.round((100 * a) / b)}%`;
}

function main(): void {
  const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
  const asJson = process.argv.includes('--json');
  const only = process.argv.indexOf('--set') >= 0 ? process.argv[process.argv.indexOf('--set') + 1] : null;
  const sets = loadSets().filter((s) => !only || s.name.includes(only));
  if (sets.length === 0) {
    console.error('No labelled set found (../shared/eval-corpus/labels.json or test/eval/labels.json).');
    process.exit(2);
  }
  const results: SetScore[] = [];
  for (const set of sets) for (const declared of [false, true]) results.push(scoreSet(set, declared));
  const claims = scoreClaims();
  if (asJson) {
    const strip = (r: SetScore) => ({ ...r, scores: r.scores.map(({ result: _r, otherNoise, ...s }) => ({ ...s, otherNoise: otherNoise.map((f) => `${f.ruleId} ${f.message}`) })) });
    console.log(JSON.stringify({ sets: results.map(strip), claims }, null, 2));
    return;
  }
  const rows = results.map((r) => [
    r.set + (r.declared ? ' (type declared)' : ''),
    `${r.typesRight}/${r.docs} ${pct(r.typesRight, r.docs)}`,
    `${r.found}/${r.defects} ${pct(r.found, r.defects)}`,
    String(r.falseMissing),
    `${r.othersSilent}/${r.others}`,
    (r.findings / Math.max(1, r.docs)).toFixed(1),
    String(r.wide),
    String(r.hinted),
  ]);
  const head = ['set', 'types right', 'defects found', 'false missing', 'others silent', 'findings/doc', 'wider than 2 lines', '"reads like" hints'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  console.log(line(head));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of rows) console.log(line(r));
  for (const c of claims) {
    console.log(`claims ${c.lang}: ${c.claimsFound}/${c.claims} reported, ${c.ordinaryFlagged}/${c.ordinary} ordinary sentences reported`);
  }
  if (!verbose) return;
  for (const r of results) {
    console.log(`\n== ${r.set}${r.declared ? ' (type declared)' : ''}`);
    for (const s of r.scores) {
      const typeNote = s.detectedType === s.expectedType || (s.expectedType === 'other' && !s.detectedType) ? '' : `  TYPE ${s.detectedType ?? 'none'}${s.suggestedType ? ` (reads like ${s.suggestedType})` : ''} expected ${s.expectedType}`;
      console.log(`${s.file}: ${s.found}/${s.defects} found, ${s.findings} findings${typeNote}`);
      for (const m of s.missed) console.log(`   missed ${m.kind} L${m.line ?? '-'} ${m.text ?? ''}`);
      for (const id of s.falseMissing) console.log(`   FALSE missing ${id}`);
      for (const f of s.otherNoise.slice(0, 8)) console.log(`   noise L${s.result.model.lines.position(f.span.start).line} ${f.ruleId}: ${f.message}`);
      if (verbose && process.argv.includes('--all')) {
        for (const f of s.result.findings) console.log(`   . L${s.result.model.lines.position(f.span.start).line} ${f.severity} ${f.ruleId}${f.elementId ? `[${f.elementId}]` : ''}: ${f.message}`);
      }
    }
  }
  for (const c of claims) {
    for (const m of c.missedClaims) console.log(`claims ${c.lang} missed: ${m}`);
    for (const m of c.flaggedOrdinary) console.log(`claims ${c.lang} flagged ordinary: ${m}`);
  }
}

if (process.argv[1] && /eval\.ts$/.test(process.argv[1])) main();
