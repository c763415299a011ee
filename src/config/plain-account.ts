/**
 * An account item already in the form `accountSchema` returns unchanged: known fields only, each
 * value of its field's type, in range and spelled canonically. Such an item needs no zod run,
 * which costs a few microseconds an account, most of the validation time of a large org file.
 * Anything else (a numeric id, `Green`, a missing `arr`, an unknown key) is declined, and the
 * caller validates the item with zod, which gives the located message. What this accepts equals
 * zod's output; test/config/plain-account.property.test.ts compares the two on generated items.
 */
import { SEGMENT_IDS } from '../core/model.js';
import { type AccountInput, HEALTH, isRealDate, LEVELS, MAX_COUNT, MAX_MONEY } from './schema.js';

type Check = (value: unknown) => boolean;

const text: Check = (value) => typeof value === 'string';
const id: Check = (value) => typeof value === 'string' && value !== '';
const money: Check = (value) =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_MONEY;
const count: Check = (value) =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_COUNT;
const flag: Check = (value) => typeof value === 'boolean';
const date: Check = (value) => typeof value === 'string' && isRealDate(value);
const oneOf =
  (values: readonly string[]): Check =>
  (value) =>
    typeof value === 'string' && values.includes(value);

/** Each field's check; `satisfies` keeps the table in step with the schema's fields. */
const CHECKS = {
  id,
  name: text,
  arr: money,
  owner: id,
  health: oneOf(HEALTH),
  complexity: oneOf(LEVELS),
  industry: text,
  region: text,
  employees: count,
  timezone: text,
  language: text,
  stakeholders: count,
  implementation_days: count,
  regulated: flag,
  segment: oneOf(SEGMENT_IDS),
  strategic: flag,
  renewal_date: date,
  last_negative_event: date,
  locked: flag,
  parent: id,
} as const satisfies Record<keyof AccountInput, Check>;

/**
 * Whether zod would return the item unchanged (the same fields and values). Such an item is used
 * as it is: no copy per account.
 */
export function isPlainAccount(item: unknown): item is AccountInput {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return false;
  const fields = item as Record<string, unknown>;
  let required = 0;
  for (const key in fields) {
    // A key outside the schema is zod's to report.
    if (!Object.hasOwn(CHECKS, key) || !CHECKS[key as keyof AccountInput](fields[key]))
      return false;
    if (key === 'id' || key === 'arr') required++;
  }
  return required === 2;
}
