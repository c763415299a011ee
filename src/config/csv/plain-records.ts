/**
 * A fast reader for the CSV that nearly every export is: RFC 4180 cells (quoted or not, `""` for
 * a quote inside quotes) and one line ending, LF or CRLF, all through the file.
 *
 * csv-parse copies every byte through its field buffer and checks each against a dozen options;
 * this reader finds where each cell starts and ends and decodes it once, three to four times
 * faster on a 100,000-row export. For every file it accepts it gives the records csv-parse gives
 * (with the options of read-csv.ts; test/config/plain-records.test.ts compares the two on
 * generated files). It throws NotPlain at the first thing outside that form (a lone CR, a second
 * kind of line ending, a quote inside an unquoted cell, text after a closing quote, a quote never
 * closed, a record over MAX_RECORD_BYTES): the caller then reads the file with csv-parse, which
 * reads every form and locates syntax errors.
 */
import { isAscii } from 'node:buffer';

/** The input is not in the plain form; read it with csv-parse. */
export class NotPlain extends Error {}

/**
 * A record carried from one chunk to the next is copied each time: past this size (a cell of
 * megabytes is no account export) csv-parse, which grows one buffer, reads the file instead.
 */
export const MAX_RECORD_BYTES = 4 * 1024 * 1024;

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** Line ending found first; the file must keep to it. */
type LineEnd = 'unknown' | 'lf' | 'crlf';

/**
 * Every record of `chunks` (consecutive pieces of one file, each ending between two characters)
 * to `push`, a new array each. Throws NotPlain as described above.
 */
export function plainRecords(chunks: Iterable<Buffer>, push: (record: string[]) => void): void {
  const state = { lineEnd: 'unknown' as LineEnd };
  let carry: Buffer | undefined;
  let first = true;
  for (const chunk of chunks) {
    if (chunk.length === 0) continue;
    let bytes = carry ? Buffer.concat([carry, chunk]) : chunk;
    if (first) {
      first = false;
      bytes = withoutBom(bytes);
    }
    const done = readRecords(bytes, false, state, push);
    carry = done < bytes.length ? bytes.subarray(done) : undefined;
    if (carry && carry.length > MAX_RECORD_BYTES) throw new NotPlain();
  }
  if (first) return;
  if (carry) readRecords(carry, true, state, push);
}

function withoutBom(bytes: Buffer): Buffer {
  if (bytes[0] !== 0xef) return bytes;
  if (bytes.length >= 3 && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3);
  // A file of one or two bytes that starts like a BOM: too odd to be worth a rule here.
  if (bytes.length < 3) throw new NotPlain();
  return bytes;
}

/**
 * Reads whole records from the start of `bytes` and returns where the first unfinished one
 * starts (`bytes.length` when none is). `last`: the end of `bytes` is the end of the file, so it
 * ends the record in progress.
 */
function readRecords(
  bytes: Buffer,
  last: boolean,
  state: { lineEnd: LineEnd },
  push: (record: string[]) => void,
): number {
  // One decoding for the whole chunk: ASCII cells are copied byte for byte (latin1 is the
  // cheapest decoder), others decoded as UTF-8. Each cell is its own string, so no cell keeps
  // the chunk in memory.
  const encoding = isAscii(bytes) ? 'latin1' : 'utf8';
  const end = bytes.length;
  let start = 0;
  let i = 0;
  let record: string[] = [];
  while (i < end) {
    // At the start of a cell.
    let cell: string;
    if (bytes[i] === QUOTE) {
      let j = i + 1;
      let escaped = false;
      let close = -1;
      for (;;) {
        const quote = bytes.indexOf(QUOTE, j);
        if (quote === -1) break;
        if (quote + 1 === end && !last) break;
        if (bytes[quote + 1] === QUOTE) {
          escaped = true;
          j = quote + 2;
          continue;
        }
        close = quote;
        break;
      }
      if (close === -1) {
        if (last) throw new NotPlain();
        return start;
      }
      cell = bytes.toString(encoding, i + 1, close);
      if (escaped) cell = cell.replaceAll('""', '"');
      i = close + 1;
    } else {
      let j = i;
      while (j < end) {
        const b = bytes[j];
        if (b === COMMA || b === LF || b === CR) break;
        if (b === QUOTE) throw new NotPlain();
        j++;
      }
      cell = bytes.toString(encoding, i, j);
      i = j;
    }
    record.push(cell);
    if (i === end) {
      if (!last) return start;
      push(record);
      return end;
    }
    const b = bytes[i];
    if (b === COMMA) {
      i++;
      if (i === end) {
        // A comma that ends the file ends the record with an empty cell.
        if (!last) return start;
        record.push('');
        push(record);
        return end;
      }
      continue;
    }
    if (b === LF) {
      if (state.lineEnd === 'crlf') throw new NotPlain();
      state.lineEnd = 'lf';
      i++;
    } else if (b === CR) {
      if (i + 1 === end && !last) return start;
      if (bytes[i + 1] !== LF || state.lineEnd === 'lf') throw new NotPlain();
      state.lineEnd = 'crlf';
      i += 2;
    } else {
      // Text after a closing quote.
      throw new NotPlain();
    }
    push(record);
    record = [];
    start = i;
  }
  return end;
}
