/**
 * The plan by quarter of the plan (Q1 = its first three months): reqs, hires, headcount, cost
 * and the business case in revenue terms: CS cost as a share of ARR, ARR per CSM, ARR under
 * management per CSM and the renewals the team has room for.
 */

import type { StageId } from '../model.js';
import { overTarget } from '../target/staffing.js';
import { addMonths, monthName } from './calendar.js';
import type { MonthRow, Timeline } from './simulate.js';

export interface Quarter {
  /** Q1, Q2...: quarters of the plan, not of the calendar. */
  label: string;
  /** "Dec 2026 - Feb 2027". */
  span: string;
  from: string;
  /** First day after the quarter. */
  until: string;
  months: number;
  reqsOpened: number;
  hiresStarting: number;
  /** Headcount and CSMs in seat at the quarter's end, the hires starting in it included. */
  headcount: number;
  csms: number;
  /** Customers, ARR and stage in the quarter's last month. */
  customers: number;
  arr: number;
  stage: StageId;
  /** Salary cost of the quarter; null without salaries. */
  cost: number | null;
  /** The quarter's cost at a yearly rate, over ARR; null without salaries or ARR. */
  costShareOfArr: number | null;
  arrPerCsm: number | null;
  /** ARR in teams with named or pooled CSMs (not digital), per CSM of those teams. */
  arrUnderManagementPerCsm: number | null;
  /** ARR renewing in the quarter, annual contracts assumed: ARR x months / 12. */
  renewalsDue: number;
  /** Share of that ARR sitting with teams that stayed within 100% of capacity all quarter. */
  renewalsCovered: number;
  peakLoad: number | null;
  /** Some month of the quarter has a team with work and nobody ramped to carry it. */
  unstaffed: boolean;
}

export function quarters(timeline: Timeline): Quarter[] {
  const out: Quarter[] = [];
  const { rows } = timeline;
  for (let start = 0; start < rows.length; start += 3) {
    const slice = rows.slice(start, start + 3);
    const first = slice[0] as MonthRow;
    const last = slice[slice.length - 1] as MonthRow;
    const from = first.date;
    const until = addMonths(timeline.asOf, Math.min(start + 3, rows.length));
    const inQuarter = (date: string) => date >= from && date < until;
    const cost = timeline.priced ? slice.reduce((sum, row) => sum + (row.cost ?? 0), 0) : null;
    const managed = last.teams.filter((team) => team.role === 'csm');
    const managedArr = managed.reduce((sum, team) => sum + team.arr, 0);
    const managedCsms = last.namedCsmsInSeat;
    // A team covers its renewals when it stayed within target all quarter (the hiring rule's own
    // test: work no more than a quarter FTE past its people).
    const overloaded = new Set<string>();
    for (const row of slice) {
      for (const team of row.teams) {
        if (overTarget(team.needed, team.capacity)) overloaded.add(team.title);
      }
    }
    const teamArr = last.teams.reduce((sum, team) => sum + team.arr, 0);
    const coveredArr = last.teams
      .filter((team) => !overloaded.has(team.title))
      .reduce((sum, team) => sum + team.arr, 0);
    let peak: number | null = null;
    for (const row of slice) {
      if (row.peakLoad !== null && (peak === null || row.peakLoad > peak)) peak = row.peakLoad;
    }
    out.push({
      label: `Q${out.length + 1}`,
      span: slice.length === 1 ? monthName(from) : `${monthName(from)} - ${monthName(last.date)}`,
      from,
      until,
      months: slice.length,
      reqsOpened: timeline.hires.filter((h) => inQuarter(h.openBy)).length,
      hiresStarting: timeline.hires.filter((h) => inQuarter(h.start)).length,
      headcount: last.headcountAtEnd,
      csms: last.csmsAtEnd,
      customers: last.customers,
      arr: last.arr,
      stage: last.stage,
      cost,
      costShareOfArr: cost !== null && last.arr > 0 ? (cost * 12) / slice.length / last.arr : null,
      arrPerCsm: last.csmsAtEnd > 0 ? last.arr / last.csmsAtEnd : null,
      arrUnderManagementPerCsm: managedCsms > 0 ? managedArr / managedCsms : null,
      renewalsDue: (first.arr * slice.length) / 12,
      renewalsCovered: teamArr > 0 ? coveredArr / teamArr : 0,
      peakLoad: peak,
      unstaffed: slice.some((row) => row.unstaffed),
    });
  }
  return out;
}
