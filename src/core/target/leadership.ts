/**
 * The leadership layer of the target org: the CS leader the stage calls for (an existing leader
 * stays), managers sized by span over the target teams, directors over managers at scale, and a
 * judgement of the line the CS leader reports on.
 */
import type { Analysis } from '../analysis.js';
import type { Motion, StageId, TeamMember } from '../model.js';
import { CS_MANAGER_ROLES, ROLES, type RoleId, roleLabel } from '../roles.js';
import { salesLineMisfits } from '../rules/reporting.js';
import { cite } from '../sources.js';
import { regionKey } from './needs.js';
import { csmsNeeded, neededHeads, type TargetTeam } from './staffing.js';

export type LeaderRole = 'cco' | 'vp-cs' | 'director-cs';
const LEADER_RANK: Record<LeaderRole, number> = { 'director-cs': 0, 'vp-cs': 1, cco: 2 };

export interface LeaderSeat {
  role: LeaderRole;
  /** The person in the file, or null when the seat is a hire. */
  existing: string | null;
  hire: boolean;
  priority: 'now' | 'next';
  why: string;
}

export interface ReportingLine {
  /** The role of the person the CS leader reports to (CEO when the file does not say). */
  role: RoleId;
  id: string | null;
  /** Whether that line fits the motion and stage by the sources. */
  fits: boolean;
  why: string;
}

export interface ManagedGroup {
  /** Keys of the target teams one layer of managers leads. */
  teams: string[];
  /** CSMs the work needs in these teams: surplus people and unneeded offers left out. */
  people: number;
  managers: number;
  /** Directors over this group's managers alone: set when it has DIRECTOR_GROUP_MANAGERS or more. */
  directors: number;
}

/**
 * Managers under one segment group from which that group gets its own director, and direct
 * reports beyond which the CS leader needs directors (DOMAIN: managers lead 5-8 people, directors
 * 2-4 managers; 2 managers under a director is the bottom of a span, not a reason for a layer).
 */
export const DIRECTOR_GROUP_MANAGERS = 3;

export interface Leadership {
  /** The CS leader at the top of the target org; null at a founder-led company. */
  leader: LeaderSeat | null;
  reportsTo: ReportingLine;
  groups: ManagedGroup[];
  managers: { current: number; needed: number };
  directors: { current: number; needed: number };
  /**
   * Why directors are needed: the leader's direct reports without them (span), or the segment
   * groups with three managers or more (group); null when none are.
   */
  directorsFor: { why: 'span'; reports: number } | { why: 'group'; teams: string[] } | null;
  /** Someone in CS today leads more people than a manager's span. */
  overSpan: string[];
}

/** The CS leader the stage calls for, if any. */
export function leaderFor(stage: StageId, csmHeads: number, managerMin: number): LeaderRole | null {
  if (stage === 'scale') return 'vp-cs';
  if (stage === 'specialization') return 'director-cs';
  if (stage === 'first-hire' && csmHeads >= managerMin) return 'director-cs';
  return null;
}

/** The highest CS leader in the file who reports to nobody else in CS. */
export function existingLeader(analysis: Analysis): TeamMember | undefined {
  let best: TeamMember | undefined;
  for (const member of analysis.org.team) {
    if (!(member.role in LEADER_RANK)) continue;
    const boss = member.reportsTo ? analysis.teamById.get(member.reportsTo) : undefined;
    if (boss && boss.role in LEADER_RANK) continue;
    if (!best || LEADER_RANK[member.role as LeaderRole] > LEADER_RANK[best.role as LeaderRole])
      best = member;
  }
  return best;
}

/**
 * Directors of CS in the file who lead specialists only (onboarding, care, account management):
 * heads of those functions, drawn with their people, never as a layer over the CSM managers. The
 * top CS leader in the file is never one of them.
 */
export function functionalDirectors(analysis: Analysis): TeamMember[] {
  const leader = existingLeader(analysis);
  return analysis.org.team.filter((member) => {
    if (member.role !== 'director-cs' || member === leader) return false;
    const reports = analysis.reportsOf.get(member.id) ?? [];
    return reports.length > 0 && reports.every((r) => ROLES[r.role].kind === 'specialist');
  });
}

export interface LeadershipInput {
  stage: StageId;
  motion: Motion;
  analysis: Analysis;
  teams: TargetTeam[];
  /** CSMs in no team, shown under the leader. */
  unplaced: number;
  /** Specialists who report to the CS leader directly (a functional head counts as one). */
  specialists: number;
  /** Specialists the file has reporting to a CS manager: in that manager's span. */
  underManagers: { manager: string; people: number }[];
}

