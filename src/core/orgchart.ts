/**
 * The recommended org: CSM teams sized from capacity, the specialist roles each stage needs,
 * managers at 5-8 reports and directors at 2-4 managers, and the CS leader's reporting line.
 */
import type { CapacityResult, SegmentCapacity } from './capacity.js';
import type { Motion, SegmentId, StageId } from './model.js';
import { SEGMENT_IDS } from './model.js';
import type { Policy } from './policy.js';
import type { RoleId } from './roles.js';

/** Segments needing less than this much CSM time share a team with a neighbouring segment. */
export const MIN_TEAM_FTE = 0.5;

export interface CsmTeam {
  key: string;
  role: 'csm' | 'digital-csm';
  segments: SegmentId[];
  needed: number;
  /** ARR of the accounts the team covers, so a hire can be argued in revenue (seed 002). */
  arr: number;
  /** Capacity today (ramp-adjusted). */
  available: number;
  /** Full FTE of present and planned CSMs, as if ramped. */
  staffed: number;
  /** Whole people the team should have. */
  recommended: number;
}

export interface ChartNode {
  role: RoleId;
  title: string;
  count: number;
  segments?: SegmentId[];
  note?: string;
  children: ChartNode[];
}

const SEGMENT_TITLES: Record<SegmentId, string> = {
  strategic: 'Strategic',
  enterprise: 'Enterprise',
  'mid-market': 'Mid-Market',
  smb: 'SMB',
  'self-serve': 'Self-serve',
};

export function segmentTitle(id: SegmentId): string {
  return SEGMENT_TITLES[id];
}

export function teamTitle(team: CsmTeam): string {
  if (team.key === 'generalist') return 'CSMs (generalist, all segments)';
  const names = team.segments.map(segmentTitle).join(' + ');
  return team.role === 'digital-csm' ? `Digital CSMs (${names})` : `${names} CSMs`;
}

function wholePeople(fte: number): number {
  return Math.max(0, Math.ceil(fte - 1e-9));
}

export function csmTeams(stage: StageId, capacity: CapacityResult): CsmTeam[] {
  const rows = capacity.segments.filter((s) => s.accounts > 0);
  if (stage === 'founding' || rows.length === 0) return [];
  const sum = (list: SegmentCapacity[], pick: (s: SegmentCapacity) => number) =>
    list.reduce((total, s) => total + pick(s), 0);
  if (stage === 'first-hire') {
    const needed = sum(rows, (s) => s.csmFteNeeded);
    return [
      {
        key: 'generalist',
        role: 'csm',
        segments: rows.map((s) => s.id),
        needed,
        arr: sum(rows, (s) => s.arr),
        available: sum(rows, (s) => s.csmFteAvailable) + capacity.unassignedFte,
        staffed: sum(rows, (s) => s.csmFteStaffed) + capacity.unassignedStaffedFte,
        recommended: Math.max(1, wholePeople(needed)),
      },
    ];
  }
  // Merge small segments into their neighbour so nobody is hired for a tenth of a book.
  const groups: SegmentCapacity[][] = rows.map((row) => [row]);
  for (;;) {
    const index = groups.findIndex((g) => sum(g, (s) => s.csmFteNeeded) < MIN_TEAM_FTE);
    if (index === -1 || groups.length === 1) break;
    const target = index > 0 ? index - 1 : index + 1;
    const [small] = groups.splice(index, 1);
    const into = groups[target > index ? target - 1 : target];
    if (small && into) into.push(...small);
  }
  return groups.map((group) => {
    const segments = group
      .map((s) => s.id)
      .sort((a, b) => SEGMENT_IDS.indexOf(a) - SEGMENT_IDS.indexOf(b));
    const needed = sum(group, (s) => s.csmFteNeeded);
    const digitalOnly = group.every((s) => s.coverage === 'digital');
    return {
      key: segments.join('+'),
      role: digitalOnly ? 'digital-csm' : 'csm',
      segments,
      needed,
      arr: sum(group, (s) => s.arr),
      available: sum(group, (s) => s.csmFteAvailable),
      staffed: sum(group, (s) => s.csmFteStaffed),
      recommended: Math.max(1, wholePeople(needed)),
    };
  });
}

