/**
 * Hiring gaps: the target org's hires, after redeployment, one per team or role, each with a
 * priority and a reason that names its source. Decides nothing the target org has not decided.
 */

import type { SegmentId } from './model.js';
import { formatFte, formatMoney, formatPct, plural } from './money.js';
import { hiringLeadDays, rampEndWeek } from './people.js';
import type { Policy } from './policy.js';
import { type RoleId, rankIn, roleLabel, SAME_DAY_ORDER } from './roles.js';
import { segmentTitle } from './segments.js';
import { cite } from './sources.js';
import type { Backfill, TargetOrg, TargetTeam } from './target/index.js';
import { leadDays } from './target/needs.js';
import { industryLabel } from './target/staffing.js';
import { maxDate } from './timeline/calendar.js';
import type { Timeline } from './timeline/index.js';

export type Priority = 'now' | 'next';

export interface Gap {
  role: RoleId;
  /** The job to post: for a CSM, its seniority, segment and team ("Senior CSM, Strategic"). */
  title: string;
  /** The first segment of the team a CSM gap is for; null for other roles and generalists. */
  segment: SegmentId | null;
  /** The CSM team's key, for a CSM gap. */
  team: string | null;
  count: number;
  priority: Priority;
  reason: string;
  /** The team's need in FTE at the ends of the published ranges and at target, for a CSM gap. */
  fte?: { fewest: number; target: number; most: number };
  /** count x the policy's salary for the role, when the policy gives one. */
  cost?: number;
  /** Set on a backfill: the leaver whose seat it refills and when its req must open. */
  backfill?: { for: string; leaving: string; openBy: string; late: boolean };
}

const PRIORITY_ORDER: Record<Priority, number> = { now: 0, next: 1 };

/** "6-13 FTE by the published ranges, 8 at target" */
export function rangeText(fte: { fewest: number; target: number; most: number }): string {
  return `${formatFte(fte.fewest)}-${formatFte(fte.most)} FTE by the published ranges, ${formatFte(fte.target)} at target`;
}

export function findGaps(target: TargetOrg, policy: Policy): Gap[] {
  const gaps: Gap[] = [...teamGaps(target, policy), ...leadershipGaps(target, policy)];
  for (const seat of target.specialists) {
    if (seat.hire <= 0) continue;
    gaps.push({
      role: seat.role,
      title: roleLabel(seat.role),
      segment: null,
      team: null,
      count: seat.hire,
      priority: seat.priority,
      reason: seat.why,
    });
  }
  for (const gap of gaps) {
    const salary = policy.salaries[gap.role];
    if (salary !== undefined) gap.cost = salary * gap.count;
  }
  return orderGaps(gaps, target.teams);
}

/**
 * Gaps in the order their reqs open, as the timeline opens them: by the timeline's date where it
 * dates the gap, else now before next; on the same day a backfill first, then SAME_DAY_ORDER.
 */
export function orderGaps(gaps: Gap[], teams: readonly TargetTeam[], timeline?: Timeline): Gap[] {
  const opens = (gap: Gap): string => {
    const hire = timeline && timelineHire(gap, teams, timeline);
    if (hire && timeline) return maxDate(hire.openBy, timeline.asOf);
    return gap.priority === 'now' ? '' : `~${PRIORITY_ORDER[gap.priority]}`;
  };
  return gaps
    .map((gap, index) => ({ gap, index, opens: opens(gap) }))
    .sort(
      (a, b) =>
        a.opens.localeCompare(b.opens) ||
        Number(b.gap.backfill !== undefined) - Number(a.gap.backfill !== undefined) ||
        rankIn(SAME_DAY_ORDER, a.gap.role) - rankIn(SAME_DAY_ORDER, b.gap.role) ||
        a.index - b.index,
    )
    .map(({ gap }) => gap);
}

/**
 * A backfill the timeline brings forward, because its team is short before the hand-over starts,
 * opens when the timeline opens it: the gap takes the timeline's date and reason, so it does not
 * say "open by April" in a row the timeline marks late.
 */
