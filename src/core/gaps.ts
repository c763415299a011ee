/**
 * Hiring gaps: the recommended org minus the team in the file (planned hires count as filled),
 * each with a priority and a one-line reason that names the rule it comes from.
 */
import type { Analysis } from './analysis.js';
import { csOpsWaitsForWork, type IdleCapacity } from './capacity.js';
import type { SegmentId, StageId } from './model.js';
import { formatFte, formatMoney, formatPct, plural } from './money.js';
import { type CsmTeam, leaderRole, type OrgChart, stageRoles, teamTitle } from './orgchart.js';
import { type RoleId, roleLabel, roleLabelPlural } from './roles.js';
import { STAGE_LABELS } from './stage.js';

export type Priority = 'now' | 'next' | 'later';

export interface Gap {
  role: RoleId;
  /** The segment a CSM gap is for; the first segment of a merged team; null for other roles. */
  segment: SegmentId | null;
  count: number;
  priority: Priority;
  reason: string;
  /** count x the policy's salary for the role, when the policy gives one. */
  cost?: number;
}

/** Plan to this share of capacity, not 100% (CSM workload studies, DOMAIN.md "Published figures"). */
export const UTILISATION_CEILING = 0.85;

/** Above this load a CSM gap is urgent ("now"); between the ceiling and this it is "next". */
export const OVERLOAD_NOW = 1.1;

const PRIORITY_ORDER: Record<Priority, number> = { now: 0, next: 1, later: 2 };

interface GapContext {
  stage: StageId;
  analysis: Analysis;
  teams: CsmTeam[];
  chart: OrgChart;
  /** FTE in the file with any of these roles, planned hires included. */
  headcount: (roles: RoleId[]) => number;
  /** CSMs who have started (ramping or ramped). */
  activeCsms: number;
  /** CSMs that count toward CS Ops: none while idle CSMs' work is no reason for it yet. */
  opsCsms: number;
}

export function findGaps(
  stage: StageId,
  analysis: Analysis,
  teams: CsmTeam[],
  chart: OrgChart,
  idle?: IdleCapacity,
): Gap[] {
  const { org } = analysis;
  const activeCsms = analysis.bookOwners.filter((o) => o.rampStatus !== 'planned').length;
  const context: GapContext = {
    stage,
    analysis,
    teams,
    chart,
    headcount: (roles) =>
      org.team.filter((m) => roles.includes(m.role)).reduce((sum, m) => sum + m.fte, 0),
    activeCsms,
    opsCsms: csOpsWaitsForWork(idle, org.policy.csOpsAtCsms) ? 0 : activeCsms,
  };
  const gaps = [
    ...csmGaps(context),
    ...leadershipGaps(context),
    ...opsGaps(context),
    ...stageRoleGaps(context),
  ];
  for (const gap of gaps) {
    const salary = org.policy.salaries[gap.role];
    if (salary !== undefined) gap.cost = salary * gap.count;
  }
  return gaps.sort((a, b) => PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority]);
}

/**
 * CSM teams. Needed FTE is rounded to the tenth shown in the report, so a team at 2.01 FTE
 * with two people is "at capacity", not "hire one more".
 */
function csmGaps({ stage, analysis, teams }: GapContext): Gap[] {
  const gaps: Gap[] = [];
  for (const team of teams) {
    const needed = Math.round(team.needed * 10) / 10;
    const missing = Math.ceil(needed - team.staffed - 1e-9);
    const segment = team.key === 'generalist' ? null : (team.segments[0] ?? null);
    const label = teamTitle(team);
    const load = team.staffed > 0 ? team.needed / team.staffed : Number.POSITIVE_INFINITY;
    if (missing > 0) {
      gaps.push({
        role: team.role,
        segment,
        count: missing,
        priority: team.staffed === 0 || load > OVERLOAD_NOW ? 'now' : 'next',
        reason:
          team.staffed === 0
            ? `${label}: ${formatFte(team.needed)} FTE of work and nobody assigned`
            : `${label}: ${formatFte(team.needed)} FTE needed, ${formatFte(team.staffed)} staffed (${formatPct(load)} of capacity); each CSM here looks after about ${formatMoney(team.arr / team.needed)} of ARR`,
      });
    } else if (team.staffed > 0 && load > UTILISATION_CEILING) {
      gaps.push({
        role: team.role,
        segment,
        count: 1,
        priority: 'next',
        reason: `${label}: at ${formatPct(load)} of capacity; plan to ${formatPct(UTILISATION_CEILING)} so CSMs keep proactive time`,
      });
    }
  }
  if (stage === 'founding' && analysis.bookOwners.length === 0) {
    gaps.push({
      role: 'csm',
      segment: null,
      count: 1,
      priority: 'later',
      reason: `first generalist CSM at ${analysis.org.policy.stage.firstHireCustomers} customers (seed 000); until then the founder owns CS`,
    });
  }
  return gaps;
}

