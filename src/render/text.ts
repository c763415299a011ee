/** The `csplan recommend` report for a terminal: what a CS leader reads in a minute. */

import { digitalArrPerCsm, type SegmentCapacity } from '../core/capacity.js';
import { gapWhen, rangeText } from '../core/gaps.js';
import type { Diagnostic } from '../core/model.js';
import { formatCount, formatFte, formatMoney, formatPct, plural } from '../core/money.js';
import { MIN_TEAM_FTE, segmentTitle } from '../core/orgchart.js';
import type { Plan } from '../core/plan.js';
import type { Range } from '../core/policy.js';
import { roleCount, roleLabel, roleLabelPlural } from '../core/roles.js';
import { cite } from '../core/sources.js';
import { STAGE_LABELS } from '../core/stage.js';
import { STRUCTURE_LABELS } from '../core/structure.js';
import type { Timeline } from '../core/timeline/index.js';
import { answerParagraph } from './answer.js';
import { chartTreeLines } from './chart.js';
import { countLine, groupedLines } from './diagnostics.js';
import { type Paint, painter } from './paint.js';
import { safeOutput } from './safe-text.js';
import { renderTable } from './table.js';
import { fitText } from './wrap.js';

export interface TextOptions {
  color: boolean;
  width: number;
  /** The org file's name, for findings located in it. */
  file: string;
  /** The file's 12-month timeline: the answer that opens the report, and the gaps' dates. */
  timeline?: Timeline;
}

export function renderPlanText(
  plan: Plan,
  findings: readonly Diagnostic[],
  options: TextOptions,
): string {
  const p = painter(options.color);
  const out: string[] = [];
  const heading = (title: string) => out.push('', p.bold(title));

  out.push(
    p.bold(`${plan.company.name}: Customer Success plan`) + p.dim(` (as of ${plan.company.asOf})`),
  );
  if (options.timeline) out.push('', p.bold(answerParagraph(options.timeline, plan)));

  heading(`Stage: ${STAGE_LABELS[plan.stage.id]}`);
  out.push(
    `  By customers: ${STAGE_LABELS[plan.stage.byCustomers]} (${formatCount(plan.stage.customers)} customers)`,
  );
  out.push(`  By ARR:       ${STAGE_LABELS[plan.stage.byArr]} (${formatMoney(plan.stage.arr)})`);
  out.push(`  ${plan.stage.reason}.`);
  if (plan.stage.disagreement)
    out.push(`  ${p.yellow('Signals disagree:')} ${plan.stage.disagreement}`);
  out.push(`  Team today: ${teamSummary(plan)}.`);

  heading('Segments and CSM capacity');
  out.push(segmentTable(plan, options, p));
  out.push(...capacityNotes(plan, p));

  if (plan.books.length > 0) {
    heading('Books');
    out.push(bookTable(plan, options, p));
    out.push(
      p.dim(
        '  Load: the book as a share of one target book (accounts weighted by complexity, or ARR, whichever is larger).',
      ),
    );
  }

  heading(`Structure: ${STRUCTURE_LABELS[plan.structure.model]}`);
  for (const reason of plan.structure.reasons) out.push(`  - ${reason}`);
  for (const alt of plan.structure.alternatives)
    out.push(p.dim(`  Considered ${STRUCTURE_LABELS[alt.model]}: ${alt.why}.`));

  heading('Recommended org chart');
  out.push(
    ...chartTreeLines(plan.chart.root, (node) => {
      const count = node.count > 1 ? ` x${node.count}` : '';
      return `${p.bold(node.title)}${count}${node.note ? p.dim(` (${node.note})`) : ''}`;
    }).map((line) => `  ${line}`),
  );
  const line = plan.chart.leaderReportsTo;
  out.push(
    line.fits
      ? p.dim(`  Reporting line: ${line.why}.`)
      : `  ${p.yellow('Reporting line does not fit:')} ${line.why}.`,
  );

  if (plan.redeployments.length > 0 || plan.target.roleMoves.length > 0) {
    heading('Moves before hiring');
    out.push(...redeploymentLines(plan).map((l) => `  ${l}`));
    if (plan.redeployments.length > 0) out.push(p.dim(`  ${TEAM_LOAD_NOTE}`));
  }

  heading('Headcount (today -> target)');
  out.push(headcountTable(plan, options));

  heading('Hiring gaps');
  out.push(gapTable(plan, options, p));
  if (plan.later.length > 0) {
    out.push('', `  ${p.bold('Later, when the trigger is reached:')}`);
    for (const later of plan.later)
      out.push(`  - ${later.count} x ${roleLabel(later.role)}: ${later.why}`);
  }

  if (plan.projection) {
    heading('In 12 months (from growth:)');
    out.push(...projectionLines(plan).map((line) => `  ${line}`));
  }

  heading(`Findings (${countLine(findings)})`);
  if (findings.length === 0) out.push(`  ${p.green('No problems found in the current org.')}`);
  for (const line of groupedLines(findings, { color: options.color, file: options.file }, p))
    out.push(`  ${line}`);
  return fitText(safeOutput(`${out.join('\n')}\n`, options), options.width);
}

