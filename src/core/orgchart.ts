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
    const segments = group.map((s) => s.id).sort((a, b) => SEGMENT_IDS.indexOf(a) - SEGMENT_IDS.indexOf(b));
    const needed = sum(group, (s) => s.csmFteNeeded);
    const digitalOnly = group.every((s) => s.coverage === 'digital');
    return {
      key: segments.join('+'),
      role: digitalOnly ? 'digital-csm' : 'csm',
      segments,
      needed,
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
  { role: 'cs-ops', count: 1, from: 'specialization', why: 'CS Ops/enablement at the specialization stage (seed 000)' },
  { role: 'onboarding', count: 1, from: 'specialization', why: 'an onboarding specialist at the specialization stage (seed 000)' },
  { role: 'support', count: 1, from: 'specialization', why: 'support split from CS at the specialization stage (DOMAIN.md stages)' },
  { role: 'cs-ops', count: 2, from: 'scale', why: 'a CS Operations team at scale (seed 000)' },
  { role: 'renewals', count: 1, from: 'scale', why: 'dedicated renewals at scale (seed 000)' },
  { role: 'customer-marketing', count: 1, from: 'scale', why: 'customer marketing at scale (seed 000)' },
  { role: 'enablement', count: 1, from: 'scale', why: 'enablement as its own track at scale (seed 000)' },
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
      leaderReportsTo: { role: 'ceo', why: 'the founder is the CS leader at this stage (seed 000)' },
      managers: 0,
      directors: 0,
    };
  }
  if (stage === 'first-hire') {
    ceo.children.push(...teamNodes);
    return {
      root: ceo,
      leaderReportsTo: {
        role: 'ceo',
        why: 'early on the first CSMs report to the CEO, who stays close to customers (seed 002)',
      },
      managers: 0,
      directors: 0,
    };
  }

  // Teams of managerMin or more get their own manager(s); smaller teams report to the leader.
  let managers = 0;
  const underLeader: ChartNode[] = [];
  const managerNodes: ChartNode[] = [];
  for (const node of teamNodes) {
    if (node.count >= managerMin) {
      const count = Math.ceil(node.count / managerMax);
      managers += count;
      managerNodes.push({
        role: 'manager-cs',
        title: `CS Manager, ${node.title.replace(/ CSMs$/, '')}`,
        count,
        note: `${managerMin}-${managerMax} reports each`,
        children: [node],
      });
    } else underLeader.push(node);
  }
  let directors = 0;
  const leaderChildren: ChartNode[] = [];
  if (stage === 'scale' && managers > directorMax) {
    directors = Math.ceil(managers / directorMax);
    leaderChildren.push({
      role: 'director-cs',
      title: 'Director, CS',
      count: directors,
      note: `2-${directorMax} managers each`,
      children: managerNodes,
    });
  } else leaderChildren.push(...managerNodes);
  leaderChildren.push(...underLeader);
  for (const [role, entry] of stageRoles(stage)) {
    leaderChildren.push({ role, title: roleTitle(role), count: entry.count, children: [] });
  }

  const leader: ChartNode = {
    role: leaderRole(stage) ?? 'director-cs',
    title: stage === 'scale' ? 'VP Customer Success' : 'Head of CS (Director)',
    count: 1,
    note: 'owns all post-sale',
    children: leaderChildren,
  };
  ceo.children.push(leader);
  const why =
    motion === 'product-led'
      ? 'reports to the CEO; under a CRO can also work for a product-led company (seed 002, seed 003)'
      : 'reports to the CEO and owns all post-sale; CS under a sales leader is a long-term mistake in a sales-led company (seed 002)';
  return { root: ceo, leaderReportsTo: { role: 'ceo', why }, managers, directors };
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
