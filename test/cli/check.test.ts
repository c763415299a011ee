import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/io.js';

const F = 'test/fixtures/check';
const CLEAN = `${F}/clean.yaml`;
const WARN = `${F}/warn.yaml`;
const ERROR = `${F}/error.yaml`;

const WARN_MESSAGE =
  '"cy" has 4 of 10 accounts red or yellow (40%; limit 30%): "r-1", "y-1", "y-2" and "y-3"; `csplan rebalance` proposes how to spread them';
const ERROR_MESSAGE =
  '"dana" holds 30 accounts, $3M ARR: 120% of the largest book the benchmarks allow (150% of a target book); `csplan rebalance` proposes the moves, or hire';

describe('csplan check: text', () => {
  it('groups findings by file, then prints one count line', async () => {
    const { code, stdout, stderr } = await runCli(['check', WARN, CLEAN, ERROR], {
      env: { COLUMNS: '300' },
    });
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toBe(
      [
        `${WARN}:8:5 warning book-health-mix ${WARN_MESSAGE}`,
        '',
        `${CLEAN}: no problems`,
        '',
        `${ERROR}:8:5 error csm-overloaded ${ERROR_MESSAGE}`,
        '',
        '1 error, 1 warning (3 files checked)',
        '',
      ].join('\n'),
    );
  });

  it('wraps long messages under their first line to fit COLUMNS=80', async () => {
    const { stdout } = await runCli(['check', WARN, CLEAN, ERROR], { env: { COLUMNS: '80' } });
    expect(stdout).toBe(
      [
        `${WARN}:8:5 warning book-health-mix "cy" has 4 of 10`,
        '  accounts red or yellow (40%; limit 30%): "r-1", "y-1", "y-2" and "y-3";',
        '  `csplan rebalance` proposes how to spread them',
        '',
        `${CLEAN}: no problems`,
        '',
        `${ERROR}:8:5 error csm-overloaded "dana" holds 30`,
        '  accounts, $3M ARR: 120% of the largest book the benchmarks allow (150% of a',
        '  target book); `csplan rebalance` proposes the moves, or hire',
        '',
        '1 error, 1 warning (3 files checked)',
        '',
      ].join('\n'),
    );
  });

  it('prints one finding per line through a real pipe without COLUMNS, whole for grep', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csplan-pipe-'));
    const file = join(dir, 'org.yaml');
    writeFileSync(
      file,
      [
        'version: 1',
        'company: { name: Acme, as_of: 2026-11-01 }',
        'accounts:',
        '  - { id: globex-international-holdings-emea, arr: 50000, onwer: dana }',
        'team:',
        '  - { id: dana, name: Dana, role: csm }',
        '',
      ].join('\n'),
    );
    const { COLUMNS: _, ...env } = process.env;
    const run = spawnSync('sh', ['-c', `node bin/csplan.js check "${file}" | grep owner`], {
      encoding: 'utf8',
      env: { ...env, GITHUB_ACTIONS: '' },
    });
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^.*org\.yaml:4:\d+ error unknown-key .*"onwer".*did you mean "owner"\?\)$/,
    );
    expect(lines[0]?.length).toBeGreaterThan(80);
  });

  it.each([
    [[CLEAN], 0],
    [[WARN], 0],
    [[WARN, '--fail-on', 'warning'], 1],
    [[WARN, '--max-warnings', '1'], 0],
    [[WARN, '--max-warnings', '0'], 1],
    [[ERROR], 1],
    [[ERROR, '--rule', 'csm-overloaded=warning'], 0],
    [[ERROR, '--rule', 'csm-overloaded=off', '--fail-on', 'warning'], 0],
    [[CLEAN, WARN, ERROR], 1],
  ])('exit code for %j is %i', async (args, expected) => {
    const { code } = await runCli(['check', ...args]);
    expect(code).toBe(expected);
  });

  it('says why --max-warnings failed the run', async () => {
    const { code, stderr } = await runCli(['check', WARN, '--max-warnings', '0']);
    expect(code).toBe(1);
    expect(stderr).toBe('csplan: 1 warning, more than --max-warnings 0 allows\n');
  });

  it('exits 1 with the schema problem for an invalid file', async () => {
    const { code, stdout } = await runCli(['check', 'test/fixtures/invalid/unknown-owner.yaml']);
    expect(code).toBe(1);
    expect(stdout).toContain('error unknown-owner');
  });

  it('honours --as-of: the same CSM is in the ramp a week after starting', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csplan-check-'));
    const file = join(dir, 'org.yaml');
    writeFileSync(
      file,
      'version: 1\ncompany: { name: T }\nteam:\n  - { id: c, role: csm, start_date: 2026-11-16 }\naccount_groups:\n  - { name: G, count: 20, arr_each: 20000, owner: c }\n',
    );
    expect((await runCli(['check', file, '--as-of', '2027-06-01'])).code).toBe(0);
    const early = await runCli(['check', file, '--as-of', '2026-11-23']);
    expect(early.code).toBe(1);
    expect(early.stdout).toContain('ramp-overload');
  });
});

