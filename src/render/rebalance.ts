/** `csplan rebalance` output: text for a terminal, JSON for scripts, markdown for a PR description. */

import { formatMoney, formatPct, plural } from '../core/money.js';
import {
  appliesNow,
  type BookChange,
  type BookFigures,
  type Move,
  type RebalanceResult,
  type Unbalanced,
  type Unmovable,
} from '../core/rebalance/types.js';
import { cite } from '../core/sources.js';
import { SCHEMA_VERSION } from './json.js';
import { mdCode, mdTable, mdText } from './md-text.js';
import { painter } from './paint.js';
import { safeOutput } from './safe-text.js';
import { renderTable } from './table.js';
import { fitText } from './wrap.js';

export interface RebalanceRenderOptions {
  color: boolean;
  width: number;
  file: string;
}

/** The rules in the order the engine applies them, each with its source. */
export const RULE_ORDER: string[] = [
  `Hard rules: an account only goes to a CSM of the target team that serves it (its segment, and its industry where the target org draws industry teams), and a CSM the target org moves to another team or into a function hands over the accounts it does not serve (into a function: the whole book), all in one piece or none, the move waiting, when a book lacks room; an account stays with a CSM of its region (region:, or time zone) unless it must change owner and nobody there can take it; locked accounts and account groups stay; no move within the renewal freeze unless the CSM leaves ${cite('common-practice')}; a family (parent:) moves together ${cite('common-practice')}; a leaving CSM hands over the whole book; nobody gets more than the ramp allows, and a planned hire gets a starter book when the ramp gives one ${cite('org-design-guide')}.`,
  `Limits \`check\` enforces, kept by every move: no book goes past the largest book the benchmarks allow (csm-overloaded) or the ramp (ramp-overload), over 30% red/yellow (book-health-mix), or gives a junior CSM a complex account (seniority-mismatch); a book already past one only gets lighter ${cite('cs-ops-architect')}.`,
  `1. Loads inside the team band: no book above the team's mean load plus the tolerance (never above 100% of a target book while the team has room), none far below it ${cite('cs-ops-architect')}.`,
  `2. At most 30% red/yellow accounts per book, where the team's mix allows it ${cite('cs-ops-architect')}.`,
  `3. Complex accounts to senior CSMs with room; red accounts lean to seniors ${cite('cs-ops-architect')}.`,
  `4. Fit: neighbouring tiers in one book, then the account's language, then industry and time zone where the file has them ${cite('cs-ops-architect')}.`,
  `5. The fewest moves: the smallest account that brings a book inside its band, green and not renewing soon first; the rest keep their CSM ${cite('cs-ops-architect')}.`,
];

export const share = (value: number | null) => (value === null ? '-' : formatPct(value));

export function statusNote(book: BookChange): string {
  if (book.status === 'leaving') return ' (leaving)';
  if (book.newRole !== undefined) return ` (moving to ${book.newRole})`;
  if (book.status === 'planned') return ' (not started)';
  if (book.status === 'ramping')
    return book.capacity < 1 ? ` (ramping, ${formatPct(book.capacity)} of a book)` : ' (ramping)';
  return '';
}

/**
 * Which moves a write left out and why, for the line after "N owners changed"; empty when every
 * move was written. Grouped by new owner and date, accounts named.
 */
export function notWrittenNote(moves: readonly Move[]): string {
  const groups = new Map<string, { to: string; effective: string; accounts: string[] }>();
  for (const move of moves) {
    if (appliesNow(move)) continue;
    const effective = move.effective as string;
    const key = `${move.to}\u0000${effective}`;
    const group = groups.get(key) ?? { to: move.to, effective, accounts: [] };
    group.accounts.push(move.account);
    groups.set(key, group);
  }
  if (groups.size === 0) return '';
  const listed = [...groups.values()].map((g) => {
    const shown = g.accounts.slice(0, 5).join(', ');
    const more = g.accounts.length > 5 ? ` and ${g.accounts.length - 5} more` : '';
    return `${plural(g.accounts.length, 'starter-book move')} to ${g.to} from ${g.effective} (${shown}${more})`;
  });
  const dates = [...new Set([...groups.values()].map((g) => g.effective))];
  return `Not written, as they take effect later: ${listed.join('; ')}. A planned hire owns accounts only from the date the ramp gives a first book; owned before, \`csplan check\` reports ramp-overload. Run the rebalance again on or after ${dates.length === 1 ? dates[0] : 'each date'} to write them.`;
}

