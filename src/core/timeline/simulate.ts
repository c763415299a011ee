/**
 * The hiring plan over time. Month by month the org is grown by `growth:`, the recommended org
 * is asked for (target.ts), and a req is dated for every person the target needs: a CSM so that
 * the team is fully ramped before its work passes its people (the target org's hiring rule), every other role so
 * that the person is in seat when the target first asks for them.
 */
import type { Org, SegmentId, StageId, TeamMember } from '../model.js';
import { ordinal } from '../money.js';
import { handoverStart, hasLeft, hiringLeadDays, rampEndWeek } from '../people.js';
import type { Policy } from '../policy.js';
import {
  BOOK_ROLES,
  EXECUTIVE_ROLES,
  type RoleId,
  rankIn,
  roleWithArticle,
  SALES_LEADER_ROLES,
  SAME_DAY_ORDER,
} from '../roles.js';
import { cite } from '../sources.js';
import { detectStage, STAGE_LABELS } from '../stage.js';
import type { StructureModel } from '../structure.js';
import { growthFactor, leadDays as teamLeadDays } from '../target/needs.js';
import { stageRoles } from '../target/specialists.js';
import { hiresFor, overTarget, SMALL_OVERSHOOT_FTE } from '../target/staffing.js';
import { addDays, addMonths, daysBetween, maxDate, monthName } from './calendar.js';
import {
  type GrowthSeries,
  grownAccounts,
  growthSeries,
  type SegmentVolume,
  timelineAccounts,
} from './grow.js';
import { hireReason } from './reasons.js';
import { type TimelineTarget, type TimelineTeam, targetAt } from './target.js';

export const MAX_MONTHS = 36;
export const DEFAULT_MONTHS = 12;

export interface TimelineOptions {
  months?: number;
  /** No req opens before this date. */
  freezeUntil?: string;
  /** Multiplies new customers and ARR growth (`--growth 2x`). */
  growthFactor?: number;
  /** The scenario the org was built from, for the report. */
  scenario?: string;
}

export type HireDelay = 'late' | 'freeze';

export interface Hire {
  /** `csm-1`, `cs-ops-1`: the role and the order in which the plan asks for it. */
  id: string;
  role: RoleId;
  /** The segment a CSM is hired for; null for roles without a book. */
  segment: SegmentId | null;
  /**
   * The segments the CSM's team served when the req was dated (empty for roles without a book).
   * When no team of a later month serves them all (the team split), the hire is placed where that
   * work is short instead of staying with the largest segment (`splitTeams`).
   */
  teamSegments: SegmentId[];
  /** The region of the CSM team the hire joins, when the team serves one; null otherwise. */
  region: string | null;
  /** The CSM team the hire joins (its title); null for other roles. */
  team: string | null;
  openBy: string;
  start: string;
  rampedBy: string;
  /** The month (YYYY-MM) whose recommended org first asks for this person. */
  month: string;
  /** The date the req would open with neither the past nor a freeze in the way. */
  idealOpenBy: string;
  /** When the target needs the person: ramped by then (CSMs) or in seat by then (other roles). */
  neededBy: string;
  /** Why the req cannot be opened on time: the ideal date has passed, or a freeze holds it. */
  delay: HireDelay | null;
  /** Set on a backfill: the leaver whose seat it refills (ramped when their hand-over starts). */
  backfillFor: string | null;
  /** Set on a backfill: the leaver's last day (`leaving:`). */
  backfillLeaving: string | null;
  reason: string;
}

export interface TeamMonth {
  key: string;
  title: string;
  role: 'csm' | 'digital-csm';
  needed: number;
  /** Capacity in seat, ramp counted, less the attrition allowance. */
  capacity: number;
  /** needed / capacity; null when nobody is in seat. */
  load: number | null;
  arr: number;
  /** Each CSM of the team and what the capacity model gives them this month (before the allowance). */
  people: { id: string; capacity: number }[];
}

export interface MonthRow {
  /** YYYY-MM of the month's first day in the plan. */
  month: string;
  date: string;
  customers: number;
  arr: number;
  arrBySegment: Record<SegmentId, number>;
  stage: StageId;
  structure: StructureModel;
  teams: TeamMonth[];
  csmFteNeeded: number;
  csmCapacity: number;
  /** CSMs and digital CSMs whose first day has come. */
  csmsInSeat: number;
  /** CSMs with named or pooled books (digital CSMs not counted). */
  namedCsmsInSeat: number;
  /** Everyone in CS whose first day has come (executives and sales not counted). */
  headcount: number;
  /** CSMs and everyone in CS in seat by the next month's first day: the month's end. */
  csmsAtEnd: number;
  headcountAtEnd: number;
  /** Highest team load among teams with someone in seat; null when there is none. */
  peakLoad: number | null;
  /** A team has work and nobody ramped to carry it. */
  unstaffed: boolean;
  /** People expected to leave this month: headcount x the yearly attrition rate / 12. */
  expectedLeavers: number;
  /** Salary cost of the month, prorated by days in seat; null without salaries. */
  cost: number | null;
}

export interface StageChange {
  month: string;
  date: string;
  from: StageId;
  to: StageId;
  reason: string;
}

export interface OverCeiling {
  team: string;
  from: string;
  /** The last month over target (YYYY-MM). */
  to: string;
  peakLoad: number | null;
  cause: 'freeze' | 'late' | 'ramp';
}

