/**
 * Issue 22 (hostile input, round 3), end to end: no output path is an input, every --write
 * compares against the bytes it planned from, and a writer never replaces a file that is not its
 * own without --force.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { copyFile, link, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ACCOUNTS_FILE_BYTES } from '../../src/config/accounts-file.js';
import { tempDir } from '../helpers/files.js';
import { rebalanceWhileColleagueEdits, runCli } from '../helpers/io.js';

const SALESFORCE = join(process.cwd(), 'examples/salesforce');

/** A copy of the Salesforce example (org file + CRM export), which rebalance has moves for. */
async function salesforce(): Promise<string> {
  const dir = await tempDir();
  for (const name of ['org.yaml', 'accounts.csv'])
    await copyFile(join(SALESFORCE, name), join(dir, name));
  return dir;
}

async function bytes(dir: string, ...names: string[]): Promise<string[]> {
  return Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')));
}

describe('no output path is an input', () => {
  it.each([
    ['the org file', 'org.yaml'],
    ['the accounts export', 'accounts.csv'],
    ['the org file by another path', './sub/../org.yaml'],
  ])('rebalance --moves-csv onto %s: exit 2, nothing written', async (_, out) => {
    const cwd = await salesforce();
    await execFileSync('mkdir', [join(cwd, 'sub')]);
    const before = await bytes(cwd, 'org.yaml', 'accounts.csv');
    const run = await runCli(['rebalance', 'org.yaml', '--moves-csv', out, '--force'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is an input of this command');
    expect(run.stdout).toBe('');
    expect(await bytes(cwd, 'org.yaml', 'accounts.csv')).toEqual(before);
  });

  it('a symlink or a hard link to the export is the export', async () => {
    const cwd = await salesforce();
    await symlink(join(cwd, 'accounts.csv'), join(cwd, 'soft.csv'));
    await link(join(cwd, 'accounts.csv'), join(cwd, 'hard.csv'));
    const [before] = await bytes(cwd, 'accounts.csv');
    for (const out of ['soft.csv', 'hard.csv']) {
      const run = await runCli(['rebalance', 'org.yaml', '--moves-csv', out, '--force'], { cwd });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`${out} is an input of this command (accounts.csv)`);
    }
    expect(await bytes(cwd, 'accounts.csv')).toEqual([before]);
  });

  it('init --force onto its own --from export: exit 2, the export kept', async () => {
    const cwd = await salesforce();
    const [before] = await bytes(cwd, 'accounts.csv');
    const run = await runCli(
      [
        'init',
        'accounts.csv',
        '--yes',
        '--force',
        '--from',
        'accounts.csv',
        '--preset',
        'salesforce',
      ],
      { cwd },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('accounts.csv is an input of this command');
    expect(await bytes(cwd, 'accounts.csv')).toEqual([before]);
  });
});

describe('a writer replaces only its own files, unless --force', () => {
  it('schema --output onto an org file: exit 2, kept; --force replaces it', async () => {
    const cwd = await salesforce();
    const [before] = await bytes(cwd, 'org.yaml');
    const run = await runCli(['schema', '--output', 'org.yaml'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "org.yaml exists and is not csplan's org file schema; add --force",
    );
    expect(await bytes(cwd, 'org.yaml')).toEqual([before]);
    const forced = await runCli(['schema', '--output', 'org.yaml', '--force'], { cwd });
    expect(forced.code).toBe(0);
    expect(JSON.parse((await bytes(cwd, 'org.yaml'))[0] ?? '').$id).toMatch(/^urn:csplan:/);
  });

  it('schema --output over a schema csplan wrote: replaced without --force', async () => {
    const cwd = await tempDir();
    expect((await runCli(['schema', '-o', 's.json'], { cwd })).code).toBe(0);
    expect((await runCli(['schema', '-o', 's.json'], { cwd })).code).toBe(0);
  });

  it('rebalance --moves-csv over another file: exit 2; over its own move list: replaced', async () => {
    const cwd = await salesforce();
    await writeFile(join(cwd, 'notes.csv'), 'when,what\n2026-11-01,QBR\n');
    const refused = await runCli(['rebalance', 'org.yaml', '--moves-csv', 'notes.csv'], { cwd });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('notes.csv exists and is not a move list csplan wrote');
    expect(await bytes(cwd, 'notes.csv')).toEqual(['when,what\n2026-11-01,QBR\n']);

    const first = await runCli(['rebalance', 'org.yaml', '--moves-csv', 'moves.csv'], { cwd });
    expect(first.code).toBe(0);
    const again = await runCli(['rebalance', 'org.yaml', '--moves-csv', 'moves.csv'], { cwd });
    expect(again.code).toBe(0);
    expect((await bytes(cwd, 'moves.csv'))[0]).toMatch(/^Account ID,Account Owner\r\n/);
  });

  it('rebalance --moves-csv onto a named pipe: refused, the pipe stays a pipe', async () => {
    const cwd = await salesforce();
    execFileSync('mkfifo', [join(cwd, 'pipe.csv')]);
    const run = await runCli(['rebalance', 'org.yaml', '--moves-csv', 'pipe.csv', '--force'], {
      cwd,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pipe.csv is not a regular file');
    expect((await stat(join(cwd, 'pipe.csv'))).isFIFO()).toBe(true);
  });
});

describe('compare-and-swap against the bytes planned from', () => {
  it('a second process saves the org file while rebalance --write plans: refused, the edit kept', async () => {
    const cwd = await tempDir();
    const org = join(cwd, 'org.yaml');
    await copyFile(join(process.cwd(), 'examples/rebalance.yaml'), org);
    // The colleague gives kestrel-group (which the plan moves from omar to grace) to tomas.
    const { run, saved } = await rebalanceWhileColleagueEdits(
      cwd,
      org,
      'id: kestrel-group, arr: 420000, owner: omar',
      'id: kestrel-group, arr: 420000, owner: tomas',
    );
    expect(saved).toContain('owner: tomas');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'org.yaml changed since csplan read it; nothing written; run the command again',
    );
    expect(await readFile(org, 'utf8')).toBe(saved);
  });
});

/**
 * Runs csplan as a user would and times it. The bound only catches a hang (the unbounded versions
 * ran for minutes); the issue's 2 s target is measured by `node bench/run.mjs --only hostile`,
 * where a loaded machine shows as a figure instead of a failed test.
 */
const HANG_SECONDS = 15;
/** A test that times up to four runs gets each its hang bound, past vitest's default. */
const TIMED_TESTS = { timeout: 4 * HANG_SECONDS * 1000 };

async function timed(cwd: string, argv: string[]) {
  const started = performance.now();
  const run = await runCli(argv, { cwd });
  return { ...run, seconds: (performance.now() - started) / 1000 };
}

const BASE = `version: 1
company:
  name: Acme
  as_of: 2026-11-23
team:
  - { id: dana, role: csm }
  - { id: lee, role: csm }
accounts:
  - { id: a1, arr: 50000, owner: dana }
  - { id: a2, arr: 20000, owner: lee }
`;

async function orgFolder(text: string, name = 'org.yaml'): Promise<string> {
  const dir = await tempDir();
  await writeFile(join(dir, name), text);
  return dir;
}

describe('growth, ramps and hires are bounded, with located errors', TIMED_TESTS, () => {
  it.each([
    ['growth:\n  new_customers_12m: 1000000\n', '12:22', 'more than 120,000 a year'],
    ['growth:\n  new_customers_per_month: 20000\n', '12:28', 'more than 10,000 a month'],
    ['growth:\n  customer_growth_pct_per_month: 1000\n', '12:34', 'more than 100%'],
    [
      'policy:\n  ramp:\n    - { until_week: 10000000, capacity: 0.5 }\n',
      '13:21',
      'more than 104 weeks',
    ],
    ['policy:\n  hiring:\n    ramp_weeks: 100000000\n', '13:17', 'more than 104 weeks'],
  ])('%s: exit 1 at once, located', async (extra, place, message) => {
    const cwd = await orgFolder(`${BASE}${extra}`);
    for (const command of ['check', 'timeline']) {
      const run = await timed(cwd, [command, 'org.yaml']);
      expect(run.code).toBe(1);
      expect(`${run.stdout}${run.stderr}`).toContain(`org.yaml:${place} error invalid-value`);
      expect(`${run.stdout}${run.stderr}`.replace(/\s+/g, ' ')).toContain(message);
      expect(run.seconds).toBeLessThan(HANG_SECONDS);
    }
  });

  // 2 customers doubling every month for 36 months and the hiring look-ahead: billions. A
  // scenario's growth is laid over the file's key by key: boom's 9,000 a month for 36 months
  // adds 324,000 or more (over); calm's 10 a month does not.
  it('growth that adds more than 200,000 customers: growth-too-large, at that growth', async () => {
    const compounding = await orgFolder(`${BASE}growth:\n  customer_growth_pct_per_month: 100\n`);
    const run = await timed(compounding, ['check', 'org.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout.replace(/\s+/g, ' ')).toContain(
      'org.yaml:12:3 error growth-too-large this growth adds more than 2,000,000 customers',
    );
    expect(run.seconds).toBeLessThan(HANG_SECONDS);

    const scenarios = await orgFolder(
      `${BASE}growth:\n  new_customers_per_month: 5\nscenarios:\n  calm:\n    growth:\n      new_customers_per_month: 10\n  boom:\n    growth:\n      new_customers_per_month: 9000\n`,
    );
    const only = await timed(scenarios, ['check', 'org.yaml', '--format', 'json']);
    expect(only.code).toBe(1);
    const findings = JSON.parse(only.stdout).results[0].findings;
    expect(findings.map((f: { rule: string; line: number }) => [f.rule, f.line])).toEqual([
      ['growth-too-large', 19],
    ]);
  });

  it('timeline --growth 100x that would pass the limit: exit 2, said why', async () => {
    const cwd = await orgFolder(`${BASE}growth:\n  new_customers_per_month: 100\n`);
    const run = await timed(cwd, ['timeline', 'org.yaml', '--growth', '100x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--growth 100x: the plan would add more than 200,000 customers');
  });
});

describe('work on user-sized input is bounded', TIMED_TESTS, () => {
  const TEAM_ORG = (team: string, accounts = '') =>
    `version: 1\ncompany:\n  name: A\n  as_of: 2026-11-23\nteam:\n${team}${accounts ? `accounts:\n${accounts}` : ''}`;

  it('a 30k-character team id against a 30k-character owner: no did-you-mean, at once', async () => {
    const long = 'x'.repeat(30_000);
    const cwd = await orgFolder(
      TEAM_ORG(`  - { id: ${long}a, role: csm }\n`, `  - { id: a1, arr: 100, owner: ${long}b }\n`),
    );
    const run = await timed(cwd, ['check', 'org.yaml', '--format', 'json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('unknown-owner');
    expect(run.stdout).not.toContain('did you mean');
    expect(run.seconds).toBeLessThan(HANG_SECONDS);
  });

  it('the same through a CSV owner cell', async () => {
    const long = 'y'.repeat(30_000);
    const cwd = await orgFolder(
      `${TEAM_ORG(`  - { id: ${long}a, role: csm }\n`)}accounts:\n  file: a.csv\n`,
    );
    await writeFile(join(cwd, 'a.csv'), `id,arr,owner\nacme,100,${long}b\n`);
    const run = await timed(cwd, ['check', 'org.yaml', '--format', 'json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('unknown-owner');
    expect(run.seconds).toBeLessThan(HANG_SECONDS);
  });

  it('a reporting chain of 3,000 managers is walked once: no finding, quickly', async () => {
    const team = Array.from(
      { length: 3000 },
      (_, i) =>
        `  - { id: m${i}, role: ${i === 0 ? 'vp-cs' : 'manager-cs'}${i === 0 ? '' : `, reports_to: m${i - 1}`} }\n`,
    ).join('');
    const cwd = await orgFolder(TEAM_ORG(team));
    const run = await timed(cwd, ['check', 'org.yaml', '--format', 'json', '--fail-on', 'error']);
    expect(run.stdout).not.toContain('reporting-cycle');
    expect(run.seconds).toBeLessThan(HANG_SECONDS);
  });

  it('a loop at the top of a long chain is still found, once', async () => {
    const team = `  - { id: a, role: vp-cs, reports_to: c }\n  - { id: b, role: manager-cs, reports_to: a }\n  - { id: c, role: manager-cs, reports_to: b }\n  - { id: d, role: csm, reports_to: c }\n  - { id: e, role: csm, reports_to: d }\n`;
    const run = await runCli(['check', 'org.yaml', '--format', 'json'], {
      cwd: await orgFolder(TEAM_ORG(team)),
    });
    const loops = JSON.parse(run.stdout).results[0].findings.filter(
      (f: { rule: string }) => f.rule === 'reporting-cycle',
    );
    expect(loops.map((f: { message: string }) => f.message)).toEqual([
      'reporting loop: a -> c -> b -> a; someone in it must report outside the loop',
    ]);
  });
});

describe('reads are bounded by the bytes read, not by stat', TIMED_TESTS, () => {
  it('an org file that is a symlink to /dev/zero: file-too-large, exit 1, at once', async () => {
    const cwd = await tempDir();
    await symlink('/dev/zero', join(cwd, 'org.yaml'));
    const run = await timed(cwd, ['check', 'org.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('file-too-large the file is over 32 MiB');
    expect(run.seconds).toBeLessThan(HANG_SECONDS);
  });

  it('import of a sparse 1 GB CSV, or with --org on /dev/zero: exit 2, at once', async () => {
    const cwd = await tempDir();
    execFileSync('truncate', ['-s', '1G', join(cwd, 'big.csv')]);
    const big = await timed(cwd, ['import', 'big.csv']);
    expect(big.code).toBe(2);
    expect(big.stderr).toContain(
      `big.csv is over ${MAX_ACCOUNTS_FILE_BYTES / 1048576} MiB; accounts files are limited to ${MAX_ACCOUNTS_FILE_BYTES / 1048576} MiB`,
    );
    expect(big.seconds).toBeLessThan(HANG_SECONDS);

    await writeFile(join(cwd, 'a.csv'), 'id,arr\nacme,100\n');
    await symlink('/dev/zero', join(cwd, 'org.yaml'));
    const zero = await timed(cwd, ['import', 'a.csv', '--org', 'org.yaml']);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('org.yaml is over 32 MiB');
    expect(zero.seconds).toBeLessThan(HANG_SECONDS);
  });
});

describe('write errors on stdout and stderr: one line and exit 2, for every command', () => {
  const bin = join(process.cwd(), 'bin/csplan.js');
  /** Runs the built CLI with stdout (or stderr) on /dev/full, the device that is always full. */
  function onFullDisk(argv: string[], full: 'stdout' | 'stderr') {
    const fd = openSync('/dev/full', 'w');
    try {
      const run = spawnSync(process.execPath, [bin, ...argv], {
        stdio: ['ignore', full === 'stdout' ? fd : 'pipe', full === 'stderr' ? fd : 'pipe'],
        encoding: 'utf8',
      });
      return { code: run.status, signal: run.signal, stderr: run.stderr ?? '' };
    } finally {
      closeSync(fd);
    }
  }

  it.each([
    [['check', 'examples/healthy.yaml']],
    [['recommend', 'examples/healthy.yaml']],
    [['timeline', 'examples/timeline-vp.yaml']],
    [['rebalance', 'examples/rebalance.yaml']],
    [['diff', 'examples/diff/before.yaml', 'examples/diff/after.yaml']],
    [['import', 'examples/salesforce/accounts.csv']],
    [['schema']],
    [['rules']],
    [['explain', 'unknown-owner']],
    [['--help']],
    [['--version']],
  ])('csplan %s > /dev/full', (argv) => {
    const run = onFullDisk(argv, 'stdout');
    expect(run.signal).toBeNull();
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'csplan: could not write the output: no space left on device (ENOSPC)\n',
    );
  });

  it('stderr on /dev/full: exit 2, no crash', () => {
    const run = onFullDisk(['check', 'nosuch.yaml'], 'stderr');
    expect(run.signal).toBeNull();
    expect(run.code).toBe(2);
  });
});

describe('numbers are finite and dates within bounds, or refused at the schema', () => {
  it.each([
    [
      'an fte of 5e-324',
      BASE.replace('{ id: dana, role: csm }', '{ id: dana, role: csm, fte: 5e-324 }'),
      'fte is at least 0.05',
    ],
    [
      'complexity factors of 1e308',
      `${BASE}policy:\n  complexity_factors: { low: 1e308 }\n`,
      'expected a number from 0.1 to 10',
    ],
    [
      'an uplift of 1e308',
      `${BASE}policy:\n  load_drivers: { regulated_uplift: 1e308 }\n`,
      'expected a number from 0 to 10',
    ],
    [
      'a book of 1e-300 accounts',
      `${BASE}policy:\n  segments:\n    smb: { accounts_per_csm: { min: 1e-300, max: 1 } }\n`,
      'expected a number from 1 to 10,000,000',
    ],
    [
      'an as_of in year 9999',
      BASE.replace('as_of: 2026-11-23', 'as_of: 9999-12-31'),
      'a plan date is between 1970-01-01 and 2999-12-31',
    ],
  ])('%s: a located schema error, no Infinity', async (_, text, message) => {
    const run = await timed(await orgFolder(text), ['check', 'org.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout.replace(/\s+/g, ' ')).toContain(message);
    expect(run.stdout).not.toMatch(/Infinity|NaN|undefined/);
  });

  it('--as-of 9999-12-31 and --freeze-until in year 3000: exit 2, the bound named', async () => {
    const cwd = await orgFolder(BASE);
    const asOf = await runCli(['timeline', 'org.yaml', '--as-of', '9999-12-31'], { cwd });
    expect(asOf.code).toBe(2);
    expect(asOf.stderr).toBe(
      'csplan: --as-of must be between 1970-01-01 and 2999-12-31 (got "9999-12-31")\n',
    );
    const freeze = await runCli(['timeline', 'org.yaml', '--freeze-until', '3000-01-01'], { cwd });
    expect(freeze.code).toBe(2);
    expect(freeze.stderr).toContain('--freeze-until must be between');
  });

  it('the last plan date, 2999-12-31: a timeline with four-digit months, nothing undefined', async () => {
    const cwd = await orgFolder(`${BASE}growth:\n  new_customers_per_month: 2\n`);
    const run = await runCli(['timeline', 'org.yaml', '--as-of', '2999-12-31', '--months', '36'], {
      cwd,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/undefined|NaN|Infinity|\b10000-/);
  });
});

describe('what the headlines say', () => {
  it('a freeze past the horizon: no "every team carries its work" beside an over-target warning', async () => {
    const run = await runCli(
      ['timeline', 'examples/timeline-vp.yaml', '--freeze-until', '2029-01-01', '--no-color'],
      {},
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Warning: SMB CSMs over target');
    expect(run.stdout).not.toContain('carry its work');
    expect(run.stdout.replace(/\s+/g, ' ')).toContain(
      'No req opens in the next 12 months (the hiring freeze until 2029-01-01), yet work passes target books: see the warnings below.',
    );
  });

  // 4,800 new customers a month: over a thousand CSM reqs in a year.
  it('counts of a thousand and more carry separators, in every sentence', async () => {
    const cwd = await orgFolder(`${BASE}growth:\n  new_customers_per_month: 4800\n`);
    for (const argv of [
      ['timeline', 'org.yaml', '--format', 'markdown'],
      ['recommend', 'org.yaml', '--format', 'markdown'],
    ]) {
      const run = await runCli(argv, { cwd });
      expect(run.code).toBe(0);
      // A run of four or more digits that is not part of a date, a money figure or a separator
      // (the Gantt chart's task ids, csm-1000, are ids; code spans are YAML to copy).
      const prose = run.stdout.replace(/```mermaid[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
      const bare = prose.match(/(?<![\d,.$\-:])\d{4,}(?![\d,.\-%kM])/g) ?? [];
      expect(bare.filter((n) => !/^(19|20|2[1-9])\d\d$/.test(n))).toEqual([]);
    }
  });
});
