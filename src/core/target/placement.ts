/**
 * Where the specialists of the target org sit. The file's reporting lines are kept: someone whose
 * line leaves CS (it reaches an executive or the revenue side before any CS leader) stays with the
 * person it reaches; someone who reports to the head of a function, or to a CS manager, stays with
 * them; everyone else reports to the CS leader. A hire joins the head of its function where the file has one.
 */
import type { Analysis } from '../analysis.js';
import type { TeamMember } from '../model.js';
import { FUNCTION_HEADS, ROLES, type RoleId } from '../roles.js';
import { lineReaches } from '../rules/reporting.js';
import { functionalDirectors } from './leadership.js';
import type { SpecialistSeat } from './specialists.js';

export interface SpecialistSpot {
  role: RoleId;
  /** The person in the file they report to (a functional head, an executive, a sales leader); null for the CS leader. */
  under: string | null;
  /** The line leaves CS: it reaches an executive or the revenue side first. */
  outside: boolean;
  /** People of the file in this spot, in file order. */
  ids: string[];
  /** CSMs the plan moves into this function (seat.movedIn), drawn with its people. */
  movedIn: string[];
  hires: number;
}

function spotOf(
  member: TeamMember,
  analysis: Analysis,
  heads: ReadonlySet<string>,
): Omit<SpecialistSpot, 'ids' | 'movedIn' | 'hires'> {
  const { teamById } = analysis;
  const boss = member.reportsTo ? teamById.get(member.reportsTo) : undefined;
  const line = lineReaches(member, teamById);
  const outside = line.side === 'sales' || line.side === 'executive';
  if (boss && boss.id !== member.id && heads.has(boss.id))
    return { role: member.role, under: boss.id, outside };
  // Someone a CS manager leads in the file stays in that manager's team.
  if (boss && boss.id !== member.id && ROLES[boss.role].kind === 'cs-manager')
    return { role: member.role, under: boss.id, outside: false };
  return { role: member.role, under: outside ? (line.via?.id ?? null) : null, outside };
}

/** One spot per role and manager; a functional head is a spot of their own (others attach to them). */
export function placeSpecialists(analysis: Analysis, seats: SpecialistSeat[]): SpecialistSpot[] {
  const spots: SpecialistSpot[] = [];
  const seated = new Set(seats.map((s) => s.role));
  const heads = new Set([
    ...analysis.org.team.filter((m) => ROLES[m.role].heads !== undefined).map((m) => m.id),
    ...functionalDirectors(analysis).map((m) => m.id),
  ]);
  for (const member of analysis.org.team) {
    if (!seated.has(member.role)) continue;
    const at = spotOf(member, analysis, heads);
    const same = ROLES[member.role].heads
      ? undefined
      : spots.find((s) => s.role === at.role && s.under === at.under && s.outside === at.outside);
    if (same) same.ids.push(member.id);
    else spots.push({ ...at, ids: [member.id], movedIn: [], hires: 0 });
  }
  // Hires and CSMs moved into a function join its head where the file has one.
  for (const seat of seats) {
    if (seat.hire <= 0 && seat.movedIn.length === 0) continue;
    const headRole = FUNCTION_HEADS.get(seat.role);
    const head = headRole ? spots.find((s) => s.role === headRole) : undefined;
    const under = head?.ids[0] ?? null;
    const outside = head?.outside ?? false;
    let spot = spots.find(
      (s) => s.role === seat.role && s.under === under && s.outside === outside,
    );
    if (!spot) {
      spot = { role: seat.role, under, outside, ids: [], movedIn: [], hires: 0 };
      spots.push(spot);
    }
    spot.hires += Math.max(0, seat.hire);
    spot.movedIn.push(...seat.movedIn);
  }
  // In the order of the seats (CS Ops, onboarding, support...), a head just before the function
  // it leads, the file's order within a role.
  const order = (spot: SpecialistSpot) => {
    const fn = ROLES[spot.role].heads;
    const at = seats.findIndex((s) => s.role === (fn ?? spot.role));
    return (at === -1 ? seats.findIndex((s) => s.role === spot.role) : at) * 2 + (fn ? 0 : 1);
  };
  return spots
    .map((spot, index) => ({ spot, index }))
    .sort((a, b) => order(a.spot) - order(b.spot) || a.index - b.index)
    .map(({ spot }) => spot);
}

/** Specialists in the file who report to a CS manager, by manager. */
export function specialistsUnderManagers(
  spots: SpecialistSpot[],
  analysis: Analysis,
): { manager: string; people: number }[] {
  return spots
    .filter((s) => {
      const boss = s.under === null ? undefined : analysis.teamById.get(s.under);
      return boss !== undefined && ROLES[boss.role].kind === 'cs-manager';
    })
    .map((s) => ({ manager: s.under as string, people: s.ids.length }));
}

/** People who report to the CS leader directly among the specialists (a head counts as one). */
export function specialistsUnderLeader(spots: SpecialistSpot[]): number {
  return spots
    .filter((s) => s.under === null && !s.outside)
    .reduce((sum, s) => sum + s.ids.length + s.movedIn.length + s.hires, 0);
}
