/** `csplan rules` (the list) and `csplan explain RULE` (one rule in full). */
import type { Policy } from '../core/policy.js';
import { policyEntries, policySource } from '../core/policy-keys.js';
import type { Rule } from '../core/rules/types.js';
import { SCHEMA_VERSION } from './json.js';
import { mdCode, mdTable } from './md-text.js';
import { painter } from './paint.js';
import { renderTable } from './table.js';

export interface RuleListOptions {
  color: boolean;
  width: number;
}

export function renderRulesText(rules: readonly Rule[], options: RuleListOptions): string {
  const rows = rules.map((r) => [r.id, r.category, r.defaultSeverity, r.summary]);
  return `${renderTable(['Rule', 'Category', 'Default', 'Summary'], rows, options)}\n`;
}

export function renderRulesMarkdown(rules: readonly Rule[]): string {
  const rows = rules.map((r) => [mdCode(r.id), r.category, r.defaultSeverity, r.summary]);
  return `${mdTable(['Rule', 'Category', 'Default', 'Summary'], rows)}\n`;
}

export function ruleJson(rule: Rule, policy: Policy) {
  return {
    id: rule.id,
    category: rule.category,
    defaultSeverity: rule.defaultSeverity,
    summary: rule.summary,
    explanation: rule.explanation,
    source: rule.source,
    policy: rule.policy.map((key) => ({
      key,
      defaults: Object.fromEntries(policyEntries(policy, key).map((e) => [e.key, e.value])),
      source: policySource(key) ?? null,
    })),
  };
}

export function renderRulesJson(rules: readonly Rule[], policy: Policy): string {
  const body = { schemaVersion: SCHEMA_VERSION, rules: rules.map((r) => ruleJson(r, policy)) };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** A value in YAML flow style, as a user would write it under `policy:`. */
export function flowValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flowValue).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([k, v]) => `${k}: ${flowValue(v)}`).join(', ')} }`;
  }
  return String(value);
}

/** Greedy word wrap; words longer than the width stay whole. */
export function wrap(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}

export function renderExplainText(
  rule: Rule,
  policy: Policy,
  options: RuleListOptions,
  exitEffect: string,
): string {
  const p = painter(options.color);
  const out: string[] = [];
  out.push(
    `${p.bold(rule.id)} ${p.dim(`(${rule.category}, default severity: ${rule.defaultSeverity})`)}`,
  );
  out.push(...wrap(rule.summary, options.width));
  out.push('', ...wrap(rule.explanation, options.width));
  out.push('', p.bold('Source'), ...wrap(rule.source, options.width, '  '));
  out.push(p.dim('  (sources by short name: docs/sources.md in the csplan package)'));
  out.push('', p.bold('Policy'));
  if (rule.policy.length === 0) out.push('  none: the rule has no thresholds to override');
  else {
    out.push('  Defaults, overridable under `policy:` in the org file:');
    for (const key of rule.policy) {
      for (const entry of policyEntries(policy, key)) {
        out.push(...wrap(`${entry.key}: ${flowValue(entry.value)}`, options.width, '  '));
      }
      const source = policySource(key);
      if (source) out.push(...wrap(source, options.width, '    ').map((l) => p.dim(l)));
    }
  }
  out.push('', p.bold('Severity'));
  out.push(
    ...wrap(
      `Change it in the org file with \`rules: { ${rule.id}: off | warning | error }\`, or for one run with \`--rule ${rule.id}=warning\`.`,
      options.width,
      '  ',
    ),
  );
  out.push('', p.bold('Exit code'), ...wrap(exitEffect, options.width, '  '));
  return `${out.join('\n')}\n`;
}
