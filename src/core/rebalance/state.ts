/**
 * The mutable books a rebalance works on: movable units (an account, or a family that moves
 * together) and running load sums per book, so a move or its test costs O(1).
 */
import type { Analysis, PlacedAccount } from '../analysis.js';
import { daysBetween } from '../dates.js';
import { type Level, SEGMENT_IDS, type SegmentId, type TeamMember } from '../model.js';
import { standingCapacity } from '../people.js';
import { BOOK_LIMITS } from '../rules/books.js';
import type { BookFigures } from './types.js';

export interface Unit {
  /** The family's top parent id, or the account's own id. */
  key: string;
  /** Position in the input, for stable tie-breaks; also the unit's index in `State.units`. */
  order: number;
  accounts: PlacedAccount[];
  count: number;
  /** Accounts of high complexity (group members counted), for seniority-mismatch. */
  complexCount: number;
  arr: number;
  scored: number;
  atRisk: number;
  red: boolean;
  complex: boolean;
  segment: SegmentId;
  /** The segment's place in SEGMENT_IDS (its tier rank), read in the hot loops instead of a lookup. */
  segmentRank: number;
  digital: boolean;
  /** `Book.index` of the book holding the unit; -1 when nobody (or no CSM) owns it. */
  holder: number;
  /** The owner named in the file, a non-CSM included. */
  fileOwner: string | null;
  locked: boolean;
  group: boolean;
  /**
   * Part of a family (parent: links, or an id written twice): its accounts held by one owner
   * move as one unit, so which unit it is depends on who holds the others.
   */
  inFamily: boolean;
  /**
   * The units `State.join` made this one of (parts of a family that met in one book), or
   * undefined for a unit as the file's owners make it.
   */
  parts: Unit[] | undefined;
  /** Joined into another unit (`State.join`): it no longer moves on its own. */
  joined: boolean;
  /** Days to the soonest renewal in the unit, when one is ahead. */
  renewalDays?: number;
  renewalDate?: string;
  language?: string;
  region?: string;
  industry?: string;
  timezone?: string;
  /** `industry` and `timezone` as small numbers (-1 for none), for the fit test's hot loop. */
  industryId: number;
  timezoneId: number;
  /** Sort rank: 0 green or unscored, 1 yellow, 2 red. */
  healthRank: number;
}

/**
 * Each unit's loads, by `unit.order`: count load and ARR load at the policy targets, before the
 * offload multiplier (`a`, `r`), the same at the top of the published ranges, the largest book
 * csm-overloaded allows (`aMax`, `rMax`), and its size, the larger of `a` and `r`. In typed
 * arrays, not on the units: the searches read them for thousands of units a step, and a
 * fraction on an object is a number boxed apart from it.
 */
export interface UnitLoads {
  a: Float64Array;
  r: Float64Array;
  aMax: Float64Array;
  rMax: Float64Array;
  size: Float64Array;
}

export interface Book {
  id: string;
  /** Position among the book owners in the file, for stable tie-breaks. */
  index: number;
  member: TeamMember;
  team: string;
  /** Share of a full book the CSM can carry today (fte x ramp); 0 when leaving or not started. */
  cap: number;
  status: 'ramped' | 'ramping' | 'planned' | 'leaving';
  tenureWeek?: number;
  a: number;
  r: number;
  aMax: number;
  rMax: number;
  count: number;
  complexCount: number;
  arr: number;
  scored: number;
  atRisk: number;
  units: Set<Unit>;
  /**
   * Seniority as two flags, asked in the hot loops (a field that is a string on some books and
   * missing on others makes V8 throw away the code comparing it).
   */
  junior: boolean;
  /** A senior or lead CSM: who takes complex and red accounts first. */
  senior: boolean;
  /** Accounts of the book per industry and time zone (by their number), for fit. */
  industries: number[];
  timezones: number[];
  /** Tier rank of the CSM's segment (or of most of their book); -1 when unknown. */
  anchorRank: number;
  /** The units by group, each list by size, once a search asked for them (see `State.inGroup`). */
  groups?: Unit[][];
  /** `State.version` at the book's last change, so a search that failed knows when to retry. */
  changedAt: number;
  /**
   * `State.version` when the book last lost a unit. Between losses its loads only grow, so its
   * cap use too: a unit it had no cap room for still finds none while it is within its cap.
   */
  freedAt: number;
}

