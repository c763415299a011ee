/**
 * One model of the target org, from which every view of a plan is derived: the org chart draws
 * it, the hiring gaps are its hires, the headcount table is its arithmetic, the projection and
 * the timeline run it on a grown org, and a rebalance fills its teams.
 *
 * For every headcount row: target = current - leaving + redeployedIn - redeployedOut + hire.
 */
import { type Analysis, analyse, type PlacedAccount } from '../analysis.js';
import {
  type CapacityResult,
  computeCapacity,
  type IdleCapacity,
  idleCsmCapacity,
} from '../capacity.js';
import type { Org, RuleSetting, SegmentId } from '../model.js';
import type { Policy } from '../policy.js';
import { FUNCTION_HEADS, type RoleId } from '../roles.js';
import { csmCapacityIdle } from '../rules/books.js';
import { effectiveSeverity } from '../rules/engine.js';
import { cite } from '../sources.js';
import { detectStage, revenueAhead, type StageResult } from '../stage.js';
import { chooseStructure, STRUCTURE_THRESHOLDS, type StructureResult } from '../structure.js';
import { functionPicks, type RoleMove, redeployIntoRoles } from './functions.js';
import { waitsForSenior } from './hand-over.js';
import { functionalDirectors, type Leadership, planLeadership } from './leadership.js';
import {
  MIN_CSMS_TO_SEGMENT,
  servingTeams,
  type TeamNeed,
  teamNeeds,
  verticalNeeds,
  wholeCsms,
} from './needs.js';
import {
  placeSpecialists,
  type SpecialistSpot,
  specialistsUnderLeader,
  specialistsUnderManagers,
} from './placement.js';
import { type LaterRole, planSpecialists, type SpecialistSeat } from './specialists.js';
import {
  csmsNeeded,
  neededHeads,
  type Redeployment,
  staffTeams,
  type TargetTeam,
} from './staffing.js';

export type { RoleMove } from './functions.js';
export type { LeaderSeat, Leadership, ManagedGroup, ReportingLine } from './leadership.js';
export type { TeamNeed } from './needs.js';
export type { SpecialistSpot } from './placement.js';
export type { LaterRole, SpecialistSeat } from './specialists.js';
export type { Backfill, Redeployment, TargetTeam } from './staffing.js';

export interface HeadcountRow {
  role: RoleId;
  /** The CSM team's key for a team row; null for a role's total. */
  team: string | null;
  /** People in the file, planned hires and leavers included. */
  current: number;
  /** People in the file who are leaving (`leaving:`): not in the target. */
  leaving: number;
  redeployedIn: number;
  redeployedOut: number;
  /** Backfills, hires now and next. */
  hire: number;
  /** What the org chart shows. */
  target: number;
}

export interface TargetOrg {
  stage: StageResult;
  structure: StructureResult;
  teams: TargetTeam[];
  redeployments: Redeployment[];
  /** CSMs beyond the work moved into specialist seats instead of hires. */
  roleMoves: RoleMove[];
  /** For each of `roleMoves`, the CSMs who tied with them on all but the book (`RoleMoves.rivals`). */
  roleMoveRivals: Map<string, string[]>;
  /** CSMs no team needs: kept in the chart with a note, never dropped. */
  unplaced: { id: string; role: 'csm' | 'digital-csm' }[];
  /** CSMs who are leaving: in no team's target (see each team's `leavers` and `backfills`). */
  leavers: string[];
  leadership: Leadership;
  specialists: SpecialistSeat[];
  /** Where each specialist sits, the file's reporting lines kept. */
  spots: SpecialistSpot[];
  /** Directors of CS in the file who head a function rather than the CSM teams. */
  functionalDirectors: string[];
  later: LaterRole[];
  /** One row per CS role, then one per CSM team. */
  headcount: HeadcountRow[];
}

