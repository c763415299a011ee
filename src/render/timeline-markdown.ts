/**
 * `csplan timeline --format markdown`: the answer, tables by quarter and by hire, and a Mermaid
 * Gantt chart of reqs, ramps and stage changes that GitHub and most wikis draw.
 */

import type { Plan } from '../core/plan.js';
import { roleLabel } from '../core/roles.js';
import { STAGE_LABELS } from '../core/stage.js';
import type { Comparison, Timeline } from '../core/timeline/index.js';
import { answerParagraph } from './answer.js';
import { mdCode, mdTable, mdText } from './md-text.js';
import { safeOutput } from './safe-text.js';
import {
  COMPARISON_HEAD,
  comparisonRows,
  quarterTable,
  timelineHeadline,
} from './timeline-lines.js';

/** Mermaid task and section names end at ":" and treat "#" and ";" specially: keep them out. */
function ganttText(text: string): string {
  return text.replace(/[:;#]/g, ' ').replace(/\s+/g, ' ').trim();
}

export function renderTimelineGantt(timeline: Timeline): string {
  const lines = [
    'gantt',
    `  title Hiring plan from ${timeline.asOf}`,
    '  dateFormat YYYY-MM-DD',
    '  axisFormat %b %Y',
  ];
  timeline.hires.forEach((hire, i) => {
    const team = hire.team ? ` ${hire.team}` : '';
    lines.push(
      `  section ${ganttText(`${roleLabel(hire.role)} ${hire.id.replace(/^.*-/, '')}${team}`)}`,
    );
    const tag = hire.delay ? 'crit, ' : '';
    lines.push(`  Req open ${hire.openBy} :${tag}h${i}req, ${hire.openBy}, ${hire.start}`);
    lines.push(`  Ramp to ${hire.rampedBy} :h${i}ramp, ${hire.start}, ${hire.rampedBy}`);
  });
  if (timeline.stageChanges.length > 0) {
    lines.push('  section Stage');
    timeline.stageChanges.forEach((change, i) => {
      lines.push(`  ${ganttText(STAGE_LABELS[change.to])} :milestone, s${i}, ${change.date}, 0d`);
    });
  }
  return `${lines.join('\n')}\n`;
}

export function renderTimelineMarkdown(timeline: Timeline, file: string, plan?: Plan): string {
  const head = timelineHeadline(timeline);
  const out: string[] = [];
  const scenario = timeline.scenario ? ` (scenario ${timeline.scenario})` : '';
  out.push(`# Hiring plan: ${mdCode(file).markdown}${mdText(scenario)}`, '');
  out.push(`**${mdText(answerParagraph(timeline, plan))}**`, '');
  for (const line of head.events) out.push(`- ${mdText(line)}`);
  for (const line of head.warnings) out.push(`- **Warning:** ${mdText(line)}`);
  out.push('', `## By quarter (next ${timeline.months} months from ${timeline.asOf})`, '');
  const byQuarter = quarterTable(timeline, true);
  out.push(mdTable(byQuarter.head, byQuarter.rows));
  out.push('', '## Hiring plan', '');
  if (timeline.hires.length === 0) out.push('No hires needed.');
  else {
    out.push(
      mdTable(
        ['Role', 'Team', 'Open req by', 'Starts', 'Ramped by', 'Why'],
        timeline.hires.map((hire) => [
          roleLabel(hire.role),
          hire.team ?? '',
          hire.delay ? `${hire.openBy} (${hire.delay})` : hire.openBy,
          hire.start,
          hire.rampedBy,
          hire.reason,
        ]),
      ),
    );
    out.push('', '```mermaid', renderTimelineGantt(timeline).trimEnd(), '```');
  }
  if (head.notes.length > 0) {
    out.push('', '## Assumptions', '');
    for (const note of head.notes) out.push(`- ${mdText(note)}`);
  }
  return safeOutput(`${out.join('\n')}\n`, { color: false });
}

export function renderComparisonMarkdown(comparison: Comparison, file: string): string {
  const out = [`# Scenarios: ${mdCode(file).markdown}`, ''];
  const rows = comparisonRows(comparison);
  out.push(mdTable(COMPARISON_HEAD, rows));
  return safeOutput(`${out.join('\n')}\n`, { color: false });
}
