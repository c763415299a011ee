/**
 * CSM capacity per segment: FTE needed to cover the segment at the policy's target ratios, and
 * FTE available from the CSMs who serve it, with new CSMs counted by the ramp schedule.
 */
import type { Analysis, BookOwner } from './analysis.js';
import type { Coverage, SegmentId } from './model.js';
import { SEGMENT_IDS } from './model.js';
import type { Policy } from './policy.js';

export interface SegmentCapacity {
  id: SegmentId;
  coverage: Coverage;
  /** Accounts in the segment, counting account groups member by member. */
  accounts: number;
  arr: number;
  /** Share of the company's ARR, 0..1. */
  arrShare: number;
  /** Accounts weighted by complexity and load drivers. */
  weightedAccounts: number;
  /** CSM FTE needed by the account-count benchmark and by the ARR-per-CSM benchmark. */
  fteByAccounts: number;
  fteByArr: number;
  /** The larger of the two, reduced when onboarding/support teams take work off CSMs. */
  csmFteNeeded: number;
  binding: 'accounts' | 'arr';
  /** Capacity of the CSMs serving the segment today (fte x ramp). */
  csmFteAvailable: number;
  /** FTE of hires in the file whose start date is still ahead. */
  csmFtePlanned: number;
  /** Full FTE of everyone serving the segment, present or planned, as if fully ramped. */
  csmFteStaffed: number;
  /** People whose book sits mainly in this segment. */
  csms: string[];
  /** needed / available; null when nobody serves the segment. */
  utilisation: number | null;
}

export interface CapacityResult {
  segments: SegmentCapacity[];
  /** Capacity of CSMs with no segment and no book yet: not attributed to any segment. */
  unassignedFte: number;
  /** Full FTE of those CSMs, planned hires included. */
  unassignedStaffedFte: number;
  unassignedCsms: string[];
}

export function computeCapacity(analysis: Analysis): CapacityResult {
  const { org, placed, totalArr, offloadMultiplier } = analysis;
  const { policy } = org;
  const rows = new Map<SegmentId, SegmentCapacity>();
  for (const id of SEGMENT_IDS) {
    rows.set(id, {
      id,
      coverage: policy.segments[id].coverage,
      accounts: 0,
      arr: 0,
      arrShare: 0,
      weightedAccounts: 0,
      fteByAccounts: 0,
      fteByArr: 0,
      csmFteNeeded: 0,
      binding: 'accounts',
      csmFteAvailable: 0,
      csmFtePlanned: 0,
      csmFteStaffed: 0,
      csms: [],
      utilisation: null,
    });
  }
  for (const p of placed) {
    const row = rows.get(p.segment);
    if (!row) continue;
    row.accounts += p.account.count;
    row.arr += p.account.arr * p.account.count;
    row.weightedAccounts += p.account.count * p.loadFactor;
  }

  let unassignedFte = 0;
  let unassignedStaffedFte = 0;
  const unassignedCsms: string[] = [];
  for (const owner of analysis.bookOwners) {
    const { person } = owner;
    // A planned hire adds a seat, not capacity yet; someone who has left adds neither.
    const planned = person.status === 'planned';
    const split = capacitySplit(owner);
    if (split.size === 0) {
      unassignedFte += person.capacity;
      unassignedStaffedFte += person.seat;
      unassignedCsms.push(owner.member.id);
      continue;
    }
    for (const [segment, share] of split) {
      const row = rows.get(segment);
      if (!row) continue;
      if (planned) row.csmFtePlanned += person.seat * share;
      else row.csmFteAvailable += person.capacity * share;
      row.csmFteStaffed += person.seat * share;
    }
    const main = owner.mainSegment;
    if (main) rows.get(main)?.csms.push(owner.member.id);
  }

  for (const row of rows.values()) {
    const s = policy.segments[row.id];
    row.arrShare = totalArr > 0 ? row.arr / totalArr : 0;
    row.fteByAccounts = row.weightedAccounts / s.accountsPerCsm.target / offloadMultiplier;
    row.fteByArr = row.arr / s.arrPerCsm.target / offloadMultiplier;
    const work = segmentWork(policy, row, 'target');
    row.binding = work.binding;
    row.csmFteNeeded = work.fte / offloadMultiplier;
    row.utilisation = row.csmFteAvailable > 0 ? row.csmFteNeeded / row.csmFteAvailable : null;
  }
  return { segments: [...rows.values()], unassignedFte, unassignedStaffedFte, unassignedCsms };
}

