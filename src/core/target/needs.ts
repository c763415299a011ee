/**
 * The CSM work the target org must cover, grouped into the teams the structure calls for: one
 * generalist team early on, one team per segment (small segments joined to a neighbour) later,
 * and at a founder-led company with a few large accounts one senior CSM for the top accounts.
 */
import { type Analysis, type BookOwner, type PlacedAccount, placeAccount } from '../analysis.js';
import {
  type CapacityResult,
  type RangeEnd,
  type SegmentCapacity,
  segmentWork,
} from '../capacity.js';
import type { IndustryMix, Org, SegmentId, StageId } from '../model.js';
import { SEGMENT_IDS } from '../model.js';
import { rampEndWeek } from '../people.js';
import type { Policy } from '../policy.js';
import { BOOK_ROLES } from '../roles.js';
import { detectStage } from '../stage.js';
import { addIndustries, emptyIndustryMix, needsIndustryKnowledge } from '../structure.js';
import { type GrowthSeries, growthOver } from '../timeline/grow.js';

/** Segments needing less than this much CSM time share a team with a neighbouring segment. */
export const MIN_TEAM_FTE = 0.5;

/**
 * Named work at a founder-led company above which the top accounts get a senior CSM: about half
 * an FTE is more than founders can carry beside their own jobs (csplan default).
 */
export const TOP_ACCOUNTS_FTE = 0.5;

/** Below this many CSMs in all, a company at a later stage still runs one generalist team. */
export const MIN_CSMS_TO_SEGMENT = 3;

/** Days from opening a req to a productive hire: 45-60 days to hire (common practice) plus the ramp. */
export const HIRING_LEAD_DAYS = 60;

export type TeamKind = 'generalist' | 'segment' | 'top-accounts';

export interface TeamNeed {
  /** Stable id: 'generalist', 'top-accounts', or the segments joined by '+' (then '@region'). */
  key: string;
  /** The accounts' region a team serves, when a tier is split by region. */
  region?: string;
  /**
   * Every region whose accounts the team serves, `region` first, then the smaller regions that
   * joined it (about an FTE of work is needed for a team of their own).
   */
  regions?: string[];
  /**
   * In a vertical structure, the industry whose named accounts the team serves, as the file
   * writes it; '' for the team of the industries too small for a team of their own.
   */
  industry?: string;
  /** Set on the team that also serves the industries too small for a team of their own. */
  otherIndustries?: boolean;
  /**
   * Segments the team serves only because no CSM's book sits there (`joinTeamsByBooks`): once
   * a book's load sat there, they would be a team of their own.
   */
  joinedByBooks?: SegmentId[];
  kind: TeamKind;
  role: 'csm' | 'digital-csm';
  segments: SegmentId[];
  accounts: number;
  arr: number;
  /** FTE of work at the policy's target ratios (the middle of each published range). */
  needed: number;
  /** FTE at the ends of the published ranges: the most accounts per CSM, and the fewest. */
  range: { fewest: number; most: number };
  /** FTE of work when a req opened today would be productive, given the file's growth. */
  neededSoon: number;
  /**
   * Set on the first CSM team of a founder-led company whose growth reaches the first-hire stage
   * within the hiring lead time: no hire today, the first CSM is a `next` hire.
   */
  firstHireBy?: { customers: number; arr: number };
}

/** FTE for one segment at the given ratio end. */
function segmentFte(s: SegmentCapacity, policy: Policy, end: RangeEnd, offload: number): number {
  if (s.accounts === 0) return 0;
  return segmentWork(policy, s, end).fte / offload;
}

/**
 * How much the work grows over `days`: the larger of customer and ARR growth, from the same
 * growth series `csplan timeline` runs, never below 1.
 */
export function growthFactor(growth: { customers: number; arr: number }): number {
  return Math.max(1, growth.customers, growth.arr);
}

/** Days from a req to a fully productive CSM: hiring plus the ramp schedule. */
export function leadDays(policy: Policy): number {
  return HIRING_LEAD_DAYS + rampEndWeek(policy) * 7;
}

