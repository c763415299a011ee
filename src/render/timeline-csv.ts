/**
 * `csplan timeline --format csv`: one row a month for a finance sheet (RFC 4180 quoting, plain
 * numbers with no currency signs or thousands separators, so any spreadsheet reads them).
 */
import { addMonths } from '../core/timeline/calendar.js';
import { type Comparison, quarters, type Timeline } from '../core/timeline/index.js';

const COLUMNS = [
  'month',
  'date',
  'stage',
  'customers',
  'arr',
  'csms_in_seat',
  'headcount',
  'csm_fte_needed',
  'csm_capacity',
  'peak_load',
  'reqs_opened',
  'hires_starting',
  'roles_starting',
  'expected_leavers',
  'cost',
] as const;

function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const two = (value: number) => (Math.round(value * 100) / 100).toFixed(2);

export function renderTimelineCsv(timeline: Timeline): string {
  const lines = [COLUMNS.join(',')];
  timeline.rows.forEach((row, i) => {
    const next = addMonths(timeline.asOf, i + 1);
    const inMonth = (date: string) => date >= row.date && date < next;
    const starting = timeline.hires.filter((h) => inMonth(h.start));
    lines.push(
      [
        row.month,
        row.date,
        row.stage,
        two(row.customers),
        Math.round(row.arr),
        row.csmsInSeat,
        row.headcount,
        two(row.csmFteNeeded),
        two(row.csmCapacity),
        row.peakLoad === null ? null : two(row.peakLoad),
        timeline.hires.filter((h) => inMonth(h.openBy)).length,
        starting.length,
        starting.map((h) => h.role).join(' '),
        two(row.expectedLeavers),
        row.cost,
      ]
        .map(cell)
        .join(','),
    );
  });
  return `${lines.join('\n')}\n`;
}

/** `--compare --format csv`: one row per quarter and scenario. */
export function renderComparisonCsv(comparison: Comparison): string {
  const lines = ['quarter,from,until,scenario,reqs_opened,hires_starting,headcount,cost,peak_load'];
  comparison.quarters.forEach((quarter, i) => {
    const dates = quarters(comparison.timelines[0] as Timeline)[i];
    for (const s of quarter.scenarios) {
      lines.push(
        [
          quarter.label,
          dates?.from ?? '',
          dates?.until ?? '',
          s.name,
          s.reqsOpened,
          s.hiresStarting,
          s.headcount,
          s.cost,
          s.peakLoad === null ? null : two(s.peakLoad),
        ]
          .map(cell)
          .join(','),
      );
    }
  });
  return `${lines.join('\n')}\n`;
}
