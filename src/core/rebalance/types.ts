/** What a rebalance returns: data only (and when a move applies); renderers turn it into text, JSON or markdown. */
import type { Health, SegmentId } from '../model.js';

/** The rule a move serves, in the order the engine applies them. */
export type MoveRule =
  | 'leaving'
  | 'new-role'
  | 'ramp'
  | 'team'
  | 'unowned'
  | 'load'
  | 'health-mix'
  | 'seniority'
  | 'starter-book';

export interface Move {
  account: string;
  /** The account's name, when the file has one (CRM ids alone mean little to a manager). */
  name?: string;
  /** Owner before the move; null for an account nobody (or no CSM) owned. */
  from: string | null;
  to: string;
  rule: MoveRule;
  /** One line for a manager: loads of both books, and the rule the move serves. */
  reason: string;
  /** Set when the move takes effect later than the plan date (a planned hire's starter book). */
  effective?: string;
  /** Accounts of one family share the id of their top parent. */
  family?: string;
  arr: number;
  segment: SegmentId;
  health?: Health;
}

/**
 * Whether a move applies now (`--write`, `--moves-csv`): all but a planned hire's starter book,
 * which takes effect on a later date (owned before the hire starts, `check` reports
 * ramp-overload).
 */
export function appliesNow(move: Move): boolean {
  return move.effective === undefined;
}

/** `move-waits`: the account is part of a mover's hand-over that waits (all or nothing). */
export type UnmovableReason =
  | 'locked'
  | 'renewal-freeze'
  | 'account-group'
  | 'no-team'
  | 'no-room'
  | 'move-waits';

export interface Unmovable {
  account: string;
  owner: string | null;
  reason: UnmovableReason;
  /** Why it stays, in words ("renews in 23 days (2026-12-16), inside the 60-day freeze"). */
  detail: string;
  /** The account's ARR (an account group's whole ARR), so a list of them can be summed. */
  arr: number;
}

export interface BookFigures {
  accounts: number;
  arr: number;
  /** Share of one full target book (accounts and ARR, the larger), as `recommend` measures it. */
  load: number;
  /** load / capacity; null when the CSM can carry nothing today (leaving, not started, weeks 1-4). */
  loadShare: number | null;
  /** Red and yellow accounts over accounts with a health score; null without health data. */
  atRisk: number | null;
}

export interface BookChange {
  csm: string;
  team: string;
  /** fte x ramp share today; 0 for a planned hire or a leaving CSM. */
  capacity: number;
  status: 'ramped' | 'ramping' | 'planned' | 'leaving';
  /** The function the target org moves this CSM into ("CS Ops Specialist"): they hand the book over. */
  newRole?: string;
  before: BookFigures;
  after: BookFigures;
}

export interface TeamBand {
  key: string;
  segments: SegmentId[];
  members: string[];
  /** The team's load over its capacity, after the moves that must happen. */
  mean: number;
  /** Highest loadShare a book may have: the mean plus the tolerance, never above 100% while the mean is below. */
  upper: number;
}

/**
 * The limit a book is still past after the moves, in the order they are reported; `move-waits`:
 * the target moves the CSM into a function or another team, and the hand-over waits.
 */
export type UnbalancedLimit =
  | 'move-waits'
  | 'no-capacity'
  | 'ramp'
  | 'largest-book'
  | 'band'
  | 'health-mix';

export interface Unbalanced {
  csm: string;
  team: string;
  limit: UnbalancedLimit;
  loadShare: number;
  upper: number;
  /** The book against its cap (1 = the limit check enforces); set for ramp and largest-book. */
  capUse?: number;
  /** Red and yellow accounts over scored accounts; set for the health-mix limit. */
  atRisk?: number;
  /** Why the moves could not bring the book inside the limit, in words. */
  why: string;
}

export interface RebalanceResult {
  asOf: string;
  onlyUnowned: boolean;
  tolerance: number;
  maxMoves: number | null;
  teams: TeamBand[];
  moves: Move[];
  unmovable: Unmovable[];
  books: BookChange[];
  /**
   * Books still past a limit after the moves (their band, the cap `check` enforces, the
   * red/yellow share), each with why: --max-moves, nothing movable, or no CSM with room.
   */
  unbalanced: Unbalanced[];
  /** Moves the engine found but --max-moves left out. */
  movesLeft: number;
}

export interface RebalanceOptions {
  /** Give owners to unowned accounts only (`csplan assign`). */
  onlyUnowned?: boolean;
  /** Cap on the number of accounts moved. */
  maxMoves?: number;
  /** How far above the team's mean load a book may be: 0.1 = 10% (csplan default). */
  tolerance?: number;
}