export interface NeedsInput {
  stage: StageId;
  analysis: Analysis;
  capacity: CapacityResult;
}

/** Named-coverage work in FTE: what a founder carries personally until a CSM takes it. */
export function namedWork({ analysis, capacity }: Omit<NeedsInput, 'stage'>): number {
  const { policy } = analysis.org;
  return capacity.segments
    .filter((s) => s.coverage === 'named')
    .reduce((sum, s) => sum + segmentFte(s, policy, 'target', analysis.offloadMultiplier), 0);
}

/** Builds the team need of a group of segment rows, for one analysis and its growth. */
function needBuilder(analysis: Analysis) {
  const { policy } = analysis.org;
  const offload = analysis.offloadMultiplier;
  const grown = growthOver(analysis.org, leadDays(policy));
  const soon = growthFactor(grown);
  const build = (key: string, kind: TeamKind, group: SegmentCapacity[]): TeamNeed => {
    const fte = (end: RangeEnd) =>
      group.reduce((sum, s) => sum + segmentFte(s, policy, end, offload), 0);
    const needed = fte('target');
    const digitalOnly = group.every((s) => s.coverage === 'digital');
    return {
      key,
      kind,
      role: digitalOnly && kind === 'segment' ? 'digital-csm' : 'csm',
      segments: group
        .map((s) => s.id)
        .sort((a, b) => SEGMENT_IDS.indexOf(a) - SEGMENT_IDS.indexOf(b)),
      accounts: group.reduce((sum, s) => sum + s.accounts, 0),
      arr: group.reduce((sum, s) => sum + s.arr, 0),
      needed,
      range: { fewest: fte('max'), most: fte('min') },
      neededSoon: needed * soon,
    };
  };
  return { build, grown };
}

export function teamNeeds(input: NeedsInput, generalist: boolean): TeamNeed[] {
  const { stage, analysis, capacity } = input;
  const { policy } = analysis.org;
  const offload = analysis.offloadMultiplier;
  const { build, grown } = needBuilder(analysis);
  const rows = capacity.segments.filter((s) => s.accounts > 0);

  // CSMs with no accounts yet still form the one team they will work in.
  if (rows.length === 0) return generalist ? [build('generalist', 'generalist', [])] : [];

  if (stage === 'founding' && !generalist) {
    // The founder covers everything; only a book of large accounts justifies a senior CSM.
    const named = rows.filter((s) => s.coverage === 'named');
    if (named.length > 0 && namedWork(input) >= TOP_ACCOUNTS_FTE)
      return [build('top-accounts', 'top-accounts', named)];
    // Growth that reaches the first-hire stage before a req opened today would be productive
    // makes the first CSM a hire to open now, for then.
    const customers = analysis.customers * grown.customers;
    const arr = analysis.totalArr * grown.arr;
    if (detectStage(customers, arr, policy).id === 'founding') return [];
    return [{ ...build('generalist', 'generalist', rows), firstHireBy: { customers, arr } }];
  }
  if (generalist) return [build('generalist', 'generalist', rows)];

  // Merge small segments into their neighbour so nobody is hired for a tenth of a book.
  const groups: SegmentCapacity[][] = rows.map((row) => [row]);
  const work = (g: SegmentCapacity[]) =>
    g.reduce((sum, s) => sum + segmentFte(s, policy, 'target', offload), 0);
  for (;;) {
    const index = smallestSmall(groups.map(work));
    if (index === -1 || groups.length === 1) break;
    const target = mergeTarget(groups.map(work), index);
    const [small] = groups.splice(index, 1);
    const into = groups[target > index ? target - 1 : target];
    if (small && into) into.push(...small);
  }
  const joinedByBooks = joinTeamsByBooks(groups, analysis.bookOwners);
  return groups.flatMap((group) => {
    const need = build('', 'segment', group);
    const key = need.segments.join('+');
    const unhomed = need.segments.filter((s) => joinedByBooks.has(s));
    const byBooks = unhomed.length > 0 ? { joinedByBooks: unhomed } : {};
    const regions = need.role === 'csm' ? regionTeams(group, analysis) : [];
    if (regions.length === 0) return [{ ...need, key, ...byBooks }];
    return regions.map(({ region, joined, rows }) => ({
      ...build('', 'segment', rows),
      key: `${key}@${regionKey(region)}`,
      region,
      regions: [region, ...joined],
      ...byBooks,
    }));
  });
}

