/** Parsing of option values shared by commands; bad values are usage errors (exit 2). */
import { isPlanDate, isRealDate } from '../config/schema.js';
import { suggestion } from '../core/did-you-mean.js';
import { PLAN_YEARS } from '../core/limits.js';
import type { RuleSetting, Severity } from '../core/model.js';
import { RULE_IDS } from '../core/rules/registry.js';
import { UsageError } from './exit-codes.js';

export function parseFormat<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--format must be one of ${allowed.join(', ')} (got "${value}")`);
}

export function parseAsOf(value: string | undefined, flag = '--as-of'): string | undefined {
  if (value === undefined) return undefined;
  if (!isRealDate(value))
    throw new UsageError(`${flag} must be a date written YYYY-MM-DD (got "${value}")`);
  if (!isPlanDate(value))
    throw new UsageError(
      `${flag} must be between ${PLAN_YEARS.first}-01-01 and ${PLAN_YEARS.last}-12-31 (got "${value}")`,
    );
  return value;
}

export function parseSeverity(
  value: string | undefined,
  flag: string,
  fallback: Severity,
): Severity {
  if (value === undefined) return fallback;
  if (value === 'error' || value === 'warning' || value === 'info') return value;
  throw new UsageError(`${flag} must be error, warning or info (got "${value}")`);
}

/** `--rule span-of-control=warning`, repeatable. */
export function parseRuleOverrides(
  values: readonly string[] | undefined,
): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const value of values ?? []) {
    const match = /^([a-z0-9-]+)=(off|warning|error)$/.exec(value);
    if (!match?.[1] || !match[2]) {
      throw new UsageError(`--rule takes RULE=off|warning|error (got "${value}")`);
    }
    if (!RULE_IDS.has(match[1])) {
      throw new UsageError(
        `--rule: unknown rule "${match[1]}"${suggestion(match[1], RULE_IDS)}; \`csplan rules\` lists them`,
      );
    }
    out[match[1]] = match[2] as RuleSetting;
  }
  return out;
}
