/**
 * CSM capacity per segment: FTE needed to cover the segment at the policy's target ratios, and
 * FTE available from the CSMs who serve it, with new CSMs counted by the ramp schedule.
 */
import type { Analysis, BookOwner } from './analysis.js';
import type { Coverage, SegmentId } from './model.js';
import { SEGMENT_IDS } from './model.js';

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
    row.binding = row.fteByArr > row.fteByAccounts ? 'arr' : 'accounts';
    row.csmFteNeeded = Math.max(row.fteByAccounts, row.fteByArr);
    row.utilisation = row.csmFteAvailable > 0 ? row.csmFteNeeded / row.csmFteAvailable : null;
  }
  return { segments: [...rows.values()], unassignedFte, unassignedStaffedFte, unassignedCsms };
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
 * When CSM capacity is far beyond the work ("hiring ahead of need", CS org design guide): csplan defaults,
 * named in the csm-capacity-idle rule's explanation. The work is measured at the low end of every
 * benchmark range (the most CSMs the benchmarks justify), so a team staffed anywhere inside the
 * published ranges is never idle.
 */
export const IDLE_CAPACITY = {
  /** Capacity at least this many FTE above the most the accounts need... */
  surplusFte: 2,
  /** ...and at least this many times it. */
  ratio: 2,
};

export interface IdleCapacity {
  /** CSM capacity today (ramp-adjusted), CSMs without a segment or book included. */
  available: number;
  /** FTE the accounts need at the low end of each range: accounts and ARR per CSM. */
  mostNeeded: number;
}

/** CSM capacity far beyond the most the accounts need; undefined when it is not, or no accounts. */
export function idleCsmCapacity(
  analysis: Analysis,
  capacity: CapacityResult,
): IdleCapacity | undefined {
  if (analysis.customers === 0) return undefined;
  const { policy } = analysis.org;
  let mostNeeded = 0;
  let available = capacity.unassignedFte;
  for (const segment of capacity.segments) {
    const ranges = policy.segments[segment.id];
    const byAccounts = segment.weightedAccounts / ranges.accountsPerCsm.min;
    const byArr = segment.arr / ranges.arrPerCsm.min;
    mostNeeded += Math.max(byAccounts, byArr) / analysis.offloadMultiplier;
    available += segment.csmFteAvailable;
  }
  const idle =
    available >= mostNeeded + IDLE_CAPACITY.surplusFte &&
    available >= mostNeeded * IDLE_CAPACITY.ratio;
  return idle ? { available, mostNeeded } : undefined;
}

/**
 * Idle CSMs whose accounts would not fill the CS Ops threshold even at the most generous
 * ratios: their number is no reason for CS Ops yet (the usual cause is founders or sales reps
 * listed as CSMs). A real team of 5+ busy CSMs is never in this case.
 */
export function csOpsWaitsForWork(idle: IdleCapacity | undefined, csOpsAtCsms: number): boolean {
  return idle !== undefined && idle.mostNeeded < csOpsAtCsms - 1;
}