/** Specialist roles by stage, with the seed that calls for each. */
export interface StageRole {
  role: RoleId;
  count: number;
  from: StageId;
  why: string;
}

export const STAGE_ROLES: StageRole[] = [
  {
    role: 'cs-ops',
    count: 1,
    from: 'specialization',
    why: 'CS Ops and enablement take process and tooling off the CSMs (seed 000)',
  },
  {
    role: 'onboarding',
    count: 1,
    from: 'specialization',
    why: 'an onboarding specialist owns implementation and time to value (seed 000)',
  },
  {
    role: 'support',
    count: 1,
    from: 'specialization',
    why: 'support splits from CS so CSMs keep proactive time (DOMAIN.md stages, seed 000)',
  },
  {
    role: 'cs-ops',
    count: 2,
    from: 'scale',
    why: 'a CS Operations team, not one person (seed 000)',
  },
  {
    role: 'renewals',
    count: 1,
    from: 'scale',
    why: 'dedicated renewals keep forecasts reliable (seed 000)',
  },
  {
    role: 'customer-marketing',
    count: 1,
    from: 'scale',
    why: 'customer marketing runs advocacy and programs (seed 000)',
  },
  {
    role: 'enablement',
    count: 1,
    from: 'scale',
    why: 'enablement becomes its own track (seed 000)',
  },
];

const STAGE_ORDER: StageId[] = ['founding', 'first-hire', 'specialization', 'scale'];

export function stageRoles(stage: StageId): Map<RoleId, StageRole> {
  const reached = STAGE_ORDER.indexOf(stage);
  const roles = new Map<RoleId, StageRole>();
  for (const entry of STAGE_ROLES) {
    if (STAGE_ORDER.indexOf(entry.from) <= reached) roles.set(entry.role, entry);
  }
  return roles;
}

export function leaderRole(stage: StageId): RoleId | undefined {
  if (stage === 'scale') return 'vp-cs';
  if (stage === 'specialization') return 'director-cs';
  return undefined;
}

export interface OrgChart {
  root: ChartNode;
  /** Who the CS leader reports to, and why. */
  leaderReportsTo: { role: RoleId; why: string };
  managers: number;
  directors: number;
}

