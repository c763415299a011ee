/**
 * The org chart: the target org drawn as a tree. It decides nothing: every count is a target of
 * the target org (so the chart's count per role equals the headcount's target), and the people
 * and leaders in the file keep their place.
 */
import type { SegmentId, TeamMember } from './model.js';
import type { Policy } from './policy.js';
import { ROLES, type RoleId, roleLabel, roleLabelPlural } from './roles.js';
import { listOf } from './rules/ids.js';
import { renewalsWithSales } from './rules/reporting.js';
import { segmentTitle } from './segments.js';
import { cite } from './sources.js';
import type { StructureModel } from './structure.js';
import {
  isPodTeam,
  podsFor,
  type SpecialistSpot,
  type TargetOrg,
  type TargetTeam,
  teamHires,
} from './target/index.js';
import { groupOfManager } from './target/leadership.js';

export { segmentTitle } from './segments.js';

import { regionKey } from './target/needs.js';
import { industryLabel } from './target/staffing.js';

export { MIN_TEAM_FTE } from './target/needs.js';
export { teamTitle } from './target/staffing.js';

/** 'group' is a box that holds teams (a pod, the strategic or scaled side) and no person. */
export type ChartRole = RoleId | 'group';

export interface ChartNode {
  role: ChartRole;
  title: string;
  count: number;
  segments?: string[];
  /** The CSM team this node draws, for a team node. */
  team?: string;
  note?: string;
  /** Someone whose reporting line, as the file has it, leaves CS (support under a COO...). */
  outsideCs?: boolean;
  children: ChartNode[];
}

export interface OrgChart {
  root: ChartNode;
  /** Who the CS leader reports to, whether that line fits, and why. */
  leaderReportsTo: { role: RoleId; id: string | null; fits: boolean; why: string };
  managers: number;
  directors: number;
}

/**
 * People beyond the work, growth included. When planned hires make up the surplus, the advice is
 * about them (a start date can still move); otherwise it is to let attrition shrink the team.
 */
function surplusNote(team: TargetTeam): string {
  const planned = team.notStarted.slice(-team.surplus);
  if (planned.length === team.surplus) {
    const who = planned.length === 1 ? `${planned[0]} has` : `${planned.join(', ')} have`;
    return `${team.surplus} above need: ${who} not started, and the work, growth included, does not need ${planned.length === 1 ? 'this hire' : 'these hires'} yet`;
  }
  // Leavers are never counted above need; with room to spare, their seats need no backfill.
  const unfilled = team.leavers.filter((id) => !team.backfills.some((b) => b.for === id));
  const leavers = unfilled.length > 0 ? `, no backfill for ${unfilled.join(', ')}` : '';
  const offers =
    planned.length > 0
      ? `; ${listOf(planned)} ${planned.length === 1 ? 'has' : 'have'} not started: defer if the offer allows`
      : '';
  return `${team.surplus} above need: hold backfills${leavers}${offers}`;
}

function teamNode(team: TargetTeam, model: StructureModel): ChartNode {
  const notes: string[] = [];
  const hires = teamHires(team);
  if (team.leads.length > 0) notes.push(`player-coach: ${team.leads.join(', ')}`);
  if (team.leavers.length > 0) notes.push(`leaving: ${team.leavers.join(', ')}`);
  if (team.redeployedIn > 0) notes.push(`${team.redeployedIn} moved in`);
  if (hires > 0) {
    const backfills = team.backfills.length;
    notes.push(backfills > 0 ? `${hires} to hire (${backfills} backfill)` : `${hires} to hire`);
  }
  if (team.surplus > 0) notes.push(surplusNote(team));
  if (model === 'functional' && team.role === 'csm') notes.push('adoption and expansion');
  return {
    role: team.role,
    title: team.title,
    count: team.target,
    segments: team.segments,
    team: team.key,
    ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
    children: [],
  };
}