export interface TimelineEnd {
  date: string;
  customers: number;
  arr: number;
  stage: StageId;
  structure: StructureModel;
  /** CSM work of the grown book, all teams, at target books. */
  csmFteNeeded: number;
}

export interface Timeline {
  asOf: string;
  months: number;
  scenario: string | null;
  freezeUntil: string | null;
  growthFactor: number;
  /** Work a team may carry beyond its people before the plan hires (the target's own rule). */
  overshootFte: number;
  attritionPct12m: number;
  /** Share of capacity held back for departures (see `attritionAllowance`). */
  attritionAllowance: number;
  rows: MonthRow[];
  hires: Hire[];
  /** CSMs the plan moves, in the order it moves them: to another team or into a function. */
  moves: Move[];
  stageChanges: StageChange[];
  /** The org at the end of the horizon (`months` after as_of): what "in 12 months" means. */
  end: TimelineEnd;
  overCeiling: OverCeiling[];
  /** Roles the file already has people in (planned hires included). */
  rolesInFile: RoleId[];
  /** Roles in the plan that `policy.salaries` gives no cost for. */
  unpricedRoles: RoleId[];
  priced: boolean;
  /** CSM hires `growth.new_csm_hires_12m` says are budgeted, if given. */
  budgetedCsmHires: number | null;
  notes: string[];
}

/** Days from a req to the first day, for a role. */
export function leadDays(policy: Policy, role: RoleId): number {
  return hiringLeadDays(policy, role);
}

/** Months past the horizon the plan looks at: a CSM's lead time and ramp, in 28-day months. */
export function lookaheadMonths(policy: Policy): number {
  return Math.ceil((leadDays(policy, 'csm') + rampDays(policy, 'csm')) / 28);
}

/** Days from the first day to full productivity: the CSM ramp for book roles. */
export function rampDays(policy: Policy, role: RoleId): number {
  if (BOOK_ROLES.has(role)) return rampEndWeek(policy) * 7;
  return (policy.hiring.rampWeeksByRole[role] ?? policy.hiring.rampWeeks) * 7;
}

/**
 * Capacity held back for departures: each leaver leaves a seat empty for the hiring lead time
 * and then a newcomer carries less through the ramp. With a yearly rate r, a CSM lead time of
 * L days and a ramp that loses R days of a full book, the share is r x (L + R) / 365.
 */
export function attritionAllowance(policy: Policy): number {
  let lostDays = 0;
  let previousWeek = 0;
  for (const step of policy.ramp) {
    lostDays += (step.untilWeek - previousWeek) * 7 * (1 - step.capacity);
    previousWeek = step.untilWeek;
  }
  const rate = policy.hiring.attritionPct12m / 100;
  return Math.min(1, (rate * (leadDays(policy, 'csm') + lostDays)) / 365);
}

