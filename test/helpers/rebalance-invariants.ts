/**
 * The invariants between `rebalance` and `check`: after the moves, no book finding is new or
 * worse; a finding left is explained in `unbalanced`; a second rebalance proposes nothing. Each
 * returns the statements that failed (empty when all hold), so a property test prints them.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { movesCsv } from '../../src/config/csv/write-moves.js';
import { loadOrgFile, loadOrgText } from '../../src/config/load.js';
import { setOwners } from '../../src/config/write-owners.js';
import { analyse } from '../../src/core/analysis.js';
import type { Account, Org } from '../../src/core/model.js';
import { planOrg } from '../../src/core/plan.js';
import { appliesNow, type RebalanceResult, rebalance } from '../../src/core/rebalance/index.js';
import { BOOK_LIMITS } from '../../src/core/rules/books.js';

/** Book findings that a move of accounts can create or worsen. */
const MOVE_RULES = new Set([
  'csm-overloaded',
  'ramp-overload',
  'book-health-mix',
  'seniority-mismatch',
  'mixed-segment-book',
  'book-imbalance',
]);

/**
 * Findings that `unbalanced` must explain when the rebalance leaves them; a mover whose hand-over
 * waits keeps the book as it was, and the wait is the why.
 */
const EXPLAINED: Record<string, readonly string[]> = {
  'csm-overloaded': ['largest-book', 'no-capacity', 'move-waits'],
  'ramp-overload': ['ramp', 'no-capacity', 'move-waits'],
  'book-health-mix': ['health-mix', 'move-waits'],
};

export interface BookFinding {
  rule: string;
  /** The CSM the finding is about (book-imbalance: the segment). */
  about: string;
  /** How bad it is, larger is worse: share of the cap, red/yellow share, complex accounts. */
  measure: number;
}

/** The book findings of `check` on `org`, keyed by rule and CSM (segment for book-imbalance). */
export function bookFindings(org: Org): Map<string, BookFinding> {
  const analysis = analyse(org);
  const byPath = new Map(analysis.bookOwners.map((o) => [JSON.stringify(o.member.path), o]));
  const out = new Map<string, BookFinding>();
  for (const d of planOrg(org).findings) {
    if (!MOVE_RULES.has(d.rule)) continue;
    const owner = byPath.get(JSON.stringify(d.path));
    if (d.rule === 'book-imbalance') {
      // One finding per segment: keyed by the segment.
      const segment = d.message.split(' ')[0] ?? '';
      out.set(`${d.rule} ${segment}`, { rule: d.rule, about: segment, measure: 0 });
      continue;
    }
    if (!owner) throw new Error(`${d.rule} finding not on a CSM: ${JSON.stringify(d.path)}`);
    const accounts = owner.accounts.map((p) => p.account);
    let measure = 0;
    if (d.rule === 'csm-overloaded' || d.rule === 'ramp-overload') {
      measure = BOOK_LIMITS.capUse({
        rampStatus: owner.rampStatus,
        capacity: owner.capacity,
        loadAtTarget: owner.loadAtTarget,
        loadAtMax: owner.loadAtMax,
      });
    } else if (d.rule === 'book-health-mix') {
      const scored = accounts.filter((a) => a.health).reduce((n, a) => n + a.count, 0);
      const atRisk = accounts
        .filter((a) => a.health && a.health !== 'green')
        .reduce((n, a) => n + a.count, 0);
      measure = atRisk / scored;
    } else if (d.rule === 'seniority-mismatch') {
      measure = accounts
        .filter((a) => BOOK_LIMITS.isComplex(a, org.company.productComplexity))
        .reduce((n, a) => n + a.count, 0);
    }
    out.set(`${d.rule} ${owner.member.id}`, { rule: d.rule, about: owner.member.id, measure });
  }
  return out;
}

/** Findings after the moves that are new or worse than before (`rules` left out). */
export function newOrWorse(
  before: Map<string, BookFinding>,
  after: Map<string, BookFinding>,
  leftOut: ReadonlySet<string> = new Set(),
): string[] {
  const broken: string[] = [];
  for (const [key, found] of after) {
    if (leftOut.has(found.rule)) continue;
    const was = before.get(key);
    if (!was) broken.push(`new finding: ${key}`);
    else if (found.measure > was.measure + 1e-9)
      broken.push(`worse: ${key} from ${was.measure} to ${found.measure}`);
  }
  return broken;
}

