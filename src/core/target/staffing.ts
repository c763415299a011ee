/**
 * Who staffs each CSM team: today's CSMs placed by their segment (or their book's), then people
 * moved from teams with room to teams that are short, and only then hires for what is left.
 */
import type { Analysis, BookOwner, PlacedAccount } from '../analysis.js';
import type { SegmentId } from '../model.js';
import { type BackfillDates, backfillDates, wantsBackfill } from '../people.js';
import { segmentTitle } from '../segments.js';
import { homeSegment, industryKey, regionKey, servingTeams, type TeamNeed } from './needs.js';

/**
 * A CSM who leads other people keeps a reduced book: half of one by default (csplan default; the
 * sources say a lead who keeps a book carries a smaller one, without a figure).
 */
export const PLAYER_COACH_SHARE = 0.5;

/** The report shows FTE in tenths; decisions use the same rounding so they match what it shows. */
const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * A team short by up to a quarter of a person absorbs it: a small overshoot of the target ratio
 * (the middle of the published range) is not a whole hire or a move (csplan default).
 */
export const SMALL_OVERSHOOT_FTE = 0.25;

/** Whole people that cover a shortfall to within SMALL_OVERSHOOT_FTE. */
function peopleFor(shortfall: number): number {
  return Math.max(0, Math.ceil(shortfall - SMALL_OVERSHOOT_FTE - 1e-9));
}

/**
 * Hires a team needs for `needed` FTE of work with `staffed` FTE of people: the shortfall to
 * within SMALL_OVERSHOOT_FTE, and at least one person for a team with work and nobody in it.
 * The one hiring rule of the target org, today (`hireNow`) and month by month (the timeline).
 */
export function hiresFor(needed: number, staffed: number): number {
  if (staffed <= 0) return Math.max(1, peopleFor(round1(needed)));
  return peopleFor(round1(needed) - staffed);
}

/** True when a team's work passes its people by more than the overshoot the target absorbs. */
export function overTarget(needed: number, staffed: number): boolean {
  return staffed <= 0 ? needed > 0 : hiresFor(needed, staffed) > 0;
}

export interface Redeployment {
  id: string;
  role: 'csm' | 'digital-csm';
  /** Team key the person leaves; null for a CSM with no team yet (no segment, no book). */
  from: string | null;
  to: string;
  /** Team loads (work / staffed FTE) before and after the move; null where nobody staffed it. */
  fromLoad: { before: number | null; after: number | null } | null;
  toLoad: { before: number | null; after: number | null };
  /** Accounts the person hands over to their old team. */
  handsOver: number;
  /** Why the hand-over can only happen after a hire, in words (`waitsForSenior`); absent otherwise. */
  waitsForHire?: string;
}

/** A hire that refills a leaver's seat, ramped by the day they leave. */
export interface Backfill extends BackfillDates {
  /** The leaver whose seat it refills. */
  for: string;
  leaving: string;
}

export interface TargetTeam extends TeamNeed {
  title: string;
  /** CSMs in the file placed in this team, planned hires and leavers included, in file order. */
  current: string[];
  /** CSMs in the team after redeployment; leavers are not (their seat is refilled or cut). */
  members: string[];
  /** CSMs of this team who are leaving (`leaving:`), in file order. */
  leavers: string[];
  /** The leavers' seats the work needs refilled: hires dated by the leave date, not counted in hireNow. */
  backfills: Backfill[];
  /** FTE of the members, as if ramped; a player-coach counts for PLAYER_COACH_SHARE. */
  staffedFte: number;
  redeployedIn: number;
  redeployedOut: number;
  hireNow: number;
  /** Hires for the growth expected within the hiring lead time. */
  hireNext: number;
  /** Heads the chart shows: members + backfills + hires. Never fewer than the people staying. */
  target: number;
  /** Work / staffed FTE after redeployment, before hires; null when nobody is in the team. */
  load: number | null;
  /** Whole people beyond the work, even with the expected growth, leavers never counted: hold backfills. */
  surplus: number;
  /**
   * Seated leavers (a timeline month's, until their hand-over) beyond the work, growth included:
   * in `target` while they stay, but no manager or specialist is sized on people about to go.
   */
  leaversAboveNeed: number;
  /** Player-coaches in the team (CSMs with direct reports). */
  leads: string[];
  /** Members whose start date is still ahead (planned hires), in file order. */
  notStarted: string[];
}

type TitledTeam = Pick<
  TeamNeed,
  'key' | 'kind' | 'role' | 'segments' | 'region' | 'regions' | 'industry' | 'otherIndustries'
>;

