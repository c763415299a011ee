/** The `csplan recommend` report as Markdown, for a wiki page or a pull request. */

import { rangeText } from '../core/gaps.js';
import type { Diagnostic } from '../core/model.js';
import { formatCount, formatFte, formatMoney, formatPct } from '../core/money.js';
import { segmentTitle } from '../core/orgchart.js';
import type { Plan } from '../core/plan.js';
import { roleLabel } from '../core/roles.js';
import { STAGE_LABELS } from '../core/stage.js';
import { STRUCTURE_LABELS } from '../core/structure.js';
import { chartTreeLines, plainChartLabel } from './chart.js';
import { renderChartMermaid } from './mermaid.js';
import {
  bookStatus,
  gapTeam,
  headcountRows,
  projectionLines,
  redeploymentLines,
  teamSummary,
  utilisationText,
} from './text.js';

/** Escapes the characters that would break a table cell or start formatting. */
export function mdCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function mdTable(head: string[], rows: string[][], right: number[] = []): string {
  const line = (cells: string[]) => `| ${cells.map(mdCell).join(' | ')} |`;
  const rule = `|${head.map((_, i) => (right.includes(i) ? ' ---: ' : ' --- ')).join('|')}|`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}

export function renderPlanMarkdown(
  plan: Plan,
  findings: readonly Diagnostic[],
  file: string,
): string {
  const out: string[] = [];
  out.push(
    `# ${plan.company.name}: Customer Success plan`,
    '',
    `_As of ${plan.company.asOf}._`,
    '',
  );

  out.push(`## Stage: ${STAGE_LABELS[plan.stage.id]}`, '');
  out.push(
    `- By customers: **${STAGE_LABELS[plan.stage.byCustomers]}** (${formatCount(plan.stage.customers)} customers)`,
  );
  out.push(`- By ARR: **${STAGE_LABELS[plan.stage.byArr]}** (${formatMoney(plan.stage.arr)})`);
  out.push('', `${plan.stage.reason}.`);
  if (plan.stage.disagreement) out.push('', `> **Signals disagree.** ${plan.stage.disagreement}`);
  out.push('', `Team today: ${teamSummary(plan)}.`);

  out.push('', '## Segments and CSM capacity', '');
  const rows = plan.capacity.segments
    .filter((s) => s.accounts > 0 || s.csmFteAvailable > 0)
    .map((s) => [
      segmentTitle(s.id),
      s.coverage,
      formatCount(s.accounts),
      formatMoney(s.arr),
      formatPct(s.arrShare),
      `${formatFte(s.csmFteNeeded)}${s.csmFteNeeded > 0 ? ` (${s.binding === 'arr' ? 'ARR' : 'accts'})` : ''}`,
      formatFte(s.csmFteAvailable) +
        (s.csmFtePlanned > 0 ? ` +${formatFte(s.csmFtePlanned)} planned` : ''),
      utilisationText(s),
    ]);
  out.push(
    mdTable(
      ['Segment', 'Coverage', 'Accounts', 'ARR', 'Share', 'FTE needed', 'FTE today', 'Load'],
      rows,
      [2, 3, 4, 5, 6, 7],
    ),
  );
  out.push(
    '',
    'FTE needed is the larger of weighted accounts / target accounts per CSM (seed 000) and ARR / target ARR per CSM (seed 004); FTE today counts new CSMs by the ramp schedule (seed 000).',
  );

  if (plan.books.length > 0) {
    out.push('', '## Books', '');
    out.push(
      mdTable(
        ['CSM', 'Mostly', 'Accounts', 'ARR', 'Load', 'Red/yellow', 'Status'],
        plan.books.map((b) => [
          b.id,
          b.segment ? segmentTitle(b.segment) : '-',
          formatCount(b.accounts),
          formatMoney(b.arr),
          formatPct(b.load),
          b.atRisk === null ? '-' : formatPct(b.atRisk),
          bookStatus(b),
        ]),
        [2, 3, 4, 5],
      ),
    );
  }

  out.push('', `## Structure: ${STRUCTURE_LABELS[plan.structure.model]}`, '');
  for (const reason of plan.structure.reasons) out.push(`- ${reason}`);
  for (const alt of plan.structure.alternatives)
    out.push(`- _Considered ${STRUCTURE_LABELS[alt.model]}: ${alt.why}._`);

  out.push(
    '',
    '## Recommended org chart',
    '',
    '```mermaid',
    renderChartMermaid(plan).trimEnd(),
    '```',
    '',
    '<details><summary>As text</summary>',
    '',
    '```',
    ...chartTreeLines(plan.chart.root, plainChartLabel),
    '```',
    '',
    '</details>',
    '',
  );
  const line = plan.chart.leaderReportsTo;
  out.push(
    line.fits ? `Reporting line: ${line.why}.` : `> **Reporting line does not fit.** ${line.why}.`,
  );

  if (plan.redeployments.length > 0) {
    out.push('', '## Moves before hiring', '');
    for (const move of redeploymentLines(plan)) out.push(`- ${move}`);
  }

  out.push('', '## Headcount (today -> target)', '');
  out.push(
    mdTable(
      ['Role / CSM team', 'Today', 'Moved in', 'Moved out', 'Hire', 'Target'],
      headcountRows(plan).map(([name, ...rest]) => [(name ?? '').replace(/^ {2}/, '- '), ...rest]),
      [1, 2, 3, 4, 5],
    ),
  );

  out.push('', '## Hiring gaps', '');
  if (plan.gaps.length === 0) out.push('None: the team in the file covers the target org.');
  else {
    const withCost = plan.gaps.some((g) => g.cost !== undefined);
    out.push(
      mdTable(
        ['When', 'Hire', 'Team', ...(withCost ? ['Cost'] : []), 'Why'],
        plan.gaps.map((g) => [
          g.priority,
          `${g.count} x ${roleLabel(g.role)}`,
          gapTeam(plan, g),
          ...(withCost ? [g.cost === undefined ? '-' : `${formatMoney(g.cost)}/yr`] : []),
          g.fte ? `${g.reason}. ${rangeText(g.fte)}` : g.reason,
        ]),
      ),
    );
  }
  if (plan.later.length > 0) {
    out.push('', '**Later, when the trigger is reached:**', '');
    for (const later of plan.later)
      out.push(`- ${later.count} x ${roleLabel(later.role)}: ${later.why}`);
  }

  if (plan.projection) {
    out.push('', '## In 12 months', '', ...projectionLines(plan).map((line) => `- ${line}`));
  }

  out.push('', '## Findings', '');
  if (findings.length === 0) out.push('No problems found in the current org.');
  else out.push(findingsTable(findings, file));
  return `${out.join('\n')}\n`;
}

export function findingsTable(findings: readonly Diagnostic[], file: string): string {
  return mdTable(
    ['Severity', 'Rule', 'Where', 'Message'],
    findings.map((d) => [
      d.severity,
      `\`${d.rule}\``,
      d.line === undefined ? (d.file ?? file) : `${d.file ?? file}:${d.line}:${d.column ?? 1}`,
      d.message,
    ]),
  );
}
