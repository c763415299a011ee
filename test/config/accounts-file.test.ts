import { isUtf8 } from 'node:buffer';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  characterBoundary,
  fileChunks,
  parseAccountsText,
  readAccountsFile,
} from '../../src/config/accounts-file.js';
import { loadOrgFile } from '../../src/config/load.js';
import { locateDiagnostics } from '../../src/config/locate.js';
import type { Diagnostic } from '../../src/core/model.js';

const dir = fileURLToPath(new URL('../fixtures/csv/', import.meta.url));
const fixture = (name: string) => `${dir}${name}`;

async function load(name: string) {
  const result = await loadOrgFile(fixture(name), { today: '2026-11-23' });
  const diagnostics = locateDiagnostics(result.diagnostics, result.locate);
  return { ...result, diagnostics };
}

const where = (d: Diagnostic) =>
  `${d.file?.split('/').pop()}:${d.line}:${d.column} ${d.severity} ${d.rule}`;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('Salesforce report export (BOM, CRLF, all quoted, $ money, footer)', () => {
  it('reads 10 accounts, skips the footer and rounds cents', async () => {
    const { org, diagnostics } = await load('salesforce-report.yaml');
    expect(diagnostics).toEqual([]);
    const accounts = org?.accounts ?? [];
    expect(accounts).toHaveLength(10);
    // 1,250,000 + 240,000 + 62,501 (62,500.50 rounded) + 610,000 + 98,000 + 1,800,000 + 520,000
    // + 18,000 + 45,000 + 4,800
    expect(sum(accounts.map((a) => a.arr))).toBe(4_648_301);
    expect(accounts[2]?.arr).toBe(62_501);
    expect(accounts[1]?.name).toBe('Globex, Inc.');
    expect(accounts[0]).toMatchObject({
      id: '0015g00000A1aaaAAA',
      owner: 'dana',
      industry: 'Manufacturing',
      region: 'United States',
    });
  });

  it('matches "Account Owner" full names to team ids', async () => {
    const { org } = await load('salesforce-report.yaml');
    const owners = org?.accounts.map((a) => a.owner);
    expect(owners).toEqual([
      'dana',
      'fox',
      'dana',
      'walter',
      'fox',
      'monica',
      'monica',
      'john',
      'dana',
      'john',
    ]);
  });

  it('maps report labels, never Annual Revenue, and lists the unread columns', async () => {
    const result = await readAccountsFile(
      { file: 'salesforce-report.csv', preset: 'salesforce' },
      { orgFile: fixture('salesforce-report.yaml'), baseDir: dir, team: [] },
    );
    const mapping = result.mapping?.columns.map((c) => `${c.field}<-${c.header}`);
    expect(mapping).toEqual([
      'id<-Account ID',
      'name<-Account Name',
      'arr<-ARR',
      'owner<-Account Owner',
      'industry<-Industry',
      'region<-Billing Country',
      'employees<-Employees',
    ]);
    expect(result.mapping?.ignored.map((c) => c.header)).toEqual(['Annual Revenue', 'Type']);
    // "12,000" in the report, "850" in the next row.
    expect(result.accounts.slice(0, 2).map((a) => a.employees)).toEqual([12_000, 850]);
    expect(result.stats).toMatchObject({ rows: 10, footerRows: 2, currencies: ['USD'] });
    // Without a team every owner is kept as written (the unknown-owner rule reports them).
    expect(result.stats.owners.unmatched).toBe(10);
  });
});