export interface TargetInput {
  analysis: Analysis;
  capacity: CapacityResult;
  /**
   * Leavers who keep their seat on the org's date: the timeline's months plan with a leaver
   * nobody replaces until their hand-over starts, as it plans with its hires. Without it the
   * target plans ahead: every leaver is out of the teams (see staffTeams).
   */
  seatedLeavers?: ReadonlySet<string>;
  /**
   * Seated leavers whose hand-over starts after a CSM hire opened on the plan date is ramped: a
   * hire timed for that day takes the seat, so until then a CSM with no team is placed as if they
   * stayed. Any other leaver is as good as gone there: a replacement would come late, so the free
   * CSM covers their team. Who can be spared still counts only the people staying.
   */
  timedLeavers?: ReadonlySet<string>;
  /**
   * Growth of the work over the time to hire and ramp a CSM (a factor, 1 = none) for deciding who
   * can be spared, where the caller knows it better than the file's `growth:`: the timeline's
   * months read it off their own series (their org has no `growth:`, the months are the growth).
   */
  sparingGrowth?: number;
  /**
   * Share of each CSM seat held back for departures when deciding who is short (the timeline's
   * attrition allowance, with which it hires); 0 when not given.
   */
  heldBack?: number;
  /**
   * Hires with no team since the team they were hired for split (the timeline's months), with
   * that team's segments: each joins only a team serving one of them, where the work is short.
   */
  splitHires?: ReadonlyMap<string, readonly SegmentId[]>;
}

/** How the CSM work is organised before any structure refinement. */
export type TeamMode = 'founder' | 'generalist' | 'segmented';

/**
 * Generalists early on; segmented teams once the work fills three CSMs, or at once when most of
 * the ARR sits in strategic and enterprise accounts and either revenue is ahead of the customer
 * count or the company is past the first-hire stage: a few large accounts want senior CSMs in
 * named teams, not a generalist (CS Operations Architect guide). Teams split by tier stay split
 * as the customer count catches up with revenue: generalist -> segmented as a company grows,
 * never back (CS org design guide).
 */
export function teamMode(
  stage: StageResult,
  analysis: Analysis,
  capacity: CapacityResult,
): TeamMode {
  if (stage.id === 'founding') return analysis.bookOwners.length > 0 ? 'generalist' : 'founder';
  const topShare = capacity.segments
    .filter((s) => s.id === 'strategic' || s.id === 'enterprise')
    .reduce((sum, s) => sum + s.arrShare, 0);
  const highAcv = topShare >= STRUCTURE_THRESHOLDS.highAcvShare;
  if (highAcv && (revenueAhead(stage) || stage.id !== 'first-hire')) return 'segmented';
  if (stage.id === 'first-hire') return 'generalist';
  const total = capacity.segments.reduce((sum, s) => sum + s.csmFteNeeded, 0);
  return wholeCsms(total) < MIN_CSMS_TO_SEGMENT ? 'generalist' : 'segmented';
}

