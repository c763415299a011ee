/** The planner's entry point: an Org in, a Plan (data only) out. */
import {
  type Analysis,
  analyse,
  type BookOwner,
  type PlacedAccount,
  type RampStatus,
} from './analysis.js';
import { type CapacityResult, computeCapacity } from './capacity.js';
import { findGaps, type Gap, orderGaps, timelineBackfills } from './gaps.js';
import type { Diagnostic, Org, RuleSetting, SegmentId } from './model.js';
import { buildOrgChart, type OrgChart } from './orgchart.js';
import { type GrowthProjection, PROJECTION_MONTHS, projectGrowth } from './projection.js';
import type { RoleId } from './roles.js';
import { runRules } from './rules/engine.js';
import type { StageResult } from './stage.js';
import type { StructureResult } from './structure.js';
import {
  buildTargetOrg,
  type HeadcountRow,
  idleWhileRuleOn,
  type LaterRole,
  type Redeployment,
  type TargetOrg,
  type TargetTeam,
} from './target/index.js';
import {
  DEFAULT_MONTHS,
  simulateTimeline,
  type Timeline,
  type TimelineOptions,
} from './timeline/index.js';

export interface Plan {
  company: Org['company'];
  /** The policy the plan was computed with (defaults merged with the file's overrides). */
  policy: Org['policy'];
  stage: StageResult;
  capacity: CapacityResult;
  /** The one model every view below is drawn from. */
  target: TargetOrg;
  teams: TargetTeam[];
  structure: StructureResult;
  chart: OrgChart;
  /** People moved between teams before any hire. */
  redeployments: Redeployment[];
  /** current / moved / hire / target per role and per CSM team. */
  headcount: HeadcountRow[];
  gaps: Gap[];
  /** Roles the target org does not need yet, with what will trigger them. */
  later: LaterRole[];
  findings: Diagnostic[];
  /** Headcount in the file by role, planned hires included. */
  team: {
    total: number;
    csms: number;
    /** CSMs whose start date is still ahead, and CSMs inside the ramp. */
    planned: number;
    ramping: number;
    /** People per role in file order of first appearance, planned hires included. */
    byRole: { role: RoleId; count: number }[];
  };
  /** Every account's segment and coverage, in input order. */
  placed: PlacedAccount[];
  /** One row per CSM and digital CSM, in file order. */
  books: BookSummary[];
  /** The plan in 12 months, when the file has `growth:` figures. */
  projection?: GrowthProjection;
  /**
   * The first 12 months of the hiring timeline, when the file has `growth:` figures: simulated
   * once for the projection, and reused by the reports for their answer and gap dates.
   */
  timeline?: Timeline;
}

export interface BookSummary {
  id: string;
  role: RoleId;
  segment: SegmentId | null;
  accounts: number;
  arr: number;
  /** Book size as a share of one full-time target book, per FTE (1 = a full book). */
  load: number;
  /** Share of the book's accounts that are red or yellow; null with no health data. */
  atRisk: number | null;
  status: RampStatus;
  tenureWeek: number | null;
  startDate: string | null;
  /** The last day of a CSM who is leaving (`leaving:`); null otherwise. */
  leaving: string | null;
  /** True once that day has come: the book has nobody. */
  left: boolean;
  /**
   * The pool a CSM serves with others: accounts without an owner in the CSM's pooled or digital
   * segment (or account groups of any segment), which no book lists but the team covers.
   */
  pool: { segment: SegmentId; accounts: number; arr: number } | null;
}

export interface PlanOptions {
  /** Command-line rule severities; they win over the file's `rules:`. */
  ruleOverrides?: Readonly<Record<string, RuleSetting>>;
  /** The org already analysed, with its capacity (the caller checked the plan's size). */
  analysed?: { analysis: Analysis; capacity: CapacityResult };
}

