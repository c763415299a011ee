/**
 * Customers and ARR per segment month by month from `growth:`, and the org grown to a month:
 * each account stands for more (or fewer) accounts of its segment, so books, mix and complexity
 * carry over and only the volume changes.
 */
import { placeAccount } from '../analysis.js';
import type { Account, Growth, IndustryMix, Org, SegmentGrowth, SegmentId } from '../model.js';
import { SEGMENT_IDS } from '../model.js';
import { addIndustries, emptyIndustryMix } from '../structure.js';
import { industryKey, regionKey, type TeamAttributes, teamAttributes } from '../target/needs.js';

export interface SegmentVolume {
  customers: number;
  arr: number;
}

/** One entry per month (index 0 = today), customers and ARR by segment. */
export type GrowthSeries = Record<SegmentId, SegmentVolume>[];

export interface GrowthOptions {
  /** Multiplies new customers and ARR growth (`--growth 2x`); churn stays as given. */
  factor?: number;
}

const volumesByAccounts = new WeakMap<
  Account[],
  { policy: Org['policy']; volumes: Record<SegmentId, SegmentVolume> }
>();

/**
 * segmentVolumes, once per list of accounts and policy: the plan's growth, its size limit and
 * every month of the timeline start from the same accounts' volumes. Not to be changed: callers
 * that keep them copy them.
 */
function todayVolumes(org: Org): Readonly<Record<SegmentId, Readonly<SegmentVolume>>> {
  const made = volumesByAccounts.get(org.accounts);
  if (made && made.policy === org.policy) return made.volumes;
  const volumes = segmentVolumes(org);
  volumesByAccounts.set(org.accounts, { policy: org.policy, volumes });
  return volumes;
}

/** Customers and ARR per segment today: account groups count member by member. */
export function segmentVolumes(org: Org): Record<SegmentId, SegmentVolume> {
  const out = Object.fromEntries(SEGMENT_IDS.map((id) => [id, { customers: 0, arr: 0 }])) as Record<
    SegmentId,
    SegmentVolume
  >;
  for (const account of org.accounts) {
    const { segment } = placeAccount(account, org);
    out[segment].customers += account.count;
    out[segment].arr += account.arr * account.count;
  }
  return out;
}

/**
 * Month m from month m-1, per segment: churn takes customers and their ARR, expansion grows the
 * ARR of those kept, new customers arrive at the segment's average ARR. Yearly rates are spread
 * evenly (a twelfth a month) so a figure can be checked by hand.
 */
export function growthSeries(
  org: Org,
  months: number,
  options: GrowthOptions = {},
): { series: GrowthSeries; notes: string[] } {
  const growth: Growth = org.growth ?? {};
  const factor = options.factor ?? 1;
  const today = Object.fromEntries(
    Object.entries(todayVolumes(org)).map(([id, volume]) => [id, { ...volume }]),
  ) as Record<SegmentId, SegmentVolume>;
  const totalCustomers = SEGMENT_IDS.reduce((sum, id) => sum + today[id].customers, 0);
  const totalArr = SEGMENT_IDS.reduce((sum, id) => sum + today[id].arr, 0);
  const notes: string[] = [];
  if (!org.growth) {
    notes.push(
      "The file has no growth: section, so the plan holds today's customers and ARR; add growth: (e.g. new_customers_per_month) to plan ahead.",
    );
  }
  const series: GrowthSeries = [today];
  const companyNew = growth.newCustomersPerMonth ?? (growth.newCustomers12m ?? 0) / 12;
  // `arr_growth_pct_12m` alone (the older form) sets total ARR on a straight line to month 12.
  const hasRates = [growth, ...Object.values(growth.segments ?? {})].some(
    (g) =>
      g.expansionPct12m !== undefined ||
      g.churnPct12m !== undefined ||
      g.grossRetentionPct !== undefined,
  );
  const arrLine = !hasRates && growth.arrGrowthPct12m !== undefined;

  const perSegment = new Map<SegmentId, Required<Pick<SegmentGrowth, 'newCustomerArr'>> & Rates>();
  for (const id of SEGMENT_IDS) {
    const own = growth.segments?.[id] ?? {};
    const share = totalCustomers > 0 ? today[id].customers / totalCustomers : 0;
    const average = today[id].customers > 0 ? today[id].arr / today[id].customers : undefined;
    const newCustomerArr = own.newCustomerArr ?? growth.newCustomerArr ?? average;
    let newPerMonth = own.newCustomersPerMonth ?? companyNew * share;
    if (newCustomerArr === undefined && newPerMonth > 0) {
      notes.push(
        `growth.segments.${id}: no ${id} customers today to take an ARR from; set new_customer_arr to grow this segment`,
      );
      newPerMonth = 0;
    }
    const churn =
      own.churnPct12m ??
      (own.grossRetentionPct !== undefined ? 100 - own.grossRetentionPct : undefined) ??
      growth.churnPct12m ??
      (growth.grossRetentionPct !== undefined ? 100 - growth.grossRetentionPct : 0);
    perSegment.set(id, {
      newCustomerArr: newCustomerArr ?? 0,
      newPerMonth: newPerMonth * factor,
      ratePerMonth:
        ((own.customerGrowthPctPerMonth ?? growth.customerGrowthPctPerMonth ?? 0) * factor) / 100,
      expansionPerMonth: ((own.expansionPct12m ?? growth.expansionPct12m ?? 0) * factor) / 1200,
      churnPerMonth: churn / 1200,
    });
  }

  for (let m = 1; m <= months; m++) {
    const previous = series[m - 1] as Record<SegmentId, SegmentVolume>;
    const next = {} as Record<SegmentId, SegmentVolume>;
    for (const id of SEGMENT_IDS) {
      const rates = perSegment.get(id) as Rates & { newCustomerArr: number };
      const { customers, arr } = previous[id];
      const arriving = rates.newPerMonth + customers * rates.ratePerMonth;
      next[id] = {
        customers: customers * (1 - rates.churnPerMonth) + arriving,
        arr:
          arr * (1 - rates.churnPerMonth + rates.expansionPerMonth) +
          arriving * rates.newCustomerArr,
      };
    }
    series.push(next);
  }
  if (arrLine && totalArr > 0) {
    const pct = (growth.arrGrowthPct12m ?? 0) * factor;
    for (let m = 1; m <= months; m++) {
      const month = series[m] as Record<SegmentId, SegmentVolume>;
      const grown = SEGMENT_IDS.reduce((sum, id) => sum + month[id].arr, 0);
      const wanted = totalArr * (1 + (pct / 100) * (m / 12));
      if (grown <= 0) continue;
      for (const id of SEGMENT_IDS) month[id].arr *= wanted / grown;
    }
  }
  return { series, notes };
}

