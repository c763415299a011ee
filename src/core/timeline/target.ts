/**
 * The one place the timeline asks for the recommended org: every month it hands the grown org to
 * the planner's own target-org model (`planTarget`) and reads back the stage, the CSM teams (work
 * in FTE and capacity in seat) and the headcount every other role should have. The timeline
 * never decides what the recommendation does not.
 */
import { analyse } from '../analysis.js';
import { computeCapacity } from '../capacity.js';
import type { Org, SegmentId } from '../model.js';
import { BOOK_ROLES, type RoleId } from '../roles.js';
import type { StageResult } from '../stage.js';
import type { StructureModel } from '../structure.js';
import { type Backfill, buildTargetOrg } from '../target/index.js';
import { PLAYER_COACH_SHARE } from '../target/staffing.js';

export interface TimelineTeam {
  key: string;
  role: 'csm' | 'digital-csm';
  title: string;
  segments: SegmentId[];
  /** The segment with most of the team's work: where a new hire of the team is placed. */
  mainSegment: SegmentId;
  /** The accounts' region the team serves, when a tier is split by region. */
  region?: string;
  /** FTE of work at the policy's target ratios. */
  needed: number;
  arr: number;
  /**
   * Capacity of the team's people at the org's date by the capacity model: ramp counted, 0
   * before a start date and from a leave date on.
   */
  available: number;
  /** Each person's share of `available`: what the capacity model gives them on the date. */
  people: { id: string; capacity: number }[];
  /**
   * What the team's people carry on the date by the capacity model, whatever `asIfRamped` says:
   * a ramping CSM by the ramp share, a planned hire nothing before the start date.
   */
  carrying: number;
  /** Whole people the recommended org gives the team. */
  target: number;
}

export interface TimelineTarget {
  stage: StageResult;
  structure: StructureModel;
  teams: TimelineTeam[];
  /**
   * CSMs the target moves to another team this month, with the segment that places them there
   * (someone with no team is left out: the target places them again each month). `fromTeam`:
   * the person leaves a team, rather than having none yet.
   */
  moves: { id: string; segment: SegmentId; fromTeam: boolean }[];
  /** CSMs the target moves into a function (CS Ops, onboarding, renewals) instead of a hire. */
  roleMoves: { id: string; role: RoleId }[];
  /**
   * Every CSM with no team the target places in a team, with that team's main segment (`moves`
   * keeps only those placed for good): the month's rows show them where its plan counted them.
   */
  placed: { id: string; segment: SegmentId }[];
  /** The leavers' seats the target refills, with the team each backfill joins. */
  backfills: { team: TimelineTeam; backfill: Backfill }[];
  /** People every role without a book should have, leaders, managers and specialists. */
  roles: { role: RoleId; target: number; current: number; hire: number }[];
}

export interface TargetAtOptions {
  /** Leavers who keep their seat this month (see TargetInput). */
  seatedLeavers?: ReadonlySet<string>;
  /** Seated leavers a hire timed for their hand-over replaces (TargetInput). */
  timedLeavers?: ReadonlySet<string>;
  /** Growth of the work over the time to hire and ramp a CSM, for who can be spared (TargetInput). */
  sparingGrowth?: number;
  /** Share of each seat held back for departures, as the timeline hires (TargetInput). */
  heldBack?: number;
  /** Hires with no team since their team split, with its segments (TargetInput). */
  splitHires?: ReadonlyMap<string, readonly SegmentId[]>;
  /**
   * Count every CSM as fully ramped (their seat), for deciding hires: a hire still ramping is not
   * hired twice. Otherwise capacity is what each CSM carries at the org's date.
   */
  asIfRamped?: boolean;
}

export function targetAt(org: Org, options: TargetAtOptions = {}): TimelineTarget {
  const analysis = analyse(org);
  const capacity = computeCapacity(analysis);
  // Everything but asIfRamped is the target's own input (TargetInput).
  const { asIfRamped, ...input } = options;
  const target = buildTargetOrg({ analysis, capacity, ...input });
  const teams = target.teams.map((team): TimelineTeam => {
    let available = 0;
    let carrying = 0;
    const people: TimelineTeam['people'] = [];
    // Leavers carry their book until the leave date; the model gives them nothing after. Their
    // seat is no longer counted: a leaver keeps it only while in the team (a seated leaver).
    const leavers = new Set(team.leavers);
    for (const id of [...team.members, ...team.leavers]) {
      const owner = analysis.bookOwnerById.get(id);
      if (!owner) continue;
      // A member who leads others keeps a reduced book, as the target org counts them.
      const share = analysis.reportsOf.has(id) ? PLAYER_COACH_SHARE : 1;
      const seat = leavers.has(id) ? 0 : owner.person.seat;
      const capacity = (asIfRamped ? seat : owner.capacity) * share;
      available += capacity;
      carrying += owner.capacity * share;
      people.push({ id, capacity });
    }
    return {
      key: team.key,
      role: team.role,
      title: team.title,
      segments: team.segments,
      mainSegment: mainSegment(team.segments, capacity.segments),
      region: team.region,
      needed: team.needed,
      arr: team.arr,
      available,
      people,
      carrying,
      target: team.target,
    };
  });
  const teamByKey = new Map(teams.map((team) => [team.key, team]));
  const backfills = target.teams.flatMap((team, i) =>
    team.backfills.map((backfill) => ({ team: teams[i] as TimelineTeam, backfill })),
  );
  const moves = target.redeployments.flatMap((move) => {
    const team = teamByKey.get(move.to);
    // Someone with no team placed in a team of several segments keeps no pin: the target places
    // them again each month, so when the team splits they go where the work is short, not with
    // its largest segment.
    if (!team || (move.from === null && team.segments.length > 1)) return [];
    return [{ id: move.id, segment: team.mainSegment, fromTeam: move.from !== null }];
  });
  const roles = target.headcount
    .filter((row) => row.team === null && !BOOK_ROLES.has(row.role))
    // A CSM moved into a role fills the seat as someone in the file would: no req for it.
    .map((row) => ({
      role: row.role,
      target: row.target,
      current: row.current + row.redeployedIn,
      hire: row.hire,
    }));
  const roleMoves = target.roleMoves.map((move) => ({ id: move.id, role: move.role }));
  const placed = target.redeployments.flatMap((move) => {
    const team = teamByKey.get(move.to);
    return move.from === null && team ? [{ id: move.id, segment: team.mainSegment }] : [];
  });
  return {
    stage: target.stage,
    structure: target.structure.model,
    teams,
    roles,
    moves,
    roleMoves,
    placed,
    backfills,
  };
}

function mainSegment(
  segments: SegmentId[],
  rows: { id: SegmentId; csmFteNeeded: number }[],
): SegmentId {
  let best = segments[0] as SegmentId;
  let most = -1;
  for (const row of rows) {
    if (segments.includes(row.id) && row.csmFteNeeded > most) {
      most = row.csmFteNeeded;
      best = row.id;
    }
  }
  return best;
}
