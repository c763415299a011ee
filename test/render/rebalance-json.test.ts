import { describe, expect, it } from 'vitest';
import type { Move, RebalanceResult } from '../../src/core/rebalance/types.js';
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
      schemaVersion: 3,
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
