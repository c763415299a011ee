/**
 * `csplan timeline --format markdown`: the answer, tables by quarter and by hire, and a Mermaid
 * Gantt chart of reqs, ramps and stage changes that GitHub and most wikis draw.
 */

import { formatCount, formatMoney, formatPct } from '../core/money.js';
import { roleLabel } from '../core/roles.js';
import { STAGE_LABELS } from '../core/stage.js';
import { type Comparison, type Quarter, quarters, type Timeline } from '../core/timeline/index.js';
import { safeOutput } from './safe-text.js';
import { COMPARISON_HEAD, comparisonRows, timelineHeadline } from './timeline-lines.js';

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [line(head), `|${head.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}

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

export function renderTimelineMarkdown(timeline: Timeline, file: string): string {
  const head = timelineHeadline(timeline);
  const out: string[] = [];
  const scenario = timeline.scenario ? ` (scenario ${timeline.scenario})` : '';
  out.push(`# Hiring plan: ${file}${scenario}`, '');
  out.push(`**${head.answer[0] ?? ''}**`, '');
  for (const line of [...head.answer.slice(1), ...head.events]) out.push(`- ${line}`);
  for (const line of head.warnings) out.push(`- **Warning:** ${line}`);
  out.push('', `## By quarter (next ${timeline.months} months from ${timeline.asOf})`, '');
  const qs = quarters(timeline);
  const qHead = [
    'Quarter',
    'Customers',
    'ARR',
    'Stage',
    'Reqs',
    'Starts',
    'CSMs',
    'People',
    'Peak load',
  ];
  if (timeline.priced)
    qHead.push('Cost', 'Cost/ARR', 'ARR/CSM', 'ARR managed/CSM', 'Renewals covered');
  out.push(
    table(
      qHead,
      qs.map((q) => {
        const cells = [
          `${q.label} ${q.span}`,
          formatCount(q.customers),
          formatMoney(q.arr),
          STAGE_LABELS[q.stage],
          String(q.reqsOpened),
          String(q.hiresStarting),
          String(q.csms),
          String(q.headcount),
          peakCell(q),
        ];
        if (timeline.priced) {
          cells.push(
            q.cost === null ? '-' : formatMoney(q.cost),
            q.costShareOfArr === null ? '-' : formatPct(q.costShareOfArr),
            q.arrPerCsm === null ? '-' : formatMoney(q.arrPerCsm),
            q.arrUnderManagementPerCsm === null ? '-' : formatMoney(q.arrUnderManagementPerCsm),
            `${formatPct(q.renewalsCovered)} of ${formatMoney(q.renewalsDue)}`,
          );
        }
        return cells;
      }),
    ),
  );
  out.push('', '## Hiring plan', '');
  if (timeline.hires.length === 0) out.push('No hires needed.');
  else {
    out.push(
      table(
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
    for (const note of head.notes) out.push(`- ${note}`);
  }
  return safeOutput(`${out.join('\n')}\n`, { color: false });
}

export function renderComparisonMarkdown(comparison: Comparison, file: string): string {
  const out = [`# Scenarios: ${file}`, ''];
  const rows = comparisonRows(comparison);
  out.push(table(COMPARISON_HEAD, rows));
  return safeOutput(`${out.join('\n')}\n`, { color: false });
}

/** "unstaffed" when a team had work and nobody ramped in some month of the quarter. */
function peakCell(q: Quarter): string {
  if (q.unstaffed) return q.peakLoad === null ? 'unstaffed' : `${formatPct(q.peakLoad)}, unstaffed`;
  return q.peakLoad === null ? '-' : formatPct(q.peakLoad);
}
