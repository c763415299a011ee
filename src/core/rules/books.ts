/** Book rules: what each CSM carries, weighed by ARR and complexity, not only by count. */
import { type Analysis, type BookOwner, segmentForArr } from '../analysis.js';
import { IDLE_CAPACITY } from '../capacity.js';
import { addDays, daysBetween } from '../dates.js';
import type { Account, Level, SegmentId, TeamMember } from '../model.js';
import { SEGMENT_IDS } from '../model.js';
import { formatCount, formatFte, formatMoney, formatPct, plural } from '../money.js';
import { ROLES, roleLabel } from '../roles.js';
import { cite } from '../sources.js';
import type { TargetOrg, TargetTeam } from '../target/index.js';
import { accountLabel, accountList, idList } from './ids.js';
import type { Rule, RuleFinding } from './types.js';

/**
 * Thresholds of the book rules that the sources state only in words ("a pile of SMB accounts",
 * "far apart"): csplan defaults, named in each rule's explanation.
 */
export const BOOK_THRESHOLDS = {
  /** Share of a book's load in far-away tiers from which the book counts as mixed. */
  mixedSegmentLoadShare: 0.2,
  /** Heaviest / lightest book in one segment (load or ARR per FTE) above which books are unbalanced. */
  imbalanceRatio: 1.5,
};

const rank = (segment: SegmentId) => SEGMENT_IDS.indexOf(segment);

/**
 * The limits a book must keep, in one place: `check` reports a book past them and `rebalance`
 * never moves a book past them (nor further past, when it starts there), so the two agree.
 */
export const BOOK_LIMITS = {
  /** Room for float rounding in every comparison with a limit. */
  epsilon: 1e-9,

  /**
   * How full a book is against the most its owner may carry today, 1 being the limit: a ramped
   * CSM against the largest book the benchmarks allow (load at the top of the ranges over fte,
   * csm-overloaded), a ramping CSM against the ramp share of a target book (ramp-overload). Nobody
   * can carry a book before the start date or the first weeks of the ramp: any load is past it.
   */
  capUse(book: {
    rampStatus: 'planned' | 'ramping' | 'ramped';
    /** What the one capacity model (people.ts) lets the owner carry today: fte x ramp share. */
    capacity: number;
    loadAtTarget: number;
    loadAtMax: number;
  }): number {
    const carried = book.rampStatus === 'ramped' ? book.loadAtMax : book.loadAtTarget;
    if (book.capacity > 0 && book.rampStatus !== 'planned') return carried / book.capacity;
    return carried > BOOK_LIMITS.epsilon ? Number.POSITIVE_INFINITY : 0;
  },

  /** Whether a book's red and yellow accounts are past the health-mix limit (`health_mix_max`). */
  overHealthMix(atRisk: number, scored: number, max: number): boolean {
    return scored > 0 && atRisk / scored > max + BOOK_LIMITS.epsilon;
  },

  /** Whether an account counts as complex, by its own complexity or the product's. */
  isComplex(account: Account, productComplexity: Level): boolean {
    return (account.complexity ?? productComplexity) === 'high';
  },
};

/** The book of `owner` against its cap today (see `BOOK_LIMITS.capUse`). */
function capUseOf(owner: BookOwner): number {
  return BOOK_LIMITS.capUse({
    rampStatus: owner.rampStatus,
    capacity: owner.capacity,
    loadAtTarget: owner.loadAtTarget,
    loadAtMax: owner.loadAtMax,
  });
}

/** A leaving CSM hands the whole book over (`csplan rebalance`): its mix and size are no measure. */
function isLeaving(owner: BookOwner): boolean {
  return owner.member.leaving !== undefined;
}

/**
 * A CSM whose book is being handed over: leaving, or moved by the plan into another function
 * (CS Ops, onboarding...), as `rebalance` hands it over. Their book is not judged as a book.
 */
function handsOver(owner: BookOwner, target: TargetOrg | undefined): boolean {
  return isLeaving(owner) || (target?.roleMoves.some((m) => m.id === owner.member.id) ?? false);
}

