import { describe, expect, it } from 'vitest';
import { analyse, rampShare, segmentForArr } from '../../src/core/analysis.js';
import { DEFAULT_POLICY } from '../../src/core/policy.js';
import { orgFrom } from '../helpers/org.js';

describe('segment by account ARR (seed 000)', () => {
  it.each([
    [500_000, 'strategic'],
    [499_999, 'enterprise'],
    [100_000, 'enterprise'],
    [99_999, 'mid-market'],
    [25_000, 'mid-market'],
    [24_999, 'smb'],
    [5_000, 'smb'],
    [4_999, 'self-serve'],
    [0, 'self-serve'],
  ] as const)('$%i -> %s', (arr, segment) => {
    expect(segmentForArr(arr, DEFAULT_POLICY)).toBe(segment);
  });

  it('honours pins: an explicit segment, or strategic: true', async () => {
    const org = await orgFrom(`accounts:
  - { id: a, arr: 1000, segment: enterprise }
  - { id: b, arr: 30000, strategic: true }
  - { id: c, arr: 30000 }
`);
    const placed = analyse(org).placed;
    expect(placed.map((p) => [p.account.id, p.segment, p.segmentSource, p.coverage])).toEqual([
      ['a', 'enterprise', 'pinned', 'named'],
      ['b', 'strategic', 'strategic-flag', 'named'],
      ['c', 'mid-market', 'arr', 'named'],
    ]);
  });
});

describe('account load factor (seed 004 drivers)', () => {
  it('multiplies the complexity factor by 1 + the uplifts that apply', async () => {
    const org = await orgFrom(
      `accounts:
  - { id: plain, arr: 50000 }
  - { id: low, arr: 50000, complexity: low }
  - { id: long, arr: 50000, implementation_days: 91 }
  - { id: edge, arr: 50000, implementation_days: 90, stakeholders: 5 }
  - { id: all, arr: 50000, complexity: high, implementation_days: 120, stakeholders: 8, regulated: true }
`,
      'name: Test Co\n  product_complexity: medium',
    );
    const factors = Object.fromEntries(
      analyse(org).placed.map((p) => [p.account.id, p.loadFactor]),
    );
    expect(factors.plain).toBe(1);
    expect(factors.low).toBe(0.8);
    expect(factors.long).toBeCloseTo(1.15); // > 90 days: +15%
    expect(factors.edge).toBe(1); // exactly 90 days and 5 stakeholders are not "more than"
    expect(factors.all).toBeCloseTo(1.3 * (1 + 0.15 + 0.1 + 0.1)); // 1.755
  });

  it('defaults an account to the company product complexity', async () => {
    const org = await orgFrom(
      'accounts:\n  - { id: a, arr: 50000 }\n',
      'name: X\n  product_complexity: high',
    );
    expect(analyse(org).placed[0]?.loadFactor).toBe(1.3);
  });
});

describe('ramp (seed 000: weeks 1-4 no book, 5-6 small accounts, 7-8 full)', () => {
  it.each([
    [1, 0],
    [4, 0],
    [5, 0.5],
    [6, 0.5],
    [7, 1],
    [8, 1],
    [20, 1],
  ])('week %i -> %f of a book', (week, share) => {
    expect(rampShare(week, DEFAULT_POLICY)).toBe(share);
  });

  it('derives tenure weeks and status from start_date and as_of', async () => {
    const org = await orgFrom(`team:
  - { id: new, role: csm, start_date: 2026-11-17 }
  - { id: five, role: csm, start_date: 2026-10-19 }
  - { id: old, role: csm, start_date: 2025-01-06 }
  - { id: future, role: csm, start_date: 2026-12-01 }
  - { id: undated, role: csm, fte: 0.5 }
`);
    const owners = analyse(org).bookOwners;
    const view = owners.map((o) => [o.member.id, o.tenureWeek, o.rampStatus, o.capacity]);
    expect(view).toEqual([
      ['new', 1, 'ramping', 0], // 6 days in: week 1
      ['five', 6, 'ramping', 0.5], // 35 days in: week 6
      ['old', 99, 'ramped', 1],
      ['future', undefined, 'planned', 0],
      ['undated', undefined, 'ramped', 0.5],
    ]);
  });
});

describe('book load', () => {
  it('counts each account as its share of a book at target and at max, the larger of count and ARR', async () => {
    // Enterprise: 15-25 accounts (target 20), $2M-$5M ARR (target $3.5M).
    // 10 accounts at $300k: by count 10/20 = 0.5, by ARR $3M/$3.5M = 0.857 -> 0.857 at target;
    // at max: 10/25 = 0.4, $3M/$5M = 0.6 -> 0.6.
    const org = await orgFrom(`team:
  - { id: c, role: csm }
accounts:
${Array.from({ length: 10 }, (_, i) => `  - { id: a${i}, arr: 300000, owner: c }`).join('\n')}
`);
    const [owner] = analyse(org).bookOwners;
    expect(owner?.accountCount).toBe(10);
    expect(owner?.arr).toBe(3_000_000);
    expect(owner?.loadAtTarget).toBeCloseTo(3 / 3.5);
    expect(owner?.loadAtMax).toBeCloseTo(0.6);
    expect(owner?.mainSegment).toBe('enterprise');
  });
});