export function simulateTimeline(file: Org, options: TimelineOptions = {}): Timeline {
  const months = Math.min(MAX_MONTHS, Math.max(1, options.months ?? DEFAULT_MONTHS));
  // The months after the horizon are looked at too (below), and the growth a month's target sees
  // over the time to hire and ramp a CSM: the series runs that far.
  const lookahead = lookaheadMonths(file.policy);
  const soonMonths = teamLeadDays(file.policy) / DAYS_PER_MONTH;
  const seriesMonths = months + lookahead + Math.ceil(soonMonths);
  const org: Org = {
    ...file,
    accounts: timelineAccounts(file, seriesMonths, options.growthFactor),
  };
  const { policy, company } = org;
  const allowance = attritionAllowance(policy);
  const earliestOpen = maxDate(company.asOf, options.freezeUntil ?? company.asOf);
  // The first day a CSM req opened as soon as the plan allows is ramped.
  const rampedFrom = addDays(earliestOpen, leadDays(policy, 'csm') + rampDays(policy, 'csm'));
  const hires: Hire[] = [];
  const rows: MonthRow[] = [];
  const stageChanges: StageChange[] = [];
  const counters = new Map<RoleId, number>();
  const dateOf = (m: number) => addMonths(company.asOf, m);

  // A CSM is wanted ramped by the date; anyone else in seat by it.
  const datesFor = (role: RoleId, book: boolean, neededBy: string) => {
    const ramp = rampDays(policy, role);
    const lead = leadDays(policy, role);
    const idealOpen = addDays(book ? addDays(neededBy, -ramp) : neededBy, -lead);
    return {
      ...dated(idealOpen, lead, ramp, earliestOpen, options.freezeUntil),
      idealOpenBy: idealOpen,
      neededBy,
    };
  };
  const addHire = (
    role: RoleId,
    team: TimelineTeam | null,
    neededBy: string,
    target: TimelineTarget,
    backfill?: { for: string; leaving: string; month: string },
  ) => {
    const number = (counters.get(role) ?? 0) + 1;
    counters.set(role, number);
    const csmsPlanned = hires.filter((h) => BOOK_ROLES.has(h.role)).length;
    hires.push({
      id: `${role}-${number}`,
      role,
      segment: team ? team.mainSegment : null,
      teamSegments: team ? team.segments : [],
      region: team?.region ?? null,
      team: team ? team.title : null,
      ...datesFor(role, team !== null, neededBy),
      month: backfill?.month ?? neededBy.slice(0, 7),
      backfillFor: backfill?.for ?? null,
      backfillLeaving: backfill?.leaving ?? null,
      reason: hireReason({
        backfill,
        role,
        team,
        neededBy,
        target,
        policy,
        allowance,
        csms:
          org.team.filter((m) => BOOK_ROLES.has(m.role) && !movedOut.has(m.id)).length +
          csmsPlanned,
      }),
    });
  };
  /** Hires for each role without a book the target asks more of than the month has. */
  const hireRoles = (target: TimelineTarget, date: string, which: (role: RoleId) => boolean) => {
    for (const { role, target: wanted, current } of target.roles) {
      if (!which(role)) continue;
      const missing = Math.ceil(wanted - current - 1e-9);
      for (let i = 0; i < missing; i++) addHire(role, null, date, target);
    }
  };
  /** Takes back the hires from `mark` on (a trial that did not pay). */
  const withdraw = (mark: number) => {
    for (const hire of hires.splice(mark))
      counters.set(hire.role, (counters.get(hire.role) ?? 1) - 1);
  };
  /** The month's stage from the growth series, as the month's target detects it. */
  const stageAt = (m: number) => {
    const volumes = Object.values(series[Math.min(m, series.length - 1)] ?? {});
    const customers = volumes.reduce((sum, v) => sum + v.customers, 0);
    const arr = volumes.reduce((sum, v) => sum + v.arr, 0);
    return detectStage(Math.round(customers), arr, policy).id;
  };
  /**
   * A month with CSM teams short and, next month, the stage that brings onboarding and support:
   * those functions are hired for this month instead when, in seat by then, they spare it a CSM
   * hire (the month planned with them is returned). A CSM hired for a gap the specialists close
   * a month later stays on the payroll for good; more growth, reaching the stage that month,
   * hired only the specialists, so less growth cost more.
   */
  const offloadAhead = (
    m: number,
    planning: TimelineTarget,
    planAt: () => TimelineTarget,
  ): TimelineTarget | undefined => {
    const short = csmsMissing(planning, allowance);
    if (m === 0 || short === 0) return undefined;
    const stage = stageAt(m + 1);
    const due = [...stageRoles(stage).values()].filter(
      (entry) => takesWork(policy, entry.role) && staffedIn(entry.role) < entry.count,
    );
    if (due.length === 0) return undefined;
    const date = dateOf(m);
    const mark = hires.length;
    for (const entry of due) {
      for (let i = staffedIn(entry.role); i < entry.count; i++) {
        addHire(entry.role, null, date, planning);
        Object.assign(hires[hires.length - 1] as Hire, {
          reason: offloadReason(entry.role, stage, dateOf(m + 1), date),
        });
      }
    }
    const inSeat = hires.slice(mark).every((hire) => hire.start <= date);
    const trial = inSeat ? planAt() : undefined;
    if (trial && csmsMissing(trial, allowance) < short) return trial;
    withdraw(mark);
    return undefined;
  };
  /** People in a role: the file's, the plan's hires and the CSMs moved into it. */
  const staffedIn = (role: RoleId) =>
    org.team.filter((m) => m.role === role).length +
    hires.filter((h) => h.role === role).length +
    moves.filter((move) => move.role === role).length;
  const bringForward = (
    hire: Hire,
    team: TimelineTeam,
    neededBy: string,
    target: TimelineTarget,
  ) => {
    const backfill = { for: hire.backfillFor ?? '', leaving: hire.backfillLeaving ?? '' };
    const { role } = hire;
    // A backfill's reason names the leaver and the team, not a count of CSMs.
    const csms = 0;
    Object.assign(hire, datesFor(role, true, neededBy), {
      reason: hireReason({ backfill, role, team, neededBy, target, policy, allowance, csms }),
    });
  };

  // Decide month by month on the staffed team: everyone in the file and every hire so far as if
  // ramped, so a hire still ramping is not hired twice. The months after the horizon are looked
  // at too, so a req that must open inside it for a need just beyond it is not missed.
  const { series, notes } = growthSeries(org, seriesMonths, { factor: options.growthFactor });
  // The growth each month's target sees over the time to hire and ramp a CSM, read off the
  // series itself, so "a team can spare a CSM, growth included" means the growth of this plan.
  const soonAt = (m: number) => growthAhead(series, m, soonMonths);
  // A CSM the target moves to another team, or into a function such as CS Ops, stays there in the
  // months after: the move is part of the plan, and later months start from the moved team.
  const moves: Move[] = [];
  // CSMs moved into a function: they no longer carry a book or count as CSMs.
  const movedOut = new Set<string>();
  // Hires whose team has split, by member id, with the date from which they have no segment pin.
  const unpinned = new Map<string, string>();
  // The leavers' seats the plan date's target refills: each backfill ramped when the hand-over
  // starts, asked for by the first month's org.
  const todayOrg = orgAt(
    org,
    series[0] as Record<SegmentId, SegmentVolume>,
    [],
    [],
    new Map(),
    company.asOf,
  );
  const today = targetAt({ ...todayOrg, team: org.team }, { asIfRamped: true });
  for (const { team, backfill } of today.backfills) {
    // Ramped when the hand-over starts, so the leaver hands the book to someone who can carry it.
    addHire(team.role, team, handoverStart(backfill.leaving, policy), today, {
      for: backfill.for,
      leaving: backfill.leaving,
      month: company.asOf.slice(0, 7),
    });
  }
  // Month m's recommended org with these hires and moves in place (see monthTarget).
  const targetOfMonth = (m: number, seats: Hire[], movesSoFar: Move[], asIfRamped = false) =>
    monthTarget(
      org,
      series[m] as Record<SegmentId, SegmentVolume>,
      seats,
      movesSoFar,
      unpinned,
      dateOf(m),
      dateOf(m + 1),
      { sparingGrowth: soonAt(m), rampedFrom, asIfRamped },
    );
  // Where each month's plan placed the CSMs with no team, for that month's row.
  const placedIn: Move[][] = [];
  for (let m = 0; m < months + lookahead; m++) {
    const date = dateOf(m);
    const next = dateOf(m + 1);
    // The moves of earlier months are in place; the month's target makes the month's own moves,
    // deciding the hires as the target decides them (a CSM it moves into onboarding takes work
    // off the CSMs in the months after, as its hires do once they start).
    const earlier = () => moves.filter((move) => move.from < date);
    const planAt = () => targetOfMonth(m, seatsBy(hires, date, next), earlier(), true);
    let planning = planAt();
    // Hires whose team split this month go where the split teams are short, then plan again.
    const split = splitTeams(hires, planning.teams, unpinned);
    for (const id of split) unpinned.set(id, date);
    if (split.length > 0) planning = planAt();
    for (const { id, segment } of planning.moves) moves.push({ id, segment, from: date });
    for (const move of planning.roleMoves) {
      moves.push({ ...move, from: date });
      movedOut.add(move.id);
    }
    // Roles without a book first: onboarding and support in seat this month take work off the
    // CSMs (policy.offload), so the CSM teams are sized with them, as the target sizes them. The
    // hires so far are people of the org by now: the target's shortfall is what is left. Those
    // functions come first and, once in seat, the month plans again: its managers, leaders and
    // CS Ops are sized on the CSMs the work still needs. (A req opened today is in seat later,
    // so the first month sizes everyone on one plan, as the plan-date target does.)
    const offloadFirst = hires.length;
    hireRoles(planning, date, (role) => takesWork(policy, role));
    if (hires.slice(offloadFirst).some((hire) => hire.start <= date)) planning = planAt();
    else planning = offloadAhead(m, planning, planAt) ?? planning;
    const before = hires.length;
    hireRoles(planning, date, (role) => !takesWork(policy, role));
    if (hires.length > before) planning = planAt();
    const hireFor = (team: TimelineTeam, missing: number) => {
      for (let i = 0; i < missing; i++) {
        // A team short before its leaver goes gets the backfill early, not a hire beside it.
        const backfill = pendingBackfill(hires, team, date, next);
        if (backfill) bringForward(backfill, team, date, planning);
        else addHire(team.role, team, date, planning);
      }
    };
    if (m === 0) {
      // Today's hires are the plan date's target's, all from one plan: none of them is in seat
      // yet to free anyone for a move.
      for (const team of planning.teams) hireFor(team, missingIn(team, allowance));
      placedIn.push(placedMoves(planning, date));
      continue;
    }
    // The shortest team hires first, then the month plans again: its hires may free a person
    // the target moves to another short team (it moves before it hires), as it would a month
    // later. Hiring for every short team at once hired for a gap a move then covers, so a month
    // with two teams short at once hired more than slower growth reaching them a month apart.
    const hiredFor = new Set<string>();
    const csmsFrom = hires.length;
    let sizedBefore = false;
    for (;;) {
      const next = shortestTeam(planning.teams, allowance, hiredFor);
      if (!next) break;
      hiredFor.add(next.key);
      hireFor(next, missingIn(next, allowance));
      const before = planning;
      planning = planAt();
      // A hire that changes the teams (a team splits once it is large enough) is no reason for
      // more: the other teams short before it hire as planned, as they did all at once.
      if (teamKeys(planning) !== teamKeys(before)) {
        planning = before;
        sizedBefore = true;
        for (const team of before.teams)
          if (!hiredFor.has(team.key)) hireFor(team, missingIn(team, allowance));
        break;
      }
      // A CSM the hires free leaves their team from this month. Someone with no team is placed
      // again next month, not pinned where a plan between hires put them.
      for (const { id, segment, fromTeam } of planning.moves) {
        const made = moves.some((earlier) => earlier.id === id && earlier.from === date);
        if (fromTeam && !made) moves.push({ id, segment, from: date });
      }
    }
    placedIn.push(placedMoves(planning, date));
    // The roles above were sized before the month's CSM hires, on the target's own hires. A CSM
    // the timeline hires beyond those (the attrition allowance) is a CSM to lead all the same: a
    // month that reaches 5 CSMs that way wants its head of CS now, not next month.
    if (hires.length > csmsFrom)
      hireRoles(sizedBefore ? planAt() : planning, date, (role) => !takesWork(policy, role));
  }
  opsBeforeFifthCsm(org, hires, moves, earliestOpen, options.freezeUntil);
  // Reqs that open after the horizon belong to a later plan.
  const horizon = dateOf(months);
  const planned = hires.filter((hire) => hire.openBy < horizon);

  // The months as they will be with every hire of the plan at its final dates.
  for (let m = 0; m < months; m++) {
    const date = dateOf(m);
    const volumes = series[m] as Record<SegmentId, SegmentVolume>;
    // A CSM with no team sits where the month's plan placed them: their seat spared it a hire.
    const actual = targetOfMonth(m, planned, [...moves, ...(placedIn[m] ?? [])]);
    const previous = rows[rows.length - 1];
    if (previous && previous.stage !== actual.stage.id) {
      stageChanges.push({
        month: date.slice(0, 7),
        date,
        from: previous.stage,
        to: actual.stage.id,
        reason: actual.stage.reason,
      });
    }
    rows.push(monthRow(org, actual, volumes, planned, moves, date, dateOf(m + 1), allowance));
  }
  const endTarget = targetOfMonth(months, planned, moves);
  const end: TimelineEnd = {
    date: horizon,
    customers: endTarget.stage.customers,
    arr: endTarget.stage.arr,
    stage: endTarget.stage.id,
    structure: endTarget.structure,
    csmFteNeeded: endTarget.teams.reduce((sum, team) => sum + team.needed, 0),
  };
  const priced = Object.keys(policy.salaries).length > 0;
  for (const [m, row] of rows.entries()) {
    row.cost = priced ? monthCost(org, planned, row.date, dateOf(m + 1)) : null;
  }

  const roles = new Set<RoleId>([
    ...planned.map((h) => h.role),
    ...org.team.filter((m) => isCsRole(m.role)).map((m) => m.role),
  ]);
  return {
    asOf: company.asOf,
    months,
    scenario: options.scenario ?? null,
    freezeUntil: options.freezeUntil ?? null,
    growthFactor: options.growthFactor ?? 1,
    overshootFte: SMALL_OVERSHOOT_FTE,
    attritionPct12m: policy.hiring.attritionPct12m,
    attritionAllowance: allowance,
    rows,
    // On the same day a backfill comes first (a seat about to empty outranks new work), then the
    // roles in SAME_DAY_ORDER.
    hires: planned.sort(
      (a, b) =>
        a.openBy.localeCompare(b.openBy) ||
        Number(b.backfillFor !== null) - Number(a.backfillFor !== null) ||
        rankIn(SAME_DAY_ORDER, a.role) - rankIn(SAME_DAY_ORDER, b.role) ||
        a.id.localeCompare(b.id),
    ),
    moves,
    stageChanges,
    end,
    overCeiling: overCeilingRuns(rows, planned),
    rolesInFile: [...new Set(org.team.map((m) => m.role))].sort(),
    unpricedRoles: priced
      ? [...roles].filter((role) => policy.salaries[role] === undefined).sort()
      : [],
    priced,
    budgetedCsmHires: org.growth?.newCsmHires12m ?? null,
    notes,
  };
}