/** "Healthcare", "Healthcare + other industries", "Other industries": who a vertical team serves. */
export function industryLabel(team: Pick<TeamNeed, 'industry' | 'otherIndustries'>): string {
  const name = team.industry ?? '';
  if (name === '') return 'Other industries';
  const title = `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  return team.otherIndustries ? `${title} + other industries` : title;
}

export function teamTitle(team: TitledTeam): string {
  if (team.kind === 'generalist') return 'CSMs (generalist, all segments)';
  if (team.kind === 'top-accounts') return 'Senior CSM, top accounts';
  const names = team.segments.map(segmentTitle).join(' + ');
  if (team.role === 'digital-csm') return `Digital CSMs (${names})`;
  const regions = team.regions ?? (team.region ? [team.region] : []);
  const where = regions.length > 0 ? `${regions.join(' + ')} ` : '';
  if (team.industry !== undefined) return `${where}${industryLabel(team)} CSMs (${names})`;
  return `${where}${names} CSMs`;
}

/** Strategic and enterprise accounts go to senior CSMs first (CS Operations Architect guide). */
export function highTouch(team: TeamNeed): boolean {
  return team.segments.some((s) => s === 'strategic' || s === 'enterprise');
}

/**
 * A CSM team that pools several tiers, each too small for a team of its own: its CSMs already
 * work across tiers, and the tiers regroup as they grow. An industry team holds two segments of
 * one industry's accounts: not a pool.
 */
function pools(team: TeamNeed): boolean {
  return team.role === 'csm' && team.segments.length > 1 && team.industry === undefined;
}

export function seniorFirst(owner: BookOwner): number {
  const seniority = owner.member.seniority;
  return seniority === 'senior' || seniority === 'lead' ? 0 : seniority === 'mid' ? 1 : 2;
}

export interface Staffing {
  teams: TargetTeam[];
  redeployments: Redeployment[];
  /** CSMs no team needs, even after redeployment: shown in the chart, never dropped. */
  unplaced: { id: string; role: 'csm' | 'digital-csm' }[];
  /** CSMs who are leaving: in no team's target, refilled by a backfill or cut. */
  leavers: string[];
}

interface Person {
  owner: BookOwner;
  /** The seat the person holds, as if ramped (a player-coach's share of it). */
  fte: number;
  /** What the person carries on the plan date, by the capacity model (a player-coach's share). */
  capacity: number;
  lead: boolean;
  /** Not leaving, or a leaver a hire timed for their hand-over replaces (`timedLeavers`). */
  holding: boolean;
  /** Place in the list of people: the order every sum adds them in. */
  rank: number;
  /**
   * regionKey of the person's region where some team serves it; undefined for a CSM with no
   * region or one whose region no team serves (they may join any region's team).
   */
  region: string | undefined;
  team: string | null;
  /** The team the file places them in, before any move. */
  home: string | null;
  moved: boolean;
}

interface TeamSum {
  fte: number;
  capacity: number;
  /** Seats of the people not leaving: a seated leaver holds theirs only until the hand-over. */
  staying: number;
  /** Seats of the people staying, and of the leavers a hire timed for them replaces. */
  holding: number;
}

/** Each team's people, in people order. */
function membersByTeam(people: readonly Person[]): Map<string | null, Person[]> {
  const byTeam = new Map<string | null, Person[]>();
  for (const p of people) {
    const members = byTeam.get(p.team);
    if (members) members.push(p);
    else byTeam.set(p.team, [p]);
  }
  return byTeam;
}

/** Seats and capacity of a team's people, added in people order (so to the same last bit). */
function teamSum(members: readonly Person[]): TeamSum {
  const sum = { fte: 0, capacity: 0, staying: 0, holding: 0 };
  for (const p of members) {
    sum.fte += p.fte;
    sum.capacity += p.capacity;
    if (p.owner.member.leaving === undefined) sum.staying += p.fte;
    if (p.holding) sum.holding += p.fte;
  }
  return sum;
}

/** Moves a person between two teams' member lists, each kept in people order (`rank`). */
function transfer(byTeam: Map<string | null, Person[]>, person: Person, to: string): void {
  const from = byTeam.get(person.team) ?? [];
  from.splice(from.indexOf(person), 1);
  const into = byTeam.get(to) ?? [];
  const at = into.findIndex((p) => p.rank > person.rank);
  into.splice(at === -1 ? into.length : at, 0, person);
  byTeam.set(to, into);
}

/**
 * Who moves into `to` first: someone with no team, whoever of them carries most on the date (a
 * gap is filled by someone who can carry it now, not by a hire who starts later); then a planned
 * hire (no book to hand over); then (for strategic and enterprise work) a senior CSM; then whoever
 * already holds most of `to`'s accounts (by ARR), then the fewest accounts to hand over (those
 * `to` does not serve). Judging the book against `to`, not its size, keeps the choice after a
 * rebalance: the mover then holds `to`'s accounts and has handed over the rest, so a second plan
 * picks the same person.
 */
function moverOrder(to: TeamNeed, bookFit: (person: Person, to: TeamNeed) => BookFit) {
  const seniorsFirst = highTouch(to);
  return (a: Person, b: Person) =>
    Number(a.team !== null) - Number(b.team !== null) ||
    (a.team === null ? b.capacity - a.capacity : 0) ||
    Number(a.owner.rampStatus !== 'planned') - Number(b.owner.rampStatus !== 'planned') ||
    (seniorsFirst ? seniorFirst(a.owner) - seniorFirst(b.owner) : 0) ||
    bookFit(b, to).heldArr - bookFit(a, to).heldArr ||
    bookFit(a, to).handover - bookFit(b, to).handover;
}

/** The regions a team serves, as keys: its own first, then those that joined it. */
function regionKeysOf(team: TeamNeed): (string | undefined)[] {
  return (team.regions ?? [team.region]).map(regionKey);
}

/** How a CSM's book fits a team they might join. */
interface BookFit {
  /** ARR of the book's accounts the team serves, in its region where it has one. */
  heldArr: number;
  /** Accounts the CSM hands over on joining: those the team does not serve (`servingTeams`). */
  handover: number;
  /** ARR of the rest of the book: not the team's, or outside its regions. */
  elsewhereArr: number;
}

/**
 * Each CSM's book against each team, worked out once per person and team. Both caches are keyed
 * without building a string per account or per call: at 10k accounts that string work was the
 * largest part of staffing the target.
 */
function bookFits(needs: readonly TeamNeed[]): (person: Person, to: TeamNeed) => BookFit {
  // Without industry teams, the teams serving an account depend on its segment alone.
  const byIndustry = needs.some((t) => t.industry !== undefined);
  const servedBy = new Map<SegmentId, Map<string, ReadonlySet<string>>>();
  const teamsServing = (segment: SegmentId, industry: string | undefined) => {
    let ofSegment = servedBy.get(segment);
    if (!ofSegment) {
      ofSegment = new Map();
      servedBy.set(segment, ofSegment);
    }
    const key = byIndustry ? industryKey(industry) : '';
    let keys = ofSegment.get(key);
    if (!keys) {
      keys = new Set(servingTeams(needs, { segment, industry }).map((t) => t.key));
      ofSegment.set(key, keys);
    }
    return keys;
  };
  // A person's book summed by the teams that serve it and by region, once per person: every
  // team they might join then reads a few sums instead of every account.
  const books: BookPart[][] = [];
  const bookOf = (person: Person): BookPart[] => {
    let parts = books[person.rank];
    if (parts === undefined) {
      const byServedRegion = new Map<ReadonlySet<string>, Map<string | undefined, BookPart>>();
      parts = [];
      for (const p of person.owner.accounts) {
        const served = teamsServing(p.segment, p.account.industry);
        const region = regionKey(p.region);
        let byRegion = byServedRegion.get(served);
        if (!byRegion) {
          byRegion = new Map();
          byServedRegion.set(served, byRegion);
        }
        let part = byRegion.get(region);
        if (!part) {
          part = { served, region, arr: 0, count: 0 };
          byRegion.set(region, part);
          parts.push(part);
        }
        part.arr += p.account.arr * p.account.count;
        part.count += p.account.count;
      }
      books[person.rank] = parts;
    }
    return parts;
  };
  // Per team, each person's fit by rank (their index in the list of people).
  const fits = new Map<string, (BookFit | undefined)[]>();
  return (person, to) => {
    let ofTeam = fits.get(to.key);
    if (!ofTeam) {
      ofTeam = [];
      fits.set(to.key, ofTeam);
    }
    let fit = ofTeam[person.rank];
    if (fit === undefined) {
      const regions = to.region === undefined ? undefined : new Set(regionKeysOf(to));
      fit = { heldArr: 0, handover: 0, elsewhereArr: 0 };
      for (const part of bookOf(person)) {
        if (!part.served.has(to.key)) fit.handover += part.count;
        if (part.served.has(to.key) && (regions === undefined || regions.has(part.region)))
          fit.heldArr += part.arr;
        else fit.elsewhereArr += part.arr;
      }
      ofTeam[person.rank] = fit;
    }
    return fit;
  };
}

/** Accounts of one book served by the same teams and in the same region, summed. */
interface BookPart {
  served: ReadonlySet<string>;
  region: string | undefined;
  /** ARR, group members counted. */
  arr: number;
  count: number;
}

/**
 * The first of the admitted items in `order`, the earlier one on a tie: what a stable sort of
 * them would put first, without filtering and sorting the whole list for one item.
 */
export function firstBy<T>(
  items: readonly T[],
  admits: (item: T) => boolean,
  order: (a: T, b: T) => number,
): T | undefined {
  let best: T | undefined;
  for (const item of items) {
    if (admits(item) && (best === undefined || order(item, best) < 0)) best = item;
  }
  return best;
}

export interface StaffingOptions {
  /** Leavers who keep their seat for now (TargetInput.seatedLeavers). */
  seatedLeavers?: ReadonlySet<string>;
  /** Seated leavers a hire timed for their hand-over replaces (TargetInput.timedLeavers). */
  timedLeavers?: ReadonlySet<string>;
  /** Growth over the time to hire and ramp, for who can be spared (TargetInput.sparingGrowth). */
  sparingGrowth?: number;
  /** Share of each seat held back for departures (TargetInput.heldBack). */
  heldBack?: number;
  /** Hires with no team since their team split, with its segments (TargetInput.splitHires). */
  splitHires?: ReadonlyMap<string, readonly SegmentId[]>;
  /** CSMs with no team and no book kept out of the team gaps for a function (`functionPicks`). */
  heldForFunctions?: ReadonlySet<string>;
}

export function staffTeams(
  needs: TeamNeed[],
  analysis: Analysis,
  {
    seatedLeavers = new Set(),
    timedLeavers = new Set(),
    sparingGrowth,
    heldBack = 0,
    splitHires = new Map(),
    heldForFunctions = new Set(),
  }: StaffingOptions = {},
): Staffing {
  const teamsBySegment = new Map<SegmentId, TeamNeed[]>();
  for (const need of needs)
    for (const s of need.segments) teamsBySegment.set(s, [...(teamsBySegment.get(s) ?? []), need]);
  const single = needs.length === 1 && needs[0]?.kind !== 'segment' ? needs[0] : undefined;

  const teamRegions = new Set(needs.flatMap(regionKeysOf));
  // Industry teams share one tier (enterprise + mid-market), though each holds only the segments
  // its accounts are in (retail at mid-market only): a CSM whose segment has industry teams is
  // placed among all of them by their book. By their segment's teams alone, a mid-market CSM
  // holding financial-services enterprise accounts sat in the other industries (or in no team)
  // while the target moved them into financial services, and once a rebalance had handed their
  // other accounts over, the next plan moved someone else. With no book they have no team until
  // the plan needs them (the one team left in their segment's tier would hold them beyond its
  // work, and the next plan would move another CSM into a function).
  const industryTeams = needs.filter((n) => n.industry !== undefined);
  const everyone: Person[] = analysis.bookOwners.map((owner, rank) => {
    const lead = (analysis.reportsOf.get(owner.member.id)?.length ?? 0) > 0;
    const share = lead ? PLAYER_COACH_SHARE : 1;
    let team: TeamNeed | undefined;
    if (single) team = single;
    else {
      const segment = homeSegment(owner);
      const tier = segment ? (teamsBySegment.get(segment) ?? []) : [];
      const vertical = tier.some((t) => t.industry !== undefined);
      team = vertical ? ownTeam(industryTeams, owner) : ownTeam(tier, owner);
    }
    return {
      owner,
      fte: owner.person.seat * share,
      capacity: owner.person.capacity * share,
      lead,
      holding: owner.member.leaving === undefined || timedLeavers.has(owner.member.id),
      rank,
      region: teamRegions.has(regionKey(owner.member.region))
        ? regionKey(owner.member.region)
        : undefined,
      team: team?.key ?? null,
      home: team?.key ?? null,
      moved: false,
    };
  });

  // A leaver is in no team's target: the seat is refilled by a backfill or cut. A seated leaver
  // stays in their team for now, but is never moved nor counted above need.
  const leaving = (p: Person) => p.owner.member.leaving !== undefined;
  const isLeaver = (p: Person) => leaving(p) && !seatedLeavers.has(p.owner.member.id);
  const people = everyone.filter((p) => !isLeaver(p));
  // Summed once, then again only for the two teams of a move: summing on every call made the
  // redeployment loop quadratic in people (the timeline of 100k accounts with growth spent about
  // 40 s here).
  const byTeam = membersByTeam(people);
  const sums = new Map([...byTeam].map(([team, members]) => [team, teamSum(members)]));
  const staffed = (key: string) => sums.get(key)?.fte ?? 0;
  const carried = (key: string) => sums.get(key)?.capacity ?? 0;
  const staying = (key: string) => sums.get(key)?.staying ?? 0;
  const loadOf = (need: TeamNeed, fte: number) => (fte > 0 ? need.needed / fte : null);
  // Short as the caller hires: on seats less the share held back for departures, so a team the
  // timeline would hire for is short enough for a move too.
  const shortfall = (need: TeamNeed) => round1(need.needed) - staffed(need.key) * (1 - heldBack);
  // The team's work once the time to hire and ramp has passed: no team gives up a CSM it would
  // have to hire back by then.
  const ahead = (need: TeamNeed) =>
    sparingGrowth === undefined
      ? Math.max(need.needed, need.neededSoon)
      : need.needed * Math.max(1, sparingGrowth);
  // A person may leave a team that still covers its work without them: in the seats of those
  // staying, growth included, and in what its people carry on the plan date. The work ahead is
  // weighed against the people staying (here, in the gaps and in `relieves`): a seated leaver's
  // seat let a team give up the CSM it had to hire back once the leaver went.
  // A team that pools several tiers (each too small for a team of its own) lends on the hiring
  // rule's "covers" (`overTarget`, on seats less the share held back): short by at most the
  // quarter of a person a team absorbs. Its tiers regroup as they grow, and its CSMs already
  // work across tiers: asking for the whole work kept a spare CSM in "Enterprise + Mid-Market +
  // SMB" (0.8 seat for 0.85 FTE ahead) while Strategic, 0.33 short, hired a CSM that was surplus
  // a month later, when those tiers joined Strategic (seed 21 of the monotone property: slower
  // growth cost more). A team of one tier keeps its whole work covered: lending from it left it a
  // fifth short until it hired, and turned one hire into two (seeds 7 and 9).
  // Only a team the caller finds really short is lent to (`real` below): one that would hire.
  // Whether seats and capacity cover a team's whole work: growth included, and on the date.
  const covers = (need: TeamNeed, seats: number, capacity: number) =>
    round1(seats) >= round1(ahead(need)) && round1(capacity) >= round1(need.needed);
  const canSpare = (person: Person, need: TeamNeed) =>
    pools(need)
      ? !overTarget(ahead(need), (staying(need.key) - person.fte) * (1 - heldBack)) &&
        !overTarget(need.needed, (carried(need.key) - person.capacity) * (1 - heldBack))
      : covers(need, staying(need.key) - person.fte, carried(need.key) - person.capacity);
  // A move relieves the receiving team by what the person carries on the date (a ramping CSM by
  // the ramp share, a planned hire nothing), and never leaves it a whole person above its work.
  const relieves = (person: Person, to: TeamNeed) =>
    person.capacity > 0 && staying(to.key) + person.fte - ahead(to) < 1 - 1e-9;
  // Whom a team lends when nobody holds the short team's work (any giving team): the smallest
  // seat first, so the giver keeps the most it can. By file order the pool lent a 0.8 seat at
  // 0.7x and a 0.5 seat at 1.1x, and the slower scenario hired sooner (a shrunk CI-seed case).
  const lendOrder = (order: (a: Person, b: Person) => number) => (a: Person, b: Person) =>
    a.fte - b.fte || order(a, b);
  const anchorsOf = regionAnchors(analysis);
  const smallRegionsTeams = largestRegionTeams(needs);
  const needByKey = new Map(needs.map((need) => [need.key, need]));
  const teamOf = (person: Person) =>
    person.team === null ? undefined : needByKey.get(person.team);
  // A CSM whose region no team serves may move to any region's team of their own tier or
  // industry: they are placed in it by the file, not by the book; so may one with no team and no
  // book. Coming from another tier or industry (or with a book and no team), they join its team
  // the small regions join, which their book places them in once handed over (`regionalTeam`):
  // in another one the next plan counted them where the small regions go, and the team they had
  // joined was short again.
  const anyRegionTeam = (person: Person, to: TeamNeed) => {
    if (person.owner.member.region === undefined || smallRegionsTeams.has(to.key)) return true;
    // No team and no book: nothing places them anywhere, on the next plan either.
    if (person.team === null && person.owner.accounts.length === 0) return true;
    const from = teamOf(person);
    return from !== undefined && regionSplitOf(from) === regionSplitOf(to);
  };
  // A CSM moves within their region: another region's team works other hours and languages.
  const fits = (person: Person, to: TeamNeed, toRegion: string | undefined) =>
    (person.owner.member.role === 'csm' || to.role === 'digital-csm') &&
    (to.region === undefined ||
      (person.region === undefined ? anyRegionTeam(person, to) : toRegion === person.region));
  // A hire whose team split joins one of the teams it split into: the work it was hired for.
  // Free to join any team, it filled another team's gap only when growth split its team early,
  // while slower growth kept it where it was and hired for that gap: more growth cost less.
  const joins = (person: Person, to: TeamNeed) => {
    const segments = person.team === null ? splitHires.get(person.owner.member.id) : undefined;
    return segments === undefined || to.segments.some((s) => segments.includes(s));
  };
  const spared = (person: Person) => {
    const from = teamOf(person);
    return from !== undefined && canSpare(person, from);
  };
  // Leads and leavers never move; people order breaks ties between the rest. Whoever moves is
  // out for good (`moved`), so who has a team and who has none is told once.
  const movable = people.filter((p) => !p.lead && !leaving(p));
  // Free to fill a gap: no team, and not held for a function (`heldForFunctions`).
  const freeForGaps = (p: Person) => p.team === null && !heldForFunctions.has(p.owner.member.id);
  const unteamed = movable.filter(freeForGaps);
  const teamed = movable.filter((p) => p.team !== null);
  // Those this plan takes out of their region so far: the anchors are counted without them. Those
  // loose from it (no team, or one that does not work it) count only where nobody works it.
  const leavesRegion = regionLeaving(needs, analysis);
  const leftRegion = new Set<string>();
  const loose = new Set<string>();
  for (const person of people) {
    const team = person.team === null ? null : (needByKey.get(person.team) ?? null);
    if (leavesRegion(person.owner.member, team)) loose.add(person.owner.member.id);
  }
  // Not moved yet, into the work a split hire was hired for, and not out of a region they anchor.
  const mayLeave = (person: Person, to: TeamNeed, regionsOnly: ReadonlySet<string>) =>
    !person.moved &&
    joins(person, to) &&
    !(regionsOnly.has(person.owner.member.id) && leavesRegion(person.owner.member, to));

  const bookFit = bookFits(needs);
  // Whose book is mostly the team's (its accounts in its regions, by ARR): of those holding a
  // short team's accounts, they join it first. After a rebalance the mover holds the team's
  // accounts and little else, so the next plan picks them again; by the most of the team's ARR
  // alone, a CSM the rebalance had given a few of its unowned accounts on top of a book elsewhere
  // outranked them, moved instead, and a second rebalance moved more (regions seed 12, case 15).
  const mostly = (p: Person, to: TeamNeed) => {
    const fit = bookFit(p, to);
    return fit.heldArr > fit.elsewhereArr;
  };
  // A spare CSM whose region no team serves fills, from another tier, a regional team's gap that
  // would hire, rather than sit beyond their own team's work while a hire is made (`anyRegionTeam`
  // lets them join only the team the small regions join): once no other move is left, if they
  // hold some of the gap's accounts or hand over their whole book (nothing kept places them
  // elsewhere), with no segment pinned, and while that small-regions team of the gap's tier could
  // spare them on the next plan. Then the rebalance leaves them a book of the gap's tier, which
  // places them in that team (`regionalTeam`), and they join the gap from there as its accounts'
  // holder; or it leaves them none, and they fill it with no team. Before, the plan hired and
  // moved the spare into a function; freed of their book, the next plan put them in the gap and
  // another CSM into the function, whose book a second rebalance handed over (regions seed 12).
  const smallTeamOfSplit = new Map<string | undefined, TeamNeed>();
  for (const need of needs)
    if (smallRegionsTeams.has(need.key)) smallTeamOfSplit.set(regionSplitOf(need), need);
  // Whether `team` covers its work, growth included, with only those the next plan places in it:
  // those not moved, and those moved in whose book then places them there (a region, no segment
  // pinned elsewhere). One pinned to another tier goes back to it, and the team is short again.
  const sparesNextPlan = (team: TeamNeed) => {
    let seats = 0;
    let capacity = 0;
    for (const p of byTeam.get(team.key) ?? []) {
      const { region, segment, leaving } = p.owner.member;
      const stays =
        !p.moved ||
        (region !== undefined && (segment === undefined || team.segments.includes(segment)));
      if (!stays || leaving !== undefined) continue;
      seats += p.fte;
      capacity += p.capacity;
    }
    return covers(team, seats, capacity);
  };
  const crossToHold = (
    short: readonly TeamNeed[],
    regionsOnly: ReadonlySet<string>,
  ): { person: Person; to: TeamNeed } | undefined => {
    for (const to of short) {
      if (to.region === undefined || smallRegionsTeams.has(to.key)) continue;
      if (shortfall(to) <= SMALL_OVERSHOOT_FTE) continue;
      const home = smallTeamOfSplit.get(regionSplitOf(to));
      if (!home || !sparesNextPlan(home)) continue;
      const crosses = (p: Person) => {
        const member = p.owner.member;
        const from = teamOf(p);
        const fit = bookFit(p, to);
        return (
          from !== undefined &&
          regionSplitOf(from) !== regionSplitOf(to) &&
          p.region === undefined &&
          member.region !== undefined &&
          member.segment === undefined &&
          member.role === 'csm' &&
          mayLeave(p, to, regionsOnly) &&
          (fit.heldArr > 0 || fit.handover === p.owner.accountCount) &&
          relieves(p, to) &&
          spared(p)
        );
      };
      // Seniors first for strategic and enterprise work, then the holder of most of its ARR, then
      // file order: not the smaller book, which the rebalance hands over. Two CSMs left with none
      // are taken in file order on the next plan, so the same one fills the gap.
      const seniorsFirst = highTouch(to);
      const order = (a: Person, b: Person) =>
        (seniorsFirst ? seniorFirst(a.owner) - seniorFirst(b.owner) : 0) ||
        bookFit(b, to).heldArr - bookFit(a, to).heldArr;
      const person = firstBy(teamed, crosses, order);
      if (person) return { person, to };
    }
    return undefined;
  };
  const redeployments: Redeployment[] = [];
  for (;;) {
    // Someone with no team fills any gap, growth included (before a function takes them, unless
    // the caller holds them for one: `heldForFunctions`), the
    // team shortest of its people staying first: a seated leaver's seat put a free CSM in another
    // team, and the leaver's team moved a second CSM once the leaver went. Ranked by the gap
    // ahead instead, the order turned with the growth. People leave a team only for a real
    // shortfall, the largest first. Either way a gap a team absorbs (a quarter of a person) is no
    // reason: after a rebalance gave the free person a book there, the next plan would count them
    // in that team and pick someone else for a function. A leaver a hire timed for their
    // hand-over replaces holds the seat here until then (`holding`): counted as gone months
    // ahead, a leaver with eight months to go drew the free CSM into a team that carried its
    // work, while the team short today hired.
    // A team that would hire today goes first; then, among the rest, a team that pools several
    // tiers (`pools`) whose gap ahead, as the report shows it, is as large as any: it lends a
    // CSM on once a tier team would hire, while someone placed in a team of one tier stays there
    // (the timeline keeps them in it). At 0.7x, both 0.3 short ahead, the free CSM went to
    // Strategic, shorter today, for good; the pool then hired its next CSM and the Director came
    // in August, while 1.1x kept them in the pool, which lent its smallest seat to Strategic and
    // hired both in October (d1, a CI-seed case of the monotone property: slower growth cost
    // more). A pool with a smaller gap ahead waits its turn: taken into one 0.3 short ahead while
    // SMB was 0.4, a free CSM covered a leaver's seat at 1.2x and spared the hire 0.5x made
    // (seed 13).
    const free = people.some((p) => !p.lead && freeForGaps(p));
    const holding = (key: string) => sums.get(key)?.holding ?? 0;
    const gapAhead = (need: TeamNeed) => round1(ahead(need)) - holding(need.key);
    const stayingShort = (need: TeamNeed) =>
      round1(need.needed) - holding(need.key) * (1 - heldBack);
    const hiresToday = (need: TeamNeed) => stayingShort(need) > SMALL_OVERSHOOT_FTE;
    // The largest gap ahead among the teams short ahead that would not hire today.
    const widest = Math.max(
      0,
      ...needs.filter((n) => !hiresToday(n) && gapAhead(n) > SMALL_OVERSHOOT_FTE).map(gapAhead),
    );
    const poolAhead = (need: TeamNeed) =>
      pools(need) && !hiresToday(need) && gapAhead(need) >= widest - 1e-9;
    const short = needs
      .filter((need) =>
        free ? gapAhead(need) > SMALL_OVERSHOOT_FTE : shortfall(need) > SMALL_OVERSHOOT_FTE,
      )
      .sort(
        (a, b) =>
          (free
            ? Number(hiresToday(b)) - Number(hiresToday(a)) ||
              Number(poolAhead(b)) - Number(poolAhead(a)) ||
              stayingShort(b) - stayingShort(a)
            : shortfall(b) - shortfall(a)) || a.key.localeCompare(b.key, 'en'),
      );
    let pick: { person: Person; to: TeamNeed } | undefined;
    const regionsOnly = anchorsOf(leftRegion, loose);
    for (const to of short) {
      const order = moverOrder(to, bookFit);
      const toRegion = regionKey(to.region);
      const mayMove = (p: Person) =>
        p.team !== to.key && fits(p, to, toRegion) && mayLeave(p, to, regionsOnly);
      // A CSM who already holds the team's accounts joins it first: they stay with who knows
      // them, and a second plan agrees (after a rebalance the mover holds them, while a CSM
      // whose book went with them into another function has none and no team). Then anyone with
      // no team, then the rest of those in one (whose move costs more to check).
      const real = shortfall(to) > SMALL_OVERSHOOT_FTE;
      const teamedMover = (p: Person) => mayMove(p) && relieves(p, to) && spared(p);
      const holds = (p: Person) => bookFit(p, to).heldArr > 0 && teamedMover(p);
      const person =
        (real
          ? (firstBy(teamed, (p) => holds(p) && mostly(p, to), order) ??
            firstBy(teamed, holds, order))
          : undefined) ??
        firstBy(unteamed, mayMove, order) ??
        (real ? firstBy(teamed, teamedMover, lendOrder(order)) : undefined);
      if (!person) continue;
      pick = { person, to };
      break;
    }
    // Only once no other move is left: a holder of a gap's accounts from another tier (`crossToHold`).
    pick ??= crossToHold(short, regionsOnly);
    if (!pick) break;
    const { person, to } = pick;
    const from = teamOf(person);
    const fromBefore = from ? loadOf(from, staffed(from.key)) : null;
    const toBefore = loadOf(to, staffed(to.key));
    const left = person.team;
    transfer(byTeam, person, to.key);
    person.team = to.key;
    person.moved = true;
    if (leavesRegion(person.owner.member, to)) leftRegion.add(person.owner.member.id);
    sums.set(left, teamSum(byTeam.get(left) ?? []));
    sums.set(to.key, teamSum(byTeam.get(to.key) ?? []));
    redeployments.push({
      id: person.owner.member.id,
      role: person.owner.member.role === 'digital-csm' ? 'digital-csm' : 'csm',
      from: from?.key ?? null,
      to: to.key,
      fromLoad: from ? { before: fromBefore, after: loadOf(from, staffed(from.key)) } : null,
      toLoad: { before: toBefore, after: loadOf(to, staffed(to.key)) },
      handsOver: bookFit(person, to).handover,
    });
  }

  const teams = needs.map((need): TargetTeam => {
    const members = byTeam.get(need.key) ?? [];
    const fte = members.reduce((sum, p) => sum + p.fte, 0);
    const leavers = everyone.filter((p) => isLeaver(p) && p.home === need.key);
    // The first CSM of a founder-led company on its way to the first-hire stage is a `next` hire.
    const firstHireSoon = need.firstHireBy !== undefined && fte === 0 && leavers.length === 0;
    const needNow = firstHireSoon ? 0 : hiresFor(need.needed, fte);
    const backfills = backfillsFor(leavers, needNow, analysis);
    const hireNow = needNow - backfills.length;
    const hireNext = firstHireSoon
      ? hiresFor(need.neededSoon, 0)
      : peopleFor(round1(need.neededSoon) - fte - needNow);
    const stayingFte = staying(need.key);
    const spare = stayingFte - ahead(need);
    const surplus = Math.max(0, Math.floor(spare + 1e-9));
    const current = everyone.filter((p) => p.home === need.key).map((p) => p.owner.member.id);
    return {
      ...need,
      title: teamTitle(need),
      current,
      members: members.map((p) => p.owner.member.id),
      leavers: leavers.map((p) => p.owner.member.id),
      backfills,
      staffedFte: fte,
      redeployedIn: redeployments.filter((r) => r.to === need.key).length,
      redeployedOut: redeployments.filter((r) => r.from === need.key).length,
      hireNow,
      hireNext,
      target: members.length + backfills.length + hireNow + hireNext,
      load: loadOf(need, fte),
      surplus,
      leaversAboveNeed: leaversAboveNeed(members.filter(leaving), round1(ahead(need)) - stayingFte),
      leads: members.filter((p) => p.lead).map((p) => p.owner.member.id),
      notStarted: members
        .filter((p) => p.owner.rampStatus === 'planned')
        .map((p) => p.owner.member.id),
    };
  });
  return {
    teams,
    redeployments,
    unplaced: people
      .filter((p) => p.team === null)
      .map((p) => ({
        id: p.owner.member.id,
        role: p.owner.member.role === 'digital-csm' ? ('digital-csm' as const) : ('csm' as const),
      })),
    leavers: everyone.filter(isLeaver).map((p) => p.owner.member.id),
  };
}

/**
 * Seated leavers whose seat the work does not need: those left once, in people order, enough of
 * them cover what the people staying cannot (`short`). More work never leaves more of them.
 */
function leaversAboveNeed(leavers: readonly Person[], short: number): number {
  let covered = 0;
  let needed = 0;
  for (const p of leavers) {
    if (covered >= short - 1e-9) break;
    covered += p.fte;
    needed += 1;
  }
  return leavers.length - needed;
}

/** CSMs a team's work needs: its target less the people beyond the work, leavers included. */
export function neededHeads(team: TargetTeam): number {
  return team.target - team.surplus - team.leaversAboveNeed;
}

/**
 * CSM heads the work needs in the target org: each team's heads, hires included, less the
 * people beyond its work. Role triggers and leadership count these, never surplus heads.
 */
export function csmsNeeded(teams: readonly TargetTeam[]): number {
  return teams.reduce((sum, t) => sum + neededHeads(t), 0);
}

/**
 * Of a tier's teams, the CSM's own: in a vertical structure the industry holding most of their
 * book's ARR (none for a CSM with no book yet: they go where the work is short), then that
 * industry's team for their region; otherwise the region's team.
 */
function ownTeam(teams: TeamNeed[], owner: BookOwner): TeamNeed | undefined {
  if (teams.length <= 1) return teams[0];
  if (!teams.some((t) => t.industry !== undefined)) return regionalTeam(teams, owner);
  const arr = new Map<string, number>();
  for (const p of owner.accounts) {
    const [team] = servingTeams(teams, { industry: p.account.industry });
    const industry = industryKey(team?.industry);
    if (team) arr.set(industry, (arr.get(industry) ?? 0) + p.account.arr * p.account.count);
  }
  const first = (industry: string) => teams.findIndex((t) => industryKey(t.industry) === industry);
  const [best] = [...arr.entries()].sort((a, b) => b[1] - a[1] || first(a[0]) - first(b[0]));
  if (!best) return undefined;
  return regionalTeam(
    teams.filter((t) => t.industry !== undefined && industryKey(t.industry) === best[0]),
    owner,
  );
}

/**
 * Keys of the regional teams the smaller regions join: of each tier's (or industry's) teams split
 * by region, the first, whose region has the most work (splitByRegion). A CSM whose region no team
 * serves is placed there (`regionalTeam`).
 */
function largestRegionTeams(needs: readonly TeamNeed[]): Set<string> {
  const first = new Map<string, string>();
  for (const need of needs) {
    const split = regionSplitOf(need);
    if (split !== undefined && !first.has(split)) first.set(split, need.key);
  }
  return new Set(first.values());
}

/** The tier or industry whose work a regional team is a region's share of; undefined for a team not split by region. */
function regionSplitOf(need: TeamNeed): string | undefined {
  if (need.region === undefined) return undefined;
  return need.industry !== undefined ? `#${industryKey(need.industry)}` : need.key.split('@')[0];
}