export class State {
  readonly books = new Map<string, Book>();
  /** The same books by `Book.index`, so a unit's holder is an array read, not a lookup by name. */
  readonly bookList: Book[] = [];
  private readonly industryIds = new Map<string, number>();
  private readonly timezoneIds = new Map<string, number>();
  readonly units: Unit[] = [];
  /**
   * Room by `unit.order` in `loads` (and in the engine's arrays by unit) for the units `join`
   * adds: one per unit in a family, more than the joins can make (each one joins two into one).
   */
  readonly capacity: number;
  readonly loads: UnitLoads;
  /** The accounts in input order, and each one's position there once a join needs it. */
  private readonly placed: PlacedAccount[];
  private positions: Map<PlacedAccount, number> | undefined;
  readonly offload: number;
  /** The red/yellow share a book may hold (`health_mix_max`). */
  readonly mixMax: number;
  /** Counts the changes to any book (see `Book.changedAt`). */
  version = 0;
  /** Each unit's group (see `groupUnits`), by `unit.order`, and how many groups there are. */
  private groupOf: Int32Array = new Int32Array(0);
  private groupCount = 1;

  constructor(
    analysis: Analysis,
    teamOf: Map<string, string>,
    readonly freezeDays: number,
  ) {
    const { org } = analysis;
    this.offload = analysis.offloadMultiplier;
    this.mixMax = org.policy.healthMixMax;
    const asOf = org.company.asOf;
    for (const [index, owner] of analysis.bookOwners.entries()) {
      const { person } = owner;
      const book: Book = {
        id: owner.member.id,
        index,
        member: owner.member,
        team: teamOf.get(owner.member.id) ?? '',
        cap: standingCapacity(person),
        status: person.status === 'left' ? 'leaving' : person.status,
        tenureWeek: owner.tenureWeek,
        a: 0,
        r: 0,
        aMax: 0,
        rMax: 0,
        count: 0,
        complexCount: 0,
        arr: 0,
        scored: 0,
        atRisk: 0,
        units: new Set(),
        junior: owner.member.seniority === 'junior',
        senior: owner.member.seniority === 'senior' || owner.member.seniority === 'lead',
        industries: [],
        timezones: [],
        anchorRank: -1,
        groups: undefined,
        changedAt: 0,
        freedAt: 0,
      };
      this.books.set(owner.member.id, book);
      this.bookList.push(book);
    }
    const built = buildUnits(analysis, asOf);
    this.loads = built.loads;
    this.capacity = built.loads.size.length;
    this.placed = analysis.placed;
    this.placeUnits(built.units);
  }

