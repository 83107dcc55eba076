// The engine's entry point: text -> parse once -> model -> rules -> findings, element statuses and a score.

import { compileChecklist } from './checklist';
import { configForFile, defaultConfig, type ResolvedConfig } from './config';
import { checklistFor, detectType, type Detection, type Suggestion } from './detect';
import { disabledPredicate, readDirectives } from './disable';
import { DEFAULT_DRAFT, draftFindings, draftSeverity, isDraft, progressOf, UNFINISHED_RULES, type DraftSettings } from './draft';
import { evaluateElements, matchElements, type ElementEvaluation } from './elements';
import { t, type MessageId } from './i18n';
import type { DocumentModel } from './model';
import { parseDocumentModel } from './parse';
import { findPlaceholders } from './placeholders';
import { RULES } from './rules';
import type { Analysis, ReportDescriptor, Rule } from './rules/rule';
import { hasCjk } from './text';
import type { LintMemo } from './text-cache';
import type { ElementReport, ElementStatus, Finding, Locale, Severity } from './types';

export interface LintOptions {
  filePath?: string;
  config?: ResolvedConfig;
  locale?: Locale;
  /**
   * Messages in the document's own language (when the config sets no `locale`): an editor with `pmmLint.locale`
   * auto. `locale` is then the fallback for a document with no text to tell.
   */
  followDocument?: boolean;
  /** The rules to run (default: all built-in rules). */
  rules?: readonly Rule[];
  /** Called when a rule throws; the other rules still run. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /** Answers kept from this document's last lint (the editor keeps one per document; see text-cache.ts). */
  memo?: LintMemo;
}