export function buildOrgChart(
  stage: StageId,
  motion: Motion,
  teams: CsmTeam[],
  policy: Policy,
): OrgChart {
  const { managerMin, managerMax, directorMax } = policy.spanOfControl;
  const ceo: ChartNode = { role: 'ceo', title: 'CEO', count: 1, children: [] };
  const teamNodes = teams.map(
    (team): ChartNode => ({
      role: team.role,
      title: teamTitle(team),
      count: team.recommended,
      segments: team.segments,
      children: [],
    }),
  );

  if (stage === 'founding') {
    ceo.note = 'owns customer relationships; no dedicated CS yet';
    return {
      root: ceo,
      leaderReportsTo: {
        role: 'ceo',
        why: 'the founder leads CS personally at this stage (seed 000)',
      },
      managers: 0,
      directors: 0,
    };
  }
  // Five or more CSMs need someone to lead them, whatever the customer count says.
  const csmCount = teamNodes.reduce((total, node) => total + node.count, 0);
  if (stage === 'first-hire' && csmCount < managerMin) {
    ceo.children.push(...teamNodes);
    return {
      root: ceo,
      leaderReportsTo: {
        role: 'ceo',
        why: 'the first CSMs report to the CEO, who stays close to customers (seed 002)',
      },
      managers: 0,
      directors: 0,
    };
  }

  const { groups, leftovers } = managedGroups(teamNodes, managerMin);
  let managers = 0;
  const managerNodes: ChartNode[] = groups.map((group) => {
    const people = group.reduce((sum, node) => sum + node.count, 0);
    const count = Math.ceil(people / managerMax);
    managers += count;
    const segments = group.flatMap((node) => node.segments ?? []);
    // "Strategic + Enterprise" reads well; five segments in a title do not.
    const name =
      segments.length <= 2
        ? segments.map(segmentTitle).join(' + ')
        : `${segmentTitle(segments[0] as SegmentId)} to ${segmentTitle(segments[segments.length - 1] as SegmentId)}`;
    return {
      role: 'manager-cs',
      title: `CS Manager, ${name}`,
      count,
      note: `${managerMin}-${managerMax} reports each`,
      children: group,
    };
  });
  const specialists: ChartNode[] = [...stageRoles(stage)].map(([role, entry]) => ({
    role,
    title: roleTitle(role),
    count: entry.count,
    children: [],
  }));
  // Seed 000 has digital CSMs report to CS Ops: a small digital team sits there, not with the leader.
  const ops = specialists.find((node) => node.role === 'cs-ops');
  const underLeader: ChartNode[] = [];
  for (const node of leftovers) {
    if (node.role === 'digital-csm' && ops) ops.children.push(node);
    else underLeader.push(node);
  }

  let directors = 0;
  const leaderChildren: ChartNode[] = [];
  // At scale, two or more managers get a director, so the VP leads leaders and functions.
  if (stage === 'scale' && managers >= policy.spanOfControl.directorMin) {
    directors = Math.ceil(managers / directorMax);
    leaderChildren.push({
      role: 'director-cs',
      title: 'Director, CS',
      count: directors,
      note: `${policy.spanOfControl.directorMin}-${directorMax} managers each`,
      children: managerNodes,
    });
  } else leaderChildren.push(...managerNodes);
  leaderChildren.push(...underLeader, ...specialists);

  const leader: ChartNode = {
    role: leaderRole(stage) ?? 'director-cs',
    title: stage === 'scale' ? 'VP Customer Success' : 'Head of CS',
    count: 1,
    note: stage === 'scale' ? 'owns all post-sale' : 'director level; owns all post-sale',
    children: leaderChildren,
  };
  ceo.children.push(leader);
  const why =
    motion === 'product-led'
      ? 'the CS leader reports to the CEO; under a CRO can also work for a product-led company (seed 002, seed 003)'
      : 'the CS leader reports to the CEO and owns all post-sale; CS under a sales leader is a long-term mistake in a sales-led company (seed 002)';
  return { root: ceo, leaderReportsTo: { role: 'ceo', why }, managers, directors };
}

/**
 * Which CSM teams get a manager: a team of managerMin or more on its own, and small neighbouring
 * CSM teams together once they reach managerMin between them (strategic + enterprise, say).
 */
function managedGroups(
  teams: ChartNode[],
  managerMin: number,
): { groups: ChartNode[][]; leftovers: ChartNode[] } {
  const groups: ChartNode[][] = [];
  const leftovers: ChartNode[] = [];
  let pending: ChartNode[] = [];
  const flush = () => {
    if (pending.reduce((sum, node) => sum + node.count, 0) >= managerMin) groups.push(pending);
    else leftovers.push(...pending);
    pending = [];
  };
  for (const node of teams) {
    if (node.count >= managerMin) {
      flush();
      groups.push([node]);
    } else if (node.role === 'digital-csm') {
      flush();
      leftovers.push(node);
    } else {
      pending.push(node);
      if (pending.reduce((sum, n) => sum + n.count, 0) >= managerMin) flush();
    }
  }
  flush();
  // A small CSM team left over joins the nearest managed group rather than the leader's span.
  const last = groups[groups.length - 1];
  if (!last) return { groups, leftovers };
  const small = leftovers.filter((node) => node.role !== 'digital-csm');
  for (const node of small) {
    const after = groups.find(
      (group) => teams.indexOf(group[0] as ChartNode) > teams.indexOf(node),
    );
    const into =
      groups
        .filter(
          (group) => teams.indexOf(group[group.length - 1] as ChartNode) < teams.indexOf(node),
        )
        .pop() ??
      after ??
      last;
    into.push(node);
  }
  return { groups, leftovers: leftovers.filter((node) => node.role === 'digital-csm') };
}

function roleTitle(role: RoleId): string {
  const titles: Partial<Record<RoleId, string>> = {
    'cs-ops': 'CS Operations',
    onboarding: 'Onboarding specialists',
    support: 'Support (own escalation path)',
    renewals: 'Renewals managers',
    'customer-marketing': 'Customer marketing',
    enablement: 'CS Enablement',
  };
  return titles[role] ?? role;
}