  /**
   * Makes `parts`, units of one family held by one book, one unit there, as a fresh load of the
   * books would: a family in one book moves whole, and a rebalance of the result sees it so.
   * `groupOf` gives its group (see `groupUnits`) from the part whose top account speaks for it.
   */
  join(parts: Unit[], groupOf: (speaker: Unit, green: boolean) => number): Unit {
    const book = this.holderOf(parts[0] as Unit) as Book;
    if (!this.positions) this.positions = new Map(this.placed.map((p, at) => [p, at]));
    const at = (p: PlacedAccount) => this.positions?.get(p) ?? 0;
    const accounts = parts.flatMap((u) => u.accounts).sort((x, y) => at(x) - at(y));
    // As in `buildUnits`: the last top account (an id written twice has several) or the first.
    const key = (parts[0] as Unit).key;
    let top = accounts[0] as PlacedAccount;
    for (const p of accounts) if (p.account.id === key) top = p;
    const speaker = parts.find((u) => u.accounts.includes(top)) as Unit;
    // Built as every unit is (`newUnit`), then given the top account's fields: one object shape.
    const unit = Object.assign(newUnit(key, this.units.length, book.id, false, top), pick(speaker));
    unit.accounts = accounts;
    unit.inFamily = true;
    unit.parts = parts;
    const { loads } = this;
    const order = unit.order;
    for (const part of parts) {
      for (const l of [loads.a, loads.r, loads.aMax, loads.rMax])
        l[order] = (l[order] as number) + (l[part.order] as number);
      unit.count += part.count;
      unit.complexCount += part.complexCount;
      unit.arr += part.arr;
      unit.scored += part.scored;
      unit.atRisk += part.atRisk;
      unit.red ||= part.red;
      unit.complex ||= part.complex;
      unit.locked ||= part.locked;
      unit.healthRank = Math.max(unit.healthRank, part.healthRank);
      if (
        part.renewalDays !== undefined &&
        (unit.renewalDays === undefined || part.renewalDays < unit.renewalDays)
      ) {
        unit.renewalDays = part.renewalDays;
        unit.renewalDate = part.renewalDate;
      }
    }
    loads.size[order] = Math.max(loads.a[order] as number, loads.r[order] as number);
    this.groupOf[order] = groupOf(speaker, unit.atRisk === 0);
    this.units.push(unit);
    for (const part of parts) {
      this.remove(book, part);
      part.joined = true;
    }
    this.add(book, unit);
    return unit;
  }

  /** Undoes the joins that made `unit`: its first parts back in its book, in its place. */
  split(unit: Unit): Unit[] {
    const book = this.holderOf(unit);
    const leaves = leavesOf(unit);
    if (book) this.remove(book, unit);
    unit.joined = true;
    for (const leaf of leaves) {
      leaf.joined = false;
      if (book) this.add(book, leaf);
    }
    return leaves;
  }

  /** The units into `units` and onto their owners' books (a loop of its own: see `buildUnits`). */
  private placeUnits(units: Unit[]): void {
    for (const unit of units) {
      unit.industryId = numberOf(this.industryIds, unit.industry);
      unit.timezoneId = numberOf(this.timezoneIds, unit.timezone);
      const book = unit.fileOwner === null ? undefined : this.books.get(unit.fileOwner);
      this.units.push(unit);
      if (book) this.add(book, unit);
    }
  }

  /** The book holding `unit`; undefined when nobody (or no CSM) owns it. */
  holderOf(unit: Unit): Book | undefined {
    return unit.holder < 0 ? undefined : this.bookList[unit.holder];
  }

  load(book: Book): number {
    return Math.max(book.a, book.r) / this.offload;
  }

  share(book: Book): number {
    const load = this.load(book);
    if (book.cap > 0) return load / book.cap;
    return load > 1e-12 ? Number.POSITIVE_INFINITY : 0;
  }

  /** loadShare of `book` with `add` added and `remove` taken out. */
  shareWith(book: Book, add?: Unit, remove?: Unit): number {
    // Branches, not `book.a + (add?.a ?? 0)`: mixing the integer 0 with fractions makes V8 box
    // every sum, and these run millions of times (about 160 MB of garbage at 100k accounts).
    const { loads } = this;
    let a = book.a;
    let r = book.r;
    if (add) {
      a += loads.a[add.order] as number;
      r += loads.r[add.order] as number;
    }
    if (remove) {
      a -= loads.a[remove.order] as number;
      r -= loads.r[remove.order] as number;
    }
    const load = Math.max(a, r, 0) / this.offload;
    if (book.cap > 0) return load / book.cap;
    return load > 1e-12 ? Number.POSITIVE_INFINITY : 0;
  }

