import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commitAll, git } from '../helpers/files.js';
import { runCli } from '../helpers/io.js';

const fixtures = fileURLToPath(new URL('../fixtures/refresh/', import.meta.url));

/** A git repository with plans/org.yaml reading plans/accounts.csv (the December export), committed. */
function repo(): { dir: string; org: string; csv: string } {
  const dir = mkdtempSync(join(tmpdir(), 'csplan-diff-base-'));
  mkdirSync(join(dir, 'plans'));
  const org = join(dir, 'plans', 'org.yaml');
  const csv = join(dir, 'plans', 'accounts.csv');
  writeFileSync(
    org,
    readFileSync(join(fixtures, 'org.yaml'), 'utf8').replace(
      'accounts-2026-12.csv   # December export',
      'accounts.csv',
    ),
  );
  copyFileSync(join(fixtures, 'accounts-2026-12.csv'), csv);
  commitAll(dir, 'december');
  return { dir, org, csv };
}

describe('csplan diff FILE --base REF with a CSV-backed plan', () => {
  it('reads the accounts export at the base ref too, so owner moves in the CSV show', async () => {
    const { org, csv } = repo();
    // The pull request moves A1 and A2 from Dana to Fox in the export only.
    writeFileSync(
      csv,
      readFileSync(csv, 'utf8')
        .replace('A1,Acme,"$120,000",Dana Scully', 'A1,Acme,"$120,000",Fox Mulder')
        .replace('A2,Globex,"$80,000",Dana Scully', 'A2,Globex,"$80,000",Fox Mulder'),
    );
    const { code, stdout, stderr } = await runCli(['diff', org, '--base', 'HEAD'], {
      env: { COLUMNS: '300' },
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Accounts moved (2)');
    expect(stdout).toContain('A1: dana -> fox ($120k)');
    expect(stdout).toContain('A2: dana -> fox ($80k)');
  });

  it('names problems of the base export as REF:path', async () => {
    const { org, csv, dir } = repo();
    // Break the committed export, then restore it in the working tree: only the base is broken.
    const good = readFileSync(csv, 'utf8');
    writeFileSync(csv, good.replace('"$50,000"', '"1.2M"'));
    git(dir, 'commit', '-qam', 'broken');
    writeFileSync(csv, good);
    const { code, stderr } = await runCli(['diff', org, '--base', 'HEAD'], {
      env: { COLUMNS: '300' },
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/HEAD:\S*plans\/accounts\.csv:4:\d+ error csv-bad-money/);
  });

  it('treats a plan that is not at the base as all new: exit 0, everything added', async () => {
    const { dir } = repo();
    mkdirSync(join(dir, 'new'));
    const org = join(dir, 'new', 'org.yaml');
    copyFileSync(join(dir, 'plans', 'org.yaml'), org);
    copyFileSync(join(dir, 'plans', 'accounts.csv'), join(dir, 'new', 'accounts.csv'));
    const { code, stdout, stderr } = await runCli(['diff', org, '--base', 'HEAD'], {
      env: { COLUMNS: '300' },
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // December: 4 accounts, 120k + 80k + 50k + 30k = $280k.
    expect(stdout).toContain('0 -> 4 customers, $0 -> $280k ARR');
    expect(stdout).toContain('+ "dana" (CSM)');
    expect(stdout).toContain('+ 4 records: A1, A2, A3, A4');
  });
});

describe('csplan diff FILE --base REF with the team in an HR roster', () => {
  it('reads the roster at the base ref too, so a leaver and a new hire show', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csplan-diff-roster-'));
    const rosters = fileURLToPath(new URL('../fixtures/roster/', import.meta.url));
    const org = join(dir, 'org.yaml');
    const roster = join(dir, 'roster.csv');
    writeFileSync(
      org,
      'version: 1\ncompany: { name: Acme, as_of: 2026-12-01 }\nteam:\n  file: roster.csv\n  preset: bamboohr\n',
    );
    copyFileSync(join(rosters, 'bamboohr.csv'), roster);
    commitAll(dir, 'december roster');
    // January's export: Dan has a termination date before the as-of date, Mia is hired.
    writeFileSync(
      roster,
      readFileSync(roster, 'utf8')
        .replace('"01/10/2022","","dan@acme.io"', '"01/10/2022","11/30/2026","dan@acme.io"')
        .concat(
          '"14","Mia","Rossi","","Customer Success Manager","Customer Success","HQ","Chicago","Lin, Katherine","12/01/2026","","mia@acme.io","1"\n',
        ),
    );
    const { code, stdout } = await runCli(['diff', org, '--base', 'HEAD'], {
      env: { COLUMNS: '300' },
    });
    expect(code).toBe(0);
    expect(stdout).toContain('+ "mia-rossi" (CSM, reports to kate-lin, start 2026-12-01)');
    expect(stdout).toContain('- "dan-okafor" (CSM, reports to kate-lin, start 2022-01-10)');
  });
});