describe('csplan check: duplicate ids', () => {
  it('name the first of two duplicates by its line, in the org file and in a CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csplan-check-'));
    const org = join(dir, 'org.yaml');
    const csv = join(dir, 'accounts.csv');
    writeFileSync(
      org,
      'version: 1\ncompany: { name: T }\nteam:\n  - { id: c, role: csm }\n  - { id: c, role: csm }\naccounts: { file: accounts.csv }\n',
    );
    // A blank line after the header puts the first "a" on line 3 and its twin on line 5.
    writeFileSync(csv, 'id,arr,owner\n\na,1000,c\nb,2000,c\na,3000,c\n');
    // Wide enough for one line per finding, as a script reading the output would set it.
    const { code, stdout } = await runCli(['check', org], { env: { COLUMNS: '300' } });
    expect(code).toBe(1);
    expect(stdout).toContain(
      `${csv}:5:1 error duplicate-id account id "a" is used twice (first at line 3); ids must be unique`,
    );
    expect(stdout).toContain(
      `${org}:5:11 error duplicate-id team id "c" is used twice (first at line 4); ids must be unique`,
    );
  });
});

describe('csplan check: a CSV with bad rows', () => {
  const write = (policy: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'csplan-check-'));
    const org = join(dir, 'org.yaml');
    writeFileSync(
      org,
      `version: 1\ncompany: { name: T }\nteam:\n  - { id: c, role: csm }\naccounts: { file: accounts.csv }\n${policy}`,
    );
    writeFileSync(
      join(dir, 'accounts.csv'),
      'id,arr,owner\na,1000,c\nb,1.2M,c\nc,3000,dan\na,4000,c\n',
    );
    return { org, csv: join(dir, 'accounts.csv') };
  };

  it('still reports duplicate ids and unknown owners among the rows it could read', async () => {
    const { org, csv } = write('');
    // Wide enough for one line per finding, as a script reading the output would set it.
    const { code, stdout } = await runCli(['check', org], { env: { COLUMNS: '300' } });
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    expect(lines.slice(0, 3).map((line) => line.split(' ').slice(0, 3).join(' '))).toEqual([
      `${csv}:3:3 error csv-bad-money`,
      `${csv}:4:8 error unknown-owner`,
      `${csv}:5:1 error duplicate-id`,
    ]);
    expect(lines.slice(3)).toEqual(['', '3 errors, 0 warnings (1 file checked)', '']);
  });

  it('still checks references when the org file itself has errors too', async () => {
    // A policy that contradicts itself stops planning, not the checks of ids and owners.
    const { org } = write('policy:\n  segments:\n    smb: { min_arr: 9000000 }\n');
    const { stdout } = await runCli(['check', org]);
    const rules = stdout
      .split('\n')
      .filter((line) => line.includes(' error '))
      .map((line) => line.split(' ')[2]);
    expect(rules).toEqual(['csv-bad-money', 'unknown-owner', 'duplicate-id', 'invalid-policy']);
  });
});

