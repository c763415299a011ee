/** Structure rules: spans of control and the roles a team of a given size needs. */
import type { StageId, TeamMember } from '../model.js';
import { formatCount, formatFte, formatMoney, formatPct, plural } from '../money.js';
import { MIN_TEAM_FTE } from '../orgchart.js';
import { isWorking } from '../people.js';
import {
  BOOK_ROLES,
  CS_MANAGER_ROLES,
  EXECUTIVE_ROLES,
  FUNCTION_HEADS,
  ROLES,
  type RoleId,
  roleLabel,
} from '../roles.js';
import { cite } from '../sources.js';
import { STAGE_LABELS } from '../stage.js';
import type { TargetOrg } from '../target/index.js';
import { csmsNeeded } from '../target/staffing.js';
import { idList } from './ids.js';
import type { Rule, RuleContext, RuleFinding } from './types.js';

export const spanOfControl: Rule = {
  id: 'span-of-control',
  category: 'structure',
  defaultSeverity: 'error',
  summary: 'A manager has more than 8 direct reports, or a director more than 4 managers',
  explanation:
    'Managers coach 5-8 direct reports and directors lead 2-4 managers; beyond that nobody gets coaching time and the leader becomes a bottleneck. A flat team (many CSMs reporting straight to a VP or the CEO) is the common form of this problem. Add a team lead or manager for each group of 5-8, or a director over each 2-4 managers.',
  source: `Span of control: managers 5-8 direct reports, directors 2-4 managers; flat management causes turnover ${cite('org-design-guide')}`,
  policy: ['span_of_control'],
  check({ analysis, target }) {
    const { managerMax, directorMax } = analysis.org.policy.spanOfControl;
    const findings: RuleFinding[] = [];
    for (const member of analysis.org.team) {
      const reports = analysis.reportsOf.get(member.id) ?? [];
      const managers = reports.filter((r) => CS_MANAGER_ROLES.has(r.role));
      if (member.role === 'director-cs' && managers.length > directorMax) {
        findings.push({
          path: member.path,
          message: `"${member.id}" (${roleLabel(member.role)}) leads ${managers.length} managers; directors lead ${analysis.org.policy.spanOfControl.directorMin}-${directorMax}`,
        });
      }
      // An executive's span outside CS (sales, finance...) is not this plan's business.
      const counted = EXECUTIVE_ROLES.has(member.role)
        ? reports.filter(
            (r) => ROLES[r.role].kind !== 'executive' && ROLES[r.role].kind !== 'sales',
          )
        : reports;
      if (counted.length > managerMax) {
        const csms = counted.filter((r) => BOOK_ROLES.has(r.role)).length;
        const flat = csms > managerMax ? ` including ${csms} CSMs (a flat team)` : '';
        const what = counted.length === reports.length ? 'direct reports' : 'direct reports in CS';
        findings.push({
          path: member.path,
          message: `"${member.id}" (${roleLabel(member.role)}) has ${counted.length} ${what}${flat}; ${spanAdvice(counted, target, analysis.org.policy.spanOfControl)}`,
        });
      }
    }
    return findings;
  },
};

/**
 * What brings a span back: a manager per group, unless the plan's own moves do it (CSMs it moves
 * into a function) and the rest are CSMs the work needs or people beyond it, whose seats are not
 * refilled: then a new manager would be sized on surplus.
 */
function spanAdvice(
  reports: TeamMember[],
  target: TargetOrg | undefined,
  span: { managerMin: number; managerMax: number },
): string {
  const addManager = `keep spans at ${span.managerMin}-${span.managerMax} by adding a manager per group`;
  if (!target) return addManager;
  const ids = new Set(reports.map((r) => r.id));
  const moving = target.roleMoves.filter((m) => ids.has(m.id)).map((m) => m.id);
  const staying = reports.length - moving.length;
  const beyond = target.teams.reduce(
    (sum, t) => sum + Math.min(t.surplus, t.members.filter((id) => ids.has(id)).length),
    0,
  );
  if (moving.length === 0 || staying > span.managerMax) return addManager;
  return `the plan moves ${idList(moving)} into other roles, which leaves ${staying}${beyond > 0 ? `, ${beyond} of them beyond the work` : ''}: within ${span.managerMin}-${span.managerMax} without another manager; hold backfills`;
}