const SPECIALIST_TITLES: Partial<Record<RoleId, string>> = {
  'cs-ops': 'CS Operations',
  onboarding: 'Onboarding',
  support: 'Support (own escalation path)',
  renewals: 'Renewals',
  'customer-marketing': 'Customer marketing',
  enablement: 'CS Enablement',
  'solutions-engineer': 'Solutions engineers',
};

export interface ChartInput {
  target: TargetOrg;
  policy: Policy;
  /** The file's people: the chart keeps their reporting lines. */
  team: readonly TeamMember[];
}

/** A spot's people still to draw, after the pods took their solutions engineer and support lead. */
interface SpotLeft {
  spot: SpecialistSpot;
  ids: string[];
  movedIn: string[];
  hires: number;
}

/**
 * Each pod takes a solutions engineer and a support lead: first from the CS leader's own people
 * and hires, then from a head of the function, then from outside CS, where the node says whose
 * line the people keep. A pod node of count n (n pods of one team) takes n of each.
 */
function podMembers(pod: ChartNode, spots: SpotLeft[]): void {
  const rank = (s: SpotLeft) => (s.spot.outside ? 2 : s.spot.under === null ? 0 : 1);
  for (const role of ['solutions-engineer', 'support'] as const) {
    const from = spots.filter((s) => s.spot.role === role).sort((a, b) => rank(a) - rank(b));
    let hires = 0;
    const kept: string[] = [];
    let taken = 0;
    for (const left of from) {
      while (taken < pod.count && left.ids.length + left.hires > 0) {
        taken += 1;
        const id = left.ids.shift();
        if (id === undefined) {
          left.hires -= 1;
          hires += 1;
        } else if (left.spot.outside && left.spot.under)
          kept.push(`${id} keeps their line to "${left.spot.under}", outside CS`);
      }
    }
    if (taken === 0) continue;
    const notes = [...(hires > 0 ? [`${hires} to hire`] : []), ...kept];
    pod.children.push({
      role,
      title: role === 'support' ? 'Support lead' : roleLabel(role),
      count: taken,
      ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
      children: [],
    });
  }
}

/** Draws the executives and sales leaders of the file on demand, each under their own manager. */
function peopleDrawer(team: readonly TeamMember[], ceo: ChartNode) {
  const byId = new Map(team.map((m) => [m.id, m]));
  const top =
    team.find((m) => m.role === 'ceo' && !m.reportsTo) ??
    team.find((m) => m.role === 'founder' && !m.reportsTo);
  const nodes = new Map<string, ChartNode>();
  const draw = (id: string, seen: Set<string>): ChartNode => {
    const member = byId.get(id);
    // Only executives and the revenue side are drawn this way; anyone else is CS, drawn elsewhere.
    const kind = member ? ROLES[member.role].kind : undefined;
    if (!member || member.id === top?.id || (kind !== 'executive' && kind !== 'sales')) return ceo;
    const drawn = nodes.get(id);
    if (drawn) return drawn;
    const node: ChartNode = {
      role: member.role,
      title: roleLabel(member.role),
      count: 1,
      note: member.id,
      children: [],
    };
    nodes.set(id, node);
    seen.add(id);
    const boss = member.reportsTo ? byId.get(member.reportsTo) : undefined;
    const parent = boss && !seen.has(boss.id) ? draw(boss.id, seen) : ceo;
    parent.children.push(node);
    return node;
  };
  return (id: string) => draw(id, new Set());
}

function spotNote(left: SpotLeft, flagged: boolean, outsideMark: boolean): string | undefined {
  const notes: string[] = [];
  if (left.movedIn.length > 0) notes.push(`${left.movedIn.join(', ')} moved in from the CSMs`);
  if (left.hires > 0) notes.push(`${left.hires} to hire`);
  if (outsideMark && left.spot.outside)
    notes.push(flagged ? 'outside CS; see the renewals-outside-cs finding' : 'outside CS');
  return notes.length > 0 ? notes.join('; ') : undefined;
}

/**
 * Draws each specialist where the file puts them: under the head of their function, under the
 * executive or Sales leader their line reaches (marked outside CS), or with the CS leader. RevOps
 * stays with the leader it serves. Returns the nodes for the CS leader and the directors who head
 * a function.
 */
