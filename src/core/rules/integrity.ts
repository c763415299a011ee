/** Integrity rules: ids are unique, references resolve, reporting lines end somewhere. */

import type { Analysis } from '../analysis.js';
import { suggester } from '../did-you-mean.js';
import type { Path, TeamMember } from '../model.js';
import { formatMoney, formatPct, plural } from '../money.js';
import { BOOK_ROLES, roleLabel } from '../roles.js';
import { cite } from '../sources.js';
import { accountLabel } from './ids.js';
import type { Rule, RuleFinding } from './types.js';

/** A rule that needs only the analysed org: it can run on a file that cannot be planned. */
export interface ReferenceRule extends Rule {
  checkReferences(analysis: Analysis): RuleFinding[];
}

const SOURCE_OWNERSHIP = `Every account has an owner; no orphan accounts ${cite('org-design-guide')}`;

/** An account or a team member, as the id rules read it; account groups have no id of their own. */
interface IdRecord {
  id: string;
  name?: string;
  path: Path;
  isGroup?: boolean;
}

/** ` ("Acme Corp")`: the name of an account whose id is repeated, where it has one. */
function named(record: { id: string; name?: string }, what: string): string {
  const name = record.name?.trim();
  return what === 'account' && name && name !== record.id ? ` ("${name}")` : '';
}

export const duplicateId: ReferenceRule = {
  id: 'duplicate-id',
  category: 'integrity',
  defaultSeverity: 'error',
  summary: 'Two accounts or two team members share an id',
  explanation:
    'Ids are how owners and reporting lines refer to accounts and people. When two records share an id, csplan cannot tell which one a reference means, so every figure built on it would be wrong. Give each account and each person its own id (a CRM id or a short slug).',
  source: 'csplan input contract',
  policy: [],
  check: ({ analysis }) => duplicateId.checkReferences(analysis),
  checkReferences(analysis) {
    const findings: RuleFinding[] = [];
    const seen = (records: readonly IdRecord[], what: string) => {
      // One Set pass for the common case (no duplicates); first places only for the ids that repeat.
      const ids = new Set<string>();
      const repeated = new Set<string>();
      for (const record of records) {
        if (record.isGroup) continue;
        // One lookup per id: an id already there leaves the size as it was.
        const size = ids.size;
        ids.add(record.id);
        if (ids.size === size) repeated.add(record.id);
      }
      if (repeated.size === 0) return;
      const first = new Map<string, Path>();
      for (const record of records) {
        if (record.isGroup || !repeated.has(record.id)) continue;
        const earlier = first.get(record.id);
        if (earlier) {
          findings.push({
            path: [...record.path, 'id'],
            message: `${what} id "${record.id}"${named(record, what)} is used twice (first at {related}); ids must be unique`,
            related: [...earlier, 'id'],
          });
        } else first.set(record.id, record.path);
      }
    };
    seen(analysis.org.accounts, 'account');
    seen(analysis.org.team, 'team');
    return findings;
  },
};

/** Case and white space ignored: "Acme", "acme " and "ac me" are near-duplicates. */
function looseId(id: string): string {
  // Most ids are lower-case ASCII without spaces already: no copy of a million ids for nothing.
  if (isLooseAlready(id)) return id;
  let out = '';
  for (const c of id.toLowerCase()) if (c.trim() !== '') out += c;
  return out;
}

function isLooseAlready(id: string): boolean {
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c <= 32 || c >= 127 || (c >= 65 && c <= 90)) return false;
  }
  return true;
}