  /**
   * How full `book` would be against its cap (BOOK_LIMITS.capUse) with `add` added and `remove`
   * taken out. A leaving CSM hands the book over, so like a planned hire they may hold nothing.
   */
  capUseWith(book: Book, add?: Unit, remove?: Unit): number {
    // Branches, not `?? 0`, as in `shareWith`.
    const { loads } = this;
    let a = book.a;
    let r = book.r;
    let aMax = book.aMax;
    let rMax = book.rMax;
    if (add) {
      a += loads.a[add.order] as number;
      r += loads.r[add.order] as number;
      aMax += loads.aMax[add.order] as number;
      rMax += loads.rMax[add.order] as number;
    }
    if (remove) {
      a -= loads.a[remove.order] as number;
      r -= loads.r[remove.order] as number;
      aMax -= loads.aMax[remove.order] as number;
      rMax -= loads.rMax[remove.order] as number;
    }
    return BOOK_LIMITS.capUse({
      rampStatus: book.status === 'leaving' ? 'planned' : book.status,
      capacity: book.cap,
      loadAtTarget: Math.max(a, r, 0) / this.offload,
      loadAtMax: Math.max(aMax, rMax, 0) / this.offload,
    });
  }

  /**
   * Whether `book` keeps the book limits (BOOK_LIMITS) with `add` added and `remove` taken out:
   * each of its cap use, red/yellow share and, for a junior CSM, complex accounts stays within the
   * limit, or no higher than now when it is already past it. Every move keeps this for both
   * books, so no book finding of `check` is new or worse after a rebalance.
   */
  keepsLimits(book: Book, add?: Unit, remove?: Unit): boolean {
    const eps = BOOK_LIMITS.epsilon;
    if (book.junior && add) {
      const complex = book.complexCount + add.complexCount - (remove?.complexCount ?? 0);
      if (complex > book.complexCount) return false;
    }
    const mix = this.atRiskWith(book, add, remove);
    if (mix > this.mixMax + eps && mix > this.atRiskShare(book) + eps) return false;
    if (add === undefined) return true; // taking a unit out never makes a book fuller
    return this.fitsCap(book, add, remove);
  }

  /**
   * The cap part of `keepsLimits`: `book` with `add` added (and `remove` taken out) stays within
   * its cap, or no fuller than now when it is already past it: a search may ask it first, as the
   * cheapest of the limits.
   */
  fitsCap(book: Book, add: Unit, remove?: Unit): boolean {
    const use = this.capUseWith(book, add, remove);
    return use <= 1 + BOOK_LIMITS.epsilon || use <= this.capUseWith(book) + BOOK_LIMITS.epsilon;
  }

  atRiskShare(book: Book): number {
    return book.scored === 0 ? 0 : book.atRisk / book.scored;
  }

  atRiskWith(book: Book, add?: Unit, remove?: Unit): number {
    // Branches, not `?? 0`, as in `shareWith`.
    let scored = book.scored;
    let atRisk = book.atRisk;
    if (add) {
      scored += add.scored;
      atRisk += add.atRisk;
    }
    if (remove) {
      scored -= remove.scored;
      atRisk -= remove.atRisk;
    }
    return scored === 0 ? 0 : atRisk / scored;
  }

  /**
   * Sorts the units into groups for `inGroup`: a number below `count` per unit, by `unit.order`
   * (until then, every unit is in group 0).
   */
  groupUnits(groupOf: Int32Array, count: number): void {
    this.groupOf = groupOf;
    this.groupCount = count;
  }

  /**
   * The book's units in `group` (see `groupUnits`), smallest first (input order on a tie), so a
   * search for a unit of a given size looks at its neighbours only, and only in the groups it may
   * take. Built on first use, then kept in order by `add`/`remove`.
   */
  inGroup(book: Book, group: number): Unit[] {
    book.groups ??= this.sortedGroups(book);
    return book.groups[group] as Unit[];
  }

  private sortedGroups(book: Book): Unit[][] {
    const { size } = this.loads;
    const groups: Unit[][] = [];
    for (let group = 0; group < this.groupCount; group++) groups.push([]);
    const units = [...book.units].sort(
      (x, y) => (size[x.order] as number) - (size[y.order] as number) || x.order - y.order,
    );
    for (const unit of units) (groups[this.groupOf[unit.order] ?? 0] as Unit[]).push(unit);
    return groups;
  }

