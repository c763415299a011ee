/** Why each hire is in the plan, in one line that cites the published source of the rule. */
import { formatFte, formatMoney, ordinal } from '../money.js';
import { handoverStart } from '../people.js';
import type { Policy } from '../policy.js';
import { type RoleId, roleLabel } from '../roles.js';
import { cite } from '../sources.js';
import { STAGE_LABELS } from '../stage.js';
import { monthName } from './calendar.js';
import type { TimelineTarget, TimelineTeam } from './target.js';

export interface ReasonInput {
  role: RoleId;
  team: TimelineTeam | null;
  neededBy: string;
  target: TimelineTarget;
  policy: Policy;
  /** Share of capacity held back for attrition. */
  allowance: number;
  /** CSMs in the file and hired so far, this hire not included. */
  csms: number;
  /** Set on a backfill: the leaver whose seat it refills and their last day. */
  backfill?: { for: string; leaving: string };
}

export function hireReason(input: ReasonInput): string {
  const { role, team, neededBy, target, policy } = input;
  const when = monthName(neededBy);
  const stage = STAGE_LABELS[target.stage.id];
  if (team && input.backfill !== undefined) {
    const { leaving } = input.backfill;
    // Says when the seat needs a ramped hire, not when this one is ramped: a late backfill is not.
    const needed =
      neededBy === leaving
        ? `by the leave date`
        : neededBy === handoverStart(leaving, policy)
          ? `by ${neededBy}, when the hand-over starts`
          : `by ${neededBy}: the team is short before the hand-over starts, so the backfill comes early`;
    return `backfill for ${input.backfill.for}, leaving ${leaving}: ${team.title} need the seat, with a ramped hire ${needed} ${cite('org-design-guide', 'common-practice')}`;
  }
  if (team) {
    if (team.available <= 0) {
      return `${team.title}: ${formatFte(team.needed)} FTE of work by ${when} and nobody to carry it; the first CSM comes at ${policy.stage.firstHireCustomers} customers ${cite('org-design-guide')}`;
    }
    const carried = team.available * (1 - input.allowance);
    // The hire is decided on seats (a CSM still ramping is not hired twice); say what they carry.
    const carrying = team.carrying * (1 - input.allowance);
    const ramping =
      formatFte(carrying) !== formatFte(carried)
        ? ` once ramped (${formatFte(carrying)} FTE carrying a book in ${when})`
        : '';
    return `${team.title}: ${formatFte(team.needed)} FTE of work by ${when} for ${formatFte(carried)} FTE of CSMs after attrition${ramping}, at target books ${cite('org-design-guide')}; about ${formatMoney(team.arr / Math.max(team.needed, 1e-9))} of ARR per CSM`;
  }
  switch (role) {
    case 'manager-cs':
      return `CSM teams large enough to need a manager by ${when}: managers take ${policy.spanOfControl.managerMin}-${policy.spanOfControl.managerMax} reports ${cite('org-design-guide')}`;
    case 'director-cs':
      return target.stage.id === 'scale'
        ? `a director by ${when}: the CS leader's direct reports pass ${policy.spanOfControl.managerMax}, or one segment group has three managers; ${policy.spanOfControl.directorMin}-${policy.spanOfControl.directorMax} managers each ${cite('org-design-guide')}`
        : `a head of CS by ${when} (${stage} stage, or ${policy.spanOfControl.managerMin}+ CSMs): someone owns segments, playbooks and forecasting ${cite('org-design-guide')}`;
    case 'vp-cs':
      return `Scale stage by ${when}: a VP who owns all post-sale ${cite('org-design-guide', 'dock-org-charts')}`;
    case 'cs-ops':
      if (target.stage.id === 'specialization' || target.stage.id === 'scale') {
        return `${stage} stage by ${when}: CS Ops takes process and tooling off the CSMs ${cite('org-design-guide', 'cs-ops-architect')}`;
      }
      return `CS Ops before the ${ordinal(policy.csOpsAtCsms)} CSM: ${input.csms} CSMs planned by ${when} ${cite('org-design-guide', 'cs-ops-architect')}`;
    case 'onboarding':
      return `${stage} stage by ${when}: an onboarding specialist owns implementation and time to value ${cite('org-design-guide')}`;
    case 'support':
      return `${stage} stage by ${when}: support splits from CS so CSMs keep proactive time ${cite('org-design-guide')}`;
    case 'renewals':
      if (target.structure === 'functional' && target.stage.id !== 'scale')
        return `a functional structure by ${when}: onboarding -> adoption -> renewals ends with a renewals team ${cite('org-design-guide', 'cs-ops-architect')}`;
      return `${stage} stage by ${when}: dedicated renewals keep the forecast reliable ${cite('org-design-guide', 'dock-org-charts')}`;
    case 'customer-marketing':
      return `${stage} stage by ${when}: customer marketing runs advocacy and programs ${cite('org-design-guide')}`;
    case 'enablement':
      return `${stage} stage by ${when}: enablement becomes its own track ${cite('org-design-guide')}`;
    default:
      return `the recommended org has a ${roleLabel(role)} from ${when}`;
  }
}
