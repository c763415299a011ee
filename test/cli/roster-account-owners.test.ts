/**
 * A roster and a CRM export from the same company: the account executive who owns accounts in
 * the export stays on the team as `sales`, so `check` reports owner-not-csm with the count and
 * ARR, not unknown-owner for a person HR lists.
 */
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/files.js';
import { runCli } from '../helpers/io.js';

const roster = fileURLToPath(new URL('../fixtures/roster/bamboohr.csv', import.meta.url));

const ORG = 'version: 1\ncompany: { name: Acme, as_of: 2026-11-23 }\n';

// Ava Brooks is the roster's Account Executive (Sales, reports to the CEO); the export names her
// once by name and once by email. Sofía García is a CSM, written without accents by the CRM.
const CRM = [
  'Account ID,Account Name,ARR,Account Owner',
  '001A,Northwind,"$310,000",Sofia Garcia',
  '001B,Contoso,"$95,000",Ava Brooks',
  '001C,Fabrikam,"$88,000",ava@acme.io',
  '',
].join('\n');

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
  await copyFile(roster, join(dir, 'roster.csv'));
  await writeFile(join(dir, 'crm.csv'), CRM);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function ownerFindings(): Promise<string[]> {
  const run = await runCli(['check', 'org.yaml'], { cwd: dir, env: { COLUMNS: '400' } });
  return run.stdout.split('\n').filter((l) => /owner/.test(l) && / (error|warning) /.test(l));
}

describe('the roster import keeps people outside CS who own accounts', () => {
  it('with --accounts: the AE is kept as sales, and check says owner-not-csm with count and ARR', async () => {
    await writeFile(join(dir, 'org.yaml'), ORG);
    const imported = await runCli(
      ['import', 'roster.csv', '--org', 'org.yaml', '--accounts', 'crm.csv', '--write'],
      { cwd: dir, env: { COLUMNS: '400' } },
    );
    expect(imported.code).toBe(0);
    // 13 people: the 8 of CS and its chain as before, and Ava for her accounts; Tom, Ben and the
    // unknown title left out; Chris left before the as-of date.
    expect(imported.stdout).toContain(
      '13 people read: 9 in the team (CS and the people they report to, and 1 person outside CS who owns accounts in the CRM export); 3 outside CS left out, 1 left before 2026-11-23',
    );
    const org = await readFile(join(dir, 'org.yaml'), 'utf8');
    expect(org).toContain('  - id: ava-brooks\n    name: Ava Brooks\n    role: sales\n');

    const accounts = await runCli(['import', 'crm.csv', '--org', 'org.yaml', '--write'], {
      cwd: dir,
    });
    expect(accounts.code).toBe(0);
    // Contoso $95k + Fabrikam $88k = $183k, 2 accounts.
    expect(await ownerFindings()).toEqual([
      expect.stringContaining(
        'warning owner-not-csm "ava-brooks" (Sales Rep) owns 2 accounts, $183k ARR',
      ),
    ]);
  });

  it("without --accounts, from the export the org file already reads, with the org's mapping", async () => {
    // The export's owner column has its own header, mapped in the org file.
    await writeFile(join(dir, 'crm.csv'), CRM.replace('Account Owner', 'Rep'));
    await writeFile(
      join(dir, 'org.yaml'),
      `${ORG}accounts: { file: crm.csv, preset: salesforce, columns: { owner: Rep } }\n`,
    );
    const imported = await runCli(['import', 'roster.csv', '--org', 'org.yaml', '--write'], {
      cwd: dir,
    });
    expect(imported.code).toBe(0);
    expect(await readFile(join(dir, 'org.yaml'), 'utf8')).toContain('  - id: ava-brooks\n');
    expect(await ownerFindings()).toEqual([
      expect.stringContaining('warning owner-not-csm "ava-brooks"'),
    ]);
  });

  it('without accounts anywhere, people outside CS are left out as before', async () => {
    await writeFile(join(dir, 'org.yaml'), ORG);
    const imported = await runCli(['import', 'roster.csv', '--org', 'org.yaml'], { cwd: dir });
    expect(imported.stdout).toContain(
      '8 in the team (CS and the people they report to); 4 outside CS left out',
    );
  });
});
