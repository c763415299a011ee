/**
 * The CSM teams a rebalance fills, and which segments each serves. Until the target org decides
 * teams, they are today's (see `todaysTeams`). This is the one place that decides it, so switching to the target org's
 * teams changes this file only.
 */
import type { Analysis, BookOwner } from '../analysis.js';
import type { SegmentId } from '../model.js';
import { SEGMENT_IDS } from '../model.js';

export interface RebalanceTeam {
  key: string;
  role: 'csm' | 'digital-csm';
  /** Segments whose accounts the team's CSMs may take. */
  segments: SegmentId[];
  /** Ids of the book owners in the team, in file order. */
  members: string[];
}

const rank = (segment: SegmentId) => SEGMENT_IDS.indexOf(segment);

/**
 * Today's teams: CSMs with a `segment` grouped by it, digital CSMs apart, and CSMs without one
 * (generalists) in one team that serves every segment with accounts.
 */
export function todaysTeams(analysis: Analysis): RebalanceTeam[] {
  const byKey = new Map<string, RebalanceTeam>();
  const generalists: BookOwner[] = [];
  for (const owner of analysis.bookOwners) {
    const digital = owner.member.role === 'digital-csm';
    const home = owner.member.segment ?? (digital ? 'self-serve' : undefined);
    if (!home) {
      generalists.push(owner);
      continue;
    }
    const key = digital ? `digital ${home}` : home;
    const team = byKey.get(key) ?? {
      key,
      role: digital ? 'digital-csm' : 'csm',
      segments: [home],
      members: [],
    };
    team.members.push(owner.member.id);
    byKey.set(key, team);
  }
  const teams = [...byKey.values()].sort(
    (a, b) =>
      rank(a.segments[0] as SegmentId) - rank(b.segments[0] as SegmentId) ||
      a.key.localeCompare(b.key, 'en'),
  );
  const present = SEGMENT_IDS.filter((s) => analysis.placed.some((p) => p.segment === s));
  if (generalists.length > 0) {
    teams.push({
      key: 'generalist',
      role: 'csm',
      segments: [...present],
      members: generalists.map((o) => o.member.id),
    });
  }
  // Segments with accounts but no team of their own go to the nearest team by tier (both on a tie).
  const served = new Set(teams.flatMap((t) => t.segments));
  const named = teams.filter((t) => t.role === 'csm');
  for (const segment of present) {
    if (served.has(segment) || named.length === 0) continue;
    const distance = (t: RebalanceTeam) =>
      Math.min(...t.segments.map((s) => Math.abs(rank(s) - rank(segment))));
    const nearest = Math.min(...named.map(distance));
    for (const team of named) if (distance(team) === nearest) team.segments.push(segment);
  }
  for (const team of teams) team.segments.sort((a, b) => rank(a) - rank(b));
  return teams;
}