/** The group with the least work among those under MIN_TEAM_FTE; -1 when none is. */
function smallestSmall(work: readonly number[]): number {
  let index = -1;
  for (const [i, w] of work.entries())
    if (w < MIN_TEAM_FTE && (index === -1 || w < (work[index] ?? 0))) index = i;
  return index;
}

/**
 * The neighbour a small group joins: a neighbour that is small too (the tier above first), so
 * two small tiers make a team together; otherwise the tier above, or below for the top tier.
 * The smallest goes first: joining the first small tier up the list instead folded a tier
 * just under the bar into a team that stood on its own, and took the next small tier with it,
 * so a tenth of an FTE less work in one tier turned two teams into one.
 */
function mergeTarget(work: readonly number[], index: number): number {
  const small = (i: number) => i >= 0 && i < work.length && (work[i] ?? 0) < MIN_TEAM_FTE;
  if (small(index - 1)) return index - 1;
  if (small(index + 1)) return index + 1;
  return index > 0 ? index - 1 : index + 1;
}

/**
 * An industry gets a team of its own in a vertical structure once its named work is about one
 * FTE or more (csplan default, the same bar as a region's team).
 */
export const INDUSTRY_TEAM_FTE = 1;

/**
 * The CSM teams of a vertical structure: the named work (with any small tier merged into it)
 * split by the accounts' industry, one team per industry with about an FTE of it, serving that
 * industry from its largest accounts down; the other industries in one mixed team, or, when
 * that team would hold less than MIN_TEAM_FTE, with the largest industry team. Teams of pooled
 * and digital tiers stay as they are. Undefined when the split gives fewer than two teams: then
 * there are no industry teams to draw and the structure is not vertical.
 */
export function verticalNeeds(
  needs: TeamNeed[],
  analysis: Analysis,
  capacity: CapacityResult,
): TeamNeed[] | undefined {
  const { policy } = analysis.org;
  const template = new Map(capacity.segments.map((s) => [s.id, s]));
  const named = needs.filter(
    (n) => n.role === 'csm' && n.segments.some((s) => policy.segments[s].coverage === 'named'),
  );
  if (named.length === 0) return undefined;
  const segments = new Set(named.flatMap((n) => n.segments));
  const byIndustry = new Map<string, { name: string; regions: RegionRows }>();
  for (const p of analysis.placed) {
    if (!segments.has(p.segment)) continue;
    for (const [industry, share] of industryShares(p)) {
      const key = industryKey(industry);
      const entry = byIndustry.get(key) ?? { name: industry.trim(), regions: new Map() };
      addAccount(entry.regions, p, share, template.get(p.segment) as SegmentCapacity);
      byIndustry.set(key, entry);
    }
  }
  const work = (entry: { regions: RegionRows }) => regionWork(entry.regions, analysis);
  const ranked = [...byIndustry.entries()].sort(
    (a, b) => work(b[1]) - work(a[1]) || a[0].localeCompare(b[0], 'en'),
  );
  const own = ranked.filter(([key, e]) => key !== '' && work(e) >= INDUSTRY_TEAM_FTE - 1e-9);
  const rest = ranked.filter(([key]) => !own.some(([k]) => k === key));
  const restRegions: RegionRows = new Map();
  for (const [, entry] of rest) addRegions(restRegions, entry.regions);
  const restTeam = restRegions.size > 0 && work({ regions: restRegions }) >= MIN_TEAM_FTE - 1e-9;
  if (own.length + (restTeam ? 1 : 0) < 2) return undefined;
  const largest = own[0];
  if (!restTeam && largest) addRegions(largest[1].regions, restRegions);
  const { build } = needBuilder(analysis);
  const prefix = [...segments]
    .sort((a, b) => SEGMENT_IDS.indexOf(a) - SEGMENT_IDS.indexOf(b))
    .join('+');
  // Each industry's team is split by region as a tier's is: CSMs work a region's hours.
  const industryTeams = (
    key: string,
    regions: RegionRows,
    labels: Pick<TeamNeed, 'industry' | 'otherIndustries'>,
  ): TeamNeed[] => {
    const split = splitByRegion(regions, analysis);
    if (split.length === 0)
      return [{ ...build(key, 'segment', [...mergedRows(regions).values()]), ...labels }];
    return split.map(({ region, joined, rows }) => ({
      ...build(`${key}@${regionKey(region)}`, 'segment', rows),
      ...labels,
      region,
      regions: [region, ...joined],
    }));
  };
  const teams: TeamNeed[] = own.flatMap(([key, entry]) =>
    industryTeams(`${prefix}#${key.split(' ').filter(Boolean).join('-')}`, entry.regions, {
      industry: entry.name,
      ...(!restTeam && entry === largest?.[1] && restRegions.size > 0
        ? { otherIndustries: true }
        : {}),
    }),
  );
  if (restTeam)
    teams.push(
      ...industryTeams(`${prefix}#other`, restRegions, { industry: '', otherIndustries: true }),
    );
  return [...teams, ...needs.filter((n) => !named.includes(n))];
}