export function buildTargetOrg({
  analysis,
  capacity,
  seatedLeavers,
  timedLeavers,
  sparingGrowth,
  heldBack,
  splitHires,
}: TargetInput): TargetOrg {
  const { org } = analysis;
  const stage = detectStage(Math.round(analysis.customers), analysis.totalArr, org.policy);
  const mode = teamMode(stage, analysis, capacity);
  const tiers: TeamNeed[] = teamNeeds(
    { stage: stage.id, analysis, capacity },
    mode === 'generalist',
  );
  // Worked out only when chooseStructure asks: most orgs need no industry teams, and the timeline
  // plans each month anew.
  let vertical: TeamNeed[] | undefined;
  const verticalTeams = () => {
    vertical = mode === 'segmented' ? verticalNeeds(tiers, analysis, capacity) : undefined;
    return vertical;
  };
  const structure = chooseStructure(stage, analysis, capacity, mode, tiers, verticalTeams);
  // A vertical structure draws teams by industry; every other structure keeps the tier teams.
  const needs = structure.model === 'vertical' && vertical ? vertical : tiers;
  // Staffs the teams, then moves CSMs beyond the work into the functions.
  const staffAndMove = (heldForFunctions?: ReadonlySet<string>) => {
    const staffed = staffTeams(needs, analysis, {
      seatedLeavers,
      timedLeavers,
      sparingGrowth,
      heldBack,
      splitHires,
      heldForFunctions,
    });
    const pods =
      structure.model === 'pod'
        ? staffed.teams
            .filter((t) => isPodTeam(t, org.policy))
            .reduce((sum, t) => sum + podsFor(t, org.policy), 0)
        : 0;
    const planned = planSpecialists({
      stage: stage.id,
      analysis,
      csmsNeeded: csmsNeeded(staffed.teams),
      pods,
    });
    const functional = functionalSeats(structure, planned, analysis);
    // CSMs beyond the work start the specialist functions before anyone is hired for them.
    const intoRoles = redeployIntoRoles(staffed, functional.seats, analysis);
    return { staffed, later: functional.later, intoRoles };
  };
  let run = staffAndMove();
  // Staffs again with `ids` held out of the team gaps, and keeps that run when the functions seat
  // every one of them (one left without a seat would sit in no team while a gap hires) and it is
  // `better` than the run so far.
  const holdFor = (ids: ReadonlySet<string>, better: (again: typeof run) => boolean) => {
    const again = staffAndMove(ids);
    const moved = new Set(again.intoRoles.moves.map((m) => m.id));
    if ([...ids].every((id) => moved.has(id)) && better(again)) run = again;
  };
  // A free CSM the function would pick goes there, not into a team's gap (`functionPicks`).
  const held = functionPicks(run.staffed, run.intoRoles.moves, analysis);
  if (held.size > 0) holdFor(held, () => true);
  // One who only ties with the function's pick on the file's facts, and wins on the book (none),
  // goes there too when that hands over fewer accounts and hires nobody more: the last plan may
  // have moved them into the function by their book, and a teamed CSM into the gap; taken into
  // the gap now, they made the next plan move another CSM into the function, and a second
  // rebalance hand over that book (regions property, seed 28). Otherwise they fill it as before.
  const tied = functionPicks(run.staffed, run.intoRoles.moves, analysis, true);
  if (tied.size > 0)
    holdFor(
      new Set([...held, ...tied]),
      (again) =>
        hiresOf(again) <= hiresOf(run) && handedOver(again, analysis) < handedOver(run, analysis),
    );
  const { staffed, later, intoRoles } = run;
  const { leavers } = staffed;
  const { teams, unplaced, seats, rivals } = intoRoles;
  const { moves, redeployments } = withHireWaits(
    intoRoles.moves,
    staffed.redeployments,
    analysis,
    teams,
    unplaced,
  );
  if (mode === 'founder' && teams.length === 0) {
    later.unshift({
      role: 'csm',
      count: 1,
      why: `at ${org.policy.stage.firstHireCustomers} customers, or once the named work reaches about half an FTE: the first CSM, a generalist; until then the founder owns CS ${cite('org-design-guide')}`,
    });
  }
  const spots = placeSpecialists(analysis, seats);
  const leadership = planLeadership({
    stage: stage.id,
    motion: org.company.motion,
    analysis,
    teams,
    unplaced: unplaced.length,
    specialists: specialistsUnderLeader(spots),
    underManagers: specialistsUnderManagers(spots, analysis),
  });
  return {
    stage,
    structure,
    teams,
    redeployments,
    roleMoves: moves,
    roleMoveRivals: rivals,
    unplaced,
    leavers,
    leadership,
    specialists: seats,
    spots,
    functionalDirectors: functionalDirectors(analysis).map((d) => d.id),
    later,
    headcount: headcountRows(analysis, teams, unplaced, leadership, seats, leavers, moves),
  };
}

/** The target org of an org file, from scratch: what the timeline runs month by month. */
/** Idle CSM capacity, measured only while the rule that reports it is on. */
export function idleWhileRuleOn(
  analysis: Analysis,
  capacity: CapacityResult,
  settings: Readonly<Record<string, RuleSetting>>,
): IdleCapacity | undefined {
  return effectiveSeverity(csmCapacityIdle.id, csmCapacityIdle.defaultSeverity, settings) === 'off'
    ? undefined
    : idleCsmCapacity(analysis, capacity);
}

