/**
 * Where the file says nothing of a CSM's segment or industry, the target org places them by
 * their book: the tier where most of its load sits (`mainSegment`, then the teams serving it),
 * and in a vertical structure the industry team holding most of its ARR (`ownTeam` in
 * target/staffing.ts). A move that changes either would place the CSM in another team on the
 * next plan, whose rebalance then serves other teams: the books would never settle. So a book
 * placed by its content gives away nothing that changes where it is placed. Likewise the target
 * moves into a short team the CSM who already holds most of its accounts' ARR (`moverOrder`):
 * until their book places them in that team by itself, that CSM's ARR in its accounts never
 * falls (a swap for a larger one may), and where that CSM came from no team, no CSM the target
 * places in no team (who joins the team as the nearest, `RebalanceTeam.unneeded`) gains up to
 * it, or the next plan would move another.
 */
import type { SegmentId } from '../model.js';
import { SEGMENT_IDS } from '../model.js';
import { takesMoverPlace } from '../movers.js';
import { industryKey, regionKey, servingTeams } from '../target/needs.js';
import { regionalTeamAmong } from '../target/staffing.js';
import type { Book, Unit, UnitLoads } from './state.js';
import type { RebalanceTeam } from './teams.js';

/** Marks the tier of segments a team serves only while no book sits there (`joinedByBooks`). */
const JOINED_BY_BOOKS = '#joined-by-books';

/** What a book's content decides of its owner's team: the tier's teams and the industry. */
interface Home {
  tier: string;
  industry: string;
}

export class BookPlacement {
  /**
   * Which teams each segment places a CSM among, as one key: the keys of the teams serving it, or
   * one key for all industry teams (a CSM whose segment has industry teams is placed among all of
   * them by their book: `staffTeams`).
   */
  private readonly tierOf = new Map<SegmentId, string>();
  /** The industry teams, in the target's order (the first wins a tie, as in `ownTeam`). */
  private readonly industryTeams: RebalanceTeam[];
  private readonly teams: readonly RebalanceTeam[];
  private readonly teamByKey: Map<string, RebalanceTeam>;
  private readonly cache = new Map<Book, { at: number; home: Home }>();
  /** Each book's sums for `home`, as of `Book.changedAt` (see `homeTaking`). */
  private readonly sums = new Map<
    Book,
    { at: number; tierA: Float64Array; tierR: Float64Array; industryArr: Float64Array }
  >();
  /** The industry key `ownTeam` gives an account, by the account's industry key. */
  private readonly industries = new Map<string, string>();
  /** Each book's ARR in the accounts its team serves, as of `Book.changedAt`. */
  private readonly arrCache = new Map<Book, { at: number; arr: number }>();
  private readonly tierA = new Float64Array(SEGMENT_IDS.length);
  private readonly tierR = new Float64Array(SEGMENT_IDS.length);
  /** One slot per industry team's key, and a last one for every other industry (see `industrySlot`). */
  private readonly slotByKey = new Map<string, number>();
  /** Each industry team's slot, in `industryTeams` order. */
  private readonly teamSlots: number[];
  /** The slot of an account's industry as the file writes it. */
  private readonly slotOf = new Map<string | undefined, number>();
  private readonly industryArr: Float64Array;

  constructor(
    teams: readonly RebalanceTeam[],
    /** Books of CSMs the target moves into a team (`RebalanceTeam.joining`). */
    private readonly joining: ReadonlySet<Book>,
    /** Whether the book's team serves the unit. */
    private readonly serves: (book: Book, unit: Unit) => boolean,
    private readonly loads: UnitLoads,
    /** For each book of a CSM no team needs, the books of the team it joined moved there from no team. */
    private readonly rivals: ReadonlyMap<Book, readonly Book[]> = new Map(),
  ) {
    this.teams = teams;
    this.industryTeams = teams.filter((t) => t.industry !== undefined);
    this.teamByKey = new Map(teams.map((t) => [t.key, t] as const));
    for (const team of this.industryTeams) {
      const key = industryKey(team.industry);
      if (!this.slotByKey.has(key)) this.slotByKey.set(key, this.slotByKey.size);
    }
    this.teamSlots = this.industryTeams.map(
      (t) => this.slotByKey.get(industryKey(t.industry)) as number,
    );
    this.industryArr = new Float64Array(this.slotByKey.size + 1);
    for (const segment of SEGMENT_IDS) {
      const serving = teams.filter((t) => t.segments.includes(segment));
      const byIndustry = serving.some((t) => t.industry !== undefined);
      const keys = serving.map((t) => t.key);
      // A segment its team serves only while no book sits there is a tier of its own: a book
      // whose load moved there would split the team on the next plan.
      if (serving.some((t) => t.joinedByBooks?.includes(segment))) keys.push(JOINED_BY_BOOKS);
      this.tierOf.set(segment, byIndustry ? '#industry' : keys.join('\u0000'));
    }
  }

