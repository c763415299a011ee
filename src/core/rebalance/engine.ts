/**
 * `rebalance`: books of business brought inside their team's load band with few, explained moves.
 *
 * Hard rules first (never broken): an account only goes to a team that serves it (its segment,
 * and its industry where the target draws industry teams: `servingTeams`), and a CSM the target
 * org moves to another team hands over what that team does not serve; an account
 * stays in its region unless it must change owner and nobody there can take it; locked accounts
 * and account groups stay; no move inside the renewal freeze unless the CSM leaves; a family moves
 * together; a leaving CSM hands over the whole book. Every move keeps the limits `check` enforces
 * (BOOK_LIMITS: the largest allowed book, the ramp, 30% red/yellow, no complex account to a junior
 * CSM) on both books, or leaves a book already past one no worse. Then, in order: loads inside the
 * band, at most 30% red/yellow per book, complex and red accounts to senior CSMs, fit (language,
 * industry, time zone), and the fewest moves, preferring small, green accounts that do not renew
 * soon. The rules run in passes until one changes nothing, so a second run proposes nothing.
 *
 * Algorithm: the moves that must happen (leaving, not-yet-ramped and unowned books) are placed
 * largest first on the book with the lowest load after the move; then each book above its band
 * sheds the smallest unit that brings it inside (or the largest that fits, or a swap); then
 * health mix and seniority are fixed by moves or load-neutral swaps that keep every band.
 * A move compares one book's units with its team's books (those with room): O(units in book x
 * books in team). A swap partner is found in each book's units sorted by size, walking out from
 * the size wanted: about O(books in team x log units in book), never every unit of the team.
 */
import { type Analysis, analyse } from '../analysis.js';
import { type CapacityResult, computeCapacity } from '../capacity.js';
import { addDays, daysBetween } from '../dates.js';
import type { Org, SegmentId } from '../model.js';
import { SEGMENT_IDS } from '../model.js';
import { formatMoney } from '../money.js';
import { personOn } from '../people.js';
import { type RoleId, roleLabel } from '../roles.js';
import { industryKey, servingTeams } from '../target/needs.js';
import { BookPlacement, RoleMoverChoice } from './placement.js';
import {
  type RegionCover,
  type RegionIds,
  regionCovers,
  regionIds,
  regionIn,
  regionWords,
} from './regions.js';
import { type Book, frozenOn, leavesOf, State, type Unit } from './state.js';
import { type RebalanceTeam, targetTeams } from './teams.js';
import type {
  BookChange,
  Move,
  MoveRule,
  RebalanceOptions,
  RebalanceResult,
  TeamBand,
  Unbalanced,
  UnbalancedLimit,
  Unmovable,
} from './types.js';

/** A mover's pick scores by `Book.index` (see `Rebalancer.pickScores`): `at` is the book's `changedAt` they are as of, -1 before. */
interface PickScores {
  at: Float64Array;
  arr: Float64Array;
  hand: Float64Array;
}

/**
 * What `relieve` fixes in a book: red/yellow past the mix limit, or hard accounts with a junior
 * CSM. Its tests (`isBad`, `isFixed`, `receiverOk`, `mayReceive`, `isPartner`) are methods that
 * branch on it, not closures per rule: one call target each, so V8 compiles the searches once.
 */
type FixRule = 'health-mix' | 'seniority';

/** How far above the team's mean load a book may sit (a csplan default, `--tolerance`). */
export const DEFAULT_TOLERANCE = 0.1;
const EPS = 1e-9;
/**
 * Passes of the rules over the books; in practice the second or third changes nothing. A pass
 * that gave an account to a team serving it gets another beyond this (see `run`).
 */
const MAX_PASSES = 6;

/** Why a unit stays where it is: the reason, and its words. */
interface Stay {
  reason: Unmovable['reason'];
  detail: string;
}

/** No book that serves the unit has room; the words are written with the result. */
const NO_ROOM: Stay = { reason: 'no-room', detail: '' };
/** The stays of a unit listed for no room alone, shared by all of them (never added to). */
const ONLY_NO_ROOM: Stay[] = [NO_ROOM];

/**
 * The units that must change owner, largest first, with what every pass reads of each in typed
 * arrays in the same order: every pass scans them all and skips most (see `mayFitNow`) reading
 * memory in sequence, not units scattered over the heap.
 */
interface ForcedUnits {
  units: Unit[];
  rules: MoveRule[];
  orders: Int32Array;
  /** Each unit's index in `served`. */
  servings: Uint32Array;
  /** `State.version` when no book could take the unit; -1 before. */
  failedAt: Float64Array;
  /** 1 where that failure was `anyCapRoom`'s: no receiver had room under its cap (see `mayFitNow`). */
  capFailed: Uint8Array;
}

interface Step {
  unit: Unit;
  from: Book | null;
  to: Book;
  rule: MoveRule;
  /**
   * Both books and their loads as the engine saw them when it chose ("c-1 at 112%"), for the
   * reason. Kept as text: a share field that held 0 in the first steps and a fraction later
   * would make V8 change the layout of every step made before (~0.15 s at 65k steps).
   */
  fromLabel: string | undefined;
  toLabel: string;
  effective?: string;
  /** The other half of a swap, for the reason text. */
  swappedWith?: Unit;
  /** A load move that fills a book far below the team's mean rather than relieving one above. */
  fill: boolean;
  /** Why a complex or red account goes to a junior CSM (no senior could take it), for the reason. */
  juniorWhy: string | undefined;
  /** The family's unit that moved, when `unit` is one of the parts it was joined from. */
  family: Unit | undefined;
}

/**
 * `analysed` may be passed when the caller already analysed the same org and computed its
 * capacity (neither is changed): the target org the teams come from is built from them.
 */
export function rebalance(
  org: Org,
  options: RebalanceOptions = {},
  analysed?: { analysis: Analysis; capacity: CapacityResult },
): RebalanceResult {
  const analysis = analysed?.analysis ?? analyse(org);
  const capacity = analysed?.capacity ?? computeCapacity(analysis);
  return new Rebalancer(analysis, capacity, options).run();
}

class Rebalancer {
  private readonly state: State;
  private readonly teams: RebalanceTeam[];
  /** CSMs the target org moves into another function: no new accounts, the book handed over. */
  private readonly intoRoles: Map<string, RoleId>;
  private readonly teamOf = new Map<string, string>();
  /**
   * Books of the teams that serve an account, one list per segment and industry (servingTeams
   * decides, as in the target org), indexed by `servingOf`.
   */
  private readonly served: Book[][] = [];
  /** The same lists as flags by `Book.index` (1: the book serves the list's units), for `serves`. */
  private readonly servedFlags: Uint8Array[] = [];
  /** The index in `served` of each unit's list, by `unit.order`. */
  private readonly servingOf: Uint32Array;
  private readonly upper = new Map<string, number>();
  /**
   * Each book's band (loadShare), by `Book.index`: 1 and 0 until its team's band is known. Kept
   * out of the books: a fraction written where the integer 1 was gives every book a new hidden
   * class, and V8 then compiles again every function that reads books.
   */
  private readonly upperByBook: Float64Array;
  private readonly lowerByBook: Float64Array;
  private readonly mean = new Map<string, number>();
  private readonly steps: Step[] = [];
  /** 1 for units that changed hands, by `unit.order` (faster than a set of objects). */
  private readonly moved: Uint8Array;
  /** Books of CSMs the target org moves to another team (see `RebalanceTeam.joining`). */
  private readonly joining = new Set<Book>();
  /** Each of `joining` by its place in the target's order of moves (`RebalanceTeams.joinOrder`). */
  private readonly joinRank = new Map<Book, number>();
  private readonly teamBooksOf = new Map<string, Book[]>();
  /**
   * Why each unit listed as unmovable stays, by `unit.order` (reasons in the order found); the
   * accounts' entries are written once, by `unmovableById`.
   */
  private readonly stays: (Stay[] | undefined)[];
  /** When each unit was last put on the unmovable list (a count), by `unit.order`: the order it is listed in. */
  private readonly listedAt: Float64Array;
  private listings = 0;
  /** The no-room detail per `served` list: the same words for every account it applies to. */
  private readonly noRoomByServing = new Map<number, string>();
  /** Units that must change owner (see `forcedUnits`), found in the first pass. */
  private forced: ForcedUnits | undefined;
  /** Each mover's hand-over: the positions in `forced` of the units their move takes out. */
  private readonly handOvers = new Map<Book, number[]>();
  /**
   * Movers whose hand-over waits (see `handOver`): why, in words, and `State.version` when it
   * was last tried.
   */
  private readonly waiting = new Map<Book, { why: string; at: number }>();
  /** 1 for the books in `waiting`, by `Book.index`: `movable` asks it of every unit it sees. */
  private readonly waitingFlags: Uint8Array;
  /**
   * The books of `waiting` that move to another CSM team (see `keepsMoverChoice`): a list, as
   * the searches walk it for every candidate.
   */
  private readonly waitingJoiners: Book[] = [];
  /**
   * How the target ranks each book for a waiting mover's move (see `pickScores`), by mover.
   * Typed arrays by `Book.index`: one shape whatever the sums hold (score pairs that were arrays
   * of small integers for some books and of fractions for others made V8 compile the check anew).
   */
  private readonly pickScoresOf = new Map<Book, PickScores>();
  /**
   * Per `served` list: the newest `changedAt` among its books, as of `State.version`
   * `servedSeenAt` (see `mayFitNow`).
   */
  private servedChangedAt = new Float64Array(0);
  /** Per `served` list: the newest change that may have made cap room in one of its books (see `mayFitNow`). */
  private servedRoomAt = new Float64Array(0);
  private servedSeenAt = -1;
  /** Units listed as unmovable because their book was stuck in this pass. */
  private readonly stuckUnits = new Set<Unit>();
  /** Units of a family moved since the last `joinFamilies`: where parts may have met. */
  private familyMoves: Unit[] = [];
  /** How many units the file's owners make; those `joinFamilies` adds come after. */
  private readonly fileUnits: number;
  private readonly tolerance: number;
  private readonly mixMax: number;
  /** Each book's region cover (see `regionCovers`), by `book.index`. */
  private readonly covers: (RegionCover | undefined)[];
  /** The covers as numbers, for `inRegion` and `inCover` (see `regionIds`). */
  private readonly regions: RegionIds;
  /** The books of each `served` list that cover each region (see `receiversInRegion`). */
  private readonly inRegionLists = new Map<number, Book[]>();
  /** The unit groups each book may take (see `groupsTaken`), by `Book.index`, found on first use. */
  private readonly takenGroups: (number[] | undefined)[];
  private readonly placement: BookPlacement;
  private readonly roleMoverChoice: RoleMoverChoice;

  constructor(
    private readonly analysis: Analysis,
    capacity: CapacityResult,
    private readonly options: RebalanceOptions,
  ) {
    const { teams, intoRoles, roleRivals, joinOrder } = targetTeams(analysis, capacity);
    this.teams = teams;
    this.intoRoles = intoRoles;
    for (const team of this.teams) for (const id of team.members) this.teamOf.set(id, team.key);
    for (const [id, role] of this.intoRoles) this.teamOf.set(id, roleLabel(role));
    this.state = new State(analysis, this.teamOf, analysis.org.policy.renewalFreezeDays);
    // In the plan they carry no CSM book: like a leaver, they take nothing and hand over all.
    for (const id of this.intoRoles.keys()) {
      const book = this.state.books.get(id);
      if (book) book.cap = 0;
    }
    this.upperByBook = new Float64Array(this.state.bookList.length).fill(1);
    this.lowerByBook = new Float64Array(this.state.bookList.length);
    // By unit.order, with room for the units joined from a family's parts (`joinFamilies`).
    const units = this.state.capacity;
    this.moved = new Uint8Array(units);
    this.waitingFlags = new Uint8Array(this.state.bookList.length);
    this.listedAt = new Float64Array(units);
    this.stays = new Array<Stay[] | undefined>(units).fill(undefined);
    this.fileUnits = this.state.units.length;
    this.tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
    // Each CSM's tier: their segment, or where most of their book was.
    for (const owner of analysis.bookOwners) {
      const anchor = owner.member.segment ?? owner.mainSegment;
      const book = this.state.books.get(owner.member.id);
      if (anchor && book) book.anchorRank = rank(anchor);
    }
    this.mixMax = analysis.org.policy.healthMixMax;
    for (const team of this.teams) {
      const books = team.members.map((id) => this.state.books.get(id) as Book);
      this.teamBooksOf.set(team.key, books);
      for (const id of team.joining) this.joining.add(this.state.books.get(id) as Book);
    }
    joinOrder.forEach((id, at) => {
      const book = this.state.books.get(id);
      if (book) this.joinRank.set(book, at);
    });
    this.servingOf = this.servingLists();
    this.covers = regionCovers(
      [...this.state.books.values()],
      this.teams,
      this.state.units,
      this.served,
      this.servingOf,
    );
    this.regions = regionIds(this.covers, this.state.units, units);
    this.takenGroups = new Array<number[] | undefined>(this.state.bookList.length).fill(undefined);
    this.state.groupUnits(this.unitGroups(), this.unitGroup(this.served.length, -1, false));
    const bookOf = (id: string) => this.state.books.get(id) as Book;
    const rivals = new Map<Book, Book[]>();
    for (const team of this.teams)
      if (team.movedFromNoTeam.length > 0)
        for (const id of team.unneeded) rivals.set(bookOf(id), team.movedFromNoTeam.map(bookOf));
    this.roleMoverChoice = new RoleMoverChoice(
      new Map([...roleRivals].map(([id, ids]) => [bookOf(id), ids.map(bookOf)])),
    );
    this.placement = new BookPlacement(
      this.teams,
      this.joining,
      (book, unit) => this.serves(book, unit),
      this.state.loads,
      rivals,
    );
  }