describe('Salesforce Data Loader export (API names)', () => {
  it('reads API-named headers, emails, picklists, checkboxes and ISO dates', async () => {
    const { org, diagnostics } = await load('salesforce-dataloader.yaml');
    expect(diagnostics).toEqual([]);
    const accounts = org?.accounts ?? [];
    expect(accounts).toHaveLength(6);
    // 1,250,000 + 240,000 + 610,000 + 455,000 + 36,000 + 12,500
    expect(sum(accounts.map((a) => a.arr))).toBe(2_603_500);
    // Owner.Email wins over OwnerId; "Fox.Mulder@Example.com" matches case-insensitively.
    expect(accounts.map((a) => a.owner)).toEqual([
      'dana',
      'fox',
      'walter',
      'monica',
      'dana',
      'john',
    ]);
    expect(accounts[0]?.employees).toBe(12_000);
    expect(accounts[2]).toMatchObject({
      health: 'red',
      regulated: true,
      renewalDate: '2026-12-20',
    });
    expect(accounts.filter((a) => a.regulated)).toHaveLength(2);
    expect(accounts[5]?.renewalDate).toBeUndefined();
  });
});

describe('HubSpot company export', () => {
  it('reads 7 companies, a multi-line quoted description included', async () => {
    const { org, diagnostics } = await load('hubspot-companies.yaml');
    expect(diagnostics).toEqual([]);
    const accounts = org?.accounts ?? [];
    expect(accounts).toHaveLength(7);
    // 180,000 + 95,000 + 42,000 + 8,500 + 2,400 + 3,600 + 520,000
    expect(sum(accounts.map((a) => a.arr))).toBe(851_500);
    expect(accounts[3]).toMatchObject({ id: '5821694504', name: 'Adventure Works, LLC' });
    expect(accounts[0]).toMatchObject({
      region: 'United States',
      timezone: 'America/New_York',
      employees: 1200,
    });
  });

  it('matches owners by name, email and id', async () => {
    const team = (await load('hubspot-companies.yaml')).org?.team ?? [];
    const result = await readAccountsFile(
      { file: 'hubspot-companies.csv', preset: 'hubspot' },
      {
        orgFile: fixture('hubspot-companies.yaml'),
        baseDir: dir,
        team: team.map((m) => ({ id: m.id, name: m.name, email: m.email, role: m.role, fte: 1 })),
      },
    );
    expect(result.accounts.map((a) => a.owner)).toEqual([
      'dana',
      'fox',
      'fox',
      'monica',
      'john',
      'monica',
      'dana',
    ]);
    expect(result.stats.owners).toEqual({
      byId: 1,
      byEmail: 1,
      byName: 5,
      unmatched: 0,
      ambiguous: 0,
    });
  });

  it('locates a finding on a row after the multi-line cell at its physical line', async () => {
    const { locate, org } = await load('hubspot-companies.yaml');
    const contoso = org?.accounts[1];
    expect(contoso?.path).toEqual(['accounts-file', 1]);
    // Northwind's description spans lines 2-3, so Contoso is on line 4; owner is column 3.
    expect(locate([...(contoso?.path ?? []), 'owner'])).toMatchObject({ line: 4, column: 24 });
  });
});

describe('explicit columns', () => {
  it('override the field names and "" turns a column off', async () => {
    const { org, diagnostics } = await load('custom-headers.yaml');
    expect(diagnostics).toEqual([]);
    const accounts = org?.accounts ?? [];
    expect(accounts.map((a) => [a.id, a.arr, a.owner, a.segment])).toEqual([
      ['C-001', 410_000, 'dana', undefined],
      ['C-002', 95_500, 'fox', undefined],
      ['C-003', 12_000, 'monica', undefined],
    ]);
  });

  it('report an unknown field and a header the file lacks, located in the org file', async () => {
    const team: never[] = [];
    const result = await parseAccountsText(
      'Customer #,Current ARR\nC-1,100\n',
      { file: 'x.csv', columns: { id: 'Customer #', arr: 'Curent ARR', revenue: 'Current ARR' } },
      { file: 'x.csv', format: 'csv', team },
    );
    expect(result.diagnostics.map((d) => [d.rule, d.path.join('.'), d.file])).toEqual([
      ['csv-missing-column', 'accounts.columns.arr', undefined],
      ['unknown-key', 'accounts.columns.revenue', undefined],
    ]);
    expect(result.diagnostics[0]?.message).toContain('did you mean "Current ARR"');
  });
});

