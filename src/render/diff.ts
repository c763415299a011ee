/** `csplan diff` output: what a change to the org file does to its plan, as text, Markdown or JSON. */
import type { PlanDiff, SegmentDiff } from '../core/diff.js';
import type { Gap } from '../core/gaps.js';
import type { Diagnostic } from '../core/model.js';
import { formatCount, formatFte, formatMoney, formatPct, plural } from '../core/money.js';
import { segmentTitle } from '../core/orgchart.js';
import { roleLabel } from '../core/roles.js';
import { STAGE_LABELS } from '../core/stage.js';
import { diagnosticLine } from './diagnostics.js';
import { findingJson, SCHEMA_VERSION } from './json.js';
import { mdCode, mdTable, mdText } from './md-text.js';
import { type Paint, painter } from './paint.js';
import { safeOutput } from './safe-text.js';
import { renderTable } from './table.js';
import { fitText } from './wrap.js';

export interface DiffLabels {
  base: string;
  head: string;
}

/** How many ids a list shows before "and N more". */
const MAX_IDS = 10;

function pair(a: string, b: string): string {
  return a === b ? a : `${a} -> ${b}`;
}

function arrow<T>(base: T, head: T, show: (v: T) => string): string {
  return pair(show(base), show(head));
}

function utilisation(value: number | null, needed: number): string {
  if (needed === 0) return '-';
  return value === null ? 'no CSM' : formatPct(value);
}

function stageLine(diff: PlanDiff): string {
  const { stage } = diff;
  const name = arrow(stage.base, stage.head, (s) => STAGE_LABELS[s]);
  const facts = `${arrow(stage.customers.base, stage.customers.head, formatCount)} customers, ${arrow(stage.arr.base, stage.arr.head, formatMoney)} ARR`;
  return `${name}${stage.base === stage.head ? ' (unchanged)' : ''}: ${facts}`;
}

function memberText(m: PlanDiff['team']['added'][number]): string {
  const parts = [roleLabel(m.role)];
  if (m.segment) parts.push(segmentTitle(m.segment));
  if (m.reportsTo) parts.push(`reports to ${m.reportsTo}`);
  if (m.startDate) parts.push(`start ${m.startDate}`);
  return `"${m.id}" (${parts.join(', ')})`;
}

type Change = 'added' | 'removed' | 'changed';

function teamChanges(diff: PlanDiff): [Change, string][] {
  return [
    ...diff.team.added.map((m): [Change, string] => ['added', memberText(m)]),
    ...diff.team.removed.map((m): [Change, string] => ['removed', memberText(m)]),
    ...diff.team.changed.map((c): [Change, string] => [
      'changed',
      `"${c.id}": ${c.changes.map((f) => `${f.field} ${f.base} -> ${f.head}`).join(', ')}`,
    ]),
  ];
}

const SIGN: Record<Change, string> = { added: '+', removed: '-', changed: '~' };

function accountChanges(diff: PlanDiff): [Change, string][] {
  const { added, removed } = diff.accounts;
  const out: [Change, string][] = [];
  if (added.length > 0) out.push(['added', `${plural(added.length, 'record')}: ${idsText(added)}`]);
  if (removed.length > 0)
    out.push(['removed', `${plural(removed.length, 'record')}: ${idsText(removed)}`]);
  return out;
}

/** Moves shown one per line: every one near a renewal, then the others up to a limit. */
const MAX_MOVES = 20;

function moveLines(diff: PlanDiff, mark: (text: string) => string): string[] {
  const near = diff.moves.filter((m) => m.nearRenewal);
  const others = diff.moves.filter((m) => !m.nearRenewal);
  const shown = others.slice(0, Math.max(0, MAX_MOVES - near.length));
  const lines = [
    ...near.map((m) => mark(moveText(m, diff.renewalFreezeDays))),
    ...shown.map((m) => moveText(m, diff.renewalFreezeDays)),
  ];
  const rest = others.length - shown.length;
  if (rest > 0) lines.push(`and ${plural(rest, 'more account')}`);
  return lines;
}

function idsText(ids: readonly string[]): string {
  const shown = ids.slice(0, MAX_IDS).join(', ');
  return ids.length > MAX_IDS ? `${shown} and ${ids.length - MAX_IDS} more` : shown;
}