  run(): RebalanceResult {
    const before = new Map(
      [...this.state.books.values()].map((b) => [b.id, this.state.figures(b)] as const),
    );
    // Each pass can make room for what an earlier step could not place or fix (a handover that
    // fits once the books are balanced): passes repeat until one changes nothing, so a second
    // rebalance of the result proposes nothing.
    // Units no serving team holds, after the pass before (see the end of the loop).
    let unserved = Number.POSITIVE_INFINITY;
    for (let pass = 0; ; pass++) {
      const steps = this.steps.length;
      // A stuck book is judged again each pass; a forced unit's reason stands until it is placed.
      for (const unit of this.stuckUnits) this.stays[unit.order] = undefined;
      this.stuckUnits.clear();
      this.joinFamilies();
      this.placeForced();
      // Accounts given an owner join the team's load: the band follows.
      this.computeBands();
      if (!this.options.onlyUnowned) {
        // After the handovers, so a CSM they filled is no longer empty, as a second run sees it.
        this.firstBooksNow();
        this.balanceLoads();
        this.fillLight();
        this.fixHealthMix();
        this.fixSeniority();
      }
      if (this.steps.length === steps) break;
      // A pass that gave accounts to a team that serves them (from no owner, or from a book of
      // another team) moved both teams' mean loads, so their bands: the next pass judges the
      // books by the new bands, as a second rebalance would. Every move goes to a book that
      // serves its account, so this count only falls: these passes end. It is compared from the
      // last of MAX_PASSES on, so counted (a sweep of every unit) from the pass before.
      if (pass + 2 >= MAX_PASSES) {
        const left = this.unservedUnits();
        if (pass + 1 >= MAX_PASSES && left >= unserved) break;
        unserved = left;
      }
    }
    if (!this.options.onlyUnowned) this.starterBooks();
    return this.result(before);
  }

  /**
   * Parts of a family (owned apart in the file) that the moves brought into one book become one
   * unit there, as a fresh load of the result makes them: the passes after see the units a
   * second rebalance would (a family in one book moves whole), so that one proposes nothing
   * (issue 18, invariant 2). Not in a book whose units must leave it (a leaver, a mover, a CSM
   * with no capacity): those units are handed over one by one as found.
   */
  private joinFamilies(): void {
    if (this.familyMoves.length === 0) return;
    const movedUnits = this.familyMoves;
    this.familyMoves = [];
    for (const unit of movedUnits) {
      const book = this.state.holderOf(unit);
      if (unit.joined || !book || book.cap === 0 || book.status === 'leaving') continue;
      if (this.joining.has(book) || this.intoRoles.has(book.id)) continue;
      const parts: Unit[] = [];
      for (const u of book.units) if (u.inFamily && u.key === unit.key) parts.push(u);
      if (parts.length < 2) continue;
      parts.sort((x, y) => x.order - y.order);
      let speaker = unit;
      const joined = this.state.join(parts, (top, green) => {
        speaker = top;
        const list = this.servingOf[top.order] as number;
        return this.unitGroup(list, this.regions.ofUnit[top.order] as number, green);
      });
      // It serves and sits where its top account does (as `buildUnits` makes a family's unit).
      this.servingOf[joined.order] = this.servingOf[speaker.order] as number;
      this.regions.ofUnit[joined.order] = this.regions.ofUnit[speaker.order] as number;
      for (const part of parts) {
        if (this.moved[part.order] === 1) this.moved[joined.order] = 1;
        const stays = this.stays[part.order];
        this.stays[part.order] = undefined;
        if (stays) for (const stay of stays) this.block(joined, stay.reason, stay.detail);
      }
    }
  }

  /**
   * Each joined unit back into the parts the file's owners make, and each step as the steps of
   * those parts: the moves, and a replay of some of them, are of accounts as the file holds them.
   */
  private partSteps(): Step[] {
    if (this.state.units.length === this.fileUnits) return this.steps;
    for (let order = this.fileUnits; order < this.state.units.length; order++) {
      const unit = this.state.units[order] as Unit;
      if (unit.joined) continue;
      const stays = this.stays[order];
      this.stays[order] = undefined;
      for (const part of this.state.split(unit))
        if (stays) for (const stay of stays) this.block(part, stay.reason, stay.detail);
    }
    const steps: Step[] = [];
    for (const step of this.steps) {
      const { unit, swappedWith } = step;
      const partner = swappedWith?.parts ? leavesOf(swappedWith)[0] : swappedWith;
      if (!unit.parts)
        steps.push(partner === swappedWith ? step : { ...step, swappedWith: partner });
      else
        for (const part of leavesOf(unit))
          steps.push({ ...step, unit: part, swappedWith: partner, family: unit });
    }
    return steps;
  }

  // Hard rules --------------------------------------------------------------------------------

  /**
   * Units that must change owner (leaving or not-yet-carrying CSMs, accounts with no CSM, a CSM
   * the target org moves to another team), largest first. Found once: no unit becomes forced
   * later (nobody moves a unit to a leaving or not-yet-carrying book), so a later pass retries the
   * ones not placed, in the same order.
   */
  private forcedUnits(): ForcedUnits {
    // One loop per method below: V8 compiles a long loop while it runs (on-stack replacement),
    // and in one method each next loop, not yet run, threw the compiled code away again.
    const found = this.findForced();
    const forced = this.inOrder(found, this.largestFirst(found.units));
    this.indexHandOvers(forced);
    return forced;
  }

  /** The units that must change owner, with their rules, in input order. */
  private findForced(): { units: Unit[]; rules: MoveRule[] } {
    const units: Unit[] = [];
    const rules: MoveRule[] = [];
    const forced = (unit: Unit, rule: MoveRule) => {
      units.push(unit);
      rules.push(rule);
    };
    // Whether a digital CSM serves each list of books: asked once per list, not per account.
    const digitalServed = this.served.map((books) =>
      books.some((b) => b.member.role === 'digital-csm'),
    );
    for (const unit of this.state.units) {
      const book = this.state.holderOf(unit);
      if (!book) {
        // Digital-coverage accounts have no named CSM by design unless a digital team exists.
        if (unit.digital && !digitalServed[this.servingOf[unit.order] as number]) continue;
        forced(unit, 'unowned');
      } else if (!this.options.onlyUnowned) {
        if (book.status === 'leaving') forced(unit, 'leaving');
        else if (this.intoRoles.has(book.id)) forced(unit, 'new-role');
        else if (book.cap === 0) forced(unit, 'ramp');
        else if (this.joining.has(book) && !this.serves(book, unit)) forced(unit, 'team');
      }
    }
    return { units, rules };
  }

  /**
   * Positions in `units` (input order), largest unit first, then input order: the classic greedy
   * for even loads places the largest first onto the lightest book. The sort reads sizes and
   * positions copied into typed arrays: in size order the units lie all over the heap.
   */
  private largestFirst(units: Unit[]): number[] {
    const n = units.length;
    const sizes = new Float64Array(n);
    const positions = new Int32Array(n);
    // Index loops: an entries() iterator makes a pair per unit.
    for (let i = 0; i < n; i++) {
      const unit = units[i] as Unit;
      sizes[i] = this.size(unit);
      positions[i] = unit.order;
    }
    const order = units.map((_, i) => i);
    order.sort(
      (i, j) =>
        (sizes[j] as number) - (sizes[i] as number) ||
        (positions[i] as number) - (positions[j] as number),
    );
    return order;
  }

  /**
   * The forced units in `order`, with what every pass reads of each copied into typed arrays in
   * that order (66k units at 100k accounts).
   */
  private inOrder(found: { units: Unit[]; rules: MoveRule[] }, order: number[]): ForcedUnits {
    const n = order.length;
    const units: Unit[] = [];
    const rules: MoveRule[] = [];
    const orders = new Int32Array(n);
    const servings = new Uint32Array(n);
    for (let at = 0; at < n; at++) {
      const i = order[at] as number;
      const unit = found.units[i] as Unit;
      units.push(unit);
      rules.push(found.rules[i] as MoveRule);
      orders[at] = unit.order;
      servings[at] = this.servingOf[unit.order] as number;
    }
    const failedAt = new Float64Array(n).fill(-1);
    return { units, rules, orders, servings, failedAt, capFailed: new Uint8Array(n) };
  }

  /** Each mover's hand-over (`handOvers`): the positions in `forced` of the units it takes out. */
  private indexHandOvers(forced: ForcedUnits): void {
    const { units, rules } = forced;
    for (let at = 0; at < units.length; at++) {
      if (rules[at] !== 'new-role' && rules[at] !== 'team') continue;
      const mover = this.state.holderOf(units[at] as Unit) as Book;
      const positions = this.handOvers.get(mover);
      if (positions) positions.push(at);
      else this.handOvers.set(mover, [at]);
    }
  }

  /**
   * Places the forced units on the best book with room; says why for those it cannot. The movers'
   * hand-overs (CSMs the target moves into a function or another team) come first, each whole or
   * not at all (`handOver`): a mover whose move waits then takes nothing from the rest.
   */
  private placeForced(): void {
    this.forced ??= this.forcedUnits();
    // Moves to another team first, in the target's order: whether one waits decides whether a
    // later one or a move into a function may go.
    const joiners = [...this.handOvers.keys()].filter((mover) => this.joining.has(mover));
    joiners.sort((a, b) => this.rankOfJoiner(a) - this.rankOfJoiner(b));
    for (const mover of joiners) this.handOver(mover);
    for (const mover of this.handOvers.keys()) if (!this.joining.has(mover)) this.handOver(mover);
    const { rules, orders } = this.forced;
    for (let i = 0; i < orders.length; i++) {
      const rule = rules[i] as MoveRule;
      if (rule === 'new-role' || rule === 'team') continue;
      // Its reason for staying stands (see `mayFitNow`), or it was placed in an earlier pass.
      if (!this.mayFitNow(i) || this.moved[orders[i] as number] === 1) continue;
      this.placeOne(i);
    }
  }

  /**
   * A mover's hand-over, all or nothing: every account the target's move takes out of the book
   * goes to a book with room, or none does and the CSM keeps the whole book, the move waiting
   * (`waiting`). A VP does not move a CSM into CS Ops and leave their red accounts behind with
   * nobody to own them; and a book half handed over would make the next plan place the CSM by
   * what is left. A CSM joining another team keeps working: the hand-over must also not leave
   * their book with more red/yellow. Tried again in a later pass once some book has changed.
   */
  private handOver(mover: Book): void {
    const wait = this.waiting.get(mover);
    if (wait && wait.at === this.state.version) return;
    const { units } = this.forced as ForcedUnits;
    // What the book still holds of it: none once handed over in an earlier pass, or the accounts
    // that stay for a reason of their own (locked, in the renewal freeze...).
    const positions = (this.handOvers.get(mover) ?? []).filter(
      (at) => this.state.holderOf(units[at] as Unit) === mover,
    );
    const pending = positions.length > 0 ? this.pendingJoiner(mover) : undefined;
    if (pending) {
      this.holdBook(mover, positions, this.waitForJoinerWords(mover, pending));
      return;
    }
    const mark = this.steps.length;
    const mixBefore = this.state.atRiskShare(mover);
    // Units no book has room for. One that is locked, in an account group or inside the
    // renewal freeze stays for a reason of its own, with its own fix, as a leaver's does.
    // Receivers ranked as a fresh run ranks them before any band is known (every band at 100%):
    // a second rebalance tries the hand-over first, on the books this one leaves, so it places
    // the same accounts, or fails on the same ones.
    const bands = this.upperByBook.slice();
    this.upperByBook.fill(1);
    const noRoom: number[] = [];
    for (const at of positions) {
      const reason = this.placeOne(at);
      if (reason === 'no-room' || reason === 'no-team') noRoom.push(at);
    }
    this.upperByBook.set(bands);
    // Judged once every account has gone: a book half handed over says nothing.
    const mix = this.state.atRiskShare(mover);
    const moreAtRisk =
      noRoom.length === 0 &&
      this.joining.has(mover) &&
      mix > this.mixMax + EPS &&
      mix > mixBefore + EPS;
    if (noRoom.length === 0 && !moreAtRisk) {
      this.stopWaiting(mover);
      return;
    }
    for (const step of this.steps.splice(mark).reverse()) {
      this.state.move(step.unit, mover);
      this.moved[step.unit.order] = 0;
    }
    this.holdBook(mover, positions, this.waitWords(mover, noRoom, moreAtRisk));
  }