describe('broken files', () => {
  it('report every bad cell at its line and column, with a rule id and no row data', async () => {
    const { org, diagnostics } = await load('broken.yaml');
    expect(org).toBeUndefined();
    expect(diagnostics.map(where)).toEqual([
      'broken.csv:1:62 warning csv-duplicate-header',
      'broken.csv:3:15 error csv-bad-money',
      'broken.csv:4:17 error csv-bad-money',
      'broken.csv:6:13 error csv-missing-value',
      'broken.csv:7:25 error csv-bad-value',
      'broken.csv:7:40 error csv-bad-date',
      'broken.csv:8:33 error csv-bad-number',
      'broken.csv:8:37 error csv-bad-boolean',
      'broken.csv:8:19 error csv-ambiguous-owner',
      'broken.csv:9:37 error csv-ragged-row',
      'broken.csv:10:54 error csv-ragged-row',
      'broken.csv:11:1 error csv-missing-value',
      'broken.csv:12:46 error csv-bad-date',
    ]);
    const text = diagnostics.map((d) => d.message).join('\n');
    for (const data of [
      'Globex',
      'Hooli',
      'Umbrella',
      'Wayne',
      '2.5M',
      '-500',
      'purple',
      '2026-12-32',
      'maybe',
    ]) {
      expect(text).not.toContain(data);
    }
    expect(diagnostics[1]?.message).toMatch(/abbreviations like 1\.2M/);
  });

  it('explains a missing ARR column: what it looked for, what it saw, the line to add', async () => {
    const { diagnostics } = await load('salesforce-no-arr.yaml');
    expect(diagnostics.map(where)).toEqual(['salesforce-no-arr.csv:1:1 error csv-missing-column']);
    const message = diagnostics[0]?.message ?? '';
    expect(message).toContain('"ARR" or "ARR__c"');
    expect(message).toContain('headers that look like revenue: "Annual Revenue"');
    expect(message).toContain('columns: { arr: "Your ARR header" }');
  });

  it('suggests a revenue-like header that can be ARR', async () => {
    const result = await parseAccountsText(
      'Id,Name,Annual Revenue,Subscription Amount\n1,a,5,6\n',
      { file: 'x.csv', preset: 'salesforce' },
      { file: 'x.csv', format: 'csv', team: [] },
    );
    expect(result.diagnostics[0]?.message).toContain('columns: { arr: "Subscription Amount" }');
  });

  it('report an unclosed quote as a located syntax error', async () => {
    const { diagnostics } = await load('bad-quote.yaml');
    expect(diagnostics.map(where)).toEqual(['bad-quote.csv:3:8 error csv-syntax']);
  });

  it('report a missing accounts file in the org file', async () => {
    const { diagnostics } = await load('missing-file.yaml');
    expect(diagnostics.map(where)).toEqual(['missing-file.yaml:5:9 error accounts-file-missing']);
  });

  it('locate JSON problems in the JSON file', async () => {
    const { diagnostics } = await load('broken-json.yaml');
    expect(diagnostics.map(where)).toEqual([
      'broken.json:3:28 error money-format',
      'broken.json:4:5 error unknown-key',
    ]);
  });
});

describe('JSON accounts file', () => {
  it('reads account objects and resolves owners by name, email and id', async () => {
    const { org, diagnostics } = await load('json-accounts.yaml');
    expect(diagnostics).toEqual([]);
    expect(org?.accounts.map((a) => [a.id, a.arr, a.owner])).toEqual([
      ['acme', 250_000, 'dana'],
      ['globex', 90_000, 'fox'],
      ['initech', 30_000, 'monica'],
    ]);
  });

  it('warns that CSV-only options such as date_order do nothing for it', async () => {
    const result = await parseAccountsText(
      '[{ "id": "a", "arr": 1, "renewal_date": "2027-03-04" }]',
      { file: 'a.json', date_order: 'month-first' },
      { file: 'a.json', format: 'json', team: [] },
    );
    expect(result.accounts).toHaveLength(1);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        rule: 'accounts-file-option-ignored',
        severity: 'warning',
        path: ['accounts', 'date_order'],
      }),
    ]);
  });
});

