/**
 * Who staffs each CSM team: today's CSMs placed by their segment (or their book's), then people
 * moved from teams with room to teams that are short, and only then hires for what is left.
 */
import type { Analysis, BookOwner } from '../analysis.js';
import type { SegmentId } from '../model.js';
import { type BackfillDates, backfillDates, wantsBackfill } from '../people.js';
import { segmentTitle } from '../segments.js';
import type { TeamNeed } from './needs.js';

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
  /** Player-coaches in the team (CSMs with direct reports). */
  leads: string[];
  /** Members whose start date is still ahead (planned hires), in file order. */
  notStarted: string[];
}

export function teamTitle(team: Pick<TeamNeed, 'key' | 'kind' | 'role' | 'segments'>): string {
  if (team.kind === 'generalist') return 'CSMs (generalist, all segments)';
  if (team.kind === 'top-accounts') return 'Senior CSM, top accounts';
  const names = team.segments.map(segmentTitle).join(' + ');
  return team.role === 'digital-csm' ? `Digital CSMs (${names})` : `${names} CSMs`;
}

/** Strategic and enterprise accounts go to senior CSMs first (CS Operations Architect guide). */
function highTouch(team: TeamNeed): boolean {
  return team.segments.some((s) => s === 'strategic' || s === 'enterprise');
}

function seniorFirst(person: Person): number {
  const seniority = person.owner.member.seniority;
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
  team: string | null;
  /** The team the file places them in, before any move. */
  home: string | null;
  moved: boolean;
}

export function staffTeams(needs: TeamNeed[], analysis: Analysis): Staffing {
  const teamBySegment = new Map<SegmentId, TeamNeed>();
  for (const need of needs) for (const s of need.segments) teamBySegment.set(s, need);
  const single = needs.length === 1 && needs[0]?.kind !== 'segment' ? needs[0] : undefined;

  const everyone: Person[] = analysis.bookOwners.map((owner) => {
    const lead = (analysis.reportsOf.get(owner.member.id)?.length ?? 0) > 0;
    const share = lead ? PLAYER_COACH_SHARE : 1;
    let team: TeamNeed | undefined;
    if (single) team = single;
    else {
      const segment =
        owner.member.segment ??
        owner.mainSegment ??
        (owner.member.role === 'digital-csm' ? 'self-serve' : undefined);
      team = segment ? teamBySegment.get(segment) : undefined;
    }
    return {
      owner,
      fte: owner.person.seat * share,
      capacity: owner.person.capacity * share,
      lead,
      team: team?.key ?? null,
      home: team?.key ?? null,
      moved: false,
    };
  });

  // A leaver is in no team's target: the seat is refilled by a backfill or cut.
  const isLeaver = (p: Person) => p.owner.member.leaving !== undefined;
  const people = everyone.filter((p) => !isLeaver(p));
  const staffed = (key: string) =>
    people.filter((p) => p.team === key).reduce((sum, p) => sum + p.fte, 0);
  const carried = (key: string) =>
    people.filter((p) => p.team === key).reduce((sum, p) => sum + p.capacity, 0);
  const loadOf = (need: TeamNeed, fte: number) => (fte > 0 ? need.needed / fte : null);
  const shortfall = (need: TeamNeed) => round1(need.needed) - staffed(need.key);
  // A person may leave a team that still covers its work without them: in seats, growth
  // included, and in what its people carry on the plan date.
  const canSpare = (person: Person, need: TeamNeed) =>
    round1(staffed(need.key) - person.fte) >= round1(Math.max(need.needed, need.neededSoon)) &&
    round1(carried(need.key) - person.capacity) >= round1(need.needed);
  // A move relieves the receiving team by what the person carries on the date (a ramping CSM by
  // the ramp share, a planned hire nothing), and never leaves it a whole person above its work.
  const relieves = (person: Person, to: TeamNeed) =>
    person.capacity > 0 &&
    staffed(to.key) + person.fte - Math.max(to.needed, to.neededSoon) < 1 - 1e-9;
  const fits = (person: Person, to: TeamNeed) =>
    person.owner.member.role === 'csm' || to.role === 'digital-csm';

  const redeployments: Redeployment[] = [];
  for (;;) {
    // Someone with no team fills any gap; people leave a team only for a real shortfall.
    const free = people.some((p) => p.team === null && !p.lead);
    const short = needs
      .filter((need) => shortfall(need) > (free ? 1e-9 : SMALL_OVERSHOOT_FTE))
      .sort((a, b) => shortfall(b) - shortfall(a) || a.key.localeCompare(b.key, 'en'));
    let moved = false;
    for (const to of short) {
      const candidates = people
        .filter((p) => !p.moved && !p.lead && p.team !== to.key && fits(p, to))
        .filter((p) => {
          if (p.team === null) return true;
          if (shortfall(to) <= SMALL_OVERSHOOT_FTE || !relieves(p, to)) return false;
          const from = needs.find((n) => n.key === p.team);
          return from !== undefined && canSpare(p, from);
        })
        .sort(
          (a, b) =>
            Number(a.team !== null) - Number(b.team !== null) ||
            Number(a.owner.rampStatus !== 'planned') - Number(b.owner.rampStatus !== 'planned') ||
            (highTouch(to) ? seniorFirst(a) - seniorFirst(b) : 0) ||
            a.owner.accountCount - b.owner.accountCount,
        );
      const person = candidates[0];
      if (!person) continue;
      const from = person.team === null ? undefined : needs.find((n) => n.key === person.team);
      const fromBefore = from ? loadOf(from, staffed(from.key)) : null;
      const toBefore = loadOf(to, staffed(to.key));
      person.team = to.key;
      person.moved = true;
      redeployments.push({
        id: person.owner.member.id,
        role: person.owner.member.role === 'digital-csm' ? 'digital-csm' : 'csm',
        from: from?.key ?? null,
        to: to.key,
        fromLoad: from ? { before: fromBefore, after: loadOf(from, staffed(from.key)) } : null,
        toLoad: { before: toBefore, after: loadOf(to, staffed(to.key)) },
        handsOver: person.owner.accountCount,
      });
      moved = true;
      break;
    }
    if (!moved) break;
  }

  const teams = needs.map((need): TargetTeam => {
    const members = people.filter((p) => p.team === need.key);
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
    const spare = fte - Math.max(need.needed, need.neededSoon);
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
      surplus: Math.max(0, Math.floor(spare + 1e-9)),
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