function ratio(accounts: Range, arr: Range): string {
  return `${formatCount(accounts.min)}-${formatCount(accounts.max)} / ${formatMoney(arr.min)}-${formatMoney(arr.max).replace('$', '')}`;
}

export function utilisationText(s: SegmentCapacity): string {
  if (s.csmFteNeeded === 0) return '-';
  if (s.utilisation === null) return 'no CSM';
  return formatPct(s.utilisation);
}

function segmentTable(plan: Plan, options: TextOptions, p: Paint): string {
  const rows = plan.capacity.segments
    .filter((s) => s.accounts > 0 || s.csmFteAvailable > 0)
    .map((s) => {
      const policy = plan.policy.segments[s.id];
      const load = utilisationText(s);
      const loud = s.utilisation === null ? s.csmFteNeeded >= MIN_TEAM_FTE : s.utilisation > 1;
      return [
        `${segmentTitle(s.id)} (${s.coverage})`,
        formatCount(s.accounts),
        formatMoney(s.arr),
        formatPct(s.arrShare),
        ratio(policy.accountsPerCsm, policy.arrPerCsm),
        `${formatFte(s.csmFteNeeded)}${s.csmFteNeeded > 0 ? ` (${s.binding === 'arr' ? 'ARR' : 'accts'})` : ''}`,
        formatFte(s.csmFteAvailable) +
          (s.csmFtePlanned > 0 ? ` +${formatFte(s.csmFtePlanned)} planned` : ''),
        loud ? p.red(load) : load,
      ];
    });
  return renderTable(
    [
      'Segment (coverage)',
      'Accounts',
      'ARR',
      'Share',
      'Accts / ARR per CSM',
      'FTE needed',
      'FTE today',
      'Load',
    ],
    rows,
    { color: options.color, width: options.width, right: [1, 2, 3, 5, 6, 7] },
  );
}

function capacityNotes(plan: Plan, p: Paint): string[] {
  const notes = [
    // One paragraph per note: the renderer's width decides where lines break.
    `FTE needed: the larger of weighted accounts / target accounts per CSM ${cite('org-design-guide')} and ARR / target ARR per CSM ${cite('cs-ops-architect')}; each target is the middle of its range. Accounts are weighted by complexity (x${plan.policy.complexityFactors.low} low, x${plan.policy.complexityFactors.medium} medium, x${plan.policy.complexityFactors.high} high) and load drivers (long implementations, many stakeholders, regulated).`,
    `FTE today counts new CSMs by the ramp: ${rampText(plan.policy)} ${cite('org-design-guide')}.`,
  ];
  const digital = plan.capacity.segments.find((s) => s.coverage === 'digital' && s.accounts > 0);
  if (digital) notes.splice(1, 0, digitalSizingNote(plan, digital.id));
  const out = notes.map((n) => p.dim(`  ${n}`));
  if (plan.capacity.unassignedCsms.length > 0) {
    out.push(
      `  ${p.yellow('Not yet assigned:')} ${plan.capacity.unassignedCsms.join(', ')} (no segment and no accounts; ${formatFte(plan.capacity.unassignedFte)} FTE available today)`,
    );
  }
  return out;
}