function drawSpecialists(input: {
  target: TargetOrg;
  spots: SpotLeft[];
  team: readonly TeamMember[];
  person: (id: string) => ChartNode;
  ceo: ChartNode;
  hasLeader: boolean;
}): {
  underLeader: ChartNode[];
  functional: ChartNode[];
  underManagers: { node: ChartNode; manager: string }[];
} {
  const { target, spots, team, person, ceo, hasLeader } = input;
  const byId = new Map(team.map((m) => [m.id, m]));
  const headIds = new Set([
    ...spots.filter((s) => ROLES[s.spot.role].heads !== undefined).flatMap((s) => s.ids),
    ...target.functionalDirectors,
  ]);
  const heads = new Map<string, ChartNode>();
  const underLeader: ChartNode[] = [];
  const drawn: { node: ChartNode; under: string | null }[] = [];
  for (const left of spots) {
    const { spot } = left;
    const count = left.ids.length + left.movedIn.length + left.hires;
    if (count <= 0) continue;
    const head = ROLES[spot.role].heads !== undefined;
    const flagged = left.ids.some((id) => {
      const member = byId.get(id);
      return member !== undefined && renewalsWithSales(member, byId, target.stage.id) !== undefined;
    });
    // Outside CS is said once, on the topmost node, and not of people beside a CEO who leads CS.
    const underHead = spot.under !== null && headIds.has(spot.under);
    const outsideMark =
      !underHead && (hasLeader || (spot.under !== null && byId.get(spot.under)?.role !== 'ceo'));
    const note = spotNote(left, flagged, outsideMark);
    const node: ChartNode = {
      role: spot.role,
      title: head
        ? roleLabel(spot.role)
        : (SPECIALIST_TITLES[spot.role] ??
          (count === 1 ? roleLabel(spot.role) : roleLabelPlural(spot.role))),
      count,
      ...(head
        ? { note: [left.ids[0], note].filter((n) => n !== undefined).join('; ') }
        : note
          ? { note }
          : {}),
      ...(spot.outside ? { outsideCs: true } : {}),
      children: [],
    };
    if (head && left.ids[0]) heads.set(left.ids[0], node);
    drawn.push({ node, under: spot.under });
  }
  // Directors of CS in the file who head functions keep their people under them.
  const functional = target.functionalDirectors.map((id): ChartNode => {
    const led = team.filter((m) => m.reportsTo === id).map((m) => functionName(m.role));
    const [main] = [...new Set(led)].sort(
      (a, b) => led.filter((f) => f === b).length - led.filter((f) => f === a).length,
    );
    const node: ChartNode = {
      role: 'director-cs',
      title: main
        ? `Director of CS, ${main.charAt(0).toUpperCase()}${main.slice(1)}`
        : 'Director of CS',
      count: 1,
      note: `${id}; heads a function, not the CSM teams`,
      children: [],
    };
    heads.set(id, node);
    return node;
  });
  // RevOps stays with the leader it serves in the file (a CRO), outside CS.
  const revops = new Map<string | null, number>();
  for (const member of team) {
    if (member.role !== 'revops') continue;
    const boss = member.reportsTo ?? null;
    revops.set(boss, (revops.get(boss) ?? 0) + 1);
  }
  for (const [boss, count] of revops)
    (boss === null ? ceo : person(boss)).children.push({
      role: 'revops',
      title: count === 1 ? 'RevOps' : 'RevOps team',
      count,
      note: 'outside CS',
      outsideCs: true,
      children: [],
    });
  const underManagers: { node: ChartNode; manager: string }[] = [];
  for (const { node, under } of drawn) {
    const head = under === null ? undefined : heads.get(under);
    const boss = under === null ? undefined : byId.get(under);
    if (head) head.children.push(node);
    else if (under === null) underLeader.push(node);
    else if (boss && ROLES[boss.role].kind === 'cs-manager')
      underManagers.push({ node, manager: boss.id });
    else person(under).children.push(node);
  }
  return { underLeader, functional, underManagers };
}

