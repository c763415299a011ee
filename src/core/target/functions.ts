/**
 * CSMs into functions: before anyone is hired for CS Ops, onboarding or renewals, a CSM the work
 * does not need starts the function (`redeployIntoRoles`), ranked as the rebalance ranks them
 * (movers.ts); and which CSMs the staffing put in a gap while a function took one they beat
 * (`functionPicks`), so the caller can hold them for the function instead.
 */
import type { Analysis, BookOwner } from '../analysis.js';
import { plural } from '../money.js';
import { byFixedFacts, bySpareFacts, type SpareFacts } from '../movers.js';
import { type RoleId, roleWithArticle } from '../roles.js';
import { cite } from '../sources.js';
import type { SpecialistSeat } from './specialists.js';
import {
  highTouch,
  regionAnchors,
  regionLeaving,
  type Staffing,
  seniorFirst,
  type TargetTeam,
} from './staffing.js';

/** Specialist roles a CSM beyond the work can start before anyone is hired for them. */
export const REDEPLOY_ROLES: readonly RoleId[] = ['cs-ops', 'onboarding', 'renewals'];

/** A CSM beyond the work moved into a specialist seat the target org needs, instead of a hire. */
export interface RoleMove {
  id: string;
  /** Team the person leaves; null for a CSM no team needs. */
  from: string | null;
  role: RoleId;
  why: string;
  /** Why the hand-over can only happen after a hire, in words (`waitsForSenior`); absent otherwise. */
  waitsForHire?: string;
}

export interface RoleMoves {
  teams: TargetTeam[];
  unplaced: Staffing['unplaced'];
  seats: SpecialistSeat[];
  moves: RoleMove[];
  /** For each CSM moved into a function, the spare CSMs who tied with them on all but the book. */
  rivals: Map<string, string[]>;
}

interface Spare {
  owner: BookOwner;
  team: TargetTeam | null;
}

/** What the ranking of movers into a function reads of a spare CSM (`bySpareFacts`). */
function spareFacts({ owner, team }: Spare, order: number): SpareFacts {
  return {
    teamed: team !== null,
    junior: owner.member.seniority === 'junior',
    // Senior CSMs of a strategic or enterprise team stay with its accounts (senior CSMs first there).
    seniorStays: team !== null && highTouch(team) && seniorFirst(owner) === 0,
    tenureWeek: owner.tenureWeek,
    accounts: owner.accountCount,
    order,
  };
}

/** "3 years", "5 months", "6 weeks" in the role, from the tenure week; empty without a start date. */
function tenureText(owner: BookOwner): string {
  const weeks = owner.tenureWeek;
  if (weeks === undefined) return '';
  if (weeks >= 104) return `${Math.floor(weeks / 52)} years on the team`;
  if (weeks >= 9) return `${Math.floor((weeks * 7) / 30.4)} months on the team`;
  return `${plural(weeks, 'week')} on the team`;
}

/**
 * Before any hire into CS Ops, onboarding or renewals, a CSM the work does not need moves into
 * the seat: CSMs no team needs first, then people from teams with a surplus (growth included).
 * Never a player-coach, someone not started or leaving, or a region's only CSM. Among them, not
 * a junior, not the senior CSMs of a strategic or enterprise team (they stay with those
 * accounts), then the longest tenure (they know the customers and the tools) and the smallest
 * book to hand over (`bySpareFacts` in movers.ts, the ranking the rebalance keeps).
 */
