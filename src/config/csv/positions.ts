/**
 * Lines and columns in a CSV text, computed only when a diagnostic needs one: the fast path
 * (a file without problems) never pays for it. Record boundaries follow RFC 4180 as csv-parse
 * reads it: a quote opens a quoted cell only at the start of a cell, `""` inside it is a quote,
 * and a line break inside quotes belongs to the cell.
 *
 * Lines are 1-based physical lines of the file; columns are 1-based character columns (UTF-16
 * code units, as editors count them), not counting a byte-order mark.
 */

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

export interface Position {
  line: number;
  column: number;
}

export class CsvPositions {
  private recordStarts: number[] | undefined;
  private lineStarts: number[] | undefined;
  private readonly start: number;
  /** Files that end lines with a bare CR (classic Mac) and contain no LF at all. */
  private readonly crOnly: boolean;

  constructor(
    private readonly text: string,
    private readonly delimiter = COMMA,
  ) {
    this.start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.crOnly = !text.includes('\n') && text.includes('\r');
  }

  /** Where record `index` (0-based, every physical record including blank lines) starts. */
  record(index: number): Position {
    return this.position(this.recordOffset(index));
  }

  /** Where cell `cell` (0-based) of record `index` starts; past the last cell: the row's end. */
  cell(index: number, cell: number): Position {
    let offset = this.recordOffset(index);
    for (let i = 0; i < cell; i++) {
      const next = this.skipCell(offset);
      if (next.end) return this.position(next.offset);
      offset = next.offset + 1;
    }
    return this.position(offset);
  }

  /** Records in the text: every physical record, blank lines included. */
  recordCount(): number {
    if (!this.recordStarts) this.recordStarts = this.scanRecords();
    return this.recordStarts.length;
  }

  /**
   * Where the first `count` cells (default: all) of record `index` start and end (offsets;
   * quotes included, delimiter not).
   */
  cellRanges(index: number, count = Number.POSITIVE_INFINITY): { start: number; end: number }[] {
    const ranges: { start: number; end: number }[] = [];
    let offset = this.recordOffset(index);
    for (;;) {
      const next = this.skipCell(offset);
      ranges.push({ start: offset, end: next.offset });
      if (next.end || ranges.length >= count) return ranges;
      offset = next.offset + 1;
    }
  }

  /** Line and column of a character offset in the text. */
  at(offset: number): Position {
    return this.position(offset);
  }

  private recordOffset(index: number): number {
    if (!this.recordStarts) this.recordStarts = this.scanRecords();
    return this.recordStarts[index] ?? this.text.length;
  }

  /** Skips one cell from `offset`: returns the offset of the delimiter or line end after it. */
  private skipCell(offset: number): { offset: number; end: boolean } {
    const text = this.text;
    let i = offset;
    if (text.charCodeAt(i) === QUOTE) {
      i++;
      while (i < text.length) {
        if (text.charCodeAt(i) === QUOTE) {
          if (text.charCodeAt(i + 1) === QUOTE) i += 2;
          else {
            i++;
            break;
          }
        } else i++;
      }
    }
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === this.delimiter) return { offset: i, end: false };
      if (c === LF || c === CR) return { offset: i, end: true };
      i++;
    }
    return { offset: i, end: true };
  }

  private scanRecords(): number[] {
    const text = this.text;
    const starts: number[] = [];
    let i = this.start;
    while (i < text.length) {
      starts.push(i);
      // One record: cells until a line break outside quotes.
      for (;;) {
        const next = this.skipCell(i);
        i = next.offset;
        if (!next.end) {
          i++;
          continue;
        }
        if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF) i += 2;
        else if (i < text.length) i++;
        break;
      }
    }
    return starts;
  }

  private position(offset: number): Position {
    if (!this.lineStarts) this.lineStarts = this.scanLines();
    return positionIn(this.lineStarts, offset);
  }

  private scanLines(): number[] {
    const text = this.text;
    const starts = [this.start];
    const breakChar = this.crOnly ? '\r' : '\n';
    let at = text.indexOf(breakChar, this.start);
    while (at !== -1) {
      starts.push(at + 1);
      at = text.indexOf(breakChar, at + 1);
    }
    return starts;
  }
}

/** Line and column (1-based) of a text offset, given the offsets where lines start (sorted). */
export function positionIn(lineStarts: readonly number[], offset: number): Position {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
}
