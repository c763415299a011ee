/**
 * The plan simulates the 12-month timeline once, when the file has `growth:`, and the reports
 * reuse it (the answer, the gap dates): it must be the very timeline `csplan timeline` would
 * simulate for the same file, and a file without growth must not pay for one. `csplan timeline`
 * shows the plan's timeline instead of simulating again (`planTimelineFor`) only when its options
 * ask for that very timeline.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planOrg, planTimelineFor } from '../../src/core/plan.js';
import { simulateTimeline, type TimelineOptions } from '../../src/core/timeline/index.js';
import { generatedOrg, orgArb } from '../helpers/generated-org.js';

/** What `csplan timeline` may ask: months, a growth multiplier, a freeze. */
const optionsArb: fc.Arbitrary<TimelineOptions> = fc.record(
  {
    months: fc.constantFrom(1, 11, 12, 13, 36),
    growthFactor: fc.constantFrom(0.5, 1, 2),
    freezeUntil: fc.constantFrom('2026-12-01', '2027-03-01'),
  },
  { requiredKeys: [] },
);

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
        expect(planTimelineFor(plan, {})).toBe(plan.timeline);
        expect(planTimelineFor(plan, { months: 12 })).toBe(plan.timeline);
      }),
      RUNS,
    );
  }, 600_000);

  it('stands in for a simulation only of the same months, growth and freeze', async () => {
    await fc.assert(
      fc.asyncProperty(orgArb, optionsArb, async (spec, options) => {
        const org = await generatedOrg(spec);
        if (!org.growth) return;
        const plan = planOrg(org);
        const reused = planTimelineFor(plan, options);
        const asked =
          (options.months ?? 12) === 12 &&
          (options.growthFactor ?? 1) === 1 &&
          options.freezeUntil === undefined;
        expect(reused !== undefined).toBe(asked);
        if (reused) expect(reused).toEqual(simulateTimeline(org, options));
      }),
      RUNS,
    );
  }, 600_000);
});
