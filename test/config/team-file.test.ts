import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadOrgFile } from '../../src/config/load.js';
import { locateDiagnostics } from '../../src/config/locate.js';
import { MAX_TEAM_FILE_BYTES } from '../../src/core/limits.js';
import type { Diagnostic } from '../../src/core/model.js';
import { tempDir } from '../helpers/files.js';
import { runCli } from '../helpers/io.js';

const rosters = fileURLToPath(new URL('../fixtures/roster/', import.meta.url));

const where = (d: Diagnostic) =>
  `${d.file?.split('/').pop()}:${d.line}:${d.column} ${d.severity} ${d.rule}`;

/** A folder with org.yaml (`team:` block given) and the named roster fixture as roster.csv. */
async function plan(team: string, options: { roster?: string; rest?: string } = {}) {
  const dir = await tempDir();
  if (options.roster) copyFileSync(join(rosters, options.roster), join(dir, 'roster.csv'));
  writeFileSync(
    join(dir, 'org.yaml'),
    `version: 1\ncompany:\n  name: Acme\n  as_of: 2026-12-01\nteam:\n${team}${options.rest ?? ''}`,
  );
  const result = await loadOrgFile(join(dir, 'org.yaml'), { today: '2026-12-01' });
  return { dir, ...result, diagnostics: locateDiagnostics(result.diagnostics, result.locate) };
}

describe('team: { file: roster.csv }', () => {
  it('plans with the people of a BambooHR export, read through its preset', async () => {
    const { org, diagnostics } = await plan('  file: roster.csv\n', { roster: 'bamboohr.csv' });
    // Kept: the CS people and the CEO above them; Tom (engineering), Ben (engineer), Ava (sales)
    // are outside CS; Chris left on 2026-10-31, before the as-of date; Sam's title is unknown.
    expect(org?.team.map((m) => [m.id, m.role, m.reportsTo ?? null])).toEqual([
      ['maria-alvarez', 'ceo', null],
      ['kate-lin', 'vp-cs', 'maria-alvarez'],
      ['sofia-garcia', 'csm', 'kate-lin'],
      ['dan-okafor', 'csm', 'kate-lin'],
      ['priya-nair', 'csm', 'kate-lin'],
      ['jonas-weber', 'manager-cs', 'kate-lin'],
      ['lee-park', 'onboarding', 'jonas-weber'],
      ['noor-haddad', 'csm', 'jonas-weber'],
    ]);
    const priya = org?.team.find((m) => m.id === 'priya-nair');
    // "11/16/2026": month-first, detected from the day 16; FTE "0.5".
    expect(priya).toMatchObject({ startDate: '2026-11-16', fte: 0.5 });
    expect(org?.team.find((m) => m.id === 'noor-haddad')?.leaving).toBe('2027-01-31');
    expect(diagnostics.map(where)).toEqual(['roster.csv:11:23 warning roster-unknown-title']);
    expect(diagnostics[0]?.message).toContain(
      'map it under team: with roles: { "Customer Happiness Hero": ROLE }',
    );
  });

  it('reads a Rippling export (ISO dates, manager emails) with roles and members from the org file', async () => {
    const { org, diagnostics } = await plan(
      [
        '  file: roster.csv',
        '  roles:',
        '    Customer Happiness Hero: CSM',
        '  members:',
        '    - id: sofia-garcia',
        '      segment: enterprise',
        '      languages: [es, en]',
        '    - id: csm-hire',
        '      name: CSM (hire)',
        '      role: csm',
        '      reports_to: Kate Lin',
        '      start_date: 2027-03-01',
        '',
      ].join('\n'),
      { roster: 'rippling.csv' },
    );
    expect(diagnostics.map(where)).toEqual([]);
    expect(org?.team.find((m) => m.id === 'sam-ortiz')?.role).toBe('csm');
    expect(org?.team.find((m) => m.id === 'sofia-garcia')).toMatchObject({
      segment: 'enterprise',
      languages: ['es', 'en'],
      startDate: '2021-09-01',
    });
    // The planned hire comes after the roster's people; its manager given by name.
    expect(org?.team.at(-1)).toMatchObject({ id: 'csm-hire', reportsTo: 'kate-lin', fte: 1 });
  });

  it('locates findings about a person in the roster row, and members HR does not list in the org file', async () => {
    const accounts = Array.from(
      { length: 60 },
      (_, i) => `  - { id: a${i}, arr: 90000, owner: sofia@acme.io }\n`,
    ).join('');
    const { dir } = await plan(
      '  file: roster.csv\n  members:\n    - id: sofia-garcia\n      segment: enterprise\n    - id: dana-cho\n      segment: smb\n',
      { roster: 'bamboohr.csv', rest: `accounts:\n${accounts}` },
    );
    const run = await runCli(['check', 'org.yaml'], { cwd: dir });
    const located = (run.stdout + run.stderr)
      .split('\n')
      .filter((line) => /^\S+:\d+:\d+ /.test(line))
      .map((line) => line.split(' ').slice(0, 3).join(' '));
    expect(located).toEqual([
      // Sofía is on line 5 of the export; the org file's entry for Dana on line 10.
      'roster.csv:5:1 error csm-overloaded',
      'org.yaml:10:11 warning team-member-not-in-roster',
      'roster.csv:11:23 warning roster-unknown-title',
    ]);
    expect(run.code).toBe(1);
  });

  it('reports every problem of the roster and the org file in one run', async () => {
    const dir = await tempDir();
    writeFileSync(
      join(dir, 'roster.csv'),
      [
        'Employee #,First Name,Last Name,Job Title,Department,Reports To,Hire Date',
        '1,Kate,Lin,VP Customer Success,Customer Success,,2021-04-12',
        '2,Dan,Okafor,Customer Success Manager,Customer Success,"Lin, Kate",2022-13-45',
        '3,,,Customer Success Manager,Customer Success,"Lin, Kate",2022-01-10',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'org.yaml'),
      'version: 1\ncompany: { name: Acme, as_of: 2026-12-01, motion: sales-loud }\nteam:\n  file: roster.csv\n  preset: bamboohr\n',
    );
    const result = await loadOrgFile(join(dir, 'org.yaml'), { today: '2026-12-01' });
    const found = locateDiagnostics(result.diagnostics, result.locate).map(where);
    expect(found).toEqual(
      expect.arrayContaining([
        'org.yaml:2:51 error invalid-value',
        'roster.csv:3:68 error roster-bad-date',
        'roster.csv:4:3 error roster-missing-name',
      ]),
    );
    expect(result.org).toBeUndefined();
  });

  it('finds a manager by an alias the org file gives, and names both people when an alias is ambiguous', async () => {
    const dir = await tempDir();
    writeFileSync(
      join(dir, 'roster.csv'),
      [
        'Employee #,First Name,Last Name,Job Title,Department,Reports To',
        '1,Katherine,Lin,VP Customer Success,Customer Success,',
        '2,Dan,Okafor,Customer Success Manager,Customer Success,Kate Lin',
        '3,Kate,Lindqvist,Customer Success Manager,Customer Success,Katherine Lin',
        '',
      ].join('\n'),
    );
    const org = (aliases: string) =>
      `version: 1\ncompany: { name: Acme, as_of: 2026-12-01 }\nteam:\n  file: roster.csv\n  members:\n    - id: katherine-lin\n      aliases: [${aliases}]\n`;
    writeFileSync(join(dir, 'org.yaml'), org('Kate Lin'));
    const found = await loadOrgFile(join(dir, 'org.yaml'), { today: '2026-12-01' });
    expect(found.org?.team.map((m) => [m.id, m.reportsTo ?? null])).toEqual([
      ['katherine-lin', null],
      ['dan-okafor', 'katherine-lin'],
      ['kate-lindqvist', 'katherine-lin'],
    ]);
    // "Kate Lindqvist" is also Katherine's alias: Dan's manager could be either of them.
    writeFileSync(join(dir, 'org.yaml'), org('Kate Lin, Kate Lindqvist'));
    writeFileSync(
      join(dir, 'roster.csv'),
      'First Name,Last Name,Job Title,Department,Reports To\nKatherine,Lin,VP Customer Success,Customer Success,\nKate,Lindqvist,Customer Success Manager,Customer Success,Katherine Lin\nDan,Okafor,Customer Success Manager,Customer Success,kate lindqvist\n',
    );
    const ambiguous = await loadOrgFile(join(dir, 'org.yaml'), { today: '2026-12-01' });
    const errors = locateDiagnostics(ambiguous.diagnostics, ambiguous.locate).filter(
      (d) => d.severity === 'error',
    );
    expect(errors.map(where)).toEqual(['roster.csv:4:54 error roster-ambiguous-manager']);
    expect(errors[0]?.message).toContain('(Katherine Lin and Kate Lindqvist)');
  });
});

