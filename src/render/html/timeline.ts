/** `csplan timeline --format html`: the hiring plan as a page, answer first, then the Gantt chart. */
import { formatMoney, plural } from '../../core/money.js';
import type { Plan } from '../../core/plan.js';
import { STAGE_LABELS } from '../../core/stage.js';
import type { Timeline } from '../../core/timeline/index.js';
import { answerParts } from '../answer.js';
import { quarterTable, timelineHeadline } from '../timeline-lines.js';
import { costChart, ganttChart } from './gantt.js';
import { html, prose } from './html.js';
import { htmlPage } from './page.js';
import { timelineCost } from './plan.js';
import { answerSection, type Fact, header, section, sourcesSection } from './sections.js';
import { dataTable } from './table.js';

export interface TimelineHtmlInput {
  timeline: Timeline;
  /** The plan of the same file: its moves and blocking finding join the answer. */
  plan?: Plan;
  file: string;
}

export function renderTimelineHtml({ timeline, plan, file }: TimelineHtmlInput): string {
  const head = timelineHeadline(timeline);
  const cost = timelineCost(timeline);
  const end = timeline.rows[timeline.rows.length - 1];
  const facts: Fact[] = [
    { value: String(timeline.hires.length), label: `reqs in ${plural(timeline.months, 'month')}` },
    ...(cost === null ? [] : [{ value: formatMoney(cost), label: 'CS cost over the period' }]),
    ...(end ? [{ value: STAGE_LABELS[end.stage], label: `stage by ${end.date.slice(0, 7)}` }] : []),
    ...(end ? [{ value: String(end.headcountAtEnd), label: 'people in CS at the end' }] : []),
  ];
  const scenario = timeline.scenario ? `, scenario ${timeline.scenario}` : '';
  const growth = timeline.growthFactor !== 1 ? `, growth ×${timeline.growthFactor}` : '';
  const quarters = quarterTable(timeline, true);
  const events = [...head.events, ...head.warnings.map((w) => `Warning: ${w}`)];
  const body = html`${header(`Hiring plan: ${plan?.company.name ?? file}`, `The next ${timeline.months} months from ${timeline.asOf}${scenario}${growth} · ${file}`)}
${answerSection(answerParts(timeline, plan), facts)}
${events.length > 0 ? section('events', 'Stage changes and warnings', html`<ul>${events.map((e) => html`<li>${prose(e)}</li>`)}</ul>`) : ''}
${section('timeline', 'Hiring timeline', ganttChart(timeline), true)}
${timeline.priced ? section('cost', 'Cost per quarter', costChart(timeline)) : ''}
${section('quarters', 'By quarter', dataTable({ head: quarters.head, rows: quarters.rows, numeric: quarters.head.map((_, i) => i).filter((i) => i > 0 && i !== 3) }), true)}
${section('assumptions', 'Assumptions', html`<ul>${head.notes.map((n) => html`<li>${prose(n)}</li>`)}</ul>`)}`;
  return htmlPage({
    title: `Hiring plan: ${plan?.company.name ?? file}`,
    body: html`${body}${sourcesSection(body)}`,
  });
}
