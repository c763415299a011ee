/**
 * `import --org org.yaml --write` on files people keep by hand: only the accounts: block changes,
 * and the file keeps its link, mode, owner and content when the write cannot be made.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  chmod,
  copyFile,
  lstat,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/io.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = join(ROOT, 'test/fixtures/csv');
const built = existsSync(join(ROOT, 'dist/cli/main.js'));

/** The hubspot fixture's team, hand-formatted in every way a re-stringify would undo. */
const ORG = [
  '\ufeff# Cobalt Analytics: hand-formatted on purpose',
  'version: 1',
  'company:',
  '   name: Cobalt Analytics      # three-space indent',
  '   as_of: 2026-11-23           # aligned comments',
  '   tagline: >-',
  '     folded text that stays',
  '     folded',
  'team:',
  '   - { id: alex,   name: Alex Kim,  role: vp-cs }',
  '   - {id: walter, name: Walter Skinner, role: manager-cs, reports_to: alex,',
  '      email: walter.skinner@example.com}',
  '   - id: dana',
  '     name: Dana Scully',
  '     role: csm',
  '     reports_to: walter',
  '     email: dana.scully@example.com',
  '   - { id: fox, name: Fox Mulder, role: csm, email: fox.mulder@example.com }',
  '   - { id: monica, name: Monica Reyes, role: csm }',
  '   - { id: john, name: John Doggett, role: csm }',
  '',
].join('\r\n');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'csplan-import-write-'));
  await copyFile(join(fixtures, 'hubspot-companies.csv'), join(dir, 'companies.csv'));
});
afterEach(async () => {
  await chmod(join(dir, 'org.yaml'), 0o644).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

const importWrite = (org = 'org.yaml') =>
  runCli(['import', 'companies.csv', '--org', org, '--write'], { cwd: dir });

describe('import --write', () => {
  it('changes only the accounts: block of a hand-formatted file, byte for byte elsewhere', async () => {
    // Mixed endings: one LF line among the CRLF ones.
    const before = ORG.replace('version: 1\r\n', 'version: 1\n');
    await writeFile(join(dir, 'org.yaml'), before);
    const { code, stdout } = await importWrite();
    expect(code).toBe(0);
    expect(stdout).toContain('Wrote org.yaml.');
    const after = await readFile(join(dir, 'org.yaml'), 'utf8');
    const at = before.indexOf('team:');
    expect(after.slice(0, at)).toBe(before.slice(0, at));
    expect(after.slice(at)).toBe(
      `accounts:\r\n   file: companies.csv\r\n   preset: hubspot\r\n${before.slice(at)}`,
    );
  });

  it('writes the target of a symlinked org file and keeps the link, the mode and the owner', async () => {
    await writeFile(join(dir, 'real.yaml'), ORG);
    await chmod(join(dir, 'real.yaml'), 0o600);
    await symlink('real.yaml', join(dir, 'org.yaml'));
    const owner = await stat(join(dir, 'real.yaml'));
    const { code } = await importWrite();
    expect(code).toBe(0);
    expect((await lstat(join(dir, 'org.yaml'))).isSymbolicLink()).toBe(true);
    const info = await stat(join(dir, 'real.yaml'));
    expect(info.mode & 0o777).toBe(0o600);
    expect([info.uid, info.gid]).toEqual([owner.uid, owner.gid]);
    expect(await readFile(join(dir, 'real.yaml'), 'utf8')).toContain('   preset: hubspot\r\n');
  });

  it('refuses a read-only org file with exit 2 and says why', async () => {
    await writeFile(join(dir, 'org.yaml'), ORG);
    await chmod(join(dir, 'org.yaml'), 0o444);
    const { code, stderr } = await importWrite();
    expect(code).toBe(2);
    expect(stderr).toContain('csplan: org.yaml is read-only (mode 444)');
    expect(stderr).not.toContain('bug in csplan');
    expect(await readFile(join(dir, 'org.yaml'), 'utf8')).toBe(ORG);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.runIf(built)(
    'stops with exit 2 and the OS reason when the disk refuses the write (EFBIG), leaving no temp file',
    async () => {
      // A long comment makes the file bigger than the 8 KiB the shell lets the process write.
      const big = `${ORG}# ${'x'.repeat(20_000)}\r\n`;
      await writeFile(join(dir, 'org.yaml'), big);
      const bin = join(ROOT, 'bin/csplan.js');
      const child = spawnSync(
        'sh',
        [
          '-c',
          `ulimit -f 16; exec "${process.execPath}" "${bin}" import companies.csv --org org.yaml --write`,
        ],
        { cwd: dir, encoding: 'utf8', timeout: 30_000 },
      );
      expect(child.status).toBe(2);
      expect(child.stderr).toContain(
        'csplan: org.yaml: could not write it: file too large (EFBIG); nothing written',
      );
      expect(child.stderr).not.toContain('bug in csplan');
      expect(await readFile(join(dir, 'org.yaml'), 'utf8')).toBe(big);
      expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    },
  );
});
