import { describe, expect, it } from 'vitest';
import { rebalance } from '../../../src/core/rebalance/index.js';
import { accounts, orgFrom } from '../../helpers/org.js';

// Mid-market defaults: target 57.5 accounts and $2M ARR per CSM, largest book 75 accounts and
// $3M. A $50k account is 50k / 2M = 0.025 of a target book and 50k / 3M of the largest one.
describe('a later pass places what the first could not', () => {
  it('gives an unowned account to a book the load pass made room in', async () => {
    // a (senior) holds 60 x $50k = $3M: exactly the largest book, so the unowned complex account
    // u cannot go there in the first pass ($3.05M), and c is junior (no complex account). The
    // load pass then moves accounts from a (150% of a target book) to c (2 x $50k = 5%): the team
    // mean is (1.5 + 0.05) / 2 = 77.5%, the band ends at 77.5% x 1.1 = 85.25%, so a keeps 34
    // accounts ($1.7M). In the next pass u fits a: ($1.7M + $50k) / $3M = 58% of the largest book.
    // With u the team holds 63 x 0.025: mean 78.75%, band to 86.6%, so a (35 x 0.025 = 87.5%)
    // hands one more account to c and ends with 34, u among them.
    const org = await orgFrom(`team:
  - { id: a, role: csm, segment: mid-market, seniority: senior }
  - { id: c, role: csm, segment: mid-market, seniority: junior }
accounts:
${accounts('a', 60, 50_000, 'owner: a, complexity: low')}
${accounts('c', 2, 50_000, 'owner: c, complexity: low')}
  - { id: u, arr: 50000, complexity: high }
`);
    const result = rebalance(org);
    expect(result.moves.filter((m) => m.account === 'u')).toEqual([
      expect.objectContaining({ from: null, to: 'a', rule: 'unowned' }),
    ]);
    expect(result.unmovable.map((u) => u.account)).not.toContain('u');
    expect(result.books.find((b) => b.csm === 'a')?.after.accounts).toBe(34);
  });
});