  /** The mover keeps the units at `positions` (in `forced`), each listed as waiting with `why`. */
  private holdBook(mover: Book, positions: number[], why: string): void {
    const { orders } = this.forced as ForcedUnits;
    const stay: Stay = { reason: 'move-waits', detail: why };
    for (const at of positions) {
      const order = orders[at] as number;
      if (this.stays[order] === undefined) this.listedAt[order] = this.listings++;
      this.stays[order] = [stay];
    }
    this.startWaiting(mover, stay.detail);
  }

  /**
   * A CSM moving to another team whose move waits, for which `mover`'s move waits too. Into a
   * function: with the book handed over, `mover` would have no team and no book, the first pick
   * for a team short of people (`moverOrder` in target/staffing.ts), and the next plan would move
   * them there instead. To another team: one the target moves earlier (`joinOrder`); made while
   * that one waits, `mover`'s move leaves its team less short on the next plan, which then fills
   * the teams in another order and may move other CSMs.
   */
  private pendingJoiner(mover: Book): Book | undefined {
    if (this.waitingJoiners.length === 0) return undefined;
    const rank = this.joining.has(mover) ? this.rankOfJoiner(mover) : undefined;
    if (rank === undefined && !this.intoRoles.has(mover.id)) return undefined;
    for (const other of this.waiting.keys())
      if (this.joining.has(other) && (rank === undefined || this.rankOfJoiner(other) < rank))
        return other;
    return undefined;
  }

  /**
   * The earlier move to another team that waits, for which an empty book's first account waits
   * too: the book's CSM is one the target moves into a team, whom that account would place
   * there on the next plan (from no team). Their move made while the earlier one waits, the new
   * team is less short on the next plan, which then fills the teams in another order, and a
   * later move that waits now goes through (regions property, seed 16). Undefined when the
   * account may go.
   */
  private firstAccountWaitsFor(book: Book, unit: Unit): Book | undefined {
    if (!this.joining.has(book) || this.placement.placedTeam(book, unit) !== book.team) return;
    return this.pendingJoiner(book);
  }

  private rankOfJoiner(book: Book): number {
    return this.joinRank.get(book) ?? Number.POSITIVE_INFINITY;
  }

  private waitForJoinerWords(mover: Book, joiner: Book): string {
    if (this.joining.has(mover))
      return `${mover.id}'s move to the ${mover.team} team waits for ${joiner.id}'s move to the ${joiner.team} team, which the plan makes first: made alone, it would change which team the next plan fills first and whom it moves. ${mover.id} keeps the whole book until ${joiner.id} has moved`;
    return `${mover.id}'s move into ${this.newRole(mover)} waits for ${joiner.id}'s move to the ${joiner.team} team: with the book handed over, ${mover.id} would have no team and be the first pick for a team short of people. ${mover.id} keeps the whole book until ${joiner.id} has moved`;
  }

  /** `waiting`, with its flag by book index and its list of joiners, kept in step. */
  private startWaiting(mover: Book, why: string): void {
    if (!this.waiting.has(mover) && this.joining.has(mover)) this.waitingJoiners.push(mover);
    this.waiting.set(mover, { why, at: this.state.version });
    this.waitingFlags[mover.index] = 1;
  }

  private stopWaiting(mover: Book): void {
    if (this.waiting.has(mover) && this.joining.has(mover))
      this.waitingJoiners.splice(this.waitingJoiners.indexOf(mover), 1);
    this.waiting.delete(mover);
    this.waitingFlags[mover.index] = 0;
  }

  /**
   * Places the forced unit at `position` (in `forced`) on the best book with room; returns why it
   * stays when it cannot (listed with that reason), undefined once placed.
   */
  private placeOne(position: number): Unmovable['reason'] | undefined {
    const forced = this.forced as ForcedUnits;
    const unit = forced.units[position] as Unit;
    const rule = forced.rules[position] as MoveRule;
    const from = this.state.holderOf(unit) ?? null;
    if (unit.group) {
      this.block(unit, 'account-group', groupDetail(unit));
      return 'account-group';
    }
    if (unit.locked && from) {
      this.block(unit, 'locked', `locked; ${this.whyForced(from)}: choose its new owner by hand`);
      return 'locked';
    }
    if (from && from.status !== 'leaving' && frozenOn(unit, this.state.freezeDays)) {
      this.block(unit, 'renewal-freeze', this.freezeDetail(unit));
      return 'renewal-freeze';
    }
    // Most of the accounts left without room (60k pooled accounts at 100k) stop here, without
    // a search over their receivers.
    const noCapRoom = !this.anyCapRoom(unit, from, position);
    forced.capFailed[position] = noCapRoom ? 1 : 0;
    if (noCapRoom) return this.noReceiver(unit, from, position);
    // The region rule first; outside the region only when nobody in it can take the unit (and
    // some book that serves it is outside the region: else the second search is the first).
    const to =
      this.bestReceiver(unit, from, false) ??
      (this.receiversInRegion(unit).length === this.receivers(unit).length
        ? undefined
        : this.bestReceiver(unit, from, true));
    if (!to) return this.noReceiver(unit, from, position);
    this.stays[unit.order] = undefined;
    this.record(unit, from, to, rule);
    return undefined;
  }

  /**
   * Whether some book that may receive the forced unit (at `position` in `forced`) keeps its cap
   * with it (`State.fitsCap`). When none does, no receiver search can succeed (every receiver
   * must keep its limits, the cap among them), whatever the region: the unit stays without one.
   */
  private anyCapRoom(unit: Unit, from: Book | null, position: number): boolean {
    const forced = this.forced as ForcedUnits;
    for (const to of this.served[forced.servings[position] as number] as Book[]) {
      if (to === from || to.cap <= 0) continue;
      if (this.state.fitsCap(to, unit)) return true;
    }
    return false;
  }

  /**
   * Why a mover's hand-over waits, for a VP: the move, the accounts no book has room for (at
   * `noRoom` in `forced`) and where the books that serve them stand (so the reader sees whether
   * size or red/yellow blocks them), then what unblocks it.
   */
  private waitWords(mover: Book, noRoom: number[], moreAtRisk: boolean): string {
    const role = this.newRole(mover);
    const move = role === undefined ? `move to the ${mover.team} team` : `move into ${role}`;
    const units = noRoom.map((at) => (this.forced as ForcedUnits).units[at] as Unit);
    const serving = [...new Set(units.flatMap((u) => this.receivers(u)))]
      .filter((b) => b !== mover)
      .sort((a, b) => a.index - b.index);
    const why: string[] = [];
    if (units.length > 0) {
      const shown = serving.slice(0, 3).map((b) => this.standing(b));
      if (serving.length > 3) shown.push(`${serving.length - 3} more`);
      why.push(
        `${accountsList(units)} have no book with room${shown.length > 0 ? ` (${shown.join('; ')})` : ''}`,
      );
    }
    if (moreAtRisk)
      why.push(
        `handing over the accounts the new team does not serve would leave ${mover.id}'s book past ${Math.round(this.mixMax * 100)}% red/yellow`,
      );
    const fix =
      units.length > 0
        ? 'choose their new owners by hand, or move it once the books that serve them have room'
        : `choose new owners by hand, or move ${mover.id} once fewer of the book's accounts are red/yellow`;
    return `${mover.id}'s ${move} waits: ${why.join('; ')}. ${mover.id} keeps the whole book until it can go in one piece: ${fix}`;
  }

  /** No book can take the forced unit now: it stays, with why, until a book that serves it changes. */
  private noReceiver(unit: Unit, from: Book | null, position: number): 'no-room' | 'no-team' {
    (this.forced as ForcedUnits).failedAt[position] = this.state.version;
    if (anyOtherCarrier(this.receivers(unit), from)) {
      this.block(unit, 'no-room');
      return 'no-room';
    }
    this.block(
      unit,
      'no-team',
      `no CSM who can carry accounts today serves ${this.accountsWord(unit)}: hire one, or give a CSM the segment`,
    );
    return 'no-team';
  }

  /**
   * Whether the forced unit at `position` (in `forced`) is worth trying: never tried, or no book could
   * take it when last tried and one of the books that serve it has changed since (whether a book
   * can take a unit depends on that book alone). Most of 60k accounts without room would
   * otherwise be tried again in every pass; asked of every forced unit in every pass, it reads
   * typed arrays only, and the books once per change of any book.
   */
  private mayFitNow(position: number): boolean {
    const forced = this.forced as ForcedUnits;
    const failed = forced.failedAt[position] as number;
    if (failed < 0) return true;
    if (this.servedSeenAt !== this.state.version) this.servedChanges();
    const serving = forced.servings[position] as number;
    if ((this.servedChangedAt[serving] as number) <= failed) return false;
    // No receiver had room under its cap (the 23k self-serve accounts the digital CSM has no
    // room for, at 100k): the books changed, but none can have room now unless one lost a unit
    // since or is past its cap (`Book.freedAt`). The retry would fail as before, its only trace
    // the time of failure: set here instead. A listed unit only, whose reason stands.
    if (
      forced.capFailed[position] === 1 &&
      (this.servedRoomAt[serving] as number) <= failed &&
      this.stays[forced.orders[position] as number] !== undefined
    ) {
      forced.failedAt[position] = this.state.version;
      return false;
    }
    return true;
  }

  /**
   * `servedChangedAt` and `servedRoomAt` as of now. A book within its cap that only gained units
   * since a unit failed `anyCapRoom` still fails it: its loads, so its cap use with the unit, only
   * grew, and within the cap `fitsCap` asks that use alone. Past its cap, any change counts.
   */
  private servedChanges(): void {
    const lists = this.served.length;
    if (this.servedChangedAt.length !== lists) {
      this.servedChangedAt = new Float64Array(lists);
      this.servedRoomAt = new Float64Array(lists);
    }
    this.servedChangedAt.fill(-1);
    this.servedRoomAt.fill(-1);
    for (let at = 0; at < lists; at++) {
      for (const b of this.served[at] as Book[]) {
        const room = this.state.capUseWith(b) > 1 ? b.changedAt : b.freedAt;
        this.servedChangedAt[at] = Math.max(this.servedChangedAt[at] as number, b.changedAt);
        this.servedRoomAt[at] = Math.max(this.servedRoomAt[at] as number, room);
      }
    }
    this.servedSeenAt = this.state.version;
  }

  /** The function the target org moves a CSM into, in words ("CS Ops Specialist"); undefined for anyone else. */
  private newRole(book: Book): string | undefined {
    const role = this.intoRoles.get(book.id);
    return role === undefined ? undefined : roleLabel(role);
  }

  private statusWord(book: Book): string {
    if (book.status === 'leaving') return `leaving ${book.member.leaving}`;
    const role = this.newRole(book);
    if (role !== undefined) return `moving to ${role}`;
    if (book.status === 'planned') return `starts ${book.member.startDate}`;
    return `week ${book.tenureWeek} of the ramp`;
  }

  private whyForced(book: Book): string {
    if (book.status === 'leaving') return `${book.id} leaves on ${book.member.leaving}`;
    if (book.status === 'planned') return `${book.id} starts on ${book.member.startDate}`;
    const role = this.newRole(book);
    if (role !== undefined) return `${book.id} moves to ${role} in the plan`;
    if (book.cap > 0) return `${book.id} moves to the ${book.team} team in the target org`;
    return `${book.id} is in week ${book.tenureWeek} of the ramp`;
  }

  /**
   * Mean load over capacity per team; a book's band ends `tolerance` above it (100% at most while
   * the mean is below) and starts `tolerance` below it. The team's load is the larger of its
   * total count load and total ARR load: sums that no move changes, so a second run sees the
   * same band and proposes nothing new.
   */
  private computeBands(): void {
    for (const team of this.teams) {
      let a = 0;
      let r = 0;
      let cap = 0;
      for (const id of team.members) {
        const book = this.state.books.get(id) as Book;
        a += book.a;
        r += book.r;
        cap += book.cap;
      }
      const mean = cap > 0 ? Math.max(a, r) / this.state.offload / cap : 0;
      const upper =
        mean <= 1 ? Math.min(1, mean * (1 + this.tolerance)) : mean * (1 + this.tolerance);
      this.mean.set(team.key, mean);
      for (const id of team.members) {
        const book = this.state.books.get(id) as Book;
        this.upperByBook[book.index] = upper;
        this.lowerByBook[book.index] = mean * (1 - this.tolerance);
      }
      this.upper.set(team.key, upper);
    }
  }

  // Preferences -------------------------------------------------------------------------------

  private balanceLoads(): void {
    const books = [...this.state.books.values()];
    const owners = this.analysis.bookOwners.length;
    const stuck = new Uint8Array(owners);
    // How far each book is past its limits (NaN: within them), by `book.index`, worked out again
    // only for the books a move changed: the donor is sought among all books once per move.
    const over = new Float64Array(owners);
    const overAt = new Float64Array(owners).fill(-1);
    for (;;) {
      const donor = this.worstDonor(books, stuck, over, overAt);
      if (!donor) return;
      if (!this.shedOne(donor)) {
        stuck[donor.index] = 1;
        this.blockStuck(donor);
      }
    }
  }

