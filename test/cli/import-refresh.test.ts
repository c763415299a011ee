import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../../src/cli/commands/import.js';
import { compareExports } from '../../src/cli/commands/import-refresh.js';
import { loadOrgFile } from '../../src/config/load.js';
import { fakeIO } from '../helpers/io.js';

const fixtures = fileURLToPath(new URL('../fixtures/refresh/', import.meta.url));

describe('the monthly refresh: csplan import NEW.csv --org org.yaml', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'csplan-refresh-'));
    await cp(fixtures, dir, { recursive: true });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function run(write: boolean, format = 'text') {
    const io = fakeIO({ cwd: dir, env: { COLUMNS: '200' } });
    const code = await runImport('accounts-2027-01.csv', { org: 'org.yaml', write, format }, io);
    return { code, stdout: io.out.join(''), stderr: io.err.join('') };
  }

  it("reads the new export with the file's mapping, shows the month's changes and changes only the file name", async () => {
    const before = await readFile(join(dir, 'org.yaml'), 'utf8');
    const dry = await run(false);
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    // December: 120k + 80k + 50k + 30k = $280k in 4 accounts. January: 150k + 80k + 30k + 60k
    // = $320k in 4; A3 ($50k) left, A5 ($60k) came; A1 grew 120k -> 150k; A2 moved Dana -> Fox.
    expect(dry.stdout).toContain(
      'Changes from accounts-2026-12.csv: 4 -> 4 accounts, $280k -> $320k ARR (+$40k)',
    );
    expect(dry.stdout).toContain('1 account added, $60k ARR\n    + A5 (Stark) $60k');
    expect(dry.stdout).toContain('1 account removed, $50k ARR\n    - A3 (Initech) $50k');
    expect(dry.stdout).toContain('1 ARR change\n    A1 (Acme) $120k -> $150k');
    expect(dry.stdout).toContain('1 owner change\n    A2 (Globex) dana -> fox');
    expect(dry.stdout).toContain(
      '-  file: accounts-2026-12.csv   # December export\n+  file: accounts-2027-01.csv   # December export\n',
    );
    expect(await readFile(join(dir, 'org.yaml'), 'utf8')).toBe(before);

    const wrote = await run(true);
    expect(wrote.code).toBe(0);
    const after = await readFile(join(dir, 'org.yaml'), 'utf8');
    // The mapping (preset, columns, values, date_order) is kept byte for byte.
    expect(after).toBe(before.replace('accounts-2026-12.csv', 'accounts-2027-01.csv'));
    const loaded = await loadOrgFile(join(dir, 'org.yaml'), { today: '2026-12-01' });
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.org?.accounts.map((a) => [a.id, a.segment, a.owner])).toEqual([
      ['A1', 'mid-market', 'dana'],
      ['A2', 'smb', 'fox'],
      ['A4', 'smb', 'fox'],
      ['A5', 'mid-market', 'dana'],
    ]);
  });

  it('puts the changes in the JSON output', async () => {
    const { stdout } = await run(false, 'json');
    const json = JSON.parse(stdout);
    expect(json.changes.added.map((a: { id: string }) => a.id)).toEqual(['A5']);
    expect(json.changes.before).toEqual({ accounts: 4, arr: 280_000 });
    expect(json.changes.after).toEqual({ accounts: 4, arr: 320_000 });
  });
});

describe('compareExports', () => {
  it('matches accounts by id; an owner appearing or going is a change', () => {
    const changes = compareExports(
      'old.csv',
      [
        { id: 'a', arr: 10, owner: 'x' },
        { id: 'b', arr: 5 },
      ],
      [
        { id: 'b', arr: 5, owner: 'y' },
        { id: 'a', arr: 10 },
      ],
    );
    expect(changes.added).toEqual([]);
    expect(changes.removed).toEqual([]);
    expect(changes.arr).toEqual([]);
    expect(changes.owners.map((c) => [c.id, c.before, c.after])).toEqual([
      ['b', undefined, 'y'],
      ['a', 'x', undefined],
    ]);
  });
});
