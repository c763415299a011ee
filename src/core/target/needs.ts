/**
 * The CSM work the target org must cover, grouped into the teams the structure calls for: one
 * generalist team early on, one team per segment (small segments joined to a neighbour) later,
 * and at a founder-led company with a few large accounts one senior CSM for the top accounts.
 */
import type { Analysis } from '../analysis.js';
import type { CapacityResult, SegmentCapacity } from '../capacity.js';
import type { SegmentId, StageId } from '../model.js';
import { SEGMENT_IDS } from '../model.js';
import { rampEndWeek } from '../people.js';
import type { Policy } from '../policy.js';
import { detectStage } from '../stage.js';
import { growthOver } from '../timeline/grow.js';

/** Segments needing less than this much CSM time share a team with a neighbouring segment. */
export const MIN_TEAM_FTE = 0.5;

/**
 * Named work at a founder-led company above which the top accounts get a senior CSM: about half
 * an FTE is more than founders can carry beside their own jobs (csplan default).
 */
export const TOP_ACCOUNTS_FTE = 0.5;

/** Below this many CSMs in all, a company at a later stage still runs one generalist team. */
export const MIN_CSMS_TO_SEGMENT = 3;

/** Days from opening a req to a productive hire: 45-60 days to hire (common practice) plus the ramp. */
export const HIRING_LEAD_DAYS = 60;

export type TeamKind = 'generalist' | 'segment' | 'top-accounts';

export interface TeamNeed {
  /** Stable id: 'generalist', 'top-accounts', or the segments joined by '+'. */
  key: string;
  kind: TeamKind;
  role: 'csm' | 'digital-csm';
  segments: SegmentId[];
  accounts: number;
  arr: number;
  /** FTE of work at the policy's target ratios (the middle of each published range). */
  needed: number;
  /** FTE at the ends of the published ranges: the most accounts per CSM, and the fewest. */
  range: { fewest: number; most: number };
  /** FTE of work when a req opened today would be productive, given the file's growth. */
  neededSoon: number;
  /**
   * Set on the first CSM team of a founder-led company whose growth reaches the first-hire stage
   * within the hiring lead time: no hire today, the first CSM is a `next` hire.
   */
  firstHireBy?: { customers: number; arr: number };
}

/** FTE for one segment at the given ratio end. */
function segmentFte(
  s: SegmentCapacity,
  policy: Policy,
  end: 'min' | 'max' | 'target',
  offload: number,
): number {
  const ranges = policy.segments[s.id];
  if (s.accounts === 0) return 0;
  return (
    Math.max(s.weightedAccounts / ranges.accountsPerCsm[end], s.arr / ranges.arrPerCsm[end]) /
    offload
  );
}

/**
 * How much the work grows over `days`: the larger of customer and ARR growth, from the same
 * growth series `csplan timeline` runs, never below 1.
 */
export function growthFactor(growth: { customers: number; arr: number }): number {
  return Math.max(1, growth.customers, growth.arr);
}

/** Days from a req to a fully productive CSM: hiring plus the ramp schedule. */
export function leadDays(policy: Policy): number {
  return HIRING_LEAD_DAYS + rampEndWeek(policy) * 7;
}

export interface NeedsInput {
  stage: StageId;
  analysis: Analysis;
  capacity: CapacityResult;
}

/** Named-coverage work in FTE: what a founder carries personally until a CSM takes it. */
export function namedWork({ analysis, capacity }: Omit<NeedsInput, 'stage'>): number {
  const { policy } = analysis.org;
  return capacity.segments
    .filter((s) => s.coverage === 'named')
    .reduce((sum, s) => sum + segmentFte(s, policy, 'target', analysis.offloadMultiplier), 0);
}

export function teamNeeds(input: NeedsInput, generalist: boolean): TeamNeed[] {
  const { stage, analysis, capacity } = input;
  const { policy } = analysis.org;
  const offload = analysis.offloadMultiplier;
  const grown = growthOver(analysis.org, leadDays(policy));
  const soon = growthFactor(grown);
  const rows = capacity.segments.filter((s) => s.accounts > 0);
  const build = (key: string, kind: TeamKind, group: SegmentCapacity[]): TeamNeed => {
    const fte = (end: 'min' | 'max' | 'target') =>
      group.reduce((sum, s) => sum + segmentFte(s, policy, end, offload), 0);
    const needed = fte('target');
    const digitalOnly = group.every((s) => s.coverage === 'digital');
    return {
      key,
      kind,
      role: digitalOnly && kind === 'segment' ? 'digital-csm' : 'csm',
      segments: group
        .map((s) => s.id)
        .sort((a, b) => SEGMENT_IDS.indexOf(a) - SEGMENT_IDS.indexOf(b)),
      accounts: group.reduce((sum, s) => sum + s.accounts, 0),
      arr: group.reduce((sum, s) => sum + s.arr, 0),
      needed,
      range: { fewest: fte('max'), most: fte('min') },
      neededSoon: needed * soon,
    };
  };

  // CSMs with no accounts yet still form the one team they will work in.
  if (rows.length === 0) return generalist ? [build('generalist', 'generalist', [])] : [];

  if (stage === 'founding' && !generalist) {
    // The founder covers everything; only a book of large accounts justifies a senior CSM.
    const named = rows.filter((s) => s.coverage === 'named');
    if (named.length > 0 && namedWork(input) >= TOP_ACCOUNTS_FTE)
      return [build('top-accounts', 'top-accounts', named)];
    // Growth that reaches the first-hire stage before a req opened today would be productive
    // makes the first CSM a hire to open now, for then.
    const customers = analysis.customers * grown.customers;
    const arr = analysis.totalArr * grown.arr;
    if (detectStage(customers, arr, policy).id === 'founding') return [];
    return [{ ...build('generalist', 'generalist', rows), firstHireBy: { customers, arr } }];
  }
  if (generalist) return [build('generalist', 'generalist', rows)];

  // Merge small segments into their neighbour so nobody is hired for a tenth of a book.
  const groups: SegmentCapacity[][] = rows.map((row) => [row]);
  const work = (g: SegmentCapacity[]) =>
    g.reduce((sum, s) => sum + segmentFte(s, policy, 'target', offload), 0);
  for (;;) {
    const index = groups.findIndex((g) => work(g) < MIN_TEAM_FTE);
    if (index === -1 || groups.length === 1) break;
    const target = index > 0 ? index - 1 : index + 1;
    const [small] = groups.splice(index, 1);
    const into = groups[target > index ? target - 1 : target];
    if (small && into) into.push(...small);
  }
  return groups.map((group) => {
    const need = build('', 'segment', group);
    return { ...need, key: need.segments.join('+') };
  });
}

/** Whole CSMs the work calls for when nobody is there yet: at least one for a team that exists. */
export function wholeCsms(needed: number): number {
  return Math.max(1, Math.ceil(Math.round(needed * 10) / 10 - 1e-9));
}
