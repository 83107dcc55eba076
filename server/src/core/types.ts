// Shared types of the lint engine. Nothing here depends on an editor or on the LSP runtime.

import type { MessageId } from './i18n';
export type Locale = 'en' | 'zh';
/** 'hint' is only for "reads like a <type>" on a document with no type: not a problem, a suggestion. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

/** Text in both languages. */
export interface Localized {
  en: string;
  zh: string;
}

export type DocTypeId = string;

/** A check over an element's content. Kinds are code; their parameters are data. */
export type ElementCheck =
  | { kind: 'min-items'; min: number }
  | { kind: 'max-items'; max: number }
  | { kind: 'table' }
  | { kind: 'metric'; needs?: Array<'number' | 'timeframe' | 'timeframe-or-baseline'>; scope?: 'item' | 'section' }
  | { kind: 'proof' }
  | { kind: 'date' }
  | { kind: 'positioning-statement' }
  | { kind: 'owner' }
  | { kind: 'contains'; patterns: string[]; reason: Localized }
  | { kind: 'not-only'; words: string[]; reason: Localized }
  /** Capabilities a buyer can check: items that are only superlatives ("best-in-class experience") make it weak. */
  | { kind: 'checkable' };

export interface ChecklistElement {
  id: string;
  title: Localized;
  /** Heading names (and bold labels / table headers) that mark this element, per language. */
  headings: { en: string[]; zh: string[] };
  /**
   * Other words authors use for the element (head nouns, synonyms), matched word by word in any order
   * (English) or where they stand on word boundaries, best at the end (Chinese).
   */
  vocabulary?: {
    en?: string[];
    zh?: string[];
    /**
     * Terms that name this element when they stand under another party's section (a competitor's "Strengths"
     * are where we lose), where the element's own terms do not count.
     */
    theirs?: string[];
    /** Question headings ("Q: Isn't it free with our ERP?") and quoted lines that no term matches are this element. */
    questions?: boolean;
    /**
     * Regular expressions that find the element in running text when no heading, label or table names it
     * ("Sourcegraph is a code intelligence platform" names a market category). Same safety rules as `contains`.
     */
    phrases?: string[];
  };
  /** What stands under this element's subsections describes someone else (a competitor, an alternative). */
  scope?: 'competitor';
  required: boolean;
  checks?: ElementCheck[];
  /** What "complete" means, shown in hovers and the scorecard. */
  complete: Localized;
  /** Body inserted by the "insert missing element" fix (without the heading). */
  skeleton?: Localized;
}

export interface Checklist {
  type: DocTypeId;
  title: Localized;
  /** Values of front matter `type:` that mean this type (the id itself is always accepted). */
  aliases: string[];
  /** Words in a file name that mean this type (matched as whole tokens of the name). */
  fileNames: string[];
  frontMatter?: { required: string[] };
  detect?: {
    minScore?: number;
    weakHeadings?: string[];
    /**
     * Words in a title, file or folder name that say what the document is: `genre` names the kind of document
     * ("launch plan", 竞品分析), `topic` only its subject ("launch", 竞品), which pages about the subject use too.
     */
    titleWords?: { genre?: string[]; topic?: string[] };
  };
  /** Pairs [a, b]: element a must come before element b. */
  order?: Array<[string, string]>;
  /**
   * Kinds of this type with their own bar, known by words in the title or file name: an ICP scoring page is a
   * persona document whose weighted score and threshold are the whole point, so only `requires` is required.
   */
  variants?: Array<{ id: string; title: Localized; titleWords: string[]; requires: string[]; contains?: string[] }>;
  elements: ChecklistElement[];
}

export interface Position {
  line: number; // 1-based
  column: number; // 1-based, UTF-16 code units
}

/** A half-open range of offsets into the text. */
export interface Span {
  start: number;
  end: number;
}

export interface FindingFix {
  /** Text to insert (for required-element: a heading plus its skeleton). */
  expected?: string;
  /** Offset at which to insert it. */
  insertAt?: number;
}

export interface Finding {
  ruleId: string;
  elementId: string | null;
  severity: Severity;
  messageId: MessageId;
  data: Record<string, string | number>;
  message: string;
  span: Span;
  /** Other places that matter (element-order points at the other section). */
  related?: Array<{ span: Span; message: string }>;
  fix?: FindingFix;
}

export type ElementStatus = 'complete' | 'weak' | 'missing';

export interface ElementReport {
  id: string;
  status: ElementStatus;
  required: boolean;
  title: Localized;
  /** Why the element is weak or missing, in the report's locale. */
  reasons: string[];
  /** Where the element's heading / label is, when found. */
  span?: Span;
}