  /**
   * The book furthest past its limits, but the `stuck` ones; `over` and `overAt` keep each book's
   * excess as of its `changedAt` (see `balanceLoads`). A method of its own, as `lightest` is.
   */
  private worstDonor(
    books: Book[],
    stuck: Uint8Array,
    over: Float64Array,
    overAt: Float64Array,
  ): Book | undefined {
    let donor: Book | undefined;
    let worst = 0;
    for (const book of books) {
      if (stuck[book.index] === 1 || book.cap === 0) continue;
      if (overAt[book.index] !== book.changedAt) {
        over[book.index] = this.overLimit(book) ? this.excessWith(book) : Number.NaN;
        overAt[book.index] = book.changedAt;
      }
      const excess = over[book.index] as number;
      if (Number.isNaN(excess)) continue;
      if (donor === undefined || excess > worst) {
        donor = book;
        worst = excess;
      }
    }
    return donor;
  }

  /** Books far below their team's mean take accounts from the fullest books of the team. */
  private fillLight(): void {
    // By `Book.index`: this search runs over every book once per move.
    const stuck = new Uint8Array(this.state.bookList.length);
    for (;;) {
      const light = this.lightest(stuck);
      if (!light) return;
      const best = this.fillFor(light);
      if (!best) stuck[light.index] = 1;
      else {
        this.record(best.unit, best.donor, light, 'load');
        (this.steps[this.steps.length - 1] as Step).fill = true;
      }
    }
  }

  /**
   * The book furthest below its band's bottom, but the `stuck` ones (by `Book.index`). Each loop
   * of `fillLight` is a method of its own: V8 compiles a long loop while it runs, and a loop
   * beside it, not yet run, threw that code away.
   */
  private lightest(stuck: Uint8Array): Book | undefined {
    let light: Book | undefined;
    let lightShare = 0;
    for (const book of this.state.books.values()) {
      if (stuck[book.index] === 1 || book.cap === 0) continue;
      const share = this.state.share(book);
      if (this.lowerOf(book) - share > EPS && (!light || share < lightShare)) {
        light = book;
        lightShare = share;
      }
    }
    return light;
  }

  /** The unit `light` takes, and from whom: none when no donor can give it one. */
  private fillFor(light: Book): { unit: Unit; donor: Book; key: number[] } | undefined {
    const limit = this.upperOf(light);
    const mean = this.mean.get(light.team) ?? 0;
    let best: { unit: Unit; donor: Book; key: number[] } | undefined;
    // The fullest donors first: the key starts with the donor's load, so once one gave a
    // candidate, a less full donor cannot give a better one and is not searched.
    for (const donor of this.fullestFirst(light, mean)) {
      const donorShare = this.state.share(donor);
      if (best && -round(donorShare) > (best.key[0] as number)) break;
      // Only the units `light` may take (the segments its team serves, in its region): `keeps`
      // refuses the rest, most of a donor's book.
      for (const group of this.groupsTaken(light)) {
        for (const unit of this.state.inGroup(donor, group)) {
          if (!this.movable(unit, donor)) continue;
          // Filling a light book is no reason to hand a junior CSM a complex or red account.
          if (hardForJunior(unit, light)) continue;
          const after = this.state.shareWith(light, unit);
          if (after > limit + EPS) continue;
          // Never overshoot: the donor stays at least as full as the book it feeds.
          if (this.state.shareWith(donor, undefined, unit) < after - EPS) continue;
          if (!this.keeps(donor, light, unit)) continue;
          const key = [
            -round(donorShare),
            this.preference(unit, light),
            round(Math.abs(mean - after)),
            unit.healthRank,
            -(unit.renewalDays ?? 100_000),
            unit.order,
          ];
          if (!best || less(key, best.key)) best = { unit, donor, key };
        }
      }
    }
    return best;
  }

  /** The books of `light`'s team above the team's mean, fullest first (by the rounded load the choice compares). */
  private fullestFirst(light: Book, mean: number): Book[] {
    const donors = this.teamBooks(light).filter(
      (b) => b !== light && b.cap > 0 && this.state.share(b) > mean + EPS,
    );
    return donors.sort((x, y) => round(this.state.share(y)) - round(this.state.share(x)));
  }

  /** One move (or swap) that lowers the donor's load; false when none keeps the hard rules. */
  private shedOne(donor: Book): boolean {
    const limit = this.upperOf(donor);
    const donorShare = this.state.share(donor);
    // Only books below their band's top can take anything, and only those that cover the unit's
    // region (`keeps` refuses the others): found once per list of receivers in a region.
    const withRoom = new Map<Book[], Book[]>();
    let best: { unit: Unit; to: Book; key: number[] } | undefined;
    for (const unit of donor.units) {
      if (!this.movable(unit, donor) || !this.state.keepsLimits(donor, undefined, unit)) continue;
      if (!this.placement.keeps(donor, unit)) continue;
      if (!this.keepsMoverChoice(donor, undefined, unit)) continue;
      const after = this.state.shareWith(donor, undefined, unit);
      if (after >= donorShare - EPS) continue;
      const fixes =
        after <= limit + EPS && this.state.capUseWith(donor, undefined, unit) <= 1 + EPS;
      const inRegion = this.receiversInRegion(unit);
      let receivers = withRoom.get(inRegion);
      if (!receivers) {
        // Pushed onto a literal, as in `receiversInRegion`.
        receivers = [];
        for (const b of inRegion)
          if (b !== donor && b.cap > 0 && this.state.share(b) <= this.upperOf(b) + EPS)
            receivers.push(b);
        withRoom.set(inRegion, receivers);
      }
      // The key below but for its receiver's part is known now: when it already loses to the
      // best key, only a lower preference can win, and receivers without one are not checked.
      const unitKey = [
        fixes ? 0 : 1,
        fixes ? this.size(unit) : -this.size(unit),
        unit.healthRank,
        -(unit.renewalDays ?? 100_000),
      ];
      const needLower = best !== undefined && lessFrom(best.key, 1, unitKey);
      // The unit's best receiver: preference (health mix, seniority, fit), then the lowest
      // load after, then file order.
      let to: Book | undefined;
      let preference = 0;
      let toAfter = 0;
      for (const b of receivers) {
        const bAfter = this.state.shareWith(b, unit);
        if (bAfter > this.upperOf(b) + EPS) continue;
        // Past a full book, a receiver (an overloaded team's band) takes only from a heavier book.
        if (bAfter > 1 + EPS && bAfter > after + EPS) continue;
        const p = this.preference(unit, b);
        if (best && (p > (best.key[0] as number) || (needLower && p === best.key[0]))) continue;
        // The receiving side only (`from` null): the donor's limits were checked above, once.
        if (!this.keeps(null, b, unit)) continue;
        if (
          !to ||
          p < preference ||
          (p === preference && (bAfter < toAfter || (bAfter === toAfter && b.index < to.index)))
        ) {
          to = b;
          preference = p;
          toAfter = bAfter;
        }
      }
      if (!to) continue;
      // Then a move that fixes the donor, the smallest such unit (fewest and smallest moves);
      // otherwise the largest step.
      // Written out, not spread: a spread compiles to the iterator protocol.
      const key = [
        preference,
        unitKey[0] as number,
        unitKey[1] as number,
        unitKey[2] as number,
        unitKey[3] as number,
        toAfter,
        unit.order,
        this.indexOf(to),
      ];
      if (!best || less(key, best.key)) best = { unit, to, key };
    }
    if (best) {
      this.record(best.unit, donor, best.to, 'load');
      return true;
    }
    return this.swapOne(donor);
  }

  /**
   * A swap of a larger donor unit for a smaller one when no single move fits anywhere. It must
   * lower how far the donor is past its limits, not only its load: a book past the largest
   * allowed book by its account count keeps that count through a one-for-one swap, so a swap
   * judged on load alone leaves it a donor, and the books it fills swap the same accounts back.
   */
  private swapOne(donor: Book): boolean {
    const donorShare = this.state.share(donor);
    const donorExcess = this.excessWith(donor);
    let best: { give: Unit; take: Unit; to: Book; key: number[] } | undefined;
    for (const give of donor.units) {
      if (!this.movable(give, donor)) continue;
      const sizeGive = this.size(give);
      // `keeps` refuses every partner of a receiver outside `give`'s region.
      for (const to of this.receiversInRegion(give)) {
        if (to === donor || to.cap === 0) continue;
        // Only partners between the smallest that keeps `to` in its band and `give` qualify.
        const smallest = this.smallestPartner(to, give, this.upperOf(to));
        if (smallest >= sizeGive) continue;
        // Only the units the donor may take (the segments its team serves, in its region): most
        // of a receiver's book is in other regions.
        for (const group of this.groupsTaken(donor)) {
          const units = this.state.inGroup(to, group);
          const from = this.state.firstAtLeast(units, smallest);
          for (let i = from; i < units.length; i++) {
            const take = units[i] as Unit;
            if (this.size(take) >= sizeGive) break;
            if (!this.movable(take, to)) continue;
            const after = this.state.shareWith(donor, take, give);
            if (after >= donorShare - EPS) continue;
            if (this.excessWith(donor, take, give) >= donorExcess - EPS) continue;
            const toAfter = this.state.shareWith(to, give, take);
            if (toAfter > this.upperOf(to) + EPS || !this.keeps(donor, to, give, take)) continue;
            // A swap that hands a junior CSM a complex or red account comes last.
            const junior = hardForJunior(give, to) || hardForJunior(take, donor) ? 1 : 0;
            const key = [junior, round(after), give.order, take.order];
            if (!best || less(key, best.key)) best = { give, take, to, key };
          }
        }
      }
    }
    if (!best) return false;
    this.record(best.give, donor, best.to, 'load', best.take);
    this.record(best.take, best.to, donor, 'load', best.give);
    return true;
  }

  /**
   * The least size a unit taken from `to` in exchange for `give` must have for `to` to stay at or
   * below `toMax` (a necessary bound, widened a little so rounding never drops a partner).
   */
  private smallestPartner(to: Book, give: Unit, toMax: number): number {
    const room = (toMax + EPS) * this.state.offload * to.cap;
    const { a, r } = this.state.loads;
    return (
      Math.max(to.a + (a[give.order] as number) - room, to.r + (r[give.order] as number) - room) -
      1e-9
    );
  }

  /** At most `health_mix_max` red/yellow per book, where the team as a whole allows it. */
  private fixHealthMix(): void {
    for (const book of this.sortedBooks()) {
      // A book within the mix needs nothing (as `relieve` would find): asked before the team's sums.
      if (book.cap === 0 || this.isFixed('health-mix', book)) continue;
      const team = this.teamBooks(book);
      const scored = team.reduce((n, b) => n + b.scored, 0);
      const atRisk = team.reduce((n, b) => n + b.atRisk, 0);
      if (scored === 0 || atRisk / scored > this.mixMax + EPS) continue;
      this.relieve(book, 'health-mix');
    }
  }

  /**
   * Complex accounts held by junior CSMs go to senior CSMs (a move, or a swap for a simpler
   * account), and so do red accounts this rebalance would hand a junior. Red accounts a junior
   * already works stay, and lean to seniors only where the engine picks a receiver anyway.
   */
  private fixSeniority(): void {
    for (const book of this.sortedBooks()) {
      if (!book.junior || book.cap === 0) continue;
      this.relieve(book, 'seniority');
    }
  }

  // The rule tests below work out what both rules read before they branch on the rule: the
  // health-mix pass then leaves V8 feedback for the seniority pass's part too, and the swap
  // searches compiled during the first pass are not thrown away and compiled again (`consider`,
  // `swapPartner`) when the seniority pass first runs them. What each returns is unchanged.

  /** The units `relieve` moves out of a book for `rule`. */
  private isBad(rule: FixRule, u: Unit): boolean {
    const atRisk = u.atRisk > 0;
    // Complex accounts leave a junior's book; red ones only when this rebalance brought them
    // there (a red account the junior already works stays: continuity).
    const hard = u.complex || (u.red && this.moved[u.order] === 1);
    return rule === 'health-mix' ? atRisk : hard;
  }

  /** Whether `book` needs nothing more for `rule`. */
  private isFixed(rule: FixRule, book: Book): boolean {
    if (rule === 'health-mix') return this.state.atRiskShare(book) <= this.mixMax + EPS;
    for (const u of book.units) if (this.isBad(rule, u) && this.movable(u, book)) return false;
    return true;
  }

  /** Whether `to` may take `give` (swapped for `take`) for `rule`. */
  private receiverOk(rule: FixRule, to: Book, give: Unit, take?: Unit): boolean {
    const mix = this.state.atRiskWith(to, give, take);
    const max = this.mixMax + EPS;
    // Red accounts never go to a junior CSM to fix a mix: that trades one finding for another.
    const mixOk = !(give.red && to.junior) && mix <= max;
    const seniorOk = isSenior(to) && (mix <= max || mix <= this.state.atRiskShare(to) + EPS);
    return rule === 'health-mix' ? mixOk : seniorOk;
  }