/** How a digital segment is sized: by ARR at the automation level, capped by the account count. */
function digitalSizingNote(plan: Plan, segment: SegmentCapacity['id']): string {
  const { policy } = plan;
  const { arrPerCsm, accountsPerCsm } = policy.segments[segment];
  const point = formatMoney(digitalArrPerCsm(policy, segment, 'target'));
  return `Digital segments: ARR / ${point} per digital CSM, the point of ${formatMoney(arrPerCsm.min)}-${formatMoney(arrPerCsm.max)} that the automation level (${policy.digitalAutomation}) picks ${cite('cs-ops-architect')}; the accounts only cap it, at ${formatCount(accountsPerCsm.max)} per digital CSM.`;
}

function gapTable(plan: Plan, options: TextOptions, p: Paint): string {
  if (plan.gaps.length === 0)
    return `  ${p.green('None: the team in the file covers the target org.')}`;
  const withCost = plan.gaps.some((g) => g.cost !== undefined);
  const rows = plan.gaps.map((g) => {
    const when = gapWhen(g, plan.teams, options.timeline);
    const priority = when === 'now' || when === 'late' ? p.red(when) : p.yellow(when);
    const row = [priority, `${g.count} x ${g.title}`, gapTeam(plan, g)];
    if (withCost) row.push(g.cost === undefined ? '-' : `${formatMoney(g.cost)}/yr`);
    row.push(g.fte ? `${g.reason}. ${rangeText(g.fte)}` : g.reason);
    return row;
  });
  const head = ['When', 'Hire', 'Team', ...(withCost ? ['Cost'] : []), 'Why'];
  return renderTable(head, rows, { color: options.color, width: options.width });
}

/** The team a gap is for, by its title; '-' for roles outside the CSM teams. */
export function gapTeam(plan: Plan, gap: Plan['gaps'][number]): string {
  return gap.team === null ? '-' : teamName(plan, gap.team);
}

function teamName(plan: Plan, key: string | null): string {
  if (key === null) return 'no team';
  return plan.teams.find((t) => t.key === key)?.title ?? key;
}

function loadText(load: number | null): string {
  return load === null ? 'nobody' : formatPct(load);
}

/** Why a team's load differs from its segments' loads in the capacity table. */
export const TEAM_LOAD_NOTE =
  "Team loads count each CSM whole in their team's work; the capacity table splits a CSM across segments by where their book sits.";

/**
 * One line per person moved between teams, with the loads before and after, then one per CSM
 * moved into a specialist role instead of a hire, with the reason.
 */
export function redeploymentLines(plan: Plan): string[] {
  // A move the rebalance can only make after a hire says so.
  const waits = (move: { waitsForHire?: string }) =>
    move.waitsForHire === undefined ? '' : ` The move ${move.waitsForHire}.`;
  const intoRoles = plan.target.roleMoves.map(
    (m) =>
      `${m.id}: ${teamName(plan, m.from)} -> ${roleLabel(m.role)}, instead of a hire: ${m.why}.${waits(m)}`,
  );
  return plan.redeployments
    .map((r) => {
      const to = `${teamName(plan, r.to)} ${loadText(r.toLoad.before)} -> ${loadText(r.toLoad.after)}`;
      const from = r.fromLoad
        ? `; ${teamName(plan, r.from)} ${loadText(r.fromLoad.before)} -> ${loadText(r.fromLoad.after)}`
        : '';
      const handover =
        r.handsOver > 0 && r.from !== null
          ? ` Hands ${plural(r.handsOver, 'account')} back to the ${teamName(plan, r.from)}; \`csplan rebalance\` says which go to whom.`
          : '';
      return `${r.id}: ${teamName(plan, r.from)} -> ${teamName(plan, r.to)} (${to}${from} of target).${handover}${waits(r)}`;
    })
    .concat(intoRoles);
}

