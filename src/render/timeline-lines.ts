/**
 * The sentences that open every timeline report (text and markdown): the answer first (which
 * req to open by when), then stage changes, loads above the ceiling, and what the figures assume.
 */
import { formatCount, formatMoney, formatMoneyApart, formatPct, plural } from '../core/money.js';
import { DEFAULT_POLICY } from '../core/policy.js';
import { BOOK_ROLES, roleCount, roleLabel, roleLabelPlural } from '../core/roles.js';
import { cite } from '../core/sources.js';
import { STAGE_LABELS } from '../core/stage.js';
import {
  type Comparison,
  type Hire,
  hiresByRole,
  monthName,
  type Quarter,
  quarters,
  type Timeline,
} from '../core/timeline/index.js';

export interface Headline {
  /** The answer: the first req and when. */
  answer: string[];
  /** Stage changes and loads above the ceiling. */
  events: string[];
  warnings: string[];
  /** What the figures assume and how to add what is missing. */
  notes: string[];
}

export function timelineHeadline(timeline: Timeline): Headline {
  const { hires } = timeline;
  const answer: string[] = [];
  const first = hires[0];
  if (!first) answer.push(noReqSentence(timeline));
  else {
    answer.push(reqSentence(first, timeline));
    answer.push(hiresSentence(timeline));
  }
  const events = timeline.stageChanges.map(
    (change) =>
      `${STAGE_LABELS[change.to]} by about ${monthName(change.date)}: ${change.reason.replace(/:.*$/, '')} ${cite('org-design-guide', 'team-structure-guide')}.`,
  );
  const warnings = timeline.overCeiling.map((run) => {
    const span =
      run.from === run.to
        ? monthName(`${run.from}-01`)
        : `${monthName(`${run.from}-01`)} to ${monthName(`${run.to}-01`)}`;
    const load =
      run.peakLoad === null
        ? 'work and nobody ramped to carry it'
        : `up to ${formatPct(run.peakLoad)} of target books`;
    const why =
      run.cause === 'freeze'
        ? `the hiring freeze until ${timeline.freezeUntil} holds the reqs that would cover it`
        : run.cause === 'late'
          ? 'the req is already late: open it now'
          : "its people, or the plan's hires, are still ramping or have not started yet";
    return `${run.team} over target ${span} (${load}): ${why}.`;
  });
  const notes: string[] = [];
  if (!timeline.priced) {
    notes.push(
      'Headcount only: add yearly costs per role under policy.salaries (e.g. `salaries: { csm: 110000 }`) to see cost per quarter and CS cost as a share of ARR.',
    );
  } else if (timeline.unpricedRoles.length > 0) {
    notes.push(
      `No salary for ${timeline.unpricedRoles.map(roleLabelPlural).join(', ')}: left out of the cost; add them under policy.salaries.`,
    );
  }
  const byDefault = timeline.attritionPct12m === DEFAULT_POLICY.hiring.attritionPct12m;
  notes.push(
    `Capacity holds back ${formatPct(timeline.attritionAllowance)} for attrition: ${timeline.attritionPct12m}% of people leaving a year${byDefault ? ' (a csplan default; no source gives one)' : ''}, each seat empty for the hiring lead time and then ramping; set policy.hiring.attrition_pct_12m.`,
  );
  if (timeline.budgetedCsmHires !== null) {
    const csms = hires.filter((h) => BOOK_ROLES.has(h.role));
    const inYear = csms.filter((h) => h.start < addYear(timeline.asOf)).length;
    notes.push(
      `growth.new_csm_hires_12m budgets ${plural(timeline.budgetedCsmHires, 'CSM hire')}; this plan starts ${plural(inYear, 'CSM')} in the next 12 months.`,
    );
  }
  notes.push(...timeline.notes);
  return { answer, events, warnings, notes };
}

export function noReqSentence(timeline: Timeline): string {
  if (timeline.overCeiling.length > 0) {
    // No req, yet work passes target (a freeze past the horizon holds the reqs): say so first.
    const held = timeline.freezeUntil ? ` (the hiring freeze until ${timeline.freezeUntil})` : '';
    return `No req opens in the next ${plural(timeline.months, 'month')}${held}, yet work passes target books: see the warnings below.`;
  }
  const teams = timeline.rows[timeline.rows.length - 1]?.teams.length ?? 0;
  const why =
    teams === 0
      ? 'the work stays below what calls for a first CSM, and the recommended org needs nobody new'
      : "every CSM team's people carry its work at target books and the recommended org needs nobody new";
  return `No req to open in the next ${plural(timeline.months, 'month')}: ${why}.`;
}

