/**
 * "What should the team look like in a year?": the same target org, built on the org grown by the
 * file's `growth:` figures. Every account is scaled alike (more customers of the same mix, ARR
 * growing as stated), so the projection shows the effect of growth, not a guess at a new mix.
 */
import type { Org, StageId } from './model.js';
import type { StageResult } from './stage.js';
import type { StructureModel } from './structure.js';
import { planTarget } from './target/index.js';

export interface GrowthProjection {
  customers: number;
  arr: number;
  stage: StageResult;
  structure: StructureModel;
  /** CSM FTE the grown book needs, all teams. */
  csmFteNeeded: number;
  /** CSMs (and digital CSMs) the target org of the grown book has. */
  csmsRecommended: number;
  /** CSMs in the file today, planned hires included, plus the hires `growth:` says are budgeted. */
  csmsPlanned: number;
  /** CSM hires the grown target org needs beyond the budgeted ones, never below 0. */
  csmsToHire: number;
  stageChanges: boolean;
}

export function projectGrowth(org: Org, todayStage: StageId): GrowthProjection | undefined {
  const growth = org.growth;
  if (!growth || (growth.newCustomers12m === undefined && growth.arrGrowthPct12m === undefined)) {
    return undefined;
  }
  let customers = 0;
  for (const account of org.accounts) customers += account.count;
  if (customers === 0) return undefined;
  const customerFactor = 1 + (growth.newCustomers12m ?? 0) / customers;
  const arrFactor =
    growth.arrGrowthPct12m !== undefined ? 1 + growth.arrGrowthPct12m / 100 : customerFactor;
  // Each account stands for more accounts; ARR per account moves so total ARR grows by arrFactor.
  const grown: Org = {
    ...org,
    accounts: org.accounts.map((account) => ({
      ...account,
      count: account.count * customerFactor,
      arr: (account.arr * arrFactor) / customerFactor,
    })),
  };
  const target = planTarget(grown);
  const csms = target.headcount.filter(
    (row) => row.team === null && (row.role === 'csm' || row.role === 'digital-csm'),
  );
  const budgeted = growth.newCsmHires12m ?? 0;
  const today = csms.reduce((sum, row) => sum + row.current, 0);
  const hires = target.teams.reduce((sum, team) => sum + team.hireNow, 0);
  return {
    customers: Math.round(target.stage.customers),
    arr: target.stage.arr,
    stage: target.stage,
    structure: target.structure.model,
    csmFteNeeded: target.teams.reduce((sum, team) => sum + team.needed, 0),
    csmsRecommended: today + hires,
    csmsPlanned: today + budgeted,
    csmsToHire: Math.max(0, hires - budgeted),
    stageChanges: target.stage.id !== todayStage,
  };
}