/**
 * Of a tier's teams, the one serving the CSM's region (a small region's CSM joins the team its
 * accounts joined). A CSM whose region no team serves (no accounts there) joins the team the
 * small regions join: the region with the most work, first in `teams` (splitByRegion). That
 * rests on the file alone, so it holds when a rebalance moves accounts; by the book, an APAC CSM
 * holding one EMEA account would join EMEA, take NA accounts by the region rule's fallback, and
 * join NA on the next run. Only a CSM with no region is placed by their book: the team where most
 * of its ARR sits; none with no book either.
 */
function regionalTeam(teams: TeamNeed[], owner: BookOwner): TeamNeed | undefined {
  return regionalTeamAmong(teams, regionKeysOf, owner.member.region, owner.accounts);
}

/**
 * `regionalTeam` over any kind of team (the rebalance places an empty book's CSM by it, with the
 * account it would take as the book): the team of the CSM's region, the first when none serves
 * it; with no region, the team serving most of the accounts' ARR, the first on a tie, and none
 * with no accounts.
 */
export function regionalTeamAmong<T>(
  teams: readonly T[],
  regionsOf: (team: T) => readonly (string | undefined)[],
  region: string | undefined,
  accounts: readonly Pick<PlacedAccount, 'account' | 'region'>[],
): T | undefined {
  if (teams.length <= 1) return teams[0];
  const own = regionKey(region);
  if (own !== undefined) return teams.find((t) => regionsOf(t).includes(own)) ?? teams[0];
  // Nothing says where someone with no region and no book belongs: they go where work is short.
  if (accounts.length === 0) return undefined;
  const regions = accounts.map((p) => regionKey(p.region));
  const arrIn = (team: T) => {
    const served = new Set(regionsOf(team));
    let sum = 0;
    accounts.forEach((p, i) => {
      if (served.has(regions[i])) sum += p.account.arr * p.account.count;
    });
    return sum;
  };
  // The team with most of the book's ARR, the first of them on a tie.
  const arr = teams.map(arrIn);
  let best = 0;
  for (let i = 1; i < teams.length; i++) if ((arr[i] ?? 0) > (arr[best] ?? 0)) best = i;
  return teams[best];
}