/**
 * The managers: one node per managed group, a director over a group with three managers or more,
 * and managers already in the file beyond need kept. Returns the CSM teams no manager leads.
 */
/**
 * The file's CS managers where the target needs no manager layer: each keeps the CSM teams whose
 * people report to them in the file (a pod by its team), and teams led by nobody stay with the
 * CS leader.
 */
function fileManagerNodes(
  people: readonly TeamMember[],
  teams: TargetTeam[],
  nodes: ChartNode[],
): ChartNode[] {
  const managers = people.filter((m) => m.role === 'manager-cs');
  const bossOf = new Map(people.map((m) => [m.id, m.reportsTo]));
  const teamOf = (node: ChartNode) =>
    teams.find((t) => t.key === (node.team ?? node.children[0]?.team));
  const led = new Map<string, ChartNode[]>(managers.map((m) => [m.id, []]));
  for (const node of nodes) {
    const team = teamOf(node);
    if (team?.role !== 'csm') continue;
    const votes = new Map<string, number>();
    for (const id of team.members) {
      const boss = bossOf.get(id);
      if (boss && led.has(boss)) votes.set(boss, (votes.get(boss) ?? 0) + 1);
    }
    const [lead] = [...votes.entries()].sort((a, b) => b[1] - a[1]);
    if (lead) led.get(lead[0])?.push(node);
  }
  return managers.map((m): ChartNode => {
    const children = led.get(m.id) ?? [];
    const segments = children.flatMap((n) => teamOf(n)?.segments ?? []);
    return {
      role: 'manager-cs',
      title: segments.length > 0 ? `CS Manager, ${groupName(segments)}` : 'CS Manager',
      count: 1,
      note: `${m.id}; in the file`,
      children,
    };
  });
}

function drawManagers(input: {
  target: TargetOrg;
  policy: Policy;
  people: readonly TeamMember[];
  teamNodes: Map<string, ChartNode>;
  podNodes: ChartNode[];
}) {
  const { target, policy, teamNodes, podNodes } = input;
  const { leadership, teams } = target;
  const { managerMin, managerMax, directorMin, directorMax } = policy.spanOfControl;
  const managerTarget = Math.max(leadership.managers.current, leadership.managers.needed);
  const managerNodes: ChartNode[] = [];
  const groupDirectorNodes: ChartNode[] = [];
  const managed = new Set<string>();
  // The file's managers each lead the group holding most of their CSMs; the rest are hires.
  const inFile = leadership.groups.map(() => 0);
  for (const m of input.people)
    if (m.role === 'manager-cs') {
      const at = groupOfManager(m.id, leadership.groups, teams, input.people);
      if (at >= 0) inFile[at] = (inFile[at] ?? 0) + 1;
    }
  for (const [index, group] of leadership.groups.entries()) {
    const hires = Math.max(0, group.managers - (inFile[index] ?? 0));
    const children = group.teams
      .map((key) => teamNodes.get(key) ?? podNodes.find((p) => p.children[0]?.team === key))
      .filter((n): n is ChartNode => n !== undefined);
    for (const key of group.teams) managed.add(key);
    const name = managerGroupName(
      teams.filter((t) => group.teams.includes(t.key)),
      teams,
    );
    const managerNode: ChartNode = {
      role: 'manager-cs',
      title: `CS Manager, ${name}`,
      count: group.managers,
      note: `${hires > 0 ? `${hires} to hire; ` : ''}${managerMin}-${managerMax} reports each`,
      children,
    };
    managerNodes.push(managerNode);
    if (group.directors > 0)
      groupDirectorNodes.push({
        role: 'director-cs',
        title: `Director of CS, ${name}`,
        count: group.directors,
        note: `${group.managers} managers in one segment group, ${directorMin}-${directorMax} each`,
        children: [managerNode],
      });
  }
  const extraManagers = managerTarget - leadership.managers.needed;
  const unmanaged = [...teamNodes.entries()]
    .filter(([key]) => !managed.has(key))
    .map(([, node]) => node);
  const unmanagedPods = podNodes.filter((p) => !managed.has(p.children[0]?.team ?? ''));
  if (extraManagers > 0) {
    const first = managerNodes[0];
    if (first) first.count += extraManagers;
    else
      managerNodes.push(...fileManagerNodes(input.people, teams, [...unmanagedPods, ...unmanaged]));
  }
  const placedUnderManagers = new Set(managerNodes.flatMap((m) => m.children));
  const rest = [...unmanagedPods, ...unmanaged].filter((n) => !placedUnderManagers.has(n));

  return { managerNodes, groupDirectorNodes, rest, managerTarget };
}