/** The CS leader the stage calls for, and managers and directors for the chart's spans. */
function leadershipGaps({ stage, analysis, chart, headcount, activeCsms }: GapContext): Gap[] {
  const { org } = analysis;
  const gaps: Gap[] = [];
  // By stage, or a head of CS once the chart has one (5+ CSMs at first-hire).
  const leader =
    leaderRole(stage) ??
    (chart.root.children.some((node) => node.role === 'director-cs') ? 'director-cs' : undefined);
  if (leader) {
    const leaders = headcount([
      'cco',
      'vp-cs',
      ...(leader === 'director-cs' ? (['director-cs'] as RoleId[]) : []),
    ]);
    if (leaders === 0) {
      gaps.push({
        role: leader,
        segment: null,
        count: 1,
        priority:
          stage === 'scale' || activeCsms >= org.policy.spanOfControl.managerMin ? 'now' : 'next',
        reason:
          stage === 'scale'
            ? 'scale stage and no VP/CCO: CS leadership owns all post-sale (seed 000)'
            : `specialization stage and no head of CS: someone must own segments, playbooks and forecasting (seed 000)`,
      });
    }
  }

  // A director heading CS (no VP or CCO above) fills the leader's seat, not a manager's.
  const directorLeads = leader === 'director-cs' && headcount(['cco', 'vp-cs']) === 0;
  const leadersHave = Math.max(
    0,
    headcount(['manager-cs', 'director-cs']) - (directorLeads ? 1 : 0),
  );
  const leadersMissing = Math.ceil(chart.managers + chart.directors - leadersHave);
  if (leadersMissing > 0) {
    const { managerMin, managerMax } = org.policy.spanOfControl;
    const overSpan = org.team.some((m) => (analysis.reportsOf.get(m.id)?.length ?? 0) > managerMax);
    gaps.push({
      role: 'manager-cs',
      segment: null,
      count: leadersMissing,
      priority: overSpan ? 'now' : 'next',
      reason: `the recommended org has ${plural(chart.managers, 'CS manager')}${chart.directors > 0 ? ` and ${plural(chart.directors, 'director')}` : ''} for its CSM teams (${managerMin}-${managerMax} reports each, seed 000); the file has ${leadersHave}`,
    });
  }
  return gaps;
}

/** CS Ops people wanted: one before the fifth CSM whatever the stage, more if the stage says so. */
function opsWanted({ stage, teams, opsCsms, analysis }: GapContext): number {
  const rule = analysis.org.policy.csOpsAtCsms;
  const recommendedCsms = teams.reduce((total, team) => total + team.recommended, 0);
  const beforeCsms = opsCsms >= rule - 1 || recommendedCsms >= rule;
  return Math.max(beforeCsms ? 1 : 0, stageRoles(stage).get('cs-ops')?.count ?? 0);
}

function opsGaps(context: GapContext): Gap[] {
  const { stage, analysis, headcount, opsCsms } = context;
  const have = headcount(['cs-ops']);
  const wanted = opsWanted(context);
  if (wanted <= have) return [];
  const rule = analysis.org.policy.csOpsAtCsms;
  return [
    {
      role: 'cs-ops',
      segment: null,
      count: Math.ceil(wanted - have),
      priority: opsCsms >= rule && have === 0 ? 'now' : 'next',
      reason:
        have === 0 && opsCsms >= rule - 1
          ? `${opsCsms} CSMs and no CS Ops: CS Ops comes before ${rule}+ CSMs (seed 000, seed 004)`
          : (stageRoles(stage).get('cs-ops')?.why ??
            `CS Ops comes before ${rule}+ CSMs (seed 000)`),
    },
  ];
}

/** The stage's specialist roles; the next stage's are listed as "later" so nothing surprises. */
function stageRoleGaps(context: GapContext): Gap[] {
  const { stage, headcount } = context;
  const gaps: Gap[] = [];
  const stageNeeds = stageRoles(stage);
  for (const [role, entry] of stageNeeds) {
    if (role === 'cs-ops') continue;
    const have = headcount([role]);
    if (have >= entry.count) continue;
    gaps.push({
      role,
      segment: null,
      count: Math.ceil(entry.count - have),
      priority: stage === 'scale' && entry.from === 'specialization' ? 'now' : 'next',
      reason:
        have === 0
          ? `${STAGE_LABELS[stage]} stage and no ${roleLabel(role)}: ${entry.why}`
          : `${STAGE_LABELS[stage]} stage: ${entry.count} ${roleLabelPlural(role)} wanted, ${formatFte(have)} in the file: ${entry.why}`,
    });
  }
  const nextStage = (
    { founding: 'first-hire', 'first-hire': 'specialization', specialization: 'scale' } as const
  )[stage as Exclude<StageId, 'scale'>];
  if (!nextStage) return gaps;
  for (const [role, entry] of stageRoles(nextStage)) {
    if (stageNeeds.has(role) || headcount([role]) >= entry.count) continue;
    if (role === 'cs-ops' && opsWanted(context) > 0) continue;
    gaps.push({
      role,
      segment: null,
      count: entry.count,
      priority: 'later',
      reason: `at the ${STAGE_LABELS[nextStage]} stage: ${entry.why}`,
    });
  }
  return gaps;
}
