import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ImportOptions, runImport } from '../../src/cli/commands/import.js';
import { UsageError } from '../../src/cli/exit-codes.js';
import { loadOrgFile } from '../../src/config/load.js';
import { fakeIO } from '../helpers/io.js';

const fixtures = fileURLToPath(new URL('../fixtures/roster/', import.meta.url));

async function run(file: string, options: ImportOptions, cwd: string) {
  const io = fakeIO({ cwd, env: { COLUMNS: '300' } });
  const code = await runImport(file, options, io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}

const ORG = [
  '# Acme CS plan',
  'version: 1',
  'company:',
  '  name: Acme   # kept',
  '  as_of: 2026-11-23',
  'team:',
  '  - id: kate',
  '    name: Kate Lin',
  '    role: vp-cs',
  '  - id: dan',
  '    name: Dan Okafor',
  '    role: csm',
  '    segment: mid-market',
  '  - id: open-req',
  '    name: CSM hire',
  '    role: csm',
  '    start_date: 2027-02-01',
  'policy:',
  '  health_mix_max: 0.4 # ours',
  '',
].join('\n');

describe('csplan import of an HR roster', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'csplan-roster-'));
    await copyFile(join(fixtures, 'bamboohr.csv'), join(dir, 'roster.csv'));
    await writeFile(join(dir, 'org.yaml'), ORG);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is told from a CRM export by its headers and shows titles, unknown titles and the team', async () => {
    const { code, stdout, stderr } = await run('roster.csv', {}, dir);
    expect(code).toBe(0);
    expect(stdout).toContain(
      'roster.csv: BambooHR roster (preset bamboohr, detected from the headers)',
    );
    // 13 rows: 8 kept, Chris left on 2026-10-31 (before today, 2026-11-23), 4 outside CS.
    expect(stdout).toContain(
      '13 people read: 8 in the team (CS and the people they report to); 4 outside CS left out, 1 left before 2026-11-23',
    );
    expect(stdout).toMatch(/ {3}1 {2}Team Lead, Customer Success +-> manager-cs/);
    expect(stdout).toContain('"Customer Happiness Hero": --roles "Customer Happiness Hero=ROLE"');
    expect(stdout).toMatch(
      /│ priya-nair +│ Priya Nair +│ csm \(mid\) +│ kate-lin +│ 2026-11-16 +│ +│ 0\.5 +│ EMEA +│/,
    );
    expect(stderr).toContain('roster.csv:11:');
    expect(stderr).toContain('warning roster-unknown-title');
  });

  it('writes the team into the org file: ids, planned hires and keys HR does not hold are kept', async () => {
    const dry = await run(
      'roster.csv',
      { org: 'org.yaml', roles: ['Customer Happiness Hero=CS Manager'] },
      dir,
    );
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Dry run: run again with --write to change org.yaml.');
    expect(dry.stdout).toContain(
      'Kept from the org file (planned hires HR does not list yet): open-req',
    );
    expect(await readFile(join(dir, 'org.yaml'), 'utf8')).toBe(ORG);

    const wrote = await run(
      'roster.csv',
      { org: 'org.yaml', roles: ['Customer Happiness Hero=CS Manager'], write: true },
      dir,
    );
    expect(wrote.code).toBe(0);
    const text = await readFile(join(dir, 'org.yaml'), 'utf8');
    // Every byte outside team: is as it was.
    expect(text.startsWith(ORG.slice(0, ORG.indexOf('team:')))).toBe(true);
    expect(text.endsWith('policy:\n  health_mix_max: 0.4 # ours\n')).toBe(true);
    // Dan keeps his key order; what HR adds comes after his own keys.
    expect(text).toContain(
      '  - id: dan\n    name: Dan Okafor\n    role: csm\n    segment: mid-market\n    reports_to: kate\n',
    );
    expect(text).toContain('  - id: sam-ortiz\n    name: Sam Ortiz\n    role: manager-cs\n');
    expect(text).toContain('  - id: open-req\n');

    const loaded = await loadOrgFile(join(dir, 'org.yaml'), { today: '2026-11-23' });
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // Those already in the file keep their places; the people HR adds come after them.
    expect(loaded.org?.team.map((m) => m.id)).toEqual([
      'kate',
      'dan',
      'open-req',
      'maria-alvarez',
      'sofia-garcia',
      'priya-nair',
      'jonas-weber',
      'lee-park',
      'sam-ortiz',
      'noor-haddad',
    ]);

    const again = await run(
      'roster.csv',
      { org: 'org.yaml', roles: ['Customer Happiness Hero=CS Manager'], write: true },
      dir,
    );
    expect(again.stdout).toContain('org.yaml already has this team: nothing to change.');
    expect(await readFile(join(dir, 'org.yaml'), 'utf8')).toBe(text);
  });

  it('with --keep-file writes team: { file } instead, moving the keys HR does not hold to members', async () => {
    const wrote = await run(
      'roster.csv',
      {
        org: 'org.yaml',
        roles: ['Customer Happiness Hero=CS Manager'],
        keepFile: true,
        write: true,
      },
      dir,
    );
    expect(wrote.code).toBe(0);
    const text = await readFile(join(dir, 'org.yaml'), 'utf8');
    expect(text).toBe(
      ORG.replace(
        ORG.slice(ORG.indexOf('team:'), ORG.indexOf('policy:')),
        [
          'team:',
          '  file: roster.csv',
          '  preset: bamboohr',
          '  roles:',
          '    Customer Happiness Hero: manager-cs',
          // "11/16/2026": a day above 12, so month-first, kept for next month's export.
          '  date_order: month-first',
          '  members:',
          // Dan's segment (HR does not hold it) and the planned hire HR does not list yet.
          '    - id: dan',
          '      name: Dan Okafor',
          '      segment: mid-market',
          '    - id: open-req',
          '      name: CSM hire',
          '      role: csm',
          '      start_date: 2027-02-01',
          '',
        ].join('\n'),
      ),
    );
    const loaded = await loadOrgFile(join(dir, 'org.yaml'), { today: '2026-11-23' });
    expect(loaded.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.rule)).toEqual([]);
    expect(loaded.org?.team.find((m) => m.id === 'dan')?.segment).toBe('mid-market');
    expect(loaded.org?.team.find((m) => m.id === 'sam-ortiz')?.role).toBe('manager-cs');
    expect(loaded.org?.team.at(-1)?.id).toBe('open-req');

    // Next month: the file's mapping (preset, roles) reads the new export; only the name changes.
    // Dan hands in his notice (last day 2027-02-26), Mia joins, Priya goes full time.
    const january = (await readFile(join(dir, 'roster.csv'), 'utf8'))
      .replace('"01/10/2022","","dan@acme.io"', '"01/10/2022","02/26/2027","dan@acme.io"')
      .replace('"priya@acme.io","0.5"', '"priya@acme.io","1"')
      .concat(
        '"14","Mia","Rossi","","Customer Success Manager","Customer Success","HQ","Chicago","Lin, Katherine","12/01/2026","","mia@acme.io","1"\n',
      );
    await writeFile(join(dir, 'roster-2027-01.csv'), january);
    const refresh = await run('roster-2027-01.csv', { org: 'org.yaml', write: true }, dir);
    expect(refresh.code).toBe(0);
    expect(refresh.stdout).toContain(
      [
        'Changes to the team the org file plans with',
        '  joined: mia-rossi',
        '  dan: leaving none -> 2027-02-26',
        '  priya-nair: fte 0.5 -> 1',
      ].join('\n'),
    );
    expect(await readFile(join(dir, 'org.yaml'), 'utf8')).toBe(
      text.replace('  file: roster.csv', '  file: roster-2027-01.csv'),
    );
  });

  it('refuses a role it does not know, with a did-you-mean', async () => {
    await expect(run('roster.csv', { team: true, roles: ['Hero=cs-manger'] }, dir)).rejects.toThrow(
      UsageError,
    );
    await expect(run('roster.csv', { team: true, roles: ['Hero=cs-manger'] }, dir)).rejects.toThrow(
      /"cs-manger" is not a role \(did you mean "manager-cs"\?\)/,
    );
  });

  it('prints JSON with every member and finding', async () => {
    const { code, stdout } = await run('roster.csv', { team: true, format: 'json' }, dir);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({
      kind: 'roster',
      preset: 'bamboohr',
      people: 13,
      team: 8,
      outsideCs: 4,
      left: 1,
    });
    expect(json.unknownTitles).toEqual([
      { title: 'Customer Happiness Hero', count: 1, suggestion: null },
    ]);
    expect(json.findings.map((f: { rule: string }) => f.rule)).toEqual(['roster-unknown-title']);
  });
});
