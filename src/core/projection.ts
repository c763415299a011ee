/**
 * "What should the team look like in a year?": the plan re-run on the org grown by the file's
 * `growth:` figures. Every account is scaled alike (more customers of the same mix, ARR growing as
 * stated), so the projection shows the effect of growth, not a guess at a new mix.
 */
import { analyse } from './analysis.js';
import { computeCapacity } from './capacity.js';
import type { Org, StageId } from './model.js';
import { csmTeams } from './orgchart.js';
import { detectStage, type StageResult } from './stage.js';
import { chooseStructure, type StructureModel } from './structure.js';

export interface GrowthProjection {
  customers: number;
  arr: number;
  stage: StageResult;
  structure: StructureModel;
  /** CSM FTE the grown book needs, all segments. */
  csmFteNeeded: number;
  /** Whole CSMs (and digital CSMs) the recommended teams would have. */
  csmsRecommended: number;
  /** CSMs in the file today, planned hires included, plus the hires `growth:` says are budgeted. */
  csmsPlanned: number;
  /** Recommended minus planned, never below 0. */
  csmsToHire: number;
  stageChanges: boolean;
}

export function projectGrowth(org: Org, todayStage: StageId): GrowthProjection | undefined {
  const growth = org.growth;
  if (!growth || (growth.newCustomers12m === undefined && growth.arrGrowthPct12m === undefined)) {
    return undefined;
  }
  const today = analyse(org);
  if (today.customers === 0) return undefined;
  const customerFactor = 1 + (growth.newCustomers12m ?? 0) / today.customers;
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
  const analysis = analyse(grown);
  const capacity = computeCapacity(analysis);
  const stage = detectStage(Math.round(analysis.customers), analysis.totalArr, org.policy);
  const teams = csmTeams(stage.id, capacity);
  const csmsRecommended = teams.reduce((sum, team) => sum + team.recommended, 0);
  const csmsPlanned = today.bookOwners.length + (growth.newCsmHires12m ?? 0);
  return {
    customers: Math.round(analysis.customers),
    arr: analysis.totalArr,
    stage,
    structure: chooseStructure(stage.id, analysis, capacity, stage.byArr).model,
    csmFteNeeded: capacity.segments.reduce((sum, s) => sum + s.csmFteNeeded, 0),
    csmsRecommended,
    csmsPlanned,
    csmsToHire: Math.max(0, csmsRecommended - csmsPlanned),
    stageChanges: stage.id !== todayStage,
  };
}