/**
 * The managed group a CS manager in the file leads: the one whose teams hold most of the CSMs
 * who report to them, else the first; -1 when there is no manager layer.
 */
export function groupOfManager(
  manager: string,
  groups: readonly { teams: string[] }[],
  teams: readonly TargetTeam[],
  people: readonly TeamMember[],
): number {
  if (groups.length === 0) return -1;
  const reports = new Set(people.filter((m) => m.reportsTo === manager).map((m) => m.id));
  const held = groups.map((g) =>
    teams
      .filter((t) => g.teams.includes(t.key))
      .reduce((sum, t) => sum + t.members.filter((id) => reports.has(id)).length, 0),
  );
  const most = Math.max(...held);
  return most > 0 ? held.indexOf(most) : 0;
}

export function planLeadership(input: LeadershipInput): Leadership {
  const { stage, analysis, teams } = input;
  const { org } = analysis;
  const { managerMin, managerMax, directorMin, directorMax } = org.policy.spanOfControl;
  // Leavers beyond the work (a timeline month's) are on their way out: no head of CS for them.
  const csmHeads =
    teams.reduce((sum, t) => sum + t.target - t.leaversAboveNeed, 0) + input.unplaced;
  // Managers are sized on the CSMs the work needs, never on surplus people or unneeded offers.
  const neededCsms = teams.reduce((sum, t) => sum + neededHeads(t), 0);
  const count = (roles: RoleId[]) => org.team.filter((m) => roles.includes(m.role)).length;

  const overSpan = org.team
    .filter((m) => CS_MANAGER_ROLES.has(m.role) || m.role === 'csm')
    .filter((m) => (analysis.reportsOf.get(m.id)?.length ?? 0) > managerMax)
    .map((m) => m.id);

  const wanted = stage === 'founding' ? null : leaderFor(stage, csmHeads, managerMin);
  const present = existingLeader(analysis);
  let leader: LeaderSeat | null = null;
  if (present && (!wanted || LEADER_RANK[present.role as LeaderRole] >= LEADER_RANK[wanted])) {
    leader = {
      role: present.role as LeaderRole,
      existing: present.id,
      hire: false,
      priority: 'next',
      why: `"${present.id}" leads CS today and stays at the top of the org`,
    };
  } else if (wanted) {
    const urgent = stage === 'scale' || csmHeads >= managerMin || overSpan.length > 0;
    leader = {
      role: wanted,
      existing: null,
      hire: true,
      priority: urgent ? 'now' : 'next',
      why:
        stage === 'scale'
          ? `scale stage${present ? `, and "${present.id}" is a ${roleLabel(present.role)}` : ''}: a VP of CS owns all post-sale ${cite('org-design-guide')}`
          : stage === 'specialization'
            ? `specialization stage and no head of CS: someone must own segments, playbooks and forecasting ${cite('org-design-guide')}`
            : `${csmHeads} CSMs need a head of CS to lead them; flat teams burn out ${cite('org-design-guide')}`,
    };
  }

  // Managers: none while the leader (or the CEO) can lead the CSMs and specialists directly.
  const directReports = neededCsms + input.specialists;
  const groups: ManagedGroup[] = [];
  // A head of CS leads a handful of CSMs directly, even with specialists beside them: a manager
  // layer starts once the CSMs alone would fill a manager's span.
  if (leader && neededCsms >= managerMin && directReports > managerMax) {
    for (const group of regionalGroups(teams, managerMin))
      groups.push({
        teams: group.map((t) => t.key),
        people: group.reduce((sum, t) => sum + neededHeads(t), 0),
        managers: 0,
        directors: 0,
      });
    // A specialist who reports to a CS manager in the file counts in that manager's span.
    for (const { manager, people } of input.underManagers) {
      const group = groups[groupOfManager(manager, groups, teams, org.team)];
      if (group) group.people += people;
    }
    for (const group of groups) {
      group.managers = Math.ceil(group.people / managerMax);
      group.directors =
        group.managers >= DIRECTOR_GROUP_MANAGERS ? Math.ceil(group.managers / directorMax) : 0;
    }
  }
  const managersNeeded = groups.reduce((sum, g) => sum + g.managers, 0);
  // Directors in the file who head a function (onboarding, care) report to the leader as heads.
  const functional = functionalDirectors(analysis).length;
  // Other CS executives in the file (a VP under a CCO) also report to the leader.
  const otherLeaders =
    count(['cco', 'vp-cs']) - (leader?.existing && leader.role !== 'director-cs' ? 1 : 0);
  const others =
    input.unplaced +
    input.specialists +
    functional +
    Math.max(0, otherLeaders) +
    teams
      .filter((t) => !groups.some((g) => g.teams.includes(t.key)))
      .reduce((sum, t) => sum + neededHeads(t), 0);
  const directorsNeeded = directorsFor(groups, others, { directorMin, directorMax, managerMax });
  const byGroup = groups.filter((g) => g.directors > 0);
  const directorsWhy: Leadership['directorsFor'] =
    directorsNeeded === 0
      ? null
      : byGroup.length > 0
        ? { why: 'group', teams: byGroup.flatMap((g) => g.teams) }
        : { why: 'span', reports: managersNeeded + others };
  const directorsInFile =
    count(['director-cs']) -
    functional -
    (leader?.existing && leader.role === 'director-cs' ? 1 : 0);

  return {
    leader,
    reportsTo: leader ? reportingLine(input, present) : ceoLine(stage, teams.length > 0),
    groups,
    managers: { current: count(['manager-cs']), needed: managersNeeded },
    directors: { current: Math.max(0, directorsInFile), needed: directorsNeeded },
    directorsFor: directorsWhy,
    overSpan,
  };
}

