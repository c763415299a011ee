/**
 * The recommended org chart as a Mermaid flowchart: GitHub, GitLab and most wikis draw it from a
 * ```mermaid block, so a plan in a pull request or a wiki page shows as a diagram.
 */
import type { ChartNode } from '../core/orgchart.js';
import type { Plan } from '../core/plan.js';
import { safeOutput } from './safe-text.js';

/** Mermaid labels are quoted; quotes inside become their HTML entity. */
function label(node: ChartNode): string {
  const count = node.count > 1 ? ` x${node.count}` : '';
  const outside = node.outsideCs ? ' (outside CS)' : '';
  return `"${`${node.title}${count}${outside}`.replace(/"/g, '#quot;')}"`;
}

export function renderChartMermaid(plan: Plan): string {
  const lines = ['flowchart TD'];
  let next = 0;
  const walk = (node: ChartNode): string => {
    const id = `n${next++}`;
    lines.push(`  ${id}[${label(node)}]`);
    for (const child of node.children) lines.push(`  ${id} --> ${walk(child)}`);
    return id;
  };
  walk(plan.chart.root);
  return safeOutput(`${lines.join('\n')}\n`, { color: false });
}