  /** A unit's load at the policy targets: the larger of its count and ARR loads. */
  size(unit: Unit): number {
    return this.loads.size[unit.order] as number;
  }

  /** Index of the first unit at least `size` in a list sorted by size (`inGroup`). */
  firstAtLeast(sorted: Unit[], size: number): number {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.size(sorted[mid] as Unit) < size) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(book: Book, unit: Unit): void {
    book.units.add(unit);
    if (book.groups) {
      const group = book.groups[this.groupOf[unit.order] ?? 0] as Unit[];
      group.splice(this.sizeIndex(group, unit), 0, unit);
    }
    this.adjust(book, unit, 1);
    unit.holder = book.index;
  }

  remove(book: Book, unit: Unit): void {
    book.units.delete(unit);
    if (book.groups) {
      const group = book.groups[this.groupOf[unit.order] ?? 0] as Unit[];
      group.splice(this.sizeIndex(group, unit), 1);
    }
    this.adjust(book, unit, -1);
    unit.holder = -1;
  }

  move(unit: Unit, to: Book): void {
    const from = this.holderOf(unit);
    if (from) this.remove(from, unit);
    this.add(to, unit);
  }

  figures(book: Book): BookFigures {
    return {
      accounts: book.count,
      arr: book.arr,
      load: this.load(book),
      loadShare: book.cap > 0 ? this.load(book) / book.cap : null,
      atRisk: book.scored === 0 ? null : book.atRisk / book.scored,
    };
  }