/** Open on the ideal date, or as soon as allowed; start and ramp follow from the open date. */
function dated(
  idealOpen: string,
  lead: number,
  ramp: number,
  earliestOpen: string,
  freezeUntil: string | undefined,
): Pick<Hire, 'openBy' | 'start' | 'rampedBy' | 'delay'> {
  const openBy = maxDate(idealOpen, earliestOpen);
  let delay: HireDelay | null = null;
  if (openBy !== idealOpen) {
    delay =
      freezeUntil !== undefined && idealOpen < freezeUntil && openBy === freezeUntil
        ? 'freeze'
        : 'late';
  }
  const start = addDays(openBy, lead);
  return { openBy, start, rampedBy: addDays(start, ramp), delay };
}

/**
 * A CSM the plan moves from a date on: into another team's segment, or out of the CSM teams into
 * a function (CS Ops, onboarding, renewals) whose seat they fill instead of a hire.
 */
export type Move = { id: string; from: string } & (
  | { segment: SegmentId; role?: undefined }
  | { role: RoleId; segment?: undefined }
);

/**
 * The team member a timeline hire becomes once the req is dated: in the main segment and the
 * region of the team it was hired for (see `splitTeams` for a team that splits later).
 */
export function hireMember(hire: Hire): TeamMember {
  return {
    id: `timeline-${hire.id}`,
    role: hire.role,
    startDate: hire.start,
    segment: hire.segment ?? undefined,
    // A regional team's hire works that region's hours and languages, as the file's CSMs do.
    region: hire.region ?? undefined,
    fte: 1,
    languages: [],
    path: ['timeline', hire.id],
  };
}

