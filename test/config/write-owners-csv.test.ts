import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsvColumns, setCsvOwners } from '../../src/config/csv/write-owners-csv.js';

const COLUMNS: CsvColumns = { id: 0, owner: 2 };

function edited(text: string, changes: { account: string; owner: string }[], columns = COLUMNS) {
  const edit = setCsvOwners(text, changes, columns);
  if (!edit.ok) throw new Error(edit.reason);
  return edit;
}

describe('setCsvOwners: only the owner cells of the moved rows change', () => {
  it('a plain comma export with LF line ends', () => {
    const before =
      'id,arr,owner,segment\nacme,100,dana,smb\nbeta,200,dana,smb\ngamma,300,omar,smb\n';
    const edit = edited(before, [{ account: 'beta', owner: 'omar' }]);
    expect(edit).toEqual({
      ok: true,
      changed: 1,
      text: 'id,arr,owner,segment\nacme,100,dana,smb\nbeta,200,omar,smb\ngamma,300,omar,smb\n',
    });
  });

  it('every cell quoted, CRLF line ends and a byte-order mark, as Salesforce and Excel save them', () => {
    const before =
      '\uFEFF"Account ID","ARR","Account Owner"\r\n"001A","$1,000","Dana Scully"\r\n"001B","$2,000","Dana Scully"\r\n';
    const edit = edited(before, [{ account: '001B', owner: 'Fox Mulder' }]);
    expect(edit.text).toBe(
      '\uFEFF"Account ID","ARR","Account Owner"\r\n"001A","$1,000","Dana Scully"\r\n"001B","$2,000","Fox Mulder"\r\n',
    );
  });

  it('a semicolon export (Excel in a European locale), its decimal commas untouched', () => {
    const before = 'id;arr;owner\nacme;1000,50;dana\nbeta;2000,00;dana\n';
    const edit = edited(before, [{ account: 'acme', owner: 'omar' }], {
      ...COLUMNS,
      owner: 2,
      delimiter: ';'.charCodeAt(0),
    });
    expect(edit.text).toBe('id;arr;owner\nacme;1000,50;omar\nbeta;2000,00;dana\n');
  });

  it("an empty owner cell takes the row's quoting; a value with the delimiter is quoted anyway", () => {
    const before = 'id,arr,owner\n"acme","100",""\n"beta","200",\ngamma,300,\n';
    const edit = edited(before, [
      { account: 'acme', owner: 'dana' },
      { account: 'beta', owner: 'dana' },
      { account: 'gamma', owner: 'Okafor, Dan' },
    ]);
    expect(edit.text).toBe(
      'id,arr,owner\n"acme","100","dana"\n"beta","200","dana"\ngamma,300,"Okafor, Dan"\n',
    );
    expect(edit.changed).toBe(3);
  });

  it('a quote in the new owner is doubled inside a quoted cell', () => {
    const edit = edited('id,arr,owner\nacme,1,dana\n', [
      { account: 'acme', owner: 'Sean "Mac" Doe' },
    ]);
    expect(edit.text).toBe('id,arr,owner\nacme,1,"Sean ""Mac"" Doe"\n');
  });

  it('leaves line breaks inside quoted cells, blank lines before the header and a report footer alone', () => {
    const before = [
      '',
      'id,note,owner',
      'acme,"two\r\nlines, and ""quotes""",dana',
      'beta,plain,dana',
      '',
      'Confidential Information - Do Not Distribute',
      '',
    ].join('\r\n');
    const edit = edited(before, [{ account: 'beta', owner: 'omar' }], { id: 0, owner: 2 });
    expect(edit.text).toBe(before.replace('beta,plain,dana', 'beta,plain,omar'));
  });

  it('finds the id as the reader does: quoted, with spaces around it', () => {
    const edit = edited('id,arr,owner\n" acme ",1,dana\n', [{ account: 'acme', owner: 'omar' }]);
    expect(edit.text).toBe('id,arr,owner\n" acme ",1,omar\n');
  });

  it('counts an owner already in place as no change', () => {
    const edit = edited('id,arr,owner\nacme,1,dana\n', [{ account: 'acme', owner: 'dana' }]);
    expect(edit).toMatchObject({ changed: 0, text: 'id,arr,owner\nacme,1,dana\n' });
  });
});

describe('setCsvOwners refuses an edit it cannot make exactly', () => {
  it('an account that is not a row of the export', () => {
    expect(
      setCsvOwners('id,arr,owner\nacme,1,dana\n', [{ account: 'zeta', owner: 'omar' }], COLUMNS),
    ).toEqual({
      ok: false,
      reason: 'account "zeta" is not a row of the export',
    });
  });

  it('an account on two rows', () => {
    const edit = setCsvOwners(
      'id,arr,owner\nacme,1,dana\nacme,2,dana\n',
      [{ account: 'acme', owner: 'omar' }],
      COLUMNS,
    );
    expect(edit).toEqual({
      ok: false,
      reason: 'account "acme" is on more than one row of the export',
    });
  });
});

/** A cell as an export may write it: bare, or quoted with commas, quotes and line breaks inside. */
const cell = fc.oneof(
  fc.stringMatching(/^[a-z é日$.]{0,6}$/),
  fc.stringMatching(/^[a-z,"\n\r é]{0,6}$/).map((s) => `"${s.replaceAll('"', '""')}"`),
);

describe('setCsvOwners (property)', () => {
  it('parses back to the same records but for the new owners of the moved rows, whatever the dialect', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.stringMatching(/^[A-Za-z ,"é-]{1,12}$/), { minLength: 8, maxLength: 8 }),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        (rows, eol, bom, trailing, owners, moved) => {
          // Ids are unique by construction; the other two cells are anything an export holds.
          const lines = [
            'id,note,owner',
            ...rows.map(([note, owner], i) => `a${i},${note},${owner}`),
          ];
          const before = (bom ? '\uFEFF' : '') + lines.join(eol) + (trailing ? eol : '');
          const changes = rows.flatMap((_, i) =>
            moved[i] ? [{ account: `a${i}`, owner: owners[i] as string }] : [],
          );
          const edit = setCsvOwners(before, changes, COLUMNS);
          if (!edit.ok) return false;
          const read = (text: string): string[][] =>
            parse(text, { bom: true, relax_column_count: true });
          const expected = read(before).map((record, k) => {
            const change = changes.find((c) => c.account === record[0]);
            return k > 0 && change ? [record[0], record[1], change.owner] : record;
          });
          expect(read(edit.text)).toEqual(expected);
          // Nothing before the first moved row changes, byte for byte.
          const first = changes[0];
          const kept = first ? before.slice(0, before.indexOf(`${first.account},`)) : before;
          expect(edit.text.startsWith(kept)).toBe(true);
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });
});
