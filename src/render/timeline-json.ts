/**
 * The JSON contract of `csplan timeline --format json` (README "Timeline JSON"). Dates are ISO
 * (YYYY-MM-DD), months YYYY-MM, money whole dollars, shares and FTE to two decimals. Bump
 * TIMELINE_SCHEMA_VERSION on any breaking change.
 */
import { type Comparison, quarters, type Timeline } from '../core/timeline/index.js';
import { timelineHeadline } from './timeline-lines.js';

export const TIMELINE_SCHEMA_VERSION = 2;

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function maybe(value: number | null): number | null {
  return value === null ? null : round(value);
}

export function timelineJson(timeline: Timeline) {
  const head = timelineHeadline(timeline);
  return {
    scenario: timeline.scenario,
    asOf: timeline.asOf,
    horizonMonths: timeline.months,
    freezeUntil: timeline.freezeUntil,
    growthFactor: timeline.growthFactor,
    overshootFte: timeline.overshootFte,
    attritionPct12m: timeline.attritionPct12m,
    attritionAllowance: round(timeline.attritionAllowance),
    answer: head.answer[0] ?? '',
    months: timeline.rows.map((row) => ({
      month: row.month,
      date: row.date,
      customers: round(row.customers),
      arr: Math.round(row.arr),
      stage: row.stage,
      structure: row.structure,
      csmFteNeeded: round(row.csmFteNeeded),
      csmCapacity: round(row.csmCapacity),
      csmsInSeat: row.csmsInSeat,
      headcount: row.headcount,
      peakLoad: maybe(row.peakLoad),
      unstaffed: row.unstaffed,
      expectedLeavers: round(row.expectedLeavers),
      cost: row.cost,
      teams: row.teams.map((team) => ({
        key: team.key,
        title: team.title,
        role: team.role,
        arr: Math.round(team.arr),
        needed: round(team.needed),
        capacity: round(team.capacity),
        load: maybe(team.load),
      })),
    })),
    hires: timeline.hires.map((hire) => ({
      id: hire.id,
      role: hire.role,
      segment: hire.segment,
      team: hire.team,
      openBy: hire.openBy,
      start: hire.start,
      rampedBy: hire.rampedBy,
      month: hire.month,
      idealOpenBy: hire.idealOpenBy,
      neededBy: hire.neededBy,
      delay: hire.delay,
      backfillFor: hire.backfillFor,
      backfillLeaving: hire.backfillLeaving,
      reason: hire.reason,
    })),
    stageChanges: timeline.stageChanges,
    end: {
      ...timeline.end,
      customers: round(timeline.end.customers),
      arr: Math.round(timeline.end.arr),
      csmFteNeeded: round(timeline.end.csmFteNeeded),
    },
    overCeiling: timeline.overCeiling.map((run) => ({ ...run, peakLoad: maybe(run.peakLoad) })),
    quarters: quarters(timeline).map((q) => ({
      ...q,
      arr: Math.round(q.arr),
      customers: round(q.customers),
      costShareOfArr: maybe(q.costShareOfArr),
      arrPerCsm: q.arrPerCsm === null ? null : Math.round(q.arrPerCsm),
      arrUnderManagementPerCsm:
        q.arrUnderManagementPerCsm === null ? null : Math.round(q.arrUnderManagementPerCsm),
      renewalsDue: Math.round(q.renewalsDue),
      renewalsCovered: round(q.renewalsCovered),
      peakLoad: maybe(q.peakLoad),
    })),
    priced: timeline.priced,
    unpricedRoles: timeline.unpricedRoles,
    warnings: head.warnings,
    notes: head.notes,
  };
}

export function renderTimelineJson(timeline: Timeline): string {
  const body = {
    schemaVersion: TIMELINE_SCHEMA_VERSION,
    kind: 'timeline',
    ...timelineJson(timeline),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

export function renderComparisonJson(comparison: Comparison): string {
  const body = {
    schemaVersion: TIMELINE_SCHEMA_VERSION,
    kind: 'comparison',
    scenarios: comparison.names,
    quarters: comparison.quarters.map((q) => ({
      ...q,
      scenarios: q.scenarios.map((s) => ({ ...s, peakLoad: maybe(s.peakLoad) })),
    })),
    timelines: comparison.timelines.map(timelineJson),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