  /** A cheap test that fails only for books `receiverOk` refuses whatever the partner. */
  private mayReceive(rule: FixRule, to: Book, give: Unit): boolean {
    // A green partner only shrinks the receiver's scored count: the mix without it is the floor.
    const mixOk = !(give.red && to.junior) && this.state.atRiskWith(to, give) <= this.mixMax + EPS;
    const seniorOk = isSenior(to);
    return rule === 'health-mix' ? mixOk : seniorOk;
  }

  /** A unit `relieve` may swap in for a bad one, for `rule`. */
  private isPartner(rule: FixRule, u: Unit): boolean {
    const green = u.atRisk === 0;
    const simple = !u.complex && !u.red;
    return rule === 'health-mix' ? green : simple;
  }

  /** Moves or swaps bad units (`isBad`) out of `book` until it is fixed, keeping every band. */
  private relieve(book: Book, rule: FixRule): void {
    // Most books need nothing: asked first, before their units are listed and sorted.
    if (this.isFixed(rule, book)) return;
    // Sorted once: each step takes one of them out, and what a swap brings in is never `bad`.
    const bad = [...book.units]
      .filter((u) => this.isBad(rule, u) && this.movable(u, book))
      .sort(
        (x, y) => y.healthRank - x.healthRank || this.size(x) - this.size(y) || x.order - y.order,
      );
    for (let guard = book.units.size; guard > 0 && !this.isFixed(rule, book); guard--) {
      let done = false;
      for (let at = 0; at < bad.length; at++) {
        const give = bad[at] as Unit;
        let best: { to: Book; take?: Unit; key: number[] } | undefined;
        // A single move may not leave the book far below its team's mean (a swap may): then
        // no receiver is looked for.
        const moveAllowed = this.state.shareWith(book, undefined, give) >= this.lowerOf(book) - EPS;
        if (moveAllowed) {
          for (const to of this.receiversInRegion(give)) {
            if (to === book || to.cap === 0 || !this.receiverOk(rule, to, give)) continue;
            if (this.state.shareWith(to, give) > this.upperOf(to) + EPS) continue;
            if (!this.keeps(book, to, give)) continue;
            const key = [0, this.preference(give, to), this.state.shareWith(to, give)];
            if (!best || less(key, best.key)) best = { to, key };
          }
        }
        if (!best) best = this.swapPartner(book, give, rule);
        if (!best) continue;
        this.record(give, book, best.to, rule, best.take);
        if (best.take) this.record(best.take, best.to, book, rule, give);
        bad.splice(at, 1);
        done = true;
        break;
      }
      if (!done) return;
    }
  }

  /**
   * The load-neutral swap for `give`: the partner unit closest in size, from a book that may
   * take `give`, keeping both books inside their bands. Each book's units are sorted by size, so
   * the search walks out from `give`'s size within the window the two bands allow and stops once
   * a partner is farther than the best found: near O(receivers x log units) rather than every
   * unit of the team.
   */
  private swapPartner(
    book: Book,
    give: Unit,
    rule: FixRule,
  ): { to: Book; take: Unit; key: number[] } | undefined {
    let best: { to: Book; take: Unit; key: number[] } | undefined;
    const sizeGive = this.size(give);
    const bookMax = Math.max(this.upperOf(book), this.state.share(book));
    const bookMixBefore = this.state.atRiskShare(book);
    const consider = (to: Book, take: Unit, toMax: number) => {
      if (!this.isPartner(rule, take) || !this.movable(take, to)) return;
      // A swap never fixes one book by handing a junior CSM a complex or red account.
      if (hardForJunior(take, book)) return;
      if (!this.receiverOk(rule, to, give, take)) return;
      if (rule === 'health-mix' && this.state.atRiskWith(book, take, give) > bookMixBefore + EPS)
        return;
      if (this.state.shareWith(book, take, give) > bookMax + EPS) return;
      if (this.state.shareWith(to, give, take) > toMax + EPS) return;
      if (!this.keeps(book, to, give, take)) return;
      const key = [1, Math.abs(sizeGive - this.size(take)), take.order, this.indexOf(to)];
      if (!best || less(key, best.key)) best = { to, take, key };
    };
    // The book stays at or below bookMax only with a partner at most this large (widened a
    // little so rounding never drops a partner the exact checks would accept).
    const bookRoom = (bookMax + EPS) * this.state.offload * book.cap;
    const { a, r } = this.state.loads;
    const hi =
      Math.max(
        bookRoom - book.a + (a[give.order] as number),
        bookRoom - book.r + (r[give.order] as number),
      ) + 1e-9;
    // `keeps` refuses every partner of a receiver outside `give`'s region: their units are not walked.
    for (const to of this.receiversInRegion(give)) {
      if (to === book || to.cap === 0 || !this.mayReceive(rule, to, give)) continue;
      const toMax = Math.max(this.upperOf(to), this.state.share(to));
      const lo = this.smallestPartner(to, give, toMax);
      // Only the units `book` may take (the segments its team serves, in its region), and for the
      // health mix only green ones: most of a receiver's book is neither.
      for (const group of this.groupsTaken(book)) {
        if (rule === 'health-mix' && !isGreenGroup(group)) continue;
        const units = this.state.inGroup(to, group);
        const at = this.state.firstAtLeast(units, sizeGive);
        for (let i = at - 1; i >= 0; i--) {
          const take = units[i] as Unit;
          if (
            this.size(take) < lo ||
            (best && sizeGive - this.size(take) > (best.key[1] as number))
          )
            break;
          consider(to, take, toMax);
        }
        for (let i = at; i < units.length; i++) {
          const take = units[i] as Unit;
          if (
            this.size(take) > hi ||
            (best && this.size(take) - sizeGive > (best.key[1] as number))
          )
            break;
          consider(to, take, toMax);
        }
      }
    }
    return best;
  }

  /**
   * A planned hire's first book: small, simple accounts from the fullest books of the team, dated
   * the day the ramp gives one. On that day `firstBooksNow` picks the same accounts, so running
   * the rebalance again then writes what was planned.
   */
  private starterBooks(): void {
    const policy = this.analysis.org.policy;
    const zeroWeeks = [...policy.ramp]
      .filter((s) => s.capacity === 0)
      .reduce((w, s) => Math.max(w, s.untilWeek), 0);
    for (const hire of this.sortedBooks()) {
      if (hire.status !== 'planned' || hire.member.startDate === undefined) continue;
      // What the one capacity model gives the hire on the first day of a book.
      const from = addDays(hire.member.startDate, zeroWeeks * 7);
      const cap = personOn(hire.member, from, policy).capacity;
      if (cap === 0) continue;
      hire.cap = cap;
      this.fillFirstBook(hire, daysBetween(this.analysis.org.company.asOf, from), from);
      hire.cap = 0;
    }
  }

  /** A CSM in the ramp who can carry a book and holds none takes a first book now. */
  private firstBooksNow(): void {
    for (const csm of this.sortedBooks()) {
      if (csm.status !== 'ramping' || csm.cap === 0 || csm.count > 0) continue;
      if (this.intoRoles.has(csm.id)) continue;
      this.fillFirstBook(csm, 0, undefined);
    }
  }

  /**
   * Fills `hire`'s empty book up to the team's mean load on the day (the hire's capacity counted)
   * with small, simple, single accounts from the fullest books, keeping the ramp and the red/yellow
   * limit on the hire's book and every limit on the donor's.
   */
  private fillFirstBook(hire: Book, shift: number, effective: string | undefined): void {
    const team = this.teamBooks(hire).filter((b) => b !== hire && b.cap > 0);
    let a = 0;
    let r = 0;
    let cap = hire.cap;
    for (const b of team) {
      a += b.a;
      r += b.r;
      cap += b.cap;
    }
    const mean = Math.max(a, r) / this.state.offload / cap;
    const target = hire.cap * Math.min(1, mean);
    for (let guard = 0; guard < 10_000; guard++) {
      if (this.state.load(hire) >= target - EPS) break;
      let best: { unit: Unit; donor: Book; key: number[] } | undefined;
      for (const donor of team) {
        const donorShare = this.state.share(donor);
        for (const unit of donor.units) {
          // Chosen from the books as they stand after today's moves, whatever moved there: the
          // same books a later run reads from the written file, so it picks the same first book.
          // Single accounts only: a family's unit changes once today's moves join it up.
          if (!this.movable(unit, donor, shift) || unit.complex || unit.red) continue;
          if (unit.inFamily) continue;
          if (!this.serves(hire, unit) || !this.inRegion(unit, hire)) continue;
          if (!this.state.keepsLimits(donor, undefined, unit)) continue;
          if (!this.placement.keeps(donor, unit)) continue;
          if (!this.keepsMoverChoice(donor, undefined, unit)) continue;
          const after = this.state.load(hire) + this.unitLoad(unit);
          if (after > target * (1 + this.tolerance) + EPS || after > hire.cap + EPS) continue;
          if (this.state.atRiskWith(hire, unit) > this.mixMax + EPS) continue;
          // Only while it evens books out: the donor stays at least as full as the hire.
          const donorAfter = this.state.shareWith(donor, undefined, unit);
          if (donorAfter < this.state.shareWith(hire, unit) - EPS) continue;
          const key = [-round(donorShare), unit.healthRank, this.size(unit), unit.order];
          if (!best || less(key, best.key)) best = { unit, donor, key };
        }
      }
      if (!best) break;
      this.record(best.unit, best.donor, hire, 'starter-book', undefined, effective);
    }
  }

  // Helpers -----------------------------------------------------------------------------------

  /** The region rule: an account goes only to a book that covers its region (`regionCovers`). */
  private inRegion(unit: Unit, to: Book): boolean {
    return regionIn(this.regions.coverOf[to.index], this.regions.ofUnit[unit.order] as number);
  }

  /** Whether the book's cover names the unit's region (not merely any region). */
  private inCover(unit: Unit, to: Book): boolean {
    const id = this.regions.ofUnit[unit.order] as number;
    return id >= 0 && this.regions.coverOf[to.index]?.[id] === 1;
  }

  /**
   * Whether giving `give` from `from` to `to` (swapped for `take`) keeps the region rule and the
   * book limits on both books. A forced move (`from` null: a leaving, not-yet-carrying or missing
   * owner) checks the receiver only, and may leave the region when nobody in it can take the unit.
   * A book the target places by its content stays placed so (`BookPlacement`).
   */
  private keeps(
    from: Book | null,
    to: Book,
    give: Unit,
    take?: Unit,
    anyRegion = false,
    placed = true,
  ): boolean {
    // A mover whose hand-over waits keeps the book as it is: it takes nothing either.
    if (this.waitingFlags[to.index] === 1) return false;
    if (
      this.waitingJoiners.length > 0 &&
      to.units.size === 0 &&
      this.firstAccountWaitsFor(to, give)
    )
      return false;
    if (!anyRegion && !this.inRegion(give, to)) return false;
    if (take && from && !this.inRegion(take, from)) return false;
    // The mover choice first: it refuses most of what gets this far (at 100k, 80k of 135k
    // calls), and every test here is a pure question of the books, so the order changes nothing.
    if (!this.keepsMoverChoice(to, give, take)) return false;
    if (from !== null && !this.keepsMoverChoice(from, take, give)) return false;
    if (!this.state.keepsLimits(to, give, take)) return false;
    if (placed && !this.placement.keeps(to, take, give)) return false;
    if (placed && !this.placement.receives(to, give, take)) return false;
    if (from === null) return true;
    return (
      this.state.keepsLimits(from, take, give) &&
      (!placed || this.placement.keeps(from, give, take))
    );
  }

  /**
   * While a CSM's move to another team waits (`handOver`), the target keeps picking them for it
   * only while nobody else is a better pick by what it weighs (`moverOrder` in staffing.ts): the
   * ARR held in the new team's accounts, then the fewest accounts to hand over. A change that
   * makes `book` (with `add` in and `remove` out) a better pick, and at least as good as the
   * waiting CSM, would make the next plan move `book` instead; it is refused.
   */
  private keepsMoverChoice(book: Book, add?: Unit, remove?: Unit): boolean {
    if (!this.roleMoverChoice.keeps(book, add, remove)) return false;
    return this.waitingJoiners.length === 0 || this.keepsJoinerChoice(book, add, remove);
  }

  /**
   * `keepsMoverChoice` while some move to another team waits: apart, so the searches that ask
   * the check per candidate inline only the common case (V8 compiles less, and earlier).
   */
  private keepsJoinerChoice(book: Book, add?: Unit, remove?: Unit): boolean {
    // Any mover refusing the change refuses it: the order they are asked in changes nothing.
    for (let at = 0; at < this.waitingJoiners.length; at++) {
      const mover = this.waitingJoiners[at] as Book;
      // `book.team` is the team key the target gives the CSM ('' for none); a joiner's is never ''.
      if (mover === book || book.team === mover.team) continue;
      const addServed = add !== undefined && this.serves(mover, add);
      const removeServed = remove !== undefined && this.serves(mover, remove);
      // With the ARR in the new team's accounts unchanged, `book` becomes a better pick only with
      // fewer accounts to hand over: counts are whole numbers, so the sums below would say the
      // same. Asked first, so a book filled account by account (the digital CSM's thousand
      // unowned accounts) is not summed again for each one.
      if (!addServed && !removeServed && (remove?.count ?? 0) - (add?.count ?? 0) <= 0) continue;
      const scores = this.pickScores(book, mover);
      const arrBefore = scores.arr[book.index] as number;
      const handBefore = scores.hand[book.index] as number;
      let arr = arrBefore;
      let hand = handBefore;
      // Summed in branches, without an array per call: the searches ask this per candidate.
      if (add) {
        if (addServed) arr += add.arr;
        else hand -= add.count;
      }
      if (remove) {
        if (removeServed) arr -= remove.arr;
        else hand += remove.count;
      }
      const improves = arr > arrBefore || (arr === arrBefore && hand > handBefore);
      if (!improves) continue;
      this.pickScores(mover, mover);
      const arrTarget = scores.arr[mover.index] as number;
      if (arr > arrTarget || (arr === arrTarget && hand >= (scores.hand[mover.index] as number)))
        return false;
    }
    return true;
  }