export function timelineBackfills(gaps: Gap[], timeline?: Timeline): Gap[] {
  if (!timeline) return gaps;
  return gaps.map((gap) => {
    const backfill = gap.backfill;
    const hire = backfill && timeline.hires.find((h) => h.backfillFor === backfill.for);
    if (!backfill || !hire || hire.idealOpenBy >= backfill.openBy) return gap;
    const late = hire.delay === 'late';
    return {
      ...gap,
      priority: late ? 'now' : gap.priority,
      reason: hire.reason,
      backfill: { ...backfill, openBy: hire.idealOpenBy, late },
    };
  });
}

function teamGaps(target: TargetOrg, policy: Policy): Gap[] {
  const gaps: Gap[] = [];
  for (const team of target.teams) {
    const fte = { fewest: team.range.fewest, target: team.needed, most: team.range.most };
    const base = {
      role: team.role,
      title: csmHireTitle(team),
      segment: team.kind === 'segment' ? (team.segments[0] ?? null) : null,
      team: team.key,
      fte,
    };
    for (const b of team.backfills) {
      gaps.push({
        ...base,
        count: 1,
        // A req whose date has passed is for today; otherwise it waits for its date.
        priority: b.late ? 'now' : 'next',
        reason: backfillReason(b, team, policy),
        backfill: { for: b.for, leaving: b.leaving, openBy: b.openBy, late: b.late },
      });
    }
    if (team.hireNow > 0)
      gaps.push({ ...base, count: team.hireNow, priority: 'now', reason: nowReason(team) });
    if (team.hireNext > 0)
      gaps.push({
        ...base,
        count: team.hireNext,
        priority: 'next',
        reason: nextReason(team, policy),
      });
  }
  return gaps;
}

/**
 * A CSM hire's job title: strategic and enterprise accounts go to senior CSMs (CS Operations
 * Architect guide), digital CSMs run programs, and every title names the segments of its team.
 */
export function csmHireTitle(
  team: Pick<TargetTeam, 'kind' | 'role' | 'segments' | 'region' | 'industry' | 'otherIndustries'>,
): string {
  const senior = team.segments.some((s) => s === 'strategic' || s === 'enterprise');
  const job = team.role === 'digital-csm' ? 'Digital CSM' : senior ? 'Senior CSM' : 'CSM';
  if (team.kind === 'generalist') return `${job}, all segments (generalist)`;
  if (team.kind === 'top-accounts') return `${job}, top accounts`;
  const segments = team.segments.map(segmentTitle).join(' + ');
  const where = team.region ? `${team.region} ` : '';
  if (team.industry !== undefined) return `${job}, ${where}${industryLabel(team)} (${segments})`;
  return `${job}, ${where}${segments}`;
}

function perCsm(team: TargetTeam): string {
  return team.needed > 0
    ? `; each CSM here looks after about ${formatMoney(team.arr / team.needed)} of ARR ${cite('team-structure-guide')}`
    : '';
}

function nowReason(team: TargetTeam): string {
  if (team.kind === 'top-accounts')
    return `${team.title}: the top accounts carry ${formatFte(team.needed)} FTE of named work that only founders cover today ${cite('org-design-guide')}`;
  if (team.staffedFte === 0)
    return `${team.title}: ${formatFte(team.needed)} FTE of work and nobody covers it${perCsm(team)}`;
  const moved = team.redeployedIn > 0 ? ' after the moves above' : '';
  return `${team.title}: ${formatFte(team.needed)} FTE of work, ${formatFte(team.staffedFte)} staffed${moved} (${formatPct(team.load ?? 0)} of target)${perCsm(team)}`;
}

/** "backfill for ella, leaving 2027-02-12: open by 2026-10-19 (late): ..." */
function backfillReason(b: Backfill, team: TargetTeam, policy: Policy): string {
  const timing = `${hiringLeadDays(policy, team.role)} days of hiring and the ${rampEndWeek(policy)}-week ramp`;
  const when = b.late
    ? `open by ${b.openBy} (late): open it now; ${timing} put the hire past the leave date`
    : `open by ${b.openBy}: ${timing} have the hire (starting ${b.start}) carrying a full book on the leave date`;
  return `backfill for ${b.for}, leaving ${b.leaving}: ${when}; without ${b.for}, ${team.title} have ${formatFte(team.staffedFte)} FTE for ${formatFte(team.needed)} FTE of work ${cite('org-design-guide', 'common-practice')}`;
}

