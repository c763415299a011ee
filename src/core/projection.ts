/**
 * "What should the team look like in a year?": the first 12 months of the hiring timeline, so the
 * recommendation's summary and `csplan timeline` are one computation and never disagree.
 */
import type { Org, StageId } from './model.js';
import { BOOK_ROLES, type RoleId } from './roles.js';
import type { StructureModel } from './structure.js';
import { type Hire, type Timeline, timelineSummary } from './timeline/index.js';

export const PROJECTION_MONTHS = 12;

export interface GrowthProjection {
  months: number;
  /** The date the projection describes: as_of + 12 months. */
  date: string;
  customers: number;
  arr: number;
  stage: StageId;
  structure: StructureModel;
  stageChanges: boolean;
  /** CSM work of the grown book, all teams, at target books. */
  csmFteNeeded: number;
  /** CSMs (and digital CSMs) in the file today, planned hires included. */
  csmsToday: number;
  /** CSMs today plus every CSM req the timeline opens within the 12 months. */
  csmsRecommended: number;
  /** CSMs of the file whose leave date falls within the months (backfilled or not). */
  csmsLeaving: number;
  /** CSMs today plus the hires `growth.new_csm_hires_12m` says are budgeted. */
  csmsPlanned: number;
  /** CSM reqs of the 12 months beyond the budgeted ones, never below 0. */
  csmsToHire: number;
  /** Every req of the 12 months, by role, in the order the roles' first reqs open. */
  reqs: { role: RoleId; count: number }[];
  /** The first req to open, null when the plan hires nobody. */
  nextReq: Hire | null;
  /** Months in which some team's work passes its people even with the plan's hires. */
  monthsOverTarget: number;
}

/**
 * The year ahead from the file's first PROJECTION_MONTHS months of timeline. Absent when the file
 * has no `growth:`: without it the year ahead is today's org.
 */
export function projectGrowth(
  org: Org,
  todayStage: StageId,
  timeline: Timeline,
): GrowthProjection | undefined {
  if (!org.growth) return undefined;
  const summary = timelineSummary(timeline);
  const csmsToday = org.team.filter((m) => BOOK_ROLES.has(m.role)).length;
  const csmReqs = summary.hires.filter((h) => BOOK_ROLES.has(h.role)).length;
  const budgeted = org.growth.newCsmHires12m ?? 0;
  // A leaver carries no book from the leave date, so by the end date they are not on the team.
  const csmsLeaving = org.team.filter(
    (m) => BOOK_ROLES.has(m.role) && m.leaving !== undefined && m.leaving <= summary.end.date,
  ).length;
  return {
    months: summary.months,
    date: summary.end.date,
    customers: summary.end.customers,
    arr: summary.end.arr,
    stage: summary.end.stage,
    structure: summary.end.structure,
    stageChanges: summary.end.stage !== todayStage,
    csmFteNeeded: summary.end.csmFteNeeded,
    csmsToday,
    csmsRecommended: csmsToday + csmReqs,
    csmsLeaving,
    csmsPlanned: csmsToday + budgeted,
    csmsToHire: Math.max(0, csmReqs - budgeted),
    reqs: summary.hiresByRole,
    nextReq: summary.nextReq,
    monthsOverTarget: summary.monthsOverTarget,
  };
}