describe('csplan check: usage errors exit 2', () => {
  it.each([
    [['check'], "missing required argument 'files'"],
    [['check', 'no-such.yaml'], 'no-such.yaml: no such file'],
    [['check', CLEAN, '--fail-on', 'info'], '--fail-on must be error or warning'],
    [['check', CLEAN, '--max-warnings', 'lots'], '--max-warnings takes a whole number'],
    [['check', CLEAN, '--format', 'sarif'], '--format must be one of text, json, github, markdown'],
    [['check', CLEAN, '--rule', 'span-of-contrl=off'], 'did you mean "span-of-control"'],
    [['check', CLEAN, '--as-of', '2026-02-30'], '--as-of must be a date'],
    [['check', CLEAN, '--frobnicate'], "unknown option '--frobnicate'"],
  ])('%j', async (argv, message) => {
    const { code, stdout, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });
});

describe('csplan check: json', () => {
  it('is { schemaVersion, results: [{ file, findings }] } with findings as in recommend', async () => {
    const { code, stdout } = await runCli(['check', WARN, CLEAN, '--format', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toEqual({
      schemaVersion: 4,
      results: [
        {
          file: WARN,
          valid: true,
          errors: 0,
          warnings: 1,
          findings: [
            {
              rule: 'book-health-mix',
              severity: 'warning',
              message: WARN_MESSAGE,
              path: 'team[1]',
              file: WARN,
              line: 8,
              column: 5,
            },
          ],
        },
        { file: CLEAN, valid: true, errors: 0, warnings: 0, findings: [] },
      ],
      summary: { files: 2, errors: 0, warnings: 1 },
    });
  });

  it('marks a file that cannot be planned as not valid', async () => {
    const { stdout } = await runCli([
      'check',
      'test/fixtures/invalid/unknown-owner.yaml',
      '-f',
      'json',
    ]);
    expect(JSON.parse(stdout).results[0].valid).toBe(false);
  });
});

describe('csplan check: github', () => {
  const summaryFile = () => join(mkdtempSync(join(tmpdir(), 'csplan-summary-')), 'summary.md');

  it('is the default under GITHUB_ACTIONS=true, with exact workflow-command syntax', async () => {
    const { code, stdout } = await runCli(['check', WARN, ERROR], {
      env: { GITHUB_ACTIONS: 'true' },
    });
    expect(code).toBe(1);
    expect(stdout.split('\n')).toEqual([
      `::warning file=${WARN},line=8,col=5,title=book-health-mix::"cy" has 4 of 10 accounts red or yellow (40%25; limit 30%25): "r-1", "y-1", "y-2" and "y-3"; \`csplan rebalance\` proposes how to spread them`,
      `::error file=${ERROR},line=8,col=5,title=csm-overloaded::"dana" holds 30 accounts, $3M ARR: 120%25 of the largest book the benchmarks allow (150%25 of a target book); \`csplan rebalance\` proposes the moves, or hire`,
      '1 error, 1 warning (2 files checked)',
      '',
    ]);
  });

  it('names files relative to GITHUB_WORKSPACE', async () => {
    const root = dirname(process.cwd());
    const { stdout } = await runCli(['check', WARN, '-f', 'github'], {
      env: { GITHUB_WORKSPACE: root },
    });
    expect(stdout).toContain(`::warning file=${basename(process.cwd())}/${WARN},line=8,col=5,`);
  });

  it('appends a Markdown summary to GITHUB_STEP_SUMMARY, and only there', async () => {
    const path = summaryFile();
    writeFileSync(path, '# earlier step\n');
    const { stdout } = await runCli(['check', WARN, CLEAN], {
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: path },
    });
    const summary = readFileSync(path, 'utf8');
    expect(summary.startsWith('# earlier step\n## csplan check\n')).toBe(true);
    expect(summary).toContain('**Passed:** 0 errors, 1 warning in 2 files.');
    expect(summary).toContain('| warning | `book-health-mix` |');
    expect(stdout).not.toContain('## csplan check');
  });

  it('warns but keeps the exit code when the summary cannot be written', async () => {
    const { code, stderr } = await runCli(['check', CLEAN], {
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: join(summaryFile(), 'missing', 'x.md') },
    });
    expect(code).toBe(0);
    expect(stderr).toContain('could not append to GITHUB_STEP_SUMMARY');
  });

  it('--format text wins over GITHUB_ACTIONS', async () => {
    const { stdout } = await runCli(['check', CLEAN, '--format', 'text'], {
      env: { GITHUB_ACTIONS: 'true' },
    });
    expect(stdout).toBe(`${CLEAN}: no problems\n\nno problems (1 file checked)\n`);
  });
});

describe('csplan check: markdown', () => {
  it('prints a summary table and each file with findings', async () => {
    const { code, stdout } = await runCli(['check', WARN, ERROR, '--format', 'markdown']);
    expect(code).toBe(1);
    expect(stdout).toContain('**Failed:** 1 error, 1 warning in 2 files.');
    expect(stdout).toContain(`| \`${WARN}\` | 0 | 1 |`);
    expect(stdout).toContain(`### ${ERROR}`);
    expect(stdout).toContain(`| error | \`csm-overloaded\` | ${ERROR}:8:5 |`);
  });
});

describe('csplan check on the examples', () => {
  it('passes the healthy example with no findings', async () => {
    const { code, stdout } = await runCli(['check', 'examples/healthy.yaml']);
    expect(code).toBe(0);
    expect(stdout).toBe('examples/healthy.yaml: no problems\n\nno problems (1 file checked)\n');
  });

  it('fails the flat growth example for its real problems', async () => {
    const { code, stdout } = await runCli(['check', 'examples/growth.yaml', '-f', 'json']);
    expect(code).toBe(1);
    const rules = new Set(
      JSON.parse(stdout).results[0].findings.map((f: { rule: string }) => f.rule),
    );
    for (const rule of ['csm-overloaded', 'ramp-overload', 'span-of-control', 'missing-cs-ops']) {
      expect(rules).toContain(rule);
    }
  });

  it('fails the diff example before the hire and passes it after', async () => {
    expect((await runCli(['check', 'examples/diff/before.yaml'])).code).toBe(1);
    expect((await runCli(['check', 'examples/diff/after.yaml'])).code).toBe(0);
  });
});

describe('csplan check as a process', () => {
  it('exits 1 on the growth example and 0 on the healthy one, output on stdout', () => {
    const growth = spawnSync('node', ['bin/csplan.js', 'check', 'examples/growth.yaml'], {
      encoding: 'utf8',
      env: { ...process.env, GITHUB_ACTIONS: '' },
    });
    expect(growth.status).toBe(1);
    expect(growth.stdout).toContain('error span-of-control');
    const healthy = spawnSync('node', ['bin/csplan.js', 'check', 'examples/healthy.yaml'], {
      encoding: 'utf8',
      env: { ...process.env, GITHUB_ACTIONS: '' },
    });
    expect(healthy.status).toBe(0);
    expect(healthy.stderr).toBe('');
  });
});

describe('csplan check: every problem of an org file in one pass', () => {
  it('reports unknown owners, managers and duplicate ids beside the schema errors of other records', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csplan-check-'));
    const org = join(dir, 'org.yaml');
    writeFileSync(
      org,
      [
        'version: 1',
        'company: { name: T, motion: sales-lead }',
        'team:',
        '  - { id: ann, name: Ann Lee, role: cmo }', // bad role: still a known owner
        '  - { id: bo, role: csm, reports_to: maria }',
        'accounts:',
        '  - { id: a, name: Acme Corp, arr: "50000", owner: Ann Lee }',
        '  - { id: b, arr: 1000, owner: Walter Skinner }',
        '  - { id: a, arr: $1.2M, owner: bo }', // bad arr: its id still counts
        '  - { id: c, arr: 1000, owner: bo, onwer: x }',
        'account_groups:',
        '  - { name: Tail, count: 0, arr_each: 10, owner: walt }',
        '',
      ].join('\n'),
    );
    const { code, stdout } = await runCli(['check', org], { env: { COLUMNS: '300' } });
    expect(code).toBe(1);
    const found = stdout
      .split('\n')
      .filter((line) => line.startsWith(org))
      .map((line) =>
        line
          .slice(org.length + 1)
          .split(' ')
          .slice(0, 3)
          .join(' '),
      );
    expect(found).toEqual([
      '2:29 error invalid-value',
      '4:37 error unknown-role',
      '5:38 error unknown-manager',
      '7:36 error money-format',
      '8:32 error unknown-owner',
      '9:11 error duplicate-id',
      '9:19 error money-format',
      '10:36 error unknown-key',
      '12:26 error invalid-value',
      '12:50 error unknown-owner',
    ]);
    expect(stdout).toContain(
      `unknown-owner Account "b" names owner "Walter Skinner", who is not in team; an owner is a team member's id, email or name`,
    );
    expect(stdout).toContain('duplicate-id account id "a" is used twice (first at line 7)');
  });
});

describe('csplan check: the editor schema', () => {
  it('warns when the schema the file points at is older than this csplan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csplan-check-schema-'));
    const org = join(dir, 'org.yaml');
    writeFileSync(
      org,
      `# yaml-language-server: $schema=https://unpkg.com/csplan@0.0.1/schema/org.schema.json\n${readFileSync(CLEAN, 'utf8')}`,
    );
    const { code, stdout } = await runCli(['check', org, '--format', 'github']);
    expect(code).toBe(0);
    expect(stdout).toContain(`::warning file=${org},line=1,col=33,title=schema-outdated::`);
    expect(stdout).toContain("the editor schema is csplan 0.0.1's, older than this csplan");
    // A warning: it fails the step only with --fail-on warning.
    expect((await runCli(['check', org, '--fail-on', 'warning'])).code).toBe(1);
  });
});