export const missingCsOps: Rule = {
  id: 'missing-cs-ops',
  category: 'structure',
  defaultSeverity: 'warning',
  summary: 'The team has 5 or more CSMs and nobody in CS Operations',
  explanation:
    'At five CSMs the work of keeping data, tooling, playbooks and reporting straight no longer fits beside a book; even one CS Ops person makes a large difference. Hire CS Ops before the fifth CSM, or name who covers it; with CSMs beyond the work, move one of them into it. Counts the CSMs at work that the accounts need at the target ratios: CSMs beyond the work (csm-capacity-idle) are no reason for CS Ops.',
  source: `CS Operations before 5+ CSMs ${cite('org-design-guide', 'cs-ops-architect')}`,
  policy: ['cs_ops_at_csms'],
  check({ analysis, teams }) {
    const { org } = analysis;
    const active = analysis.bookOwners.filter((o) => isWorking(o.person)).length;
    const csms = Math.min(active, csmsNeeded(teams));
    if (csms < org.policy.csOpsAtCsms) return [];
    // Anyone in CS Ops counts, a planned hire included: the gap is being closed.
    if (org.team.some((m) => m.role === 'cs-ops')) return [];
    return [
      {
        path: ['team'],
        message:
          active > csms
            ? `${active} CSMs, ${csms} of them needed by the work, and no CS Ops: CS Ops comes before the team reaches ${org.policy.csOpsAtCsms} CSMs; move one of the others into it`
            : `${csms} CSMs and no CS Ops: CS Ops comes before the team reaches ${org.policy.csOpsAtCsms} CSMs`,
      },
    ];
  },
};

const SPECIALIZED: ReadonlySet<StageId> = new Set<StageId>(['specialization', 'scale']);

/** Someone does one of these functions: a specialist in it, or the head of it. */
function hasRole(context: RuleContext, roles: readonly RoleId[]): boolean {
  const heads = roles.flatMap((role) => FUNCTION_HEADS.get(role) ?? []);
  return context.analysis.org.team.some((m) => roles.includes(m.role) || heads.includes(m.role));
}

function stageFacts(context: RuleContext): string {
  const { stage } = context;
  return `${STAGE_LABELS[stage.id]} stage (${formatCount(stage.customers)} customers, ${formatMoney(stage.arr)} ARR)`;
}

export const missingOnboarding: Rule = {
  id: 'missing-onboarding',
  category: 'structure',
  defaultSeverity: 'warning',
  summary: 'Specialization stage or later and nobody owns onboarding',
  explanation:
    'From about 100 customers (or $2M ARR) new customers arrive faster than CSMs can onboard them beside their books. An onboarding or implementation specialist owns the first 90 days (time to first value, early adoption) and frees CSM time for adoption and renewals. The rule looks for anyone with `role: onboarding` or `head-of-onboarding`, planned hires included. Hire one, or name who owns onboarding.',
  source: `An onboarding specialist at the specialization stage ${cite('org-design-guide')}; onboarding owns time to first value ${cite('team-structure-guide')}`,
  policy: ['stage'],
  check(context) {
    if (!SPECIALIZED.has(context.stage.id) || hasRole(context, ['onboarding'])) return [];
    return [
      {
        path: ['team'],
        message: `${stageFacts(context)} and nobody in onboarding: CSMs onboard every new customer; add an onboarding specialist`,
      },
    ];
  },
};

export const missingRenewals: Rule = {
  id: 'missing-renewals',
  category: 'structure',
  defaultSeverity: 'warning',
  summary: 'Scale stage and nobody owns renewals',
  explanation:
    'At scale, renewals handled on the side by CSMs slip and the renewal forecast becomes unreliable. A dedicated renewals team owns the calendar, the paperwork and the forecast, and leaves CSMs the adoption work that earns the renewal. The rule looks for anyone with `role: renewals` or `head-of-renewals`, planned hires included.',
  source: `Dedicated renewals at the scale stage; without them renewals slip and forecasting suffers ${cite('org-design-guide')}`,
  policy: ['stage'],
  check(context) {
    if (context.stage.id !== 'scale' || hasRole(context, ['renewals'])) return [];
    return [
      {
        path: ['team'],
        message: `${stageFacts(context)} and nobody owns renewals: add a renewals manager so renewals and the forecast stop depending on CSMs' spare time`,
      },
    ];
  },
};