/** The headcount table's columns: "Leaving" only when someone in the file is leaving. */
export function headcountHeader(plan: Plan): string[] {
  const leaving = plan.headcount.some((row) => row.leaving > 0) ? ['Leaving'] : [];
  return ['Role / CSM team', 'Today', ...leaving, 'Moved in', 'Moved out', 'Hire', 'Target'];
}

/** Headcount per role, then per CSM team: today, leaving, moved in and out, hires, target. */
export function headcountRows(plan: Plan): string[][] {
  const showLeaving = plan.headcount.some((row) => row.leaving > 0);
  const rows: string[][] = [];
  // Each CSM team sits right under its role's total.
  const ordered = plan.headcount
    .filter((row) => row.team === null)
    .flatMap((total) => [
      total,
      ...plan.headcount.filter((row) => row.team !== null && row.role === total.role),
    ]);
  for (const row of ordered) {
    const name =
      row.team === null
        ? row.current === 1 && row.target === 1
          ? roleLabel(row.role)
          : roleLabelPlural(row.role)
        : `  ${teamName(plan, row.team)}`;
    const leaving = row.leaving > 0 ? `-${row.leaving}` : '-';
    rows.push([
      name,
      formatCount(row.current),
      ...(showLeaving ? [leaving] : []),
      row.redeployedIn > 0 ? `+${formatCount(row.redeployedIn)}` : '-',
      row.redeployedOut > 0 ? `-${formatCount(row.redeployedOut)}` : '-',
      row.hire > 0 ? `+${formatCount(row.hire)}` : '-',
      formatCount(row.target),
    ]);
  }
  return rows;
}

function headcountTable(plan: Plan, options: TextOptions): string {
  if (plan.headcount.length === 0)
    return '  Nobody in CS yet: the founders carry the customers, and the target org hires nobody now.';
  const header = headcountHeader(plan);
  return renderTable(header, headcountRows(plan), {
    color: options.color,
    width: options.width,
    right: header.map((_, i) => i).slice(1),
  });
}

/** "1 CEO, 1 VP Customer Success, 7 CSMs (1 in ramp, 1 not started)" */
export function teamSummary(plan: Plan): string {
  if (plan.team.byRole.length === 0) return 'nobody listed under team';
  return plan.team.byRole
    .map(({ role, count }) => {
      const label = count === 1 ? roleLabel(role) : roleLabelPlural(role);
      let note = '';
      if (role === 'csm') {
        const parts = [];
        if (plan.team.ramping > 0) parts.push(`${plan.team.ramping} in ramp`);
        if (plan.team.planned > 0) parts.push(`${plan.team.planned} not started`);
        if (parts.length > 0) note = ` (${parts.join(', ')})`;
      }
      return `${count} ${label}${note}`;
    })
    .join(', ');
}

export function bookStatus(book: Plan['books'][number]): string {
  const parts: string[] = [];
  if (book.status === 'planned') parts.push(`starts ${book.startDate}`);
  if (book.status === 'ramping') parts.push(`ramp, week ${book.tenureWeek}`);
  if (book.leaving !== null)
    parts.push(book.left ? `left ${book.leaving}: nobody owns it` : `leaves ${book.leaving}`);
  if (book.pool)
    parts.push(
      `shares the ${segmentTitle(book.pool.segment)} pool (${formatCount(book.pool.accounts)} accounts, ${formatMoney(book.pool.arr)})`,
    );
  return parts.join('; ');
}

function bookTable(plan: Plan, options: TextOptions, p: Paint): string {
  const max = plan.policy.healthMixMax;
  const rows = plan.books.map((b) => [
    b.id,
    b.segment ? segmentTitle(b.segment) : '-',
    formatCount(b.accounts),
    formatMoney(b.arr),
    b.load > 1 ? p.red(formatPct(b.load)) : formatPct(b.load),
    b.atRisk === null ? '-' : b.atRisk > max ? p.yellow(formatPct(b.atRisk)) : formatPct(b.atRisk),
    bookStatus(b),
  ]);
  return renderTable(['CSM', 'Mostly', 'Accounts', 'ARR', 'Load', 'Red/yellow', 'Status'], rows, {
    color: options.color,
    width: options.width,
    right: [2, 3, 4, 5],
  });
}

