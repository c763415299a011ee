/** The recommended org chart as an indented tree of lines. */
import type { ChartNode } from '../core/orgchart.js';

export function chartTreeLines(
  node: ChartNode,
  label: (node: ChartNode) => string,
  prefix = '',
  isLast = true,
  isRoot = true,
): string[] {
  const lines = [isRoot ? label(node) : `${prefix}${isLast ? '└─ ' : '├─ '}${label(node)}`];
  const childPrefix = isRoot ? '' : `${prefix}${isLast ? '   ' : '│  '}`;
  node.children.forEach((child, index) => {
    lines.push(
      ...chartTreeLines(child, label, childPrefix, index === node.children.length - 1, false),
    );
  });
  return lines;
}

export function plainChartLabel(node: ChartNode): string {
  return `${node.title}${node.count > 1 ? ` x${node.count}` : ''}${node.note ? ` (${node.note})` : ''}`;
}
