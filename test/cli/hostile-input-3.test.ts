/**
 * Issue 22 (hostile input, round 3), end to end: no output path is an input, every --write
 * compares against the bytes it planned from, and a writer never replaces a file that is not its
 * own without --force.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { copyFile, link, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/files.js';
import { runCli } from '../helpers/io.js';

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
    const colleague = `const fs = require('node:fs'); const p = ${JSON.stringify(org)};
      fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replace('id: kestrel-group, arr: 420000, owner: omar', 'id: kestrel-group, arr: 420000, owner: tomas'));`;
    // The report is printed after planning and before writing: that is when the colleague saves.
    let saved = '';
    const run = await runCli(['rebalance', 'org.yaml', '--write'], {
      cwd,
      stdout: () => {
        if (saved) return;
        execFileSync(process.execPath, ['-e', colleague]);
        saved = readFileSync(org, 'utf8');
      },
    });
    expect(saved).toContain('owner: tomas');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'org.yaml changed since csplan read it; nothing written; run the command again',
    );
    expect(await readFile(org, 'utf8')).toBe(saved);
  });
});