function nextReason(team: TargetTeam, policy: Policy): string {
  const days = leadDays(policy);
  if (team.firstHireBy)
    return `the first CSM: the file's growth brings ${plural(Math.round(team.firstHireBy.customers), 'customer')} and ${formatMoney(team.firstHireBy.arr)} ARR, the first-hire stage, within the ${days} days it takes to hire and ramp a CSM ${cite('org-design-guide', 'common-practice')}`;
  const now = team.load === null ? 'nobody today' : `${formatPct(team.load)} of target today`;
  return `${team.title}: ${now}, ${formatFte(team.neededSoon)} FTE of work in ${days} days at the file's growth, the time to hire and ramp a CSM ${cite('org-design-guide', 'common-practice')}`;
}

function leadershipGaps(target: TargetOrg, policy: Policy): Gap[] {
  const { leader, managers, directors, groups, overSpan } = target.leadership;
  const { managerMin, managerMax, directorMin, directorMax } = policy.spanOfControl;
  const gaps: Gap[] = [];
  if (leader?.hire)
    gaps.push({
      role: leader.role,
      title: roleLabel(leader.role),
      segment: null,
      team: null,
      count: 1,
      priority: leader.priority,
      reason: leader.why,
    });
  const managerHire = managers.needed - managers.current;
  if (managerHire > 0) {
    const people = groups.reduce((sum, g) => sum + g.people, 0);
    const flat =
      overSpan.length > 0
        ? `; ${overSpan.map((id) => `"${id}"`).join(', ')} ${overSpan.length === 1 ? 'leads' : 'lead'} more than ${managerMax} people today`
        : '';
    gaps.push({
      role: 'manager-cs',
      title: roleLabel('manager-cs'),
      segment: null,
      team: null,
      count: managerHire,
      priority: overSpan.length > 0 ? 'now' : 'next',
      reason: `${plural(people, 'CSM')} in the target teams need ${plural(managers.needed, 'CS manager')} at ${managerMin}-${managerMax} reports each; the file has ${managers.current}${flat} ${cite('org-design-guide')}`,
    });
  }
  const directorHire = directors.needed - directors.current;
  if (directorHire > 0)
    gaps.push({
      role: 'director-cs',
      title: roleLabel('director-cs'),
      segment: null,
      team: null,
      count: directorHire,
      priority: 'next',
      reason: `${directorWhy(target.leadership, policy)}: ${plural(directors.needed, 'director')} at ${directorMin}-${directorMax} managers each; the file has ${directors.current} below the CS leader ${cite('org-design-guide')}`,
    });
  return gaps;
}

/** Why the target org adds directors: the leader's span, or three managers in one segment group. */
function directorWhy(leadership: TargetOrg['leadership'], policy: Policy): string {
  const why = leadership.directorsFor;
  const managers = plural(leadership.managers.needed, 'CS manager');
  if (why?.why === 'span')
    return `the CS leader would lead ${why.reports} people directly (${managers}, specialists and heads), more than ${policy.spanOfControl.managerMax}`;
  if (why?.why === 'group') return `${managers}, three or more in one segment group`;
  return managers;
}

/**
 * When a gap is to be acted on, by the timeline's dates: `late` when its req should already be
 * open, `now` when it opens today, `by DATE` when it can wait, `after freeze, DATE` when a hiring
 * freeze holds it; the gap's own priority without a timeline, or when the timeline does not ask
 * for that role in its period. The report's answer reads the same hires, so the two agree.
 */
export function gapWhen(gap: Gap, teams: readonly TargetTeam[], timeline?: Timeline): string {
  const hire = timeline && timelineHire(gap, teams, timeline);
  if (!hire || !timeline) return gap.priority;
  if (hire.delay === 'late') return 'late';
  if (hire.delay === 'freeze') return `after freeze, ${hire.openBy}`;
  return hire.openBy <= timeline.asOf ? 'now' : `by ${hire.openBy}`;
}

/** The timeline's first req for a gap's role (and CSM team), if the timeline opens one. */
function timelineHire(gap: Gap, teams: readonly TargetTeam[], timeline: Timeline) {
  // Timeline hires name their CSM team by its title.
  const title =
    gap.team === null ? null : (teams.find((t) => t.key === gap.team)?.title ?? gap.team);
  return timeline.hires.find(
    (h) => h.role === gap.role && (title === null || h.team === null || h.team === title),
  );
}
