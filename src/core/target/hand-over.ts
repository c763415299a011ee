/**
 * Which moves of the target org can only happen after a hire, by one cheap test: the mover hands
 * over a complex account and every CSM who could take it is junior. A junior CSM never gets a
 * complex account (`seniority-mismatch`, a limit the rebalance keeps), so the rebalance holds
 * the whole book (`move-waits`) until a senior or mid-level CSM joins. A move may also wait for
 * room or for the red/yellow mix; only the rebalance, placing accounts one by one, finds those.
 */
import type { Analysis, PlacedAccount } from '../analysis.js';
import { daysBetween } from '../dates.js';
import { plural } from '../money.js';
import { BOOK_LIMITS } from '../rules/books.js';
import { servingTeams } from './needs.js';
import type { TargetTeam } from './staffing.js';

/** A move's hand-over, as the target plans it. */
export interface HandOver {
  /** The CSM who moves. */
  id: string;
  /** The accounts of their book that go to other CSMs. */
  handed: (p: PlacedAccount) => boolean;
}

/**
 * Why `move` waits for a hire, in words; undefined when the test finds no such reason. `teams`
 * are the target's teams after every move, `unplaced` the CSMs no team needs (they join a team in
 * the rebalance), `movers` every CSM the target moves into a function (they take nothing).
 */
export function waitsForSenior(
  move: HandOver,
  analysis: Analysis,
  teams: readonly TargetTeam[],
  unplaced: readonly string[],
  movers: ReadonlySet<string>,
): string | undefined {
  const owner = analysis.bookOwnerById.get(move.id);
  if (!owner) return undefined;
  const { company, policy } = analysis.org;
  // Only an account that moves alone, now: a locked one, an account group, a family (moved
  // whole) or one renewing inside the freeze stays for a reason of its own.
  const movesAlone = (p: PlacedAccount) => {
    const { account } = p;
    if (account.locked || account.isGroup || account.parent !== undefined) return false;
    if (account.renewalDate !== undefined) {
      const days = daysBetween(company.asOf, account.renewalDate);
      if (days >= 0 && days <= policy.renewalFreezeDays) return false;
    }
    return true;
  };
  const complex = owner.accounts.filter(
    (p) =>
      move.handed(p) &&
      BOOK_LIMITS.isComplex(p.account, company.productComplexity) &&
      movesAlone(p),
  );
  if (complex.length === 0) return undefined;
  const parents = new Set(analysis.placed.map((p) => p.account.parent));
  const alone = complex.filter((p) => !parents.has(p.account.id));
  if (alone.length === 0) return undefined;
  // Anyone who is not junior and not moving away may take them: a CSM no team needs as well,
  // since the rebalance puts them in the nearest team.
  const mayTakeComplex = (id: string) =>
    id !== move.id &&
    !movers.has(id) &&
    analysis.bookOwnerById.get(id)?.member.seniority !== 'junior';
  if (unplaced.some(mayTakeComplex)) return undefined;
  const stuck = alone.filter((p) => {
    const serving = servingTeams(teams, { segment: p.segment, industry: p.account.industry });
    return serving.length > 0 && !serving.some((t) => t.members.some(mayTakeComplex));
  });
  if (stuck.length === 0) return undefined;
  return `waits for a senior or mid-level CSM: ${move.id} hands over ${plural(stuck.length, 'complex account')} and every other CSM who serves ${stuck.length === 1 ? 'it' : 'them'} is junior; \`csplan rebalance\` keeps the whole book with ${move.id} until then`;
}