export const nearDuplicateId: Rule = {
  id: 'near-duplicate-id',
  category: 'integrity',
  defaultSeverity: 'warning',
  summary: 'Two ids differ only in upper/lower case or spaces',
  explanation:
    'Ids are compared exactly, so "Acme" and "acme " are two different accounts (or people) to csplan. That is rarely meant: usually one record was typed or exported twice. Use one spelling for one record; if they really are two, give them ids that differ in more than case or spaces.',
  source: 'csplan input contract',
  policy: [],
  check({ analysis }) {
    const findings: RuleFinding[] = [];
    const scan = (records: readonly IdRecord[], what: string) => {
      // Two ids that are both lower-case without spaces only meet if they are the same id (a
      // duplicate, not this rule's case): only the keys of the other ids can give a finding.
      const keys = new Set<string>();
      for (const record of records)
        if (!record.isGroup && !isLooseAlready(record.id)) keys.add(looseId(record.id));
      if (keys.size === 0) return;
      const first = new Map<string, IdRecord>();
      for (const record of records) {
        if (record.isGroup) continue;
        const key = looseId(record.id);
        if (!keys.has(key)) continue;
        const earlier = first.get(key);
        if (!earlier) first.set(key, record);
        else if (earlier.id !== record.id) {
          findings.push({
            path: [...record.path, 'id'],
            message: `${what} id "${record.id}" differs from "${earlier.id}" (at {related}) only in case or spaces; use one spelling for one record`,
            related: [...earlier.path, 'id'],
          });
        }
      }
    };
    scan(analysis.org.accounts, 'account');
    scan(analysis.org.team, 'team');
    return findings;
  },
};

export const unknownOwner: ReferenceRule = {
  id: 'unknown-owner',
  category: 'integrity',
  defaultSeverity: 'error',
  summary: "An account's owner is not a team member",
  explanation:
    'An account names an owner that is not in `team`. Until it points at a real person the account is effectively unowned and its load is counted against nobody. Fix the id, or add the person to `team`.',
  source: SOURCE_OWNERSHIP,
  policy: [],
  check: ({ analysis }) => unknownOwner.checkReferences(analysis),
  checkReferences(analysis) {
    const findings: RuleFinding[] = [];
    // Owners match a team member's id, email or name: suggest the closest of any of them.
    const suggest = suggester(
      analysis.org.team.flatMap((m) => [m.id, m.email ?? [], m.name ?? []].flat()),
    );
    for (const { account } of analysis.placed) {
      if (account.owner === undefined || analysis.teamById.has(account.owner)) continue;
      const what = account.count > 1 ? 'Account group' : 'Account';
      const hint = suggest(account.owner) || "; an owner is a team member's id, email or name";
      findings.push({
        path: [...account.path, 'owner'],
        message: `${what} ${accountLabel(account)} names owner "${account.owner}", who is not in team${hint}`,
        // One line per unknown name, however many accounts name it.
        cause: `owner "${account.owner}" is not in team${hint}`,
      });
    }
    return findings;
  },
};

export const unknownManager: ReferenceRule = {
  id: 'unknown-manager',
  category: 'integrity',
  defaultSeverity: 'error',
  summary: "A team member's reports_to is not a team member",
  explanation:
    '`reports_to` must name the id of another person in `team`. A dangling reporting line hides the person from spans of control and from the org chart. Fix the id, or add the manager to `team`.',
  source: 'csplan input contract',
  policy: [],
  check: ({ analysis }) => unknownManager.checkReferences(analysis),
  checkReferences(analysis) {
    const suggest = suggester([...analysis.teamById.keys()]);
    return analysis.org.team
      .filter((m) => m.reportsTo !== undefined && !analysis.teamById.has(m.reportsTo))
      .map((m) => ({
        path: [...m.path, 'reports_to'],
        message: `"${m.id}" reports to "${m.reportsTo}", who is not in team${suggest(m.reportsTo ?? '')}`,
      }));
  },
};

