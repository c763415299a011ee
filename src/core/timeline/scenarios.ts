/**
 * What-if runs: a named scenario from the file (growth and policy laid over the file's), quick
 * overrides from flags, and several scenarios side by side by quarter.
 */
import type { Org, Scenario } from '../model.js';
import { type Quarter, quarters } from './quarters.js';
import { simulateTimeline, type Timeline, type TimelineOptions } from './simulate.js';

/** The org as a scenario sees it: its growth and policy replace the file's. */
export function applyScenario(org: Org, scenario: Scenario): Org {
  return { ...org, growth: scenario.growth, policy: scenario.policy };
}

export function findScenario(org: Org, name: string): Scenario | undefined {
  return org.scenarios?.find((s) => s.name === name);
}

/** The file as written, unless the file names its own `base`. */
export const BASE_SCENARIO = 'base';

/** One scenario's run: the scenario's freeze unless a flag sets one. */
export function runScenario(org: Org, name: string, options: TimelineOptions = {}): Timeline {
  const scenario = findScenario(org, name);
  if (!scenario) return simulateTimeline(org, { ...options, scenario: name });
  return simulateTimeline(applyScenario(org, scenario), {
    ...options,
    freezeUntil: options.freezeUntil ?? scenario.freezeUntil,
    scenario: name,
  });
}

export interface ComparedQuarter {
  label: string;
  span: string;
  /** Per scenario, in the order compared. */
  scenarios: {
    name: string;
    reqsOpened: number;
    hiresStarting: number;
    headcount: number;
    cost: number | null;
    peakLoad: number | null;
  }[];
}

export interface Comparison {
  names: string[];
  timelines: Timeline[];
  quarters: ComparedQuarter[];
}

/** Every scenario in the file, after the base (the file as written) when it has none of that name. */
export function compareScenarios(org: Org, options: TimelineOptions = {}): Comparison {
  const names = (org.scenarios ?? []).map((s) => s.name);
  if (!names.includes(BASE_SCENARIO)) names.unshift(BASE_SCENARIO);
  const timelines = names.map((name) => runScenario(org, name, options));
  const byScenario = timelines.map(quarters);
  const first = byScenario[0] ?? [];
  return {
    names,
    timelines,
    quarters: first.map((q, i) => ({
      label: q.label,
      span: q.span,
      scenarios: byScenario.map((list, s) => {
        const quarter = list[i] as Quarter;
        return {
          name: names[s] as string,
          reqsOpened: quarter.reqsOpened,
          hiresStarting: quarter.hiresStarting,
          headcount: quarter.headcount,
          cost: quarter.cost,
          peakLoad: quarter.peakLoad,
        };
      }),
    })),
  };
}