describe('team.file is read under the rules of accounts.file', () => {
  const cases: [string, (dir: string) => string, string][] = [
    ['missing', () => 'roster.csv', 'team-file-missing'],
    ['not a CSV', () => 'roster.xlsx', 'team-file-format'],
    [
      'outside the folder',
      (dir) => {
        writeFileSync(join(dir, 'secret.csv'), 'Job Title,Name\n');
        return '../secret.csv';
      },
      'team-file-outside',
    ],
    [
      'a FIFO',
      (dir) => {
        execFileSync('mkfifo', [join(dir, 'plan', 'roster.csv')]);
        return 'roster.csv';
      },
      'team-file-unreadable',
    ],
    [
      'too large',
      (dir) => {
        writeFileSync(join(dir, 'plan', 'roster.csv'), '');
        truncateSync(join(dir, 'plan', 'roster.csv'), MAX_TEAM_FILE_BYTES + 1);
        return 'roster.csv';
      },
      'team-file-too-large',
    ],
  ];
  for (const [name, setUp, rule] of cases) {
    it(`refuses a roster that is ${name}, located at team.file`, async () => {
      const dir = await tempDir();
      mkdirSync(join(dir, 'plan'), { recursive: true });
      const file = setUp(dir);
      writeFileSync(
        join(dir, 'plan', 'org.yaml'),
        `version: 1\ncompany: { name: Acme }\nteam:\n  file: ${file}\n`,
      );
      const result = await loadOrgFile(join(dir, 'plan', 'org.yaml'), { today: '2026-12-01' });
      const found = locateDiagnostics(result.diagnostics, result.locate);
      expect(found.map(where)).toEqual([`org.yaml:4:9 error ${rule}`]);
    });
  }
});