/** What a team serves, as `servingTeams` reads it. */
export type ServedBy = Pick<TeamNeed, 'segments' | 'industry' | 'otherIndustries'>;

/**
 * The teams that serve an account, by its segment (left out: any segment) and, where the teams
 * are industry teams, its industry: an industry with a team of its own goes to that team, every
 * other one to the team of other industries. The one rule for the target's staffing and the
 * rebalance, so both agree on who serves what. Several teams come back when an industry or a
 * tier is split by region: which of them is the region's rule (the CSM's region in the target,
 * the account's in the rebalance, where it gives way when nobody in the region has room).
 */
export function servingTeams<T extends ServedBy>(
  teams: readonly T[],
  account: { segment?: SegmentId; industry?: string },
): T[] {
  const { segment } = account;
  const ofSegment =
    segment === undefined ? [...teams] : teams.filter((t) => t.segments.includes(segment));
  if (!ofSegment.some((t) => t.industry !== undefined)) return ofSegment;
  const key = industryKey(account.industry);
  const own = ofSegment.filter((t) => t.industry && industryKey(t.industry) === key);
  if (own.length > 0) return own;
  return ofSegment.filter((t) => t.industry === undefined || t.otherIndustries === true);
}

/** The key of an industry as written in the file: case and spacing do not matter. */
export function industryKey(value: string | undefined): string {
  return value?.trim().toLowerCase() ?? '';
}

/**
 * The industries of a placed account with the share of it each holds: a folded group of mixed
 * industries is shared out by where its ARR sits ('' for an account with no industry).
 */
function industryShares(p: PlacedAccount): [string, number][] {
  const mix = p.account.industries;
  if (!mix) return [[p.account.industry ?? '', 1]];
  const total = p.account.arr * p.account.count;
  const shares: [string, number][] = [];
  let left = 1;
  for (const [industry, slot] of mix.slots) {
    const share = total > 0 ? (mix.arr[slot] ?? 0) / total : 0;
    shares.push([industry, share]);
    left -= share;
  }
  if (left > 1e-9) shares.push(['', left]);
  return shares;
}

/** A team's segment rows by the accounts' region key ('' for accounts with none). */
type RegionRows = Map<string, { region: string; rows: Map<SegmentId, SegmentCapacity> }>;

