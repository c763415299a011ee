/**
 * Issue 12 (parsing and output half), end to end: data that used to hang, abort or leak is
 * answered with a located error (exit 1) or an I/O refusal (exit 2), never a crash (exit 3).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/files.js';
import { runCli } from '../helpers/io.js';

const ORG = (accounts: string) =>
  `version: 1\ncompany:\n  name: Acme\n  as_of: 2026-11-23\nteam:\n  - id: dana\n    role: csm\naccounts:\n  file: ${accounts}\n`;

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await tempDir();
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

const CRASH = /internal error|Maximum call stack|\n\s+at |FATAL/;

describe('data that used to hang (ReDoS) is read in linear time', () => {
  it('a money cell of 1, 3,000 spaces and x: a located csv-bad-money error', async () => {
    const cwd = await folder({
      'org.yaml': ORG('a.csv'),
      'a.csv': `id,arr,owner\nacme,1${' '.repeat(3000)}x,dana\n`,
    });
    const run = await runCli(['check', 'org.yaml'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('a.csv:2:6 error csv-bad-money');
  });

  it('an owner cell of 3,000 @: an unknown-owner error', async () => {
    const cwd = await folder({
      'org.yaml': ORG('a.csv'),
      'a.csv': `id,arr,owner\nacme,100,${'@'.repeat(3000)}\n`,
    });
    const run = await runCli(['check', 'org.yaml'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('a.csv:2:10 error unknown-owner');
  });
});

describe('deep nesting never aborts', () => {
  const deep = `${'- '.repeat(1024)}1\n`;

  it('check a.yaml a.yaml: one located error, the file read once', async () => {
    const cwd = await folder({ 'a.yaml': deep });
    const run = await runCli(['check', 'a.yaml', 'a.yaml', '--format', 'json'], { cwd });
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json.results).toHaveLength(1);
    expect(json.results[0].findings.map((f: { rule: string }) => f.rule)).toEqual([
      'yaml-too-deep',
    ]);
  });

  it('import x.csv --org a.yaml: refused without a crash', async () => {
    const cwd = await folder({ 'a.yaml': deep, 'x.csv': 'id,arr\nacme,100\n' });
    const run = await runCli(['import', 'x.csv', '--org', 'a.yaml'], { cwd });
    expect([1, 2]).toContain(run.code);
    expect(run.stderr).toContain('nested more than 64 levels');
    expect(`${run.stdout}${run.stderr}`).not.toMatch(CRASH);
  });
});

describe('a closed pipe', () => {
  const bigOrg = (n: number, owner = ', owner: nobody', csms = 1) => {
    const team = Array.from({ length: csms }, (_, i) => `  - { id: c${i || ''}, role: csm }`);
    const accounts = Array.from(
      { length: n },
      (_, i) => `  - { id: account-${i}, arr: ${10_000 + i}${owner} }`,
    ).join('\n');
    return folder({
      'big.yaml': `version: 1\ncompany:\n  name: Big\n  as_of: 2026-11-23\nteam:\n${team.join('\n')}\naccounts:\n${accounts}\n`,
    });
  };

  /** Runs csplan with stdout into a pipe; `quit` closes the pipe after the first chunk read. */
  async function piped(cwd: string, argv: string[], quit: boolean) {
    const child = spawn('node', [join(process.cwd(), 'bin/csplan.js'), ...argv], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    // Like `| head -c 1`: read the first chunk, then close the pipe.
    if (quit) child.stdout.once('data', () => child.stdout.destroy());
    else
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
      });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    return { code, stdout, stderr };
  }

  it('recommend/check piped into a reader that quits: quiet, exit 0', async () => {
    const run = await piped(await bigOrg(3000), ['check', 'big.yaml', '--format', 'json'], true);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  }, 60_000);

  // 6,000 unowned accounts, so 6,000 moves of ~330 bytes: about 2 MB, two 1 MiB pieces. A CSM
  // takes at most the largest allowed book (about 150 of these SMB accounts): 50 CSMs have room.
  it('rebalance output of several pieces: whole through a pipe; quiet, exit 0 when the reader quits', async () => {
    const cwd = await bigOrg(6000, '', 50);
    const argv = ['rebalance', 'big.yaml', '--format', 'json'];
    const whole = await piped(cwd, argv, false);
    expect(whole.code).toBe(0);
    expect(whole.stdout.length).toBeGreaterThan(1024 * 1024);
    expect(JSON.parse(whole.stdout).moves).toHaveLength(6000);
    const quit = await piped(cwd, argv, true);
    expect(quit.stderr).toBe('');
    expect(quit.code).toBe(0);
  }, 60_000);
});