function describeBook(owner: BookOwner): string {
  return `${plural(owner.accountCount, 'account')}, ${formatMoney(owner.arr)} ARR`;
}

export const csmOverloaded: Rule = {
  id: 'csm-overloaded',
  category: 'books',
  defaultSeverity: 'error',
  summary: "A CSM's book is beyond the top of the published range for its segments",
  explanation:
    "Each account counts as its share of a full book at the top of its segment's published range, by account count (weighted by complexity and load drivers) and by ARR, whichever is larger. A book above 100% of that is beyond every benchmark: the CSM can only react. `csplan rebalance` proposes the moves to CSMs with room; otherwise hire. Part-time CSMs (fte below 1) are measured against their share.",
  source: `Accounts per CSM by segment ${cite('org-design-guide')}; ARR per CSM by segment, and never assign books by account count alone ${cite('cs-ops-architect')}`,
  policy: [
    'segments.*.accounts_per_csm',
    'segments.*.arr_per_csm',
    'complexity_factors',
    'load_drivers',
  ],
  check({ analysis }) {
    const findings: RuleFinding[] = [];
    for (const owner of analysis.bookOwners) {
      if (owner.rampStatus !== 'ramped' || owner.accountCount === 0) continue;
      // Someone who has left carries nothing: leaver-owns-accounts reports their book.
      if (owner.person.status === 'left') continue;
      const limit = owner.member.fte;
      if (capUseOf(owner) <= 1 + BOOK_LIMITS.epsilon) continue;
      findings.push({
        path: owner.member.path,
        message: `"${owner.member.id}" holds ${describeBook(owner)}: ${formatPct(owner.loadAtMax / limit)} of the largest book the benchmarks allow (${formatPct(owner.loadAtTarget / limit)} of a target book); \`csplan rebalance\` proposes the moves, or hire`,
      });
    }
    return findings;
  },
};

export const rampOverload: Rule = {
  id: 'ramp-overload',
  category: 'books',
  defaultSeverity: 'error',
  summary: 'A CSM still in the ramp (or not yet started) holds more than the ramp schedule allows',
  explanation:
    'New CSMs learn and shadow for four weeks with no book, own a few small accounts in weeks 5-6, and take a full book from week 7 (policy `ramp`). A full book on day one sets a new hire up to fail, and accounts given to someone whose start date is still ahead have nobody until then. Keep the book at the ramp share until the ramp ends, then hand over the rest.',
  source: `The new-CSM onboarding plan: no book in weeks 1-4, small accounts in weeks 5-6, a full book from weeks 7-8; a full book on day one fails ${cite('org-design-guide')}`,
  policy: ['ramp'],
  check({ analysis }) {
    const findings: RuleFinding[] = [];
    for (const owner of analysis.bookOwners) {
      if (owner.accountCount === 0 || owner.rampStatus === 'ramped') continue;
      if (owner.rampStatus === 'planned') {
        // Accounts handed to someone who has not started yet have nobody until that day.
        findings.push({
          path: owner.member.path,
          message: `"${owner.member.id}" starts on ${owner.member.startDate} but already owns ${describeBook(owner)}; until then nobody covers them, and the first weeks of the ramp carry no book`,
        });
        continue;
      }
      if (capUseOf(owner) <= 1 + BOOK_LIMITS.epsilon) continue;
      findings.push({
        path: owner.member.path,
        message: `"${owner.member.id}" is in week ${owner.tenureWeek} of the ramp, where a book is ${formatPct(owner.rampShare)} of a full one, but holds ${describeBook(owner)} (${formatPct(owner.loadAtTarget / owner.member.fte)} of a full book)`,
      });
    }
    return findings;
  },
};

