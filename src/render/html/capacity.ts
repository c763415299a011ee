/**
 * Capacity per CSM team as bars: the work (FTE at the policy's target books), the people in the
 * team today, the target heads, over the band of the published ranges (FTE at the largest and the
 * smallest books the sources allow).
 */
import { formatFte } from '../../core/money.js';
import type { Plan } from '../../core/plan.js';
import { type Html, html, px } from './html.js';
import { COLORS, clip, legend, svgChart } from './svg.js';
import { dataTable } from './table.js';

const WIDTH = 760;
const LABEL_HEIGHT = 20;
const BAR = 12;
const GAP = 4;
const BLOCK = LABEL_HEIGHT + 3 * (BAR + GAP) + 14;

interface TeamBars {
  title: string;
  work: number;
  today: number;
  target: number;
  fewest: number;
  most: number;
}

function teamBars(plan: Plan): TeamBars[] {
  return plan.teams.map((team) => ({
    title: team.title,
    work: team.needed,
    today: team.current.length,
    target: team.target,
    fewest: team.range.fewest,
    most: team.range.most,
  }));
}

export function capacityChart(plan: Plan): Html {
  const teams = teamBars(plan);
  if (teams.length === 0)
    return html`<p>No CSM team yet: the founders carry the customers, and the target org needs no CSM today.</p>`;
  const max = Math.max(1, ...teams.flatMap((t) => [t.work, t.today, t.target, t.most])) * 1.12;
  const plot = WIDTH - 60;
  const x = (value: number) => (value / max) * plot;
  const rows = teams.map((team, i) => {
    const top = i * BLOCK;
    const barY = (k: number) => top + LABEL_HEIGHT + k * (BAR + GAP);
    const bars: [string, number, string][] = [
      ['work', team.work, COLORS.work],
      ['today', team.today, COLORS.today],
      ['target', team.target, COLORS.target],
    ];
    const bandHeight = 3 * (BAR + GAP) - GAP + 6;
    return html`<g>
<text x="0" y="${px(top + 14)}" font-size="14" font-weight="600">${clip(team.title, 80)}</text>
<rect x="${px(x(team.fewest))}" y="${px(barY(0) - 3)}" width="${px(Math.max(2, x(team.most) - x(team.fewest)))}" height="${px(bandHeight)}" fill="${COLORS.band}" stroke="${COLORS.line}"/>
${bars.map(
  ([name, value, color], k) =>
    html`<rect x="0" y="${px(barY(k))}" width="${px(Math.max(1, x(value)))}" height="${BAR}" fill="${color}"/><text x="${px(x(value) + 6)}" y="${px(barY(k) + BAR - 2)}" font-size="12">${formatFte(value)} ${name}</text>`,
)}
</g>`;
  });
  const desc = teams
    .map(
      (t) =>
        `${t.title}: ${formatFte(t.work)} FTE of work, ${t.today} people today, target ${t.target}, published range ${formatFte(t.fewest)} to ${formatFte(t.most)} FTE`,
    )
    .join('; ');
  return html`<figure>
${svgChart({ id: 'capacity', title: 'Capacity per CSM team', desc: `${desc}.`, width: WIDTH, height: teams.length * BLOCK, body: html`${rows}` })}
${legend([
  { label: 'Work (FTE at target books)', color: COLORS.work },
  { label: 'People today', color: COLORS.today },
  { label: 'Target heads', color: COLORS.target },
  { label: 'Published range (FTE)', color: COLORS.band, style: `border:1px solid ${COLORS.line}` },
])}
<details><summary>Capacity as a table</summary>
${dataTable({
  head: ['Team', 'Work (FTE)', 'People today', 'Target', 'Published range (FTE)'],
  rows: teams.map((t) => [
    t.title,
    formatFte(t.work),
    t.today,
    t.target,
    `${formatFte(t.fewest)}-${formatFte(t.most)}`,
  ]),
  numeric: [1, 2, 3, 4],
})}
</details>
</figure>`;
}