  /**
   * How the target ranks `book` for `mover`'s move, brought up to date in the mover's scores: ARR
   * in the new team's accounts (`arr`), then minus the accounts to hand over (`hand`).
   */
  private pickScores(book: Book, mover: Book): PickScores {
    let scores = this.pickScoresOf.get(mover);
    if (!scores) {
      const books = this.state.bookList.length;
      scores = {
        at: new Float64Array(books).fill(-1),
        arr: new Float64Array(books),
        hand: new Float64Array(books),
      };
      this.pickScoresOf.set(mover, scores);
    }
    if (scores.at[book.index] === book.changedAt) return scores;
    let arr = 0;
    let handover = 0;
    for (const unit of book.units) {
      if (this.serves(mover, unit)) arr += unit.arr;
      else handover += unit.count;
    }
    scores.at[book.index] = book.changedAt;
    scores.arr[book.index] = arr;
    scores.hand[book.index] = -handover;
    return scores;
  }

  /**
   * How far a book (with `add` added and `remove` taken out) is past its limits: the larger of
   * its load over its band and its use of its cap (the largest allowed book, or the ramp) over 1.
   */
  private excessWith(book: Book, add?: Unit, remove?: Unit): number {
    return Math.max(
      this.state.shareWith(book, add, remove) - this.upperOf(book),
      this.state.capUseWith(book, add, remove) - 1,
    );
  }

  /** A book above its band, or past its cap (the largest allowed book, or the ramp). */
  private overLimit(book: Book): boolean {
    return (
      this.state.share(book) > this.upperOf(book) + EPS || this.state.capUseWith(book) > 1 + EPS
    );
  }

  /** Whether a unit may leave its book: a mover whose hand-over waits keeps the whole book. */
  private movable(unit: Unit, holder: Book, shift = 0): boolean {
    if (unit.group || unit.locked || this.waitingFlags[holder.index] === 1) return false;
    if (holder.status === 'leaving') return true;
    return !frozenOn(unit, this.state.freezeDays, shift);
  }

  /** Units with no owner or held by a book whose team does not serve them. */
  private unservedUnits(): number {
    let count = 0;
    for (const unit of this.state.units) {
      if (unit.joined) continue;
      const book = this.state.holderOf(unit);
      if (!book || !this.serves(book, unit)) count += 1;
    }
    return count;
  }

  private receivers(unit: Unit): Book[] {
    return this.served[this.servingOf[unit.order] as number] as Book[];
  }

  /**
   * The unit's receivers that cover its region (`inRegion`), in the same order: the only ones a
   * move that keeps the region rule can go to. Neither changes during a rebalance, so each list
   * is found once per list of serving books and region.
   */
  private receiversInRegion(unit: Unit): Book[] {
    const region = this.regions.ofUnit[unit.order] as number;
    const key = (this.servingOf[unit.order] as number) * (this.regions.count + 1) + region + 1;
    let books = this.inRegionLists.get(key);
    if (!books) {
      // Pushed onto a literal, not `filter`ed: V8 then gives an empty list the same hidden class
      // as a full one, and the loops over it are not compiled again when one comes.
      books = [];
      for (const b of this.receivers(unit)) if (this.inRegion(unit, b)) books.push(b);
      this.inRegionLists.set(key, books);
    }
    return books;
  }

  /**
   * Each unit's group for the swap searches (`State.inGroup`), by `unit.order`: its list of
   * serving books and its region, then whether it is green (odd groups). A book may take units of
   * the groups `groupsTaken` names only, so the searches walk those and skip the rest of a book.
   */
  private unitGroups(): Int32Array {
    const groupOf = new Int32Array(this.state.capacity);
    for (let order = 0; order < this.state.units.length; order++) {
      const green = (this.state.units[order] as Unit).atRisk === 0;
      const list = this.servingOf[order] as number;
      groupOf[order] = this.unitGroup(list, this.regions.ofUnit[order] as number, green);
    }
    return groupOf;
  }

  /**
   * The group number of the units of serving list `list` in region `region` (-1: none), green or
   * not (odd: green, see `isGreenGroup`); with `list` one past the last, how many groups there are.
   */
  private unitGroup(list: number, region: number, green: boolean): number {
    return (list * (this.regions.count + 1) + region + 1) * 2 + (green ? 1 : 0);
  }

  /**
   * The groups (`unitGroups`) of the units `book` may take: those its team serves (`serves`) in
   * the regions it covers (`inRegion`). Neither changes during a rebalance: found once per book.
   */
  private groupsTaken(book: Book): number[] {
    let groups = this.takenGroups[book.index];
    if (groups) return groups;
    groups = [];
    const cover = this.regions.coverOf[book.index];
    for (let list = 0; list < this.served.length; list++) {
      if ((this.servedFlags[list] as Uint8Array)[book.index] !== 1) continue;
      for (let region = -1; region < this.regions.count; region++) {
        if (!regionIn(cover, region)) continue;
        groups.push(this.unitGroup(list, region, false), this.unitGroup(list, region, true));
      }
    }
    this.takenGroups[book.index] = groups;
    return groups;
  }

  /**
   * Which books serve each unit: the books of the target's teams that serve its segment and
   * industry (`servingTeams`, the target's own rule), so no move crosses industry teams.
   */
  private servingLists(): Uint32Array {
    const servingOf = new Uint32Array(this.state.capacity);
    const index = new Map<string, number>();
    const industries = this.teams.some((t) => t.industry !== undefined);
    for (const unit of this.state.units) {
      const key = industries ? `${unit.segment}\u0000${industryKey(unit.industry)}` : unit.segment;
      let at = index.get(key);
      if (at === undefined) {
        const books = servingTeams(this.teams, unit).flatMap(
          (t) => this.teamBooksOf.get(t.key) ?? [],
        );
        at = this.served.push(books) - 1;
        const flags = new Uint8Array(this.state.bookList.length);
        for (const b of books) flags[b.index] = 1;
        this.servedFlags.push(flags);
        index.set(key, at);
      }
      servingOf[unit.order] = at;
    }
    return servingOf;
  }

  private teamBooks(book: Book): Book[] {
    return this.teamBooksOf.get(book.team) ?? [];
  }

  private sortedBooks(): Book[] {
    return [...this.state.books.values()];
  }

  private lowerOf(book: Book): number {
    return this.lowerByBook[book.index] as number;
  }

  private upperOf(book: Book): number {
    return this.upperByBook[book.index] as number;
  }

  private indexOf(book: Book): number {
    return book.index;
  }

  /** "enterprise accounts", or "retail enterprise accounts" where the teams are industry teams. */
  private accountsWord(unit: Unit): string {
    const industry = this.teams.some((t) => t.industry !== undefined) ? unit.industry?.trim() : '';
    return industry ? `${industry} ${unit.segment} accounts` : `${unit.segment} accounts`;
  }

  /** Whether `book` may take the unit: its team serves the unit's segment and industry. */
  private serves(book: Book, unit: Unit): boolean {
    return (this.servedFlags[this.servingOf[unit.order] as number] as Uint8Array)[book.index] === 1;
  }

  private size(unit: Unit): number {
    return this.state.size(unit);
  }

  private unitLoad(unit: Unit): number {
    return this.size(unit) / this.state.offload;
  }

  /**
   * Health mix, seniority, tier and fit of giving `unit` to `to`, lower is better, folded into
   * one number that compares as the four would in that order (hot loops allocate nothing).
   */
  private preference(unit: Unit, to: Book): number {
    const mixAfter = this.state.atRiskWith(to, unit);
    const mix =
      unit.atRisk > 0 && mixAfter > this.mixMax + EPS && mixAfter > this.state.atRiskShare(to)
        ? 1
        : 0;
    const seniority = (unit.complex || unit.red) && to.junior ? 1 : 0;
    // Tiers two or more apart in one book make two playbooks (mixed-segment-book).
    const tier = to.anchorRank >= 0 && Math.abs(to.anchorRank - unit.segmentRank) >= 2 ? 1 : 0;
    // fitScore is 0..8, so the fit takes the lowest 6 bits and never outweighs the others.
    return (
      ((mix * 2 + seniority) * 2 + tier) * 64 + (32 - fitScore(unit, to, this.inCover(unit, to)))
    );
  }

  /**
   * Where a forced unit goes: the lowest load after the move (in 5% steps, and no lower than the
   * band's top), preferences breaking near-ties, then the exact load and file order.
   */
  private bestReceiver(unit: Unit, from: Book | null, anyRegion: boolean): Book | undefined {
    let best: Book | undefined;
    let bestBand = 0;
    let bestPreference = 0;
    let bestAfter = 0;
    // Within the region, only the books that cover it (`keeps` refuses the others).
    for (const to of anyRegion ? this.receivers(unit) : this.receiversInRegion(unit)) {
      if (to === from || to.cap <= 0) continue;
      const after = this.state.shareWith(to, unit);
      const band = Math.round(Math.max(after, this.upperOf(to)) * 20) / 20;
      // A higher band loses whatever the rest: asked before the limits.
      if (best && band > bestBand) continue;
      if (!this.keeps(null, to, unit, undefined, anyRegion)) continue;
      const preference = this.preference(unit, to);
      if (
        !best ||
        band < bestBand ||
        preference < bestPreference ||
        (preference === bestPreference &&
          (after < bestAfter || (after === bestAfter && this.indexOf(to) < this.indexOf(best))))
      ) {
        best = to;
        bestBand = band;
        bestPreference = preference;
        bestAfter = after;
      }
    }
    return best;
  }

  /**
   * Why a complex or red account goes to a junior CSM when the rules prefer a senior one: no
   * senior serves the segment, none has room in the band, or the ones with room would go over
   * the red/yellow limit (which comes first in the rules' order).
   */
  private whyJunior(unit: Unit, from: Book | null, to: Book): string {
    const what = unit.complex ? 'complex' : 'red';
    const seniors = this.receivers(unit).filter(
      (b) => b !== from && b !== to && b.cap > 0 && isSenior(b),
    );
    if (seniors.length === 0)
      return `${what} account to a junior CSM: no other senior CSM can take ${unit.segment} accounts today`;
    const withRoom = seniors.filter((b) => this.state.shareWith(b, unit) <= this.upperOf(b) + EPS);
    const pct = (share: number) => `${Math.round(share * 100)}%`;
    if (withRoom.length === 0) {
      const lightest = pickLightest(seniors, (b) => this.state.shareWith(b, unit));
      return `${what} account to a junior CSM: no senior CSM has room (${lightest.id} would be at ${pct(this.state.shareWith(lightest, unit))}, above ${pct(this.upperOf(lightest))})`;
    }
    const overMix = withRoom.every((b) => this.state.atRiskWith(b, unit) > this.mixMax + EPS);
    return overMix
      ? `${what} account to a junior CSM: the senior CSMs with room would go over ${pct(this.mixMax)} red/yellow`
      : `${what} account to a junior CSM: no move to a senior CSM keeps every book inside its band`;
  }

  private record(
    unit: Unit,
    from: Book | null,
    to: Book,
    rule: MoveRule,
    swappedWith?: Unit,
    effective?: string,
  ): void {
    const fromLabel = from ? this.label(from) : undefined;
    const toLabel = this.label(to);
    // Judged before the move, against the books as the engine saw them when it chose.
    const juniorWhy = hardForJunior(unit, to) ? this.whyJunior(unit, from, to) : undefined;
    this.state.move(unit, to);
    this.moved[unit.order] = 1;
    this.steps.push({
      unit,
      from,
      to,
      rule,
      fromLabel,
      toLabel,
      swappedWith,
      effective,
      juniorWhy,
      fill: false,
      family: undefined,
    });
    if (unit.inFamily) this.familyMoves.push(unit);
  }

  /**
   * Lists `unit` as unmovable for `reason` (once per reason). A no-room detail is written at the
   * end, from the books as the moves leave them (see `unmovableById`).
   */
  private block(unit: Unit, reason: Unmovable['reason'], detail = ''): void {
    const list = this.stays[unit.order];
    if (list) for (const stay of list) if (stay.reason === reason) return;
    // Most units that stay have no room (60k at 100k accounts): they share one entry, and one
    // list of it, copied before a second reason joins it.
    const stay = reason === 'no-room' && detail === '' ? NO_ROOM : { reason, detail };
    if (list === ONLY_NO_ROOM) this.stays[unit.order] = [NO_ROOM, stay];
    else if (list) list.push(stay);
    else {
      // A list of one, sized so (a push onto [] reserves room for 17).
      this.stays[unit.order] = stay === NO_ROOM ? ONLY_NO_ROOM : [stay];
      this.listedAt[unit.order] = this.listings++;
    }
  }

