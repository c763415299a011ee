/**
 * The staffing loop picks who moves with `firstBy` instead of filtering and sorting everyone for
 * one person: it must pick the same one a stable sort of the admitted people would put first,
 * ties (and there are many: equal books, equal seniority) going to the earlier in file order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstBy } from '../../../src/core/target/staffing.js';

interface Candidate {
  index: number;
  teamed: boolean;
  planned: boolean;
  seniority: number;
  accounts: number;
  admitted: boolean;
}

const candidateArb = fc.record({
  teamed: fc.boolean(),
  planned: fc.boolean(),
  seniority: fc.integer({ min: 0, max: 2 }),
  accounts: fc.integer({ min: 0, max: 4 }),
  admitted: fc.boolean(),
});

/** The mover order's shape: a few keys with few values, so ties are common. */
const order = (a: Candidate, b: Candidate) =>
  Number(a.teamed) - Number(b.teamed) ||
  Number(!a.planned) - Number(!b.planned) ||
  a.seniority - b.seniority ||
  a.accounts - b.accounts;

describe('firstBy', () => {
  it('picks what a stable sort of the admitted items puts first', () => {
    fc.assert(
      fc.property(fc.array(candidateArb, { maxLength: 40 }), (records) => {
        const items: Candidate[] = records.map((r, index) => ({ ...r, index }));
        const sorted = items.filter((c) => c.admitted).sort(order);
        expect(firstBy(items, (c) => c.admitted, order)).toBe(sorted[0]);
      }),
      {
        numRuns: Number(process.env.CSPLAN_PROPERTY_RUNS ?? 300),
        seed: Number(process.env.CSPLAN_PROPERTY_SEED ?? 20261207),
      },
    );
  });

  it('gives nothing when nothing is admitted', () => {
    expect(
      firstBy(
        [1, 2, 3],
        () => false,
        (a, b) => a - b,
      ),
    ).toBeUndefined();
  });
});
