/** Plans of fixture files and ways to read their org chart, for the target-org tests. */
import { loadOrgFile } from '../../src/config/load.js';
import type { ChartNode } from '../../src/core/orgchart.js';
import { type Plan, planOrg } from '../../src/core/plan.js';
import { AS_OF } from './org.js';

/** The plan of an org file (an example or a fixture), loaded through the real loader. */
export async function planFile(path: string): Promise<Plan> {
  const loaded = await loadOrgFile(path, { today: AS_OF, cwd: process.cwd() });
  if (!loaded.org) throw new Error(`${path} does not load`);
  return planOrg(loaded.org);
}

/** role x count (title) of each child, to compare a level of the chart at a glance. */
export function level(node: ChartNode | undefined): string[] {
  return (node?.children ?? []).map((c) => `${c.role} x${c.count} ${c.title}`);
}

/** The first node, depth first, that passes the test. */
export function find(node: ChartNode, test: (n: ChartNode) => boolean): ChartNode | undefined {
  if (test(node)) return node;
  for (const child of node.children) {
    const hit = find(child, test);
    if (hit) return hit;
  }
  return undefined;
}
