/**
 * What a change to an org file does to its plan: stage, team, books, capacity per segment, hiring
 * gaps and findings, before and after. Data only; `src/render/diff.ts` turns it into text.
 */
import type { SegmentCapacity } from './capacity.js';
import { daysBetween } from './dates.js';
import type { Gap } from './gaps.js';
import type { Account, Coverage, Diagnostic, Org, Path, SegmentId, StageId } from './model.js';
import { SEGMENT_IDS } from './model.js';
import type { Plan } from './plan.js';
import type { RoleId } from './roles.js';

/** One side of the comparison: the org, its plan and its located findings. */
export interface DiffSide {
  org: Org;
  plan: Plan;
  findings: readonly Diagnostic[];
}

export interface StageDiff {
  base: StageId;
  head: StageId;
  customers: { base: number; head: number };
  arr: { base: number; head: number };
}

export interface MemberSummary {
  id: string;
  role: RoleId;
  segment?: SegmentId;
  startDate?: string;
  reportsTo?: string;
}

export interface MemberChange {
  id: string;
  /** Field name as written in the file (`reports_to`), with the values before and after. */
  changes: { field: string; base: string; head: string }[];
}

export interface AccountMove {
  id: string;
  from?: string;
  to?: string;
  arr: number;
  count: number;
  renewalDate?: string;
  /** Days from the plan date to the renewal, when the account has one. */
  renewsInDays?: number;
  /** The renewal falls within policy.renewalFreezeDays: the move risks it. */
  nearRenewal: boolean;
}

export interface SegmentFigures {
  accounts: number;
  arr: number;
  needed: number;
  available: number;
  utilisation: number | null;
}

export interface SegmentDiff {
  id: SegmentId;
  coverage: Coverage;
  base: SegmentFigures;
  head: SegmentFigures;
  changed: boolean;
}

export interface FindingChange {
  base: Diagnostic;
  head: Diagnostic;
}

export interface PlanDiff {
  asOf: string;
  stage: StageDiff;
  team: { added: MemberSummary[]; removed: MemberSummary[]; changed: MemberChange[] };
  accounts: {
    added: string[];
    removed: string[];
    count: { base: number; head: number };
  };
  moves: AccountMove[];
  /** Days before a renewal inside which moves are flagged (head policy). */
  renewalFreezeDays: number;
  segments: SegmentDiff[];
  gaps: { added: Gap[]; removed: Gap[]; changed: { base: Gap; head: Gap }[] };
  findings: {
    added: Diagnostic[];
    fixed: Diagnostic[];
    changed: FindingChange[];
    unchanged: number;
  };
}

export function diffPlans(base: DiffSide, head: DiffSide): PlanDiff {
  return {
    asOf: head.org.company.asOf,
    stage: {
      base: base.plan.stage.id,
      head: head.plan.stage.id,
      customers: { base: base.plan.stage.customers, head: head.plan.stage.customers },
      arr: { base: base.plan.stage.arr, head: head.plan.stage.arr },
    },
    team: diffTeam(base.org, head.org),
    accounts: diffAccounts(base.org, head.org),
    moves: accountMoves(base.org, head.org),
    renewalFreezeDays: head.org.policy.renewalFreezeDays,
    segments: diffSegments(base.plan, head.plan),
    gaps: diffGaps(base.plan.gaps, head.plan.gaps),
    findings: diffFindings(base, head),
  };
}

function summary(member: Org['team'][number]): MemberSummary {
  return {
    id: member.id,
    role: member.role,
    segment: member.segment,
    startDate: member.startDate,
    reportsTo: member.reportsTo,
  };
}

function diffTeam(base: Org, head: Org): PlanDiff['team'] {
  const before = new Map(base.team.map((m) => [m.id, m]));
  const after = new Map(head.team.map((m) => [m.id, m]));
  const added = head.team.filter((m) => !before.has(m.id)).map(summary);
  const removed = base.team.filter((m) => !after.has(m.id)).map(summary);
  const changed: MemberChange[] = [];
  for (const member of head.team) {
    const old = before.get(member.id);
    if (!old) continue;
    const fields: [string, unknown, unknown][] = [
      ['role', old.role, member.role],
      ['segment', old.segment, member.segment],
      ['reports_to', old.reportsTo, member.reportsTo],
      ['start_date', old.startDate, member.startDate],
      ['seniority', old.seniority, member.seniority],
      ['fte', old.fte, member.fte],
    ];
    const changes = fields
      .filter(([, a, b]) => a !== b)
      .map(([field, a, b]) => ({ field, base: shown(a), head: shown(b) }));
    if (changes.length > 0) changed.push({ id: member.id, changes });
  }
  return { added, removed, changed };
}

function shown(value: unknown): string {
  return value === undefined ? '-' : String(value);
}

/** Accounts are matched by id; account groups (which have no id) by name. */
function accountKey(account: Account): string {
  return account.isGroup ? `group:${account.id}` : account.id;
}

function diffAccounts(base: Org, head: Org): PlanDiff['accounts'] {
  const before = new Set(base.accounts.map(accountKey));
  const after = new Set(head.accounts.map(accountKey));
  const count = (org: Org) => org.accounts.reduce((sum, a) => sum + a.count, 0);
  return {
    added: head.accounts.filter((a) => !before.has(accountKey(a))).map((a) => a.id),
    removed: base.accounts.filter((a) => !after.has(accountKey(a))).map((a) => a.id),
    count: { base: count(base), head: count(head) },
  };
}