/** Adds a share of a placed account to its region's row of its segment. */
function addAccount(
  into: RegionRows,
  p: PlacedAccount,
  share: number,
  template: SegmentCapacity,
): void {
  const key = regionKey(p.region) ?? '';
  const entry = into.get(key) ?? { region: p.region?.trim() ?? '', rows: new Map() };
  const row = entry.rows.get(p.segment) ?? emptyRow(template);
  row.accounts += p.account.count * share;
  row.arr += p.account.arr * p.account.count * share;
  row.weightedAccounts += p.account.count * share * p.loadFactor;
  entry.rows.set(p.segment, row);
  into.set(key, entry);
}

/** Adds one team's rows into another's, region by region. */
function addRegions(into: RegionRows, from: RegionRows): void {
  for (const [key, entry] of from) {
    const to = into.get(key) ?? { region: entry.region, rows: new Map() };
    addRows(to.rows, entry.rows.values());
    into.set(key, to);
  }
}

/** A team's rows over all its regions, segment by segment. */
function mergedRows(regions: RegionRows): Map<SegmentId, SegmentCapacity> {
  const rows = new Map<SegmentId, SegmentCapacity>();
  for (const entry of regions.values()) addRows(rows, entry.rows.values());
  return rows;
}

/** FTE of work at the target ratios in segment rows. */
function rowsWork(rows: Iterable<SegmentCapacity>, analysis: Analysis): number {
  let sum = 0;
  for (const s of rows)
    sum += segmentFte(s, analysis.org.policy, 'target', analysis.offloadMultiplier);
  return sum;
}

/** FTE of work of a team over all its regions. */
function regionWork(regions: RegionRows, analysis: Analysis): number {
  return rowsWork(mergedRows(regions).values(), analysis);
}

/** A copy of a segment row with no accounts, to add a share of its accounts to. */
function emptyRow(row: SegmentCapacity): SegmentCapacity {
  return { ...row, accounts: 0, arr: 0, weightedAccounts: 0 };
}

/** Adds segment rows into a team's rows, segment by segment. */
function addRows(into: Map<SegmentId, SegmentCapacity>, rows: Iterable<SegmentCapacity>): void {
  for (const row of rows) {
    const sum = into.get(row.id) ?? emptyRow(row);
    sum.accounts += row.accounts;
    sum.arr += row.arr;
    sum.weightedAccounts += row.weightedAccounts;
    into.set(row.id, sum);
  }
}

/** A region gets its own team of a tier once its work there is about one FTE or more (csplan default). */
export const REGION_TEAM_FTE = 1;

/** Whether a region's work in a team is enough for a team of its own (REGION_TEAM_FTE). */
function hasRegionTeamWork(fte: number): boolean {
  return fte >= REGION_TEAM_FTE - 1e-9;
}

/** The account attributes, beyond the segment, that may decide which CSM team serves it. */
export interface TeamAttributes {
  region: boolean;
  industry: boolean;
}

/**
 * Float sums added in another order differ in their last bits: teamAttributes grows every sum
 * by this share before comparing it with a bar, so it errs on the side of keeping an attribute.
 */
const SUM_ORDER_MARGIN = 1 + 1e-6;

/**
 * Which account attributes may decide a CSM team in some month of a growth series, so the
 * timeline folds accounts by those alone (compactAccounts). Each answer errs on the safe side:
 * - region: when a CSM of the file has a region (a region's only CSM stays there, regionAnchors),
 *   or when two regions could each hold a team's work (hasRegionTeamWork), counting every
 *   segment's work in the region with no offload: more than any one team's share of it;
 * - industry: when customers could need CSMs who know their industry in some month
 *   (needsIndustryKnowledge): only then are industry teams drawn.
 */