/** Each person as the plan has them on a date: in the segment or role of the moves made by then. */
export function memberOn(moves: readonly Move[], date: string): (member: TeamMember) => TeamMember {
  const changes = new Map<string, Partial<TeamMember>>();
  for (const move of moves) {
    if (move.from > date) continue;
    const change = move.role !== undefined ? { role: move.role } : { segment: move.segment };
    changes.set(move.id, { ...changes.get(move.id), ...change });
  }
  return (member) => {
    const change = changes.get(member.id);
    return change ? { ...member, ...change } : member;
  };
}

/**
 * A month is planned on whole-month seats: a seat that ends within it (a leaver's hand-over
 * starts) changes hands at the nearer of the month's two dates, so the plan is at most half a
 * month off the leave date either way. Counted to the month's end, a leaver who went a day after
 * the month's date left their book with nobody for a month (and sized a manager for it); counted
 * as gone from the month's date, one who went on its last day had a replacement paid and ramped
 * a month early.
 */
function seatChangeDay(date: string, next: string): string {
  return addDays(date, Math.floor(daysBetween(date, next) / 2));
}

/**
 * Leavers who hold their seat in the month from `date` to `next` (`seatChangeDay`): a month plans
 * with them as it plans with the seats of its hires, so the team is short (and a CSM moved in,
 * or hired) from the month they go, not months ahead of it.
 * Of those, `timed` are the leavers whose hand-over starts after a CSM req opened at once is
 * ramped (`rampedFrom`): the plan can hire for the month they go, so until then a CSM with no
 * team is placed as if they stayed (TargetInput.timedLeavers).
 */
