/** `csplan timeline` as text: the answer, a quarter-by-quarter table and the req list. */

import { formatPct } from '../core/money.js';
import type { Plan } from '../core/plan.js';
import { roleLabel } from '../core/roles.js';
import type { Comparison, Timeline } from '../core/timeline/index.js';
import { answerParagraph } from './answer.js';
import { painter } from './paint.js';
import { safeOutput } from './safe-text.js';
import { renderTable } from './table.js';
import {
  COMPARISON_HEAD,
  comparisonRows,
  comparisonTotals,
  quarterTable,
  timelineHeadline,
} from './timeline-lines.js';
import { fitText } from './wrap.js';

export interface TimelineTextOptions {
  color: boolean;
  width: number;
  file: string;
  /** The plan of the same file: its moves and blocking finding join the answer. */
  plan?: Plan;
}

export function renderTimelineText(timeline: Timeline, options: TimelineTextOptions): string {
  const paint = painter(options.color);
  const head = timelineHeadline(timeline);
  const out: string[] = [];
  out.push(paint.bold(answerParagraph(timeline, options.plan)));
  out.push(...head.events);
  out.push(...head.warnings.map((line) => paint.yellow(`Warning: ${line}`)));
  out.push('');
  const scenario = timeline.scenario ? `, scenario ${timeline.scenario}` : '';
  const growth = timeline.growthFactor !== 1 ? `, growth x${timeline.growthFactor}` : '';
  out.push(
    paint.bold(
      `${options.file}: the next ${timeline.months} months from ${timeline.asOf}${scenario}${growth}`,
    ),
  );
  out.push(quarterText(timeline, options));
  out.push('');
  out.push(paint.bold('Hiring plan'));
  if (timeline.hires.length === 0) out.push('No hires needed.');
  else {
    out.push(
      renderTable(
        ['Role', 'Open req by', 'Starts', 'Ramped by', 'Why'],
        timeline.hires.map((hire) => [
          roleLabel(hire.role),
          hire.delay === 'late'
            ? `${hire.openBy} (late)`
            : hire.delay === 'freeze'
              ? `${hire.openBy} (freeze)`
              : hire.openBy,
          hire.start,
          hire.rampedBy,
          hire.reason,
        ]),
        options,
      ),
    );
  }
  out.push('');
  out.push(...head.notes.map((line) => paint.dim(line)));
  return fitText(safeOutput(`${out.join('\n')}\n`, options), options.width);
}

function quarterText(timeline: Timeline, options: TimelineTextOptions): string {
  const { head, rows } = quarterTable(timeline, false);
  return renderTable(head, rows, { ...options, right: [1, 2, 4, 5, 6, 7, 8, 9, 10, 11] });
}

export function renderComparisonText(comparison: Comparison, options: TimelineTextOptions): string {
  const paint = painter(options.color);
  const out: string[] = [];
  const base = comparison.timelines[0];
  const totals = comparisonTotals(comparison);
  out.push(paint.bold(`${options.file}: ${comparison.names.join(' vs ')}, by quarter`));
  for (const [i, timeline] of comparison.timelines.entries()) {
    const name = comparison.names[i] as string;
    const peak = peakOf(timeline);
    const cost = timeline.priced ? `, ${totals[i]}` : '';
    const over =
      timeline.overCeiling.length > 0
        ? `; over target in ${timeline.overCeiling.map((r) => r.team).join(', ')}`
        : '';
    const delta =
      base && i > 0
        ? ` (${signed(timeline.hires.length - base.hires.length)} vs ${comparison.names[0]})`
        : '';
    out.push(
      `${name}: ${timeline.hires.length} reqs${delta}${cost}, peak load ${peak === null ? '-' : formatPct(peak)}${over}`,
    );
  }
  out.push('');
  const rows = comparisonRows(comparison);
  out.push(
    renderTable(COMPARISON_HEAD, rows, {
      ...options,
      right: [2, 3, 4, 5, 6],
    }),
  );
  return fitText(safeOutput(`${out.join('\n')}\n`, options), options.width);
}

function peakOf(timeline: Timeline): number | null {
  let peak: number | null = null;
  for (const row of timeline.rows) {
    if (row.peakLoad !== null && (peak === null || row.peakLoad > peak)) peak = row.peakLoad;
  }
  return peak;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
