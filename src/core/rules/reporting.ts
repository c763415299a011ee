/**
 * Reporting-line rules: where CS sits under Sales and it should not, and renewals left with Sales
 * once the sources put them in CS. The org chart judges the CS leader's line with the same test.
 */
import type { Motion, StageId, TeamMember } from '../model.js';
import {
  BOOK_ROLES,
  CS_MANAGER_ROLES,
  ROLES,
  type RoleId,
  roleCount,
  roleLabel,
  roleLabelPlural,
} from '../roles.js';
import { cite } from '../sources.js';
import { STAGE_LABELS } from '../stage.js';
import { idList, listOf } from './ids.js';
import type { Rule, RuleFinding } from './types.js';

/** Roles that make up the CS department proper, whose reporting line the rule checks. */
const CS_LINE_ROLES: ReadonlySet<RoleId> = new Set<RoleId>([...CS_MANAGER_ROLES, ...BOOK_ROLES]);

/**
 * A sales leader CS should not report to: VP Sales and sales reps always; a CRO only in a
 * sales-led company before the scale stage (a CRO fits product-led motions and the scale stage).
 */
export function salesLineMisfits(role: RoleId, motion: Motion, stage: StageId): boolean {
  if (role === 'vp-sales' || role === 'sales') return true;
  return role === 'cro' && motion === 'sales-led' && stage !== 'scale';
}

export const csReportsToSales: Rule = {
  id: 'cs-reports-to-sales',
  category: 'structure',
  defaultSeverity: 'warning',
  summary: 'CS reports to a sales leader where the sources say it should not',
  explanation: `Early on the CS lead reports to the CEO; as CS scales, a VP of CS or CCO who owns all post-sale and reports to the CEO works best. Under a sales leader, this quarter's new bookings win every trade-off against adoption and retention. The rule reports CS leaders, managers and CSMs who report to a VP Sales or a salesperson, whatever the motion, and those who report to a CRO in a sales-led company (\`company.motion\`) before the scale stage. A CRO line can fit a product-led or hybrid company, where CS grows the self-serve base while Sales lands large accounts, and a company at scale with one leader for all revenue. Have CS report to the CEO, or to a CCO; the org chart in \`csplan recommend\` marks the same line.`,
  source: `${cite('team-structure-guide')}: CS under a sales leader is a long-term mistake in a sales-led company; ${cite('dock-org-charts')}: a CRO line fits product-led motions and the enterprise stage`,
  policy: [],
  check(context) {
    const { analysis, stage } = context;
    const motion = analysis.org.company.motion;
    const underSales = new Map<string, TeamMember[]>();
    for (const member of analysis.org.team) {
      if (!CS_LINE_ROLES.has(member.role) || !member.reportsTo) continue;
      const manager = analysis.teamById.get(member.reportsTo);
      if (!manager || !salesLineMisfits(manager.role, motion, stage.id)) continue;
      const list = underSales.get(manager.id) ?? [];
      list.push(member);
      underSales.set(manager.id, list);
    }
    const findings: RuleFinding[] = [];
    for (const [managerId, members] of underSales) {
      const manager = analysis.teamById.get(managerId);
      const first = members[0];
      if (!manager || !first) continue;
      const who =
        members.length === 1
          ? `"${first.id}" (${roleLabel(first.role)}) reports`
          : `${idList(members.map((m) => m.id))} (CS) report`;
      const why =
        manager.role === 'cro'
          ? `in a ${motion} company before the scale stage`
          : 'and CS under a sales leader trades retention for bookings';
      findings.push({
        path: [...first.path, 'reports_to'],
        message: `${who} to "${manager.id}" (${roleLabel(manager.role)}) ${why}; CS should report to the CEO or a CCO`,
      });
    }
    return findings;
  },
};

/**
 * Who a person's line reaches first going up: someone in CS, the revenue side (a CRO, Sales,
 * RevOps), another executive (CEO, COO, founder), or nobody. The org chart draws people whose
 * line leaves CS under the person it reaches.
 */
export function lineReaches(
  member: TeamMember,
  teamById: ReadonlyMap<string, TeamMember>,
): { side: 'cs' | 'sales' | 'executive' | 'none'; via?: TeamMember } {
  const seen = new Set<string>([member.id]);
  let current = member.reportsTo ? teamById.get(member.reportsTo) : undefined;
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    const kind = ROLES[current.role].kind;
    if (kind === 'cs-leader' || kind === 'cs-manager') return { side: 'cs', via: current };
    if (kind === 'sales' || current.role === 'cro') return { side: 'sales', via: current };
    if (kind === 'executive') return { side: 'executive', via: current };
    current = current.reportsTo ? teamById.get(current.reportsTo) : undefined;
  }
  return { side: 'none' };
}