export function planTarget(org: Org): TargetOrg {
  const analysis = analyse(org);
  return buildTargetOrg({ analysis, capacity: computeCapacity(analysis) });
}

/** Every hire a staffing run leaves: the CSM teams' and the specialist seats'. */
function hiresOf(run: {
  intoRoles: { teams: readonly TargetTeam[]; seats: readonly SpecialistSeat[] };
}): number {
  const teams = run.intoRoles.teams.reduce((sum, t) => sum + teamHires(t), 0);
  return teams + run.intoRoles.seats.reduce((sum, s) => sum + s.hire, 0);
}

/** Accounts a staffing run hands over: those of team moves, and whole books into the functions. */
function handedOver(
  run: {
    staffed: { redeployments: readonly Redeployment[] };
    intoRoles: { moves: readonly RoleMove[] };
  },
  analysis: Analysis,
): number {
  const teams = run.staffed.redeployments.reduce((sum, r) => sum + r.handsOver, 0);
  return run.intoRoles.moves.reduce(
    (sum, m) => sum + (analysis.bookOwnerById.get(m.id)?.accountCount ?? 0),
    teams,
  );
}

/** The functions a functional structure is made of; adoption is the CSM teams themselves. */
const FUNCTIONAL_TEAMS: { role: RoleId; why: string }[] = [
  {
    role: 'onboarding',
    why: `the functional structure (onboarding -> adoption -> renewals) starts with an onboarding team that owns time to first value ${cite('org-design-guide', 'cs-ops-architect')}`,
  },
  {
    role: 'renewals',
    why: `the functional structure (onboarding -> adoption -> renewals) ends with a renewals team, so adoption CSMs keep their time for usage and expansion ${cite('org-design-guide', 'cs-ops-architect')}`,
  },
];

/**
 * A functional structure has its onboarding and renewals teams: a seat for each function nobody
 * in the file does yet (its head counts), so the label is what the chart draws.
 */
function functionalSeats(
  structure: StructureResult,
  planned: { seats: SpecialistSeat[]; later: LaterRole[] },
  analysis: Analysis,
): { seats: SpecialistSeat[]; later: LaterRole[] } {
  if (structure.model !== 'functional') return planned;
  const seats = [...planned.seats];
  let later = planned.later;
  for (const { role, why } of FUNCTIONAL_TEAMS) {
    const head = FUNCTION_HEADS.get(role);
    if (analysis.org.team.some((m) => m.role === head)) continue;
    const index = seats.findIndex((s) => s.role === role);
    const seat = seats[index];
    if (seat && seat.target > 0) continue;
    const added: SpecialistSeat = {
      role,
      current: 0,
      wanted: 1,
      target: 1,
      hire: 1,
      priority: 'next',
      why,
      movedIn: [],
    };
    if (seat) seats[index] = added;
    else seats.push(added);
    later = later.filter((l) => l.role !== role);
  }
  return { seats, later };
}

/**
 * Pods a named team splits into: one per manager's span of the CSMs the work needs, so each
 * solutions engineer and support lead serves a manager-sized group of CSMs (csplan default; the
 * sources give no pod size).
 */
export function podsFor(team: TargetTeam, policy: Policy): number {
  return Math.max(1, Math.ceil(neededHeads(team) / policy.spanOfControl.managerMax));
}

/** A CSM team with named accounts: a pod at a pod structure (pooled and digital teams are not). */
export function isPodTeam(team: TargetTeam, policy: Policy): boolean {
  return team.role === 'csm' && team.segments.some((s) => policy.segments[s].coverage === 'named');
}