export function teamAttributes(org: Org, series: GrowthSeries): TeamAttributes {
  const { policy } = org;
  const byRegion = new Map<string, Map<SegmentId, { weightedAccounts: number; arr: number }>>();
  const industries = new Map<SegmentId, IndustryMix>();
  for (const account of org.accounts) {
    const { segment, loadFactor, region: accountRegion } = placeAccount(account, org);
    const mix = industries.get(segment) ?? emptyIndustryMix();
    addIndustries(mix, account);
    industries.set(segment, mix);
    const key = regionKey(accountRegion);
    if (key === undefined) continue;
    const rows = byRegion.get(key) ?? new Map();
    const row = rows.get(segment) ?? { weightedAccounts: 0, arr: 0 };
    row.weightedAccounts += account.count * loadFactor;
    row.arr += account.arr * account.count;
    rows.set(segment, row);
    byRegion.set(key, rows);
  }
  const csmHasRegion = org.team.some(
    (m) => BOOK_ROLES.has(m.role) && regionKey(m.region) !== undefined,
  );
  const today = series[0];
  let region = csmHasRegion;
  let industry = false;
  for (const month of series) {
    if (!today || (region && industry)) break;
    // Growth scales every account of a segment alike (grownAccounts).
    const factor = (id: SegmentId, key: 'customers' | 'arr') =>
      today[id][key] > 0 ? month[id][key] / today[id][key] : 0;
    let customers = 0;
    let regulatedCustomers = 0;
    for (const id of SEGMENT_IDS) {
      customers += month[id].customers;
      regulatedCustomers += (industries.get(id)?.regulated ?? 0) * factor(id, 'customers');
    }
    const regulatedShare = customers > 0 ? (regulatedCustomers * SUM_ORDER_MARGIN) / customers : 0;
    industry ||= needsIndustryKnowledge(org.company.productComplexity, regulatedShare);
    let regionsWithTeamWork = 0;
    for (const rows of byRegion.values()) {
      let fte = 0;
      for (const [id, row] of rows) {
        const grown = {
          id,
          weightedAccounts: row.weightedAccounts * factor(id, 'customers'),
          arr: row.arr * factor(id, 'arr'),
        };
        fte += segmentWork(policy, grown, 'target').fte;
      }
      if (hasRegionTeamWork(fte * SUM_ORDER_MARGIN)) regionsWithTeamWork++;
    }
    region ||= regionsWithTeamWork >= 2;
  }
  return { region, industry };
}

/** The key of a region as written in the file: case and spacing do not matter. */
export function regionKey(value: string | undefined): string | undefined {
  const key = value?.trim().toLowerCase();
  return key ? key : undefined;
}

/**
 * A tier's work split by the accounts' region (see splitByRegion); empty when the tier stays one
 * team.
 */
function regionTeams(group: SegmentCapacity[], analysis: Analysis): RegionSplit[] {
  const byRegion: RegionRows = new Map();
  for (const p of analysis.placed) {
    const row = group.find((s) => s.id === p.segment);
    if (row) addAccount(byRegion, p, 1, row);
  }
  return splitByRegion(byRegion, analysis);
}

interface RegionSplit {
  region: string;
  /** The smaller regions whose accounts joined this region's team. */
  joined: string[];
  rows: SegmentCapacity[];
}

/**
 * A team's work split by region when two or more regions each have about an FTE of it: CSMs
 * work a region's hours and languages. Smaller regions, and accounts without one, join the
 * region with the most work, which names them. Empty when the team stays one.
 */
