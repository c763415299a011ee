import { describe, expect, it } from 'vitest';
import { loadOrgText } from '../../src/config/load.js';
import { growthOverLimit } from '../../src/core/timeline/growth-limit.js';
import { AS_OF, accounts, orgFrom } from '../helpers/org.js';

describe('growthOverLimit', () => {
  it('finds nothing over the limit in a file without growth (every month holds today)', async () => {
    const org = await orgFrom(`accounts:\n${accounts('a', 3, 20000)}\n`);
    expect(growthOverLimit(org)).toEqual([]);
  });

  it("judges a scenario's growth when the file itself has none", async () => {
    // 9,000 new customers a month for the 36 months the timeline looks at, before the hiring
    // look-ahead: 9,000 x 36 = 324,000 added at least, past the 200,000 csplan plans.
    const text = `version: 1\ncompany:\n  name: Test Co\n  as_of: ${AS_OF}\naccounts:\n${accounts('a', 3, 20000)}\nscenarios:\n  boom:\n    growth:\n      new_customers_per_month: 9000\n`;
    const loaded = await loadOrgText(text, 'test.yaml', { today: AS_OF });
    const over = loaded.diagnostics.filter((d) => d.rule === 'growth-too-large');
    expect(over.map((d) => d.path)).toEqual([['scenarios', 'boom', 'growth']]);
    const added = Number(
      /adds ([\d,]+) customers/.exec(over[0]?.message ?? '')?.[1]?.replaceAll(',', ''),
    );
    expect(added).toBeGreaterThanOrEqual(324_000);
  });
});
