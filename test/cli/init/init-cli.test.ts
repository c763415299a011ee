/**
 * `csplan init` end to end: through the commander program in-process (flags as a user types
 * them), and as a real process, with stdin a pipe (no terminal) or a pseudo-terminal from
 * util-linux `script` (Ctrl-C). Skipped until the program registers `init`; the process tests
 * also need `npm run build` (npm test builds first).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../../src/cli/program.js';
import { fakeIO, runCli } from '../../helpers/io.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin/csplan.js');
const wired = buildProgram(fakeIO(), () => {}).commands.some(
  (command) => command.name() === 'init',
);
const built = existsSync(join(ROOT, 'dist/cli/init/index.js'));
const hasScript = spawnSync('script', ['--version']).status === 0;

const folder = () => mkdtemp(join(tmpdir(), 'csplan-init-cli-'));

describe.skipIf(!wired)('csplan init through the program', () => {
  it('--yes writes a file that csplan check accepts', async () => {
    const cwd = await folder();
    const init = await runCli(
      ['init', '--yes', '--name', 'Acme', '--customers', '25', '--arr', '900k'],
      { cwd },
    );
    expect(init.code).toBe(0);
    expect(init.stderr).toBe(
      'Wrote org.yaml (25 customers, 1 person on the team) and .csplan/org.schema.json for editors.\n',
    );
    expect(init.stdout).toContain('Acme: first recommendation');
    // check reads paths from the process's folder, not io.cwd.
    const check = await runCli(['check', join(cwd, 'org.yaml')]);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    // The schema the file points at is there and current: no schema-not-found, schema-outdated.
    expect(check.stdout).not.toContain('schema-');
  });

  it('--yes --from --columns --roster --roles: the plan reads the CRM export and the HR roster', async () => {
    const cwd = await folder();
    await writeFile(
      join(cwd, 'accounts.csv'),
      'Account ID,Account Name,Account Owner,Annual Contract Value\n001,Acme,Sofia Garcia,"$120,000"\n002,Globex,sam@acme.io,"$40,000"\n',
    );
    await writeFile(
      join(cwd, 'roster.csv'),
      await readFile(join(ROOT, 'test/fixtures/roster/rippling.csv'), 'utf8'),
    );
    const flags = ['--from', 'accounts.csv', '--columns', 'arr=Annual Contract Value'];
    const roster = ['--roster', 'roster.csv', '--roles', 'Customer Happiness Hero=CSM'];
    const init = await runCli(['init', '--yes', '--name', 'Acme', ...flags, ...roster], { cwd });
    expect(init.code).toBe(0);
    // 8 CS people and those above them, and Sam once his title is mapped (Chris left in October).
    expect(init.stderr).toBe(
      'Wrote org.yaml (accounts from accounts.csv, the team from roster.csv (9 people today)) and .csplan/org.schema.json for editors.\n',
    );
    const text = await readFile(join(cwd, 'org.yaml'), 'utf8');
    expect(text).toContain(
      'team:\n  file: roster.csv\n  preset: rippling\n  roles:\n    Customer Happiness Hero: csm\n',
    );
    expect(text).toContain('  columns:\n    arr: Annual Contract Value\n');
    const check = await runCli(['check', join(cwd, 'org.yaml'), '--format', 'json']);
    const findings = JSON.parse(check.stdout).results[0].findings as { rule: string }[];
    expect(findings.filter((f) => f.rule === 'unknown-owner')).toEqual([]);

    const bad = await runCli(
      ['init', '--yes', '--force', ...roster.slice(0, 2), '--roles', 'Hero=cs-manger'],
      { cwd },
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('did you mean "manager-cs"?');
    const lone = await runCli(['init', '--yes', '--force', '--roles', 'Hero=csm'], { cwd });
    expect(lone.code).toBe(2);
    expect(lone.stderr).toContain(
      '--roles maps job titles of the --roster file; give --roster too',
    );
  });

  it('refuses to replace a file without --force, and replaces it with --force', async () => {
    const cwd = await folder();
    await writeFile(join(cwd, 'org.yaml'), 'mine: true\n');
    const refused = await runCli(['init', '-y'], { cwd });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('org.yaml already exists; add --force');
    expect(await readFile(join(cwd, 'org.yaml'), 'utf8')).toBe('mine: true\n');
    const forced = await runCli(['init', '-y', '--force'], { cwd });
    expect(forced.code).toBe(0);
    expect(await readFile(join(cwd, 'org.yaml'), 'utf8')).toMatch(/^# yaml-language-server/);
  });

  it('exits 2 without a terminal, naming --yes', async () => {
    const cwd = await folder();
    const result = await runCli(['init', 'plan.yaml'], { cwd, stdinIsTTY: false });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('csplan init --yes');
    expect(await readdir(cwd)).toEqual([]);
  });
});

describe.skipIf(!wired || !built)('csplan init as a process', () => {
  it.each([
    ['stdin is a pipe', {}],
    ['CI=true', { CI: 'true' }],
  ])('exits 2 when %s and writes nothing', async (_, env) => {
    const cwd = await folder();
    const result = spawnSync(process.execPath, [BIN, 'init'], {
      cwd,
      input: '\n\n\n',
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/needs a terminal; .*--yes/);
    expect(await readdir(cwd)).toEqual([]);
  });

  it.skipIf(!hasScript)('Ctrl-C at a prompt in a terminal: exit 130, nothing written', async () => {
    const cwd = await folder();
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} init org.yaml`;
    const child = spawn('script', ['-qefc', command, '/dev/null'], {
      cwd,
      env: { ...process.env, TERM: 'xterm', CI: '' },
    });
    let screen = '';
    let step = 0;
    child.stdout.on('data', (data: Buffer) => {
      screen += data.toString();
      // Answer the first question, then press Ctrl-C at the second.
      if (step === 0 && screen.includes('Company name')) {
        step = 1;
        child.stdin.write('Acme\r');
      } else if (step === 1 && screen.includes('How do you sell?')) {
        step = 2;
        child.stdin.write('\x03');
      }
    });
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    expect(screen).toContain('csplan init: cancelled, nothing written.');
    expect(code).toBe(130);
    expect(await readdir(cwd)).toEqual([]);
  });
});