export function reqSentence(hire: Hire, timeline: Timeline): string {
  const label = roleLabel(hire.role);
  const firstOfRole =
    !timeline.rolesInFile.includes(hire.role) &&
    timeline.hires.find((h) => h.role === hire.role) === hire;
  const which = firstOfRole ? 'first' : 'next';
  const backfill = hire.backfillFor
    ? `, the backfill for ${hire.backfillFor} (leaving ${hire.backfillLeaving})`
    : '';
  const team = hire.team ? ` for ${hire.team}${backfill}` : '';
  const after = `the ${label} starts about ${hire.start} and is fully ramped by ${hire.rampedBy}`;
  if (hire.delay === 'late') {
    const overdue =
      hire.neededBy === timeline.asOf
        ? 'it is needed now'
        : hire.neededBy < timeline.asOf
          ? `it is overdue, needed since ${monthName(hire.neededBy)}`
          : `it should have opened by ${hire.idealOpenBy} to be ready by ${monthName(hire.neededBy)}`;
    return `Open the ${which} ${label} req now (${hire.openBy})${team}: ${overdue}; ${after}.`;
  }
  if (hire.delay === 'freeze') {
    return `Open the ${which} ${label} req${team} on ${hire.openBy}, when the freeze ends: it is needed by ${monthName(hire.neededBy)}; ${after}.`;
  }
  return `Open the ${which} ${label} req by ${hire.openBy}${team}: ${after}, in time for ${monthName(hire.neededBy)}.`;
}

export function hiresSentence(timeline: Timeline): string {
  const list = hiresByRole(timeline.hires)
    .map(({ role, count }) => roleCount(role, count))
    .join(', ');
  const cost = timeline.priced
    ? `; CS costs ${formatMoney(timeline.rows.reduce((sum, row) => sum + (row.cost ?? 0), 0))} over the period`
    : '';
  return `${plural(timeline.hires.length, 'req')} in the next ${plural(timeline.months, 'month')}: ${list}${cost}.`;
}

function addYear(date: string): string {
  const year = Number(date.slice(0, 4)) + 1;
  return `${year}${date.slice(4)}`;
}

export const COMPARISON_HEAD = [
  'Quarter',
  'Scenario',
  'Reqs',
  'Starts',
  'People',
  'Cost',
  'Peak load',
];

/** One row per quarter and scenario, for the side-by-side table of text and markdown. */
export function comparisonRows(comparison: Comparison): string[][] {
  return comparison.quarters.flatMap((quarter) => {
    // Costs of one quarter precise enough that different scenarios never read the same.
    const costs = formatMoneyApart(quarter.scenarios.map((s) => s.cost ?? 0));
    return quarter.scenarios.map((s, i) => [
      `${quarter.label} ${quarter.span}`,
      s.name,
      formatCount(s.reqsOpened),
      formatCount(s.hiresStarting),
      formatCount(s.headcount),
      s.cost === null ? '-' : (costs[i] as string),
      s.peakLoad === null ? '-' : formatPct(s.peakLoad),
    ]);
  });
}

/** Each scenario's cost over the horizon, precise enough to tell the scenarios apart. */
export function comparisonTotals(comparison: Comparison): string[] {
  const totals = comparison.timelines.map((t) => t.rows.reduce((sum, r) => sum + (r.cost ?? 0), 0));
  return formatMoneyApart(totals);
}

/**
 * The quarter-by-quarter table of text and markdown: head and rows. `detail` adds the columns
 * markdown has room for (ARR under management, renewals covered).
 */
export function quarterTable(
  timeline: Timeline,
  detail: boolean,
): { head: string[]; rows: string[][] } {
  const head = [
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
  if (timeline.priced) {
    head.push('Cost', 'Cost/ARR', 'ARR/CSM');
    if (detail) head.push('ARR managed/CSM', 'Renewals covered');
  }
  const money = (value: number | null) => (value === null ? '-' : formatMoney(value));
  const rows = quarters(timeline).map((q) => {
    const cells = [
      `${q.label} ${q.span}`,
      formatCount(q.customers),
      formatMoney(q.arr),
      STAGE_LABELS[q.stage],
      formatCount(q.reqsOpened),
      formatCount(q.hiresStarting),
      formatCount(q.csms),
      formatCount(q.headcount),
      peakCell(q),
    ];
    if (timeline.priced) {
      cells.push(
        money(q.cost),
        q.costShareOfArr === null ? '-' : formatPct(q.costShareOfArr),
        money(q.arrPerCsm),
      );
      if (detail)
        cells.push(
          money(q.arrUnderManagementPerCsm),
          `${formatPct(q.renewalsCovered)} of ${formatMoney(q.renewalsDue)}`,
        );
    }
    return cells;
  });
  return { head, rows };
}

/** "unstaffed" when a team had work and nobody ramped in some month of the quarter. */
function peakCell(q: Quarter): string {
  if (q.unstaffed) return q.peakLoad === null ? 'unstaffed' : `${formatPct(q.peakLoad)}, unstaffed`;
  return q.peakLoad === null ? '-' : formatPct(q.peakLoad);
}
