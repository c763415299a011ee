/**
 * Where the file says nothing of a CSM's segment or industry, the target org places them by
 * their book: the tier where most of its load sits (`mainSegment`, then the teams serving it),
 * and in a vertical structure the industry team holding most of its ARR (`ownTeam` in
 * target/staffing.ts). A move that changes either would place the CSM in another team on the
 * next plan, whose rebalance then serves other teams: the books would never settle. So a book
 * placed by its content gives away nothing that changes where it is placed. Likewise the target
 * moves into a short team the CSM who already holds most of its accounts' ARR (`moverOrder`):
 * until their book places them in that team by itself, that CSM's ARR in its accounts never
 * falls (a swap for a larger one may), and no CSM the target places in no team (who joins the
 * team as the nearest, `RebalanceTeam.unneeded`) gains up to it, or the next plan would move
 * another.
 */
import type { SegmentId } from '../model.js';
import { SEGMENT_IDS } from '../model.js';
import { industryKey, servingTeams } from '../target/needs.js';
import type { Book, Unit } from './state.js';
import type { RebalanceTeam } from './teams.js';

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
  private readonly teamByKey: Map<string, RebalanceTeam>;
  private readonly cache = new Map<Book, { at: number; home: Home }>();
  /** The industry key `ownTeam` gives an account, by the account's industry key. */
  private readonly industries = new Map<string, string>();
  /** Each book's ARR in the accounts its team serves, as of `Book.changedAt`. */
  private readonly arrCache = new Map<Book, { at: number; arr: number }>();

  constructor(
    teams: readonly RebalanceTeam[],
    /** Books of CSMs the target moves into a team (`RebalanceTeam.movedIn`). */
    private readonly movedIn: ReadonlySet<Book>,
    /** Whether the book's team serves the unit. */
    private readonly serves: (book: Book, unit: Unit) => boolean,
    /** For each book of a CSM no team needs, the `movedIn` books of the team it joined. */
    private readonly rivals: ReadonlyMap<Book, readonly Book[]> = new Map(),
  ) {
    this.industryTeams = teams.filter((t) => t.industry !== undefined);
    this.teamByKey = new Map(teams.map((t) => [t.key, t] as const));
    for (const segment of SEGMENT_IDS) {
      const serving = teams.filter((t) => t.segments.includes(segment));
      const byIndustry = serving.some((t) => t.industry !== undefined);
      this.tierOf.set(segment, byIndustry ? '#industry' : serving.map((t) => t.key).join('\u0000'));
    }
  }

  /** Whether `book` giving `give` (and taking `take`) is placed as before. */
  keeps(book: Book, give: Unit, take?: Unit): boolean {
    if (this.movedIn.has(book) && this.teamArr(book, give) > this.teamArr(book, take))
      return this.placedInTeam(book, this.home(book, give, take));
    const bySegment = book.member.segment === undefined;
    if (!bySegment && this.industryTeams.length === 0) return true;
    const before = this.homeOf(book);
    const after = this.home(book, give, take);
    return (!bySegment || after.tier === before.tier) && after.industry === before.industry;
  }

  /**
   * Whether `book` taking `take` (and giving `give`) stays below the ARR in the team's accounts
   * of every CSM the target moved into its team (`rivals`): at or above it, the next plan would
   * move this CSM in instead.
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
    const a = new Map<SegmentId, number>();
    const r = new Map<SegmentId, number>();
    const arr = new Map<string, number>();
    const add = (unit: Unit, sign: number) => {
      a.set(unit.segment, (a.get(unit.segment) ?? 0) + sign * unit.a);
      r.set(unit.segment, (r.get(unit.segment) ?? 0) + sign * unit.r);
      if (this.industryTeams.length > 0) {
        const industry = this.industryOf(unit);
        arr.set(industry, (arr.get(industry) ?? 0) + sign * unit.arr);
      }
    };
    for (const unit of book.units) if (unit !== give) add(unit, 1);
    if (take) add(take, 1);
    let segment: SegmentId | undefined;
    let most = 1e-9;
    for (const s of SEGMENT_IDS) {
      const load = Math.max(a.get(s) ?? 0, r.get(s) ?? 0);
      if (load > most) {
        most = load;
        segment = s;
      }
    }
    let industry = '';
    let mostArr = 0;
    for (const team of this.industryTeams) {
      const key = industryKey(team.industry);
      const sum = arr.get(key) ?? 0;
      if (sum > mostArr + 1e-9) {
        mostArr = sum;
        industry = key;
      }
    }
    return { tier: segment === undefined ? '' : (this.tierOf.get(segment) ?? ''), industry };
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
