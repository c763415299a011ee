import { describe, expect, it } from 'vitest';
import { plantedOrg } from '../../../bench/planted.mjs';
import { loadOrgText } from '../../../src/config/load.js';
import { rebalance } from '../../../src/core/rebalance/index.js';

describe('planted instances: balanced books perturbed by k random moves', () => {
  it.each([1, 2, 3])(
    'seed %i: largest book <= 1.02x the planted one, with <= 1.1x k moves',
    async (seed) => {
      const planted = plantedOrg(600, 30, seed);
      const loaded = await loadOrgText(planted.yaml, 'planted.yaml', { today: '2026-11-23' });
      if (!loaded.org) throw new Error('planted org does not load');
      // A 2% band, as the bench measures it: the default 10% stops earlier on purpose.
      const result = rebalance(loaded.org, { tolerance: 0.02 });
      const largest = Math.max(...result.books.map((b) => b.after.loadShare ?? 0));
      expect(largest).toBeLessThanOrEqual(1.02 * planted.plantedMax);
      expect(result.moves.length).toBeLessThanOrEqual(1.1 * planted.moves);
      // Locked and frozen accounts never move.
      expect(
        result.moves.some((m) =>
          planted.yaml.includes(`id: ${m.account}, arr: ${m.arr}, owner: ${m.from}, locked`),
        ),
      ).toBe(false);
    },
  );
});
