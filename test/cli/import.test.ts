import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type ImportOptions, runImport } from '../../src/cli/commands/import.js';
import { UsageError } from '../../src/cli/exit-codes.js';
import { loadOrgFile } from '../../src/config/load.js';
import { fakeIO, runCli } from '../helpers/io.js';

const fixtures = fileURLToPath(new URL('../fixtures/csv/', import.meta.url));

async function run(file: string, options: ImportOptions = {}, cwd = fixtures) {
  // A wide terminal: these tests read what import says; fitting the width is tested apart.
  const io = fakeIO({ cwd, env: { COLUMNS: '300' } });
  const code = await runImport(file, options, io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}

describe('csplan import', () => {
  it('detects the Salesforce preset and prints the mapping, unread columns and a sample', async () => {
    const { code, stdout, stderr } = await run('salesforce-report.csv');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain(
      'salesforce-report.csv: Salesforce export (preset salesforce, detected from the headers)',
    );
    expect(stdout).toContain('10 accounts read, $4.6M ARR; skipped 2 report footer lines');
    expect(stdout).toMatch(/arr +<- "ARR" \(column 8\)/);
    expect(stdout).toContain(`"Annual Revenue" (column 7): the customer's own revenue, not ARR`);
    expect(stdout).toContain('Sample (first 5 of 10)');
    expect(stdout).toMatch(
      /│ 0015g00000A1aaaAAA │ Acme Corporation +│ +\$1\.3M │ Dana Scully +│ strategic +│/,
    );
    expect(stdout).toContain('    preset: salesforce');
  });

  it('matches owners against the team of --org and shows the change as a dry run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'csplan-import-'));
    try {
      await copyFile(join(fixtures, 'hubspot-companies.csv'), join(dir, 'companies.csv'));
      const org = (await readFile(join(fixtures, 'hubspot-companies.yaml'), 'utf8')).replace(
        /accounts:\n {2}file: hubspot-companies.csv\n {2}preset: hubspot\n/,
        '',
      );
      await writeFile(join(dir, 'org.yaml'), org.replace(/\n/g, '\r\n'));

      const dry = await run('companies.csv', { org: 'org.yaml' }, dir);
      expect(dry.code).toBe(0);
      expect(dry.stdout).toContain(
        'Owners: 7 matched to org.yaml team ids (1 by id, 1 by email, 5 by name)',
      );
      expect(dry.stdout).toContain('+accounts:\n+  file: companies.csv\n+  preset: hubspot\n');
      expect(dry.stdout).toContain('Dry run: run again with --write to change org.yaml.');
      expect(await readFile(join(dir, 'org.yaml'), 'utf8')).toBe(org.replace(/\n/g, '\r\n'));

      const wrote = await run('companies.csv', { org: 'org.yaml', write: true }, dir);
      expect(wrote.code).toBe(0);
      const written = await readFile(join(dir, 'org.yaml'), 'utf8');
      expect(written).toContain('# HubSpot company export');
      expect(written).toContain('accounts:\r\n  file: companies.csv\r\n  preset: hubspot\r\n');
      const loaded = await loadOrgFile(join(dir, 'org.yaml'), { today: '2026-11-23' });
      expect(loaded.org?.accounts).toHaveLength(7);

      const again = await run('companies.csv', { org: 'org.yaml', write: true }, dir);
      expect(again.stdout).toContain(
        'org.yaml already reads companies.csv this way: nothing to change.',
      );
      expect(await readFile(join(dir, 'org.yaml'), 'utf8')).toBe(written);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports the problems of a broken file with exit 1 and JSON findings', async () => {
    const { code, stdout } = await run('broken.csv', { format: 'json' });
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ schemaVersion: 1, preset: null, accounts: 1, rows: 10 });
    expect(
      json.findings.map((f: { rule: string; line: number }) => `${f.rule}:${f.line}`),
    ).toContain('csv-bad-money:3');
  });

  it('takes --columns overrides and rejects unknown fields and presets as usage errors', async () => {
    const { code, stdout } = await run('custom-headers.csv', {
      columns: ['id=Customer #', 'arr=Current ARR', 'owner=CSM', 'segment='],
      format: 'json',
    });
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.totalArr).toBe(517_500);
    expect(json.spec.columns).toEqual({
      id: 'Customer #',
      arr: 'Current ARR',
      owner: 'CSM',
      segment: '',
    });
    await expect(run('custom-headers.csv', { columns: ['revenue=Current ARR'] })).rejects.toThrow(
      UsageError,
    );
    await expect(run('custom-headers.csv', { preset: 'salesforse' })).rejects.toThrow(
      /did you mean "salesforce"/,
    );
    await expect(run('custom-headers.csv', { write: true })).rejects.toThrow(/--org/);
  });

  it('says how it reads US dates, and writes the order it detected into the org file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'csplan-import-'));
    try {
      await writeFile(
        join(dir, 'accounts.csv'),
        '"Account ID","ARR","Renewal Date"\n"a","$1,000.00","3/4/2027"\n"b","$2,000.00","12/13/2027"\n',
      );
      await writeFile(join(dir, 'org.yaml'), 'version: 1\ncompany:\n  name: X\n');
      const dry = await run('accounts.csv', {}, dir);
      expect(dry.stdout).toContain(
        'Dates read month-first (3/4/2027 is March 4): detected from a day above 12 in the file',
      );
      // Without --org, the suggested lines carry the order and say what the path is relative to.
      expect(dry.stdout).toContain(
        "To plan with it, add to an org file in the current folder (accounts.file is read relative to the org file's folder; for an org file elsewhere, run again with --org):\n  accounts:\n    file: accounts.csv\n    preset: salesforce\n    date_order: month-first\n",
      );
      const json = JSON.parse((await run('accounts.csv', { format: 'json' }, dir)).stdout);
      expect(json.dateOrder).toEqual({ order: 'month-first', detected: true });
      expect(json.spec.date_order).toBe('month-first');

      const wrote = await run('accounts.csv', { org: 'org.yaml', write: true }, dir);
      expect(wrote.code).toBe(0);
      expect(await readFile(join(dir, 'org.yaml'), 'utf8')).toContain(
        'accounts:\n  file: accounts.csv\n  preset: salesforce\n  date_order: month-first\n',
      );
      const loaded = await loadOrgFile(join(dir, 'org.yaml'), { today: '2026-11-23' });
      expect(loaded.org?.accounts.map((a) => a.renewalDate)).toEqual(['2027-03-04', '2027-12-13']);

      // --date-order wins over the file, and a misspelt order is a usage error.
      const dayFirst = await run('accounts.csv', { dateOrder: 'day-first', format: 'json' }, dir);
      expect(JSON.parse(dayFirst.stdout).dateOrder).toEqual({
        order: 'day-first',
        detected: false,
      });
      expect(dayFirst.code).toBe(1);
      await expect(run('accounts.csv', { dateOrder: 'us' }, dir)).rejects.toThrow(
        /--date-order must be month-first/,
      );

      // A later export with ISO dates only keeps the order the org file already has.
      await writeFile(
        join(dir, 'accounts.csv'),
        '"Account ID","ARR","Renewal Date"\n"a","$1,000.00","2027-03-04"\n',
      );
      const again = await run('accounts.csv', { org: 'org.yaml', write: true }, dir);
      expect(again.stdout).toContain('org.yaml already reads accounts.csv this way');
      await writeFile(join(dir, 'accounts.json'), '[]');
      await expect(run('accounts.json', { dateOrder: 'month-first' }, dir)).rejects.toThrow(
        /--date-order is for CSV files/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses to replace accounts listed inline', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'csplan-import-'));
    try {
      await copyFile(join(fixtures, 'hubspot-companies.csv'), join(dir, 'companies.csv'));
      await writeFile(
        join(dir, 'org.yaml'),
        'version: 1\ncompany:\n  name: X\naccounts:\n  - { id: a, arr: 1 }\n',
      );
      const { code, stderr } = await run('companies.csv', { org: 'org.yaml', write: true }, dir);
      expect(code).toBe(2);
      expect(stderr).toContain('lists 1 account under accounts:');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('headers that only look alike', () => {
  it('does not call "Customer" a repeat of "Customer #"', async () => {
    const { code, stdout, stderr } = await runCli([
      'import',
      'test/fixtures/csv/custom-headers.csv',
      '--columns',
      'id=Customer #',
      '--columns',
      'arr=Current ARR',
      '--columns',
      'owner=CSM',
      '--columns',
      'segment=',
    ]);
    expect(`${stdout}${stderr}`).not.toContain('repeats the header');
    expect(code).toBe(0);
  });
});

describe('csplan import --org: owners the team lacks', () => {
  it('names each unknown owner and duplicate id with exit 1, exactly as csplan check does', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'csplan-import-'));
    try {
      await writeFile(
        join(dir, 'org.yaml'),
        'version: 1\ncompany: { name: T }\nteam:\n  - { id: dana, name: Dana Scully, role: csm }\naccounts: { file: accounts.csv, preset: salesforce }\n',
      );
      await writeFile(
        join(dir, 'accounts.csv'),
        'Account ID,Account Name,ARR,Account Owner\n001A,Acme Corp,1000,Dana Scully\n001B,Globex,2000,Walter Skinner\n001A,Initech,3000,dana\n',
      );
      const imported = await run('accounts.csv', { org: 'org.yaml' }, dir);
      expect(imported.code).toBe(1);
      expect(imported.stdout).toContain('1 not in team');
      expect(imported.stdout).not.toContain('no problems');
      const named = [
        'accounts.csv:3:18 error unknown-owner Account "Globex" (001B) names owner "Walter Skinner", who is not in team',
        'accounts.csv:4:1 error duplicate-id account id "001A" ("Initech") is used twice (first at line 2)',
      ];
      for (const line of named) expect(imported.stderr).toContain(line);

      const checked = await runCli(['check', 'org.yaml'], { cwd: dir, env: { COLUMNS: '300' } });
      expect(checked.code).toBe(1);
      for (const line of named) expect(checked.stdout).toContain(line);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
