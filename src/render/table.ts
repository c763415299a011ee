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
  const widths = head.map((_, i) => Math.max(...column(i).map(longestWord)));
  if (sum(widths) > room) return { layout: 'stacked', widths };
  // Give the spare columns one at a time to the column furthest from its natural width.
  for (let spare = room - sum(widths); spare > 0; spare--) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) {
      const short = (natural[i] ?? 0) - (widths[i] ?? 0);
      if (short > 0 && (widest < 0 || short > (natural[widest] ?? 0) - (widths[widest] ?? 0)))
        widest = i;
    }
    if (widest < 0) break;
    widths[widest] = (widths[widest] ?? 0) + 1;
  }
  return { layout: 'wrapped', widths };
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