export function buildOrgChart({ target, policy, team }: ChartInput): OrgChart {
  const { leadership, structure, teams } = target;
  const model = structure.model;
  const { managerMax, directorMin, directorMax } = policy.spanOfControl;
  const ceo: ChartNode = { role: 'ceo', title: 'CEO', count: 1, children: [] };
  const teamNodes = new Map(teams.map((t) => [t.key, teamNode(t, model)]));
  const person = peopleDrawer(team, ceo);
  const leader = leadership.leader;

  // Specialists where the file has them, with a solutions engineer and a support lead in each pod.
  const spots: SpotLeft[] = target.spots.map((spot) => ({
    spot,
    ids: [...spot.ids],
    movedIn: [...spot.movedIn],
    hires: spot.hires,
  }));
  const podNodes: ChartNode[] = [];
  if (model === 'pod') {
    for (const t of teams) {
      if (!isPodTeam(t, policy)) continue;
      const node = teamNodes.get(t.key);
      if (!node) continue;
      const pod: ChartNode = {
        role: 'group',
        title: `Pod: ${t.segments.map(segmentTitle).join(' + ')}`,
        count: podsFor(t, policy),
        children: [node],
      };
      podMembers(pod, spots);
      teamNodes.delete(t.key);
      podNodes.push(pod);
    }
  }
  const {
    underLeader: underLeaderSpecialists,
    functional,
    underManagers,
  } = drawSpecialists({
    target,
    spots,
    team,
    person,
    ceo,
    hasLeader: leader !== null,
  });

  const unplacedNodes: ChartNode[] = [];
  for (const role of ['csm', 'digital-csm'] as const) {
    const ids = target.unplaced.filter((u) => u.role === role).map((u) => u.id);
    if (ids.length === 0) continue;
    unplacedNodes.push({
      role,
      title: `${roleLabelPlural(role)} without a team`,
      count: ids.length,
      note: `${ids.join(', ')}: no team needs them yet; hold backfills or move them to a program`,
      children: [],
    });
  }

  const chart = (root: ChartNode, managers = 0, directors = 0): OrgChart => ({
    root,
    leaderReportsTo: leadership.reportsTo,
    managers,
    directors,
  });

  if (!leader) {
    // Founder-led, or the first CSMs reporting to the CEO.
    ceo.note =
      teams.length === 0
        ? 'owns customer relationships; no dedicated CS yet'
        : teams.every((t) => t.kind === 'top-accounts')
          ? 'owns the other customer relationships; the senior CSM reports here'
          : 'leads CS; the CSMs report here';
    const csmNodes = [...podNodes, ...teamNodes.values()];
    // Managers in the file with no CS leader above them report to the CEO with their teams.
    const managers = leadership.managers.current;
    const csNodes: ChartNode[] =
      managers > 0
        ? [
            {
              role: 'manager-cs',
              title: 'CS Managers',
              count: managers,
              note: 'in the file',
              children: csmNodes,
            },
          ]
        : csmNodes;
    for (const { node } of underManagers) (csNodes[0] ?? ceo).children.push(node);
    ceo.children.unshift(...csNodes, ...unplacedNodes, ...functional, ...underLeaderSpecialists);
    drawLeadersOutsideCs(team, person);
    return chart(ceo, managers);
  }

  const { managerNodes, groupDirectorNodes, rest, managerTarget } = drawManagers({
    target,
    policy,
    people: team,
    teamNodes,
    podNodes,
  });

  // Specialists a CS manager leads in the file stay in that manager's team.
  const underLeader: ChartNode[] = [];
  for (const { node, manager } of underManagers) {
    const at = groupOfManager(manager, leadership.groups, teams, team);
    const managerNode = managerNodes[at] ?? managerNodes[0];
    if (managerNode) managerNode.children.push(node);
    else underLeader.push(node);
  }

  // A small digital team reports to CS Ops, which runs the programs (CS org design guide).
  const ops = underLeaderSpecialists.find((n) => n.role === 'cs-ops');
  for (const node of rest) {
    if (node.role === 'digital-csm' && ops) {
      const why = `CS Ops runs the tech-touch programs they work in ${cite('org-design-guide')}`;
      ops.children.push({ ...node, note: node.note ? `${node.note}; ${why}` : why });
    } else underLeader.push(node);
  }

  // Directors over the CSM managers: the file's (those not heading a function) and any the span
  // calls for. Directors of one segment group sit over that group's managers alone.
  const { directors } = leadership;
  const groupDirectors = leadership.groups.reduce((sum, g) => sum + g.directors, 0);
  const directorTarget = directors.current + Math.max(0, directors.needed - directors.current);
  const leaderChildren: ChartNode[] = [];
  const overAll = directorTarget - (groupDirectors > 0 ? groupDirectors : 0);
  const topManagers =
    groupDirectors > 0
      ? [
          ...groupDirectorNodes,
          ...managerNodes.filter((m) => !groupDirectorNodes.some((d) => d.children[0] === m)),
        ]
      : managerNodes;
  const directorHires = Math.max(0, directors.needed - directors.current);
  if (overAll > 0) {
    leaderChildren.push({
      role: 'director-cs',
      title: 'Director of CS',
      count: overAll,
      note:
        directors.needed > 0 && groupDirectors === 0
          ? `${directorHires > 0 ? `${directorHires} to hire; ` : ''}the CS leader would have more than ${managerMax} direct reports; ${directorMin}-${directorMax} managers each`
          : 'in the file; leads the CS teams under the CS leader',
      children: topManagers.length > 0 ? topManagers : underLeader.splice(0),
    });
  } else leaderChildren.push(...topManagers);
  leaderChildren.push(
    ...grouped(model, underLeader, teams),
    ...unplacedNodes,
    ...functional,
    ...underLeaderSpecialists,
  );

  // Other CS executives in the file (a VP under a CCO, a second VP) keep their place.
  for (const role of ['vp-cs', 'cco'] as const) {
    const row = target.headcount.find((r) => r.role === role && r.team === null);
    const others = (row?.target ?? 0) - (leader.role === role ? 1 : 0);
    if (others > 0)
      leaderChildren.unshift({
        role,
        title: others === 1 ? roleLabel(role) : roleLabelPlural(role),
        count: others,
        note: 'in the file',
        children: [],
      });
  }
  const outsideFunctions = [
    ...new Set(target.spots.filter((s) => s.outside).map((s) => functionName(s.role))),
  ];
  const title = leader.role === 'director-cs' ? 'Head of CS (Director)' : roleLabel(leader.role);
  const owns =
    outsideFunctions.length === 0
      ? 'owns all post-sale'
      : `leads CS; ${listOf(outsideFunctions)} ${outsideFunctions.length === 1 ? 'sits' : 'sit'} outside CS, as in the file`;
  const leaderNode: ChartNode = {
    role: leader.role,
    title,
    count: 1,
    note: leader.existing ? `${leader.existing}; ${owns}` : `to hire; ${owns}`,
    children: leaderChildren,
  };
  const line = leadership.reportsTo;
  if (line.id) {
    const boss = person(line.id);
    if (!line.fits && boss !== ceo) boss.note = `${line.id}; see the reporting-line finding`;
    boss.children.unshift(leaderNode);
  } else if (line.role === 'ceo' || line.role === 'founder') ceo.children.unshift(leaderNode);
  else
    ceo.children.unshift({
      role: line.role,
      title: roleLabel(line.role),
      count: 1,
      children: [leaderNode],
    });
  drawLeadersOutsideCs(team, person);
  return chart(ceo, managerTarget, directorTarget);
}

