/** Runs the rules with the severities the user chose and returns findings as diagnostics. */
import type { Diagnostic, RuleSetting, Severity } from '../model.js';
import { RULES } from './registry.js';
import type { RuleContext } from './types.js';

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
  const out: Diagnostic[] = [];
  for (const rule of RULES) {
    const severity = effectiveSeverity(rule.id, rule.defaultSeverity, settings);
    if (severity === 'off') continue;
    for (const finding of rule.check(context)) {
      out.push({
        rule: rule.id,
        severity,
        path: finding.path,
        message: finding.message,
        ...(finding.related ? { related: finding.related } : {}),
      });
    }
  }
  return out;
}