function moveLine(move: Move): string {
  const from = move.from ?? 'no owner';
  const when = move.effective ? ` from ${move.effective}` : '';
  const name = move.name && move.name !== move.account ? ` ${move.name}` : '';
  return `${move.account}${name} (${formatMoney(move.arr)}, ${move.segment}${move.health ? `, ${move.health}` : ''}): ${from} -> ${move.to}${when}`;
}

export function rebalanceSummary(result: RebalanceResult): string {
  const what = result.onlyUnowned ? 'Assignment' : 'Rebalance';
  const left =
    result.movesLeft > 0
      ? `; ${plural(result.movesLeft, 'more move')} left out by --max-moves ${result.maxMoves}`
      : '';
  const later = laterMoves(result.moves);
  const moves =
    later.length === 0
      ? plural(result.moves.length, 'move')
      : `${plural(result.moves.length - later.length, 'move')} now, ${later.length} planned for later (${plural(new Set(later.map((m) => m.to)).size, 'starter book')})`;
  return `${what} as of ${result.asOf}: ${moves}, ${plural(result.unmovable.length, 'account')} that could not move${left}.`;
}

/** The moves dated later: planned hires' starter books, not written until their date. */
function laterMoves(moves: readonly Move[]): Move[] {
  return moves.filter((m) => !appliesNow(m));
}

/** Starter-book moves by hire and date, in the order found. */
export interface StarterBook {
  to: string;
  effective: string;
  moves: Move[];
  arr: number;
  /** The books they come from, in the order found. */
  from: string[];
}

export function starterBooks(moves: readonly Move[]): StarterBook[] {
  const books = new Map<string, StarterBook>();
  for (const move of laterMoves(moves)) {
    const effective = move.effective as string;
    const key = `${move.to}\u0000${effective}`;
    const book = books.get(key) ?? { to: move.to, effective, moves: [], arr: 0, from: [] };
    book.moves.push(move);
    book.arr += move.arr;
    const from = move.from ?? 'no owner';
    if (!book.from.includes(from)) book.from.push(from);
    books.set(key, book);
  }
  return [...books.values()];
}

/** One starter book in a line: whose, from when, how big, from whom. */
export function starterBookLine(book: StarterBook): string {
  return `${book.to}, from ${book.effective}: ${plural(book.moves.length, 'account')}, ${formatMoney(book.arr)}, from ${book.from.join(', ')}`;
}

/** Accounts that could not move for the same reason, from the same owner. */
export interface UnmovableGroup {
  owner: string | null;
  reason: Unmovable['reason'];
  detail: string;
  accounts: string[];
  arr: number;
}

/** The unmovable accounts grouped by owner and cause (same words), in the order listed. */
export function groupUnmovable(list: readonly Unmovable[]): UnmovableGroup[] {
  const groups: UnmovableGroup[] = [];
  // Owner, then reason, then detail: no key is built per account (60k at 100k accounts), and
  // most accounts share one detail string, hashed once.
  const byOwner = new Map<string, Map<string, Map<string, UnmovableGroup>>>();
  for (const u of list) {
    const byDetail = mapAt(mapAt(byOwner, u.owner ?? ''), u.reason);
    let group = byDetail.get(u.detail);
    if (!group) {
      group = { owner: u.owner, reason: u.reason, detail: u.detail, accounts: [], arr: 0 };
      byDetail.set(u.detail, group);
      groups.push(group);
    }
    group.accounts.push(u.account);
    group.arr += u.arr;
  }
  return groups;
}

/** The map under `key` in `outer`, made on first use. */
function mapAt<V>(outer: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let inner = outer.get(key);
  if (!inner) {
    inner = new Map();
    outer.set(key, inner);
  }
  return inner;
}

/** The first ids of a list and how many more: "mm-01, mm-02 and 39 more". */
export function firstIds(ids: readonly string[], shown = 5): string {
  const more = ids.length > shown ? ` and ${ids.length - shown} more` : '';
  return `${ids.slice(0, shown).join(', ')}${more}`;
}

/** A group's head: one account by id, several by owner and count, with their ARR. */
function unmovableHead(g: UnmovableGroup): string {
  const owner = g.owner ?? 'no owner';
  return g.accounts.length === 1
    ? `${g.accounts[0]} (${owner}, ${formatMoney(g.arr)})`
    : `${owner}: ${plural(g.accounts.length, 'account')}, ${formatMoney(g.arr)}`;
}

/**
 * A team in one line: its size and band, or why a band means nothing (the work is past what the
 * team can carry, or there is none, or nobody can carry a book today).
 */
