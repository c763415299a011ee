/**
 * One model of the target org, from which every view of a plan is derived: the org chart draws
 * it, the hiring gaps are its hires, the headcount table is its arithmetic, the projection and
 * the timeline run it on a grown org, and a rebalance fills its teams.
 *
 * For every headcount row: target = current - leaving + redeployedIn - redeployedOut + hire.
 */
import { type Analysis, analyse } from '../analysis.js';
import {
  type CapacityResult,
  computeCapacity,
  type IdleCapacity,
  idleCsmCapacity,
} from '../capacity.js';
import type { Org, RuleSetting } from '../model.js';
import type { RoleId } from '../roles.js';
import { csmCapacityIdle } from '../rules/books.js';
import { effectiveSeverity } from '../rules/engine.js';
import { cite } from '../sources.js';
import { detectStage, type StageResult } from '../stage.js';
import { chooseStructure, type StructureResult } from '../structure.js';
import { type Leadership, planLeadership } from './leadership.js';
import { MIN_CSMS_TO_SEGMENT, type TeamNeed, teamNeeds, wholeCsms } from './needs.js';
import { type LaterRole, planSpecialists, type SpecialistSeat } from './specialists.js';
import { type Redeployment, staffTeams, type TargetTeam } from './staffing.js';

export type { LeaderSeat, Leadership, ManagedGroup, ReportingLine } from './leadership.js';
export type { TeamNeed } from './needs.js';
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
  /** CSMs no team needs: kept in the chart with a note, never dropped. */
  unplaced: { id: string; role: 'csm' | 'digital-csm' }[];
  /** CSMs who are leaving: in no team's target (see each team's `leavers` and `backfills`). */
  leavers: string[];
  leadership: Leadership;
  specialists: SpecialistSeat[];
  later: LaterRole[];
  /** One row per CS role, then one per CSM team. */
  headcount: HeadcountRow[];
}

export interface TargetInput {
  analysis: Analysis;
  capacity: CapacityResult;
  /** Set when CSM capacity is far beyond the work (see csm-capacity-idle). */
  idle?: IdleCapacity;
}

/** How the CSM work is organised before any structure refinement. */
export type TeamMode = 'founder' | 'generalist' | 'segmented';

export function teamMode(
  stage: StageResult['id'],
  analysis: Analysis,
  capacity: CapacityResult,
): TeamMode {
  if (stage === 'founding') return analysis.bookOwners.length > 0 ? 'generalist' : 'founder';
  if (stage === 'first-hire') return 'generalist';
  const total = capacity.segments.reduce((sum, s) => sum + s.csmFteNeeded, 0);
  return wholeCsms(total) < MIN_CSMS_TO_SEGMENT ? 'generalist' : 'segmented';
}

export function buildTargetOrg({ analysis, capacity, idle }: TargetInput): TargetOrg {
  const { org } = analysis;
  const stage = detectStage(Math.round(analysis.customers), analysis.totalArr, org.policy);
  const mode = teamMode(stage.id, analysis, capacity);
  const needs: TeamNeed[] = teamNeeds(
    { stage: stage.id, analysis, capacity },
    mode === 'generalist',
  );
  const structure = chooseStructure(stage, analysis, capacity, mode, needs);
  const { teams, redeployments, unplaced, leavers } = staffTeams(needs, analysis);
  const csmHeads = teams.reduce((sum, t) => sum + t.target, 0) + unplaced.length;
  const pods =
    structure.model === 'pod'
      ? teams.filter((t) => t.role === 'csm' && isNamed(t, analysis)).length
      : 0;
  const { seats, later } = planSpecialists({ stage: stage.id, analysis, csmHeads, pods, idle });
  if (mode === 'founder' && teams.length === 0) {
    later.unshift({
      role: 'csm',
      count: 1,
      why: `at ${org.policy.stage.firstHireCustomers} customers, or once the named work reaches about half an FTE: the first CSM, a generalist; until then the founder owns CS ${cite('org-design-guide')}`,
    });
  }
  const specialistHeads = seats.reduce((sum, s) => sum + s.target, 0);
  const leadership = planLeadership({
    stage: stage.id,
    motion: org.company.motion,
    analysis,
    teams,
    unplaced: unplaced.length,
    specialists: specialistHeads,
  });
  return {
    stage,
    structure,
    teams,
    redeployments,
    unplaced,
    leavers,
    leadership,
    specialists: seats,
    later,
    headcount: headcountRows(analysis, teams, unplaced, leadership, seats, leavers),
  };
}

/** The target org of an org file, from scratch: what the timeline runs month by month. */
/** Idle CSMs hold back the CS Ops advice only while the rule that says why is on. */
export function idleWhileRuleOn(
  analysis: Analysis,
  capacity: CapacityResult,
  settings: Readonly<Record<string, RuleSetting>>,
): IdleCapacity | undefined {
  return effectiveSeverity(csmCapacityIdle.id, csmCapacityIdle.defaultSeverity, settings) === 'off'
    ? undefined
    : idleCsmCapacity(analysis, capacity);
}

export function planTarget(org: Org, idle?: IdleCapacity): TargetOrg {
  const analysis = analyse(org);
  return buildTargetOrg({ analysis, capacity: computeCapacity(analysis), idle });
}

function isNamed(team: TargetTeam, analysis: Analysis): boolean {
  return team.segments.some((s) => analysis.org.policy.segments[s].coverage === 'named');
}

function headcountRows(
  analysis: Analysis,
  teams: TargetTeam[],
  unplaced: TargetOrg['unplaced'],
  leadership: Leadership,
  seats: SpecialistSeat[],
  leaving: string[],
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
    const leaving = org.team.filter((m) => m.role === role && leavers.has(m.id)).length;
    if (current > 0 || target > 0)
      row(role, current, hire, target, { in: moveIn, out: moveOut }, leaving);
  }
  for (const seat of seats) row(seat.role, seat.current, seat.hire, seat.target);
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