describe('export quirks', () => {
  const read = (
    text: string,
    spec: { preset?: 'salesforce' | 'hubspot'; columns?: Record<string, string> } = {},
    dateOrder?: 'month-first' | 'day-first',
  ) =>
    parseAccountsText(
      text,
      { file: 'x.csv', ...spec, ...(dateOrder ? { date_order: dateOrder } : {}) },
      { file: 'x.csv', format: 'csv', team: [] },
    );

  it('skip blank lines and rows of empty cells, and count rows after them on their own line', async () => {
    const result = await read('id,arr\n\na,1\n,\n\nb,2\n');
    expect(result.accounts.map((a) => a.id)).toEqual(['a', 'b']);
    expect(result.stats).toMatchObject({ rows: 2, blankRows: 3 });
    expect(result.locate(['accounts-file', 1, 'arr'])).toEqual({
      file: 'x.csv',
      line: 6,
      column: 3,
    });
  });

  it('skip a "Generated By" footer without a blank line before it', async () => {
    const result = await read(
      '"Id","Name","ARR"\r\n"1","A","10"\r\n"Generated By:  Dana Scully  11/23/2026 9:14 AM"\r\n"Cobalt Analytics"\r\n',
      {
        preset: 'salesforce',
      },
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.stats).toMatchObject({ rows: 1, footerRows: 2 });
  });

  it('warn once about unreadable headcounts but still read the rows: planning does not use them', async () => {
    const result = await read('Id,ARR,Employees\na,100,51-200\nb,200,40\nc,300,1k\nd,400,many\n', {
      preset: 'salesforce',
    });
    expect(result.accounts.map((a) => [a.id, a.employees])).toEqual([
      ['a', undefined],
      ['b', 40],
      ['c', undefined],
      ['d', undefined],
    ]);
    // The first bad cell, then one line for the other two, located at the next (line 4).
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}`)).toEqual([
      '2:7 warning csv-bad-number',
      '4:7 warning csv-bad-number',
    ]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'employees (column "Employees"): expected a whole number; the cell is left empty (planning does not use it)',
      '2 more employees cells cannot be read either (this is the next); they are left empty too',
    ]);
  });

  it('list 200 bad cells of a column one by one, then count the rest in one line', async () => {
    const rows = Array.from({ length: 203 }, (_, i) => `a${i},1.2M`).join('\n');
    const result = await read(`id,arr\n${rows}\n`);
    expect(result.accounts).toEqual([]);
    expect(result.diagnostics).toHaveLength(201);
    expect(result.diagnostics.every((d) => d.severity === 'error')).toBe(true);
    // Rows 1-200 are lines 2-201; the summary points at the 201st bad row, line 202.
    expect(result.diagnostics[200]).toMatchObject({
      rule: 'csv-bad-money',
      line: 202,
      message: '3 more rows have this problem in arr (the first 200 are listed; this is the next)',
    });
  });

  it('read US dates month-first when a day above 12 says so, and keep ISO dates as they are', async () => {
    const result = await read(
      '"Id","ARR","Renewal Date"\n"a","1","3/4/2027"\n"b","2","12/13/2027 9:14 AM"\n"c","3","2027-06-30"\n',
      { preset: 'salesforce' },
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.dates).toEqual({ order: 'month-first', detected: true });
    expect(result.accounts.map((a) => a.renewal_date)).toEqual([
      '2027-03-04',
      '2027-12-13',
      '2027-06-30',
    ]);
  });

  it('read day-first dates when a first number above 12 says so', async () => {
    const result = await read('id,arr,renewal_date\na,1,3/4/2027\nb,2,31/12/2027\n');
    expect(result.dates).toEqual({ order: 'day-first', detected: true });
    expect(result.accounts.map((a) => a.renewal_date)).toEqual(['2027-04-03', '2027-12-31']);
  });

  it('report dates whose order nothing tells once, at the first of them, not per cell', async () => {
    const result = await read('id,arr,renewal_date\na,1,2027-05-01\nb,2,3/4/2027\nc,3,12/1/2027\n');
    expect(result.dates).toBeUndefined();
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}`)).toEqual([
      '3:5 error csv-date-order',
    ]);
    expect(result.diagnostics[0]?.message).toBe(
      'column "renewal_date" has dates like 3/4/2027 and none with a day above 12, so csplan cannot tell March 4 from 3 April: add date_order: month-first (US) or day-first under accounts (csplan import and init take --date-order)',
    );
  });

  it('report two-digit years with the unknown order, not only once the order is set', async () => {
    const result = await read('id,arr,renewal_date\na,1,3/4/27\nb,2,\u00a05/6/2027\n');
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual([
      '2:5 csv-date-order',
      '2:5 csv-bad-date',
    ]);
    expect(result.diagnostics[1]?.message).toContain('write the year in full');
  });

  it('follow date_order over the file, and locate the dates it cannot read that way', async () => {
    const text = 'id,arr,renewal_date\na,1,3/4/2027\nb,2,3/14/2027\n';
    const result = await read(text, {}, 'day-first');
    expect(result.dates).toEqual({ order: 'day-first', detected: false });
    expect(result.accounts.map((a) => a.renewal_date)).toEqual(['2027-04-03']);
    // Once, why: the file has a date only the other order reads; then each date that fails.
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual([
      '3:5 csv-date-order',
      '3:5 csv-bad-date',
    ]);
    expect(result.diagnostics[0]?.message).toBe(
      'date_order is day-first, but column "renewal_date" has a date that only month-first can read (a number above 12 where day-first puts the month): check date_order',
    );
  });

  it('accept trailing empty cells but not extra values', async () => {
    const result = await read('id,arr\na,1,,\nb,2,x\n');
    expect(result.accounts.map((a) => a.id)).toEqual(['a']);
    expect(result.diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([
      ['csv-ragged-row', 3, 5],
    ]);
  });

  it('warn when amounts mix currencies', async () => {
    const result = await read('id,arr\na,$10\nb,EUR 20\nc,€30\n');
    expect(result.accounts.map((a) => a.arr)).toEqual([10, 20, 30]);
    expect(result.diagnostics.map((d) => [d.rule, d.severity, d.line])).toEqual([
      ['csv-mixed-currency', 'warning', 3],
    ]);
  });

  it('warn about text that is not UTF-8', async () => {
    const result = await read('id,name,arr\na,Soci\uFFFDt\uFFFD,1\n');
    expect(result.diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([
      ['csv-encoding', 2, 7],
    ]);
  });

  it('say when the headers look like a CRM export and no preset is set', async () => {
    const result = await read('Account ID,Account Name,ARR\n1,A,10\n');
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['csv-missing-column']);
    expect(result.diagnostics[0]?.message).toContain('add `preset: salesforce`');
  });

  it('say once that a semicolon or tab export is not comma-separated, instead of missing columns', async () => {
    const semicolons = await read('\uFEFFAccount ID;ARR;Account Owner\r\n001A;1000,50;Dana\r\n');
    expect(semicolons.diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([
      ['csv-delimiter', 1, 1],
    ]);
    expect(semicolons.diagnostics[0]?.message).toContain('separated by semicolons, not commas');
    const tabs = await read('id\tarr\na\t10\n');
    expect(tabs.diagnostics[0]?.message).toContain('separated by tabs');
  });

  it('report an empty file', async () => {
    const result = await read('\n\n');
    expect(result.diagnostics.map((d) => [d.rule, d.line])).toEqual([['csv-empty', 1]]);
  });

  it('number the path by data row when earlier rows were invalid', async () => {
    const result = await read('id,arr\na,x\nb,2\n');
    expect(result.accounts.map((a) => a.id)).toEqual(['b']);
    expect(result.pathOf(0)).toEqual(['accounts-file', 1]);
    expect(result.locate([...result.pathOf(0), 'arr'])).toMatchObject({ line: 3, column: 3 });
  });
});

