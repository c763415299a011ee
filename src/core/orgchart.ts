/**
 * The org chart: the target org drawn as a tree. It decides nothing: every count is a target of
 * the target org (so the chart's count per role equals the headcount's target), and the people
 * and leaders in the file keep their place.
 */
import type { Policy } from './policy.js';
import { type RoleId, roleLabel, roleLabelPlural } from './roles.js';
import { segmentTitle } from './segments.js';
import { cite } from './sources.js';
import type { StructureModel } from './structure.js';
import { type TargetOrg, type TargetTeam, teamHires } from './target/index.js';

export { segmentTitle } from './segments.js';
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
  return `${team.surplus} above need: hold backfills${leavers}`;
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
}

export function buildOrgChart({ target, policy }: ChartInput): OrgChart {
  const { leadership, structure, teams } = target;
  const model = structure.model;
  const { managerMin, managerMax, directorMin, directorMax } = policy.spanOfControl;
  const ceo: ChartNode = { role: 'ceo', title: 'CEO', count: 1, children: [] };
  const teamNodes = new Map(teams.map((t) => [t.key, teamNode(t, model)]));

  // Specialists, with a solutions engineer and a support lead inside each pod.
  const specialistNodes: ChartNode[] = [];
  const podNodes: ChartNode[] = [];
  const left = new Map(target.specialists.map((s) => [s.role, s.target]));
  if (model === 'pod') {
    for (const team of teams) {
      if (team.role !== 'csm') continue;
      const node = teamNodes.get(team.key);
      if (!node) continue;
      const pod: ChartNode = {
        role: 'group',
        title: `Pod: ${team.segments.map(segmentTitle).join(' + ')}`,
        count: 1,
        children: [node],
      };
      for (const role of ['solutions-engineer', 'support'] as const) {
        if ((left.get(role) ?? 0) <= 0) continue;
        left.set(role, (left.get(role) ?? 0) - 1);
        pod.children.push({
          role,
          title: role === 'support' ? 'Support lead' : roleLabel(role),
          count: 1,
          children: [],
        });
      }
      teamNodes.delete(team.key);
      podNodes.push(pod);
    }
  }
  for (const seat of target.specialists) {
    const count = left.get(seat.role) ?? 0;
    if (count <= 0) continue;
    specialistNodes.push({
      role: seat.role,
      title:
        SPECIALIST_TITLES[seat.role] ??
        (count === 1 ? roleLabel(seat.role) : roleLabelPlural(seat.role)),
      count,
      ...(seat.hire > 0 ? { note: `${seat.hire} to hire` } : {}),
      children: [],
    });
  }
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

  const leader = leadership.leader;
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
    if (managers > 0)
      ceo.children.push({
        role: 'manager-cs',
        title: 'CS Managers',
        count: managers,
        note: 'in the file',
        children: csmNodes,
      });
    else ceo.children.push(...csmNodes);
    ceo.children.push(...unplacedNodes, ...specialistNodes);
    return chart(ceo, managers);
  }

  // Managers: one node per managed group; managers already in the file beyond need stay.
  const managerTarget = Math.max(leadership.managers.current, leadership.managers.needed);
  const managerNodes: ChartNode[] = [];
  const managed = new Set<string>();
  leadership.groups.forEach((group) => {
    const children = group.teams
      .map((key) => teamNodes.get(key) ?? podNodes.find((p) => p.children[0]?.team === key))
      .filter((n): n is ChartNode => n !== undefined);
    for (const key of group.teams) managed.add(key);
    const segments = teams.filter((t) => group.teams.includes(t.key)).flatMap((t) => t.segments);
    const first = segments[0];
    const last = segments[segments.length - 1];
    const name =
      first === undefined || last === undefined
        ? 'CSMs'
        : segments.length <= 2
          ? segments.map(segmentTitle).join(' + ')
          : `${segmentTitle(first)} to ${segmentTitle(last)}`;
    managerNodes.push({
      role: 'manager-cs',
      title: `CS Manager, ${name}`,
      count: group.managers,
      note: `${managerMin}-${managerMax} reports each`,
      children,
    });
  });
  const extraManagers = managerTarget - leadership.managers.needed;
  const unmanaged = [...teamNodes.entries()]
    .filter(([key]) => !managed.has(key))
    .map(([, node]) => node);
  const unmanagedPods = podNodes.filter((p) => !managed.has(p.children[0]?.team ?? ''));
  if (extraManagers > 0) {
    const first = managerNodes[0];
    if (first) first.count += extraManagers;
    else
      managerNodes.push({
        role: 'manager-cs',
        title: 'CS Managers',
        count: extraManagers,
        note: 'in the file',
        children: [...unmanagedPods, ...unmanaged.filter((n) => n.role === 'csm')],
      });
  }
  const placedUnderManagers = new Set(managerNodes.flatMap((m) => m.children));
  const rest = [...unmanagedPods, ...unmanaged].filter((n) => !placedUnderManagers.has(n));

  // A small digital team reports to CS Ops, which runs the programs (CS org design guide).
  const ops = specialistNodes.find((n) => n.role === 'cs-ops');
  const underLeader: ChartNode[] = [];
  for (const node of rest) {
    if (node.role === 'digital-csm' && ops) {
      const why = `CS Ops runs the tech-touch programs they work in ${cite('org-design-guide')}`;
      ops.children.push({ ...node, note: node.note ? `${node.note}; ${why}` : why });
    } else underLeader.push(node);
  }

  const directorTarget =
    leadership.directors.current +
    Math.max(0, leadership.directors.needed - leadership.directors.current);
  const leaderChildren: ChartNode[] = [];
  if (directorTarget > 0) {
    leaderChildren.push({
      role: 'director-cs',
      title: 'Director of CS',
      count: directorTarget,
      note:
        leadership.directors.needed > 0
          ? `${directorMin}-${directorMax} managers each`
          : 'leads the CS teams under the VP',
      children: managerNodes.length > 0 ? managerNodes : underLeader.splice(0),
    });
  } else leaderChildren.push(...managerNodes);
  leaderChildren.push(...grouped(model, underLeader, teams), ...unplacedNodes, ...specialistNodes);

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
  const title = leader.role === 'director-cs' ? 'Head of CS (Director)' : roleLabel(leader.role);
  const leaderNode: ChartNode = {
    role: leader.role,
    title,
    count: 1,
    note: leader.existing
      ? `${leader.existing}; owns all post-sale`
      : 'to hire; owns all post-sale',
    children: leaderChildren,
  };
  const line = leadership.reportsTo;
  if (line.role === 'ceo' || line.role === 'founder') ceo.children.push(leaderNode);
  else
    ceo.children.push({
      role: line.role,
      title: roleLabel(line.role),
      count: 1,
      ...(line.id
        ? { note: line.fits ? line.id : `${line.id}; see the reporting-line finding` }
        : {}),
      children: [leaderNode],
    });
  return chart(ceo, managerTarget, directorTarget);
}

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
