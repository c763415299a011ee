/** The planner's entry point: an Org in, a Plan (data only) out. */
import { analyse, type PlacedAccount } from './analysis.js';
import { type CapacityResult, computeCapacity } from './capacity.js';
import { findGaps, type Gap } from './gaps.js';
import type { Diagnostic, Org, RuleSetting } from './model.js';
import { buildOrgChart, type CsmTeam, csmTeams, type OrgChart } from './orgchart.js';
import type { RoleId } from './roles.js';
import { runRules } from './rules/engine.js';
import { detectStage, type StageResult } from './stage.js';
import { chooseStructure, type StructureResult } from './structure.js';

export interface Plan {
  company: Org['company'];
  /** The policy the plan was computed with (defaults merged with the file's overrides). */
  policy: Org['policy'];
  stage: StageResult;
  capacity: CapacityResult;
  teams: CsmTeam[];
  structure: StructureResult;
  chart: OrgChart;
  gaps: Gap[];
  findings: Diagnostic[];
  /** Headcount in the file by role, planned hires included. */
  team: {
    total: number;
    csms: number;
    /** CSMs whose start date is still ahead, and CSMs inside the ramp. */
    planned: number;
    ramping: number;
    /** People per role in file order of first appearance, planned hires included. */
    byRole: { role: RoleId; count: number }[];
  };
  /** Every account's segment and coverage, in input order. */
  placed: PlacedAccount[];
}

export interface PlanOptions {
  /** Command-line rule severities; they win over the file's `rules:`. */
  ruleOverrides?: Readonly<Record<string, RuleSetting>>;
}

export function planOrg(org: Org, options: PlanOptions = {}): Plan {
  const analysis = analyse(org);
  const capacity = computeCapacity(analysis);
  const stage = detectStage(analysis.customers, analysis.totalArr, org.policy);
  const teams = csmTeams(stage.id, capacity);
  const structure = chooseStructure(stage.id, analysis, capacity);
  const chart = buildOrgChart(stage.id, org.company.motion, teams, org.policy);
  const gaps = findGaps(stage.id, analysis, teams, chart);
  const findings = runRules(
    { analysis, capacity, stage },
    { ...org.rules, ...(options.ruleOverrides ?? {}) },
  );
  return {
    company: org.company,
    policy: org.policy,
    stage,
    capacity,
    teams,
    structure,
    chart,
    gaps,
    findings,
    team: {
      total: org.team.length,
      csms: analysis.bookOwners.length,
      planned: analysis.bookOwners.filter((o) => o.rampStatus === 'planned').length,
      ramping: analysis.bookOwners.filter((o) => o.rampStatus === 'ramping').length,
      byRole: countByRole(org),
    },
    placed: analysis.placed,
  };
}

function countByRole(org: Org): { role: RoleId; count: number }[] {
  const counts = new Map<RoleId, number>();
  for (const member of org.team) counts.set(member.role, (counts.get(member.role) ?? 0) + 1);
  return [...counts].map(([role, count]) => ({ role, count }));
}