function teamLine(team: RebalanceResult['teams'][number], books: readonly BookChange[]): string {
  const name = `Team ${team.key} (${team.segments.join(', ') || 'no accounts'})`;
  if (team.members.length === 0) return `${name}: no CSM yet`;
  const head = `${name}: ${plural(team.members.length, 'CSM')}`;
  if (team.mean === 0) {
    const own = books.filter((b) => team.members.includes(b.csm));
    if (own.every((b) => b.after.accounts === 0)) return `${head}; their books hold no accounts`;
    if (own.every((b) => b.capacity === 0)) return `${head}; none of them can carry a book today`;
  }
  if (team.mean > 1)
    return `${head}; its books hold ${formatPct(team.mean)} of what its CSMs can carry today: the team needs more CSMs, and no book may pass the largest allowed`;
  return `${head}, mean load ${formatPct(team.mean)}, band up to ${formatPct(team.upper)}`;
}

export function renderRebalanceText(
  result: RebalanceResult,
  options: RebalanceRenderOptions,
): string {
  const c = painter(options.color);
  const out: string[] = [c.bold(`${options.file}`), rebalanceSummary(result), ''];
  for (const team of result.teams) out.push(teamLine(team, result.books));
  out.push(
    c.dim(
      "Load: a book as a share of what its CSM can carry today (100% = a full target book for a ramped, full-time CSM); the band is the team's mean load plus the tolerance.",
    ),
    '',
  );
  const now = result.moves.filter(appliesNow);
  if (now.length > 0) {
    out.push(c.bold('Moves'));
    for (const move of now) {
      out.push(`  ${moveLine(move)}`);
      out.push(`    ${c.dim(move.reason)}`);
    }
  } else {
    out.push(noMovesLine(result));
  }
  const starters = starterBooks(result.moves);
  if (starters.length > 0) {
    out.push('', c.bold('Planned for later: starter books, written on or after their date'));
    for (const book of starters) {
      out.push(`  ${starterBookLine(book)}`);
      for (const move of book.moves) out.push(`    ${moveLine(move)}`);
    }
  }
  if (result.unmovable.length > 0) {
    const arr = result.unmovable.reduce((sum, u) => sum + u.arr, 0);
    out.push(
      '',
      c.bold(`Could not move (${plural(result.unmovable.length, 'account')}, ${formatMoney(arr)})`),
    );
    for (const g of groupUnmovable(result.unmovable)) {
      out.push(`  ${unmovableHead(g)}: ${g.detail}`);
      if (g.accounts.length > 1) out.push(`    ${c.dim(firstIds(g.accounts))}`);
    }
  }
  out.push('', c.bold('Books (accounts, ARR, load of what the CSM can carry today, red/yellow)'));
  const rows = result.books.map((b) => [
    `${b.csm}${statusNote(b)}`,
    b.team,
    `${b.before.accounts} -> ${b.after.accounts}`,
    `${formatMoney(b.before.arr)} -> ${formatMoney(b.after.arr)}`,
    `${loadText(b, 'before')} -> ${loadText(b, 'after')}`,
    `${share(b.before.atRisk)} -> ${share(b.after.atRisk)}`,
  ]);
  out.push(
    renderTable(['CSM', 'team', 'accounts', 'ARR', 'load', 'red/yellow'], rows, {
      color: options.color,
      width: options.width,
    }),
  );
  if (result.unbalanced.length > 0) {
    out.push('', c.bold('Still past a limit'));
    for (const u of result.unbalanced) {
      out.push(`  ${pastLine(u, result)}`);
      out.push(`    ${c.dim(u.why)}`);
    }
  }
  out.push('', c.bold('Rules, in order'));
  for (const rule of RULE_ORDER) out.push(`  ${rule}`);
  if (result.moves.length > 0) {
    out.push(
      '',
      c.dim(
        'Apply with --write (owners in the org file or its CRM export) or --moves-csv FILE (a CRM upload).',
      ),
    );
    if (starters.length > 0)
      out.push(
        c.dim(
          'Starter books are not written until their date: a planned hire who owns accounts before the ramp gives a first book leaves them uncovered (ramp-overload).',
        ),
      );
  }
  return fitText(safeOutput(`${out.join('\n')}\n`, options), options.width);
}

function noMovesLine(result: RebalanceResult): string {
  if (result.moves.length > 0) return 'No moves to make now.';
  if (result.unbalanced.length === 0 && result.unmovable.length > 0)
    return 'No moves: the accounts below could not move (see why for each).';
  if (result.unbalanced.length === 0)
    return 'No moves: every book is inside its band and no account needs a new owner.';
  const books = new Set(result.unbalanced.map((u) => u.csm)).size;
  return `No moves: ${plural(books, 'book')} still past a limit, and nothing could move (see below).`;
}