function accountMoves(base: Org, head: Org): AccountMove[] {
  const before = new Map(base.accounts.map((a) => [accountKey(a), a]));
  const asOf = head.company.asOf;
  const freeze = head.policy.renewalFreezeDays;
  // The renewal freeze does not hold a book whose CSM leaves: the account must change hands.
  const leaving = new Set(base.team.filter((m) => m.leaving !== undefined).map((m) => m.id));
  const moves: AccountMove[] = [];
  for (const account of head.accounts) {
    const old = before.get(accountKey(account));
    if (!old || old.owner === account.owner) continue;
    const renewsInDays =
      account.renewalDate === undefined ? undefined : daysBetween(asOf, account.renewalDate);
    moves.push({
      id: account.id,
      from: old.owner,
      to: account.owner,
      arr: account.arr * account.count,
      count: account.count,
      renewalDate: account.renewalDate,
      renewsInDays,
      nearRenewal:
        renewsInDays !== undefined &&
        renewsInDays >= 0 &&
        renewsInDays <= freeze &&
        !(old.owner !== undefined && leaving.has(old.owner)),
    });
  }
  return moves;
}

function figures(row: SegmentCapacity | undefined): SegmentFigures {
  return {
    accounts: row?.accounts ?? 0,
    arr: row?.arr ?? 0,
    needed: row?.csmFteNeeded ?? 0,
    available: row?.csmFteAvailable ?? 0,
    utilisation: row?.utilisation ?? null,
  };
}

/** Two decimals decide whether a figure moved, as the JSON contract rounds them. */
function same(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.round(a * 100) === Math.round(b * 100);
}

function diffSegments(base: Plan, head: Plan): SegmentDiff[] {
  const out: SegmentDiff[] = [];
  for (const id of SEGMENT_IDS) {
    const b = figures(base.capacity.segments.find((s) => s.id === id));
    const h = figures(head.capacity.segments.find((s) => s.id === id));
    const present = (f: SegmentFigures) => f.accounts > 0 || f.available > 0;
    if (!present(b) && !present(h)) continue;
    const changed = !(
      same(b.accounts, h.accounts) &&
      same(b.arr, h.arr) &&
      same(b.needed, h.needed) &&
      same(b.available, h.available) &&
      same(b.utilisation, h.utilisation)
    );
    out.push({ id, coverage: head.policy.segments[id].coverage, base: b, head: h, changed });
  }
  return out;
}

/** A team can need a hire now and another next: both are part of the key. */
function gapKey(gap: Gap): string {
  return `${gap.role}|${gap.team ?? ''}|${gap.priority}`;
}

function diffGaps(base: readonly Gap[], head: readonly Gap[]): PlanDiff['gaps'] {
  const before = new Map(base.map((g) => [gapKey(g), g]));
  const after = new Map(head.map((g) => [gapKey(g), g]));
  const changed: { base: Gap; head: Gap }[] = [];
  for (const gap of head) {
    const old = before.get(gapKey(gap));
    if (old && (old.count !== gap.count || old.priority !== gap.priority)) {
      changed.push({ base: old, head: gap });
    }
  }
  return {
    added: head.filter((g) => !before.has(gapKey(g))),
    removed: base.filter((g) => !after.has(gapKey(g))),
    changed,
  };
}

/**
 * What a finding is about, stable across edits: the id of the account or person its path points
 * into (indexes shift when a record is inserted), plus the rest of the path.
 */
export function findingSubject(org: Org, path: Path): string {
  const records: { key: string; path: Path }[] = [
    ...org.team.map((m) => ({ key: `team:${m.id}`, path: m.path })),
    ...org.accounts.map((a) => ({ key: `account:${accountKey(a)}`, path: a.path })),
  ];
  for (const record of records) {
    if (record.path.length > 0 && record.path.every((part, i) => path[i] === part)) {
      return [record.key, ...path.slice(record.path.length)].join('.');
    }
  }
  return path.join('.');
}

function diffFindings(base: DiffSide, head: DiffSide): PlanDiff['findings'] {
  const key = (side: DiffSide, d: Diagnostic) => `${d.rule}|${findingSubject(side.org, d.path)}`;
  const left = base.findings.map((d) => ({ d, key: key(base, d), matched: false }));
  const right = head.findings.map((d) => ({ d, key: key(head, d), matched: false }));
  let unchanged = 0;
  // Same subject and same message: unchanged.
  for (const r of right) {
    const l = left.find((x) => !x.matched && x.key === r.key && sameMessage(x.d, r.d));
    if (l) {
      l.matched = true;
      r.matched = true;
      unchanged++;
    }
  }
  // Same subject, new wording (a number moved): changed.
  const changed: FindingChange[] = [];
  for (const r of right) {
    if (r.matched) continue;
    const l = left.find((x) => !x.matched && x.key === r.key);
    if (l) {
      l.matched = true;
      r.matched = true;
      changed.push({ base: l.d, head: r.d });
    }
  }
  return {
    added: right.filter((r) => !r.matched).map((r) => r.d),
    fixed: left.filter((l) => !l.matched).map((l) => l.d),
    changed,
    unchanged,
  };
}

/** Same words; a line number written into the message (`{related}`) may move with edits. */
function sameMessage(a: Diagnostic, b: Diagnostic): boolean {
  return (a.template ?? a.message) === (b.template ?? b.message);
}