/** Renewals and expansion roles, and the heads of those functions. */
const RENEWAL_ROLES: ReadonlySet<RoleId> = new Set<RoleId>([
  'renewals',
  'account-manager',
  'head-of-renewals',
  'head-of-account-management',
]);

/** The renewals-outside-cs test: renewals or expansion whose line reaches Sales from the growth stage on. */
export function renewalsWithSales(
  member: TeamMember,
  teamById: ReadonlyMap<string, TeamMember>,
  stage: StageId,
): TeamMember | undefined {
  if (stage !== 'specialization' && stage !== 'scale') return undefined;
  if (!RENEWAL_ROLES.has(member.role)) return undefined;
  const line = lineReaches(member, teamById);
  return line.side === 'sales' ? line.via : undefined;
}

export const renewalsOutsideCs: Rule = {
  id: 'renewals-outside-cs',
  category: 'structure',
  defaultSeverity: 'warning',
  summary: 'Renewals or expansion report to Sales after the first-hire stage',
  explanation: `From the specialization (growth) stage on, the sources put renewals and upsells in CS: move them from Sales into CS, or split the CSMs with the best renewal rates into a renewals team under the CS leader. A post-sale leader who owns CS, support and services may report to a CRO; what matters is that renewals sit with the people who earn them. The rule reports each line of renewals managers and account managers that reaches a sales leader (CRO, VP Sales, sales rep, RevOps) before any CS leader or manager, at the specialization and scale stages: once, at the head of the team where it has one (naming how many sit under them), else once per sales leader.`,
  source: `${cite('dock-org-charts')}: move renewals and upsells into CS at the growth stage; ${cite('practitioner-answer')}: a post-sale leader over support, services and CS`,
  policy: ['stage'],
  check({ analysis, stage }) {
    const { team } = analysis.org;
    const { teamById } = analysis;
    // One finding per line that reaches Sales: at the head of a renewals or account management
    // team, naming the people under them; people with no such head, by the leader they reach.
    const flagged = new Map<TeamMember, { via: TeamMember; head: TeamMember }>();
    for (const member of team) {
      const via = renewalsWithSales(member, teamById, stage.id);
      if (via) flagged.set(member, { via, head: renewalHead(member, via, teamById) });
    }
    const heads = new Set([...flagged].filter(([m, f]) => f.head !== m).map(([, f]) => f.head));
    const lines = new Map<string, { via: TeamMember; head?: TeamMember; members: TeamMember[] }>();
    for (const [member, { via, head }] of flagged) {
      const lead = heads.has(member) ? member : head !== member ? head : undefined;
      const key = lead ? lead.id : `\u0000${via.id}`;
      const line = lines.get(key) ?? { via, ...(lead ? { head: lead } : {}), members: [] };
      if (member !== lead) line.members.push(member);
      lines.set(key, line);
    }
    const findings: RuleFinding[] = [];
    for (const { via, head, members } of lines.values()) {
      const first = head ?? members[0];
      if (!first) continue;
      let who: string;
      if (head) {
        const under = members.length > 0 ? `, with ${roleCounts(members)} under them,` : '';
        who = `"${head.id}" (${roleLabel(head.role)})${under} reports`;
      } else if (members.length === 1) who = `"${first.id}" (${roleLabel(first.role)}) reports`;
      else {
        const roles = new Set(members.map((m) => m.role));
        const [role] = roles;
        const what = roles.size === 1 && role ? roleLabelPlural(role) : roleCounts(members);
        who = `${idList(members.map((m) => m.id))} (${what}) report`;
      }
      findings.push({
        path: [...first.path, 'reports_to'],
        message: `${who} up to "${via.id}" (${roleLabel(via.role)}): at the ${STAGE_LABELS[stage.id]} stage, move renewals and upsells into CS under the CS leader, or build a renewals team from the CSMs with the best renewal rates ${cite('dock-org-charts')}`,
      });
    }
    return findings;
  },
};

/** The topmost renewals or account management person on a line, below the Sales leader it reaches. */
function renewalHead(
  member: TeamMember,
  via: TeamMember,
  teamById: ReadonlyMap<string, TeamMember>,
): TeamMember {
  let head = member;
  const seen = new Set([member.id]);
  let current = member.reportsTo ? teamById.get(member.reportsTo) : undefined;
  while (current && current !== via && !seen.has(current.id)) {
    seen.add(current.id);
    if (RENEWAL_ROLES.has(current.role)) head = current;
    current = current.reportsTo ? teamById.get(current.reportsTo) : undefined;
  }
  return head;
}

/** "2 Account Managers and 1 Renewals Manager", in the order the roles first appear. */
function roleCounts(members: readonly TeamMember[]): string {
  const counts = new Map<RoleId, number>();
  for (const m of members) counts.set(m.role, (counts.get(m.role) ?? 0) + 1);
  return listOf([...counts].map(([role, n]) => roleCount(role, n)));
}

export const reportingRules: Rule[] = [csReportsToSales, renewalsOutsideCs];