/**
 * Directors the CS leader needs: one over each segment group with DIRECTOR_GROUP_MANAGERS or more
 * managers, and directors over all the managers only when the leader would otherwise have more
 * than a manager's span of direct reports: managers and `others` (CSMs without a manager,
 * specialists, other CS executives), counted after any group directors.
 * When the span calls for them, the group directors are cleared: one layer of directors leads all.
 */
function directorsFor(
  groups: ManagedGroup[],
  others: number,
  span: { directorMin: number; directorMax: number; managerMax: number },
): number {
  const managers = groups.reduce((sum, g) => sum + g.managers, 0);
  const byGroup = groups.reduce((sum, g) => sum + g.directors, 0);
  const underGroupDirectors = groups
    .filter((g) => g.directors > 0)
    .reduce((sum, g) => sum + g.managers, 0);
  const withGroupDirectors = byGroup + managers - underGroupDirectors + others;
  // A director over two managers saves the leader one report and adds a hand-off: not a layer.
  const least = Math.max(span.directorMin, DIRECTOR_GROUP_MANAGERS);
  if (managers >= least && withGroupDirectors > span.managerMax) {
    for (const group of groups) group.directors = 0;
    return Math.ceil(managers / span.directorMax);
  }
  return byGroup;
}

/**
 * Manager groups where teams are split by region: a region with CSMs enough for a manager
 * (managerMin) gets managers of its own, who work its hours; the teams of smaller regions and
 * teams serving every region are grouped together, and when they cannot fill a manager's span
 * their CSM teams join the largest region's group. Without regions, managedGroups alone.
 */
export function regionalGroups(teams: TargetTeam[], managerMin: number): TargetTeam[][] {
  const byRegion = new Map<string, TargetTeam[]>();
  for (const team of teams) {
    const key = regionKey(team.region);
    if (key && team.role === 'csm') byRegion.set(key, [...(byRegion.get(key) ?? []), team]);
  }
  const own = [...byRegion.values()]
    .filter((list) => csmsNeeded(list) >= managerMin)
    .sort(
      (a, b) =>
        csmsNeeded(b) - csmsNeeded(a) ||
        teams.indexOf(a[0] as TargetTeam) - teams.indexOf(b[0] as TargetTeam),
    );
  if (own.length < 2) return managedGroups(teams, managerMin);
  const regional = own.map((list) => managedGroups(list, managerMin));
  const rest = teams.filter((t) => !own.some((list) => list.includes(t)));
  const restGroups = managedGroups(rest, managerMin);
  const grouped = new Set(restGroups.flat());
  const largest = regional[0]?.[0];
  if (largest)
    for (const team of rest)
      if (!grouped.has(team) && team.role === 'csm' && neededHeads(team) > 0) largest.push(team);
  const groups = [...regional.flat(), ...restGroups];
  for (const group of groups) group.sort((a, b) => teams.indexOf(a) - teams.indexOf(b));
  return groups.sort(
    (a, b) => teams.indexOf(a[0] as TargetTeam) - teams.indexOf(b[0] as TargetTeam),
  );
}

/**
 * Which CSM teams one manager layer leads: a team of managerMin or more on its own, and
 * neighbouring small CSM teams together once they reach managerMin between them. A small team
 * left over joins the nearest group; digital teams sit with CS Ops unless large enough.
 * Teams are counted as the managers are sized, on the CSMs the work needs (`neededHeads`): a
 * team of five seats with three leaving beyond the work made a group, and a manager, for two.
 */
