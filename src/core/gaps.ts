/**
 * Hiring gaps: the recommended org minus the team in the file (planned hires count as filled),
 * each with a priority and a one-line reason that names the rule it comes from.
 */
import type { Analysis } from './analysis.js';
import { formatFte, formatPct } from './money.js';
import type { SegmentId, StageId } from './model.js';
import { type CsmTeam, leaderRole, type OrgChart, stageRoles, teamTitle } from './orgchart.js';
import { type RoleId, roleLabel } from './roles.js';

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

const PRIORITY_ORDER: Record<Priority, number> = { now: 0, next: 1, later: 2 };

export function findGaps(
  stage: StageId,
  analysis: Analysis,
  teams: CsmTeam[],
  chart: OrgChart,
): Gap[] {
  const { org } = analysis;
  const gaps: Gap[] = [];
  const headcount = (roles: RoleId[]) =>
    org.team.filter((m) => roles.includes(m.role)).reduce((sum, m) => sum + m.fte, 0);
  const activeCsms = analysis.bookOwners.filter((o) => o.rampStatus !== 'planned').length;

  // CSM teams.
  for (const team of teams) {
    const missing = Math.ceil(team.needed - team.staffed - 1e-9);
    const segment = team.key === 'generalist' ? null : (team.segments[0] ?? null);
    const label = teamTitle(team);
    if (missing > 0) {
      const first = team.staffed === 0;
      gaps.push({
        role: team.role,
        segment,
        count: missing,
        priority: 'now',
        reason: first
          ? `${label}: ${formatFte(team.needed)} FTE of work and nobody assigned`
          : `${label}: ${formatFte(team.needed)} FTE needed, ${formatFte(team.staffed)} staffed (${formatPct(team.needed / team.staffed)} of capacity)`,
      });
    } else if (team.staffed > 0 && team.needed / team.staffed > UTILISATION_CEILING) {
      gaps.push({
        role: team.role,
        segment,
        count: 1,
        priority: 'next',
        reason: `${label}: at ${formatPct(team.needed / team.staffed)} of capacity; plan to ${formatPct(UTILISATION_CEILING)} so CSMs keep proactive time`,
      });
    }
  }
  if (stage === 'founding') {
    gaps.push({
      role: 'csm',
      segment: null,
      count: 1,
      priority: 'later',
      reason: `first generalist CSM at ${org.policy.stage.firstHireCustomers} customers (seed 000); until then the founder owns CS`,
    });
  }

  // The CS leader.
  const leader = leaderRole(stage);
  if (leader) {
    const leaders = headcount(['cco', 'vp-cs', ...(leader === 'director-cs' ? (['director-cs'] as RoleId[]) : [])]);
    if (leaders === 0) {
      gaps.push({
        role: leader,
        segment: null,
        count: 1,
        priority: stage === 'scale' || activeCsms >= org.policy.spanOfControl.managerMin ? 'now' : 'next',
        reason:
          stage === 'scale'
            ? 'scale stage and no VP/CCO: CS leadership owns all post-sale (seed 000)'
            : `specialization stage and no head of CS: someone must own segments, playbooks and forecasting (seed 000)`,
      });
    }
  }

  // Managers beyond what the file has.
  const managersHave = org.team.filter((m) => m.role === 'manager-cs').reduce((s, m) => s + m.fte, 0);
  const managersNeeded = chart.managers - managersHave;
  if (managersNeeded > 0) {
    const overSpan = org.team.some(
      (m) => (analysis.reportsOf.get(m.id)?.length ?? 0) > org.policy.spanOfControl.managerMax,
    );
    gaps.push({
      role: 'manager-cs',
      segment: null,
      count: Math.ceil(managersNeeded),
      priority: overSpan ? 'now' : 'next',
      reason: `teams of ${org.policy.spanOfControl.managerMin}+ CSMs need a manager for every ${org.policy.spanOfControl.managerMax} (span of control, seed 000)`,
    });
  }
  const directorsHave = headcount(['director-cs']);
  if (chart.directors > directorsHave && stage === 'scale') {
    gaps.push({
      role: 'director-cs',
      segment: null,
      count: Math.ceil(chart.directors - directorsHave),
      priority: 'next',
      reason: `${chart.managers} managers need a director for every ${org.policy.spanOfControl.directorMax} (seed 000)`,
    });
  }

  // CS Ops: before the fifth CSM, whatever the stage.
  const opsHave = headcount(['cs-ops']);
  const opsRule = org.policy.csOpsAtCsms;
  const stageNeeds = stageRoles(stage);
  const opsWanted = Math.max(activeCsms >= opsRule - 1 ? 1 : 0, stageNeeds.get('cs-ops')?.count ?? 0);
  if (opsWanted > opsHave) {
    gaps.push({
      role: 'cs-ops',
      segment: null,
      count: Math.ceil(opsWanted - opsHave),
      priority: activeCsms >= opsRule && opsHave === 0 ? 'now' : 'next',
      reason:
        opsHave === 0 && activeCsms > 0
          ? `${activeCsms} CSMs and no CS Ops: CS Ops comes before ${opsRule}+ CSMs (seed 000, seed 004)`
          : (stageNeeds.get('cs-ops')?.why ?? `CS Ops comes before ${opsRule}+ CSMs (seed 000)`),
    });
  }

  // Other stage roles; the next stage's roles are listed as "later" so nothing surprises.
  for (const [role, entry] of stageNeeds) {
    if (role === 'cs-ops') continue;
    const have = headcount([role]);
    if (have >= entry.count) continue;
    gaps.push({
      role,
      segment: null,
      count: Math.ceil(entry.count - have),
      priority: stage === 'scale' && entry.from === 'specialization' ? 'now' : 'next',
      reason: `${stage} stage and no ${roleLabel(role).toLowerCase()}: ${entry.why}`,
    });
  }
  const nextStage = ({ founding: 'first-hire', 'first-hire': 'specialization', specialization: 'scale' } as const)[
    stage as Exclude<StageId, 'scale'>
  ];
  if (nextStage) {
    for (const [role, entry] of stageRoles(nextStage)) {
      if (stageNeeds.has(role) || headcount([role]) >= entry.count) continue;
      if (role === 'cs-ops' && opsWanted > 0) continue;
      gaps.push({
        role,
        segment: null,
        count: entry.count,
        priority: 'later',
        reason: `when you reach the ${nextStage} stage: ${entry.why}`,
      });
    }
  }

  const salaries = org.policy.salaries;
  for (const gap of gaps) {
    const salary = salaries[gap.role];
    if (salary !== undefined) gap.cost = salary * gap.count;
  }
  return gaps.sort((a, b) => PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority]);
}
