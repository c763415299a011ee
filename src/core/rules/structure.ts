/** Structure rules: spans of control and the roles a team of a given size needs. */
import { isPlanned } from '../analysis.js';
import { BOOK_ROLES, CS_MANAGER_ROLES, roleLabel } from '../roles.js';
import type { Rule, RuleFinding } from './types.js';

export const spanOfControl: Rule = {
  id: 'span-of-control',
  category: 'structure',
  defaultSeverity: 'error',
  summary: 'A manager has more than 8 direct reports, or a director more than 4 managers',
  explanation:
    'Managers coach 5-8 direct reports and directors lead 2-4 managers; beyond that nobody gets coaching time and the leader becomes a bottleneck. A flat team (many CSMs reporting straight to a VP or the CEO) is the common form of this problem. Add a team lead or manager for each group of 5-8, or a director over each 2-4 managers.',
  source: 'DOMAIN.md "Good and bad org design": span of control (seed 000)',
  policy: ['span_of_control'],
  check({ analysis }) {
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
      if (reports.length > managerMax) {
        const csms = reports.filter((r) => BOOK_ROLES.has(r.role)).length;
        const flat = csms > managerMax ? ` including ${csms} CSMs (a flat team)` : '';
        findings.push({
          path: member.path,
          message: `"${member.id}" (${roleLabel(member.role)}) has ${reports.length} direct reports${flat}; keep spans at ${analysis.org.policy.spanOfControl.managerMin}-${managerMax} by adding a manager per group`,
        });
      }
    }
    return findings;
  },
};

export const missingCsOps: Rule = {
  id: 'missing-cs-ops',
  category: 'structure',
  defaultSeverity: 'warning',
  summary: 'The team has 5 or more CSMs and nobody in CS Operations',
  explanation:
    'At five CSMs the work of keeping data, tooling, playbooks and reporting straight no longer fits beside a book; even one CS Ops person makes a large difference. Hire CS Ops before the fifth CSM, or name who covers it.',
  source: 'DOMAIN.md "Good and bad org design": CS Operations before 5+ CSMs (seed 000, seed 004)',
  policy: ['cs_ops_at_csms'],
  check({ analysis }) {
    const { org } = analysis;
    const csms = analysis.bookOwners.filter((o) => o.rampStatus !== 'planned').length;
    if (csms < org.policy.csOpsAtCsms) return [];
    if (org.team.some((m) => m.role === 'cs-ops')) return [];
    const planned = org.team.some((m) => m.role === 'cs-ops' && isPlanned(m, org.company.asOf));
    if (planned) return [];
    return [
      {
        path: ['team'],
        message: `${csms} CSMs and no CS Ops: CS Ops comes before the team reaches ${org.policy.csOpsAtCsms} CSMs`,
      },
    ];
  },
};

export const structureRules: Rule[] = [spanOfControl, missingCsOps];