export const leaverOwnsAccounts: Rule = {
  id: 'leaver-owns-accounts',
  category: 'books',
  defaultSeverity: 'error',
  summary: 'A CSM whose leave date has come still owns accounts',
  explanation:
    'From the `leaving:` date on a CSM carries no book (the last day is spent handing over), so accounts still owned by them have nobody: no renewal preparation, no early warning. A departure is one of the reasons to rebalance between the yearly and quarterly rounds. Hand the whole book over: `csplan rebalance` proposes who takes which accounts, and `csplan recommend` dates the backfill.',
  source: `Every account has an owner ${cite('org-design-guide')}; rebalance for a reason such as a departure ${cite('cs-ops-architect')}`,
  policy: [],
  check({ analysis }) {
    const findings: RuleFinding[] = [];
    for (const owner of analysis.bookOwners) {
      if (owner.person.status !== 'left' || owner.accountCount === 0) continue;
      findings.push({
        path: owner.member.path,
        message: `"${owner.member.id}" left on ${owner.member.leaving} but still owns ${describeBook(owner)}: nobody covers them; \`csplan rebalance\` hands the book over`,
      });
    }
    return findings;
  },
};

export const mixedSegmentBook: Rule = {
  id: 'mixed-segment-book',
  category: 'books',
  defaultSeverity: 'warning',
  summary: 'One book mixes tiers two or more segments apart (e.g. enterprise and SMB accounts)',
  explanation: `From the specialization stage on, each segment has its own touch model: executive and high touch for strategic and enterprise, low touch for mid-market, pooled and digital below. A CSM whose book holds accounts two or more tiers away from the rest (an enterprise CSM with a pile of SMB accounts) runs two playbooks at once and serves neither well. Neighbouring tiers may share a book, and so may segments that csplan's recommended org puts in one team. The rule reports a book when the far-away accounts make up at least ${formatPct(BOOK_THRESHOLDS.mixedSegmentLoadShare)} of its load (a csplan default). Move those accounts to the team that serves their segment. Founding and first-hire stages are exempt, and so is any org whose CSM work is too small to split into tier teams: generalists are the plan there.`,
  source: `A touch model per segment, and segmenting by ARR rather than by logo ${cite('org-design-guide')}; enterprise and SMB accounts in one book weigh very differently ${cite('cs-ops-architect')}`,
  policy: ['segments.*.min_arr', 'segments.*.accounts_per_csm'],
  check({ analysis, stage, teams }) {
    if (stage.id === 'founding' || stage.id === 'first-hire') return [];
    // A generalist team is the plan while the work is too small to split by tier.
    if (!teams.some((team) => team.kind === 'segment')) return [];
    const teamOf = new Map<SegmentId, string>();
    for (const team of teams) {
      for (const segment of team.segments) teamOf.set(segment, team.key);
    }
    const findings: RuleFinding[] = [];
    for (const owner of analysis.bookOwners) {
      const anchor = owner.member.segment ?? owner.mainSegment;
      if (!anchor) continue;
      const far = (segment: SegmentId) =>
        Math.abs(rank(segment) - rank(anchor)) >= 2 &&
        (teamOf.get(segment) === undefined || teamOf.get(segment) !== teamOf.get(anchor));
      let total = 0;
      let farLoad = 0;
      for (const [segment, load] of owner.loadBySegment) {
        total += load;
        if (far(segment)) farLoad += load;
      }
      if (total === 0 || farLoad / total < BOOK_THRESHOLDS.mixedSegmentLoadShare - 1e-9) continue;
      const farAccounts = owner.accounts.filter((p) => far(p.segment));
      const counts = new Map<SegmentId, number>();
      for (const p of farAccounts)
        counts.set(p.segment, (counts.get(p.segment) ?? 0) + p.account.count);
      const farCount = [...counts.values()].reduce((sum, n) => sum + n, 0);
      const what = [...counts.entries()]
        .sort((a, b) => rank(a[0]) - rank(b[0]))
        .map(([segment, n]) => `${formatCount(n)} ${segment}`)
        .join(' and ');
      findings.push({
        path: owner.member.path,
        message: `"${owner.member.id}" mixes tiers: ${what} ${farCount === 1 ? 'account' : 'accounts'} (${idList(farAccounts.map((p) => p.account.id))}) ${farCount === 1 ? 'is' : 'are'} ${formatPct(farLoad / total)} of the load of a book otherwise in ${anchor}; move them to the team that serves their segment`,
      });
    }
    return findings;
  },
};

