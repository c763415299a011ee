/**
 * `csplan rebalance FILE` (and `csplan assign FILE`): the moves that bring every book inside its
 * team's band, each explained. A dry run unless `--write` (owners in the org file, or in the CRM
 * export it reads) or `--moves-csv OUT` (a bulk-update file in the CRM export's own column names).
 */
import { resolve } from 'node:path';
import { movesCsv } from '../../config/csv/write-moves.js';
import type { Org } from '../../core/model.js';
import { appliesNow, rebalance } from '../../core/rebalance/index.js';
import type { RebalanceResult } from '../../core/rebalance/types.js';
import { outputWidth, useColor } from '../color.js';
import { EXIT, UsageError } from '../exit-codes.js';
import type { CliIO } from '../io.js';
import { loadAndPlan, reportUnplannable } from '../load-plan.js';
import { parseAsOf, parseFormat } from '../options.js';
import {
  type NamedPath,
  refuseForeignFile,
  refuseInputAsOutput,
  writeFileAtomic,
} from '../write-file.js';

export interface RebalanceCliOptions {
  format?: string;
  asOf?: string;
  color?: boolean;
  maxMoves?: string;
  tolerance?: string;
  onlyUnowned?: boolean;
  write?: boolean;
  movesCsv?: string;
  force?: boolean;
}

const FORMATS = ['text', 'json', 'markdown', 'html'] as const;

export async function runRebalance(
  file: string,
  options: RebalanceCliOptions,
  io: CliIO,
): Promise<number> {
  const format = parseFormat(options.format, FORMATS, 'text');
  const asOf = parseAsOf(options.asOf);
  const maxMoves = parseCount(options.maxMoves, '--max-moves');
  const tolerance = parseShare(options.tolerance, '--tolerance');
  const color = format === 'text' && useColor(options.color, io);

  // The plan's findings are not shown here: only whether the file can be planned.
  const planned = await loadAndPlan(file, io, {
    asOf,
    validOnly: true,
    // --write rewrites a CSV export only if it still holds the bytes planned from.
    digestAccountsFile: options.write === true,
  });
  const org = planned.loaded?.org;
  if (planned.invalid || !org) {
    return reportUnplannable(planned, io, {
      json: format === 'json',
      color: options.color,
      waiting: 'its books can be rebalanced',
      errorsOnly: true,
    });
  }
  const movesOut =
    options.movesCsv === undefined
      ? undefined
      : { path: resolve(io.cwd, options.movesCsv), name: options.movesCsv };
  // Refused before anything is planned or written: the move list must never replace an input.
  if (movesOut) await refuseMovesTarget(movesOut, file, planned, options.force === true, io);
  const result = rebalance(
    org,
    {
      onlyUnowned: options.onlyUnowned === true,
      ...(maxMoves === undefined ? {} : { maxMoves }),
      ...(tolerance === undefined ? {} : { tolerance }),
    },
    planned.analysed,
  );

  if (format === 'json') {
    const { rebalanceJsonParts } = await import('../../render/rebalance.js');
    for (const part of rebalanceJsonParts(result, file)) io.stdout(part);
  } else if (format === 'markdown') {
    const { renderRebalanceMarkdown } = await import('../../render/rebalance.js');
    io.stdout(renderRebalanceMarkdown(result, file));
  } else if (format === 'html') {
    const { renderRebalanceHtml } = await import('../../render/html/rebalance.js');
    io.stdout(renderRebalanceHtml(result, file));
  } else {
    const { renderRebalanceText } = await import('../../render/rebalance.js');
    io.stdout(renderRebalanceText(result, { color, width: outputWidth(io), file }));
  }

  if (options.write && planned.loaded) {
    const { writeMovedOwners } = await import('./rebalance-write.js');
    await writeMovedOwners(
      file,
      planned.loaded,
      org.team,
      dueNow(result),
      io,
      movesOut !== undefined,
    );
  }
  if (movesOut) await writeMovesCsv(movesOut, org, result, planned, io);
  if (options.write || options.movesCsv !== undefined) {
    // Once, after what was written: the dated moves left out, and why.
    const { notWrittenNote } = await import('../../render/rebalance.js');
    const note = notWrittenNote(result.moves);
    if (note) io.stderr(`${note}\n`);
  }
  return EXIT.ok;
}

/** Owners of the moves that take effect now; a starter book waits for its date. */
function dueNow(result: RebalanceResult) {
  return result.moves.filter(appliesNow);
}

/** The move list may go to a new file or to a move list csplan wrote, never to an input. */
async function refuseMovesTarget(
  out: NamedPath,
  file: string,
  planned: Awaited<ReturnType<typeof loadAndPlan>>,
  force: boolean,
  io: CliIO,
): Promise<void> {
  const accounts = planned.loaded?.accountsFile?.file;
  await refuseInputAsOutput(out, [
    { path: resolve(io.cwd, file), name: file },
    accounts === undefined ? undefined : { path: resolve(io.cwd, accounts), name: accounts },
  ]);
  // Csplan's move list starts with the header it would write now (the export's id and owner).
  const header = movesCsv([], planned.org?.team ?? [], planned.loaded?.accountsFile);
  await refuseForeignFile(out, {
    owns: (head) => head.startsWith(header),
    what: 'a move list csplan wrote',
    force,
  });
}

async function writeMovesCsv(
  out: NamedPath,
  org: Org,
  result: RebalanceResult,
  planned: Awaited<ReturnType<typeof loadAndPlan>>,
  io: CliIO,
): Promise<void> {
  const source = planned.loaded?.accountsFile;
  const moves = dueNow(result);
  const text = movesCsv(moves, org.team, source);
  await writeFileAtomic(out.path, text, { replace: true, name: out.name });
  const n = moves.length;
  io.stderr(`${out.name}: ${n} ${n === 1 ? 'move' : 'moves'} written for a CRM bulk update.\n`);
}

function parseCount(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} takes a whole number (got "${value}")`);
  return Number(value);
}

function parseShare(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d*\.?\d+$/.test(value) || n > 1)
    throw new UsageError(`${flag} takes a share between 0 and 1, e.g. 0.1 (got "${value}")`);
  return n;
}