describe('examples/salesforce: a Salesforce report as a US user exports it', () => {
  it('loads 130 accounts, all owners matched by name, US dates read month first', async () => {
    const result = await loadOrgFile('examples/salesforce/org.yaml', { today: '2026-11-23' });
    expect(result.diagnostics).toEqual([]);
    const accounts = result.org?.accounts ?? [];
    expect(accounts).toHaveLength(130);
    // Summed from the file's ARR column with Python's csv module (scripts/ has the generator).
    expect(sum(accounts.map((a) => a.arr))).toBe(7_427_750);
    const books = new Map<string, number>();
    for (const a of accounts) books.set(a.owner ?? '-', (books.get(a.owner ?? '-') ?? 0) + 1);
    expect(Object.fromEntries(books)).toEqual({ maya: 7, jordan: 7, chris: 23, dana: 23, sam: 70 });
    // The first row's "1/2/2028" is January 2 under date_order: month-first.
    expect(accounts[0]).toMatchObject({ id: '0015g000000001AAAB', renewalDate: '2028-01-02' });
  });
});

describe('a CSV larger than a read chunk (1 MiB)', () => {
  /** ~2.3 MB: names with 2-, 3- and 4-byte characters, so chunks end inside some of them. */
  function bigCsv(): string {
    const rows = ['id,name,arr,health'];
    for (let i = 0; i < 40_000; i++)
      rows.push(`a${i},"Café 日本 ${i} 🚀 Ünïcödé",${100 + i},green`);
    return `${rows.join('\r\n')}\r\n`;
  }

  async function inFolder(text: string | Buffer) {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const folder = await mkdtemp(join(tmpdir(), 'csplan-chunks-'));
    await writeFile(join(folder, 'accounts.csv'), text);
    return folder;
  }

  it('reads every account exactly as from the whole file, and hands each over with its row', async () => {
    const text = bigCsv();
    expect(Buffer.byteLength(text)).toBeGreaterThan(2 * 1024 * 1024);
    const folder = await inFolder(text);
    const handed: [string, string | undefined, number][] = [];
    const chunked = await readAccountsFile(
      { file: 'accounts.csv' },
      {
        orgFile: `${folder}/org.yaml`,
        baseDir: folder,
        team: [],
        onAccount: (account, row) => handed.push([account.id, account.name, row]),
      },
    );
    expect(chunked.diagnostics).toEqual([]);
    expect(chunked.accounts).toEqual([]);
    const whole = await parseAccountsText(
      Buffer.from(text),
      { file: 'accounts.csv' },
      { file: 'accounts.csv', format: 'csv', team: [] },
    );
    expect(handed).toEqual(whole.accounts.map((a, row) => [a.id, a.name, row]));
    expect(handed[29_999]).toEqual(['a29999', 'Café 日本 29999 🚀 Ünïcödé', 29_999]);
  });

  it('with digest, gives the SHA-256 of the bytes read, also when a form the fast reader refuses makes it read again', async () => {
    const { createHash } = await import('node:crypto');
    // Rows past the first chunk end in a lone CR: csv-parse reads the file a second time.
    const text = `${bigCsv()}z1,Zed,1000,green\rz2,Zed,1000,green\r`;
    const folder = await inFolder(text);
    const result = await readAccountsFile(
      { file: 'accounts.csv' },
      { orgFile: `${folder}/org.yaml`, baseDir: folder, team: [], digest: true },
    );
    expect(result.digest).toBe(createHash('sha256').update(text).digest('hex'));
    const without = await readAccountsFile(
      { file: 'accounts.csv' },
      { orgFile: `${folder}/org.yaml`, baseDir: folder, team: [] },
    );
    expect(without.digest).toBeUndefined();
  });

  it('is read in chunks of whole characters that add up to the file', async () => {
    const text = bigCsv();
    const folder = await inFolder(text);
    const chunks = [...fileChunks(`${folder}/accounts.csv`).chunks()];
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(1024 * 1024 + 3);
      expect(isUtf8(chunk)).toBe(true);
    }
    expect(Buffer.concat(chunks).toString('utf8')).toBe(text);
  });

  it('still locates a control character deep in the file', async () => {
    const lines = bigCsv().split('\r\n');
    lines[25_001] = lines[25_001]?.replace('green', 'gr\u0007een') ?? '';
    const folder = await inFolder(lines.join('\r\n'));
    const result = await readAccountsFile(
      { file: 'accounts.csv' },
      { orgFile: `${folder}/org.yaml`, baseDir: folder, team: [] },
    );
    expect(result.diagnostics.map((d) => [d.rule, d.line])).toEqual([
      ['control-character', 25_002],
    ]);
  });

  it('drops the accounts read before a bad chunk and reads the file again whole', async () => {
    // The file is parsed as it is read; a bad byte past the first 1 MiB is found only then.
    const lines = bigCsv().split('\r\n');
    lines[25_001] = lines[25_001]?.replace('green', 'gr\u0007een') ?? '';
    const folder = await inFolder(lines.join('\r\n'));
    const given: string[] = [];
    let restarts = 0;
    const result = await readAccountsFile(
      { file: 'accounts.csv' },
      {
        orgFile: `${folder}/org.yaml`,
        baseDir: folder,
        team: [],
        onAccount: (account) => given.push(account.id),
        onRestart: () => {
          restarts++;
          given.length = 0;
        },
      },
    );
    expect(restarts).toBe(1);
    expect(given).toEqual([]);
    expect(result.accounts).toEqual([]);
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['control-character']);
  });
});

