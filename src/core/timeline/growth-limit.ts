/**
 * Growth the plan can hold: a projection that adds more than MAX_PROJECTED_GROWTH customers over
 * the months the timeline looks at is refused (located at the growth that asks for it), so a
 * mistyped rate costs a message, not minutes.
 */
import { MAX_CSM_FTE_NEEDED, MAX_PROJECTED_GROWTH } from '../limits.js';
import { type Org, type Path, SEGMENT_IDS } from '../model.js';
import { growthSeries, peakCustomers } from './grow.js';
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
  // Without `growth:` every month holds today's customers: nothing is added, and the accounts
  // (100k of them, placed in segments each time) need not be counted.
  const growing = runs.filter((run) => run.org.growth !== undefined);
  if (growing.length === 0) return [];
  const today = peakCustomers(org, 0);
  const over: GrowthOverLimit[] = [];
  for (const run of growing) {
    const months = MAX_MONTHS + lookaheadMonths(run.org.policy);
    const added = peakCustomers(run.org, months, factor) - today;
    if (added > MAX_PROJECTED_GROWTH) over.push({ path: run.path, added });
  }
  return over;
}

/**
 * The CSM FTE the plan would need at the peak of its growth, when more than MAX_CSM_FTE_NEEDED:
 * today's need grown by the largest factor the growth (of the file or of a scenario, its rates
 * times `factor`, as `timeline --growth` runs it) puts on customers or ARR over the months the
 * timeline looks at. Undefined when the plan fits.
 */
export function csmNeedOverLimit(org: Org, neededToday: number, factor = 1): number | undefined {
  if (neededToday > MAX_CSM_FTE_NEEDED) return neededToday;
  if (neededToday === 0) return undefined;
  let peak = neededToday;
  for (const grown of [org, ...(org.scenarios ?? []).map((s) => applyScenario(org, s))]) {
    if (grown.growth) peak = Math.max(peak, neededToday * grownBy(grown, factor));
  }
  return peak > MAX_CSM_FTE_NEEDED ? peak : undefined;
}

/**
 * The largest factor growth (its rates times `rateFactor`) puts on customers or ARR over the
 * months the timeline looks at.
 */
function grownBy(org: Org, rateFactor: number): number {
  const months = MAX_MONTHS + lookaheadMonths(org.policy);
  const { series } = growthSeries(org, months, { factor: rateFactor });
  const totals = series.map((month) => ({
    customers: SEGMENT_IDS.reduce((sum, id) => sum + month[id].customers, 0),
    arr: SEGMENT_IDS.reduce((sum, id) => sum + month[id].arr, 0),
  }));
  const [today] = totals;
  let factor = 1;
  for (const month of totals) {
    if (today && today.customers > 0) factor = Math.max(factor, month.customers / today.customers);
    if (today && today.arr > 0) factor = Math.max(factor, month.arr / today.arr);
  }
  return factor;
}
