/**
 * New owners written into a CRM export in place: only the owner cell of each moved account's row
 * changes; every other byte (the byte-order mark, line ends, the delimiter, other cells and their
 * quoting, blank and footer lines) stays as it was. A new owner is quoted where the old cell was
 * (or, for an empty cell, where the row's id is), and wherever the value needs it. Pure: old text
 * in, new text out.
 */
import type { OwnerEdit } from '../write-owners.js';
import { cellText } from './cells.js';
import { CsvPositions } from './positions.js';

export interface CsvOwnerChange {
  account: string;
  /** The owner as the export writes owners (a name, an email or a team id). */
  owner: string;
}

export interface CsvColumns {
  /** 0-based index of the id column, as the mapping read it. */
  id: number;
  /** 0-based index of the owner column. */
  owner: number;
  /** The delimiter's character code (a comma by default). */
  delimiter?: number;
}

const QUOTE = '"';

export function setCsvOwners(
  original: string,
  changes: readonly CsvOwnerChange[],
  columns: CsvColumns,
): OwnerEdit {
  const delimiter = String.fromCharCode(columns.delimiter ?? 44);
  const positions = new CsvPositions(original, delimiter.charCodeAt(0));
  const wanted = new Map(changes.map((c) => [c.account, c.owner]));
  const found = new Map<string, { start: number; end: number; quoted: boolean }>();
  const duplicated = new Set<string>();
  let header = true;
  const width = Math.max(columns.id, columns.owner) + 1;
  const cellValue = (cell: { start: number; end: number }) =>
    unquote(original.slice(cell.start, cell.end));
  for (let record = 0; record < positions.recordCount(); record++) {
    // Data rows are read only as far as the id and owner cells.
    const cells = positions.cellRanges(record, header ? undefined : width);
    // The header is the first record that is not blank, as the reader takes it.
    if (header) {
      if (cells.some((c) => cellValue(c).trim() !== '')) header = false;
      continue;
    }
    const idCell = cells[columns.id];
    const ownerCell = cells[columns.owner];
    if (!idCell || !ownerCell) continue;
    const id = cellText(cellValue(idCell));
    if (!wanted.has(id)) continue;
    if (found.has(id)) duplicated.add(id);
    const old = original.slice(ownerCell.start, ownerCell.end);
    const quoted = old === '' ? original.startsWith(QUOTE, idCell.start) : old.startsWith(QUOTE);
    found.set(id, { ...ownerCell, quoted });
  }
  if (duplicated.size > 0) {
    const ids = [...duplicated].slice(0, 3).map((id) => `"${id}"`);
    return { ok: false, reason: `account ${ids.join(', ')} is on more than one row of the export` };
  }
  const missing = [...wanted.keys()].filter((id) => !found.has(id));
  if (missing.length > 0) {
    const ids = missing.slice(0, 3).map((id) => `"${id}"`);
    return { ok: false, reason: `account ${ids.join(', ')} is not a row of the export` };
  }
  // Pieces joined once: one splice at a time would copy the whole export per moved account.
  const splices = [...found.entries()]
    .map(([id, cell]) => ({
      ...cell,
      text: cellFor(wanted.get(id) as string, cell.quoted, delimiter),
    }))
    .sort((a, b) => a.start - b.start);
  const pieces: string[] = [];
  let at = 0;
  let changed = 0;
  for (const s of splices) {
    if (original.slice(s.start, s.end) !== s.text) changed++;
    pieces.push(original.slice(at, s.start), s.text);
    at = s.end;
  }
  pieces.push(original.slice(at));
  const text = pieces.join('');
  return { ok: true, text, changed };
}

/** A cell's value as csv-parse reads it: the quotes of a quoted cell off, `""` as `"`. */
function unquote(raw: string): string {
  if (!raw.startsWith(QUOTE)) return raw;
  const close = raw.lastIndexOf(QUOTE);
  return raw.slice(1, close > 0 ? close : raw.length).replaceAll('""', QUOTE);
}

/** The owner as a cell: quoted as the old one was, or where the delimiter, a quote or a line break requires it. */
function cellFor(value: string, quoted: boolean, delimiter: string): string {
  const needs =
    [delimiter, QUOTE, '\r', '\n'].some((c) => value.includes(c)) || value.trim() !== value;
  return quoted || needs ? `${QUOTE}${value.replaceAll(QUOTE, '""')}${QUOTE}` : value;
}