  /** Whether `book` giving `give` (and taking `take`) is placed as before. */
  keeps(book: Book, give: Unit | undefined, take?: Unit): boolean {
    if (this.joining.has(book) && this.teamArr(book, give) > this.teamArr(book, take))
      return this.placedInTeam(book, this.home(book, give, take));
    // An empty book (a new CSM's) has no home of its own: its first account gives it one.
    if (book.units.size === 0 && give === undefined && take !== undefined)
      return this.firstAccountKeepsTeam(book, take);
    const bySegment = book.member.segment === undefined;
    if (!bySegment && this.industryTeams.length === 0) return true;
    const before = this.homeOf(book);
    let after: Home;
    if (give === undefined && take !== undefined) {
      // Taking an account of the book's own tier and industry cannot move its home.
      if (this.sameHome(before, take)) return true;
      after = this.homeTaking(book, take);
    } else after = this.home(book, give, take);
    return (!bySegment || after.tier === before.tier) && after.industry === before.industry;
  }

  /**
   * Whether `book` taking `take` (and giving `give`) stays below the ARR in the team's accounts
   * of every CSM the target moved into its team from no team (`rivals`): at or above it, the next
   * plan would move this CSM in instead.
   */
  receives(book: Book, take: Unit, give?: Unit): boolean {
    const movers = this.rivals.get(book);
    if (!movers) return true;
    const gain = this.teamArr(book, take) - this.teamArr(book, give);
    if (gain <= 0) return true;
    const after = this.arrInTeam(book) + gain;
    for (const mover of movers) if (after >= this.arrInTeam(mover) - 1e-9) return false;
    return true;
  }

  private arrInTeam(book: Book): number {
    const cached = this.arrCache.get(book);
    if (cached && cached.at === book.changedAt) return cached.arr;
    let arr = 0;
    for (const unit of book.units) arr += this.teamArr(book, unit);
    this.arrCache.set(book, { at: book.changedAt, arr });
    return arr;
  }

  /**
   * Whether a book with this home is placed in its own team by it (the next plan places its CSM
   * there without moving them): then nobody else is picked to move, and the book may give.
   */
  private placedInTeam(book: Book, home: Home): boolean {
    const team = this.teamByKey.get(book.team);
    if (!team) return false;
    if (team.industry !== undefined) return home.industry === industryKey(team.industry);
    const tier =
      book.member.segment === undefined ? home.tier : this.tierOf.get(book.member.segment);
    return (tier ?? '').split('\u0000').includes(team.key);
  }

  /**
   * Whether an empty book taking `take` as its first account leaves its CSM where the next plan
   * would place them (`placedTeam`): in the book's team, or where they are placed with no book
   * (a CSM the file pins to a segment and region). A CSM of a region no team serves, whom the
   * target moved from no team into another region's team, would land in the first one and the
   * next plan would move someone else: their book stays empty, and the next plan makes the same
   * move. A tier the team serves only for lack of books would split the team on the next plan.
   */
  firstAccountKeepsTeam(book: Book, take: Unit): boolean {
    if (this.tierOfUnit(take).includes(JOINED_BY_BOOKS)) return false;
    const placed = this.placedTeam(book, take);
    return placed === book.team || (placed !== undefined && placed === this.placedTeam(book));
  }

  /**
   * The team the next plan places the CSM of an empty book in, with `take` as its only account
   * or with none (`ownTeam` in target/staffing.ts): among the teams of the book's tier (the CSM's
   * segment when the file pins one), its industry's where the tier has industry teams (none with
   * no account), then the team of the CSM's region, the first (the largest region's) when none
   * serves it, or with no region the one serving the account's.
   */
  placedTeam(book: Book, take?: Unit): string | undefined {
    const { member } = book;
    const segment =
      member.segment ?? take?.segment ?? (member.role === 'digital-csm' ? 'self-serve' : undefined);
    if (segment === undefined) return undefined;
    let teams = this.teams.filter((t) => t.segments.includes(segment));
    if (teams.some((t) => t.industry !== undefined)) {
      if (take === undefined) return undefined;
      const industry = this.industryOf(take);
      teams = this.industryTeams.filter((t) => industryKey(t.industry) === industry);
    }
    const regionsOf = (team: RebalanceTeam) => (team.regions ?? []).map(regionKey);
    return regionalTeamAmong(teams, regionsOf, member.region, take?.accounts ?? [])?.key;
  }

  /** The tier of the unit's segment. */
  private tierOfUnit(unit: Unit): string {
    return this.tierOf.get(SEGMENT_IDS[unit.segmentRank] as SegmentId) ?? '';
  }

  /** Whether the unit alone sits in `home`'s tier and industry. */
  private sameHome(home: Home, unit: Unit): boolean {
    if (this.tierOfUnit(unit) !== home.tier) return false;
    return this.industryTeams.length === 0 || this.industryOf(unit) === home.industry;
  }

  /** The unit's ARR when the book's team serves it; 0 otherwise or without a unit. */
  private teamArr(book: Book, unit: Unit | undefined): number {
    return unit !== undefined && this.serves(book, unit) ? unit.arr : 0;
  }

  private homeOf(book: Book): Home {
    const cached = this.cache.get(book);
    if (cached && cached.at === book.changedAt) return cached.home;
    const home = this.home(book);
    this.cache.set(book, { at: book.changedAt, home });
    return home;
  }