export const noDigitalCoverage: Rule = {
  id: 'no-digital-coverage',
  category: 'structure',
  defaultSeverity: 'warning',
  summary: 'A self-serve tail large enough for its own digital CS, and nobody covers it',
  explanation: `Accounts in digital-coverage segments (self-serve by default) get no named CSM, but they still need someone: a digital CSM running lifecycle emails, in-app guides, webinars and community. Individually small, the tail often holds 30-40% of ARR. The rule reports the tail once it needs at least ${formatFte(MIN_TEAM_FTE)} FTE of digital CS at the policy ratios (the size from which csplan plans it as its own team rather than part of the SMB pool) and nobody has \`role: digital-csm\` or a \`segment\` in a digital-coverage segment.`,
  source: `Self-serve accounts get pure tech touch ${cite('org-design-guide')}; the long tail of small accounts can add up to 30-40% of ARR ${cite('cs-ops-architect')}`,
  policy: ['segments.*.coverage', 'segments.*.accounts_per_csm', 'segments.*.arr_per_csm'],
  check({ analysis, capacity }) {
    const digital = capacity.segments.filter((s) => s.coverage === 'digital' && s.accounts > 0);
    const needed = digital.reduce((sum, s) => sum + s.csmFteNeeded, 0);
    if (needed < MIN_TEAM_FTE - 1e-9) return [];
    const digitalIds = new Set(digital.map((s) => s.id));
    const covered = analysis.org.team.some(
      (m) => m.role === 'digital-csm' || (m.segment !== undefined && digitalIds.has(m.segment)),
    );
    if (covered) return [];
    const accounts = digital.reduce((sum, s) => sum + s.accounts, 0);
    const arr = digital.reduce((sum, s) => sum + s.arr, 0);
    const share = digital.reduce((sum, s) => sum + s.arrShare, 0);
    return [
      {
        path: ['team'],
        message: `${plural(accounts, `${digital.map((s) => s.id).join('/')} account`)} (${formatMoney(arr)}, ${formatPct(share)} of ARR) need ${formatFte(needed)} FTE of digital CS and nobody covers them; add a digital CSM`,
      },
    ];
  },
};

export const csmCatchAll: Rule = {
  id: 'csm-catch-all',
  category: 'structure',
  defaultSeverity: 'warning',
  summary: 'CSMs are the support desk at a stage where support should be its own team',
  explanation:
    'A CSM who also answers support tickets (and often implements, sells and renews) has no proactive time left: the week goes to whatever is most urgent. From the specialization stage on, support splits from CS with its own escalation path. The rule reports a team with CSMs but nobody in `role: support` at the specialization stage or later; the message adds implementation when nobody holds onboarding or professional services either (a missing onboarding owner alone is `missing-onboarding`).',
  source: `CSM as catch-all does not scale, and CS doing support leaves no proactive time: give support a clear escalation path ${cite('org-design-guide')}; a support team takes the reactive questions from the growth stage on ${cite('team-structure-guide')}`,
  policy: ['stage'],
  check(context) {
    const { analysis } = context;
    if (!SPECIALIZED.has(context.stage.id)) return [];
    const csms = analysis.bookOwners.filter((o) => isWorking(o.person));
    if (csms.length === 0 || hasRole(context, ['support'])) return [];
    const implementation = !hasRole(context, ['onboarding', 'professional-services']);
    return [
      {
        path: ['team'],
        message: `${stageFacts(context)}, ${plural(csms.length, 'CSM')} and nobody in support: CSMs (${idList(csms.map((o) => o.member.id))}) take the tickets${implementation ? ' and run implementations' : ''}; split support from CS with its own escalation path`,
      },
    ];
  },
};

export const structureRules: Rule[] = [
  spanOfControl,
  missingCsOps,
  missingOnboarding,
  missingRenewals,
  noDigitalCoverage,
  csmCatchAll,
];
