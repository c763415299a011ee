/** Runs the rules with the severities the user chose and returns findings as diagnostics. */
import { type Analysis, analyse } from '../analysis.js';
import type { Diagnostic, Org, RuleSetting, Severity } from '../model.js';
import { REFERENCE_RULES } from './integrity.js';
import { RULES } from './registry.js';
import type { Rule, RuleContext, RuleFinding } from './types.js';

export function effectiveSeverity(
  ruleId: string,
  defaultSeverity: Severity,
  settings: Readonly<Record<string, RuleSetting>>,
): Severity | 'off' {
  return settings[ruleId] ?? defaultSeverity;
}

/**
 * `settings` merges the file's `rules:` with command-line overrides (the latter win). Findings
 * come out in registry order, then in the order each rule reports them.
 */
export function runRules(
  context: RuleContext,
  settings: Readonly<Record<string, RuleSetting>>,
): Diagnostic[] {
  return run(RULES, settings, (rule) => rule.check(context));
}

/**
 * Only the rules about ids and references (duplicate-id, unknown-owner, unknown-manager,
 * reporting-cycle), on the records of a file that cannot be planned: they need no plan, so a
 * file with schema errors still gets them in the same run.
 */
export function runReferenceRules(
  org: Org,
  overrides: Readonly<Record<string, RuleSetting>> = {},
  analysis: Analysis = analyse(org),
): Diagnostic[] {
  return run(REFERENCE_RULES, { ...org.rules, ...overrides }, (rule) =>
    rule.checkReferences(analysis),
  );
}

function run<R extends Rule>(
  rules: readonly R[],
  settings: Readonly<Record<string, RuleSetting>>,
  check: (rule: R) => RuleFinding[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    const severity = effectiveSeverity(rule.id, rule.defaultSeverity, settings);
    if (severity === 'off') continue;
    for (const finding of check(rule)) {
      out.push({
        rule: rule.id,
        severity,
        path: finding.path,
        message: finding.message,
        ...(finding.related ? { related: finding.related } : {}),
        ...(finding.cause ? { cause: finding.cause } : {}),
      });
    }
  }
  return out;
}