  /** Where `unit` is (or would go) in a list sorted by size, then input order. */
  private sizeIndex(sorted: Unit[], unit: Unit): number {
    const size = this.size(unit);
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const other = sorted[mid] as Unit;
      const d = this.size(other) - size;
      if (d < 0 || (d === 0 && other.order < unit.order)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private adjust(book: Book, unit: Unit, sign: 1 | -1): void {
    book.changedAt = ++this.version;
    if (sign < 0) book.freedAt = book.changedAt;
    const { loads } = this;
    book.a += sign * (loads.a[unit.order] as number);
    book.r += sign * (loads.r[unit.order] as number);
    book.aMax += sign * (loads.aMax[unit.order] as number);
    book.rMax += sign * (loads.rMax[unit.order] as number);
    book.count += sign * unit.count;
    book.complexCount += sign * unit.complexCount;
    book.arr += sign * unit.arr;
    book.scored += sign * unit.scored;
    book.atRisk += sign * unit.atRisk;
    if (Math.abs(book.a) < 1e-12) book.a = 0;
    if (Math.abs(book.r) < 1e-12) book.r = 0;
    if (Math.abs(book.aMax) < 1e-12) book.aMax = 0;
    if (Math.abs(book.rMax) < 1e-12) book.rMax = 0;
    // A lone account's numbers are the unit's own (most units): no lookup by name.
    if (unit.accounts.length === 1) {
      bump(book.industries, unit.industryId, sign);
      bump(book.timezones, unit.timezoneId, sign);
      return;
    }
    for (const p of unit.accounts) {
      bump(book.industries, numberOf(this.industryIds, p.account.industry), sign);
      bump(book.timezones, numberOf(this.timezoneIds, p.account.timezone), sign);
    }
  }
}

/** The units as the file's owners made them that `unit` was joined from (itself when none). */
export function leavesOf(unit: Unit): Unit[] {
  return unit.parts === undefined ? [unit] : unit.parts.flatMap(leavesOf);
}

/** The fields a unit takes from its top account (see `buildUnits`). */
function pick(u: Unit) {
  const { segment, segmentRank, digital, language, region, industry, timezone } = u;
  const { industryId, timezoneId } = u;
  return {
    segment,
    segmentRank,
    digital,
    language,
    region,
    industry,
    timezone,
    industryId,
    timezoneId,
  };
}

function bump(counts: number[], id: number, sign: number): void {
  if (id >= 0) counts[id] = (counts[id] ?? 0) + sign;
}

/** The number standing for `key` (-1 for none), given out in order of first use. */
function numberOf(ids: Map<string, number>, key: string | undefined): number {
  if (!key) return -1;
  let id = ids.get(key);
  if (id === undefined) {
    id = ids.size;
    ids.set(key, id);
  }
  return id;
}

/**
 * Accounts into units: a family (linked by `parent`) held by one owner moves as one. Each loop
 * over the 100k accounts is a function of its own: V8 compiles a long loop while it runs
 * (on-stack replacement), and in one function each next loop, not yet run, threw the compiled
 * code away again (four compiles of the whole function at 100k).
 */
function buildUnits(analysis: Analysis, asOf: string): { units: Unit[]; loads: UnitLoads } {
  const { org } = analysis;
  const { byId, shared } = familyLinks(analysis.placed);
  const root = (p: PlacedAccount): string => {
    let current = p;
    const seen = new Set<string>();
    while (current.account.parent !== undefined && !seen.has(current.account.id)) {
      seen.add(current.account.id);
      const parent = byId.get(current.account.parent);
      if (!parent) break;
      current = parent;
    }
    return current.account.id;
  };
  const units: Unit[] = [];
  // At most one unit per account.
  const most = analysis.placed.length;
  const a = new Float64Array(most);
  const r = new Float64Array(most);
  const aMax = new Float64Array(most);
  const rMax = new Float64Array(most);
  const keyed = new Map<string, Unit>();
  // Renewal dates repeat across accounts: each is turned into days from the plan date once.
  const daysTo = new Map<string, number>();
  const productComplexity: Level = org.company.productComplexity;
  for (const p of analysis.placed) {
    const { account } = p;
    const group = account.isGroup === true;
    const family = group || account.parent === undefined ? account.id : root(p);
    const owner = account.owner ?? null;
    const key = group
      ? `group:${account.id}`
      : account.parent !== undefined || shared.has(account.id)
        ? `${family}\u0000${owner ?? ''}`
        : undefined;
    let unit = key === undefined ? undefined : keyed.get(key);
    if (!unit) {
      unit = newUnit(family, units.length, owner, group, p);
      unit.inFamily = key !== undefined && !group;
      units.push(unit);
      if (key !== undefined) keyed.set(key, unit);
    } else unit.accounts.push(p);
    const s = org.policy.segments[p.segment];
    const n = account.count;
    const at = unit.order;
    a[at] = (a[at] as number) + (n * p.loadFactor) / s.accountsPerCsm.target;
    r[at] = (r[at] as number) + (account.arr * n) / s.arrPerCsm.target;
    aMax[at] = (aMax[at] as number) + (n * p.loadFactor) / s.accountsPerCsm.max;
    rMax[at] = (rMax[at] as number) + (account.arr * n) / s.arrPerCsm.max;
    unit.count += n;
    unit.arr += account.arr * n;
    if (account.health) {
      unit.scored += n;
      if (account.health !== 'green') unit.atRisk += n;
    }
    if (account.health === 'red') unit.red = true;
    unit.healthRank = Math.max(
      unit.healthRank,
      account.health === 'red' ? 2 : account.health === 'yellow' ? 1 : 0,
    );
    if (BOOK_LIMITS.isComplex(account, productComplexity)) {
      unit.complex = true;
      unit.complexCount += n;
    }
    if (account.locked) unit.locked = true;
    if (account.renewalDate !== undefined) {
      let days = daysTo.get(account.renewalDate);
      if (days === undefined) {
        days = daysBetween(asOf, account.renewalDate);
        daysTo.set(account.renewalDate, days);
      }
      if (days >= 0 && (unit.renewalDays === undefined || days < unit.renewalDays)) {
        unit.renewalDays = days;
        unit.renewalDate = account.renewalDate;
      }
    }
    // The top account speaks for the family's segment and fit.
    if (account.id === family || unit.accounts.length === 1) {
      unit.segment = p.segment;
      unit.digital = p.coverage === 'digital';
      unit.language = account.language;
      // Its region, or its time zone's (`accountRegion`), as the target counts it.
      unit.region = p.region;
      unit.industry = account.industry;
      unit.timezone = account.timezone;
    }
  }
  rankSegments(units);
  // Room for the units `State.join` may add (see `State.capacity`).
  const room = units.length + familyUnits(units);
  const grown = (l: Float64Array) => {
    if (l.length >= room) return l;
    const more = new Float64Array(room);
    more.set(l);
    return more;
  };
  const size = grown(unitSizes(units.length, a, r));
  return { units, loads: { a: grown(a), r: grown(r), aMax: grown(aMax), rMax: grown(rMax), size } };
}

/**
 * The accounts by id (the first of an id written twice), and the ids that may share a unit:
 * families, and ids written twice. Both empty when there are neither.
 */
function familyLinks(placed: PlacedAccount[]): {
  byId: Map<string, PlacedAccount>;
  shared: Set<string>;
} {
  const byId = new Map<string, PlacedAccount>();
  const shared = new Set<string>();
  // Ids in strictly ascending order (a CRM export sorted by id) are never written twice: then,
  // with no parent named, there is nothing to link and no map of every id to build.
  if (idsAscending(placed) && !placed.some((p) => p.account.parent !== undefined))
    return { byId, shared };
  for (const p of placed) {
    const { id, parent } = p.account;
    if (byId.has(id)) shared.add(id);
    else byId.set(id, p);
    if (parent !== undefined) shared.add(parent);
  }
  return { byId, shared };
}

/** Whether each account's id sorts after the one before it. */
function idsAscending(placed: PlacedAccount[]): boolean {
  for (let at = 1; at < placed.length; at++)
    if (!((placed[at - 1] as PlacedAccount).account.id < (placed[at] as PlacedAccount).account.id))
      return false;
  return true;
}

/** How many units are parts of a family. */
function familyUnits(units: Unit[]): number {
  let count = 0;
  for (const unit of units) if (unit.inFamily) count += 1;
  return count;
}

/** Each unit's size: the larger of its count and ARR loads. */
function unitSizes(count: number, a: Float64Array, r: Float64Array): Float64Array {
  const size = new Float64Array(count);
  for (let at = 0; at < count; at++) size[at] = Math.max(a[at] as number, r[at] as number);
  return size;
}

/** Each unit's segment as its rank in `SEGMENT_IDS` (the order the passes compare). */
function rankSegments(units: Unit[]): void {
  for (const unit of units) unit.segmentRank = SEGMENT_IDS.indexOf(unit.segment);
}

/** An empty unit with every field set, so all units share one shape (fast property access). */
function newUnit(
  key: string,
  order: number,
  owner: string | null,
  group: boolean,
  first: PlacedAccount,
): Unit {
  return {
    key,
    order,
    // Sized for the one account most units have (a push onto [] reserves room for 17).
    accounts: [first],
    count: 0,
    complexCount: 0,
    arr: 0,
    scored: 0,
    atRisk: 0,
    red: false,
    complex: false,
    segment: first.segment,
    segmentRank: -1,
    digital: first.coverage === 'digital',
    holder: -1,
    fileOwner: owner,
    locked: false,
    group,
    inFamily: false,
    parts: undefined,
    joined: false,
    renewalDays: undefined,
    renewalDate: undefined,
    language: undefined,
    region: undefined,
    industry: undefined,
    timezone: undefined,
    industryId: -1,
    timezoneId: -1,
    healthRank: 0,
  };
}

/** Days before `date` from which a renewal freezes the account (inclusive). */
export function frozenOn(unit: Unit, freezeDays: number, shift = 0): boolean {
  return unit.renewalDays !== undefined && unit.renewalDays - shift >= 0
    ? unit.renewalDays - shift <= freezeDays
    : false;
}