export const bookHealthMix: Rule = {
  id: 'book-health-mix',
  category: 'books',
  defaultSeverity: 'warning',
  summary: 'More than 30% of the accounts in one book are red or yellow',
  explanation:
    'At-risk accounts take far more time than healthy ones: escalations, save plans, executive calls. A CSM with more than 30% red or yellow accounts (policy `health_mix_max`) spends the week firefighting and the healthy part of the book goes untouched. Spread at-risk accounts across books, or lighten the book while the CSM turns them around. Only accounts with a health score count; account groups count as their size. A CSM who is leaving or whom the plan moves into another function, or who can carry no book yet (ramp-overload reports that), is left out: their book is handed over.',
  source: `Balance books on health mix: no CSM above 30% red or yellow accounts ${cite('cs-ops-architect')}`,
  policy: ['health_mix_max'],
  check({ analysis, target }) {
    const max = analysis.org.policy.healthMixMax;
    const findings: RuleFinding[] = [];
    for (const owner of analysis.bookOwners) {
      // Whoever can carry no book (leaving, moving to another function, not started, first
      // weeks of the ramp) hands it over.
      if (handsOver(owner, target) || owner.capacity === 0) continue;
      let scored = 0;
      let atRisk = 0;
      const red: Account[] = [];
      const yellow: Account[] = [];
      for (const { account } of owner.accounts) {
        if (!account.health) continue;
        scored += account.count;
        if (account.health === 'green') continue;
        atRisk += account.count;
        (account.health === 'red' ? red : yellow).push(account);
      }
      if (!BOOK_LIMITS.overHealthMix(atRisk, scored, max)) continue;
      const unscored = owner.accountCount - scored;
      findings.push({
        path: owner.member.path,
        message: `"${owner.member.id}" has ${formatCount(atRisk)} of ${plural(scored, 'account')}${unscored > 0 ? ' with a health score' : ''} red or yellow (${sharePast(atRisk / scored, max)}; limit ${formatPct(max)}): ${accountList([...red, ...yellow])}; \`csplan rebalance\` proposes how to spread them`,
      });
    }
    return findings;
  },
};