/**
 * Whether moving a CSM to a team (or into a function: null) takes them out of their region. A
 * team split by region keeps those of the regions it names; a team not split keeps those of the
 * regions it has accounts in (an enterprise team with only NA accounts takes an APAC CSM away
 * from APAC's accounts). A CSM moved to a team that keeps them still works the region, and once
 * a rebalance has placed them there the next plan counts them in it: counted as gone, they made
 * another CSM the region's last one, whom the next plan then moved instead.
 */
export function regionLeaving(
  needs: readonly TeamNeed[],
  analysis: Analysis,
): (member: { region?: string }, to: TeamNeed | null) => boolean {
  // The regions each team not split by region has accounts in, read only once a move needs
  // them (moves are few; the timeline staffs every month); the teams serving a segment and
  // industry are looked up once per pair.
  let inRegions: Map<string, Set<string>> | undefined;
  const regionsOf = (team: TeamNeed): Set<string> | undefined => {
    if (!inRegions) {
      inRegions = new Map();
      const unsplit = needs.filter((n) => n.region === undefined);
      const servedBy = new Map<string, TeamNeed[]>();
      for (const p of analysis.placed) {
        const region = regionKey(p.region);
        if (region === undefined) continue;
        const pair = `${p.segment}|${industryKey(p.account.industry)}`;
        let teams = servedBy.get(pair);
        if (!teams) {
          teams = servingTeams(unsplit, { segment: p.segment, industry: p.account.industry });
          servedBy.set(pair, teams);
        }
        for (const t of teams) {
          const regions = inRegions.get(t.key) ?? new Set<string>();
          regions.add(region);
          inRegions.set(t.key, regions);
        }
      }
    }
    return inRegions.get(team.key);
  };
  return (member, to) => {
    const own = regionKey(member.region);
    if (own === undefined) return false;
    if (to === null) return true;
    if (to.region !== undefined) return !regionKeysOf(to).includes(own);
    return !(regionsOf(to)?.has(own) ?? false);
  };
}