/** The most customers `growthSeries` reaches in any of its months: what the plan must hold. */
export function peakCustomers(org: Org, months: number, factor = 1): number {
  const { series } = growthSeries(org, months, { factor });
  let peak = 0;
  for (const month of series) {
    const customers = SEGMENT_IDS.reduce((sum, id) => sum + month[id].customers, 0);
    if (customers > peak) peak = customers;
  }
  return peak;
}

/** Days in an average month, to read a number of days off the monthly growth series. */
const DAYS_PER_MONTH = 365 / 12;

/**
 * Customers and ARR `days` after as_of, as factors of today's, read off the same growth series
 * the timeline runs (linear between months). 1 and 1 without `growth:`.
 */
export function growthOver(org: Org, days: number): { customers: number; arr: number } {
  if (!org.growth || days <= 0) return { customers: 1, arr: 1 };
  const months = days / DAYS_PER_MONTH;
  const whole = Math.floor(months);
  const { series } = growthSeries(org, whole + 1);
  const total = (m: number) => {
    const month = series[m] as Record<SegmentId, SegmentVolume>;
    let customers = 0;
    let arr = 0;
    for (const id of SEGMENT_IDS) {
      customers += month[id].customers;
      arr += month[id].arr;
    }
    return { customers, arr };
  };
  const today = total(0);
  const before = total(whole);
  const after = total(whole + 1);
  const part = months - whole;
  const at = (key: 'customers' | 'arr') => before[key] + (after[key] - before[key]) * part;
  return {
    customers: today.customers > 0 ? at('customers') / today.customers : 1,
    arr: today.arr > 0 ? at('arr') / today.arr : 1,
  };
}

interface Rates {
  newPerMonth: number;
  ratePerMonth: number;
  expansionPerMonth: number;
  churnPerMonth: number;
}

const grownByMonth = new WeakMap<
  Record<SegmentId, SegmentVolume>,
  { from: Account[]; policy: Org['policy']; grown: Account[] }
>();

/**
 * The org with its accounts scaled to a month's customers and ARR, segment by segment. Made once
 * per month of a series: the timeline plans a month up to four times, from the same accounts.
 */
export function grownAccounts(org: Org, month: Record<SegmentId, SegmentVolume>): Account[] {
  const made = grownByMonth.get(month);
  if (made && made.from === org.accounts && made.policy === org.policy) return made.grown;
  const grown = growAccounts(org, month);
  grownByMonth.set(month, { from: org.accounts, policy: org.policy, grown });
  return grown;
}

function growAccounts(org: Org, month: Record<SegmentId, SegmentVolume>): Account[] {
  const today = todayVolumes(org);
  const out: Account[] = [];
  for (const account of org.accounts) {
    // Compacted accounts carry their segment: no need to place them again every month.
    const segment = account.segment ?? placeAccount(account, org).segment;
    const before = today[segment];
    const after = month[segment];
    const countFactor = before.customers > 0 ? after.customers / before.customers : 0;
    const arrFactor = before.arr > 0 ? after.arr / before.arr : 0;
    if (countFactor <= 0) continue;
    // Pinned to its segment: growth changes volume, not tiers.
    const industries =
      account.industries && grownIndustries(account.industries, countFactor, arrFactor);
    out.push(
      accountRecord(
        account,
        segment,
        account.count * countFactor,
        (account.arr * arrFactor) / countFactor,
        industries,
        account.load,
      ),
    );
  }
  for (const id of SEGMENT_IDS) {
    const after = month[id];
    if (today[id].customers > 0 || after.customers <= 0) continue;
    const arrivals: Account = {
      id: `new-${id}-customers`,
      arr: 0,
      count: 0,
      path: ['growth', 'segments', id],
    };
    const arr = after.arr / after.customers;
    out.push(accountRecord(arrivals, id, after.customers, arr, undefined, undefined));
  }
  return out;
}

