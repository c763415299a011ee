import { describe, expect, it } from 'vitest';
import type { Move, RebalanceResult, Unmovable } from '../../src/core/rebalance/types.js';
import { rebalanceJsonParts, renderRebalanceJson } from '../../src/render/rebalance.js';

const move = (account: string, extra: Partial<Move> = {}): Move => ({
  account,
  from: null,
  to: 'c-1',
  rule: 'unowned',
  reason: 'no owner -> c-1 at 12%; the account has no owner',
  arr: 1000,
  segment: 'smb',
  ...extra,
});

const result = (moves: Move[]): RebalanceResult => ({
  asOf: '2026-11-23',
  onlyUnowned: false,
  tolerance: 0.1,
  maxMoves: null,
  teams: [],
  moves,
  unmovable: [],
  books: [],
  unbalanced: [],
  movesLeft: 0,
});

/** The document as one JSON.stringify would write it: the contract the parts must keep. */
const whole = (file: string, moves: object[]) =>
  `${JSON.stringify(
    {
      schemaVersion: 4,
      file,
      asOf: '2026-11-23',
      onlyUnowned: false,
      tolerance: 0.1,
      maxMoves: null,
      moves,
      movesLeft: 0,
      unmovable: [],
      books: [],
      teams: [],
      unbalanced: [],
    },
    null,
    2,
  )}\n`;

const plain = (account: string) => ({
  account,
  name: null,
  from: null,
  to: 'c-1',
  reason: 'no owner -> c-1 at 12%; the account has no owner',
  rule: 'unowned',
  effective: null,
  applyNow: true,
  family: null,
  arr: 1000,
  segment: 'smb',
  health: null,
});

describe('rebalance JSON written in parts', () => {
  it('joins to the document one JSON.stringify gives, batch by batch', () => {
    const moves = [
      move('a', { name: 'Café "Zürich"\n😀', health: 'red', family: 'fam' }),
      move('b', { from: 'c-2', rule: 'starter-book', effective: '2027-01-04' }),
      move('c'),
      move('d'),
      move('e'),
    ];
    const parts = rebalanceJsonParts(result(moves), 'org.yaml', 2);
    // The head, three batches of at most two moves, the tail.
    expect(parts).toHaveLength(5);
    expect(parts.join('')).toBe(
      whole('org.yaml', [
        {
          ...plain('a'),
          name: 'Café "Zürich"\n😀',
          family: 'fam',
          health: 'red',
        },
        {
          ...plain('b'),
          from: 'c-2',
          rule: 'starter-book',
          effective: '2027-01-04',
          applyNow: false,
        },
        plain('c'),
        plain('d'),
        plain('e'),
      ]),
    );
    expect(renderRebalanceJson(result(moves), 'org.yaml')).toBe(parts.join(''));
  });

  it('keeps an empty move list as [] in one part', () => {
    expect(rebalanceJsonParts(result([]), 'org.yaml')).toEqual([whole('org.yaml', [])]);
  });

  it('finds the move list by structure, not by text a file name could hold', () => {
    const file = 'x\n  "moves": [].yaml';
    expect(rebalanceJsonParts(result([move('a')]), file, 2).join('')).toBe(
      whole(file, [plain('a')]),
    );
  });
});

describe('rebalance JSON: the accounts that could not move', () => {
  const unmovable = (
    account: string,
    owner: string | null,
    reason: Unmovable['reason'],
    detail: string,
    arr: number,
  ): Unmovable => ({ account, owner, reason, detail, arr });
  const noRoom = 'nobody who serves smb accounts has room';
  const freeze = 'renews in 20 days (2026-12-13), inside the 60-day freeze';

  it('groups them by owner, reason and words, in the order of their first id, with every id', () => {
    const body = JSON.parse(
      renderRebalanceJson(
        {
          ...result([]),
          unmovable: [
            unmovable('a-1', null, 'no-room', noRoom, 1000),
            unmovable('a-2', 'c-1', 'renewal-freeze', freeze, 5000),
            unmovable('a-3', null, 'no-room', noRoom, 2500),
            // Same owner and reason, other words (another renewal date): a group of its own.
            unmovable('a-4', 'c-1', 'renewal-freeze', 'renews in 30 days', 700),
            unmovable('a-5', null, 'no-room', noRoom, 500),
          ],
        },
        'org.yaml',
      ),
    );
    expect(body.unmovable).toEqual([
      // a-1, a-3 and a-5: $1,000 + $2,500 + $500 = $4,000.
      {
        owner: null,
        reason: 'no-room',
        detail: noRoom,
        count: 3,
        arr: 4000,
        accounts: ['a-1', 'a-3', 'a-5'],
      },
      {
        owner: 'c-1',
        reason: 'renewal-freeze',
        detail: freeze,
        count: 1,
        arr: 5000,
        accounts: ['a-2'],
      },
      {
        owner: 'c-1',
        reason: 'renewal-freeze',
        detail: 'renews in 30 days',
        count: 1,
        arr: 700,
        accounts: ['a-4'],
      },
    ]);
  });
});
