import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli as runCliAt } from '../helpers/io.js';

/** These tests read whole lines: wide output (wrapping has tests of its own). */
const runCli = (argv: string[], overrides: Parameters<typeof runCliAt>[1] = {}) =>
  runCliAt(argv, { ...overrides, env: { COLUMNS: '300', ...(overrides.env ?? {}) } });

let dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  dirs = [];
});

async function copyExamples(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'csplan-rebalance-'));
  dirs.push(dir);
  await cp('examples', dir, { recursive: true });
  return dir;
}

describe('csplan rebalance on examples/rebalance.yaml (a leaving CSM)', () => {
  it('hands over the leaving book, keeps the locked account and explains each move', async () => {
    const { code, stdout, stderr } = await runCli(['rebalance', 'examples/rebalance.yaml']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('kestrel-group ($420k, enterprise, green): omar -> grace');
    expect(stdout).toContain(
      'omar (leaving 2027-01-15) -> grace at 33%; omar leaves on 2027-01-15: the whole book is handed over; region rule: grace covers EMEA; grace speaks de; moves with its family (kestrel-group)',
    );
    expect(stdout).toContain(
      'lumen-energy (omar, $260k): locked; omar leaves on 2027-01-15: choose its new owner by hand',
    );
    expect(stdout).toContain('Rules, in order');
  });

  it('prints the JSON contract: moves, unmovable, books before and after', async () => {
    const { code, stdout } = await runCli([
      'rebalance',
      'examples/rebalance.yaml',
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    const body = JSON.parse(stdout);
    expect(Object.keys(body)).toEqual([
      'schemaVersion',
      'file',
      'asOf',
      'onlyUnowned',
      'tolerance',
      'maxMoves',
      'moves',
      'movesLeft',
      'unmovable',
      'books',
      'teams',
      'unbalanced',
    ]);
    expect(body.moves[0]).toMatchObject({
      account: 'kestrel-group',
      from: 'omar',
      to: 'grace',
      rule: 'leaving',
      family: 'kestrel-group',
    });
    // What could not move, one group per owner and cause, each with its count, ARR and ids.
    expect(body.unmovable).toContainEqual({
      owner: 'omar',
      reason: 'locked',
      detail: 'locked; omar leaves on 2027-01-15: choose its new owner by hand',
      count: 1,
      arr: 260_000,
      accounts: ['lumen-energy'],
    });
    const omar = body.books.find((b: { csm: string }) => b.csm === 'omar');
    // Only the locked $260k account stays: 1 account.
    expect(omar).toMatchObject({ status: 'leaving', capacity: 0 });
    expect(omar.before.accounts).toBe(7);
    expect(omar.after).toMatchObject({ accounts: 1, arr: 260_000, loadShare: null });
  });

  it('--write changes only owner values, and a second run has nothing left to write', async () => {
    const dir = await copyExamples();
    const file = join(dir, 'rebalance.yaml');
    const before = await readFile(file, 'utf8');
    const first = await runCli(['rebalance', file, '--write']);
    expect(first.code).toBe(0);
    const after = await readFile(file, 'utf8');
    const a = before.split('\n');
    const b = after.split('\n');
    expect(b).toHaveLength(a.length);
    const changed = a.flatMap((line, i) => (line === b[i] ? [] : [[line, b[i] as string]]));
    expect(changed.length).toBeGreaterThan(0);
    for (const [old, next] of changed) {
      expect(old?.replace(/owner: [\w-]+/, 'owner: X')).toBe(
        next?.replace(/owner: [\w-]+/, 'owner: X'),
      );
    }
    const second = await runCli(['rebalance', file, '--write']);
    expect(second.stderr).toContain('no owner to change');
    expect(await readFile(file, 'utf8')).toBe(after);
  });

  it("leaves a planned hire's dated starter book out of --write and --moves-csv, says which and why, and the file passes check", async () => {
    const dir = await copyExamples();
    const file = join(dir, 'rebalance.yaml');
    const json = await runCli(['rebalance', file, '--format', 'json']);
    const moves: {
      account: string;
      to: string;
      rule: string;
      effective: string | null;
      applyNow: boolean;
    }[] = JSON.parse(json.stdout).moves;
    // Ravi starts 2027-01-11; ramp weeks 1-4 carry no book, so his first book comes 28 days later.
    const later = moves.filter((m) => !m.applyNow);
    expect(later.length).toBeGreaterThan(0);
    for (const m of later)
      expect(m).toMatchObject({ to: 'ravi', rule: 'starter-book', effective: '2027-02-08' });
    expect(moves.filter((m) => m.applyNow).every((m) => m.effective === null)).toBe(true);

    const out = join(dir, 'moves.csv');
    const { code, stderr } = await runCli(['rebalance', file, '--write', '--moves-csv', out]);
    expect(code).toBe(0);
    const now = moves.length - later.length;
    expect(stderr).toContain(`${now} owners changed.`);
    expect(stderr).toContain(`${now} moves written for a CRM bulk update.`);
    expect(stderr).toContain(
      `Not written, as they take effect later: ${later.length} starter-book moves to ravi from 2027-02-08 (${later.map((m) => m.account).join(', ')}).`,
    );
    expect(stderr).toContain('ramp-overload');
    // Said once, after both writes.
    expect(stderr.split('Not written').length).toBe(2);
    expect(await readFile(file, 'utf8')).not.toMatch(/owner: ravi\b/);
    const csv = (await readFile(out, 'utf8')).split('\r\n').filter((l) => l !== '');
    expect(csv).toHaveLength(now + 1);
    expect(csv.some((l) => l.endsWith(',ravi'))).toBe(false);
    // What was written is a valid file: nobody owns accounts before their start date.
    const check = await runCli(['check', file]);
    expect(check.code).toBe(0);
    expect(check.stdout + check.stderr).not.toContain('ramp-overload');
  });

  it('--max-moves caps the list and says how many are left', async () => {
    const { stdout } = await runCli(['rebalance', 'examples/growth.yaml', '--max-moves', '3']);
    expect(stdout).toMatch(
      /Rebalance as of 2026-11-23: 3 moves, 0 accounts that could not move; \d+ more moves left out by --max-moves 3\./,
    );
    expect(stdout).toContain('Still past a limit');
    expect(stdout).toMatch(/--max-moves 3 left \d+ moves out/);
  });

  it('rejects bad flag values with exit 2', async () => {
    const bad = await runCli(['rebalance', 'examples/growth.yaml', '--max-moves', 'ten']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-moves takes a whole number (got "ten")');
    const tol = await runCli(['rebalance', 'examples/growth.yaml', '--tolerance', '2']);
    expect(tol.code).toBe(2);
  });

  it('markdown is a table a PR description can hold', async () => {
    const { stdout } = await runCli(['rebalance', 'examples/rebalance.yaml', '-f', 'markdown']);
    expect(stdout).toContain('## Rebalance of `examples/rebalance.yaml`');
    expect(stdout).toContain('| Account | From | To | Why |');
    expect(stdout).toContain('| kestrel-group | omar | grace |');
  });
});

describe('--moves-csv for accounts from a CRM export', () => {
  it("writes the export's own id and owner headers, owners named as the export names them", async () => {
    const dir = await copyExamples();
    const out = join(dir, 'moves.csv');
    const { code, stderr } = await runCli([
      'rebalance',
      join(dir, 'salesforce', 'org.yaml'),
      '--moves-csv',
      out,
    ]);
    expect(code).toBe(0);
    const lines = (await readFile(out, 'utf8')).split('\r\n');
    // The Salesforce report names owners by full name ("Chris Okafor"), so the update does too.
    expect(lines[0]).toBe('Account ID,Account Owner');
    // jordan moves into CS Ops in the plan: 5 of 7 enterprise accounts go to maya first (2 renew
    // inside the 60-day freeze and stay); then dana's 6 mid-market moves, as before: 11 moves.
    expect(lines[1]).toBe('0015g000000014AAAG,Maya Patel');
    expect(lines.filter((l) => l !== '')).toHaveLength(12);
    expect(stderr).toContain('11 moves written for a CRM bulk update');
  });
});

describe('csplan assign', () => {
  it('gives unowned accounts an owner and leaves owned ones alone', async () => {
    const { code, stdout } = await runCli(['assign', 'examples/first-csm.yaml']);
    expect(code).toBe(0);
    expect(stdout).toContain('Assignment as of 2026-11-23: 0 moves');
  });
});

describe('csplan diff shows a rebalance as moves', () => {
  it('lists each written move, and a leaving CSM is no renewal risk', async () => {
    const dir = await copyExamples();
    const file = join(dir, 'rebalance.yaml');
    await runCli(['rebalance', file, '--write']);
    const { code, stdout } = await runCli(['diff', 'examples/rebalance.yaml', file]);
    expect(code).toBe(0);
    expect(stdout).toContain('Accounts moved (8)');
    expect(stdout).toContain('kestrel-group: omar -> grace ($420k)');
    // beacon-bank renews in 22 days, but omar leaves: the freeze does not keep it with him.
    expect(stdout).toContain('beacon-bank: omar -> tomas ($310k); renews 2026-12-15\n');
    expect(stdout).not.toContain('keep the owner');
  });
});
