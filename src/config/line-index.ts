/**
 * The lines of a text, found by their start offsets. A line or a run of lines is cut out only
 * when asked for, so a large file never also exists as an array of line strings (one object per
 * line, several times the file's size in memory).
 */
export class LineIndex {
  /** Lines as `text.split('\n')` counts them: one more than the line feeds. */
  readonly count: number;
  /** Start offset of each line, then one past the text's end (where a next line would start). */
  private readonly starts: Uint32Array;

  constructor(readonly text: string) {
    // One search through the text (1.2 million lines in a 100k-account file): the offsets go
    // into an array that doubles when full, rather than a first pass to count them.
    let starts = new Uint32Array(1024);
    let count = 1;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
      if (count + 1 === starts.length) starts = grown(starts);
      starts[count++] = at + 1;
    }
    starts[count] = text.length + 1;
    this.count = count;
    this.starts = starts;
  }

  /** Offset of line `i`'s first character. */
  start(i: number): number {
    return this.starts[i] as number;
  }

  /** Offset just past line `i`'s last character, before its line feed. */
  end(i: number): number {
    return (this.starts[i + 1] as number) - 1;
  }

  line(i: number): string {
    return this.text.slice(this.start(i), this.end(i));
  }

  /** Lines [from, to) with the line feeds between them, as `lines.slice(from, to).join('\n')`. */
  lines(from: number, to: number): string {
    return from >= to ? '' : this.text.slice(this.start(from), this.end(to - 1));
  }
}

/** Lines [first, end) of a text. */
export interface LineRange {
  first: number;
  end: number;
}

/**
 * The text from offset `from` to `to` with the lines of `blank` emptied (each stays, as an empty
 * line, so the lines after them keep their numbers), or undefined when `blank` starts or ends
 * between `from` and `to` but is not wholly inside.
 */
export function blankLines(
  lines: LineIndex,
  blank: LineRange | undefined,
  from: number,
  to: number,
): string | undefined {
  const text = lines.text;
  if (!blank || blank.end <= blank.first) return text.slice(from, to);
  const start = lines.start(blank.first);
  const end = lines.end(blank.end - 1);
  if (end <= from || start >= to) return text.slice(from, to);
  if (start < from || end > to) return undefined;
  // An empty line costs yaml a third of a line of spaces: 20,000 of them take about 25 ms.
  return text.slice(from, start) + '\n'.repeat(blank.end - 1 - blank.first) + text.slice(end, to);
}

/** A copy of `array` in one twice as long. */
function grown(array: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> {
  const larger = new Uint32Array(array.length * 2);
  larger.set(array);
  return larger;
}
