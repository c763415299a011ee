/**
 * The plain-CSV reader against csv-parse: for every input it accepts it must give csv-parse's
 * records (with read-csv.ts's options), whole or cut into chunks anywhere between characters.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_RECORD_BYTES, NotPlain, plainRecords } from '../../src/config/csv/plain-records.js';
import { readCsv } from '../../src/config/csv/read-csv.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const options = { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) };

const CSV_OPTIONS = { bom: true, relax_column_count: true, skip_empty_lines: false };

function plain(chunks: Buffer[]): string[][] | 'not plain' {
  const records: string[][] = [];
  try {
    plainRecords(chunks, (record) => records.push(record));
  } catch (error) {
    if (error instanceof NotPlain) return 'not plain';
    throw error;
  }
  return records;
}

const whole = (text: string) => plain([Buffer.from(text, 'utf8')]);

/** `text` cut before the characters at `cuts` (indexes into its characters), as UTF-8 chunks. */
function chunked(text: string, cuts: number[]): Buffer[] {
  const characters = [...text];
  const points = [...new Set(cuts.map((c) => c % (characters.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const point of [...points, characters.length]) {
    chunks.push(Buffer.from(characters.slice(from, point).join(''), 'utf8'));
    from = point;
  }
  return chunks;
}

/** Cells, quotes, line ends of both kinds, a BOM and two-, three- and four-byte characters. */
const csvText = fc
  .array(
    fc.constantFrom('a', 'b', ' ', ',', ',', '"', '""', '\n', '\n', '\r\n', '\r', 'é', '日', '😀'),
    {
      maxLength: 60,
    },
  )
  .chain((parts) => fc.boolean().map((bom) => (bom ? '\uFEFF' : '') + parts.join('')));

/** Well-formed files (the plain form), so the property is not only about refusals. */
const plainText = fc
  .tuple(
    fc.array(
      fc.array(
        fc.oneof(
          fc.stringMatching(/^[a-z é日]{0,6}$/),
          fc.stringMatching(/^[a-z,"\n\r é]{0,6}$/).map((s) => `"${s.replaceAll('"', '""')}"`),
        ),
        { minLength: 1, maxLength: 5 },
      ),
      { maxLength: 8 },
    ),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
    fc.boolean(),
  )
  .map(
    ([rows, end, bom, trailing]) =>
      (bom ? '\uFEFF' : '') +
      rows.map((cells) => cells.join(',')).join(end) +
      (trailing && rows.length > 0 ? end : ''),
  );

function csvParse(text: string): string[][] | 'error' {
  try {
    return parse(Buffer.from(text, 'utf8'), CSV_OPTIONS);
  } catch {
    return 'error';
  }
}

describe('plainRecords', () => {
  it('gives csv-parse records for any input it accepts', () => {
    fc.assert(
      fc.property(csvText, (text) => {
        const ours = whole(text);
        if (ours !== 'not plain') expect(ours).toEqual(csvParse(text));
      }),
      options,
    );
  });

  it('accepts well-formed files and reads them as csv-parse does', () => {
    fc.assert(
      fc.property(plainText, (text) => {
        expect(whole(text)).toEqual(csvParse(text));
      }),
      options,
    );
  });

  it('gives the same records whatever the chunks', () => {
    fc.assert(
      fc.property(
        fc.oneof(plainText, csvText),
        fc.array(fc.nat(), { maxLength: 6 }),
        (text, cuts) => {
          const once = whole(text);
          expect(plain(chunked(text, cuts))).toEqual(once);
        },
      ),
      options,
    );
  });

  it('reads the forms exports use', () => {
    expect(whole('id,name\r\n1,"Acme, Inc."\r\n2,"Say ""hi"""\r\n')).toEqual([
      ['id', 'name'],
      ['1', 'Acme, Inc.'],
      ['2', 'Say "hi"'],
    ]);
    expect(whole('\uFEFFid,note\n7,"two\nlines"\n\n8,\n9')).toEqual([
      ['id', 'note'],
      ['7', 'two\nlines'],
      [''],
      ['8', ''],
      ['9'],
    ]);
    expect(whole('a,\n')).toEqual([['a', '']]);
    expect(whole('a,')).toEqual([['a', '']]);
    expect(whole('Zoë,東京\n')).toEqual([['Zoë', '東京']]);
    expect(whole('')).toEqual([]);
  });

  it('leaves every other form to csv-parse', () => {
    expect(whole('a\rb\r')).toBe('not plain'); // old Mac line ends
    expect(whole('a\nb\r\n')).toBe('not plain'); // a second kind of line end
    expect(whole('a\r\nb\n')).toBe('not plain');
    expect(whole('a"b\n')).toBe('not plain'); // quote inside an unquoted cell
    expect(whole('"a"b\n')).toBe('not plain'); // text after a closing quote
    expect(whole('"a\n')).toBe('not plain'); // never closed
  });

  it('gives up on a record that grows past MAX_RECORD_BYTES across chunks', () => {
    const mib = 1024 * 1024;
    const text = `a,"${'x'.repeat(2 * MAX_RECORD_BYTES)}"\n`;
    const cuts = Array.from({ length: (2 * MAX_RECORD_BYTES) / mib }, (_, i) => (i + 1) * mib);
    // Compared as a flag: a failure must not print megabytes of cell.
    expect(plain(chunked(text, cuts)) === 'not plain').toBe(true);
  });
});

describe('readCsv on a file that stops being plain part way', () => {
  const team = [{ id: 'dana', role: 'csm' as const, fte: 1 }];
  const head = 'id,arr,owner\n';
  const rows = Array.from({ length: 50 }, (_, i) => `a${i},${1000 + i},dana\n`).join('');
  // Row 50 has an old-Mac line end: csv-parse reads it as part of the next line's id.
  const text = `${head}${rows}late,5\rx,6,dana\n`;

  it('starts again with csv-parse and drops what it had handed over', () => {
    const taken: string[] = [];
    let restarts = 0;
    const result = readCsv(
      { chunks: () => chunked(text, [head.length + 10 * 12]) },
      {
        file: 'x.csv',
        team,
        onAccount: (account) => taken.push(account.id),
        onRestart: () => {
          restarts++;
          taken.length = 0;
        },
      },
    );
    expect(restarts).toBe(1);
    expect('diagnostic' in result).toBe(false);
    // The same accounts as csv-parse alone gives: the 50 rows, then the record csv-parse reads
    // across the lone CR (id "late", ARR "5\rx"), which is refused for its ARR.
    const expected = csvParse(text);
    if (expected === 'error') throw new Error('csv-parse refused the file');
    expect(taken).toEqual(rowsOf(expected));
  });

  function rowsOf(records: string[][]): string[] {
    return records
      .slice(1)
      .filter((r) => /^\d+$/.test(r[1] ?? ''))
      .map((r) => r[0] as string);
  }
});
