/** cli-table3 with csplan's defaults: no colour codes unless asked, the last column wrapped to fit. */
import Table from 'cli-table3';

export interface TableOptions {
  color: boolean;
  width: number;
  /** Column indexes to right-align (numbers). */
  right?: number[];
}

export function renderTable(head: string[], rows: string[][], options: TableOptions): string {
  const widths = head.map((h, i) =>
    Math.max(visibleLength(h), ...rows.map((row) => visibleLength(row[i] ?? ''))),
  );
  // Cell padding (1 each side) and borders: 3 per column + 1.
  const frame = head.length * 3 + 1;
  const last = widths.length - 1;
  const fixed = widths.slice(0, last).reduce((sum, w) => sum + w, 0);
  const room = options.width - frame - fixed;
  const lastWidth = widths[last] ?? 0;
  const wrapLast = room >= 20 && lastWidth > room;
  const colWidths = wrapLast ? widths.map((w, i) => (i === last ? room : w) + 2) : undefined;

  const table = new Table({
    head,
    style: options.color ? { head: ['bold'], border: ['grey'] } : { head: [], border: [] },
    ...(colWidths ? { colWidths, wordWrap: true } : {}),
    // Row rules only where cells wrap; otherwise one line per row reads faster.
    ...(wrapLast ? {} : { chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' } }),
    colAligns: head.map((_, i) => (options.right?.includes(i) ? 'right' : 'left')),
  });
  for (const row of rows) table.push(row);
  return table.toString();
}

function visibleLength(text: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}
