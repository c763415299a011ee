/**
 * The plan simulates the 12-month timeline once, when the file has `growth:`, and the reports
 * reuse it (the answer, the gap dates): it must be the very timeline `csplan timeline` would
 * simulate for the same file, and a file without growth must not pay for one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planOrg } from '../../src/core/plan.js';
import { simulateTimeline } from '../../src/core/timeline/index.js';
import { generatedOrg, orgArb } from '../helpers/generated-org.js';

const RUNS = {
  // A fixed seed keeps CI repeatable; CSPLAN_PROPERTY_RUNS and CSPLAN_PROPERTY_SEED explore more.
  numRuns: Number(process.env.CSPLAN_PROPERTY_RUNS ?? 60),
  seed: Number(process.env.CSPLAN_PROPERTY_SEED ?? 23),
};

describe("the plan's timeline", () => {
  it('is the 12-month timeline of the same file when it has growth, and absent without', async () => {
    await fc.assert(
      fc.asyncProperty(orgArb, async (spec) => {
        const org = await generatedOrg(spec);
        const plan = planOrg(org);
        if (!org.growth) {
          expect(plan.timeline).toBeUndefined();
          expect(plan.projection).toBeUndefined();
          return;
        }
        expect(plan.timeline).toEqual(simulateTimeline(org));
        expect(plan.projection?.months).toBe(12);
        expect(plan.projection?.date).toBe(plan.timeline?.end.date);
      }),
      RUNS,
    );
  }, 600_000);
});