function headcountRows(
  analysis: Analysis,
  teams: TargetTeam[],
  unplaced: TargetOrg['unplaced'],
  leadership: Leadership,
  seats: SpecialistSeat[],
  leaving: string[],
  roleMoves: RoleMove[],
): HeadcountRow[] {
  const { org } = analysis;
  const leavers = new Set(leaving);
  const inFile = (role: RoleId) => org.team.filter((m) => m.role === role).length;
  const roleOf = new Map(org.team.map((m) => [m.id, m.role]));
  const rows: HeadcountRow[] = [];
  const row = (
    role: RoleId,
    current: number,
    hire: number,
    target: number,
    moved = { in: 0, out: 0 },
    leaving = 0,
  ) =>
    rows.push({
      role,
      team: null,
      current,
      leaving,
      redeployedIn: moved.in,
      redeployedOut: moved.out,
      hire,
      target,
    });

  // The CS leader's seat and the directors: a VP hired over a director keeps the director.
  const { leader, managers, directors } = leadership;
  for (const role of ['cco', 'vp-cs', 'director-cs'] as const) {
    const current = inFile(role);
    const leaderHire = leader?.hire && leader.role === role ? 1 : 0;
    let target = current + leaderHire;
    let hire = leaderHire;
    if (role === 'director-cs') {
      const directorHire = Math.max(0, directors.needed - directors.current);
      hire += directorHire;
      target += directorHire;
    }
    if (current > 0 || target > 0) row(role, current, hire, target);
  }
  const managerHire = Math.max(0, managers.needed - managers.current);
  if (managers.current > 0 || managerHire > 0)
    row('manager-cs', managers.current, managerHire, managers.current + managerHire);

  // CSM roles: a person changes role when redeployed (or placed) into a team of the other role.
  for (const role of ['csm', 'digital-csm'] as const) {
    const current = inFile(role);
    let moveIn = 0;
    let moveOut = 0;
    for (const team of teams)
      for (const id of team.members) {
        const was = roleOf.get(id);
        if (team.role === role && was !== role) moveIn += 1;
        if (team.role !== role && was === role) moveOut += 1;
      }
    const ofRole = teams.filter((t) => t.role === role);
    const hire = ofRole.reduce((sum, t) => sum + teamHires(t), 0);
    const target =
      ofRole.reduce((sum, t) => sum + t.target, 0) + unplaced.filter((u) => u.role === role).length;
    for (const move of roleMoves) if (roleOf.get(move.id) === role) moveOut += 1;
    const leaving = org.team.filter((m) => m.role === role && leavers.has(m.id)).length;
    if (current > 0 || target > 0)
      row(role, current, hire, target, { in: moveIn, out: moveOut }, leaving);
  }
  for (const seat of seats)
    row(seat.role, seat.current, seat.hire, seat.target, { in: seat.movedIn.length, out: 0 });
  // Roles the target org has no seat for (sales, executives) stay outside the CS headcount.
  for (const team of teams) {
    rows.push({
      role: team.role,
      team: team.key,
      current: team.current.length,
      leaving: team.leavers.length,
      redeployedIn: team.redeployedIn,
      redeployedOut: team.redeployedOut,
      hire: teamHires(team),
      target: team.target,
    });
  }
  return rows;
}

/** A team's hires of every kind: backfills, now and next. */
export function teamHires(team: TargetTeam): number {
  return team.backfills.length + team.hireNow + team.hireNext;
}

/** The moves, each with why it can only happen after a hire where the cheap test says so (`waitsForSenior`). */
function withHireWaits(
  moves: RoleMove[],
  redeployments: Redeployment[],
  analysis: Analysis,
  teams: readonly TargetTeam[],
  unplaced: readonly { id: string }[],
): { moves: RoleMove[]; redeployments: Redeployment[] } {
  const movers = new Set(moves.map((m) => m.id));
  const free = unplaced.map((u) => u.id);
  const waits = (id: string, handed: (p: PlacedAccount) => boolean) => {
    const why = waitsForSenior({ id, handed }, analysis, teams, free, movers);
    return why === undefined ? {} : { waitsForHire: why };
  };
  return {
    moves: moves.map((m) => ({ ...m, ...waits(m.id, () => true) })),
    redeployments: redeployments.map((r) => ({
      ...r,
      ...waits(
        r.id,
        (p) =>
          !servingTeams(teams, { segment: p.segment, industry: p.account.industry }).some(
            (t) => t.key === r.to,
          ),
      ),
    })),
  };
}
