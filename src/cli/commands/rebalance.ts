/**
 * `csplan rebalance FILE` (and `csplan assign FILE`): the moves that bring every book inside its
 * team's band, each explained. A dry run unless `--write` (owners in the org file) or
 * `--moves-csv OUT` (a bulk-update file in the CRM export's own column names).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { movesCsv } from '../../config/csv/write-moves.js';
import { setOwners } from '../../config/write-owners.js';
import type { Org } from '../../core/model.js';
import { appliesNow, rebalance } from '../../core/rebalance/index.js';
import type { RebalanceResult } from '../../core/rebalance/types.js';
import { outputWidth, useColor } from '../color.js';
import { EXIT, UsageError } from '../exit-codes.js';
import type { CliIO } from '../io.js';
import { loadAndPlan, reportUnplannable } from '../load-plan.js';
import { parseAsOf, parseFormat } from '../options.js';
import { writeFileAtomic } from '../write-file.js';

export interface RebalanceCliOptions {
  format?: string;
  asOf?: string;
  color?: boolean;
  maxMoves?: string;
  tolerance?: string;
  onlyUnowned?: boolean;
  write?: boolean;
  movesCsv?: string;
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
  const planned = await loadAndPlan(file, io, { asOf, validOnly: true });
  const org = planned.loaded?.org;
  if (planned.invalid || !org) {
    return reportUnplannable(planned, io, {
      json: format === 'json',
      color: options.color,
      waiting: 'its books can be rebalanced',
      errorsOnly: true,
    });
  }
  const result = rebalance(
    org,
    {
      onlyUnowned: options.onlyUnowned === true,
      ...(maxMoves === undefined ? {} : { maxMoves }),
      ...(tolerance === undefined ? {} : { tolerance }),
    },
    planned.analysis,
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

  if (options.write) await writeOwners(file, result, io);
  if (options.movesCsv !== undefined)
    await writeMovesCsv(options.movesCsv, org, result, planned, io);
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

async function writeOwners(file: string, result: RebalanceResult, io: CliIO): Promise<void> {
  const path = resolve(io.cwd, file);
  const moves = dueNow(result);
  if (moves.length === 0) {
    io.stderr(`${file}: no owner to change.\n`);
    return;
  }
  const original = await readFile(path, 'utf8');
  const edit = setOwners(
    original,
    moves.map((m) => ({ account: m.account, to: m.to })),
  );
  if (!edit.ok) throw new UsageError(`${file}: not written: ${edit.reason}`);
  // Refused (compare-and-swap) when someone edited the file while csplan was planning it.
  await writeFileAtomic(path, edit.text, { replace: true, expected: original, name: file });
  io.stderr(`${file}: ${edit.changed} ${edit.changed === 1 ? 'owner' : 'owners'} changed.\n`);
}

async function writeMovesCsv(
  out: string,
  org: Org,
  result: RebalanceResult,
  planned: Awaited<ReturnType<typeof loadAndPlan>>,
  io: CliIO,
): Promise<void> {
  const source = planned.loaded?.accountsFile;
  const moves = dueNow(result);
  const text = movesCsv(moves, org.team, source);
  await writeFileAtomic(resolve(io.cwd, out), text, { replace: true, name: out });
  const n = moves.length;
  io.stderr(`${out}: ${n} ${n === 1 ? 'move' : 'moves'} written for a CRM bulk update.\n`);
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