/**
 * The CSM count today and at the end of the months: a leaver is counted out, so a backfill reads
 * as the seat it refills, not as one more CSM.
 */
function csmsLine(today: number, leaving: number, reqs: number, date: string): string {
  const inFile =
    leaving > 0
      ? `${plural(today, 'CSM')} in the file (${leaving} leaving)`
      : `${plural(today, 'CSM')} in the file`;
  return `${inFile}, ${formatCount(today - leaving + reqs)} by ${date} with the plan's ${plural(reqs, 'CSM req')}`;
}

/** The next 12 months in a few sentences, from the same timeline `csplan timeline` prints. */
export function projectionLines(plan: Plan): string[] {
  const p = plan.projection;
  if (!p) return [];
  const stage = p.stageChanges
    ? `${STAGE_LABELS[p.stage]} stage (from ${STAGE_LABELS[plan.stage.id]})`
    : `still ${STAGE_LABELS[p.stage]}`;
  const csmReqs = p.csmsRecommended - p.csmsToday;
  const lines = [
    `${plural(Math.round(p.customers), 'customer')} and ${formatMoney(p.arr)} ARR by ${p.date}: ${stage}; structure: ${STRUCTURE_LABELS[p.structure]}.`,
    `CSM work: ${formatFte(p.csmFteNeeded)} FTE at target books; ${csmsLine(p.csmsToday, p.csmsLeaving, csmReqs, p.date)}.`,
  ];
  const reqs = p.reqs.reduce((sum, r) => sum + r.count, 0);
  const next = p.nextReq;
  if (!next) {
    lines.push(
      `No req in the ${p.months} months: the people in the file carry the grown book at target books.`,
    );
  } else {
    const list = p.reqs.map((r) => roleCount(r.role, r.count)).join(', ');
    const team = next.team ? ` for ${next.team}` : '';
    const when =
      next.delay === null ? `open by ${next.openBy}` : `open now (${next.openBy}; it is late)`;
    lines.push(
      `${plural(reqs, 'req')} in the ${p.months} months: ${list}. First, the ${roleLabel(next.role)} req${team}: ${when}, starting about ${next.start}.`,
    );
  }
  if (p.csmsPlanned !== p.csmsToday) {
    const budgeted = p.csmsPlanned - p.csmsToday;
    lines.push(
      p.csmsToHire > 0
        ? `growth: budgets ${plural(budgeted, 'CSM hire')}; the plan needs ${p.csmsToHire} more.`
        : `growth: budgets ${plural(budgeted, 'CSM hire')}; the plan needs ${plural(csmReqs, 'CSM req')}.`,
    );
  }
  if (p.monthsOverTarget > 0) {
    lines.push(
      `Some team's work passes its people in ${plural(p.monthsOverTarget, 'month')} of ${p.months}, while hires ramp or late reqs catch up.`,
    );
  }
  lines.push('`csplan timeline` dates every req month by month, with cost and what-if scenarios.');
  return lines;
}

/** "no book in weeks 1-4, 50% in weeks 5-6, full from week 7", from whatever ramp the policy sets. */
export function rampText(policy: Plan['policy']): string {
  const parts: string[] = [];
  let from = 1;
  for (const step of policy.ramp) {
    const weeks = from === step.untilWeek ? `week ${from}` : `weeks ${from}-${step.untilWeek}`;
    if (step.capacity >= 1) break;
    parts.push(
      step.capacity === 0
        ? `no book in ${weeks}`
        : `${formatPct(step.capacity)} of a book in ${weeks}`,
    );
    from = step.untilWeek + 1;
  }
  parts.push(`full from week ${from}`);
  return parts.join(', ');
}