export const reportingCycle: ReferenceRule = {
  id: 'reporting-cycle',
  category: 'integrity',
  defaultSeverity: 'error',
  summary: 'Reporting lines go round in a loop',
  explanation:
    'Following `reports_to` upward must end at someone who reports to nobody (usually the CEO). A loop (a reports to b, b reports to a) leaves the whole chain without a leader. Break the loop by pointing one of them at their real manager.',
  source: 'csplan input contract',
  policy: [],
  check: ({ analysis }) => reportingCycle.checkReferences(analysis),
  checkReferences(analysis) {
    const findings: RuleFinding[] = [];
    const reported = new Set<string>();
    // Everyone a walk has passed: a later walk that reaches them stops there, since what lies
    // above them is known. Each person is walked once, so a chain of 20k managers costs 20k steps.
    const settled = new Set<string>();
    for (const start of analysis.org.team) {
      const chain: TeamMember[] = [];
      const index = new Map<string, number>();
      let current: TeamMember | undefined = start;
      while (current && !index.has(current.id) && !settled.has(current.id)) {
        index.set(current.id, chain.length);
        chain.push(current);
        current = current.reportsTo ? analysis.teamById.get(current.reportsTo) : undefined;
      }
      for (const member of chain) settled.add(member.id);
      if (!current || !index.has(current.id)) continue;
      const loop = chain.slice(index.get(current.id));
      const key = loop
        .map((m) => m.id)
        .sort()
        .join('\u0000');
      if (reported.has(key)) continue;
      reported.add(key);
      // Report at the loop member that comes first in the file, so the finding is stable.
      const first = loop.reduce((a, b) => (Number(a.path[1]) <= Number(b.path[1]) ? a : b));
      const from = loop.indexOf(first);
      const ordered = [...loop.slice(from), ...loop.slice(0, from), first];
      findings.push({
        path: [...first.path, 'reports_to'],
        message: `reporting loop: ${ordered.map((m) => m.id).join(' -> ')}; someone in it must report outside the loop`,
      });
    }
    return findings;
  },
};

/** Unowned accounts matter only once there is someone to own them (the founder covers all before). */
function hasBookOwners(context: Parameters<Rule['check']>[0]): boolean {
  return context.analysis.bookOwners.length > 0;
}

/** Segments that at least one CSM is assigned to (`segment:` on the team member). */
function servedSegments(context: Parameters<Rule['check']>[0]): Set<string> {
  const served = new Set<string>();
  for (const owner of context.analysis.bookOwners)
    if (owner.member.segment) served.add(owner.member.segment);
  return served;
}

export const orphanAccount: Rule = {
  id: 'orphan-account',
  category: 'integrity',
  defaultSeverity: 'error',
  summary: 'An account in a named-CSM segment has no owner',
  explanation:
    'Accounts in segments covered by a named CSM (strategic, enterprise and mid-market by default) need an owner: an orphan account gets no QBRs, no renewal preparation and no early warning. Assign an owner. Pooled and digital segments are exempt, and so are account groups in a segment that a CSM is assigned to.',
  source: SOURCE_OWNERSHIP,
  policy: ['segments.*.coverage'],
  check(context) {
    if (!hasBookOwners(context)) return [];
    const served = servedSegments(context);
    return (
      context.analysis.placed
        .filter((p) => p.coverage === 'named' && p.account.owner === undefined)
        // An account group is covered by the team serving its segment, like a pool.
        .filter((p) => !(p.account.isGroup && served.has(p.segment)))
        .map((p) => ({
          path: p.account.path,
          message: `${p.segment} account ${accountLabel(p.account)} has no owner; named-CSM segments need one`,
        }))
    );
  },
};