function leaversOn(
  org: Org,
  date: string,
  next: string,
  rampedFrom: string,
): { seated: Set<string>; timed: Set<string> } {
  const changeDay = seatChangeDay(date, next);
  const seated = new Set<string>();
  const timed = new Set<string>();
  for (const member of org.team) {
    if (member.leaving === undefined) continue;
    const handover = handoverStart(member.leaving, org.policy);
    if (handover < changeDay) continue;
    seated.add(member.id);
    if (handover > rampedFrom) timed.add(member.id);
  }
  return { seated, timed };
}

/**
 * The hires whose seat a month deciding on seats counts: those it needs by the month's date, and
 * a backfill from the month its leaver's seat stops counting (`seatChangeDay`), so the seat
 * changes hands within the month. Before that the leaver holds the seat, and a backfill counted
 * as if ramped months ahead covered work nobody carried (and was moved to another team before
 * its first day).
 */
function seatsBy(hires: readonly Hire[], date: string, next: string): Hire[] {
  return hires.filter((hire) => seatCounts(hire, date, next));
}

/** Whether the month from `date` to `next` counts the hire's seat (see `seatsBy`). */
function seatCounts(hire: Hire, date: string, next: string): boolean {
  return (
    hire.neededBy <= date ||
    (hire.backfillFor !== null && hire.neededBy < seatChangeDay(date, next))
  );
}

/** A function that takes work off the CSMs once in seat (policy.offload: onboarding, support). */
function takesWork(policy: Policy, role: RoleId): boolean {
  return ((policy.offload as Record<string, number>)[role] ?? 0) > 0;
}

/** CSMs a month's teams need hired, all teams together, with the work grown by `growth`. */
function csmsMissing(target: TimelineTarget, allowance: number, growth = 1): number {
  return target.teams.reduce(
    (sum, team) => sum + missingIn({ ...team, needed: team.needed * growth }, allowance),
    0,
  );
}

/** Why onboarding or support comes before its stage: the CSM hire it spares. */
function offloadReason(role: RoleId, stage: StageId, stageDate: string, date: string): string {
  return `brought forward from ${monthName(stageDate)} (${STAGE_LABELS[stage]} stage): in seat by ${monthName(date)}, the work ${roleWithArticle(role).toLowerCase()} takes off the CSMs spares the CSM hire they would need then ${cite('cs-ops-architect', 'csplan-default')}`;
}

/**
 * Where a month's target places the CSMs with no team, as moves made on the month's date: its row
 * counts them in those teams, as its plan did. Another month places them again.
 */
function placedMoves(target: TimelineTarget, date: string): Move[] {
  return target.placed.map(({ id, segment }) => ({ id, segment, from: date }));
}

/** The teams of a month's target, as one key. */
function teamKeys(target: TimelineTarget): string {
  return target.teams.map((team) => team.key).join();
}

/** CSMs a month's team needs: the target's hiring rule, on capacity less the attrition allowance. */
function missingIn(team: TimelineTeam, allowance: number): number {
  return team.needed > 0 ? hiresFor(team.needed, team.available * (1 - allowance)) : 0;
}

/**
 * The team of a month's target furthest short of its work (capacity less the attrition
 * allowance) among those that need a hire; none when every team is covered. Teams already hired
 * for this month are passed over.
 */
function shortestTeam(
  teams: readonly TimelineTeam[],
  allowance: number,
  hiredFor: ReadonlySet<string>,
): TimelineTeam | undefined {
  let best: TimelineTeam | undefined;
  let most = 0;
  for (const team of teams) {
    if (hiredFor.has(team.key) || missingIn(team, allowance) === 0) continue;
    const short = team.needed - team.available * (1 - allowance);
    if (!best || short > most) [best, most] = [team, short];
  }
  return best;
}

/**
 * A backfill of the team whose seat the month does not count yet: the one whose leaver goes
 * first. When the team is short before then, this hire comes early; the leaver's seat needs no
 * other.
 */
function pendingBackfill(
  hires: readonly Hire[],
  team: TimelineTeam,
  date: string,
  next: string,
): Hire | undefined {
  return hires
    .filter(
      (hire) =>
        hire.backfillFor !== null &&
        !seatCounts(hire, date, next) &&
        hire.role === team.role &&
        hire.segment !== null &&
        team.segments.includes(hire.segment) &&
        (hire.region ?? undefined) === team.region,
    )
    .sort((a, b) => a.neededBy.localeCompare(b.neededBy) || a.id.localeCompare(b.id))[0];
}

/**
 * The hires (member ids) whose team served several segments and that no team of the month serves
 * whole any more: the team split. Each goes where the split teams are short from then on, as a
 * CSM with no segment does but only into a team serving one of its segments (`splitHires`),
 * rather than staying with the segment that was the team's largest (which left the other part
 * to hire again).
 */