function moveText(m: PlanDiff['moves'][number], freeze: number): string {
  const what = m.count > 1 ? `${m.id} (${formatCount(m.count)} accounts)` : m.id;
  const renewal =
    m.renewsInDays === undefined
      ? ''
      : m.nearRenewal
        ? `; renews in ${plural(m.renewsInDays, 'day')} (${m.renewalDate}): within ${freeze} days of a renewal, keep the owner`
        : `; renews ${m.renewalDate}`;
  return `${what}: ${m.from ?? 'no owner'} -> ${m.to ?? 'no owner'} (${formatMoney(m.arr)})${renewal}`;
}

function segmentRow(s: SegmentDiff): string[] {
  return [
    segmentTitle(s.id),
    arrow(s.base.accounts, s.head.accounts, formatCount),
    arrow(s.base.needed, s.head.needed, formatFte),
    arrow(s.base.available, s.head.available, formatFte),
    pair(
      utilisation(s.base.utilisation, s.base.needed),
      utilisation(s.head.utilisation, s.head.needed),
    ),
  ];
}

const SEGMENT_HEAD = ['Segment', 'Accounts', 'FTE needed', 'FTE today', 'Load'];

function gapText(g: Gap): string {
  return `${g.count} x ${roleLabel(g.role)}${g.segment ? ` (${segmentTitle(g.segment)})` : ''}, ${g.priority}`;
}

function gapLines(diff: PlanDiff): string[] {
  return [
    ...diff.gaps.removed.map((g) => `closed: ${gapText(g)}`),
    ...diff.gaps.added.map((g) => `new:    ${gapText(g)}: ${g.reason}`),
    ...diff.gaps.changed.map((c) => `moved:  ${gapText(c.base)} -> ${gapText(c.head)}`),
  ];
}

function findingsHeadline(diff: PlanDiff): string {
  const f = diff.findings;
  return `${f.fixed.length} fixed, ${f.added.length} new, ${f.changed.length} changed, ${f.unchanged} unchanged`;
}

export interface DiffTextOptions {
  color: boolean;
  width: number;
}

export function renderDiffText(
  diff: PlanDiff,
  labels: DiffLabels,
  options: DiffTextOptions,
): string {
  const p = painter(options.color);
  const out: string[] = [];
  const section = (title: string, lines: string[], empty: string) => {
    out.push('', p.bold(title));
    if (lines.length === 0) out.push(p.dim(`  ${empty}`));
    else out.push(...lines.map((l) => `  ${l}`));
  };
  out.push(
    `${p.bold('csplan diff')} ${labels.base} -> ${labels.head} ${p.dim(`(as of ${diff.asOf})`)}`,
  );
  out.push('', `${p.bold('Stage:')} ${stageLine(diff)}`);
  const signed = (list: [Change, string][]) => list.map(([c, text]) => `${SIGN[c]} ${text}`);
  section('Team', signed(teamChanges(diff)), 'no change');
  section('Accounts', signed(accountChanges(diff)), 'none added or removed');
  section(
    `Accounts moved (${diff.moves.length})`,
    moveLines(diff, p.yellow),
    'no account changed owner',
  );
  out.push('', p.bold('Capacity per segment'));
  const changed = diff.segments.filter((s) => s.changed);
  if (changed.length === 0) out.push(p.dim('  no change'));
  else
    out.push(
      renderTable(SEGMENT_HEAD, changed.map(segmentRow), {
        color: options.color,
        width: options.width,
        right: [1, 2, 3, 4],
      }),
    );
  section('Hiring gaps', gapLines(diff), 'no change');
  out.push('', p.bold(`Findings: ${findingsHeadline(diff)}`));
  out.push(...findingLines(diff, labels, p, options.color));
  return fitText(safeOutput(`${out.join('\n')}\n`, options), options.width);
}

function findingLines(diff: PlanDiff, labels: DiffLabels, p: Paint, color: boolean): string[] {
  const line = (d: Diagnostic, file: string) => diagnosticLine(d, { color, file }, p);
  return [
    ...diff.findings.fixed.map((d) => `  ${p.green('fixed')} ${line(d, labels.base)}`),
    ...diff.findings.added.map((d) => `  ${p.red('new')}   ${line(d, labels.head)}`),
    ...diff.findings.changed.map(
      (c) =>
        `  ${p.yellow('now')}   ${line(c.head, labels.head)}${p.dim(` (was: ${c.base.message})`)}`,
    ),
  ];
}

