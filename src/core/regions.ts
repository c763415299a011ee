/**
 * The region the plan reads for an account: its `region`, or else its `timezone` read as the
 * region name the team's CSMs use for that area. The target's regional teams, the timeline's
 * months and the rebalance's region rule all read it here, so an account with only a time zone
 * counts where its CSMs work in every command.
 */
import type { Account, Org } from './model.js';
import { BOOK_ROLES } from './roles.js';

/**
 * The region names a team commonly gives each area of the time zone database, most common first.
 * The Americas map only where no CSM covers LATAM: a zone like America/Sao_Paulo is not NA.
 */
const AREA_REGIONS = new Map<string, string[]>([
  ['Europe', ['EMEA', 'EU', 'Europe']],
  ['Africa', ['EMEA']],
  ['Asia', ['APAC', 'APJ', 'Asia']],
  ['Australia', ['APAC', 'ANZ', 'APJ']],
  ['Pacific', ['APAC', 'ANZ', 'APJ']],
  ['America', ['NA', 'AMER', 'Americas']],
]);

/**
 * The region of an account that gives only a time zone ("Europe/Berlin"): the name the team's
 * CSMs use for that area, when one of them covers it; otherwise none (csplan does not guess).
 */
export function regionOfTimezone(
  timezone: string | undefined,
  regions: ReadonlySet<string>,
): string | undefined {
  if (timezone === undefined) return undefined;
  const area = timezone.split('/')[0] ?? '';
  if (area === 'America' && regions.has('LATAM')) return undefined;
  return AREA_REGIONS.get(area)?.find((name) => regions.has(name));
}

/**
 * Each team's regions and time zone readings, by its list of people (a timeline's folded orgs
 * share it): worked out once, not per account.
 */
const readings = new WeakMap<
  readonly unknown[],
  { regions: Set<string>; byZone: Map<string, string | undefined> }
>();

/** The account's region as the plan reads it (see the top of this file); undefined for none. */
export function accountRegion(account: Account, org: Org): string | undefined {
  if (account.region !== undefined) return account.region;
  if (account.timezone === undefined) return undefined;
  let reading = readings.get(org.team);
  if (!reading) {
    // The regions the CSMs (the people who hold books) give themselves.
    const regions = new Set<string>();
    for (const m of org.team)
      if (BOOK_ROLES.has(m.role) && m.region !== undefined) regions.add(m.region);
    reading = { regions, byZone: new Map() };
    readings.set(org.team, reading);
  }
  const { regions, byZone } = reading;
  if (!byZone.has(account.timezone))
    byZone.set(account.timezone, regionOfTimezone(account.timezone, regions));
  return byZone.get(account.timezone);
}