/**
 * The file's executives and sales leaders (a VP Sales beside CS under the CRO) are drawn under
 * their own managers, so the chart shows the file's org around CS; sales reps are not, nor
 * co-founders (the CEO node stands for the founders).
 */
function drawLeadersOutsideCs(team: readonly TeamMember[], person: (id: string) => ChartNode) {
  for (const member of team)
    if (
      member.role === 'vp-sales' ||
      (ROLES[member.role].kind === 'executive' && member.role !== 'founder')
    )
      person(member.id);
}

/**
 * What a manager group is named by: its industries for industry teams; its region when its teams
 * are all one region's ("EMEA", or "NA + APAC" where APAC's accounts joined NA's teams), with the
 * segments when that region has other groups too; otherwise its segments.
 */
function managerGroupName(group: TargetTeam[], teams: TargetTeam[]): string {
  const [first] = group;
  const region = regionKey(first?.region);
  const oneRegion =
    first !== undefined &&
    region !== undefined &&
    group.every((t) => regionKey(t.region) === region);
  const regions = oneRegion
    ? [...new Set(group.flatMap((t) => t.regions ?? [t.region ?? '']))].join(' + ')
    : '';
  if (group.every((t) => t.industry !== undefined)) {
    const labels = [...new Set(group.map((t) => industryLabel(t)))];
    const industries = labels.length <= 2 ? labels.join(' + ') : `${group.length} industry teams`;
    // Industry teams split by region: the region tells two managers of one industry apart.
    return oneRegion ? `${regions} ${industries}` : industries;
  }
  const segments = groupName(group.flatMap((t) => t.segments));
  if (!oneRegion) return segments;
  const whole = teams.every((t) => regionKey(t.region) !== region || group.includes(t));
  return whole ? regions : `${regions} ${segments}`;
}