export interface LintResult {
  docType: string | null;
  score: number | null;
  elements: ElementReport[];
  findings: Finding[];
  model: DocumentModel;
  analysis: Analysis | null;
  locale: Locale;
  /** For a document that is not linted as a type but reads like one: the type, how sure, and why. */
  suggestion?: Suggestion | null;
  /** A draft (front matter `status`, core/draft.ts): how many required elements are written so far. */
  draft?: { written: number; total: number };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/**
 * The language a document is written in, or null when it has no letters to tell (an empty template). The keys of
 * front matter are English in every language; Chinese values (type: 发布计划) still tell.
 */
export function documentLanguageOrNull(model: DocumentModel): Locale | null {
  if (/[\p{L}]/u.test(model.text.slice(model.contentStart, model.contentStart + 4000))) return documentLanguage(model);
  return model.frontMatter && hasCjk(model.frontMatter.raw.slice(0, 4000)) ? 'zh' : null;
}

/** The language a document is written in: Chinese when most of its headings (or text) are. */
export function documentLanguage(model: DocumentModel): 'en' | 'zh' {
  const headings = model.sections.map((s) => s.heading);
  const sample = headings.length >= 2 ? headings : [model.text.slice(0, 4000)];
  const zh = sample.filter((h) => hasCjk(h)).length;
  return zh * 2 >= sample.length && zh > 0 ? 'zh' : 'en';
}

export function analyze(model: DocumentModel, filePath: string | undefined, config: ResolvedConfig): Analysis | null {
  return analyzeDocument(model, filePath, config).analysis;
}

/**
 * The type decision, and the analysis when there is a type. `fallbackLanguage`: the language of a document with no
 * letters to tell (an empty template), for the headings inserted into it; else it is read as English.
 */
export function analyzeDocument(
  model: DocumentModel,
  filePath: string | undefined,
  config: ResolvedConfig,
  fallbackLanguage?: Locale,
): { detection: Detection; analysis: Analysis | null } {
  const detection: Detection = detectType(model, filePath, config.checklists, config.type);
  return { detection, analysis: detection.checklist ? analyzeAs(model, detection, config, filePath, fallbackLanguage) : null };
}

function analyzeAs(model: DocumentModel, detection: Detection, config: ResolvedConfig, filePath: string | undefined, fallbackLanguage?: Locale): Analysis | null {
  if (!detection.checklist) return null;
  const checklist = checklistFor(detection.checklist, model, filePath);
  const compiled = compileChecklist(checklist);
  const matches = matchElements(model, compiled);
  const placeholders = findPlaceholders(model.text, model.root);
  const evaluations = evaluateElements(model, compiled, matches, placeholders);
  return {
    model,
    checklist,
    compiled,
    detection,
    matches,
    evaluations,
    placeholders,
    docLanguage: fallbackLanguage ? documentLanguageOrNull(model) ?? fallbackLanguage : documentLanguage(model),
    checklists: config.checklists,
  };
}

function severityFor(rule: Rule, config: ResolvedConfig, descriptor: ReportDescriptor): Severity | null {
  const setting = config.rules[rule.meta.id];
  if (setting === 'off') return null;
  if (setting) return setting;
  return descriptor.severity ?? rule.meta.defaultSeverity;
}

function reasonText(locale: Locale, messageId: MessageId | 'reason.custom', data: Record<string, string | number>): string {
  if (messageId === 'reason.custom') return String(data[locale] ?? data.en);
  return t(locale, messageId, data);
}

/** Whether a rule is disabled (a `pmm-lint-disable` comment) at the line of an offset. */
type DisabledAt = (ruleId: string, offset: number) => boolean;

/**
 * An element's status and the reasons it is weak. A reason goes with its rule: when the rule is off, or disabled
 * on every line that caused the reason (its spans, else the element's problems of that rule, else the element's
 * name), the finding is hidden and so is the weakness.
 */
function elementStatus(ev: ElementEvaluation, config: ResolvedConfig, disabledAt: DisabledAt): { status: ElementStatus; reasons: ElementEvaluation['reasons'] } {
  if (!ev.match || ev.standIn) return { status: 'missing', reasons: [] };
  const reasons = ev.reasons.filter((r) => {
    if (r.ruleId === null) return true;
    if (config.rules[r.ruleId] === 'off') return false;
    const ruleId = r.ruleId;
    const causes = r.spans ?? ev.problems.filter((p) => p.ruleId === ruleId).map((p) => p.span);
    const spans = causes.length ? causes : ev.match!.candidates.slice(0, 1).map((c) => c.span);
    return spans.length === 0 || !spans.every((span) => disabledAt(ruleId, span.start));
  });
  return { status: reasons.length ? 'weak' : 'complete', reasons };
}

/** Completeness 0-100 over required elements: complete counts 1, weak 0.5, missing 0. */
export function computeScore(elements: ElementReport[]): number {
  const required = elements.filter((e) => e.required);
  if (required.length === 0) return 100;
  const points = required.reduce((sum, e) => sum + (e.status === 'complete' ? 1 : e.status === 'weak' ? 0.5 : 0), 0);
  return Math.round((100 * points) / required.length);
}

export function lintModel(model: DocumentModel, options: LintOptions = {}): LintResult {
  const config = configForFile(options.config ?? defaultConfig(), options.filePath);
  const locale: Locale = (options.followDocument && !config.locale ? documentLanguageOrNull(model) : null) ?? options.locale ?? config.locale ?? 'en';
  const { analysis, detection } = analyzeDocument(model, options.filePath, config, locale);
  if (!analysis) {
    const findings = detection.suggestion && config.rules['front-matter'] !== 'off' ? [readsLikeFinding(model, detection.suggestion, config, locale)] : [];
    return { docType: null, score: null, elements: [], findings, model, analysis: null, locale, suggestion: detection.suggestion };
  }

  const isDisabled = disabledPredicate(readDirectives(model));
  const draftSettings: DraftSettings = { ...DEFAULT_DRAFT, ...config.draft };
  const draft = isDraft(model, draftSettings);
  let findings: Finding[] = [];
  for (const rule of options.rules ?? RULES) {
    if (config.rules[rule.meta.id] === 'off') continue;
    const report = (d: ReportDescriptor) => {
      let severity = severityFor(rule, config, d);
      if (severity && draft && UNFINISHED_RULES.has(rule.meta.id)) severity = draftSeverity(severity, draftSettings);
      if (!severity) return;
      const line = model.lines.position(d.span.start).line;
      if (isDisabled(rule.meta.id, line)) return;
      const data = d.data ?? {};
      findings.push({
        ruleId: rule.meta.id,
        elementId: d.elementId ?? null,
        severity,
        messageId: d.messageId,
        data,
        message: t(locale, d.messageId, data),
        span: clampSpan(d.span, model.text.length),
        related: d.related?.map((r) => ({ span: clampSpan(r.span, model.text.length), message: t(locale, r.messageId, r.data ?? {}) })),
        fix: d.fix,
      });
    };
    try {
      rule.check({ analysis, report, memo: options.memo });
    } catch (error) {
      options.onRuleError?.(rule.meta.id, error);
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.ruleId.localeCompare(b.ruleId));
  if (draft) {
    findings = draftFindings(findings, model, analysis.placeholders);
    for (const f of findings) if (f.messageId.startsWith('placeholder.draft')) f.message = t(locale, f.messageId, f.data);
  }

  const disabledAt: DisabledAt = (ruleId, offset) => isDisabled(ruleId, model.lines.position(offset).line);
  const elements: ElementReport[] = analysis.evaluations.map((ev) => {
    const { status, reasons } = elementStatus(ev, config, disabledAt);
    const el = ev.element;
    const texts =
      status === 'missing'
        ? [t(locale, 'reason.missing', { heading: locale === 'zh' ? el.headings.zh[0] ?? el.title.zh : el.headings.en[0] ?? el.title.en })]
        : [...new Set(reasons.map((r) => reasonText(locale, r.messageId, r.data)))];
    return { id: el.id, status, required: el.required, title: el.title, reasons: texts, span: ev.match?.candidates[0]?.span };
  });
  const result: LintResult = { docType: analysis.checklist.type, score: computeScore(elements), elements, findings, model, analysis, locale };
  if (draft) result.draft = progressOf(analysis.evaluations);
  return result;
}

const EVIDENCE_ZH: Record<string, string> = { title: '标题', 'file name': '文件名', folder: '文件夹' };

/**
 * The one finding on a document that is not checked but reads like a type: a hint on its title (or first line)
 * with the evidence, which the editor's "add type:" quick fix answers.
 */
function readsLikeFinding(model: DocumentModel, suggestion: Suggestion, config: ResolvedConfig, locale: Locale): Finding {
  const c = config.checklists.find((x) => x.type === suggestion.type)!;
  const named = suggestion.evidence.filter((e) => e in EVIDENCE_ZH);
  const data = {
    type: c.type,
    title: c.title.en,
    titleZh: c.title.zh,
    elements: suggestion.elements,
    total: c.elements.length,
    evidence: named.length ? named.join(', ') + ', ' : '',
    evidenceZh: named.length ? named.map((e) => EVIDENCE_ZH[e]).join('、') + '，' : '',
  };
  const span = model.title ? model.title.headingSpan : { start: model.contentStart, end: model.lines.lineEnd(model.lines.position(model.contentStart).line) };
  return { ruleId: 'front-matter', elementId: null, severity: 'hint', messageId: 'front-matter.readsLike', data, message: t(locale, 'front-matter.readsLike', data), span };
}

export function lintText(text: string, options: LintOptions = {}): LintResult {
  return lintModel(parseDocumentModel(text), options);
}

function clampSpan(span: { start: number; end: number }, length: number) {
  const start = Math.max(0, Math.min(span.start, length));
  const end = Math.max(start, Math.min(span.end, length));
  return { start, end };
}
