/**
 * `rebalance --write`: the new owners of the moves due now, written where the accounts are read
 * from: the org file's `owner:` values, or the owner cells of the CRM export it points at. Either
 * way only those bytes change, atomically, and never over an edit saved since csplan read the file.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ownerForm, ownerWriter } from '../../config/csv/owner-form.js';
import { setCsvOwners } from '../../config/csv/write-owners-csv.js';
import type { LoadResult } from '../../config/load.js';
import { type OwnerEdit, setOwners } from '../../config/write-owners.js';
import type { TeamMember } from '../../core/model.js';
import { UsageError } from '../exit-codes.js';
import type { CliIO } from '../io.js';
import { FileChangedError, osReason, WriteError, writeFileAtomic } from '../write-file.js';

export interface OwnerMove {
  account: string;
  /** The new owner's team id. */
  to: string;
}

export async function writeMovedOwners(
  file: string,
  loaded: LoadResult,
  team: readonly TeamMember[],
  moves: readonly OwnerMove[],
  io: CliIO,
  /** --moves-csv was given too: the CRM gets its bulk-update file in the same run. */
  movesListed = false,
): Promise<void> {
  const source = loaded.accountsFile;
  const target = source ? source.file : file;
  if (moves.length === 0) {
    io.stderr(`${target}: no owner to change.\n`);
    return;
  }
  const written = source
    ? await editExport(source, team, moves, io)
    : await editOrgFile(file, loaded.text, moves, io);
  const n = written.changed;
  io.stderr(`${target}: ${n} ${n === 1 ? 'owner' : 'owners'} changed.\n`);
  // Once the export holds the new owners, a second run has no moves left to list for the CRM.
  if (source && n > 0 && !movesListed)
    io.stderr(
      `${target}: the CRM still has the old owners; next time add --moves-csv FILE to --write for its bulk update (csplan diff --base shows the moves from git)\n`,
    );
}

async function editOrgFile(
  file: string,
  original: string | undefined,
  moves: readonly OwnerMove[],
  io: CliIO,
): Promise<{ changed: number }> {
  if (original === undefined) throw new UsageError(`${file}: not written: it was not read whole`);
  const edit = applied(file, setOwners(original, moves));
  // Compare-and-swap against the very bytes planned from: an edit saved while csplan planned
  // (a second read would have taken it in and then overwritten it) is a conflict.
  await writeFileAtomic(resolve(io.cwd, file), edit.text, {
    replace: true,
    expected: original,
    name: file,
  });
  return edit;
}

async function editExport(
  source: NonNullable<LoadResult['accountsFile']>,
  team: readonly TeamMember[],
  moves: readonly OwnerMove[],
  io: CliIO,
): Promise<{ changed: number }> {
  const name = source.file;
  const refuse = (why: string) => new UsageError(`${name}: not written: ${why}`);
  if (source.format !== 'csv')
    throw refuse(
      'csplan rewrites owners in a CSV export only; use --moves-csv FILE for the CRM upload, then export again',
    );
  const { id, owner } = source.columns;
  if (id === undefined || owner === undefined)
    throw refuse(
      'the export has no owner column to change; export it with the owner column (or map it with columns: { owner: "Your header" }), or use --moves-csv FILE for the CRM upload',
    );
  if (source.digest === undefined) throw refuse('it was not read whole');
  const path = resolve(io.cwd, name);
  const bytes = await readFile(path).catch((error: unknown) => {
    throw new WriteError(`${name}: could not read it again: ${osReason(error)}; nothing written`);
  });
  // Compare-and-swap against the bytes the plan was made from, not the file as it is now.
  if (createHash('sha256').update(bytes).digest('hex') !== source.digest)
    throw new FileChangedError(
      `${name} changed since csplan read it; nothing written; run the command again`,
    );
  const original = bytes.toString('utf8');
  const owned = ownerWriter(team, ownerForm(source.owners), source.ownerSpellings);
  const edit = applied(
    name,
    setCsvOwners(
      original,
      moves.map((m) => ({ account: m.account, owner: owned(m.to) })),
      { id, owner },
    ),
  );
  await writeFileAtomic(path, edit.text, { replace: true, expected: original, name });
  return edit;
}

function applied(file: string, edit: OwnerEdit): { text: string; changed: number } {
  if (!edit.ok) throw new UsageError(`${file}: not written: ${edit.reason}`);
  return edit;
}
