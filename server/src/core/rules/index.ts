// The rule registry. Rule ids are a public contract.

import { elementOrder } from './element-order';
import { emptySection } from './empty-section';
import { frontMatter } from './front-matter';
import { missingProof } from './missing-proof';
import { placeholder } from './placeholder';
import { positioningStatement } from './positioning-statement';
import { requiredElement } from './required-element';
import type { Rule } from './rule';
import { unprovenClaim } from './unproven-claim';
import { vagueDate } from './vague-date';
import { vagueMetric } from './vague-metric';

export const RULES: readonly Rule[] = [
  requiredElement,
  emptySection,
  placeholder,
  unprovenClaim,
  vagueMetric,
  missingProof,
  positioningStatement,
  elementOrder,
  frontMatter,
  vagueDate,
];

export const RULE_IDS = RULES.map((r) => r.meta.id);

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
