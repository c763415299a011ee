/** Every rule csplan runs, in the order findings are reported. */
import { bookRules } from './books.js';
import { integrityRules } from './integrity.js';
import { moneyRules } from './money.js';
import { reportingRules } from './reporting.js';
import { structureRules } from './structure.js';
import type { Rule } from './types.js';

export const RULES: readonly Rule[] = [
  ...integrityRules,
  ...bookRules,
  ...structureRules,
  ...reportingRules,
  ...moneyRules,
];

export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((rule) => rule.id));

export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