  /** A book above its band that nothing can lighten: say which accounts held it back. */
  private blockStuck(book: Book): void {
    for (const unit of book.units) {
      if (this.stays[unit.order] === undefined) this.stuckUnits.add(unit);
      // Only what the book held from the start: a unit moved in is listed among the moves.
      if (this.moved[unit.order] === 1) continue;
      if (unit.locked)
        this.block(unit, 'locked', `locked with ${book.id}, whose book is above its band`);
      else if (unit.group) this.block(unit, 'account-group', groupDetail(unit));
      else if (frozenOn(unit, this.state.freezeDays))
        this.block(unit, 'renewal-freeze', this.freezeDetail(unit));
    }
  }

  /** The no-room detail of the books serving a unit: the same words for every account it applies to. */
  private noRoomFor(unit: Unit): string {
    const serving = this.servingOf[unit.order] as number;
    let detail = this.noRoomByServing.get(serving);
    if (detail === undefined) {
      detail = this.noRoomDetail(unit);
      this.noRoomByServing.set(serving, detail);
    }
    return detail;
  }

  /**
   * Why nobody who serves the accounts can take them: where each of those CSMs stands against
   * the limits `check` enforces (up to three, file order), then the fix.
   */
  private noRoomDetail(what: Unit | Book): string {
    const holder = 'segment' in what ? this.state.holderOf(what)?.id : what.id;
    const units = 'segment' in what ? [what] : [...what.units];
    const segments = SEGMENT_IDS.filter((s) => units.some((u) => u.segment === s));
    const lists = new Set(units.map((u) => this.servingOf[u.order] as number));
    const serving = [...new Set([...lists].flatMap((at) => this.served[at] ?? []))]
      .filter((b) => b.id !== holder)
      .sort((a, b) => a.index - b.index);
    const unit = 'segment' in what ? what : undefined;
    const shown = serving.slice(0, 3).map((b) => this.standing(b, unit));
    if (serving.length > 3) shown.push(`${serving.length - 3} more`);
    const whom = segments.length > 0 ? `${segments.join(' and ')} accounts` : 'its accounts';
    const where = shown.length > 0 ? `: ${shown.join('; ')}` : '';
    return `nobody who serves ${whom} has room${where}; hire, or choose the new owner by hand`;
  }

  /** Where a book stands against the limits a move must keep, in words ("sam at 100% of the largest book allowed"). */
  private standing(book: Book, unit?: Unit): string {
    const pct = (share: number) => `${Math.round(share * 100)}%`;
    if (book.cap === 0) return `${book.id} can carry no book today (${this.statusWord(book)})`;
    // An empty book whose first account would place its CSM in another team takes none.
    const placed =
      unit && book.units.size === 0 && !this.placement.firstAccountKeepsTeam(book, unit)
        ? this.placement.placedTeam(book, unit)
        : book.team;
    if (placed !== book.team) {
      const team = placed === undefined ? 'no team' : `the ${placed} team`;
      const region = book.member.region ? ` (region ${book.member.region})` : '';
      return `${book.id} has no book, and a first account would place them in ${team} on the next plan${region}`;
    }
    const earlier =
      unit && book.units.size === 0 ? this.firstAccountWaitsFor(book, unit) : undefined;
    if (earlier) {
      const where = earlier.team === book.team ? 'there' : `to the ${earlier.team} team`;
      return `${book.id} has no book, and their move to the ${book.team} team waits for ${earlier.id}'s move ${where}, which the plan makes first`;
    }
    const cap = book.status === 'ramping' ? 'the book the ramp allows' : 'the largest book allowed';
    const words = [`${book.id} at ${pct(this.state.capUseWith(book))} of ${cap}`];
    const mix = this.state.atRiskShare(book);
    if (mix >= this.mixMax - EPS) words.push(`${pct(mix)} red/yellow`);
    if (book.junior) words.push('junior (no complex accounts)');
    return words.join(', ');
  }

  private freezeDetail(unit: Unit): string {
    return `renews in ${unit.renewalDays} ${unit.renewalDays === 1 ? 'day' : 'days'} (${unit.renewalDate}), inside the ${this.state.freezeDays}-day freeze before a renewal: move it after the renewal`;
  }

  private result(before: Map<string, ReturnType<State['figures']>>): RebalanceResult {
    const { maxMoves } = this.options;
    const moves: Move[] = [];
    let kept = 0;
    let left = 0;
    // Moves are kept in the order found (hard rules first); a family or swap is kept whole.
    const steps = this.partSteps();
    const netSteps = this.netSteps(steps);
    let keptSteps = netSteps;
    if (maxMoves !== undefined) {
      const groups: Step[][] = [];
      for (const step of netSteps) {
        const last = groups[groups.length - 1];
        if (last && step.swappedWith && last[0]?.unit === step.swappedWith) last.push(step);
        else if (last && step.family && last[last.length - 1]?.family === step.family)
          last.push(step);
        else groups.push([step]);
      }
      keptSteps = [];
      for (const group of groups) {
        const count = group.reduce((n, s) => n + s.unit.accounts.length, 0);
        if (kept + count > maxMoves) {
          left += count;
          continue;
        }
        kept += count;
        keptSteps.push(...group);
      }
    }
    if (maxMoves !== undefined && left > 0) {
      // Replay only the kept moves so `after` and the unbalanced books are what the list achieves.
      for (const step of [...steps].reverse()) {
        if (step.from) this.state.move(step.unit, step.from);
        else {
          const holder = this.state.holderOf(step.unit);
          if (holder) this.state.remove(holder, step.unit);
        }
      }
      for (const step of keptSteps) this.state.move(step.unit, step.to);
    }
    for (const step of keptSteps) {
      const reason = this.reason(step);
      for (const p of step.unit.accounts) {
        const move: Move = {
          account: p.account.id,
          from: step.from?.id ?? step.unit.fileOwner ?? null,
          to: step.to.id,
          rule: step.rule,
          reason,
          arr: p.account.arr,
          segment: p.segment,
        };
        if (p.account.health) move.health = p.account.health;
        if (p.account.name) move.name = p.account.name;
        if (step.effective) move.effective = step.effective;
        if ((step.family ?? step.unit).accounts.length > 1) move.family = step.unit.key;
        moves.push(move);
      }
    }
    const books: BookChange[] = [...this.state.books.values()].map((book) => {
      const newRole = this.newRole(book);
      return {
        csm: book.id,
        team: book.team,
        capacity: book.cap,
        status: book.status,
        ...(newRole === undefined ? {} : { newRole }),
        before: before.get(book.id) as BookChange['before'],
        after: this.state.figures(book),
      };
    });
    // What is still past a limit today: without the starter books, which apply later.
    const later = keptSteps.filter((step) => step.effective !== undefined);
    for (const step of [...later].reverse()) if (step.from) this.state.move(step.unit, step.from);
    const unbalanced = this.stillPast(left);
    // A unit held today but moved from a later date (a starter book) is listed once: as that move.
    const listedMoves = new Uint8Array(this.state.units.length);
    for (const step of keptSteps) listedMoves[step.unit.order] = 1;
    const unmovable = this.unmovableById(listedMoves);
    for (const step of later) this.state.move(step.unit, step.to);
    const teams: TeamBand[] = this.teams.map((t) => ({
      key: t.key,
      segments: t.segments,
      members: t.members,
      mean: this.mean.get(t.key) ?? 0,
      upper: this.upper.get(t.key) ?? 1,
    }));
    return {
      asOf: this.analysis.org.company.asOf,
      onlyUnowned: this.options.onlyUnowned === true,
      tolerance: this.tolerance,
      maxMoves: maxMoves ?? null,
      teams,
      moves,
      unmovable,
      books,
      unbalanced,
      movesLeft: left,
    };
  }

  /**
   * The accounts listed as unmovable (but those of units flagged in `leaveOut`, by `unit.order`),
   * by account id; the same id twice (several reasons, or an id written twice) in the order
   * listed. A no-room detail says where the books stand now, as the moves leave them. Collected
   * in input order, where ids are usually in order already: then they are not sorted at all
   * (60k accounts at 100k).
   */
  private unmovableById(leaveOut: Uint8Array): Unmovable[] {
    this.noRoomByServing.clear();
    const entries: Unmovable[] = [];
    const units: Unit[] = [];
    for (let order = 0; order < this.stays.length; order++) {
      const list = this.stays[order];
      if (!list || leaveOut[order] === 1) continue;
      const unit = this.state.units[order] as Unit;
      for (const stay of list) {
        const { reason, detail } = stay;
        // Only the shared no-room entry is worded from the books as the moves leave them; a
        // hand-over kept for the giver's sake keeps its own words.
        const words = stay === NO_ROOM ? this.noRoomFor(unit) : detail;
        for (const p of unit.accounts) {
          const arr = p.account.arr * p.account.count;
          entries.push({
            account: p.account.id,
            owner: unit.fileOwner,
            reason,
            detail: words,
            arr,
          });
          units.push(unit);
        }
      }
    }
    // Ids often come in order already (a CRM export sorted by id): then there is nothing to sort.
    if (strictlyAscending(entries)) return entries;
    const byId = entries.map((_, i) => i);
    byId.sort((i, j) => {
      const a = (entries[i] as Unmovable).account;
      const b = (entries[j] as Unmovable).account;
      if (a !== b) return a < b ? -1 : 1;
      const listed = (x: number) => this.listedAt[(units[x] as Unit).order] as number;
      return listed(i) - listed(j) || i - j;
    });
    return byId.map((i) => entries[i] as Unmovable);
  }

  /** Each book still past a limit after the moves, with why the moves could not fix it. */
  private stillPast(left: number): Unbalanced[] {
    const out: Unbalanced[] = [];
    for (const book of this.state.books.values()) {
      const share = this.state.share(book);
      const upper = this.upperOf(book);
      const entry = (limit: UnbalancedLimit, why: string, atRisk?: number) =>
        out.push({
          csm: book.id,
          team: book.team,
          limit,
          loadShare: share,
          upper,
          ...(limit === 'ramp' || limit === 'largest-book'
            ? { capUse: this.state.capUseWith(book) }
            : {}),
          ...(atRisk === undefined ? {} : { atRisk }),
          why,
        });
      // A mover whose hand-over waits keeps the whole book: that is the why for it.
      const wait = this.waiting.get(book);
      if (wait) entry('move-waits', wait.why);
      if (book.cap === 0) {
        // A planned hire's dated starter book is no problem; accounts the file gave them are.
        const held = [...book.units].some((u) => u.fileOwner === book.id);
        if (!wait && this.state.load(book) > EPS && (book.status !== 'planned' || held))
          entry('no-capacity', this.whyStillPast(book, left, 'no-capacity'));
      } else {
        const use = this.state.capUseWith(book);
        const limit: UnbalancedLimit | undefined =
          use > 1 + EPS
            ? book.status === 'ramping'
              ? 'ramp'
              : 'largest-book'
            : share > upper + EPS
              ? 'band'
              : undefined;
        if (limit) entry(limit, this.whyStillPast(book, left, limit));
      }
      // A book nobody can carry today is handed over, not judged for its mix (as book-health-mix).
      const mix = this.state.atRiskShare(book);
      if (book.cap > 0 && book.status !== 'leaving' && mix > this.mixMax + EPS)
        entry('health-mix', this.whyStillPast(book, left, 'health-mix'), mix);
    }
    return out;
  }

  /**
   * Whether the book keeps an account only because handing it over would place its CSM in
   * another team (`BookPlacement`): some CSM with room could take it otherwise.
   */
  private heldByPlacement(book: Book): boolean {
    for (const unit of book.units) {
      if (!this.movable(unit, book) || this.placement.keeps(book, unit)) continue;
      for (const to of this.receivers(unit)) {
        if (to === book || to.cap === 0) continue;
        if (this.state.shareWith(to, unit) > this.upperOf(to) + EPS) continue;
        if (this.keeps(book, to, unit, undefined, false, false)) return true;
      }
    }
    return false;
  }