describe('output neutralises control characters in user text', () => {
  // A carriage return inside a quoted cell is the one control character a CSV may hold.
  const forged = 'ghost\r::error file=x.yaml,line=1::forged';
  const org = () =>
    folder({ 'org.yaml': ORG('a.csv'), 'a.csv': `id,arr,owner\nacme,100,"${forged}"\n` });

  it.each([['text'], ['github'], ['markdown']])(
    'check --format %s shows the id with the character escaped',
    async (format) => {
      const run = await runCli(['check', 'org.yaml', '--format', format], { cwd: await org() });
      expect(run.code).toBe(1);
      expect(run.stdout).not.toContain('\r');
      expect(run.stdout).not.toMatch(/^::error file=x\.yaml/m);
      expect(run.stdout).toMatch(/ghost(\\x0D|%0D)::error/);
    },
  );

  it('json output stays JSON-escaped', async () => {
    const run = await runCli(['check', 'org.yaml', '--format', 'json'], { cwd: await org() });
    expect(run.stdout).not.toContain('\r');
    expect(run.stdout).toContain('ghost\\r::error');
  });

  it('a file name with an escape sequence is escaped too', async () => {
    const name = 'a\u001b[2J.yaml';
    const cwd = await folder({ [name]: 'version: 1\n' });
    const run = await runCli(['check', name], { cwd });
    expect(run.stdout).not.toContain('\u001b');
    expect(run.stdout).toContain('a\\x1B[2J.yaml');
  });

  it('an export with other control characters is refused with their place', async () => {
    const cwd = await folder({
      'org.yaml': ORG('a.csv'),
      'a.csv': 'id,arr,owner\nacme\u001b[2J,100,dana\n',
    });
    const run = await runCli(['check', 'org.yaml'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('a.csv:2:5 error control-character');
    expect(run.stdout).not.toContain('\u001b');
  });
});

describe('accounts.file stays inside the org file folder', () => {
  it('refuses a symlink that leads outside, and says which flag allows it', async () => {
    const outside = await folder({ 'secret.csv': 'id,arr\nleak-me,1\n' });
    const cwd = await folder({ 'org.yaml': ORG('accounts.csv') });
    await symlink(join(outside, 'secret.csv'), join(cwd, 'accounts.csv'));
    const run = await runCli(['check', 'org.yaml'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('accounts-file-outside');
    expect(run.stdout).toContain('--allow-outside-accounts-file');
    expect(run.stdout).not.toContain('leak-me');

    const allowed = await runCli(['check', 'org.yaml', '--allow-outside-accounts-file'], {
      cwd,
    });
    expect(allowed.stdout).not.toContain('accounts-file-outside');
  });

  it('refuses ../ paths, and reads files in subfolders', async () => {
    const root = await folder({ 'accounts.csv': 'id,arr,owner\nacme,100,dana\n' });
    await mkdir(join(root, 'org'));
    await mkdir(join(root, 'org', 'data'));
    await writeFile(join(root, 'org', 'org.yaml'), ORG('../accounts.csv'));
    await writeFile(join(root, 'org', 'data', 'a.csv'), 'id,arr,owner\nacme,100,dana\n');
    await writeFile(join(root, 'org', 'inner.yaml'), ORG('data/a.csv'));
    const outside = await runCli(['check', 'org/org.yaml'], { cwd: root });
    expect(outside.stdout).toContain('accounts-file-outside');
    const inside = await runCli(['check', 'org/inner.yaml'], { cwd: root });
    expect(inside.code).toBe(0);
  });

  it('refuses what is not a regular file (a named pipe would block)', async () => {
    const cwd = await folder({ 'org.yaml': ORG('pipe.csv') });
    execFileSync('mkfifo', [join(cwd, 'pipe.csv')]);
    const run = await runCli(['check', 'org.yaml'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('is not a regular file');
  });
});
