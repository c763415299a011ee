/**
 * The hiring timeline as a Gantt chart: one row per req, from the date it opens to the first day
 * (the hiring lead time) and on to the date the hire is fully ramped; a late req in red; stage
 * changes as dated lines. Cost per quarter below, as bars, when the policy prices the roles.
 */
import { formatMoney } from '../../core/money.js';
import { roleLabel } from '../../core/roles.js';
import { STAGE_LABELS } from '../../core/stage.js';
import { type Hire, monthName, quarters, type Timeline } from '../../core/timeline/index.js';
import { type Html, html, px } from './html.js';
import { COLORS, clip, legend, svgChart } from './svg.js';
import { dataTable } from './table.js';

const WIDTH = 760;
const LABEL = 200;
const ROW = 26;
const TOP = 40;
const DAY_MS = 86_400_000;

/** Days since 1970 of a YYYY-MM-DD date: arithmetic on dates, no clock and no time zone. */
function day(date: string): number {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** First days of the months from `from` to `until`, both included. */
function monthStarts(from: string, until: string): string[] {
  const out: string[] = [];
  let [y = 1970, m = 1] = from.split('-').map(Number);
  for (;;) {
    const date = `${y}-${String(m).padStart(2, '0')}-01`;
    if (date > until) return out;
    out.push(date);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

export function hireLabel(hire: Hire): string {
  return `${roleLabel(hire.role)} ${hire.id.replace(/^.*-/, '')}${hire.team ? `, ${hire.team}` : ''}`;
}

function openCell(hire: Hire): string {
  return hire.delay ? `${hire.openBy} (${hire.delay})` : hire.openBy;
}

export function ganttChart(timeline: Timeline): Html {
  const { hires } = timeline;
  if (hires.length === 0) return html`<p>No req to open in the next ${timeline.months} months.</p>`;
  const end = timeline.rows[timeline.rows.length - 1]?.date ?? timeline.asOf;
  const last = hires.reduce((latest, h) => (h.rampedBy > latest ? h.rampedBy : latest), end);
  const first = hires.reduce(
    (earliest, h) => (h.openBy < earliest ? h.openBy : earliest),
    timeline.asOf,
  );
  const from = day(first);
  const span = Math.max(30, day(last) - from + 15);
  const plot = WIDTH - LABEL - 10;
  const x = (date: string) => LABEL + ((day(date) - from) / span) * plot;
  const height = TOP + hires.length * ROW + 10;
  const months = monthStarts(first, last);
  const every = months.length > 14 ? 3 : months.length > 8 ? 2 : 1;
  const ticks = months.map((date, i) => {
    const at = px(x(date));
    const label =
      i % every === 0
        ? html`<text x="${at}" y="${TOP - 8}" font-size="11" fill="${COLORS.muted}">${monthName(date).replace(' 20', " '")}</text>`
        : '';
    return html`<line x1="${at}" x2="${at}" y1="${TOP - 4}" y2="${height}" stroke="#eef1f5"/>${label}`;
  });
  const rows = hires.map((hire, i) => {
    const y = TOP + i * ROW;
    const late = hire.delay === 'late';
    const color = late ? COLORS.late : COLORS.hire;
    return html`<g>
<text x="0" y="${y + 16}" font-size="12">${clip(hireLabel(hire), 30)}</text>
<rect x="${px(x(hire.openBy))}" y="${y + 5}" width="${px(Math.max(2, x(hire.start) - x(hire.openBy)))}" height="14" fill="#ffffff" stroke="${color}" stroke-width="2" stroke-dasharray="4 2"/>
<rect x="${px(x(hire.start))}" y="${y + 5}" width="${px(Math.max(2, x(hire.rampedBy) - x(hire.start)))}" height="14" fill="${color}"/>
${late ? html`<text x="${px(x(hire.openBy) + 3)}" y="${y + 16}" font-size="10" font-weight="700" fill="${COLORS.late}">late</text>` : ''}
</g>`;
  });
  const today = px(x(timeline.asOf));
  const stages = timeline.stageChanges.map((change) => {
    const at = px(x(change.date));
    return html`<line x1="${at}" x2="${at}" y1="${TOP - 4}" y2="${height}" stroke="${COLORS.work}" stroke-width="2" stroke-dasharray="6 3"/><text x="${px(x(change.date) + 4)}" y="${TOP + 2 + hires.length * ROW}" font-size="11" fill="${COLORS.work}">${STAGE_LABELS[change.to]}</text>`;
  });
  const desc = `${hires.length} reqs from ${timeline.asOf}. ${hires
    .map(
      (h) =>
        `${hireLabel(h)}: open the req by ${h.openBy}${h.delay === 'late' ? ' (late)' : ''}, starts ${h.start}, fully ramped by ${h.rampedBy}`,
    )
    .join(
      '; ',
    )}.${timeline.stageChanges.map((c) => ` ${STAGE_LABELS[c.to]} stage from ${monthName(c.date)}.`).join('')}`;
  return html`<figure>
${svgChart({
  id: 'gantt',
  title: 'Hiring timeline: each req from open to fully ramped',
  desc,
  width: WIDTH,
  height,
  body: html`${ticks}<line x1="${today}" x2="${today}" y1="${TOP - 4}" y2="${height}" stroke="${COLORS.muted}" stroke-width="1.5"/><text x="${px(x(timeline.asOf) + 3)}" y="${TOP - 22}" font-size="11" fill="${COLORS.muted}">today</text>${rows}${stages}`,
})}
${legend([
  {
    label: 'Req open: hiring lead time',
    color: '#ffffff',
    style: `border:2px dashed ${COLORS.hire}`,
  },
  { label: 'In seat, ramping to a full book', color: COLORS.hire },
  { label: 'Late: should already be open', color: COLORS.late },
  { label: 'Stage change', color: COLORS.work },
])}
</figure>
${dataTable({
  head: ['Req', 'Open req by', 'Starts', 'Ramped by', 'Why'],
  rows: hires.map((h) => [
    hireLabel(h),
    h.delay === 'late' ? html`<span class="late">${openCell(h)}</span>` : openCell(h),
    h.start,
    h.rampedBy,
    h.reason,
  ]),
  prose: 4,
  dates: [1, 2, 3],
})}`;
}

/** Cost of CS per quarter, as bars with the amount on each; nothing when the roles are unpriced. */
export function costChart(timeline: Timeline): Html {
  if (!timeline.priced) return html``;
  const qs = quarters(timeline);
  const max = Math.max(1, ...qs.map((q) => q.cost ?? 0));
  const column = (WIDTH - 20) / Math.max(1, qs.length);
  const plot = 150;
  const bars = qs.map((q, i) => {
    const h = ((q.cost ?? 0) / max) * plot;
    const left = 10 + i * column;
    return html`<rect x="${px(left + column * 0.2)}" y="${px(20 + plot - h)}" width="${px(column * 0.6)}" height="${px(Math.max(1, h))}" fill="${COLORS.work}"/><text x="${px(left + column / 2)}" y="${px(14 + plot - h)}" font-size="12" text-anchor="middle">${q.cost === null ? '-' : formatMoney(q.cost)}</text><text x="${px(left + column / 2)}" y="${20 + plot + 16}" font-size="12" text-anchor="middle">${q.label}</text><text x="${px(left + column / 2)}" y="${20 + plot + 30}" font-size="10" text-anchor="middle" fill="${COLORS.muted}">${q.span}</text>`;
  });
  const desc = `CS cost per quarter: ${qs.map((q) => `${q.label} ${q.span} ${q.cost === null ? 'not priced' : formatMoney(q.cost)}`).join('; ')}.`;
  return html`<figure>${svgChart({ id: 'cost', title: 'Cost of CS per quarter', desc, width: WIDTH, height: plot + 60, body: html`${bars}` })}<figcaption>Salaries from policy.salaries, prorated by days in seat.</figcaption></figure>`;
}
