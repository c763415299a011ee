/**
 * The hiring plan over time (`csplan timeline`), and the short form `csplan recommend` shows:
 * both from `simulateTimeline`, so they never disagree.
 */
import type { Org } from '../model.js';
import { BOOK_ROLES, type RoleId } from '../roles.js';
import { overTarget } from '../target/staffing.js';
import { type Quarter, quarters } from './quarters.js';
import {
  type Hire,
  type StageChange,
  simulateTimeline,
  type Timeline,
  type TimelineEnd,
} from './simulate.js';

export { monthName } from './calendar.js';
export { type Quarter, quarters } from './quarters.js';
export {
  applyScenario,
  BASE_SCENARIO,
  type Comparison,
  compareScenarios,
  findScenario,
  runScenario,
} from './scenarios.js';
export * from './simulate.js';
export { type TimelineTarget, type TimelineTeam, targetAt } from './target.js';

export interface TimelineSummary {
  months: number;
  /** The first req to open, whatever the role; null when the plan hires nobody. */
  nextReq: Hire | null;
  /** The first CSM (or digital CSM) req; null when none is needed. */
  firstCsmReq: Hire | null;
  hires: Hire[];
  hiresByRole: { role: RoleId; count: number }[];
  stageChanges: StageChange[];
  /** Stage, customers, ARR and CSM work `months` after as_of. */
  end: TimelineEnd;
  /** Highest team load over the months, null without CSM teams. */
  peakLoad: number | null;
  /** Months in which some team's work passes its people by more than the overshoot. */
  monthsOverTarget: number;
  /** Salary cost over the months; null without `policy.salaries`. */
  cost: number | null;
  quarters: Quarter[];
}

/** Reqs per role, in the order each role's first req opens. */
export function hiresByRole(hires: Hire[]): { role: RoleId; count: number }[] {
  const counts = new Map<RoleId, number>();
  for (const hire of hires) counts.set(hire.role, (counts.get(hire.role) ?? 0) + 1);
  return [...counts].map(([role, count]) => ({ role, count }));
}

/** The plan's next `months` months in brief, for the recommendation's summary. */
export function summariseTimeline(org: Org, months = 12): TimelineSummary {
  return timelineSummary(simulateTimeline(org, { months }));
}

/** A simulated timeline in brief (see `summariseTimeline`). */
export function timelineSummary(timeline: Timeline): TimelineSummary {
  let peak: number | null = null;
  for (const row of timeline.rows) {
    if (row.peakLoad !== null && (peak === null || row.peakLoad > peak)) peak = row.peakLoad;
  }
  return {
    months: timeline.months,
    nextReq: timeline.hires[0] ?? null,
    firstCsmReq: timeline.hires.find((h) => BOOK_ROLES.has(h.role)) ?? null,
    hires: timeline.hires,
    hiresByRole: hiresByRole(timeline.hires),
    stageChanges: timeline.stageChanges,
    end: timeline.end,
    peakLoad: peak,
    monthsOverTarget: timeline.rows.filter((row) =>
      row.teams.some((t) => overTarget(t.needed, t.capacity)),
    ).length,
    cost: timeline.priced ? timeline.rows.reduce((sum, row) => sum + (row.cost ?? 0), 0) : null,
    quarters: quarters(timeline),
  };
}
