/**
 * The region rule of a rebalance: which accounts' regions each CSM's book covers. The target
 * org decides it where it splits a team by region: a CSM covers the regions their target team
 * serves, whatever their own region (an APAC CSM the target places in the NA team takes NA
 * accounts, so the books fill the teams the target draws and a second plan agrees). Where the
 * target says nothing (a team not split by region), a CSM covers their own region when the
 * accounts their team serves include some there, and any region otherwise: a CSM whose region
 * has no accounts to serve works where the accounts are.
 */

import { regionKey } from '../target/needs.js';
import type { Book, Unit } from './state.js';
import type { RebalanceTeam } from './teams.js';

export interface RegionCover {
  /** The regions covered, as keys (`regionKey`). */
  keys: ReadonlySet<string>;
  /** The same as the file writes them, for the reason text ("NA + APAC"). */
  names: string[];
  /** The team key when the target's region team decides it; undefined for the CSM's own region. */
  team: string | undefined;
}

/**
 * Each book's cover, by `book.index` (undefined: any region). `served` holds the books of each
 * list of serving teams and `servingOf` each unit's list, as the engine indexes them.
 */
export function regionCovers(
  books: readonly Book[],
  teams: readonly RebalanceTeam[],
  units: readonly Unit[],
  served: readonly (readonly Book[])[],
  servingOf: Uint32Array,
): (RegionCover | undefined)[] {
  const teamByKey = new Map(teams.map((t) => [t.key, t] as const));
  // The regions of the accounts each book's team serves, found once per serving list. Every
  // account of a family counts, not only the top one the unit's region speaks for: a child
  // account in EMEA is EMEA work whether it has an owner of its own or shares its parent's, and
  // a family joins one unit only once one CSM owns it all, so a second run would see otherwise.
  const regionsOfList = served.map(() => new Set<string>());
  for (const unit of units) {
    const regions = regionsOfList[servingOf[unit.order] as number];
    for (const p of unit.accounts) {
      const key = regionKey(p.region);
      if (key !== undefined) regions?.add(key);
    }
  }
  const servedRegions = books.map(() => new Set<string>());
  served.forEach((list, at) => {
    for (const book of list)
      for (const key of regionsOfList[at] ?? []) servedRegions[book.index]?.add(key);
  });
  return books.map((book) => {
    const team = teamByKey.get(book.team);
    if (team?.regions !== undefined) {
      const keys = new Set(team.regions.map(regionKey).filter((k) => k !== undefined));
      return { keys, names: team.regions, team: team.key };
    }
    const own = regionKey(book.member.region);
    if (own === undefined || !servedRegions[book.index]?.has(own)) return undefined;
    return { keys: new Set([own]), names: [book.member.region?.trim() ?? own], team: undefined };
  });
}

/**
 * The covers as numbers, for the region rule in the hot loops: each unit's region as a small
 * number by `unit.order` (-1 for none), and each book's cover as flags by that number, by
 * `book.index` (undefined: any region). `regionIn` then reads two typed arrays, not a set of
 * strings.
 */
export interface RegionIds {
  ofUnit: Int32Array;
  /** How many regions have a number. */
  count: number;
  coverOf: (Uint8Array | undefined)[];
}

export function regionIds(
  covers: readonly (RegionCover | undefined)[],
  units: readonly Unit[],
  size = units.length,
): RegionIds {
  const ids = new Map<string, number>();
  const ofUnit = new Int32Array(size).fill(-1);
  for (const unit of units) {
    const key = regionKey(unit.region);
    if (key === undefined) continue;
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    ofUnit[unit.order] = id;
  }
  const coverOf = covers.map((cover) => {
    if (cover === undefined) return undefined;
    const flags = new Uint8Array(ids.size);
    for (const [key, id] of ids) if (cover.keys.has(key)) flags[id] = 1;
    return flags;
  });
  return { ofUnit, count: ids.size, coverOf };
}

/** Whether a unit of region `id` (-1: none) may go to a book with these cover flags (`regionIds`). */
export function regionIn(flags: Uint8Array | undefined, id: number): boolean {
  return id < 0 || flags === undefined || flags[id] === 1;
}

/** The region rule's words for a move into a book with this cover. */
export function regionWords(unit: Unit, to: Book, cover: RegionCover | undefined): string[] {
  const key = regionKey(unit.region);
  if (key === undefined) return [];
  if (cover === undefined) {
    const own = to.member.region;
    return own === undefined ? [] : [`${to.id} covers any region: no ${own} accounts in the team`];
  }
  if (!cover.keys.has(key)) return [`outside its region: no CSM in ${unit.region} can take it`];
  if (regionKey(to.member.region) === key || cover.team === undefined)
    return [`region rule: ${to.id} covers ${unit.region}`];
  return [`region rule: ${to.id}'s team ${cover.team} covers ${cover.names.join(' + ')}`];
}