  /**
   * The book's home with `give` taken out and `take` put in: the tier with the most load (the
   * larger of count and ARR load, as `mainSegment` weighs it; the higher tier on a tie) and the
   * industry with the most ARR (the first team's on a tie).
   */
  private home(book: Book, give?: Unit, take?: Unit): Home {
    // Sums by tier and industry in arrays kept between calls, not maps: this runs for each
    // candidate move, over every unit of the book.
    this.tierA.fill(0);
    this.tierR.fill(0);
    this.industryArr.fill(0);
    for (const unit of book.units) if (unit !== give) this.count(unit);
    if (take) this.count(take);
    return this.homeOfSums();
  }

  /**
   * `home(book, undefined, take)` from the book's sums kept as of its last change (the same
   * additions in the same order, so the same bits): a book taking an account is asked for every
   * candidate account, and summing the whole book each time cost a tenth of the rebalance at 100k.
   */
  private homeTaking(book: Book, take: Unit): Home {
    let kept = this.sums.get(book);
    if (!kept || kept.at !== book.changedAt) {
      this.home(book);
      kept = {
        at: book.changedAt,
        tierA: this.tierA.slice(),
        tierR: this.tierR.slice(),
        industryArr: this.industryArr.slice(),
      };
      this.sums.set(book, kept);
    }
    this.tierA.set(kept.tierA);
    this.tierR.set(kept.tierR);
    this.industryArr.set(kept.industryArr);
    this.count(take);
    return this.homeOfSums();
  }

  /** The tier and industry the sums in `tierA`, `tierR` and `industryArr` place a book in. */
  private homeOfSums(): Home {
    let segment: SegmentId | undefined;
    let most = 1e-9;
    for (let at = 0; at < SEGMENT_IDS.length; at++) {
      const load = Math.max(this.tierA[at] as number, this.tierR[at] as number);
      if (load > most) {
        most = load;
        segment = SEGMENT_IDS[at];
      }
    }
    let industry = '';
    let mostArr = 0;
    for (let at = 0; at < this.industryTeams.length; at++) {
      const sum = this.industryArr[this.teamSlots[at] as number] as number;
      if (sum > mostArr + 1e-9) {
        mostArr = sum;
        industry = industryKey(this.industryTeams[at]?.industry);
      }
    }
    return { tier: segment === undefined ? '' : (this.tierOf.get(segment) ?? ''), industry };
  }

  /** Adds the unit to `home`'s sums. */
  private count(unit: Unit): void {
    const tier = unit.segmentRank;
    add(this.tierA, tier, this.loads.a[unit.order] as number);
    add(this.tierR, tier, this.loads.r[unit.order] as number);
    if (this.industryTeams.length > 0) add(this.industryArr, this.industrySlot(unit), unit.arr);
  }

  /**
   * The unit's slot in `industryArr`: its industry team's (`industryOf`), or the last slot, whose
   * sum no team reads, when that team is none of the industry teams.
   */
  private industrySlot(unit: Unit): number {
    let slot = this.slotOf.get(unit.industry);
    if (slot === undefined) {
      slot = this.slotByKey.get(this.industryOf(unit)) ?? this.slotByKey.size;
      this.slotOf.set(unit.industry, slot);
    }
    return slot;
  }

  /** The industry team (its key) that serves the unit's industry, as `ownTeam` reads it. */
  private industryOf(unit: Unit): string {
    const key = industryKey(unit.industry);
    let industry = this.industries.get(key);
    if (industry === undefined) {
      const [team] = servingTeams(this.industryTeams, { industry: unit.industry });
      industry = industryKey(team?.industry);
      this.industries.set(key, industry);
    }
    return industry;
  }
}

function add(sums: Float64Array, at: number, value: number): void {
  sums[at] = (sums[at] as number) + value;
}

/**
 * The target moves into a function the CSM first in its ranking (`bySpareFacts` in movers.ts);
 * among those who tie on what the file says, the smallest book. While the mover holds a book
 * (their hand-over waits), no change may make a rival's book as small as theirs (or smaller),
 * or the next plan would move the rival instead.
 */
export class RoleMoverChoice {
  /** For each rival's book, the books of the movers it tied with. */
  private readonly moversOf = new Map<Book, Book[]>();

  constructor(rivals: ReadonlyMap<Book, readonly Book[]>) {
    for (const [mover, books] of rivals)
      for (const rival of books)
        this.moversOf.set(rival, [...(this.moversOf.get(rival) ?? []), mover]);
  }

  /** Whether `book` with `add` in and `remove` out stays behind every mover it tied with. */
  keeps(book: Book, add?: Unit, remove?: Unit): boolean {
    const movers = this.moversOf.get(book);
    if (!movers) return true;
    const after = {
      accounts: book.count + (add?.count ?? 0) - (remove?.count ?? 0),
      order: book.index,
    };
    const before = { accounts: book.count, order: book.index };
    for (const mover of movers) {
      const picked = { accounts: mover.count, order: mover.index };
      if (takesMoverPlace(after, picked) && !takesMoverPlace(before, picked)) return false;
    }
    return true;
  }
}
