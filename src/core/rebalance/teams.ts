/**
 * The CSM teams a rebalance fills, and which segments each serves: the target org's teams (after
 * redeployment), so a rebalance and `recommend` agree on who serves what. This is the one place
 * that decides it; `todaysTeams` is the same grouping without the target org, kept for callers
 * that plan today's books only.
 */
import type { Analysis, BookOwner } from '../analysis.js';
import { type CapacityResult, computeCapacity } from '../capacity.js';
import type { SegmentId } from '../model.js';
import { SEGMENT_IDS } from '../model.js';
import type { RoleId } from '../roles.js';
import { buildTargetOrg } from '../target/index.js';

export interface RebalanceTeam {
  key: string;
  role: 'csm' | 'digital-csm';
  /** Segments whose accounts the team's CSMs may take. */
  segments: SegmentId[];
  /** In a vertical structure, the industry the team serves ('' for other industries). */
  industry?: string;
  /** Set on the team that also serves the industries without a team of their own. */
  otherIndustries?: boolean;
  /** Segments the team serves only because no book's load sits there (`TeamNeed.joinedByBooks`). */
  joinedByBooks?: SegmentId[];
  /**
   * Where the target splits the team by region: the regions whose accounts it serves, its own
   * first (the region rule's cover for its CSMs, see `regionCovers`).
   */
  regions?: string[];
  /** Ids of the book owners in the team, in file order. */
  members: string[];
  /**
   * Members the target org moves here from another team or from no team. They hand over the
   * accounts this team does not serve, so the books fill the target teams (and a second rebalance
   * agrees): one from no team who kept them would be a worse pick than a CSM whose book went into
   * a function, and the next plan would move that one instead. Each is the one among the
   * candidates holding most of the team's accounts' ARR (`moverOrder`), so that ARR must not fall
   * (`BookPlacement`).
   */
  joining: string[];
  /**
   * Of `joining`, those the target moves here from no team. A CSM no team needs (`unneeded`) is
   * ranked against them alone: one moved from another team holds the team's accounts and is
   * picked before anyone with no team (`staffTeams`), whatever the rest of the team holds.
   */
  movedFromNoTeam: string[];
  /**
   * Members the target places in no team (no team needs them), who join this one as the nearest:
   * the next plan may move one of them in instead of a `movedFromNoTeam` member.
   */
  unneeded: string[];
}

/** The CSM teams a rebalance fills, and the CSMs the target org moves out of the CSM role. */
export interface RebalanceTeams {
  teams: RebalanceTeam[];
  /**
   * CSMs the target org moves into another function (CS Ops, onboarding...), by id: they take no
   * new accounts and hand their book over, as a leaver does.
   */
  intoRoles: Map<string, RoleId>;
  /**
   * For each of `intoRoles`, the CSMs who tied with them in the target's ranking on all but the
   * size of the book (`takesMoverPlace` in movers.ts).
   */
  roleRivals: Map<string, string[]>;
  /**
   * CSMs the target moves to another team, in the order it moves them: each move changes which
   * team is the shortest next, so which CSM the next move takes.
   */
  joinOrder: string[];
}

const rank = (segment: SegmentId) => SEGMENT_IDS.indexOf(segment);

/**
 * The target org's CSM teams; a CSM no team needs joins the team nearest their book, unless the
 * target org moves them into another function or they have no book.
 */
export function targetTeams(
  analysis: Analysis,
  capacity: CapacityResult = computeCapacity(analysis),
): RebalanceTeams {
  const target = buildTargetOrg({ analysis, capacity });
  const intoRoles = new Map(target.roleMoves.map((m) => [m.id, m.role] as const));
  const owners = new Set(analysis.bookOwners.map((o) => o.member.id));
  const joining = new Set(target.redeployments.map((r) => r.id));
  const fromNoTeam = new Set(target.redeployments.filter((r) => r.from === null).map((r) => r.id));
  const teams: RebalanceTeam[] = target.teams.map((t) => ({
    key: t.key,
    role: t.role,
    segments: [...t.segments],
    ...(t.industry === undefined ? {} : { industry: t.industry }),
    ...(t.otherIndustries ? { otherIndustries: true } : {}),
    ...(t.joinedByBooks ? { joinedByBooks: [...t.joinedByBooks] } : {}),
    ...(t.region === undefined ? {} : { regions: t.regions ?? [t.region] }),
    members: t.members.filter((id) => owners.has(id)),
    joining: t.members.filter((id) => joining.has(id)),
    movedFromNoTeam: t.members.filter((id) => fromNoTeam.has(id)),
    unneeded: [],
  }));
  const placed = new Set(teams.flatMap((t) => t.members));
  for (const owner of analysis.bookOwners) {
    if (placed.has(owner.member.id) || intoRoles.has(owner.member.id)) continue;
    // Someone the target leaves with no team and no book takes no accounts: a book would place
    // them in a team on the next plan, which then fills the seats differently.
    if (owner.accounts.length === 0) continue;
    const home = owner.member.segment ?? owner.mainSegment;
    const team =
      teams.find((t) => home !== undefined && t.segments.includes(home)) ??
      teams.find((t) => t.role === owner.member.role) ??
      teams[0];
    if (team) {
      team.members.push(owner.member.id);
      team.unneeded.push(owner.member.id);
    } else {
      teams.push({
        key: home ?? 'generalist',
        role: owner.member.role === 'digital-csm' ? 'digital-csm' : 'csm',
        segments: home ? [home] : [],
        members: [owner.member.id],
        joining: [],
        movedFromNoTeam: [],
        unneeded: [],
      });
    }
    placed.add(owner.member.id);
  }
  coverEverySegment(analysis, teams);
  return {
    teams,
    intoRoles,
    roleRivals: target.roleMoveRivals,
    joinOrder: target.redeployments.map((r) => r.id),
  };
}

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
      joining: [],
      movedFromNoTeam: [],
      unneeded: [],
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
      joining: [],
      movedFromNoTeam: [],
      unneeded: [],
    });
  }
  coverEverySegment(analysis, teams);
  return teams;
}

/** Segments with accounts but no team of their own go to the nearest team by tier (both on a tie). */
function coverEverySegment(analysis: Analysis, teams: RebalanceTeam[]): void {
  const present = SEGMENT_IDS.filter((s) => analysis.placed.some((p) => p.segment === s));
  const served = new Set(teams.flatMap((t) => t.segments));
  const named = teams.filter((t) => t.role === 'csm' && t.segments.length > 0);
  for (const segment of present) {
    if (served.has(segment) || named.length === 0) continue;
    const distance = (t: RebalanceTeam) =>
      Math.min(...t.segments.map((s) => Math.abs(rank(s) - rank(segment))));
    const nearest = Math.min(...named.map(distance));
    for (const team of named) if (distance(team) === nearest) team.segments.push(segment);
  }
  for (const team of teams) team.segments.sort((a, b) => rank(a) - rank(b));
}