  private whyStillPast(book: Book, left: number, limit: UnbalancedLimit): string {
    const pct = (share: number) => `${Math.round(share * 100)}%`;
    if (left > 0)
      return `--max-moves ${this.options.maxMoves} left ${left} ${left === 1 ? 'move' : 'moves'} out`;
    const wait = this.waiting.get(book);
    if (wait) return wait.why;
    // Whoever can carry no book today: say why first (leaving, not started, early in the ramp).
    const forced = limit === 'no-capacity' ? `${this.whyForced(book)}; ` : '';
    if (![...book.units].some((u) => this.movable(u, book)))
      return `${forced}every account left in the book is locked, an account group or renews inside the freeze`;
    if (limit === 'health-mix') {
      const team = this.teamBooks(book);
      const scored = team.reduce((n, b) => n + b.scored, 0);
      const atRisk = team.reduce((n, b) => n + b.atRisk, 0);
      return scored > 0 && atRisk / scored > this.mixMax + EPS
        ? `the team's books are ${pct(atRisk / scored)} red/yellow together, so not every one can be at ${pct(this.mixMax)} or less`
        : `no move or swap of its red/yellow accounts keeps every other book within its limits`;
    }
    if (forced) return `${forced}${this.noRoomDetail(book)}`;
    if (this.heldByPlacement(book) && this.joining.has(book))
      return `the target moves ${book.id} into this team because ${book.id} holds its accounts: handing them over would make another CSM the one to move`;
    if (this.heldByPlacement(book))
      return `the target places ${book.id} by the book (the tier${this.teams.some((t) => t.industry !== undefined) ? ' and industry' : ''} most of it is in): handing over more of it would place ${book.id} in another team${book.member.segment === undefined ? `; a segment for ${book.id} in the file pins the tier` : ''}`;
    const cover = this.covers[book.index];
    const region = cover === undefined ? '' : ` in ${cover.names.join(' + ')}`;
    const mean = this.mean.get(book.team) ?? 0;
    const short =
      mean > 1
        ? `; the team carries ${pct(mean)} of what its CSMs can carry today: it needs more CSMs`
        : '';
    const elsewhere = cover === undefined ? this.roomOutOfRegion(book) : '';
    const where = elsewhere === '' ? region : ' in their region';
    return `no other CSM who serves its accounts${where} has room for them without going past the band, the largest allowed book, the ramp or ${pct(this.mixMax)} red/yellow${short}${elsewhere}`;
  }

  /**
   * For a book that covers any region: the CSMs who would take one of its accounts but for the
   * region rule, in words ("; c0 has room but covers EMEA only, ..."), or nothing. Without them
   * the reader sees a CSM with room and no reason it took nothing.
   */
  private roomOutOfRegion(book: Book): string {
    const held = new Set<Book>();
    for (const unit of book.units) {
      if (!this.movable(unit, book)) continue;
      for (const to of this.receivers(unit)) {
        if (to === book || to.cap === 0 || held.has(to) || this.inRegion(unit, to)) continue;
        if (this.state.shareWith(to, unit) > this.upperOf(to) + EPS) continue;
        if (this.keeps(book, to, unit, undefined, true)) held.add(to);
      }
    }
    if (held.size === 0) return '';
    const whom = [...held].sort((a, b) => a.index - b.index);
    const covers = whom.map((b) => this.covers[b.index]?.names.join(' + ') ?? '');
    const who =
      whom.length === 1
        ? `${whom[0]?.id} has room but covers ${covers[0]} only`
        : `${andList(whom.map((b, i) => `${b.id} (${covers[i]})`))} have room but cover those regions only`;
    return `; ${who}, and an account stays with a CSM of its region`;
  }

  /**
   * One step per unit that changed hands: a unit moved twice (A -> B -> C) is one move A -> C,
   * one that came back home is no move, and a swap whose partner stayed is a plain move. The
   * starter books (dated, found last) stay apart: a unit moved today and given to a hire later is
   * two moves, so what is written today is what a second run reads.
   */
  private netSteps(steps: Step[]): Step[] {
    const dated = steps.findIndex((step) => step.effective !== undefined);
    if (dated === -1) return this.netOf(steps);
    return [...this.netOf(steps.slice(0, dated)), ...steps.slice(dated)];
  }

  private netOf(steps: Step[]): Step[] {
    // Step numbers by unit.order (-1: never moved), in typed arrays: a plain array this long
    // would be a slow dictionary, and there may be 100k steps.
    const units = this.state.units.length;
    const first = new Int32Array(units).fill(-1);
    const last = new Int32Array(units).fill(-1);
    for (let i = 0; i < steps.length; i++) {
      const order = (steps[i] as Step).unit.order;
      if (first[order] === -1) first[order] = i;
      last[order] = i;
    }
    const moved = (unit: Unit) => {
      const a = first[unit.order] as number;
      return a !== -1 && (steps[a] as Step).from !== (steps[last[unit.order] as number] as Step).to;
    };
    const out: Step[] = [];
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i] as Step;
      if (last[step.unit.order] !== i || !moved(step.unit)) continue;
      const start = steps[first[step.unit.order] as number] as Step;
      // A swap is named only when the moves listed still show one: the partner leaves the book
      // this unit joins (one the run first gave that book, from no owner, left no book).
      const partner = step.swappedWith;
      const swappedWith =
        partner &&
        moved(partner) &&
        (steps[first[partner.order] as number] as Step).from === step.to
          ? partner
          : undefined;
      // Most units move once: their step is already the net one.
      if (start === step && swappedWith === step.swappedWith) {
        out.push(step);
        continue;
      }
      // The first step says why the unit left its owner (the reason names that owner); the last
      // says where it ends.
      out.push({
        unit: step.unit,
        from: start.from,
        to: step.to,
        rule: start.rule,
        fromLabel: start.fromLabel,
        toLabel: step.toLabel,
        effective: step.effective,
        swappedWith: start === step ? swappedWith : undefined,
        fill: start.fill,
        juniorWhy: step.juniorWhy,
        family: start === step ? step.family : undefined,
      });
    }
    return out;
  }

  /** The book and its load now, for a reason: "c-1 at 112%", or its status when it has no capacity. */
  private label(book: Book): string {
    const share = this.state.share(book);
    return Number.isFinite(share)
      ? `${book.id} at ${Math.round(share * 100)}%`
      : `${book.id} (${this.statusWord(book)})`;
  }

  private reason(step: Step): string {
    const { from, to } = step;
    const unit = step.family ?? step.unit;
    const pct = (share: number) =>
      Number.isFinite(share) ? `${Math.round(share * 100)}%` : 'no capacity';
    const who = from
      ? `${step.fromLabel} -> ${step.toLabel}`
      : `${unit.fileOwner === null ? 'no owner' : `${unit.fileOwner} (not a CSM)`} -> ${step.toLabel}`;
    const parts: string[] = [];
    switch (step.rule) {
      case 'leaving':
        parts.push(`${from?.id} leaves on ${from?.member.leaving}: the whole book is handed over`);
        break;
      case 'ramp':
        parts.push(
          from ? `${this.whyForced(from)} and can carry no book yet (ramp schedule)` : 'ramp',
        );
        break;
      case 'new-role':
        parts.push(
          `${from?.id} moves to ${from ? this.newRole(from) : ''} in the plan (the seat is filled from the team instead of a hire): the whole book is handed over`,
        );
        break;
      case 'team':
        parts.push(
          `${from?.id} moves to the ${from?.team} team in the target org, which does not serve ${this.accountsWord(unit)}: the team that does takes them`,
        );
        break;
      case 'unowned':
        parts.push(
          unit.fileOwner === null ? 'the account has no owner' : `${unit.fileOwner} is not a CSM`,
        );
        break;
      case 'load':
        parts.push(
          step.fill
            ? `${to.id}'s book is far below the team's mean load (${pct(this.mean.get(to.team) ?? 0)})`
            : step.swappedWith
              ? `swapped with ${nameOf(step.swappedWith)} to bring ${from?.id}'s book inside the team band (at most ${pct(this.upperOf(from ?? to))})`
              : `brings ${from?.id}'s book toward the team band (at most ${pct(this.upperOf(from ?? to))})`,
        );
        break;
      case 'health-mix':
        parts.push(
          step.swappedWith
            ? `${unit.atRisk > 0 ? 'at-risk' : 'healthy'} account swapped with ${nameOf(step.swappedWith)} so no book is over ${pct(this.mixMax)} red/yellow`
            : `${healthWord(unit)} account: ${from?.id}'s book was over ${pct(this.mixMax)} red/yellow`,
        );
        break;
      case 'seniority':
        parts.push(
          step.swappedWith && !isSenior(to)
            ? `simpler account swapped for ${nameOf(step.swappedWith)}, which goes to a senior CSM`
            : step.swappedWith
              ? `${unit.complex ? 'complex' : 'red'} account to a senior CSM, swapped for ${nameOf(step.swappedWith)}`
              : `${unit.complex ? 'complex' : 'red'} account to a senior CSM with room`,
        );
        break;
      case 'starter-book':
        parts.push(
          step.effective === undefined
            ? `first book for ${to.id}, in week ${to.tenureWeek} of the ramp: small, simple accounts from the fullest books`
            : `starter book for ${to.id}, who starts on ${to.member.startDate}; the ramp gives a first book from ${step.effective}`,
        );
        break;
    }
    if (step.rule !== 'seniority' && (unit.complex || unit.red) && isSenior(to))
      parts.push(`${unit.red ? 'red' : 'complex'} account to a senior CSM`);
    if (step.juniorWhy) parts.push(step.juniorWhy);
    parts.push(...fitWords(unit, to, this.covers[to.index]));
    if (unit.accounts.length > 1) parts.push(`moves with its family (${unit.key})`);
    return `${who}; ${parts.join('; ')}`;
  }
}

/** Whether a group of units (`unitGroups`) holds green ones, the health mix's swap partners. */
function isGreenGroup(group: number): boolean {
  return group % 2 === 1;
}

/** Tier rank by segment, as `Unit.segmentRank` gives it for a unit. */
const rank = (segment: SegmentId) => SEGMENT_IDS.indexOf(segment);

/** A complex or red account going to a junior CSM: the rules prefer a senior with room. */
function hardForJunior(unit: Unit, to: Book): boolean {
  return (unit.complex || unit.red) && to.junior;
}

function pickLightest(books: Book[], load: (b: Book) => number): Book {
  let best = books[0] as Book;
  for (const b of books) if (load(b) < load(best)) best = b;
  return best;
}

function isSenior(book: Book): boolean {
  return book.senior;
}

function healthWord(unit: Unit): string {
  return unit.healthRank === 2 ? 'red' : unit.healthRank === 1 ? 'yellow' : 'green';
}

/** Whether some book other than `from` can carry accounts today. */
function anyOtherCarrier(books: Book[], from: Book | null): boolean {
  for (const b of books) if (b !== from && b.cap > 0) return true;
  return false;
}

/**
 * How well a unit fits a CSM: language, region (the unit's region key, when the book's cover
 * names it), then the book's industries and time zones.
 */
function fitScore(unit: Unit, to: Book, inCover: boolean): number {
  let score = 0;
  if (unit.language && to.member.languages.includes(unit.language)) score += 4;
  if (inCover) score += 2;
  if (unit.industryId >= 0 && (to.industries[unit.industryId] ?? 0) > 0) score += 1;
  if (unit.timezoneId >= 0 && (to.timezones[unit.timezoneId] ?? 0) > 0) score += 1;
  return score;
}

/** Which of the region rule and the language preference the move follows, in words. */
function fitWords(unit: Unit, to: Book, cover: RegionCover | undefined): string[] {
  const words = regionWords(unit, to, cover);
  if (unit.language && to.member.languages.includes(unit.language))
    words.push(`${to.id} speaks ${unit.language}`);
  return words;
}

/** Words in a list, the last joined by "and": "a, b and c". */
function andList(words: string[]): string {
  return words.length === 1
    ? (words[0] as string)
    : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** Accounts in a short list: "a4 and a8 ($410k, 2 red)", the first five ids and how many more. */
function accountsList(units: Unit[]): string {
  const ids = units.flatMap((u) => u.accounts.map((p) => p.account.id));
  const shown = ids.length > 5 ? [...ids.slice(0, 5), `${ids.length - 5} more`] : ids;
  const names = andList(shown);
  const arr = units.reduce((sum, u) => sum + u.arr, 0);
  const red = units.reduce(
    (n, u) => n + u.accounts.filter((p) => p.account.health === 'red').length,
    0,
  );
  return `${names} (${formatMoney(arr)}${red > 0 ? `, ${red} red` : ''})`;
}

/**
 * How a reason names a unit: its key (a family's top account), or its first account when the
 * top account is not in it (a part of a family owned apart in the file).
 */
function nameOf(unit: Unit): string {
  if (unit.accounts.length === 1 && unit.accounts[0]?.account.id === unit.key) return unit.key;
  return unit.accounts.some((p) => p.account.id === unit.key)
    ? unit.key
    : (unit.accounts[0] as Unit['accounts'][number]).account.id;
}

function groupDetail(unit: Unit): string {
  return `an account group of ${unit.count}; list its accounts one by one to move part of it`;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Whether each entry's account id sorts after the one before it. */
function strictlyAscending(entries: Unmovable[]): boolean {
  for (let i = 1; i < entries.length; i++)
    if (!((entries[i - 1] as Unmovable).account < (entries[i] as Unmovable).account)) return false;
  return true;
}

/** `less` of `a` from index `from` on (as many entries as `b` has) against `b`. */
function lessFrom(a: number[], from: number, b: number[]): boolean {
  for (let i = 0; i < b.length; i++) {
    const x = a[from + i] as number;
    const y = b[i] as number;
    if (x < y) return true;
    if (x > y) return false;
  }
  return false;
}

/** Whether key `a` sorts before key `b` (the keys compared are of one length). */
function less(a: number[], b: number[]): boolean {
  return lessFrom(a, 0, b);
}