/** A book still past a limit, in words: which limit and where the book stands. */
function pastLine(u: Unbalanced, result: RebalanceResult): string {
  const at = Number.isFinite(u.loadShare) ? formatPct(u.loadShare) : 'a book with no capacity';
  switch (u.limit) {
    case 'move-waits':
      return `${u.csm} (${u.team}) keeps the whole book: the move the target org plans waits`;
    case 'no-capacity':
      // A leaver still works until the leave date: the book is not over a limit, it waits for a taker.
      return result.books.some((b) => b.csm === u.csm && b.status === 'leaving')
        ? `${u.csm} (${u.team}) leaves with accounts nobody has taken over yet`
        : `${u.csm} (${u.team}) holds accounts and can carry no book today`;
    case 'ramp':
      return `${u.csm} (${u.team}) at ${formatPct(u.capUse ?? 0)} of the book the ramp allows`;
    case 'largest-book':
      return `${u.csm} (${u.team}) at ${formatPct(u.capUse ?? 0)} of the largest book the benchmarks allow`;
    case 'band':
      return `${u.csm} (${u.team}) at ${at}; band up to ${formatPct(u.upper)}`;
    case 'health-mix':
      return `${u.csm} (${u.team}) ${formatPct(u.atRisk ?? 0)} red/yellow`;
  }
}

/** Load as a share of what the CSM carries today; a book with no capacity shows its size. */
/** A book before -> after, as the cells of the Markdown and HTML tables (CSM, team, accounts, ARR, load, red/yellow). */
export function bookCells(b: BookChange): string[] {
  return [
    `${b.csm}${statusNote(b)}`,
    b.team,
    `${b.before.accounts} → ${b.after.accounts}`,
    `${formatMoney(b.before.arr)} → ${formatMoney(b.after.arr)}`,
    `${loadText(b, 'before')} → ${loadText(b, 'after')}`,
    `${share(b.before.atRisk)} → ${share(b.after.atRisk)}`,
  ];
}

export function loadText(book: BookChange, when: 'before' | 'after'): string {
  const f = book[when];
  if (f.loadShare !== null) return formatPct(f.loadShare);
  return f.load > 0 ? `${formatPct(f.load)} of a book` : '0%';
}

const r3 = (value: number) => Math.round(value * 1000) / 1000;

function figuresJson(f: BookFigures) {
  return {
    accounts: f.accounts,
    arr: f.arr,
    load: r3(f.load),
    loadShare: f.loadShare === null ? null : r3(f.loadShare),
    atRisk: f.atRisk === null ? null : r3(f.atRisk),
  };
}

export function renderRebalanceJson(result: RebalanceResult, file: string): string {
  return rebalanceJsonParts(result, file).join('');
}

/** Moves per part of the JSON text: about 0.7 MB. */
const MOVES_PER_PART = 2000;
const EMPTY_MOVES = '\n  "moves": []';
const WRAP_HEAD = '{\n  "moves": [\n';
const WRAP_TAIL = '\n  ]\n}';

/**
 * The text of `renderRebalanceJson` in parts to write one by one, the moves `batch` at a time: at
 * 100k accounts the text is 24 MB, and one string that size is copied whole to be written (about
 * 0.15 s here). Each batch is stringified inside `{ moves: [...] }`, which puts its moves at the
 * same depth as in the whole document, so the parts join to the same bytes.
 */