function splitTeams(
  hires: readonly Hire[],
  teams: readonly TimelineTeam[],
  unpinned: ReadonlyMap<string, string>,
): string[] {
  return hires
    .filter((hire) => hire.teamSegments.length > 1 && !unpinned.has(`timeline-${hire.id}`))
    .filter((hire) => !teams.some((t) => hire.teamSegments.every((s) => t.segments.includes(s))))
    .map((hire) => `timeline-${hire.id}`);
}

/** The recommended org of a month (from `date` to `next`), the moves and hires so far in place. */
function monthTarget(
  org: Org,
  volumes: Record<SegmentId, SegmentVolume>,
  hires: Hire[],
  moves: Move[],
  unpinned: ReadonlyMap<string, string>,
  date: string,
  next: string,
  {
    sparingGrowth,
    rampedFrom,
    asIfRamped = false,
  }: { sparingGrowth: number; rampedFrom: string; asIfRamped?: boolean },
): TimelineTarget {
  const leavers = leaversOn(org, date, next, rampedFrom);
  return targetAt(orgAt(org, volumes, hires, moves, unpinned, date), {
    asIfRamped,
    seatedLeavers: leavers.seated,
    timedLeavers: leavers.timed,
    sparingGrowth,
    // A team is short for a move when it is short for a hire: capacity less the allowance.
    heldBack: attritionAllowance(org.policy),
    splitHires: splitHires(hires, unpinned, date),
  });
}

/**
 * The hires a month places with no segment because their team has split (`splitTeams`), each
 * with the segments of the team it was hired for.
 */
function splitHires(
  hires: readonly Hire[],
  unpinned: ReadonlyMap<string, string>,
  date: string,
): Map<string, SegmentId[]> {
  const split = new Map<string, SegmentId[]>();
  for (const hire of hires) {
    const id = `timeline-${hire.id}`;
    const from = unpinned.get(id);
    if (from !== undefined && from <= date) split.set(id, hire.teamSegments);
  }
  return split;
}

const DAYS_PER_MONTH = 365 / 12;

/**
 * Growth from month m to `ahead` months later, the larger of customers and ARR (at least 1), the
 * months between read on a straight line: what the target calls "growth included".
 */
function growthAhead(series: GrowthSeries, m: number, ahead: number): number {
  const total = (i: number) => {
    const volumes = Object.values(series[Math.min(i, series.length - 1)] ?? {});
    return {
      customers: volumes.reduce((sum, v) => sum + v.customers, 0),
      arr: volumes.reduce((sum, v) => sum + v.arr, 0),
    };
  };
  const whole = Math.floor(ahead);
  const [now, before, after] = [total(m), total(m + whole), total(m + whole + 1)];
  const at = (key: 'customers' | 'arr') => {
    const later = before[key] + (after[key] - before[key]) * (ahead - whole);
    return now[key] > 0 ? later / now[key] : 1;
  };
  return growthFactor({ customers: at('customers'), arr: at('arr') });
}

/** The org at a month: grown accounts, the file's team plus the hires so far, dated that day. */
function orgAt(
  org: Org,
  volumes: Record<SegmentId, SegmentVolume>,
  hires: Hire[],
  moves: Move[],
  unpinned: ReadonlyMap<string, string>,
  date: string,
): Org {
  const unpin = (member: TeamMember): TeamMember => {
    const from = unpinned.get(member.id);
    return from !== undefined && from <= date ? { ...member, segment: undefined } : member;
  };
  const team: TeamMember[] = [...org.team, ...hires.map(hireMember).map(unpin)].map(
    memberOn(moves, date),
  );
  return {
    ...org,
    // The months ahead are the timeline's to simulate: the target org sees this month only.
    growth: undefined,
    company: { ...org.company, asOf: date },
    accounts: grownAccounts(org, volumes),
    team,
  };
}

function isCsRole(role: RoleId): boolean {
  return !EXECUTIVE_ROLES.has(role) && !SALES_LEADER_ROLES.has(role);
}

function monthRow(
  org: Org,
  target: TimelineTarget,
  volumes: Record<SegmentId, SegmentVolume>,
  hires: Hire[],
  moves: Move[],
  date: string,
  nextMonth: string,
  allowance: number,
): MonthRow {
  const teams = target.teams.map((team): TeamMonth => {
    const capacity = team.available * (1 - allowance);
    return {
      key: team.key,
      title: team.title,
      role: team.role,
      needed: team.needed,
      capacity,
      load: capacity > 0 ? team.needed / capacity : null,
      arr: team.arr,
      people: team.people,
    };
  });
  // In seat on a day: started by then and not yet left, in the role the moves give them by then.
  const seated = (day: string, by: (start: string | undefined) => boolean) => {
    const place = memberOn(moves, day);
    return [...org.team, ...hires.map(hireMember)]
      .filter((m) => isCsRole(m.role) && by(m.startDate) && !hasLeft(m, day))
      .map((m) => place(m).role);
  };
  const people = seated(date, (start) => start === undefined || start <= date);
  const lastDay = addDays(nextMonth, -1);
  const atEnd = seated(lastDay, (start) => start === undefined || start < nextMonth);
  let peak: number | null = null;
  for (const team of teams) {
    if (team.load !== null && (peak === null || team.load > peak)) peak = team.load;
  }
  const customers = Object.values(volumes).reduce((sum, v) => sum + v.customers, 0);
  const arrBySegment = Object.fromEntries(
    Object.entries(volumes).map(([id, v]) => [id, v.arr]),
  ) as Record<SegmentId, number>;
  return {
    month: date.slice(0, 7),
    date,
    customers,
    arr: Object.values(volumes).reduce((sum, v) => sum + v.arr, 0),
    arrBySegment,
    stage: target.stage.id,
    structure: target.structure,
    teams,
    csmFteNeeded: teams.reduce((sum, t) => sum + t.needed, 0),
    csmCapacity: teams.reduce((sum, t) => sum + t.capacity, 0),
    csmsInSeat: people.filter((role) => BOOK_ROLES.has(role)).length,
    namedCsmsInSeat: people.filter((role) => role === 'csm').length,
    headcount: people.length,
    csmsAtEnd: atEnd.filter((role) => BOOK_ROLES.has(role)).length,
    headcountAtEnd: atEnd.length,
    peakLoad: peak,
    unstaffed: teams.some((team) => team.load === null && team.needed > 0),
    expectedLeavers: (people.length * org.policy.hiring.attritionPct12m) / 1200,
    cost: null,
  };
}