/** "Enterprise + Mid-Market", "Strategic to SMB". */
function groupName(segments: SegmentId[]): string {
  const first = segments[0];
  const last = segments[segments.length - 1];
  if (first === undefined || last === undefined) return 'CSMs';
  return segments.length <= 2
    ? segments.map(segmentTitle).join(' + ')
    : `${segmentTitle(first)} to ${segmentTitle(last)}`;
}

/** The function a specialist or a functional head works in, as a sentence names it. */
function functionName(role: RoleId): string {
  const heads = ROLES[role].heads ?? role;
  return FUNCTION_NAMES[heads] ?? roleLabelPlural(heads);
}

const FUNCTION_NAMES: Partial<Record<RoleId, string>> = {
  onboarding: 'onboarding',
  support: 'support',
  renewals: 'renewals',
  'account-manager': 'account management',
  'professional-services': 'professional services',
  'solutions-engineer': 'solutions engineering',
  'cs-ops': 'CS Ops',
  enablement: 'enablement',
  education: 'customer education',
  'customer-marketing': 'customer marketing',
};

/** A strategic vs scaled split draws its two sides as boxes. */
function grouped(model: StructureModel, nodes: ChartNode[], teams: TargetTeam[]): ChartNode[] {
  if (model !== 'strategic-scaled' || nodes.length < 2) return nodes;
  const named = (node: ChartNode) => {
    const team = teams.find((t) => t.key === node.team);
    return team !== undefined && team.role === 'csm' && !team.segments.includes('self-serve');
  };
  const strategic = nodes.filter(named);
  const scaled = nodes.filter((n) => !named(n));
  const out: ChartNode[] = [];
  if (strategic.length > 0)
    out.push({ role: 'group', title: 'Strategic CS (named CSMs)', count: 1, children: strategic });
  if (scaled.length > 0)
    out.push({
      role: 'group',
      title: 'Scaled CS (programs and pools)',
      count: 1,
      children: scaled,
    });
  return out;
}
