/**
 * The monthly refresh: what a new CRM export changes against the one the org file reads now
 * (accounts added and removed, ARR and owner changes, totals), so a CS Ops person sees the month
 * before pointing the plan at it.
 */
import { dirname } from 'node:path';
import type { AccountsFileResult, AccountsFileSpec } from '../../config/accounts-file.js';
import type { TeamMemberInput } from '../../config/schema.js';
import { formatCount, formatMoney, plural } from '../../core/money.js';

interface Row {
  id: string;
  name?: string;
  arr: number;
  owner?: string;
}

export interface ExportChanges {
  /** The export the org file reads now, as given in the org file. */
  from: string;
  added: Row[];
  removed: Row[];
  arr: { id: string; name?: string; before: number; after: number }[];
  owners: { id: string; name?: string; before?: string; after?: string }[];
  before: { accounts: number; arr: number };
  after: { accounts: number; arr: number };
}

/** Account by account, matched by id; rows in the order of the new export, then the old. */
export function compareExports(
  from: string,
  before: readonly Row[],
  after: readonly Row[],
): ExportChanges {
  const old = new Map(before.map((a) => [a.id, a]));
  const now = new Map(after.map((a) => [a.id, a]));
  const changes: ExportChanges = {
    from,
    added: after.filter((a) => !old.has(a.id)),
    removed: before.filter((a) => !now.has(a.id)),
    arr: [],
    owners: [],
    before: { accounts: before.length, arr: sumArr(before) },
    after: { accounts: after.length, arr: sumArr(after) },
  };
  for (const a of after) {
    const b = old.get(a.id);
    if (!b) continue;
    if (b.arr !== a.arr) changes.arr.push({ id: a.id, name: a.name, before: b.arr, after: a.arr });
    if (b.owner !== a.owner)
      changes.owners.push({ id: a.id, name: a.name, before: b.owner, after: a.owner });
  }
  return changes;
}

function sumArr(rows: readonly Row[]): number {
  let total = 0;
  for (const row of rows) total += row.arr;
  return total;
}

/** Reads the export the org file reads now with its own mapping and compares the new one to it. */
export async function refreshChanges(
  org: { absolute: string; team: TeamMemberInput[] },
  current: AccountsFileSpec,
  result: AccountsFileResult,
): Promise<ExportChanges | undefined> {
  const { readAccountsFile } = await import('../../config/accounts-file.js');
  const old = await readAccountsFile(current, {
    orgFile: org.absolute,
    baseDir: dirname(org.absolute),
    team: org.team,
  });
  // Last month's export gone or unreadable: there is nothing to compare with.
  if (old.accounts.length === 0 && old.diagnostics.some((d) => d.path[0] === 'accounts'))
    return undefined;
  return compareExports(current.file, old.accounts, result.accounts);
}

const SHOWN = 5;

/** The changes as text lines: a summary line, then the first few of each kind. */
export function changesText(changes: ExportChanges): string[] {
  const { before, after } = changes;
  const net = after.arr - before.arr;
  const out = [
    `Changes from ${changes.from}: ${formatCount(before.accounts)} -> ${formatCount(after.accounts)} accounts, ${formatMoney(before.arr)} -> ${formatMoney(after.arr)} ARR (${net >= 0 ? '+' : '-'}${formatMoney(Math.abs(net))})`,
  ];
  const label = (r: { id: string; name?: string }) => (r.name ? `${r.id} (${r.name})` : r.id);
  const list = (title: string, lines: string[]) => {
    if (lines.length === 0) return;
    out.push(`  ${title}`);
    for (const line of lines.slice(0, SHOWN)) out.push(`    ${line}`);
    if (lines.length > SHOWN) out.push(`    and ${formatCount(lines.length - SHOWN)} more`);
  };
  list(
    `${plural(changes.added.length, 'account')} added, ${formatMoney(sumArr(changes.added))} ARR`,
    changes.added.map((a) => `+ ${label(a)} ${formatMoney(a.arr)}`),
  );
  list(
    `${plural(changes.removed.length, 'account')} removed, ${formatMoney(sumArr(changes.removed))} ARR`,
    changes.removed.map((a) => `- ${label(a)} ${formatMoney(a.arr)}`),
  );
  list(
    `${plural(changes.arr.length, 'ARR change')}`,
    changes.arr.map((c) => `${label(c)} ${formatMoney(c.before)} -> ${formatMoney(c.after)}`),
  );
  list(
    `${plural(changes.owners.length, 'owner change')}`,
    changes.owners.map((c) => `${label(c)} ${c.before ?? '(none)'} -> ${c.after ?? '(none)'}`),
  );
  if (out.length === 1) out.push('  no account added, removed or changed');
  // Said outright: after `rebalance --write` and the CRM upload, it confirms the moves landed.
  else if (changes.owners.length === 0) out.push('  no owner changes');
  return out;
}