/** A point of the published ranges: 'min' is the fewest accounts and ARR per CSM (the most FTE). */
export type RangeEnd = 'min' | 'max' | 'target';

/**
 * ARR one digital CSM carries: the automation level picks the point of the range (programs run
 * by hand sit at its low end, mature automated programs at its top; CS Operations Architect guide).
 */
export function digitalArrPerCsm(policy: Policy, segment: SegmentId, end: RangeEnd): number {
  const { arrPerCsm } = policy.segments[segment];
  if (end !== 'target') return arrPerCsm[end];
  const level = policy.digitalAutomation;
  return level === 'none' ? arrPerCsm.min : level === 'mature' ? arrPerCsm.max : arrPerCsm.target;
}

/**
 * FTE of CSM work in one segment at one point of its ranges, before the offload of dedicated
 * teams. Named and pooled work is the larger of weighted accounts and ARR per CSM (never assign
 * by count alone). Digital work scales with programs, not logos: ARR per digital CSM at the
 * automation level, with the account count only as a ceiling: never more than one digital CSM
 * per account count at the top of the range (2,000 by default).
 */
export function segmentWork(
  policy: Policy,
  segment: { id: SegmentId; weightedAccounts: number; arr: number },
  end: RangeEnd,
): { fte: number; binding: 'accounts' | 'arr' } {
  const ranges = policy.segments[segment.id];
  if (ranges.coverage === 'digital') {
    const byArr = segment.arr / digitalArrPerCsm(policy, segment.id, end);
    const ceiling = segment.weightedAccounts / ranges.accountsPerCsm.max;
    return byArr <= ceiling
      ? { fte: byArr, binding: 'arr' }
      : { fte: ceiling, binding: 'accounts' };
  }
  const byAccounts = segment.weightedAccounts / ranges.accountsPerCsm[end];
  const byArr = segment.arr / ranges.arrPerCsm[end];
  return byArr > byAccounts
    ? { fte: byArr, binding: 'arr' }
    : { fte: byAccounts, binding: 'accounts' };
}

/**
 * How a CSM's capacity divides between segments: all of it to the segment they are assigned to;
 * for a generalist, in proportion to where their book's load sits; digital CSMs default to the
 * self-serve tail.
 */
function capacitySplit(owner: BookOwner): Map<SegmentId, number> {
  const { member } = owner;
  if (member.segment) return new Map([[member.segment, 1]]);
  let total = 0;
  for (const load of owner.loadBySegment.values()) total += load;
  if (total > 0) {
    const split = new Map<SegmentId, number>();
    for (const [segment, load] of owner.loadBySegment) split.set(segment, load / total);
    return split;
  }
  if (member.role === 'digital-csm') return new Map([['self-serve', 1]]);
  return new Map();
}

/**
 * When CSM capacity is far beyond the work ("hiring ahead of need", CS org design guide): csplan
 * defaults, named in the csm-capacity-idle rule's explanation. The work is measured at the
 * target ratios, as the plan sizes teams, so the rule reports the surplus the plan shows.
 */
export const IDLE_CAPACITY = {
  /** Capacity at least this many FTE above the work... */
  surplusFte: 2,
  /**
   * ...and the work at most this share of it: under two thirds of a target book, a book sits
   * below the low end of every published account range (5 of 7.5, 15 of 20, 40 of 57.5, 100 of
   * 150 accounts).
   */
  maxLoad: 2 / 3,
};

export interface IdleCapacity {
  /** CSM capacity today (ramp-adjusted), CSMs without a segment or book included. */
  available: number;
  /** FTE the accounts need at the target ratios. */
  needed: number;
}

/** CSM capacity far beyond the work; undefined when it is not, or the file has no accounts. */
export function idleCsmCapacity(
  analysis: Analysis,
  capacity: CapacityResult,
): IdleCapacity | undefined {
  if (analysis.customers === 0) return undefined;
  let needed = 0;
  let available = capacity.unassignedFte;
  for (const segment of capacity.segments) {
    needed += segment.csmFteNeeded;
    available += segment.csmFteAvailable;
  }
  const idle =
    available >= needed + IDLE_CAPACITY.surplusFte && needed <= available * IDLE_CAPACITY.maxLoad;
  return idle ? { available, needed } : undefined;
}