export function redeployIntoRoles(
  staffing: Staffing,
  seats: readonly SpecialistSeat[],
  analysis: Analysis,
): RoleMoves {
  const teams = staffing.teams.map((t) => ({ ...t, members: [...t.members] }));
  const unplaced = [...staffing.unplaced];
  // Moved to a team that takes them out of their region: gone from it. With no team, or placed by
  // their book in a team that does not work it: loose (`regionAnchors`).
  const teamByKey = new Map(teams.map((t) => [t.key, t]));
  const leavesRegion = regionLeaving(teams, analysis);
  const memberOf = (id: string) => analysis.bookOwnerById.get(id)?.member;
  const gone = new Set<string>();
  for (const r of staffing.redeployments) {
    const member = memberOf(r.id);
    if (member && leavesRegion(member, teamByKey.get(r.to) ?? null)) gone.add(r.id);
  }
  // (Loose or not, a CSM with no region never anchors one.)
  const loose = new Set<string>(unplaced.map((u) => u.id));
  for (const team of teams) {
    for (const id of team.members) {
      const member = memberOf(id);
      if (member && leavesRegion(member, team)) loose.add(id);
    }
  }
  const anchorsOf = regionAnchors(analysis);
  const orderOf = new Map(analysis.bookOwners.map((o, i) => [o.member.id, i] as const));
  const spares = (): { spare: Spare; facts: SpareFacts }[] => {
    const anchors = anchorsOf(gone, loose);
    const movable = (owner: BookOwner | undefined): owner is BookOwner =>
      owner !== undefined &&
      owner.rampStatus !== 'planned' &&
      owner.member.leaving === undefined &&
      (analysis.reportsOf.get(owner.member.id)?.length ?? 0) === 0 &&
      !anchors.has(owner.member.id);
    const out: Spare[] = [];
    for (const u of unplaced) {
      const owner = analysis.bookOwnerById.get(u.id);
      if (movable(owner)) out.push({ owner, team: null });
    }
    for (const team of teams) {
      if (team.surplus <= 0) continue;
      for (const id of team.members) {
        const owner = analysis.bookOwnerById.get(id);
        if (movable(owner)) out.push({ owner, team });
      }
    }
    return out
      .map((spare) => ({
        spare,
        facts: spareFacts(spare, orderOf.get(spare.owner.member.id) ?? 0),
      }))
      .sort((a, b) => bySpareFacts(a.facts, b.facts));
  };

  const moves: RoleMove[] = [];
  const rivals = new Map<string, string[]>();
  const byUrgency = [...seats].sort(
    (a, b) => Number(a.priority !== 'now') - Number(b.priority !== 'now'),
  );
  const updated = new Map(
    seats.map((seat) => [seat.role, { ...seat, movedIn: [...seat.movedIn] }]),
  );
  for (const original of byUrgency) {
    const seat = updated.get(original.role);
    if (!seat || !REDEPLOY_ROLES.includes(seat.role)) continue;
    while (seat.hire > 0) {
      const ranked = spares();
      const [first] = ranked;
      if (!first) break;
      const { spare } = first;
      const { owner, team } = spare;
      const id = owner.member.id;
      // Those who tie with them on all but the book: a rebalance must not make one of them the pick.
      rivals.set(
        id,
        ranked
          .filter((r) => r !== first && byFixedFacts(r.facts, first.facts) === 0)
          .map((r) => r.spare.owner.member.id),
      );
      const why = roleMoveReason(spare, seat.role);
      if (team) {
        team.members = team.members.filter((m) => m !== id);
        team.staffedFte -= owner.member.fte;
        team.target -= 1;
        team.surplus -= 1;
        team.redeployedOut += 1;
        team.load = team.staffedFte > 0 ? team.needed / team.staffedFte : null;
      } else {
        unplaced.splice(
          unplaced.findIndex((u) => u.id === id),
          1,
        );
      }
      seat.hire -= 1;
      seat.movedIn.push(id);
      gone.add(id);
      moves.push({ id, from: team?.key ?? null, role: seat.role, why });
    }
  }
  return { teams, unplaced, seats: seats.map((s) => updated.get(s.role) ?? s), moves, rivals };
}

/**
 * CSMs with no team and no book whom the staffing put in a team's gap while a function took a CSM
 * they beat on the file's facts (`byFixedFacts`, having a team aside): the function's pick. Such a
 * CSM is often one the last plan moved into the function, their book handed over; filling a gap
 * instead, they made the next plan move someone else into it, and a second rebalance hand over
 * that book too. Having no team or book is what a rebalance changes, so it is not weighed here.
 * With `ties`, those who only tie with the function's pick on the file's facts while the pick
 * has a book to hand over (`bySpareFacts`: none is the smallest): the last plan may have picked
 * them by their book, so the caller holds them only where fewer accounts change hands and nobody
 * more is hired (buildTargetOrg).
 */
export function functionPicks(
  staffing: Staffing,
  moves: readonly RoleMove[],
  analysis: Analysis,
  ties = false,
): Set<string> {
  const teamByKey = new Map(staffing.teams.map((t) => [t.key, t]));
  const factsOf = (id: string, team: TargetTeam | null) => {
    const owner = analysis.bookOwnerById.get(id);
    return owner && { ...spareFacts({ owner, team }, 0), teamed: false };
  };
  const picks = new Set<string>();
  for (const r of staffing.redeployments) {
    const owner = analysis.bookOwnerById.get(r.id);
    if (r.from !== null || !owner || owner.accountCount > 0 || owner.rampStatus === 'planned')
      continue;
    const free = factsOf(r.id, null);
    const beats = (m: RoleMove) => {
      const mover = factsOf(m.id, m.from === null ? null : (teamByKey.get(m.from) ?? null));
      if (free === undefined || mover === undefined) return false;
      const fixed = byFixedFacts(free, mover);
      return ties ? fixed === 0 && free.accounts < mover.accounts : fixed < 0;
    };
    if (moves.some(beats)) picks.add(r.id);
  }
  return picks;
}

function roleMoveReason({ owner, team }: Spare, role: RoleId): string {
  const level = owner.member.seniority === 'mid' ? 'mid-level' : owner.member.seniority;
  const facts = [level, tenureText(owner)].filter(Boolean).join(', ');
  const from = team
    ? `the ${team.title} have ${plural(team.surplus, 'CSM')} beyond the work, growth included`
    : 'no CSM team needs them';
  return `${from}${facts ? `; ${facts}` : ''}. ${roleWithArticle(role)} seat filled by someone who knows the customers and the tools: one team member starts the function, proves it, then grows it ${cite('dock-org-charts')}`;
}
