/**
 * The one-pass CSV reader: records are read as they come, rows wait only while a footer or the
 * date order is undecided, and located findings re-read the file instead of keeping its bytes.
 */
import { describe, expect, it } from 'vitest';
import { type ReadCsvOptions, readCsv } from '../../src/config/csv/read-csv.js';
import type { PlannedOrgFile } from '../../src/config/schema.js';

const team = [{ id: 'dana', name: 'Dana Scully', role: 'csm' as const, fte: 1 }];

function read(text: string, extra: Partial<ReadCsvOptions> = {}) {
  const result = readCsv(Buffer.from(text, 'utf8'), { file: 'a.csv', team, ...extra });
  if ('diagnostic' in result) throw new Error(result.diagnostic.message);
  return result;
}

describe('readCsv', () => {
  it('reads rows held back for a date order once a later row tells it (day above 12)', () => {
    const result = read(
      'id,arr,renewal_date\na,1,3/4/2027\nb,2,5/6/2027\nc,3,7/13/2027\nd,4,2027-01-02\n',
    );
    expect(result.dates).toEqual({ order: 'month-first', detected: true });
    expect(result.accounts.map((a) => [a.id, a.renewal_date])).toEqual([
      ['a', '2027-03-04'],
      ['b', '2027-05-06'],
      ['c', '2027-07-13'],
      ['d', '2027-01-02'],
    ]);
  });

  it('reads rows before the first locale date at once, and says so when no date tells the order', () => {
    const result = read('id,arr,renewal_date\na,1,2027-01-02\nb,2,3/4/2027\n');
    expect(result.accounts.map((a) => [a.id, a.renewal_date])).toEqual([
      ['a', '2027-01-02'],
      ['b', undefined],
    ]);
    expect(result.diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([
      ['csv-date-order', 3, 5],
    ]);
  });

  it('keeps one-cell lines that are data, and skips a footer after a blank line', () => {
    const result = read('id,arr\na,1\nb\nc,3\n\nConfidential Information\nx\n');
    expect(result.accounts.map((a) => a.id)).toEqual(['a', 'c']);
    expect(result.stats).toMatchObject({ rows: 3, footerRows: 2, blankRows: 0 });
    expect(result.diagnostics.map((d) => [d.rule, d.line])).toEqual([['csv-ragged-row', 3]]);
  });

  it('chooses the mapping from the headers through mappingFor', () => {
    const result = read('Customer,Money\na,1\n', {
      mappingFor: (headers) => ({ columns: { id: headers[0] ?? '', arr: headers[1] ?? '' } }),
    });
    expect(result.accounts).toMatchObject([{ id: 'a', arr: 1 }]);
  });

  it('locates later findings in the bytes read again, and at the start when the file is gone', () => {
    const text = 'id,arr,owner\na,1,dana\nb,2,zed\n';
    const again = read(text, { reread: () => Buffer.from(text, 'utf8') });
    expect(again.locate(['accounts-file', 1, 'owner'])).toEqual({
      file: 'a.csv',
      line: 3,
      column: 5,
    });
    const gone = read(text, {
      reread: () => {
        throw Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
      },
    });
    expect(gone.locate(['accounts-file', 1, 'owner'])).toEqual({
      file: 'a.csv',
      line: 1,
      column: 1,
    });
  });

  it('shares repeated short values and keeps each distinct value as written', () => {
    const result = read('id,arr,industry,region\na,1,Media,EMEA\nb,2,Media,NA\n');
    expect(result.accounts.map((a) => [a.industry, a.region])).toEqual([
      ['Media', 'EMEA'],
      ['Media', 'NA'],
    ]);
  });

  it('flags invalid UTF-8 in the bytes as an encoding warning at its place', () => {
    const bytes = Buffer.concat([
      Buffer.from('id,arr,name\na,1,Caf'),
      Buffer.from([0xe9]),
      Buffer.from('\n'),
    ]);
    const result = readCsv(bytes, { file: 'a.csv', team });
    if ('diagnostic' in result) throw new Error('unexpected syntax error');
    expect(result.diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([
      ['csv-encoding', 2, 8],
    ]);
  });
});

describe('normaliseOrg with release', () => {
  it('drops each account input once converted, and converts the same as without release', async () => {
    const { normaliseOrg } = await import('../../src/config/normalise.js');
    const { orgFileSchema } = await import('../../src/config/schema.js');
    const file = orgFileSchema.parse({
      version: 1,
      company: { name: 'A' },
      team,
    }) as PlannedOrgFile;
    const inputs = [
      { id: 'a', arr: 1, owner: 'dana' },
      { id: 'b', arr: 2 },
    ];
    const kept = normaliseOrg(file, [...inputs], { asOf: '2027-01-01' });
    const owned = [...inputs];
    const released = normaliseOrg(file, owned, { asOf: '2027-01-01', release: true });
    expect(released.org.accounts).toEqual(kept.org.accounts);
    expect(owned).toEqual([undefined, undefined]);
  });
});

describe('the account limit (MAX_ACCOUNTS, here 3)', () => {
  it('refuses the file at the first account past it, located, and drops what was kept', () => {
    let restarted = 0;
    const kept: string[] = [];
    const result = readCsv(Buffer.from('id,arr\na,1\n\nb,2\nc,3\nd,4\ne,5\n', 'utf8'), {
      file: 'a.csv',
      team,
      maxAccounts: 3,
      onAccount: (account) => kept.push(account.id),
      onRestart: () => {
        restarted++;
      },
    });
    expect(result).toEqual({
      diagnostic: {
        rule: 'csv-too-many-accounts',
        severity: 'error',
        path: ['accounts-file'],
        message:
          'the file has more than 3 accounts (this row is the next); csplan plans up to 3: export one business unit, or leave out closed and test accounts',
        file: 'a.csv',
        line: 6,
        column: 1,
      },
    });
    expect(kept).toEqual(['a', 'b', 'c']);
    expect(restarted).toBe(1);
  });

  it('locates the refused row in the bytes read so far, never the rest of the file', () => {
    // One chunk a line, 1,000 rows after the refused one. Plain: the 4th account (d) is refused
    // on line 6; the parser has had its 6 chunks and at most one more, and locating it reads
    // those again: at most 2 x 7 = 14 chunks handed over.
    const plain = ['id,arr,name\n', 'a,1,x\n', '\n', 'b,2,x\n', 'c,3,x\n', 'd,4,x\n'];
    // A name over two lines (quoted: csv-parse reads again from the start): d is on line 7;
    // the plain reader, csv-parse and the locator each read at most its 7 chunks and one more.
    const quoted = [
      'id,arr,name\n',
      'a,1,"two\n',
      'lines"\n',
      '\n',
      'b,2,x\n',
      'c,3,x\n',
      'd,4,x\n',
    ];
    for (const [lines, line, most] of [
      [plain, 6, 2 * 7],
      [quoted, 7, 3 * 8],
    ] as const) {
      let handed = 0;
      const chunks = {
        *chunks() {
          for (const text of [...lines, ...Array.from({ length: 1000 }, (_, i) => `r${i},1,x\n`)]) {
            handed++;
            yield Buffer.from(text, 'utf8');
          }
        },
      };
      const result = readCsv(chunks, { file: 'a.csv', team, maxAccounts: 3 });
      expect(result).toEqual({
        diagnostic: expect.objectContaining({ rule: 'csv-too-many-accounts', line, column: 1 }),
      });
      expect(handed).toBeLessThanOrEqual(most);
    }
  });

  it('reads a file of exactly the limit', () => {
    expect(read('id,arr\na,1\nb,2\nc,3\n', { maxAccounts: 3 }).accounts).toHaveLength(3);
  });
});