/** Findings left after the moves that `unbalanced` does not explain. */
export function unexplained(result: RebalanceResult, after: Map<string, BookFinding>): string[] {
  const broken: string[] = [];
  for (const [key, found] of after) {
    const limits = EXPLAINED[found.rule];
    if (!limits) continue;
    const entry = result.unbalanced.find((u) => u.csm === found.about && limits.includes(u.limit));
    if (!entry || entry.why.length === 0) broken.push(`left without a why: ${key}`);
  }
  return broken;
}

/**
 * What a reader would trip on: an account listed both as moved and as unable to move, or words
 * made of a missing value ("undefined", "NaN").
 */
export function unclearOutput(result: RebalanceResult): string[] {
  const broken: string[] = [];
  const moved = new Set(result.moves.map((m) => m.account));
  for (const u of result.unmovable)
    if (moved.has(u.account)) broken.push(`${u.account} is both moved and unmovable (${u.reason})`);
  const texts = [
    ...result.moves.map((m) => m.reason),
    ...result.unmovable.map((u) => u.detail),
    ...result.unbalanced.map((u) => u.why),
  ];
  for (const text of texts) if (/undefined|NaN/.test(text)) broken.push(`unclear: ${text}`);
  return broken;
}

/** Moves the target says wait for a hire (`waitsForHire`) that the rebalance does not hold. */
export function hireWaitsHeld(org: Org, result: RebalanceResult): string[] {
  const { target } = planOrg(org);
  const waiting = [...target.roleMoves, ...target.redeployments].filter(
    (m) => m.waitsForHire !== undefined,
  );
  return waiting
    .filter((m) => !result.unbalanced.some((u) => u.csm === m.id && u.limit === 'move-waits'))
    .map((m) => `the target says ${m.id}'s move ${m.waitsForHire}, but the rebalance makes it`);
}

/** The org file with the moves that apply now written in, as `rebalance --write` writes them. */
export function writtenText(text: string, result: RebalanceResult): string {
  const moves = result.moves.filter(appliesNow).map((m) => ({ account: m.account, to: m.to }));
  if (moves.length === 0) return text;
  const edit = setOwners(text, moves);
  if (!edit.ok) throw new Error(edit.reason);
  return edit.text;
}

export async function loadText(text: string, today: string): Promise<Org> {
  const loaded = await loadOrgText(text, 'org.yaml', { today });
  if (!loaded.org)
    throw new Error(loaded.diagnostics.map((d) => `${d.rule} ${d.message}`).join('\n'));
  return loaded.org;
}

/** A dated move in one line, to compare two runs' starter books. */
const datedKey = (m: { account: string; from: string | null; to: string; effective?: string }) =>
  `${m.account} ${m.from} -> ${m.to} from ${m.effective}`;

/**
 * Every invariant on one org file's text: rebalance, write the moves, check again, rebalance
 * again: nothing to move now, and the same starter books (the dated moves) as the first run.
 * Empty when all hold.
 */
export async function rebalanceBreaks(
  text: string,
  today: string,
  leftOut: ReadonlySet<string> = new Set(),
): Promise<string[]> {
  const org = await loadText(text, today);
  const result = rebalance(org);
  const after = await loadText(writtenText(text, result), today);
  const found = bookFindings(after);
  const broken = [...newOrWorse(bookFindings(org), found, leftOut), ...unexplained(result, found)];
  broken.push(...unclearOutput(result));
  broken.push(...hireWaitsHeld(org, result));
  const second = rebalance(after).moves;
  const again = second.filter(appliesNow);
  if (again.length > 0)
    broken.push(
      `a second rebalance proposes ${again.length} moves: ${again
        .slice(0, 3)
        .map((m) => `${m.account} ${m.from} -> ${m.to} (${m.rule})`)
        .join(', ')}`,
    );
  const datedFirst = result.moves.filter((m) => !appliesNow(m)).map(datedKey);
  const datedSecond = second.filter((m) => !appliesNow(m)).map(datedKey);
  if (datedFirst.join('\n') !== datedSecond.join('\n'))
    broken.push(
      `the second rebalance plans other starter books: [${datedFirst.join(', ')}] then [${datedSecond.join(', ')}]`,
    );
  return broken;
}