/** A share just above a limit, with a decimal when whole percents would print them equal. */
function sharePast(share: number, limit: number): string {
  if (formatPct(share) !== formatPct(limit)) return formatPct(share);
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

export const seniorityMismatch: Rule = {
  id: 'seniority-mismatch',
  category: 'books',
  defaultSeverity: 'warning',
  summary: 'A junior CSM owns high-complexity accounts',
  explanation:
    "Complex accounts (deep integrations, many stakeholders, varied use cases) go to senior CSMs; a junior CSM learns on simpler ones. The rule reports each CSM with `seniority: junior` who owns accounts whose complexity is high (the account's own `complexity`, or the company's `product_complexity` when the account sets none). Move those accounts to a senior CSM, or pair the junior CSM with one. CSMs without a seniority are not checked.",
  source: `Balance books on seniority: complex accounts go to senior CSMs ${cite('cs-ops-architect')}`,
  policy: [],
  check({ analysis }) {
    const productComplexity = analysis.org.company.productComplexity;
    const findings: RuleFinding[] = [];
    for (const owner of analysis.bookOwners) {
      if (owner.member.seniority !== 'junior') continue;
      const complex = owner.accounts.filter((p) =>
        BOOK_LIMITS.isComplex(p.account, productComplexity),
      );
      if (complex.length === 0) continue;
      const n = complex.reduce((sum, p) => sum + p.account.count, 0);
      findings.push({
        path: owner.member.path,
        message: `junior CSM "${owner.member.id}" owns ${plural(n, 'high-complexity account')} (${idList(complex.map((p) => p.account.id))}); \`csplan rebalance\` moves them to a senior CSM with room, or pair them with one`,
      });
    }
    return findings;
  },
};

export const bookImbalance: Rule = {
  id: 'book-imbalance',
  category: 'books',
  defaultSeverity: 'warning',
  summary: 'Books in one segment are far apart in load or ARR',
  explanation: `CSMs in the same segment should carry comparable books: similar value (ARR) and similar work (accounts weighted by complexity). The rule compares the fully ramped CSMs of each segment (their assigned segment, or where most of their book sits), per FTE (where the target org splits a tier into industry or region teams, within each team and CSM region, as \`csplan rebalance\` evens them out), and reports a segment when the heaviest book is more than ${BOOK_THRESHOLDS.imbalanceRatio}x the lightest in load (share of a target book) or in ARR (a csplan default). Rebalance at the next quarterly adjustment, moving as few accounts as possible and none that renew soon: \`csplan rebalance\` proposes those moves. CSMs still in the ramp carry smaller books on purpose and are left out, and so are CSMs who are leaving or whom the plan moves into another function (their book is being handed over).`,
  source: `Balance books on ARR, account count and complexity; never assign purely by count ${cite('cs-ops-architect')}; the 1.5x spread ${cite('csplan-default')}`,
  policy: ['segments.*.accounts_per_csm', 'segments.*.arr_per_csm', 'complexity_factors'],
  check({ analysis, target, teams }) {
    const groups = new Map<string, { segment: SegmentId; where: string; owners: BookOwner[] }>();
    for (const owner of analysis.bookOwners) {
      const segment = owner.member.segment ?? owner.mainSegment;
      if (!segment || owner.rampStatus !== 'ramped' || owner.accountCount === 0) continue;
      if (handsOver(owner, target)) continue;
      const { key, where } = balancedWithin(owner, segment, teams, analysis.teamById);
      const group = groups.get(key) ?? { segment, where, owners: [] };
      group.owners.push(owner);
      groups.set(key, group);
    }
    const findings: RuleFinding[] = [];
    const ordered = [...groups.values()].sort(
      (a, b) => SEGMENT_IDS.indexOf(a.segment) - SEGMENT_IDS.indexOf(b.segment),
    );
    for (const { segment, where, owners } of ordered) {
      if (owners.length < 2) continue;
      const perFte = owners.some((o) => o.member.fte !== 1);
      const load = extremes(owners, (o) => o.loadAtTarget / o.member.fte);
      const arr = extremes(owners, (o) => o.arr / o.member.fte);
      const loadRatio = spread(load.high.value, load.low.value);
      const arrRatio = spread(arr.high.value, arr.low.value);
      const limit = BOOK_THRESHOLDS.imbalanceRatio;
      if (loadRatio <= limit + 1e-9 && arrRatio <= limit + 1e-9) continue;
      const fte = perFte ? ' per FTE' : '';
      // A book with no load or no ARR has no ratio to print: say "none" instead of "Infinityx".
      const detail =
        loadRatio >= arrRatio
          ? Number.isFinite(loadRatio)
            ? `"${load.high.owner.member.id}" carries ${ratioText(loadRatio)} the load of "${load.low.owner.member.id}" (${formatPct(load.high.value)} vs ${formatPct(load.low.value)} of a target book${fte})`
            : `"${load.high.owner.member.id}" carries ${formatPct(load.high.value)} of a target book${fte} and "${load.low.owner.member.id}" none`
          : Number.isFinite(arrRatio)
            ? `"${arr.high.owner.member.id}" holds ${ratioText(arrRatio)} the ARR of "${arr.low.owner.member.id}" (${formatMoney(arr.high.value)} vs ${formatMoney(arr.low.value)}${fte})`
            : `"${arr.high.owner.member.id}" holds ${formatMoney(arr.high.value)} of ARR${fte} and "${arr.low.owner.member.id}" none`;
      findings.push({
        path: (loadRatio >= arrRatio ? load.high.owner : arr.high.owner).member.path,
        message: `${segment} books${where} are far apart: ${detail}; \`csplan rebalance\` proposes the moves`,
      });
    }
    return findings;
  },
};

/**
 * The books a CSM's is compared with: those of the same segment, and, where the target splits a
 * tier by industry or region, of the same target team and CSM region, the books the rebalance
 * can even out (an account stays in its team, and in its region unless nobody there has room).
 * `where` names that team, and the CSM's region where the team has CSMs in several.
 */
function balancedWithin(
  owner: BookOwner,
  segment: SegmentId,
  teams: readonly TargetTeam[],
  teamById: ReadonlyMap<string, TeamMember>,
): { key: string; where: string } {
  const team = teams.find(
    (t) => (t.industry !== undefined || t.region) && t.members.includes(owner.member.id),
  );
  if (!team) return { key: segment, where: '' };
  const region = owner.member.region?.trim() ?? '';
  const regionOf = (id: string) => teamById.get(id)?.region?.trim().toLowerCase() ?? '';
  const named = region !== '' && new Set(team.members.map(regionOf)).size > 1;
  return {
    key: `${segment}|${team.key}|${region.toLowerCase()}`,
    where: ` in ${team.title}${named ? ` (${region})` : ''}`,
  };
}

function extremes(owners: BookOwner[], measure: (owner: BookOwner) => number) {
  let high = { owner: owners[0] as BookOwner, value: measure(owners[0] as BookOwner) };
  let low = high;
  for (const owner of owners.slice(1)) {
    const value = measure(owner);
    if (value > high.value) high = { owner, value };
    if (value < low.value) low = { owner, value };
  }
  return { high, low };
}

/** How many times `low` the `high` value is: two empty books are even, one empty book is not. */
function spread(high: number, low: number): number {
  if (low > 0) return high / low;
  return high > 0 ? Number.POSITIVE_INFINITY : 1;
}

function ratioText(ratio: number): string {
  return `${(Math.round(ratio * 10) / 10).toFixed(1)}x`;
}

export const prematureDowngrade: Rule = {
  id: 'premature-downgrade',
  category: 'books',
  defaultSeverity: 'warning',
  summary: 'An account is pinned below its ARR tier within 90 days of a negative event',
  explanation:
    'Moving an account to a lower tier takes away attention (a named CSM, QBRs, executive sponsor). Doing it during an active issue or soon after one tells the customer they matter less just when trust is lowest. The rule reports accounts whose `segment` pin places them below the tier their ARR (or `strategic: true`) gives them, while `last_negative_event` lies within `downgrade_cooldown_days` (90 by default) before the plan date. The file cannot say when the pin was set, so any such pin in the window is reported: keep the account in its tier until the window ends.',
  source: `Tier movement: never downgrade during an active issue or within 90 days of a negative event ${cite('cs-ops-architect')}`,
  policy: ['downgrade_cooldown_days', 'segments.*.min_arr'],
  check({ analysis }) {
    const { org } = analysis;
    const cooldown = org.policy.downgradeCooldownDays;
    const findings: RuleFinding[] = [];
    for (const p of analysis.placed) {
      const { account } = p;
      if (p.segmentSource !== 'pinned' || !account.lastNegativeEvent) continue;
      const earned: SegmentId = account.strategic
        ? 'strategic'
        : segmentForArr(account.arr, org.policy);
      if (rank(p.segment) <= rank(earned)) continue;
      const days = daysBetween(account.lastNegativeEvent, org.company.asOf);
      if (days < 0 || days >= cooldown) continue;
      findings.push({
        path: [...account.path, 'segment'],
        message: `account ${accountLabel(account)} is pinned to ${p.segment}, below its ${earned} tier, ${plural(days, 'day')} after a negative event (${account.lastNegativeEvent}); keep it in ${earned} until ${addDays(account.lastNegativeEvent, cooldown)}`,
      });
    }
    return findings;
  },
};

export const csmCapacityIdle: Rule = {
  id: 'csm-capacity-idle',
  category: 'books',
  defaultSeverity: 'warning',
  summary: 'The CSMs have far more capacity than the accounts need',
  explanation: `CSM capacity today (ramp-adjusted, CSMs without a segment included) is at least ${IDLE_CAPACITY.surplusFte} FTE above the work at the target ratios, and the work is at most ${formatPct(IDLE_CAPACITY.maxLoad)} of it: below that, every book sits under the low end of the published account ranges (csplan defaults). The finding gives the figures finance asks for: the load, ARR per CSM against the target, and what CS costs as a share of ARR when \`policy: salaries\` has them. Then the choices: hold backfills as people leave, move CSMs beyond the work into the roles the plan needs (CS Ops, onboarding, renewals) before hiring for them, and defer an offer that is not signed yet. Hiring ahead of need is an anti-pattern. Often the cause is in the data: founders or sales reps who own accounts in the CRM are listed as CSMs; give them their real role. Not checked before the file has accounts.`,
  source: `Hiring ahead of need is an anti-pattern ${cite('org-design-guide')}; one team member starts a new function before it grows ${cite('dock-org-charts')}; headcount framed as revenue, not workload ${cite('team-structure-guide')}; the ${IDLE_CAPACITY.surplusFte} FTE and ${formatPct(IDLE_CAPACITY.maxLoad)} thresholds ${cite('csplan-default')}`,
  policy: ['segments.*.accounts_per_csm', 'segments.*.arr_per_csm', 'ramp', 'salaries'],
  check({ analysis, idle, target }) {
    if (!idle) return [];
    const { totalArr } = analysis;
    const active = analysis.bookOwners.filter((o) => o.rampStatus !== 'planned');
    const figures = `${plural(active.length, 'CSM')} give ${formatFte(idle.available)} FTE of capacity for ${formatFte(idle.needed)} FTE of work at the target ratios: ${formatPct(idle.needed / idle.available)} loaded, ${formatMoney(totalArr / Math.max(1, active.length))} of ARR per CSM against ${formatMoney(totalArr / idle.needed)} at target.`;
    return [
      {
        path: ['team'],
        message: [figures, csCost(analysis), choices(analysis, target)].filter(Boolean).join(' '),
      },
    ];
  },
};

/** What the CS team costs as a share of ARR, from the salaries the policy gives; '' without them. */
function csCost(analysis: Analysis): string {
  const { salaries } = analysis.org.policy;
  if (salaries.csm === undefined || analysis.totalArr <= 0) return '';
  let cost = 0;
  let unpriced = 0;
  for (const member of analysis.org.team) {
    const kind = ROLES[member.role].kind;
    if (kind === 'executive' || kind === 'sales') continue;
    const salary = salaries[member.role];
    if (salary === undefined) unpriced += 1;
    else cost += salary * member.fte;
  }
  const besides =
    unpriced > 0
      ? ` (${plural(unpriced, 'person', 'people')} without a salary in policy left out)`
      : '';
  return `CS costs ${formatMoney(cost)} a year, ${formatPct(cost / analysis.totalArr)} of ARR${besides}.`;
}

/** Hold backfills, move people into the roles the plan needs, defer offers not yet signed. */
function choices(analysis: Analysis, target: TargetOrg | undefined): string {
  if (!target) return '';
  const beyond =
    target.teams.reduce((sum, t) => sum + t.surplus, 0) +
    target.unplaced.length +
    target.roleMoves.length;
  if (beyond === 0)
    return "The file's growth needs them within the time it takes to hire: hold new CSM hires.";
  const options = [`hold backfills as people leave`];
  if (target.roleMoves.length > 0)
    options.push(
      `move ${target.roleMoves.map((m) => `"${m.id}" into ${roleLabel(m.role)}`).join(', ')} instead of hiring`,
    );
  const planned = analysis.bookOwners.filter((o) => o.rampStatus === 'planned').slice(-beyond);
  if (planned.length > 0)
    options.push(
      `defer the offer to ${planned.map((o) => `"${o.member.id}" (starts ${o.member.startDate})`).join(', ')} if it is not signed`,
    );
  return `${plural(beyond, 'CSM')} beyond the work, growth included. Choices: ${options.join('; ')}. If some of them are founders or sales reps who own accounts in the CRM, give them that role.`;
}

export const bookRules: Rule[] = [
  csmOverloaded,
  rampOverload,
  leaverOwnsAccounts,
  mixedSegmentBook,
  bookHealthMix,
  seniorityMismatch,
  bookImbalance,
  prematureDowngrade,
  csmCapacityIdle,
];
