/**
 * What `State` keeps up to date through every move, against the books' units as they are:
 * `inGroup`, each book's units of a group smallest first (input order on a tie), as the swap
 * searches walk them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/analysis.js';
import { State } from '../../../src/core/rebalance/state.js';
import { generatedOrg, orgArb } from '../../helpers/generated-org.js';

/** Generated moves: each pair picks a unit and the book it goes to, wrapping around. */
function applyMoves(state: State, moves: [number, number][]): void {
  if (state.bookList.length === 0 || state.units.length === 0) return;
  for (const [u, b] of moves) {
    const unit = state.units[u % state.units.length];
    const to = state.bookList[b % state.bookList.length];
    if (unit && to) state.move(unit, to);
  }
}

describe("a book's units by group and size", () => {
  it('are its units of the group, smallest first, after any moves, on generated orgs', async () => {
    await fc.assert(
      fc.asyncProperty(
        orgArb,
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 40 }),
        async (spec, groups, moves) => {
          const state = new State(analyse(await generatedOrg(spec)), new Map(), 30);
          const groupOf = new Int32Array(state.units.length);
          for (let order = 0; order < groupOf.length; order++) groupOf[order] = order % groups;
          state.groupUnits(groupOf, groups);
          // Half the books listed before the moves (kept by each move), half after (built then).
          state.bookList.forEach((book, i) => {
            if (i % 2 === 0) state.inGroup(book, 0);
          });
          applyMoves(state, moves);
          for (const book of state.bookList) {
            for (let group = 0; group < groups; group++) {
              const expected = [...book.units]
                .filter((u) => groupOf[u.order] === group)
                .sort((x, y) => state.size(x) - state.size(y) || x.order - y.order);
              expect(state.inGroup(book, group)).toEqual(expected);
            }
          }
        },
      ),
      // A fixed seed keeps CI repeatable; CSPLAN_PROPERTY_RUNS and CSPLAN_PROPERTY_SEED explore more.
      {
        numRuns: Number(process.env.CSPLAN_PROPERTY_RUNS ?? 60),
        seed: Number(process.env.CSPLAN_PROPERTY_SEED ?? 20261207),
      },
    );
  }, 120_000);
});