/** Owner -> account ids, sorted: the books an org gives. */
export function booksOf(org: Org): Map<string, string[]> {
  const books = new Map<string, string[]>();
  for (const a of org.accounts) {
    const owner = a.owner ?? '(none)';
    books.set(owner, [...(books.get(owner) ?? []), a.id].sort());
  }
  return new Map([...books].sort(([x], [y]) => (x < y ? -1 : 1)));
}

/** The export with each moved account's owner cell set as a CRM bulk update would set it. */
export function applyMovesCsv(exportText: string, movesText: string): string {
  const [header, ...moves] = parse(movesText) as string[][];
  const [idHeader, ownerHeader] = header as [string, string];
  const newOwner = new Map(moves.map(([id, owner]) => [id as string, owner as string]));
  const rows = parse(exportText, { bom: true, relax_column_count: true }) as string[][];
  const head = rows[0] as string[];
  const idAt = head.indexOf(idHeader);
  const ownerAt = head.indexOf(ownerHeader);
  const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
  return `${rows
    .map((row) => {
      const owner = newOwner.get(row[idAt] ?? '');
      return row.map((cell, i) => quote(i === ownerAt && owner ? owner : cell)).join(',');
    })
    .join('\r\n')}\r\n`;
}

/** The account fields a plain CSV export carries (its headers are the field names). */
const CSV_FIELDS: [keyof Account, string][] = [
  ['id', 'id'],
  ['arr', 'arr'],
  ['owner', 'owner'],
  ['health', 'health'],
  ['complexity', 'complexity'],
  ['industry', 'industry'],
  ['regulated', 'regulated'],
  ['region', 'region'],
  ['timezone', 'timezone'],
  ['language', 'language'],
  ['renewalDate', 'renewal_date'],
  ['locked', 'locked'],
  ['parent', 'parent'],
];

/** The org's accounts as a plain CSV export. */
function accountsCsv(org: Org): string {
  const cell = (value: unknown) => (value === undefined ? '' : `"${String(value)}"`);
  const rows = org.accounts.map((a) => CSV_FIELDS.map(([key]) => cell(a[key])).join(','));
  return `${[CSV_FIELDS.map(([, name]) => name).join(','), ...rows].join('\r\n')}\r\n`;
}

/**
 * Invariant 3: the org file's accounts moved to a CSV export beside it (in `dir`), the move list
 * of `--moves-csv` applied to that export gives the books `--write` gives on the inline accounts.
 */
export async function movesCsvBreaks(text: string, today: string, dir: string): Promise<string[]> {
  const inline = await loadText(text, today);
  if (inline.accounts.length === 0) return [];
  const orgText = text.replace(/^accounts:\n(?: {2}.*\n)+/m, 'accounts:\n  file: accounts.csv\n');
  await writeFile(join(dir, 'org.yaml'), orgText);
  const exportText = accountsCsv(inline);
  await writeFile(join(dir, 'accounts.csv'), exportText);
  const loaded = await loadOrgFile('org.yaml', { today, cwd: dir });
  if (!loaded.org) return ['the CSV route does not load'];
  const viaFile = await loadText(writtenText(text, rebalance(inline)), today);
  const due = rebalance(loaded.org).moves.filter(appliesNow);
  const update = movesCsv(due, loaded.org.team, loaded.accountsFile);
  await writeFile(join(dir, 'accounts.csv'), applyMovesCsv(exportText, update));
  const viaCsv = (await loadOrgFile('org.yaml', { today, cwd: dir })).org;
  if (!viaCsv) return ['the export with the move list applied does not load'];
  const a = JSON.stringify([...booksOf(viaFile)]);
  const b = JSON.stringify([...booksOf(viaCsv)]);
  return a === b ? [] : [`--moves-csv gives other books than --write: ${b} vs ${a}`];
}
