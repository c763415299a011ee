/**
 * The specialist roles of the target org: what each stage calls for, CS Ops before the fifth
 * CSM, a solutions engineer and a support lead in each pod, and every specialist already in the
 * file (nobody is dropped). The next stage's roles are listed apart, with what triggers them.
 */
import type { Analysis } from '../analysis.js';
import type { StageId } from '../model.js';
import { formatMoney, ordinal, plural } from '../money.js';
import { isWorking } from '../people.js';
import { ROLES, type RoleId, rankIn, roleLabel } from '../roles.js';
import { cite } from '../sources.js';
import { STAGE_LABELS } from '../stage.js';

/** Specialist roles by stage, with the source that calls for each. */
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
    why: `CS Ops and enablement take process and tooling off the CSMs ${cite('org-design-guide')}`,
  },
  {
    role: 'onboarding',
    count: 1,
    from: 'specialization',
    why: `an onboarding specialist owns implementation and time to value ${cite('org-design-guide')}`,
  },
  {
    role: 'support',
    count: 1,
    from: 'specialization',
    why: `support splits from CS so CSMs keep proactive time ${cite('org-design-guide')}`,
  },
  {
    role: 'cs-ops',
    count: 2,
    from: 'scale',
    why: `a CS Operations team, not one person ${cite('org-design-guide')}`,
  },
  {
    role: 'renewals',
    count: 1,
    from: 'scale',
    why: `dedicated renewals keep forecasts reliable ${cite('org-design-guide')}`,
  },
  {
    role: 'customer-marketing',
    count: 1,
    from: 'scale',
    why: `customer marketing runs advocacy and programs ${cite('org-design-guide')}`,
  },
  {
    role: 'enablement',
    count: 1,
    from: 'scale',
    why: `enablement becomes its own track ${cite('org-design-guide')}`,
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

export function nextStage(stage: StageId): StageId | undefined {
  return STAGE_ORDER[STAGE_ORDER.indexOf(stage) + 1];
}

export interface SpecialistSeat {
  role: RoleId;
  /** People with the role in the file, planned hires included. */
  current: number;
  /** What the target org calls for (0 for a role only the file has). */
  wanted: number;
  target: number;
  hire: number;
  /** CSMs beyond the work moved into the seat instead of hires (see redeployIntoRoles). */
  movedIn: string[];
  priority: 'now' | 'next';
  why: string;
}

/** A role the target org does not need yet, and what will trigger it. */
export interface LaterRole {
  role: RoleId;
  count: number;
  why: string;
}

export interface SpecialistInput {
  stage: StageId;
  analysis: Analysis;
  /**
   * CSM heads the work needs in the target org, hires included and surplus left out: role
   * triggers ("CS Ops before the fifth CSM") count these, not people beyond the work.
   */
  csmsNeeded: number;
  /** Pods in the target org: each has a solutions engineer and a support lead. */
  pods: number;
}

export function planSpecialists(input: SpecialistInput): {
  seats: SpecialistSeat[];
  later: LaterRole[];
} {
  const { stage, analysis, csmsNeeded, pods } = input;
  const { org } = analysis;
  const rule = org.policy.csOpsAtCsms;
  const current = (role: RoleId) => org.team.filter((m) => m.role === role).length;
  // CSMs at work today, as far as the work needs them: surplus CSMs are no reason for CS Ops.
  const activeCsms = analysis.bookOwners.filter((o) => isWorking(o.person)).length;
  const opsCsms = Math.min(activeCsms, csmsNeeded);
  const opsCsmHeads = csmsNeeded;

  const wanted = new Map<RoleId, { count: number; why: string; urgent: boolean }>();
  const byStage = stageRoles(stage);
  for (const [role, entry] of byStage) {
    wanted.set(role, {
      count: entry.count,
      why: entry.why,
      urgent: stage === 'scale' && entry.from === 'specialization',
    });
  }
  if (opsCsms >= rule - 1 || opsCsmHeads >= rule) {
    const stageOps = wanted.get('cs-ops');
    if (!stageOps || stageOps.count < 1 || current('cs-ops') === 0) {
      wanted.set('cs-ops', {
        count: Math.max(1, stageOps?.count ?? 0),
        why:
          current('cs-ops') === 0
            ? `${csmCount(activeCsms, opsCsms, opsCsmHeads)} and no CS Ops: CS Ops comes before the ${ordinal(rule)} CSM ${cite('org-design-guide', 'cs-ops-architect')}`
            : (stageOps?.why ?? ''),
        urgent: opsCsms >= rule,
      });
    }
  }
  if (pods > 0) {
    wanted.set('solutions-engineer', {
      count: pods,
      why: `each pod pairs its CSMs with a solutions engineer ${cite('cs-ops-architect')}`,
      urgent: false,
    });
    const support = wanted.get('support');
    wanted.set('support', {
      count: Math.max(pods, support?.count ?? 0),
      why: `each pod has a support lead, so escalations stay inside the pod ${cite('cs-ops-architect')}`,
      urgent: support?.urgent ?? false,
    });
  }

  const seats: SpecialistSeat[] = [];
  const roles = new Set<RoleId>([...wanted.keys()]);
  for (const member of org.team)
    if (ROLES[member.role].kind === 'specialist') roles.add(member.role);
  for (const role of roles) {
    const want = wanted.get(role);
    const have = current(role);
    const count = want?.count ?? 0;
    const hire = Math.max(0, count - have);
    seats.push({
      role,
      current: have,
      wanted: count,
      target: Math.max(have, count),
      hire,
      movedIn: [],
      priority:
        want?.urgent || (role === 'cs-ops' && opsCsms >= rule && have === 0) ? 'now' : 'next',
      why:
        want === undefined
          ? `in the file; the target org keeps every ${roleLabel(role)}`
          : have === 0 || role === 'cs-ops'
            ? want.why
            : `${STAGE_LABELS[stage]} stage: ${plural(count, roleLabel(role))} wanted, ${have} in the file: ${want.why}`,
    });
  }
  seats.sort((a, b) => rankIn(ORDER, a.role) - rankIn(ORDER, b.role));

  const later: LaterRole[] = [];
  const upcoming = nextStage(stage);
  if (upcoming && upcoming !== 'first-hire') {
    const trigger = stageTrigger(upcoming, org.policy.stage);
    for (const [role, entry] of stageRoles(upcoming)) {
      if (byStage.has(role) || wanted.has(role) || current(role) >= entry.count) continue;
      later.push({ role, count: entry.count, why: `${trigger}: ${entry.why}` });
    }
  }
  return { seats, later };
}

/** "5 CSMs", "4 CSMs today, 5 in the target org,", "the work needs 5 CSMs (9 on the team)" */
function csmCount(active: number, needed: number, heads: number): string {
  if (active > heads) return `the work needs ${plural(heads, 'CSM')} (${active} on the team)`;
  return needed === heads
    ? plural(needed, 'CSM')
    : `${plural(needed, 'CSM')} today, ${heads} in the target org,`;
}

const ORDER: RoleId[] = [
  'cs-ops',
  'onboarding',
  'support',
  'solutions-engineer',
  'renewals',
  'account-manager',
  'enablement',
  'customer-marketing',
  'education',
  'professional-services',
];

/** "at the Scale stage (500 customers and $20M ARR)" */
export function stageTrigger(
  stage: StageId,
  thresholds: {
    firstHireCustomers: number;
    specializationCustomers: number;
    scaleCustomers: number;
    specializationArr: number;
    scaleArr: number;
  },
): string {
  const at =
    stage === 'scale'
      ? `${thresholds.scaleCustomers} customers and ${formatMoney(thresholds.scaleArr)} ARR`
      : stage === 'specialization'
        ? `${thresholds.specializationCustomers} customers and ${formatMoney(thresholds.specializationArr)} ARR`
        : `${thresholds.firstHireCustomers} customers`;
  return `at the ${STAGE_LABELS[stage]} stage (${at})`;
}