describe('chunk boundaries', () => {
  const bytes = (...values: number[]) => Buffer.from(values);
  it('keeps a chunk whole when its last character is complete', () => {
    expect(characterBoundary(bytes(0x61, 0x62), 2)).toBe(2);
    // "é" is C3 A9: complete.
    expect(characterBoundary(bytes(0x61, 0xc3, 0xa9), 3)).toBe(3);
    // "€" is E2 82 AC: complete.
    expect(characterBoundary(bytes(0x61, 0xe2, 0x82, 0xac), 4)).toBe(4);
  });
  it('cuts before a character the chunk ends inside', () => {
    expect(characterBoundary(bytes(0x61, 0xc3), 2)).toBe(1);
    expect(characterBoundary(bytes(0x61, 0xe2, 0x82), 3)).toBe(1);
    // "😀" is F0 9F 98 80: three of its four bytes.
    expect(characterBoundary(bytes(0x61, 0xf0, 0x9f, 0x98), 4)).toBe(1);
  });
});

describe('account records from an accounts file', () => {
  it('hold the mapped columns only, and build their path on demand', async () => {
    const { org } = await load('salesforce-report.yaml');
    const account = org?.accounts[1];
    if (!account) throw new Error('no second account');
    // Globex is data row 1 of the export (row 0 is Acme).
    expect(account.path).toEqual(['accounts-file', 1]);
    expect(account.count).toBe(1);
    expect(account).toMatchObject({ id: '0015g00000A1aabAAA', name: 'Globex, Inc.', arr: 240_000 });
    // The report has no health or renewal column: no slot for them on any record.
    expect(Object.hasOwn(account, 'health')).toBe(false);
    expect(Object.hasOwn(account, 'renewalDate')).toBe(false);
    expect(account.health).toBeUndefined();
    // Every record of one file has the same fields.
    const keys = new Set(org?.accounts.map((a) => Object.keys(a).join(',')));
    expect(keys.size).toBe(1);
  });
});
