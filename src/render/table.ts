/**
 * Tables for a terminal of a given width: one line per row when the table fits; cells wrapped at
 * word boundaries when it does not; one block of `Column  value` lines per row (stacked) when
 * even wrapped columns cannot fit. cli-table3 draws the boxes, with no colour codes unless asked.
 */
import Table from 'cli-table3';
import { longestWord, visibleLength, wrapText } from './wrap.js';

export interface TableOptions {
  color: boolean;
  width: number;
  /** Column indexes to right-align (numbers). */
  right?: number[];
}

export type TableLayout = 'lines' | 'wrapped' | 'stacked';

/** Which layout a table takes at a width, and the width of each column's text. */
export function tableLayout(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  width: number,
): { layout: TableLayout; widths: number[] } {
  const column = (i: number) => [head[i] ?? '', ...rows.map((row) => row[i] ?? '')];
  const natural = head.map((_, i) => Math.max(...column(i).map(visibleLength)));
  // Cell padding (1 each side) and borders: 3 per column + 1.
  const room = width - (head.length * 3 + 1);
  if (sum(natural) <= room) return { layout: 'lines', widths: natural };
  const least = head.map((_, i) => Math.max(...column(i).map(longestWord)));
  if (sum(least) > room) return { layout: 'stacked', widths: least };
  return { layout: 'wrapped', widths: shareColumns(natural, least, room) };
}

/**
 * Column widths that add up to `room`: a column narrower than a fair share of what is left keeps
 * its whole width (short cells stay on one line); the wide ones share the rest.
 */
function shareColumns(
  natural: readonly number[],
  least: readonly number[],
  room: number,
): number[] {
  const widths = [...least];
  const open = new Set(natural.keys());
  let left = room;
  while (open.size > 0) {
    const fair = left / open.size;
    const narrow = [...open].filter((i) => (natural[i] ?? 0) <= fair);
    if (narrow.length === 0) break;
    for (const i of narrow) {
      widths[i] = natural[i] ?? 0;
      left -= widths[i] ?? 0;
      open.delete(i);
    }
  }
  const wide = [...open];
  if (sum(wide.map((i) => least[i] ?? 0)) > left)
    return grow([...least], natural, [...natural.keys()], room - sum(least));
  return grow(widths, natural, wide, left - sum(wide.map((i) => least[i] ?? 0)));
}

/** Gives `spare` columns one at a time to the column furthest from its natural width. */
function grow(
  widths: number[],
  natural: readonly number[],
  columns: readonly number[],
  spare: number,
): number[] {
  for (; spare > 0; spare--) {
    let furthest = -1;
    let short = 0;
    for (const i of columns) {
      const gap = (natural[i] ?? 0) - (widths[i] ?? 0);
      if (gap > short) [furthest, short] = [i, gap];
    }
    if (furthest < 0) break;
    widths[furthest] = (widths[furthest] ?? 0) + 1;
  }
  return widths;
}

export function renderTable(head: string[], rows: string[][], options: TableOptions): string {
  const { layout, widths } = tableLayout(head, rows, options.width);
  if (layout === 'stacked') return stackedTable(head, rows, options.width);
  const wrapped = layout === 'wrapped';
  const fit = (cell: string, i: number) =>
    wrapped ? wrapText(cell, widths[i] ?? 1).join('\n') : cell;
  const table = new Table({
    head: head.map(fit),
    style: options.color ? { head: ['bold'], border: ['grey'] } : { head: [], border: [] },
    ...(wrapped ? { colWidths: widths.map((w) => w + 2) } : {}),
    // Row rules only where cells wrap; otherwise one line per row reads faster.
    ...(wrapped ? {} : { chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' } }),
    colAligns: head.map((_, i) => (options.right?.includes(i) ? 'right' : 'left')),
  });
  for (const row of rows) table.push(row.map(fit));
  return table.toString();
}

/**
 * One block per row, the column names as labels:
 *   When     now
 *   Why      the reason, wrapped under
 *            itself
 * Empty cells are left out; blocks are separated by a blank line.
 */
function stackedTable(head: readonly string[], rows: readonly string[][], width: number): string {
  const labelWidth = Math.max(...head.map(visibleLength)) + 2;
  const blocks = rows.map((row) =>
    row
      .flatMap((cell, i) => {
        if (visibleLength(cell) === 0) return [];
        const label = (head[i] ?? '').padEnd(labelWidth);
        return wrapText(cell, width, { indent: label, hanging: ' '.repeat(labelWidth) });
      })
      .join('\n'),
  );
  return blocks.join('\n\n');
}

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}
