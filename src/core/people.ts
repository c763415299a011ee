/**
 * The one capacity model: how much of a full book a person can carry on a date. Every view
 * (analysis, the target's moves, each month of the timeline, the rebalance, the book rules) asks
 * this module, so they all agree on who is working when.
 */
import { addDays, daysBetween } from './dates.js';
import type { TeamMember } from './model.js';
import type { Policy } from './policy.js';
import type { RoleId } from './roles.js';

/** Where a person stands in the ramp on a date, leaving aside a departure. */
export type RampStatus = 'planned' | 'ramping' | 'ramped';

/** Where a person stands on a date: a departure ahead or passed outranks the ramp. */
export type PersonStatus = RampStatus | 'leaving' | 'left';

export interface PersonOnDate {
  status: PersonStatus;
  rampStatus: RampStatus;
  /** Share of a full book the ramp allows in this tenure week (1 outside the ramp). */
  rampShare: number;
  /**
   * Share of a full book the person carries on the date: fte x ramp share (x HANDOVER_SHARE in the
   * hand-over weeks), 0 before the start date and from the leave date on.
   */
  capacity: number;
  /**
   * FTE the person holds in the team on the date as if ramped: planned hires count (they are
   * not hired twice), and a leaver counts until the leave date.
   */
  seat: number;
  /** Whole weeks in the role on the date (1 = first week); undefined without a start date. */
  tenureWeek?: number;
  /** In the hand-over weeks before the leave date (`policy.handover_weeks`). */
  handingOver: boolean;
}

/**
 * Share of a full book a leaver carries in the hand-over weeks: half (csplan default, the mirror of
 * the ramp's half-book weeks). The other half of their time goes to handing accounts over:
 * introductions, account notes, joint calls with the new owner.
 */
export const HANDOVER_SHARE = 0.5;

/** Share of a full book a person carries in a given tenure week, by the ramp schedule. */
export function rampShare(tenureWeek: number, policy: Policy): number {
  for (const step of policy.ramp) {
    if (tenureWeek <= step.untilWeek) return step.capacity;
  }
  return 1;
}

/** The last week of the ramp schedule: from the week after, a full book. */
export function rampEndWeek(policy: Policy): number {
  return policy.ramp.reduce((end, step) => Math.max(end, step.untilWeek), 0);
}

/** A person whose start date is still ahead of `date`. */
export function isPlanned(member: TeamMember, date: string): boolean {
  return member.startDate !== undefined && daysBetween(date, member.startDate) > 0;
}

/** In the team on the date: started, and not yet gone (ramping CSMs and leavers included). */
export function isWorking(person: PersonOnDate): boolean {
  return person.status !== 'planned' && person.status !== 'left';
}

/** True from the leave date on: the file's `leaving:` is the last day, spent handing over. */
export function hasLeft(member: TeamMember, date: string): boolean {
  return member.leaving !== undefined && date >= member.leaving;
}

/**
 * The first day of a leaver's hand-over: `policy.handover_weeks` before the leave date, or the
 * leave date itself when the policy gives no hand-over.
 */
export function handoverStart(leaving: string, policy: Policy): string {
  return addDays(leaving, -policy.handoverWeeks * 7);
}

export function personOn(member: TeamMember, date: string, policy: Policy): PersonOnDate {
  const { rampStatus, share, tenureWeek } = rampOn(member, date, policy);
  const left = hasLeft(member, date);
  const handingOver =
    !left && member.leaving !== undefined && date >= handoverStart(member.leaving, policy);
  // One literal, fields in one order: the timeline asks this for every person in every month.
  return {
    rampStatus,
    rampShare: share,
    tenureWeek,
    status: left ? 'left' : member.leaving !== undefined ? 'leaving' : rampStatus,
    capacity: left ? 0 : member.fte * share * (handingOver ? HANDOVER_SHARE : 1),
    seat: left ? 0 : member.fte,
    handingOver,
  };
}

function rampOn(
  member: TeamMember,
  date: string,
  policy: Policy,
): { rampStatus: RampStatus; share: number; tenureWeek?: number } {
  if (member.startDate === undefined) return { rampStatus: 'ramped', share: 1 };
  const days = daysBetween(member.startDate, date);
  if (days < 0) return { rampStatus: 'planned', share: 0 };
  const tenureWeek = Math.floor(days / 7) + 1;
  return {
    rampStatus: tenureWeek <= rampEndWeek(policy) ? 'ramping' : 'ramped',
    share: rampShare(tenureWeek, policy),
    tenureWeek,
  };
}

/**
 * Capacity for a book that stays with its owner after the date: a leaver keeps none (the whole
 * book is handed over before the leave date), anyone else what they carry on the date.
 */
export function standingCapacity(person: PersonOnDate): number {
  return person.status === 'leaving' || person.status === 'left' ? 0 : person.capacity;
}

/** Days from opening a req to the hire's first day, for a role (policy.hiring). */
export function hiringLeadDays(policy: Policy, role: RoleId): number {
  return policy.hiring.leadDaysByRole[role] ?? policy.hiring.leadDays;
}

export interface BackfillDates {
  /** When the req must open for the backfill to be ramped when the hand-over starts. */
  openBy: string;
  start: string;
  /** True when that date is already behind the plan date. */
  late: boolean;
}

/**
 * A backfill is ramped when the leaver's hand-over starts (the leave date without one), so the
 * book is handed to someone who can carry it: open by = that day - ramp weeks - hiring lead time
 * (DOMAIN: 45-60 days to hire, then the 8-week ramp).
 */
export function backfillDates(
  leaving: string,
  role: RoleId,
  asOf: string,
  policy: Policy,
): BackfillDates {
  const start = addDays(handoverStart(leaving, policy), -rampEndWeek(policy) * 7);
  const openBy = addDays(start, -hiringLeadDays(policy, role));
  return { openBy, start, late: openBy < asOf };
}

/** Leavers whose seat the file expects to refill: `backfill: false` marks a planned cut. */
export function wantsBackfill(member: TeamMember): boolean {
  return member.leaving !== undefined && member.backfill !== false;
}