/**
 * CSMs who are the only one in a region that has accounts, once those `gone` from it (moved out
 * of it already: `regionLeaving`) are left out: taking them out of the region too would leave it
 * with no CSM, so no move does (a region keeps its CSM). Those `loose` from it (with no team, or
 * in a team that does not work it) count only when nobody works the region: a CSM the plan moves
 * into a function ends with no team, and one a rebalance gives a book elsewhere ends in a team
 * that does not work their region; counted as working it, either made another CSM the region's
 * last one on the next plan, and that one was moved instead. The accounts are read once; each
 * call of the returned function only walks the CSMs.
 */
export function regionAnchors(
  analysis: Analysis,
): (gone?: ReadonlySet<string>, loose?: ReadonlySet<string>) => Set<string> {
  const withAccounts = new Set<string>();
  for (const p of analysis.placed) {
    const key = regionKey(p.region);
    if (key) withAccounts.add(key);
  }
  // The CSMs who may hold a region (not leaving), with its key.
  const holders: { id: string; key: string }[] = [];
  for (const owner of analysis.bookOwners) {
    const key = regionKey(owner.member.region);
    if (key && withAccounts.has(key) && owner.member.leaving === undefined)
      holders.push({ id: owner.member.id, key });
  }
  return (gone = new Set(), loose = new Set()) => {
    // Each region's only CSM so far, among those who work it and, apart, among the loose; null
    // once it has a second.
    const only = new Map<string, string | null>();
    const onlyLoose = new Map<string, string | null>();
    for (const { id, key } of holders) {
      if (gone.has(id)) continue;
      const of = loose.has(id) ? onlyLoose : only;
      of.set(key, of.has(key) ? null : id);
    }
    const anchors = new Set<string>();
    for (const id of only.values()) if (id) anchors.add(id);
    for (const [key, id] of onlyLoose) if (id && !only.has(key)) anchors.add(id);
    return anchors;
  };
}

/**
 * The leavers' seats the team's work needs, soonest leave date first: each a backfill ramped by
 * the leave date. A leaver marked `backfill: false` is a planned cut and gets none.
 */
function backfillsFor(leavers: Person[], hires: number, analysis: Analysis): Backfill[] {
  const { asOf } = analysis.org.company;
  return leavers
    .map((p) => p.owner.member)
    .filter(wantsBackfill)
    .sort((a, b) => (a.leaving ?? '').localeCompare(b.leaving ?? '') || a.id.localeCompare(b.id))
    .slice(0, hires)
    .map((member) => {
      const leaving = member.leaving ?? asOf;
      const dates = backfillDates(leaving, member.role, asOf, analysis.org.policy);
      return { for: member.id, leaving, ...dates };
    });
}
