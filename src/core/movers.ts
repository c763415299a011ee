/**
 * Who the target org moves into a function (CS Ops, onboarding, renewals) before hiring for it:
 * one ranking, read by the target (`redeployIntoRoles` in target/functions.ts) to pick the CSM and
 * by the rebalance to keep that pick. Everything it weighs is fixed by the file except the size
 * of the book, so the rebalance, which changes books, must not let a CSM who ties with the one
 * picked on everything else end up with a book as small (see `takesMoverPlace`): the next plan
 * would pick that CSM instead, and the rebalance would hand over another book.
 */

/** What the ranking reads of a CSM who could move into a function. */
export interface SpareFacts {
  /** In a team with CSMs beyond the work; false for a CSM no team needs (they go first). */
  teamed: boolean;
  /** Starting a function takes someone who knows the customers and the tools: juniors last. */
  junior: boolean;
  /** A senior CSM of a strategic or enterprise team: they stay with those accounts. */
  seniorStays: boolean;
  /** Weeks on the team; undefined without a start date (ranked as the longest). */
  tenureWeek: number | undefined;
  /** Accounts in the book: the fewest to hand over first. */
  accounts: number;
  /** Place among the book owners in the file: the last tie-break. */
  order: number;
}

/** The ranking on what the file fixes: no team first, then not a junior, then seniors who stay last, then the longest tenure. */
export function byFixedFacts(a: SpareFacts, b: SpareFacts): number {
  return (
    Number(a.teamed) - Number(b.teamed) ||
    Number(a.junior) - Number(b.junior) ||
    Number(a.seniorStays) - Number(b.seniorStays) ||
    longerFirst(a.tenureWeek, b.tenureWeek)
  );
}

/** The longer tenure first; no start date counts as the longest (and two of them tie). */
function longerFirst(a: number | undefined, b: number | undefined): number {
  const weeks = (w: number | undefined) => w ?? Number.POSITIVE_INFINITY;
  return weeks(a) === weeks(b) ? 0 : weeks(b) > weeks(a) ? 1 : -1;
}

/** What breaks a tie on the file's facts: the smaller book, then file order. */
function byBook(
  a: Pick<SpareFacts, 'accounts' | 'order'>,
  b: Pick<SpareFacts, 'accounts' | 'order'>,
): number {
  return a.accounts - b.accounts || a.order - b.order;
}

/** The whole ranking: the file's facts, then the book (`byBook`). */
export function bySpareFacts(a: SpareFacts, b: SpareFacts): number {
  return byFixedFacts(a, b) || byBook(a, b);
}

/**
 * Whether a CSM who ties with the one picked on the file's facts would be picked instead, with
 * books of these sizes: a smaller book, or one as small and earlier in the file.
 */
export function takesMoverPlace(
  rival: Pick<SpareFacts, 'accounts' | 'order'>,
  mover: Pick<SpareFacts, 'accounts' | 'order'>,
): boolean {
  return byBook(rival, mover) < 0;
}