/** Salary cost of [from, to): each person's yearly cost x days in seat / 365. */
function monthCost(org: Org, hires: Hire[], from: string, to: string): number {
  const { salaries } = org.policy;
  let cost = 0;
  const add = (role: RoleId, start: string | undefined, fte: number, leaving?: string) => {
    const salary = salaries[role];
    if (salary === undefined) return;
    const first = start === undefined ? from : maxDate(start, from);
    // Paid through the last day (`leaving:`), nothing after.
    const end = leaving === undefined || leaving >= to ? to : addDays(leaving, 1);
    const days = Math.max(0, daysBetween(first, end));
    cost += (salary * fte * days) / 365;
  };
  for (const member of org.team) {
    if (isCsRole(member.role)) add(member.role, member.startDate, member.fte, member.leaving);
  }
  for (const hire of hires) add(hire.role, hire.start, 1);
  return Math.round(cost);
}

/**
 * CS Ops comes before the fifth CSM (CS org design guide; CS Operations Architect guide): the
 * first CS Ops hire starts no later than the CSM who makes five.
 */
function opsBeforeFifthCsm(
  org: Org,
  hires: Hire[],
  moves: Move[],
  earliestOpen: string,
  freezeUntil: string | undefined,
): void {
  const { policy } = org;
  if (org.team.some((m) => m.role === 'cs-ops') || moves.some((m) => m.role === 'cs-ops')) return;
  // The trigger counts the CSMs the plan keeps: one moved into a function carries no book, and a
  // leaver is on the way out (a backfill counts as a hire of its own).
  const movedOut = new Set(moves.flatMap((m) => (m.role !== undefined ? [m.id] : [])));
  const starts = [
    ...org.team
      .filter((m) => BOOK_ROLES.has(m.role) && !movedOut.has(m.id) && m.leaving === undefined)
      .map((m) => m.startDate ?? org.company.asOf),
    ...hires
      .filter((h) => BOOK_ROLES.has(h.role) && !movedOut.has(`timeline-${h.id}`))
      .map((h) => h.start),
  ].sort();
  const fifth = starts[policy.csOpsAtCsms - 1];
  const ops = hires.find((h) => h.role === 'cs-ops');
  if (!fifth || !ops || ops.start <= fifth) return;
  const lead = leadDays(policy, 'cs-ops');
  const ramp = rampDays(policy, 'cs-ops');
  const idealOpen = addDays(fifth, -lead);
  const since =
    fifth <= org.company.asOf
      ? `the team has had ${policy.csOpsAtCsms} CSMs since ${monthName(fifth)}`
      : `the ${ordinal(policy.csOpsAtCsms)} CSM starts about ${fifth}`;
  Object.assign(ops, dated(idealOpen, lead, ramp, earliestOpen, freezeUntil), {
    neededBy: fifth,
    idealOpenBy: idealOpen,
    reason: `CS Ops comes before the ${ordinal(policy.csOpsAtCsms)} CSM and ${since} ${cite('org-design-guide', 'cs-ops-architect')}`,
  });
}

/** Runs of months in which a team's work passes its people (or it has work and nobody), with a cause. */
function overCeilingRuns(rows: MonthRow[], hires: Hire[]): OverCeiling[] {
  const runs: OverCeiling[] = [];
  const open = new Map<string, OverCeiling>();
  for (const row of rows) {
    const seen = new Set<string>();
    for (const team of row.teams) {
      const over = overTarget(team.needed, team.capacity);
      if (!over) continue;
      seen.add(team.title);
      const run = open.get(team.title);
      if (run) {
        run.to = row.month;
        run.peakLoad =
          run.peakLoad === null || team.load === null ? null : Math.max(run.peakLoad, team.load);
      } else {
        const created: OverCeiling = {
          team: team.title,
          from: row.month,
          to: row.month,
          peakLoad: team.load,
          cause: 'ramp',
        };
        open.set(team.title, created);
        runs.push(created);
      }
    }
    for (const title of [...open.keys()]) if (!seen.has(title)) open.delete(title);
  }
  for (const run of runs) {
    const teamHires = hires.filter((h) => h.team === run.team && h.neededBy.slice(0, 7) <= run.to);
    if (teamHires.some((h) => h.delay === 'freeze')) run.cause = 'freeze';
    else if (teamHires.some((h) => h.delay === 'late')) run.cause = 'late';
  }
  return runs;
}

export type { GrowthSeries };