export function planOrg(org: Org, options: PlanOptions = {}): Plan {
  const analysis = options.analysed?.analysis ?? analyse(org);
  const capacity = options.analysed?.capacity ?? computeCapacity(analysis);
  const settings = { ...org.rules, ...(options.ruleOverrides ?? {}) };
  const idle = idleWhileRuleOn(analysis, capacity, settings);
  const target = buildTargetOrg({ analysis, capacity });
  const pools = poolsBySegment(analysis);
  const { stage } = target;
  const chart = buildOrgChart({ target, policy: org.policy, team: org.team });
  const timeline = org.growth ? simulateTimeline(org, { months: PROJECTION_MONTHS }) : undefined;
  const gaps = gapsBy(findGaps(target, org.policy), target.teams, timeline);
  const findings = runRules(
    { analysis, capacity, stage, teams: target.teams, idle, target },
    settings,
  );
  return {
    company: org.company,
    policy: org.policy,
    stage,
    capacity,
    target,
    teams: target.teams,
    structure: target.structure,
    chart,
    redeployments: target.redeployments,
    headcount: target.headcount,
    gaps,
    later: target.later,
    findings,
    team: {
      total: org.team.length,
      csms: analysis.bookOwners.length,
      planned: analysis.bookOwners.filter((o) => o.rampStatus === 'planned').length,
      ramping: analysis.bookOwners.filter((o) => o.rampStatus === 'ramping').length,
      byRole: countByRole(org),
    },
    placed: analysis.placed,
    books: analysis.bookOwners.map((owner) => bookSummary(owner, pools)),
    projection: timeline && projectGrowth(org, stage.id, timeline),
    timeline,
  };
}

/**
 * The plan's hiring gaps as the timeline opens them: in the order its reqs open, a backfill it
 * brings forward with its date and reason. `timeline` is the plan's own, or for a file without
 * growth the one the report simulates.
 */
export function gapsBy(gaps: Gap[], teams: readonly TargetTeam[], timeline?: Timeline): Gap[] {
  return orderGaps(timelineBackfills(gaps, timeline), teams, timeline);
}

/** The plan with its gaps dated by a timeline the report simulated apart (`gapsBy`). */
export function withTimelineGaps(plan: Plan, timeline: Timeline | undefined): Plan {
  if (!timeline || timeline === plan.timeline) return plan;
  return { ...plan, gaps: gapsBy(plan.gaps, plan.teams, timeline) };
}

/**
 * The plan's own timeline when it is the one `options` ask for: the same months, growth
 * multiplier, freeze and scenario (none). `csplan timeline` then shows it instead of simulating
 * the same months a second time; any other question gets undefined.
 */
export function planTimelineFor(plan: Plan, options: TimelineOptions): Timeline | undefined {
  const { timeline } = plan;
  if (!timeline) return undefined;
  const same =
    timeline.months === (options.months ?? DEFAULT_MONTHS) &&
    timeline.growthFactor === (options.growthFactor ?? 1) &&
    timeline.freezeUntil === (options.freezeUntil ?? null) &&
    timeline.scenario === (options.scenario ?? null);
  return same ? timeline : undefined;
}

function countByRole(org: Org): { role: RoleId; count: number }[] {
  const counts = new Map<RoleId, number>();
  for (const member of org.team) counts.set(member.role, (counts.get(member.role) ?? 0) + 1);
  return [...counts].map(([role, count]) => ({ role, count }));
}

type Pools = Map<SegmentId, { accounts: number; arr: number }>;

/** Unowned accounts a CSM assigned to their segment covers as a pool. */
function poolsBySegment(analysis: ReturnType<typeof analyse>): Pools {
  const pools: Pools = new Map();
  for (const p of analysis.placed) {
    if (p.account.owner !== undefined) continue;
    if (p.coverage === 'named' && !p.account.isGroup) continue;
    const pool = pools.get(p.segment) ?? { accounts: 0, arr: 0 };
    pool.accounts += p.account.count;
    pool.arr += p.account.arr * p.account.count;
    pools.set(p.segment, pool);
  }
  return pools;
}

function bookSummary(owner: BookOwner, pools: Pools): BookSummary {
  const segment = owner.member.segment;
  const pool = segment ? pools.get(segment) : undefined;
  let rated = 0;
  let risky = 0;
  for (const { account } of owner.accounts) {
    if (!account.health) continue;
    rated += account.count;
    if (account.health !== 'green') risky += account.count;
  }
  return {
    id: owner.member.id,
    role: owner.member.role,
    segment: owner.mainSegment ?? null,
    accounts: owner.accountCount,
    arr: owner.arr,
    load: owner.loadAtTarget / owner.member.fte,
    atRisk: rated > 0 ? risky / rated : null,
    status: owner.rampStatus,
    tenureWeek: owner.tenureWeek ?? null,
    startDate: owner.member.startDate ?? null,
    leaving: owner.member.leaving ?? null,
    left: owner.person.status === 'left',
    pool: segment && pool ? { segment, ...pool } : null,
  };
}