/** Every attribute a group can be folded by: what the timeline folded before it asked. */
const EVERY_ATTRIBUTE: TeamAttributes = { region: true, industry: true };

/**
 * The accounts the timeline plans its months with: folded by owner and segment, and by region
 * and industry only where those may decide a team in some month of the plan (teamAttributes).
 * `months` and `factor` are the growth series the timeline runs.
 */
export function timelineAccounts(org: Org, months: number, factor?: number): Account[] {
  const everything = compactAccounts(org);
  const folded: Org = { ...org, accounts: everything };
  const { series } = growthSeries(folded, months, { factor });
  const keep = teamAttributes(folded, series);
  return keep.region && keep.industry ? everything : compactAccounts(folded, keep);
}

/**
 * The accounts folded into one group per owner and segment, and per region and industry as
 * `keep` says: every figure the planner sums (customers, ARR, weighted load per book, segment,
 * and per region and industry where kept) comes out the same, so the target draws the same teams
 * from the groups as from the file, and a month of a 100k-account file plans in the time of a
 * thousand groups. A group carries its members' average load factor (`load`) and industry
 * figures (`industries`); its other fields are its first member's, which give its region and
 * industry where those are kept and stand for nothing else. Groups fold again: a coarser fold of
 * the groups is the fold of the file.
 */
export function compactAccounts(org: Org, keep: TeamAttributes = EVERY_ATTRIBUTE): Account[] {
  const groups = new Map<string, Group>();
  for (const account of org.accounts) {
    const placed = placeAccount(account, org);
    const region = keep.region ? (regionKey(placed.region) ?? '') : '';
    const industry = keep.industry ? industryKey(account.industry) : '';
    const key = `${account.owner ?? ''}\u0000${placed.segment}\u0000${region}\u0000${industry}`;
    let group = groups.get(key);
    if (!group) {
      const industries = emptyIndustryMix();
      group = { first: account, segment: placed.segment, count: 0, arr: 0, weight: 0, industries };
      groups.set(key, group);
    }
    group.count += account.count;
    group.arr += account.arr * account.count;
    group.weight += account.count * placed.loadFactor;
    addIndustries(group.industries, account);
  }
  return [...groups.values()].map(({ first, segment, count, arr, weight, industries }) =>
    accountRecord(
      first,
      segment,
      count,
      count > 0 ? arr / count : 0,
      industries,
      count > 0 ? weight / count : undefined,
    ),
  );
}

/** A group of accounts as compactAccounts sums it. */
interface Group {
  first: Account;
  segment: SegmentId;
  count: number;
  arr: number;
  /** Accounts weighted by their load factor. */
  weight: number;
  industries: IndustryMix;
}

/** Every field of an account, none optional: a field added to Account must be listed below. */
type EveryAccountField = { [K in keyof Required<Account>]: Account[K] };

/**
 * A copy of `from` with a segment, volume, industry figures and load of its own, written as one
 * object literal with every field in one order. The timeline makes one per group per month;
 * spreading records of differing shapes instead sent V8 down its slow path (issue 23: 1,277 ms
 * against 93 ms for the same copies).
 */
function accountRecord(
  from: Account,
  segment: SegmentId,
  count: number,
  arr: number,
  industries: IndustryMix | undefined,
  load: number | undefined,
): Account {
  const record: EveryAccountField = {
    id: from.id,
    name: from.name,
    arr,
    count,
    owner: from.owner,
    health: from.health,
    complexity: from.complexity,
    industry: from.industry,
    region: from.region,
    employees: from.employees,
    timezone: from.timezone,
    language: from.language,
    stakeholders: from.stakeholders,
    implementationDays: from.implementationDays,
    regulated: from.regulated,
    segment,
    strategic: from.strategic,
    renewalDate: from.renewalDate,
    lastNegativeEvent: from.lastNegativeEvent,
    locked: from.locked,
    parent: from.parent,
    path: from.path,
    isGroup: from.isGroup,
    industries,
    load,
  };
  return record;
}

/** A group's industry figures grown as its accounts are: counts by one factor, ARR by the other. */
function grownIndustries(mix: IndustryMix, countFactor: number, arrFactor: number): IndustryMix {
  return {
    slots: mix.slots,
    arr: mix.arr.map((arr) => arr * arrFactor),
    tagged: mix.tagged * countFactor,
    regulated: mix.regulated * countFactor,
  };
}