export const unownedArrShare: Rule = {
  id: 'unowned-arr-share',
  category: 'integrity',
  defaultSeverity: 'error',
  summary: 'Too much named-coverage ARR sits on accounts without an owner',
  explanation:
    'Adds up the ARR of accounts in named-CSM segments (strategic, enterprise and mid-market by default) that have no owner; account groups count as covered when a CSM serves their segment. Pooled and digital tiers are left out: a pool or a digital program covers them rather than a named owner, and `no-digital-coverage` says when nobody runs that program. Above the threshold (policy `unowned_arr_share_max`, 5% by default) a real part of revenue renews without anyone preparing it. The finding sits on the largest unowned account and names the others. Assign owners; `csplan assign` proposes them.',
  source: SOURCE_OWNERSHIP,
  policy: ['unowned_arr_share_max', 'segments.*.coverage'],
  check(context) {
    if (!hasBookOwners(context)) return [];
    const { analysis } = context;
    const served = servedSegments(context);
    let unowned = 0;
    let count = 0;
    const causes: { id: string; arr: number; path: Path }[] = [];
    for (const p of analysis.placed) {
      if (p.account.owner !== undefined || p.coverage !== 'named') continue;
      if (p.account.isGroup && served.has(p.segment)) continue;
      const arr = p.account.arr * p.account.count;
      unowned += arr;
      count += p.account.count;
      causes.push({ id: p.account.id, arr, path: p.account.path });
    }
    const share = analysis.totalArr > 0 ? unowned / analysis.totalArr : 0;
    const max = analysis.org.policy.unownedArrShareMax;
    if (share <= max) return [];
    causes.sort((a, b) => b.arr - a.arr || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const first = causes[0];
    const named = causes.slice(0, 5).map((c) => `"${c.id}"`);
    const more = causes.length > named.length ? ` and ${causes.length - named.length} more` : '';
    return [
      {
        path: first ? first.path : ['accounts'],
        message: `${formatPct(share)} of ARR (${formatMoney(unowned)} on ${plural(count, 'named-coverage account')}) has no owner; the limit is ${formatPct(max)}: ${named.join(', ')}${more}`,
      },
    ];
  },
};

export const ownerNotCsm: Rule = {
  id: 'owner-not-csm',
  category: 'integrity',
  defaultSeverity: 'warning',
  summary: 'Accounts are owned by someone whose role carries no book (an AE, a manager, a leader)',
  explanation:
    "Only CSMs and digital CSMs carry a book. An account owned by an account executive, a CS manager or the VP is in nobody's capacity: no CSM load counts it, so the plan under-counts the work, and the account gets the time its owner has left after their real job. A CRM export often keeps the AE who closed the deal as the owner. The finding names each such owner once, with the count and ARR of what they own. Move the accounts to CSMs (`csplan rebalance` places them), or, for a leader who really carries a book, give them a CSM role. Founder-led orgs without any CSM are not flagged: there the founder is the book.",
  source: SOURCE_OWNERSHIP,
  policy: [],
  check(context) {
    if (!hasBookOwners(context)) return [];
    const { analysis } = context;
    const owned = new Map<string, { count: number; arr: number }>();
    for (const { account } of analysis.placed) {
      const member = account.owner === undefined ? undefined : analysis.teamById.get(account.owner);
      if (!member || BOOK_ROLES.has(member.role)) continue;
      const book = owned.get(member.id) ?? { count: 0, arr: 0 };
      book.count += account.count;
      book.arr += account.arr * account.count;
      owned.set(member.id, book);
    }
    return [...owned.entries()].map(([id, book]) => {
      const member = analysis.teamById.get(id) as TeamMember;
      return {
        path: member.path,
        message: `"${id}" (${roleLabel(member.role)}) owns ${plural(book.count, 'account')}, ${formatMoney(book.arr)} ARR, but the role carries no book: no CSM's load counts them; move them to CSMs (\`csplan rebalance\`) or give "${id}" a CSM role`,
      };
    });
  },
};

export const integrityRules: Rule[] = [
  duplicateId,
  nearDuplicateId,
  unknownOwner,
  unknownManager,
  reportingCycle,
  orphanAccount,
  unownedArrShare,
  ownerNotCsm,
];

/** Integrity rules whose findings stay true when some records could not be read. */
export const REFERENCE_RULES: readonly ReferenceRule[] = [
  duplicateId,
  unknownOwner,
  unknownManager,
  reportingCycle,
];

export const REFERENCE_RULE_IDS: ReadonlySet<string> = new Set(REFERENCE_RULES.map((r) => r.id));