export function rebalanceJsonParts(
  result: RebalanceResult,
  file: string,
  batch = MOVES_PER_PART,
): string[] {
  const body = {
    schemaVersion: SCHEMA_VERSION,
    file,
    asOf: result.asOf,
    onlyUnowned: result.onlyUnowned,
    tolerance: result.tolerance,
    maxMoves: result.maxMoves,
    moves: [],
    movesLeft: result.movesLeft,
    unmovable: groupUnmovable(result.unmovable).map(unmovableJson),
    books: result.books.map((b) => ({
      csm: b.csm,
      team: b.team,
      status: b.status,
      newRole: b.newRole ?? null,
      capacity: r3(b.capacity),
      before: figuresJson(b.before),
      after: figuresJson(b.after),
    })),
    teams: result.teams.map((t) => ({ ...t, mean: r3(t.mean), upper: r3(t.upper) })),
    unbalanced: result.unbalanced.map((u) => ({
      ...u,
      loadShare: Number.isFinite(u.loadShare) ? r3(u.loadShare) : null,
      upper: r3(u.upper),
      ...(u.capUse === undefined ? {} : { capUse: r3(u.capUse) }),
      ...(u.atRisk === undefined ? {} : { atRisk: r3(u.atRisk) }),
    })),
  };
  const text = JSON.stringify(body, null, 2);
  if (result.moves.length === 0) return [`${text}\n`];
  // The first line break before "moves" is the structural one: strings hold theirs escaped.
  const at = text.indexOf(EMPTY_MOVES);
  const parts = [`${text.slice(0, at)}\n  "moves": [\n`];
  for (let from = 0; from < result.moves.length; from += batch) {
    const moves = result.moves.slice(from, from + batch).map(moveJson);
    const wrapped = JSON.stringify({ moves }, null, 2);
    const inner = wrapped.slice(WRAP_HEAD.length, wrapped.length - WRAP_TAIL.length);
    parts.push(from === 0 ? inner : `,\n${inner}`);
  }
  parts.push(`\n  ]${text.slice(at + EMPTY_MOVES.length)}\n`);
  return parts;
}

/**
 * One group of accounts that could not move: same owner, reason and words. Every id is listed
 * (a script tags or assigns them in the CRM), in one array per group: at 100k accounts, 62,790
 * ids in 30 groups, where an object per account made 21 MB.
 */
function unmovableJson(g: UnmovableGroup) {
  return {
    owner: g.owner,
    reason: g.reason,
    detail: g.detail,
    count: g.accounts.length,
    arr: g.arr,
    accounts: g.accounts,
  };
}

function moveJson(m: Move) {
  return {
    account: m.account,
    name: m.name ?? null,
    from: m.from,
    to: m.to,
    reason: m.reason,
    rule: m.rule,
    effective: m.effective ?? null,
    applyNow: appliesNow(m),
    family: m.family ?? null,
    arr: m.arr,
    segment: m.segment,
    health: m.health ?? null,
  };
}

export function renderRebalanceMarkdown(result: RebalanceResult, file: string): string {
  const out: string[] = [
    `## ${result.onlyUnowned ? 'Assignment' : 'Rebalance'} of ${mdCode(file).markdown}`,
    '',
    mdText(rebalanceSummary(result)),
    '',
  ];
  const now = result.moves.filter(appliesNow);
  if (now.length > 0) {
    const rows = now.map((m) => [
      m.name ? `${m.account} ${m.name}` : m.account,
      m.from ?? 'no owner',
      m.to,
      m.reason,
    ]);
    out.push('### Moves', '', mdTable(['Account', 'From', 'To', 'Why'], rows), '');
  }
  const starters = starterBooks(result.moves);
  if (starters.length > 0) {
    const rows = starters.map((b) => [
      b.to,
      b.effective,
      `${b.moves.length}: ${firstIds(b.moves.map((m) => m.account))}`,
      formatMoney(b.arr),
      b.from.join(', '),
    ]);
    out.push(
      '### Planned for later',
      '',
      mdText(
        'Starter books for planned hires, written on or after their date (owned before it, they would have nobody to cover them).',
      ),
      '',
      mdTable(['Hire', 'From', 'Accounts', 'ARR', 'Taken from'], rows, [3]),
      '',
    );
  }
  if (result.unmovable.length > 0) {
    const rows = groupUnmovable(result.unmovable).map((g) => [
      g.owner ?? 'no owner',
      `${g.accounts.length}: ${firstIds(g.accounts)}`,
      formatMoney(g.arr),
      g.detail,
    ]);
    out.push(
      '### Could not move',
      '',
      mdTable(['Owner', 'Accounts', 'ARR', 'Why, and what to do'], rows, [2]),
      '',
    );
  }
  const books = result.books.map(bookCells);
  out.push(
    '### Books',
    '',
    mdTable(['CSM', 'Team', 'Accounts', 'ARR', 'Load', 'Red/yellow'], books, [2, 3, 4, 5]),
  );
  if (result.unbalanced.length > 0) {
    out.push('', '### Still past a limit', '');
    for (const u of result.unbalanced)
      out.push(`- ${mdText(pastLine(u, result))}: ${mdText(u.why)}`);
  }
  out.push('', '<details><summary>Rules, in order</summary>', '');
  for (const rule of RULE_ORDER) out.push(`- ${mdText(rule)}`);
  out.push('', '</details>');
  return safeOutput(`${out.join('\n')}\n`, { color: false });
}
