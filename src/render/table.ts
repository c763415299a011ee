/**
 * Tables for a terminal of a given width: one line per row when the table fits; cells wrapped at
 * word boundaries when it does not; one block of `Column  value` lines per row (stacked) when
 * even wrapped columns cannot fit. Boxes are drawn here, line by line (the look of cli-table3,
 * whose layout took 35 s for a timeline of 1,400 wrapped rows): time linear in the cells, and
 * no colour codes unless asked.
 */
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
  // A loop, not Math.max(...cells): a table of 100k rows is more arguments than a call takes.
  const widest = (i: number, measure: (text: string) => number) =>
    rows.reduce((most, row) => Math.max(most, measure(row[i] ?? '')), measure(head[i] ?? ''));
  const natural = head.map((_, i) => widest(i, visibleLength));
  // Cell padding (1 each side) and borders: 3 per column + 1.
  const room = width - (head.length * 3 + 1);
  if (sum(natural) <= room) return { layout: 'lines', widths: natural };
  const least = head.map((_, i) => widest(i, longestWord));
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
  const cellLines = (cell: string, i: number) =>
    wrapped ? wrapText(cell, widths[i] ?? 1) : cell.split('\n');
  const grey = options.color ? (text: string) => `\u001b[90m${text}\u001b[39m` : same;
  const bold = options.color ? (text: string) => `\u001b[1m${text}\u001b[22m` : same;
  const rule = (left: string, middle: string, right: string) =>
    widths
      .map((w, i) =>
        grey(
          `${i === 0 ? left : middle}${'─'.repeat(w + 2)}${i === widths.length - 1 ? right : ''}`,
        ),
      )
      .join('');
  const out = [rule('┌', '┬', '┐')];
  const block = (cells: readonly string[], style: (text: string) => string) => {
    const lines = head.map((_, i) => cellLines(cells[i] ?? '', i));
    const height = lines.reduce((most, cell) => Math.max(most, cell.length), 1);
    for (let line = 0; line < height; line++) {
      let text = grey('│');
      for (const [i, cell] of lines.entries()) {
        const value = cell[line] ?? '';
        const gap = ' '.repeat(Math.max(0, (widths[i] ?? 0) - visibleLength(value)));
        const padded = options.right?.includes(i) ? `${gap}${value}` : `${value}${gap}`;
        text += `${style(` ${padded} `)}${grey('│')}`;
      }
      out.push(text);
    }
  };
  block(head, bold);
  // Row rules only where cells wrap; otherwise one line per row reads faster.
  const between = rule('├', '┼', '┤');
  for (const row of rows) {
    if (wrapped) out.push(between);
    block(row, same);
  }
  out.push(rule('└', '┴', '┘'));
  return out.join('\n');
}

function same(text: string): string {
  return text;
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
