/**
 * The region rule as numbers (`regionIds`, `regionIn`), which the engine's searches read, says what
 * the covers as sets of region keys say: an account with no region goes anywhere, a book with no
 * cover takes any region, and otherwise the account's region key must be in the book's cover.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RegionCover, regionIds, regionIn } from '../../../src/core/rebalance/regions.js';
import type { Unit } from '../../../src/core/rebalance/state.js';
import { regionKey } from '../../../src/core/target/needs.js';

// Names as files write them: cases and spaces vary, and one blank name is no region at all.
const regionName = fc.constantFrom('NA', 'na', ' EMEA', 'EMEA ', 'APAC', 'LATAM', '  ');

const coverArb: fc.Arbitrary<RegionCover | undefined> = fc.option(
  fc.uniqueArray(regionName, { maxLength: 3 }).map((names) => ({
    keys: new Set(names.map(regionKey).filter((k) => k !== undefined)),
    names,
    team: undefined,
  })),
  { nil: undefined },
);

describe('the region rule as numbers', () => {
  it('agrees with the covers as sets of region keys', () => {
    fc.assert(
      fc.property(
        fc.array(coverArb, { maxLength: 5 }),
        fc.array(fc.option(regionName, { nil: undefined }), { maxLength: 8 }),
        (covers, regions) => {
          // Only the fields `regionIds` reads.
          const units = regions.map((region, order) => ({ order, region }) as Unit);
          const ids = regionIds(covers, units);
          for (const [b, cover] of covers.entries()) {
            for (const unit of units) {
              const key = regionKey(unit.region);
              const bySet = key === undefined || cover === undefined || cover.keys.has(key);
              const byNumber = regionIn(ids.coverOf[b], ids.ofUnit[unit.order] as number);
              expect(byNumber).toBe(bySet);
            }
          }
        },
      ),
    );
  });

  it('numbers each region once, whatever its case or spaces', () => {
    const units = ['EMEA', 'emea ', undefined, 'NA'].map(
      (region, order) => ({ order, region }) as Unit,
    );
    const ids = regionIds([undefined], units);
    // 'EMEA' and 'emea ' are one region (0), the account with none is -1, NA the next number.
    expect([...ids.ofUnit]).toEqual([0, 0, -1, 1]);
    expect(ids.count).toBe(2);
    // No cover: any region.
    expect(ids.coverOf[0]).toBeUndefined();
  });
});