export function managedGroups(teams: TargetTeam[], managerMin: number): TargetTeam[][] {
  const groups: TargetTeam[][] = [];
  const leftovers: TargetTeam[] = [];
  let pending: TargetTeam[] = [];
  const flush = () => {
    if (csmsNeeded(pending) >= managerMin) groups.push(pending);
    else leftovers.push(...pending);
    pending = [];
  };
  for (const team of teams) {
    if (neededHeads(team) >= managerMin) {
      flush();
      groups.push([team]);
    } else if (team.role === 'digital-csm') {
      flush();
      leftovers.push(team);
    } else {
      pending.push(team);
      if (csmsNeeded(pending) >= managerMin) flush();
    }
  }
  flush();
  // Small CSM teams left over join the nearest CSM group, or form one of their own: never a
  // digital team's group, whose manager runs programs rather than books.
  const small = leftovers.filter((t) => t.role !== 'digital-csm' && neededHeads(t) > 0);
  const csmGroups = groups.filter((g) => g.some((t) => t.role === 'csm'));
  // A manager over fewer than managerMin CSMs is a thin layer: those CSMs report to the leader.
  if (csmGroups.length === 0) {
    if (csmsNeeded(small) >= managerMin) groups.push(small);
  } else
    for (const team of small) {
      const index = teams.indexOf(team);
      const before = csmGroups
        .filter((g) => teams.indexOf(g[g.length - 1] as TargetTeam) < index)
        .pop();
      const after = csmGroups.find((g) => teams.indexOf(g[0] as TargetTeam) > index);
      (before ?? after ?? (csmGroups[0] as TargetTeam[])).push(team);
    }
  for (const group of groups) group.sort((a, b) => teams.indexOf(a) - teams.indexOf(b));
  return groups;
}

const SALES_LINE: ReadonlySet<RoleId> = new Set<RoleId>(['vp-sales', 'sales']);

/** No CS leader yet: the founder, or the CEO the first CSMs report to. */
function ceoLine(stage: StageId, csms: boolean): ReportingLine {
  return {
    role: 'ceo',
    id: null,
    fits: true,
    why:
      stage === 'founding' && !csms
        ? `the founder leads CS personally at this stage ${cite('org-design-guide')}`
        : `the first CSMs report to the CEO, who stays close to customers until a head of CS is needed ${cite('team-structure-guide')}`,
  };
}

function reportingLine(input: LeadershipInput, present: TeamMember | undefined): ReportingLine {
  const { stage, motion, analysis } = input;
  // Only an executive or a sales leader is a reporting line; anyone else above the top CS
  // leader (a data slip) leaves the line at the CEO.
  const above = present?.reportsTo ? analysis.teamById.get(present.reportsTo) : undefined;
  const kind = above ? ROLES[above.role].kind : undefined;
  const boss = kind === 'executive' || kind === 'sales' ? above : undefined;
  const role: RoleId = boss?.role ?? 'ceo';
  const id = boss?.id ?? null;
  if (role === 'cro') {
    const fits = !salesLineMisfits(role, motion, stage);
    const why = fits
      ? motion === 'sales-led'
        ? `CS under the CRO can fit at the enterprise stage, with one leader for all revenue ${cite('dock-org-charts')}`
        : `CS under the CRO fits a ${motion} company, where CS grows the self-serve base and Sales lands large accounts ${cite('dock-org-charts', 'practitioner-answer')}`
      : `in a sales-led company a CS leader beside Sales, reporting to the CEO, works better than CS under the CRO before the scale stage ${cite('dock-org-charts', 'team-structure-guide')}`;
    return { role, id, fits, why };
  }
  if (SALES_LINE.has(role))
    return {
      role,
      id,
      fits: false,
      why: `CS under a sales leader trades retention for this quarter's bookings; have the CS leader report to the CEO ${cite('team-structure-guide', 'dock-org-charts')}`,
    };
  const owner = stage === 'scale' ? 'a VP or CCO of CS' : 'the CS leader';
  const why =
    motion === 'sales-led'
      ? `${owner} reports to the CEO and owns all post-sale, beside Sales rather than under it ${cite('team-structure-guide', 'dock-org-charts')}`
      : motion === 'hybrid'
        ? `${owner} reports to the CEO and owns all post-sale; with a hybrid motion a CRO line can also work once CS mostly grows the self-serve base ${cite('dock-org-charts')}`
        : `${owner} reports to the CEO; under a CRO can also work for a product-led company ${cite('team-structure-guide', 'dock-org-charts')}`;
  return { role, id, fits: true, why };
}
