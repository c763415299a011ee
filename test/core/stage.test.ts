import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../src/core/policy.js';
import { detectStage, stageByArr, stageByCustomers } from '../../src/core/stage.js';

const policy = DEFAULT_POLICY;

describe('stage by customer count (seed 000: < 20 / < 100 / < 500)', () => {
  it.each([
    [0, 'founding'],
    [19, 'founding'],
    [20, 'first-hire'],
    [99, 'first-hire'],
    [100, 'specialization'],
    [499, 'specialization'],
    [500, 'scale'],
  ] as const)('%i customers -> %s', (customers, stage) => {
    expect(stageByCustomers(customers, policy)).toBe(stage);
  });
});

describe('stage by ARR (seed 002: < $2M / < $20M)', () => {
  it.each([
    [1_999_999, 50, 'first-hire'],
    [1_999_999, 10, 'founding'],
    [2_000_000, 10, 'specialization'],
    [19_999_999, 10, 'specialization'],
    [20_000_000, 10, 'scale'],
  ] as const)('$%i with %i customers -> %s', (arr, customers, stage) => {
    expect(stageByArr(arr, customers, policy)).toBe(stage);
  });
});

describe('detectStage', () => {
  it('agrees when both signals agree, with no disagreement note', () => {
    const stage = detectStage(300, 10_000_000, policy);
    expect(stage).toMatchObject({
      id: 'specialization',
      byCustomers: 'specialization',
      byArr: 'specialization',
    });
    expect(stage.disagreement).toBeUndefined();
  });

  it('few large accounts: 30 customers at $25M plans as first-hire and says high-touch', () => {
    const stage = detectStage(30, 25_000_000, policy);
    expect(stage).toMatchObject({ id: 'first-hire', byCustomers: 'first-hire', byArr: 'scale' });
    expect(stage.disagreement).toMatch(/few large accounts/);
    expect(stage.disagreement).toMatch(/high-touch/);
  });

  it('long tail: 8,000 customers at $3M plans as specialization and says digital', () => {
    const stage = detectStage(8_000, 3_000_000, policy);
    expect(stage).toMatchObject({
      id: 'specialization',
      byCustomers: 'scale',
      byArr: 'specialization',
    });
    expect(stage.disagreement).toMatch(/long tail/);
    expect(stage.disagreement).toMatch(/digital/);
  });

  it('reads thresholds from the policy', () => {
    const custom = { ...policy, stage: { ...policy.stage, specializationCustomers: 50 } };
    expect(detectStage(60, 5_000_000, custom).id).toBe('specialization');
  });
});