function splitByRegion(byRegion: RegionRows, analysis: Analysis): RegionSplit[] {
  const work = (entry: { rows: Map<SegmentId, SegmentCapacity> }) =>
    rowsWork(entry.rows.values(), analysis);
  const heaviest = (
    a: [string, { rows: Map<SegmentId, SegmentCapacity> }],
    b: [string, { rows: Map<SegmentId, SegmentCapacity> }],
  ) => work(b[1]) - work(a[1]) || a[0].localeCompare(b[0], 'en');
  const big = [...byRegion.entries()]
    .filter(([key, e]) => key !== '' && hasRegionTeamWork(work(e)))
    .sort(heaviest);
  const largest = big[0];
  if (big.length < 2 || !largest) return [];
  const copy = (rows: Map<SegmentId, SegmentCapacity>) =>
    new Map([...rows].map(([id, row]) => [id, { ...row }] as const));
  const rows = new Map(big.map(([key, e]) => [key, copy(e.rows)] as const));
  const into = rows.get(largest[0]) as Map<SegmentId, SegmentCapacity>;
  const joined: string[] = [];
  const smaller = [...byRegion.entries()].filter(([key]) => !rows.has(key)).sort(heaviest);
  for (const [key, entry] of smaller) {
    // Accounts without a region join too, but only a region is named in the team's title.
    if (key !== '') joined.push(entry.region);
    addRows(into, entry.rows.values());
  }
  return big.map(([key, e]) => ({
    region: e.region,
    joined: key === largest[0] ? joined : [],
    rows: [...(rows.get(key) as Map<SegmentId, SegmentCapacity>).values()],
  }));
}

/**
 * The segment a CSM's team is chosen by: their pin, else where their book's load sits; a digital
 * CSM with neither belongs to the self-serve tail.
 */
export function homeSegment(owner: BookOwner): SegmentId | undefined {
  return (
    owner.member.segment ??
    owner.mainSegment ??
    (owner.member.role === 'digital-csm' ? 'self-serve' : undefined)
  );
}

/**
 * Coverage follows the books: a team nobody belongs to, whose accounts CSMs of another team hold
 * in their books, is that team's work, not a team to hire for. It joins the team holding most of
 * its load, a team of the same coverage first (a pin says where a CSM belongs; it never makes the
 * accounts they own uncovered). Named work went to the pooled SMB team when its CSM held more of
 * it, while a little less of it, under MIN_TEAM_FTE, merged into the named neighbour: the tier's
 * size, not the books, chose its team (monotone seed 19).
 * Digital and named work are never joined: they are covered differently. Returns the segments
 * that joined another team this way.
 */
function joinTeamsByBooks(
  groups: SegmentCapacity[][],
  owners: readonly BookOwner[],
): Set<SegmentId> {
  const joinedSegments = new Set<SegmentId>();
  const digital = (g: SegmentCapacity[]) => g.every((s) => s.coverage === 'digital');
  const named = (g: SegmentCapacity[]) => g.some((s) => s.coverage === 'named');
  const groupOf = (segment: SegmentId | undefined) =>
    segment === undefined ? -1 : groups.findIndex((g) => g.some((s) => s.id === segment));
  for (;;) {
    const homes = new Set(owners.map((o) => groupOf(homeSegment(o))));
    let joined = false;
    for (const [index, group] of groups.entries()) {
      if (homes.has(index) || digital(group)) continue;
      const held = new Map<number, number>();
      for (const owner of owners) {
        const home = groupOf(homeSegment(owner));
        if (home === -1 || digital(groups[home] ?? [])) continue;
        for (const s of group)
          held.set(home, (held.get(home) ?? 0) + (owner.loadBySegment.get(s.id) ?? 0));
      }
      // Named work goes to a named team holding some of it before a pooled one holding more
      // (and pooled work to a pooled team): a CSM who names their accounts keeps named ones.
      const alike = (i: number) => named(groups[i] ?? []) === named(group);
      const [into] = [...held.entries()]
        .filter(([, load]) => load > 0)
        .sort((a, b) => Number(alike(b[0])) - Number(alike(a[0])) || b[1] - a[1] || a[0] - b[0]);
      if (!into) continue;
      for (const s of group) joinedSegments.add(s.id);
      groups[into[0]]?.push(...group);
      groups.splice(index, 1);
      joined = true;
      break;
    }
    if (!joined) return joinedSegments;
  }
}

/** Whole CSMs the work calls for when nobody is there yet: at least one for a team that exists. */
export function wholeCsms(needed: number): number {
  return Math.max(1, Math.ceil(Math.round(needed * 10) / 10 - 1e-9));
}