export function renderDiffMarkdown(diff: PlanDiff, labels: DiffLabels): string {
  const out: string[] = [];
  out.push(
    `## csplan diff: ${mdCode(labels.base).markdown} -> ${mdCode(labels.head).markdown}`,
    '',
  );
  out.push(`**Stage:** ${stageLine(diff)}.`, '');
  out.push(`**Findings:** ${findingsHeadline(diff)}.`, '');
  const list = (title: string, lines: string[]) => {
    if (lines.length === 0) return;
    out.push(`### ${title}`, '', ...lines.map((l) => `- ${mdText(l)}`), '');
  };
  const worded = (list: [Change, string][]) => list.map(([c, text]) => `${c}: ${text}`);
  list('Team', worded(teamChanges(diff)));
  list('Accounts', worded(accountChanges(diff)));
  list(
    `Accounts moved (${diff.moves.length})`,
    moveLines(diff, (text) => `⚠️ ${text}`),
  );
  const changed = diff.segments.filter((s) => s.changed);
  if (changed.length > 0) {
    out.push(
      '### Capacity per segment',
      '',
      mdTable(SEGMENT_HEAD, changed.map(segmentRow), [1, 2, 3, 4]),
      '',
    );
  }
  list('Hiring gaps', gapLines(diff));
  const rows = [
    ...diff.findings.fixed.map((d) => ['fixed', d.severity, mdCode(d.rule), d.message]),
    ...diff.findings.added.map((d) => ['new', d.severity, mdCode(d.rule), d.message]),
    ...diff.findings.changed.map((c) => [
      'changed',
      c.head.severity,
      mdCode(c.head.rule),
      `${c.head.message} (was: ${c.base.message})`,
    ]),
  ];
  if (rows.length > 0)
    out.push('### Findings', '', mdTable(['', 'Severity', 'Rule', 'Message'], rows), '');
  return safeOutput(`${out.join('\n').trimEnd()}\n`, { color: false });
}

export function diffJson(diff: PlanDiff, labels: DiffLabels) {
  const round = (n: number) => Math.round(n * 100) / 100;
  const figures = (f: SegmentDiff['base']) => ({
    accounts: f.accounts,
    arr: round(f.arr),
    csmFteNeeded: round(f.needed),
    csmFteAvailable: round(f.available),
    utilisation: f.utilisation === null ? null : round(f.utilisation),
  });
  const member = (m: PlanDiff['team']['added'][number]) => ({
    id: m.id,
    role: m.role,
    segment: m.segment ?? null,
    reportsTo: m.reportsTo ?? null,
    startDate: m.startDate ?? null,
  });
  const gap = (g: Gap) => ({
    role: g.role,
    segment: g.segment,
    count: g.count,
    priority: g.priority,
    reason: g.reason,
  });
  return {
    schemaVersion: SCHEMA_VERSION,
    base: labels.base,
    head: labels.head,
    asOf: diff.asOf,
    stage: diff.stage,
    team: {
      added: diff.team.added.map(member),
      removed: diff.team.removed.map(member),
      changed: diff.team.changed,
    },
    accounts: diff.accounts,
    moves: diff.moves.map((m) => ({
      ...m,
      from: m.from ?? null,
      to: m.to ?? null,
      renewalDate: m.renewalDate ?? null,
      renewsInDays: m.renewsInDays ?? null,
    })),
    segments: diff.segments.map((s) => ({
      id: s.id,
      coverage: s.coverage,
      changed: s.changed,
      base: figures(s.base),
      head: figures(s.head),
    })),
    gaps: {
      added: diff.gaps.added.map(gap),
      removed: diff.gaps.removed.map(gap),
      changed: diff.gaps.changed.map((c) => ({ base: gap(c.base), head: gap(c.head) })),
    },
    findings: {
      added: diff.findings.added.map(findingJson),
      fixed: diff.findings.fixed.map(findingJson),
      changed: diff.findings.changed.map((c) => ({
        base: findingJson(c.base),
        head: findingJson(c.head),
      })),
      unchanged: diff.findings.unchanged,
    },
  };
}

export function renderDiffJson(diff: PlanDiff, labels: DiffLabels): string {
  return `${JSON.stringify(diffJson(diff, labels), null, 2)}\n`;
}
