/** The `csplan recommend` report as Markdown, for a wiki page or a pull request. */

import { gapWhen, rangeText } from '../core/gaps.js';
import type { Diagnostic } from '../core/model.js';
import { formatCount, formatFte, formatMoney, formatPct } from '../core/money.js';
import { segmentTitle } from '../core/orgchart.js';
import type { Plan } from '../core/plan.js';
import { roleLabel } from '../core/roles.js';
import { cite } from '../core/sources.js';
import { STAGE_LABELS } from '../core/stage.js';
import { STRUCTURE_LABELS } from '../core/structure.js';
import type { Timeline } from '../core/timeline/index.js';
import { answerParagraph } from './answer.js';
import { chartTreeLines, plainChartLabel } from './chart.js';
import { mdCode, mdTable, mdText } from './md-text.js';
import { renderChartMermaid } from './mermaid.js';
import { safeOutput } from './safe-text.js';
import {
  bookStatus,
  gapTeam,
  headcountHeader,
  headcountRows,
  projectionLines,
  redeploymentLines,
  TEAM_LOAD_NOTE,
  teamSummary,
  utilisationText,
} from './text.js';

export function renderPlanMarkdown(
  plan: Plan,
  findings: readonly Diagnostic[],
  file: string,
  timeline?: Timeline,
): string {
  const out: string[] = [];
  out.push(
    `# ${mdText(plan.company.name)}: Customer Success plan`,
    '',
    `_As of ${plan.company.asOf}._`,
    '',
  );
  if (timeline) out.push(`**${mdText(answerParagraph(timeline, plan))}**`, '');

  out.push(`## Stage: ${STAGE_LABELS[plan.stage.id]}`, '');
  out.push(
    `- By customers: **${STAGE_LABELS[plan.stage.byCustomers]}** (${formatCount(plan.stage.customers)} customers)`,
  );
  out.push(`- By ARR: **${STAGE_LABELS[plan.stage.byArr]}** (${formatMoney(plan.stage.arr)})`);
  out.push('', `${mdText(plan.stage.reason)}.`);
  if (plan.stage.disagreement)
    out.push('', `> **Signals disagree.** ${mdText(plan.stage.disagreement)}`);
  out.push('', `Team today: ${mdText(teamSummary(plan))}.`);

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
    `FTE needed is the larger of weighted accounts / target accounts per CSM ${cite('org-design-guide')} and ARR / target ARR per CSM ${cite('cs-ops-architect')}; FTE today counts new CSMs by the ramp schedule ${cite('org-design-guide')}.`,
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
  for (const reason of plan.structure.reasons) out.push(`- ${mdText(reason)}`);
  for (const alt of plan.structure.alternatives)
    out.push(`- _Considered ${STRUCTURE_LABELS[alt.model]}: ${mdText(alt.why)}._`);

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
    line.fits
      ? `Reporting line: ${mdText(line.why)}.`
      : `> **Reporting line does not fit.** ${mdText(line.why)}.`,
  );

  if (plan.redeployments.length > 0 || plan.target.roleMoves.length > 0) {
    out.push('', '## Moves before hiring', '');
    for (const move of redeploymentLines(plan)) out.push(`- ${mdText(move)}`);
    if (plan.redeployments.length > 0) out.push('', `_${TEAM_LOAD_NOTE}_`);
  }

  out.push('', '## Headcount (today -> target)', '');
  out.push(
    mdTable(
      headcountHeader(plan),
      headcountRows(plan).map(([name, ...rest]) => [(name ?? '').replace(/^ {2}/, '- '), ...rest]),
      headcountHeader(plan)
        .map((_, i) => i)
        .slice(1),
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
          gapWhen(g, plan.teams, timeline),
          `${g.count} x ${g.title}`,
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
      out.push(`- ${later.count} x ${roleLabel(later.role)}: ${mdText(later.why)}`);
  }

  if (plan.projection) {
    out.push(
      '',
      '## In 12 months',
      '',
      ...projectionLines(plan).map((line) => `- ${mdText(line)}`),
    );
  }

  out.push('', '## Findings', '');
  if (findings.length === 0) out.push('No problems found in the current org.');
  else out.push(findingsTable(findings, file));
  return safeOutput(`${out.join('\n')}\n`, { color: false });
}

export function findingsTable(findings: readonly Diagnostic[], file: string): string {
  return mdTable(
    ['Severity', 'Rule', 'Where', 'Message'],
    findings.map((d) => [
      d.severity,
      mdCode(d.rule),
      d.line === undefined ? (d.file ?? file) : `${d.file ?? file}:${d.line}:${d.column ?? 1}`,
      d.message,
    ]),
  );
}
