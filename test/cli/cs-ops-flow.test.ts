/**
 * CS Ops from two raw exports to a checked plan and next month, end to end: an HR roster and a
 * CRM export -> import both -> check -> rebalance --write into the export (and a move list for
 * the CRM) -> check -> next month's export. The moves themselves are the rebalance engine's to
 * choose; what is tested here is that each step hands the next what it needs.
 */
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/files.js';
import { runCli } from '../helpers/io.js';

const roster = fileURLToPath(new URL('../fixtures/roster/bamboohr.csv', import.meta.url));

// A Salesforce report: a "Segment" picklist of the CRM's own, a blank ARR (Lucerne), the VP
// (Kate Lin) and an account executive (Ava Brooks) owning accounts, a leaving CSM (Noor Haddad)
// and one in her third week (Priya Nair) holding books, Sofía García without her accents.
const DECEMBER = [
  'Account ID,Account Name,ARR,Account Owner,Segment,Renewal Date',
  '001A,Northwind,"$310,000",Sofia Garcia,Enterprise,03/31/2027',
  '001B,Contoso,"$95,000",Dan Okafor,Commercial,01/15/2027',
  '001C,Fabrikam,"$88,000",Dan Okafor,Commercial,06/30/2027',
  '001D,Tailspin,"$72,000",Dan Okafor,Commercial,09/30/2027',
  '001E,Litware,"$64,000",Kate Lin,Commercial,05/31/2027',
  '001F,Proseware,"$41,000",Ava Brooks,SMB,04/30/2027',
  '001G,Adatum,"$38,000",Noor Haddad,SMB,02/28/2027',
  '001H,Woodgrove,"$35,000",Priya Nair,SMB,07/31/2027',
  '001J,Lucerne,,Dan Okafor,SMB,08/31/2027',
  '001K,Wingtip,"$120,000",Sofia Garcia,Commercial,10/31/2027',
  '',
].join('\n');

let dir: string;
const csplan = (...argv: string[]) => runCli(argv, { cwd: dir, env: { COLUMNS: '400' } });
const exported = () => readFile(join(dir, 'accounts-2026-12.csv'), 'utf8');
const rules = (text: string) =>
  [...text.matchAll(/ (?:error|warning) ([a-z-]+) /g)].map((m) => m[1]);

beforeAll(async () => {
  dir = await tempDir();
  await copyFile(roster, join(dir, 'roster.csv'));
  await writeFile(join(dir, 'accounts-2026-12.csv'), DECEMBER);
  await writeFile(
    join(dir, 'org.yaml'),
    "# Acme's CS plan\nversion: 1\ncompany:\n  name: Acme\n  as_of: 2026-12-01\n",
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('from an HR roster and a CRM export to a checked plan, and next month', () => {
  it('1. the roster gives the team, the account executive who owns an account included', async () => {
    const run = await csplan(
      'import',
      'roster.csv',
      '--org',
      'org.yaml',
      '--accounts',
      'accounts-2026-12.csv',
      '--write',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('9 in the team');
    expect(await readFile(join(dir, 'org.yaml'), 'utf8')).toContain('id: ava-brooks');
  });

  it('2. the export is pointed at, its segments mapped, the blank ARR row left out', async () => {
    const run = await csplan(
      'import',
      'accounts-2026-12.csv',
      '--org',
      'org.yaml',
      '--values',
      'segment.Commercial=mid-market',
      '--skip-invalid',
      '--write',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('9 accounts read, $863k ARR; 1 row left out of the plan');
  });

  it('3. check finds the books held outside CS and by the ramping CSM', async () => {
    const run = await csplan('check', 'org.yaml');
    expect(run.code).toBe(1);
    const found = rules(run.stdout);
    expect(found.filter((r) => r === 'owner-not-csm')).toHaveLength(2);
    expect(found).toContain('ramp-overload');
    expect(found).toContain('csv-missing-value');
  });

  it('4. rebalance --write changes owner cells of the export only; the move list holds the same moves', async () => {
    const before = await exported();
    const run = await csplan('rebalance', 'org.yaml', '--write', '--moves-csv', 'moves.csv');
    expect(run.code).toBe(0);
    const moves: Record<string, string>[] = parse(await readFile(join(dir, 'moves.csv'), 'utf8'), {
      columns: true,
    });
    expect(run.stderr).toContain(`accounts-2026-12.csv: ${moves.length} owners changed.`);
    expect(run.stderr).not.toContain('the CRM still has the old owners');
    // Every line of the export is as it was, but for the owner cell of each moved account,
    // which is the move list's owner, spelled as the export spells that person.
    const after = await exported();
    const owners = new Map(moves.map((m) => [m['Account ID'], m['Account Owner']]));
    const expected = before
      .split('\n')
      .map((line) => {
        const cells = line.split(',');
        const owner = owners.get(cells[0] as string);
        if (owner === undefined) return line;
        return line.replace(/(,"\$[\d,]+",)[^,]+/, `$1${owner}`);
      })
      .join('\n');
    expect(after).toBe(expected);
    expect(
      [...owners.values()].every((o) => ['Sofia Garcia', 'Dan Okafor'].includes(o as string)),
    ).toBe(true);
  });

  it('5. check reads the new books: nothing held outside CS or over the ramp, only the row to fix', async () => {
    const run = await csplan('check', 'org.yaml');
    expect(rules(run.stdout).filter((r) => r !== 'csm-capacity-idle')).toEqual([
      'csv-missing-value',
    ]);
    expect((await csplan('check', 'org.yaml', '--skip-invalid')).code).toBe(0);
    const again = await csplan('rebalance', 'org.yaml');
    expect(again.stdout).toContain('0 moves');
  });

  it("6. next month's export, with the moves done in the CRM, replaces it: no owner changes", async () => {
    // The CRM after the upload: the owners as written, Lucerne's ARR filled, a new account.
    const january = (await exported())
      .replace('001J,Lucerne,,', '001J,Lucerne,"$30,000",')
      .concat('001L,Alpine,"$56,000",Sofia Garcia,Commercial,12/31/2027\n');
    await writeFile(join(dir, 'accounts-2027-01.csv'), january);
    const run = await csplan('import', 'accounts-2027-01.csv', '--org', 'org.yaml', '--write');
    expect(run.code).toBe(0);
    // 9 accounts planned + Lucerne + Alpine = 11; $863k + $30k + $56k = $949k.
    expect(run.stdout).toContain(
      'Changes from accounts-2026-12.csv: 9 -> 11 accounts, $863k -> $949k ARR (+$86k)',
    );
    expect(run.stdout).toContain('  no owner changes\n');
    const check = await csplan('check', 'org.yaml');
    expect(check.code).toBe(0);
    expect(rules(check.stdout).filter((r) => r !== 'csm-capacity-idle')).toEqual([]);
  });
});
