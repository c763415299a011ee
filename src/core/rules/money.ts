/** Money rules: what the file says about compensation, checked against the published structure. */
import type { CompPlan, Path } from '../model.js';
import type { RoleId } from '../roles.js';
import { cite } from '../sources.js';
import type { Rule, RuleFinding } from './types.js';

/** Published CSM pay structure (CS org design guide): percent of on-target pay, and of the variable part. */
export const COMP_BENCHMARKS = {
  basePct: { min: 60, max: 70 },
  variablePct: { min: 30, max: 40 },
  /** Weight bands of the variable part; NRR and GRR share one band. */
  weights: {
    'nrr+grr': { min: 40, max: 50 },
    renewal_rate: { min: 20, max: 30 },
    expansion: { min: 15, max: 25 },
    health: { min: 5, max: 15 },
  },
} as const;

/** The plans the published structure is for: people who carry a book. */
const CHECKED_ROLES: readonly RoleId[] = ['csm', 'digital-csm'];

/** Percentages written in a file are compared with half a point of slack for rounding. */
const SLACK = 0.5;

export const compPlan: Rule = {
  id: 'comp-plan',
  category: 'money',
  defaultSeverity: 'warning',
  summary: 'A CSM pay plan strays from 60-70% base, 30-40% variable, NRR/GRR-led weights',
  explanation:
    'Pay says what the job is. The published CSM structure is 60-70% base and 30-40% variable, with the variable part weighted NRR/GRR 40-50%, renewal rate 20-30%, expansion 15-25% and health 5-15%: retention first, because NRR and GRR are what the board watches. The rule checks the `compensation:` plans of `csm` and `digital-csm` (other roles have other pay structures) and reports, for each plan: base and variable outside their bands or not adding up to 100; weights that do not add up to 100; another metric weighted as much as NRR and GRR together; and the known metrics (nrr + grr, renewal_rate, expansion, health) outside their bands. Other metric names (nps, adoption) are allowed and count towards the total.',
  source: `CSM pay: base 60-70%, variable 30-40%, variable weights NRR/GRR 40-50%, renewal rate 20-30%, expansion 15-25%, health 5-15% ${cite('org-design-guide')}; NRR and GRR are the metrics a board cares about ${cite('cs-ops-architect')}`,
  policy: [],
  check({ analysis }) {
    const findings: RuleFinding[] = [];
    for (const role of CHECKED_ROLES) {
      const plan = analysis.org.compensation[role];
      if (plan) findings.push(...checkPlan(role, plan, plan.path));
    }
    return findings;
  },
};

function outside(value: number, band: { min: number; max: number }): boolean {
  return value < band.min - 1e-9 || value > band.max + 1e-9;
}

function pct(value: number): string {
  return `${Math.round(value * 10) / 10}%`;
}

function checkPlan(role: RoleId, plan: CompPlan, path: Path): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const b = COMP_BENCHMARKS;
  const split = plan.basePct + plan.variablePct;
  if (Math.abs(split - 100) > SLACK) {
    findings.push({
      path,
      message: `${role} pay: base ${pct(plan.basePct)} and variable ${pct(plan.variablePct)} add up to ${pct(split)}, not 100%`,
    });
  } else if (outside(plan.basePct, b.basePct) || outside(plan.variablePct, b.variablePct)) {
    findings.push({
      path: [...path, outside(plan.basePct, b.basePct) ? 'base_pct' : 'variable_pct'],
      message: `${role} pay: base ${pct(plan.basePct)} / variable ${pct(plan.variablePct)}; the published split is ${b.basePct.min}-${b.basePct.max}% base and ${b.variablePct.min}-${b.variablePct.max}% variable`,
    });
  }

  const weights = plan.variableWeights;
  if (!weights || Object.keys(weights).length === 0) return findings;
  const weightsPath = [...path, 'variable_weights'];
  const total = Object.values(weights).reduce((sum, w) => sum + w, 0);
  if (Math.abs(total - 100) > SLACK) {
    findings.push({
      path: weightsPath,
      message: `${role} pay: variable weights add up to ${pct(total)}, not 100%`,
    });
  }
  const retention = (weights.nrr ?? 0) + (weights.grr ?? 0);
  const rivals = Object.entries(weights)
    .filter(([metric, weight]) => metric !== 'nrr' && metric !== 'grr' && weight >= retention)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  if (rivals.length > 0) {
    const [metric, weight] = rivals[0] as [string, number];
    findings.push({
      path: [...weightsPath, metric],
      message: `${role} pay: ${metric} (${pct(weight)}) weighs as much as or more than NRR and GRR together (${pct(retention)}); retention should carry the largest weight`,
    });
  }
  const bands: [string, number | undefined, { min: number; max: number }][] = [
    [
      'nrr+grr',
      weights.nrr === undefined && weights.grr === undefined ? undefined : retention,
      b.weights['nrr+grr'],
    ],
    ['renewal_rate', weights.renewal_rate, b.weights.renewal_rate],
    ['expansion', weights.expansion, b.weights.expansion],
    ['health', weights.health, b.weights.health],
  ];
  const off = bands
    .filter(
      (entry): entry is [string, number, { min: number; max: number }] => entry[1] !== undefined,
    )
    .filter(([, value, band]) => outside(value, band))
    .map(([metric, value, band]) => `${metric} ${pct(value)} (published ${band.min}-${band.max}%)`);
  if (off.length > 0) {
    findings.push({
      path: weightsPath,
      message: `${role} pay: weights outside the published bands: ${off.join(', ')}`,
    });
  }
  return findings;
}

export const moneyRules: Rule[] = [compPlan];
