/**
 * Headcount from today to the target: per role (CSMs per team), the people who stay, the people
 * moved in from another team, and the hires, stacked to the target; people moved out are named
 * beside the bar.
 */

import { plural } from '../../core/money.js';
import type { Plan } from '../../core/plan.js';
import { roleLabel, roleLabelPlural } from '../../core/roles.js';
import type { HeadcountRow } from '../../core/target/index.js';
import { headcountRows } from '../text.js';
import { type Html, html, px } from './html.js';
import { COLORS, clip, legend, svgChart } from './svg.js';
import { dataTable } from './table.js';

const WIDTH = 760;
const LABEL = 250;
const ROW = 30;

/** The rows that do not overlap: a CSM team's rows instead of its role's total. */
function leafRows(plan: Plan): HeadcountRow[] {
  const totals = plan.headcount.filter((row) => row.team === null);
  return totals.flatMap((total) => {
    const teams = plan.headcount.filter((row) => row.team !== null && row.role === total.role);
    return teams.length > 0 ? teams : [total];
  });
}

function rowName(plan: Plan, row: HeadcountRow): string {
  if (row.team !== null) return plan.teams.find((t) => t.key === row.team)?.title ?? row.team;
  return row.target === 1 && row.current <= 1 ? roleLabel(row.role) : roleLabelPlural(row.role);
}

export interface HeadcountTotals {
  today: number;
  moved: number;
  hires: number;
  target: number;
}

export function headcountTotals(plan: Plan): HeadcountTotals {
  const totals = plan.headcount.filter((row) => row.team === null);
  const sum = (pick: (row: HeadcountRow) => number) => totals.reduce((s, r) => s + pick(r), 0);
  return {
    today: sum((r) => r.current),
    // A move between teams is one person in and one out: count it once.
    moved: leafRows(plan).reduce((s, r) => s + r.redeployedIn, 0),
    hires: sum((r) => r.hire),
    target: sum((r) => r.target),
  };
}

export function headcountChart(plan: Plan): Html {
  const rows = leafRows(plan);
  if (rows.length === 0)
    return html`<p>Nobody in CS yet: the founders carry the customers, and the target org hires nobody now.</p>`;
  const max = Math.max(1, ...rows.map((r) => Math.max(r.target, r.current)));
  const plot = WIDTH - LABEL - 120;
  const unit = plot / max;
  const bars = rows.map((row, i) => {
    const y = i * ROW + 6;
    const kept = row.current - row.redeployedOut;
    const parts: [number, string][] = [
      [kept, COLORS.today],
      [row.redeployedIn, COLORS.moved],
      [row.hire, COLORS.hire],
    ];
    let at = LABEL;
    const rects = parts.map(([count, color]) => {
      const rect =
        count > 0
          ? html`<rect x="${px(at)}" y="${y}" width="${px(count * unit - 1)}" height="18" fill="${color}"/>`
          : '';
      at += count * unit;
      return rect;
    });
    const out = row.redeployedOut > 0 ? `, ${row.redeployedOut} moved out` : '';
    return html`<text x="0" y="${y + 14}" font-size="13">${clip(rowName(plan, row), 34)}</text>${rects}<text x="${px(at + 6)}" y="${y + 14}" font-size="12">${row.current} → ${row.target}${out}</text>`;
  });
  const totals = headcountTotals(plan);
  const desc = `${totals.today} people in CS today, ${totals.moved} moved between teams, ${totals.hires} to hire, ${totals.target} at target. ${rows
    .map(
      (r) =>
        `${rowName(plan, r)}: ${r.current} today, ${r.redeployedIn} moved in, ${r.redeployedOut} moved out, ${r.hire} to hire, ${r.target} at target`,
    )
    .join('; ')}.`;
  const moved =
    totals.moved > 0 ? `, ${plural(totals.moved, 'person', 'people')} moved between teams` : '';
  return html`<p>${plural(totals.today, 'person', 'people')} in CS today, ${totals.target} at target${moved}, ${plural(totals.hires, 'hire')}.</p>
<figure>
${svgChart({ id: 'headcount', title: 'Headcount, today to target', desc, width: WIDTH, height: rows.length * ROW + 10, body: html`${bars}` })}
${legend([
  { label: 'Stay', color: COLORS.today },
  { label: 'Moved in from another team', color: COLORS.moved },
  { label: 'To hire', color: COLORS.hire },
])}
<details><summary>Headcount as a table</summary>
${dataTable({
  head: ['Role / CSM team', 'Today', 'Moved in', 'Moved out', 'Hire', 'Target'],
  rows: headcountRows(plan),
  numeric: [1, 2, 3, 4, 5],
})}
</details>
</figure>`;
}
