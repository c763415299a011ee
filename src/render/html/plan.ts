/**
 * `csplan recommend --format html`: the plan as one self-contained page a CS leader can show,
 * answer first, then capacity, the org chart, headcount, the hiring timeline, gaps and findings.
 */
import { gapWhen, rangeText } from '../../core/gaps.js';
import type { Diagnostic, TeamMember } from '../../core/model.js';
import { formatCount, formatMoney, plural } from '../../core/money.js';
import type { Plan } from '../../core/plan.js';
import { roleLabel } from '../../core/roles.js';
import { STAGE_LABELS } from '../../core/stage.js';
import { STRUCTURE_LABELS } from '../../core/structure.js';
import type { Timeline } from '../../core/timeline/index.js';
import { answerParts } from '../answer.js';
import { gapTeam, redeploymentLines, TEAM_LOAD_NOTE, teamSummary } from '../text.js';
import { capacityChart } from './capacity.js';
import { costChart, ganttChart } from './gantt.js';
import { headcountChart, headcountTotals } from './headcount.js';
import { html, prose } from './html.js';
import { orgChartTree } from './orgchart.js';
import { htmlPage } from './page.js';
import {
  answerSection,
  type Fact,
  findingsSection,
  header,
  section,
  sourcesSection,
} from './sections.js';
import { dataTable } from './table.js';

export interface PlanHtmlInput {
  plan: Plan;
  /** The file's 12-month timeline: the answer's dates and the Gantt chart. */
  timeline: Timeline;
  findings: readonly Diagnostic[];
  file: string;
  /** The file's team, for people's names in the org chart. */
  people: readonly TeamMember[];
}

/** Total CS cost over the timeline's months, when the policy prices the roles. */
export function timelineCost(timeline: Timeline): number | null {
  return timeline.priced ? timeline.rows.reduce((sum, row) => sum + (row.cost ?? 0), 0) : null;
}

function facts(plan: Plan, timeline: Timeline): Fact[] {
  const totals = headcountTotals(plan);
  const cost = timelineCost(timeline);
  return [
    { value: STAGE_LABELS[plan.stage.id], label: 'stage' },
    { value: formatCount(plan.stage.customers), label: 'customers' },
    { value: formatMoney(plan.stage.arr), label: 'ARR' },
    { value: `${totals.today} → ${totals.target}`, label: 'people in CS, today → target' },
    { value: String(timeline.hires.length), label: `reqs in ${plural(timeline.months, 'month')}` },
    ...(cost === null
      ? []
      : [{ value: formatMoney(cost), label: `CS cost over ${timeline.months} months` }]),
  ];
}

function gapsTable(plan: Plan, timeline: Timeline) {
  if (plan.gaps.length === 0) return html`<p>None: the team in the file covers the target org.</p>`;
  const withCost = plan.gaps.some((g) => g.cost !== undefined);
  return dataTable({
    head: ['When', 'Hire', 'Team', ...(withCost ? ['Cost'] : []), 'Why'],
    rows: plan.gaps.map((g) => {
      const when = gapWhen(g, plan.teams, timeline);
      return [
        when === 'late' || when === 'now' ? html`<span class="late">${when}</span>` : when,
        `${g.count} × ${roleLabel(g.role)}`,
        gapTeam(plan, g),
        ...(withCost ? [g.cost === undefined ? '-' : `${formatMoney(g.cost)}/yr`] : []),
        prose(g.fte ? `${g.reason}. ${rangeText(g.fte)}` : g.reason),
      ];
    }),
    prose: withCost ? 4 : 3,
  });
}

export function renderPlanHtml({ plan, timeline, findings, file, people }: PlanHtmlInput): string {
  const title = `${plan.company.name}: Customer Success plan`;
  const line = plan.chart.leaderReportsTo;
  const moves = redeploymentLines(plan);
  const body = html`${header(title, `As of ${plan.company.asOf} · ${file} · ${teamSummary(plan)}`)}
${answerSection(answerParts(timeline, plan), facts(plan, timeline))}
${section(
  'capacity',
  'Capacity per team',
  html`<p>${STAGE_LABELS[plan.stage.id]} stage: ${plan.stage.reason}. Structure: ${STRUCTURE_LABELS[plan.structure.model]}.</p>${capacityChart(plan)}<p class="meta">Work is the FTE the team's accounts need at the middle of the published ranges; the band runs from the largest books the sources allow to the smallest.</p>`,
)}
${section(
  'orgchart',
  'Recommended org chart',
  html`${orgChartTree(plan, people)}<p class="${line.fits ? 'meta' : 'late'}">Reporting line${line.fits ? '' : ' does not fit'}: ${line.why}.</p>`,
  true,
)}
${section(
  'headcount',
  'Headcount: today to target',
  html`${headcountChart(plan)}${moves.length > 0 ? html`<h3>Moves before hiring</h3><ul>${moves.map((m) => html`<li>${prose(m)}</li>`)}</ul><p class="meta">${TEAM_LOAD_NOTE}</p>` : ''}`,
)}
${section('timeline', 'Hiring timeline', html`${ganttChart(timeline)}${costChart(timeline)}`, true)}
${section(
  'gaps',
  'Hiring gaps',
  html`${gapsTable(plan, timeline)}${plan.later.length > 0 ? html`<h3>Later, when the trigger is reached</h3><ul>${plan.later.map((l) => html`<li>${l.count} × ${roleLabel(l.role)}: ${prose(l.why)}</li>`)}</ul>` : ''}`,
  true,
)}
${findingsSection(findings, file)}`;
  return htmlPage({ title, body: html`${body}${sourcesSection(body)}` });
}
