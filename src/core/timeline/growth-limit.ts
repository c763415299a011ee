/**
 * Growth the plan can hold: a projection that adds more than MAX_PROJECTED_GROWTH customers over
 * the months the timeline looks at is refused (located at the growth that asks for it), so a
 * mistyped rate costs a message, not minutes.
 */
import { MAX_PROJECTED_GROWTH } from '../limits.js';
import type { Org, Path } from '../model.js';
import { peakCustomers } from './grow.js';
import { applyScenario } from './scenarios.js';
import { lookaheadMonths, MAX_MONTHS } from './simulate.js';

export interface GrowthOverLimit {
  /** `['growth']` or `['scenarios', name, 'growth']`. */
  path: Path;
  /** Customers added by the month with the most. */
  added: number;
}

export function growthOverLimit(org: Org, factor = 1): GrowthOverLimit[] {
  const runs: { path: Path; org: Org }[] = [
    { path: ['growth'], org },
    ...(org.scenarios ?? []).map((scenario) => ({
      path: ['scenarios', scenario.name, 'growth'],
      org: applyScenario(org, scenario),
    })),
  ];
  const today = peakCustomers(org, 0);
  const over: GrowthOverLimit[] = [];
  for (const run of runs) {
    const months = MAX_MONTHS + lookaheadMonths(run.org.policy);
    const added = peakCustomers(run.org, months, factor) - today;
    if (added > MAX_PROJECTED_GROWTH) over.push({ path: run.path, added });
  }
  return over;
}
