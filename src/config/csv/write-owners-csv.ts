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
const COMMA = 44;

interface OwnerCell {
  start: number;
  end: number;
  /** The new owner is quoted: the old cell was, or (empty) the row's id is. */
  quoted: boolean;
}

export function setCsvOwners(
  original: string,
  changes: readonly CsvOwnerChange[],
  columns: CsvColumns,
): OwnerEdit {
  const delimiter = String.fromCharCode(columns.delimiter ?? COMMA);
  const wanted = new Map(changes.map((c) => [c.account, c.owner]));
  const { found, duplicated } = ownerCells(original, new Set(wanted.keys()), columns);
  if (duplicated.length > 0) {
    const ids = duplicated.slice(0, 3).map((id) => `"${id}"`);
    return { ok: false, reason: `account ${ids.join(', ')} is on more than one row of the export` };
  }
  const missing = [...wanted.keys()].filter((id) => !found.has(id));
  if (missing.length > 0) {
    const ids = missing.slice(0, 3).map((id) => `"${id}"`);
    return { ok: false, reason: `account ${ids.join(', ')} is not a row of the export` };
  }
  const splices = [...found.entries()].map(([id, cell]) => ({
    ...cell,
    text: cellFor(wanted.get(id) as string, cell.quoted, delimiter),
  }));
  return { ok: true, ...spliced(original, splices) };
}

/** The owner cell of each row whose id is one of `ids`, and the ids found on two rows. */
function ownerCells(
  original: string,
  ids: ReadonlySet<string>,
  columns: CsvColumns,
): { found: Map<string, OwnerCell>; duplicated: string[] } {
  const positions = new CsvPositions(original, columns.delimiter ?? COMMA);
  const found = new Map<string, OwnerCell>();
  const duplicated = new Set<string>();
  const width = Math.max(columns.id, columns.owner) + 1;
  const cellValue = (cell: { start: number; end: number }) =>
    unquote(original.slice(cell.start, cell.end));
  let header = true;
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
    if (!ids.has(id)) continue;
    if (found.has(id)) duplicated.add(id);
    const old = original.slice(ownerCell.start, ownerCell.end);
    const quoted = old === '' ? original.startsWith(QUOTE, idCell.start) : old.startsWith(QUOTE);
    found.set(id, { ...ownerCell, quoted });
  }
  return { found, duplicated: [...duplicated] };
}

/** The text with each range replaced, in one join (a splice at a time copies it per change). */
function spliced(
  original: string,
  splices: { start: number; end: number; text: string }[],
): { text: string; changed: number } {
  const pieces: string[] = [];
  let at = 0;
  let changed = 0;
  for (const s of [...splices].sort((a, b) => a.start - b.start)) {
    if (original.slice(s.start, s.end) !== s.text) changed++;
    pieces.push(original.slice(at, s.start), s.text);
    at = s.end;
  }
  pieces.push(original.slice(at));
  return { text: pieces.join(''), changed };
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
