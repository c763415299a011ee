import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  chmod,
  chown,
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
import { UsageError } from '../../src/cli/exit-codes.js';
import {
  FileChangedError,
  FileExistsError,
  osReason,
  WriteError,
  writeFileAtomic,
} from '../../src/cli/write-file.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const built = existsSync(join(ROOT, 'dist/cli/write-file.js'));
const isRoot = process.getuid?.() === 0;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'csplan-write-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Files in the folder whose names say they are csplan temp files. */
async function temps(folder = dir): Promise<string[]> {
  return (await readdir(folder)).filter((name) => name.endsWith('.tmp'));
}

describe('writeFileAtomic', () => {
  it('writes through a symlink: the target changes and the link stays a link', async () => {
    await writeFile(join(dir, 'real.yaml'), 'old\n');
    await symlink('real.yaml', join(dir, 'org.yaml'));
    await writeFileAtomic(join(dir, 'org.yaml'), 'new\n', { replace: true, expected: 'old\n' });
    expect((await lstat(join(dir, 'org.yaml'))).isSymbolicLink()).toBe(true);
    expect(await readFile(join(dir, 'real.yaml'), 'utf8')).toBe('new\n');
    expect(await temps()).toEqual([]);
  });

  it('follows a chain of links into another folder and writes the temp file there', async () => {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(dir, 'shared'));
    await writeFile(join(dir, 'shared', 'org.yaml'), 'old\n');
    await symlink(join(dir, 'shared', 'org.yaml'), join(dir, 'middle.yaml'));
    await symlink('middle.yaml', join(dir, 'org.yaml'));
    await writeFileAtomic(join(dir, 'org.yaml'), 'new\n', { replace: true });
    expect(await readFile(join(dir, 'shared', 'org.yaml'), 'utf8')).toBe('new\n');
    expect((await lstat(join(dir, 'middle.yaml'))).isSymbolicLink()).toBe(true);
  });

  it('creates the missing target of a dangling link, and refuses to replace when asked not to', async () => {
    await symlink('made.yaml', join(dir, 'org.yaml'));
    await writeFileAtomic(join(dir, 'org.yaml'), 'one\n', { replace: false });
    expect(await readFile(join(dir, 'made.yaml'), 'utf8')).toBe('one\n');
    await expect(
      writeFileAtomic(join(dir, 'org.yaml'), 'two\n', { replace: false }),
    ).rejects.toBeInstanceOf(FileExistsError);
    expect(await readFile(join(dir, 'made.yaml'), 'utf8')).toBe('one\n');
  });

  it('keeps the mode of the file it replaces: a private file stays 0600', async () => {
    for (const mode of [0o600, 0o640, 0o755]) {
      const path = join(dir, `org-${mode.toString(8)}.yaml`);
      await writeFile(path, 'old\n');
      await chmod(path, mode);
      await writeFileAtomic(path, 'new\n', { replace: true });
      expect((await stat(path)).mode & 0o777).toBe(mode);
    }
  });

  it('writes a new file with the usual permissions (0644 under a 022 umask)', async () => {
    const path = join(dir, 'new.yaml');
    await writeFileAtomic(path, 'new\n', { replace: false });
    expect((await stat(path)).mode & 0o777).toBe(0o666 & ~process.umask());
  });

  it.runIf(isRoot)('keeps the owner and group of the file it replaces', async () => {
    const path = join(dir, 'org.yaml');
    await writeFile(path, 'old\n');
    await chown(path, 1234, 5678);
    await writeFileAtomic(path, 'new\n', { replace: true });
    const info = await stat(path);
    expect([info.uid, info.gid]).toEqual([1234, 5678]);
  });

  it('refuses a read-only file with a usage error (exit 2) and leaves it and the folder as they were', async () => {
    const path = join(dir, 'org.yaml');
    await writeFile(path, 'old\n');
    await chmod(path, 0o444);
    const error = await writeFileAtomic(path, 'new\n', { replace: true, name: 'org.yaml' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(
      'org.yaml is read-only (mode 444); make it writable (chmod u+w) to let csplan change it; nothing written',
    );
    expect(await readFile(path, 'utf8')).toBe('old\n');
    expect(await temps()).toEqual([]);
  });

  it('refuses when the file changed since it was read (compare and swap), removing its temp file', async () => {
    const path = join(dir, 'org.yaml');
    await writeFile(path, 'edited by someone else\n');
    const error = await writeFileAtomic(path, 'new\n', {
      replace: true,
      expected: 'what csplan read\n',
      name: 'org.yaml',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileChangedError);
    expect((error as Error).message).toBe(
      'org.yaml changed since csplan read it; nothing written; run the command again',
    );
    expect(await readFile(path, 'utf8')).toBe('edited by someone else\n');
    expect(await temps()).toEqual([]);
  });

  it('compares bytes: a BOM or a CRLF the reader kept counts as the same file', async () => {
    const path = join(dir, 'org.yaml');
    const text = '\ufeffcompany:\r\n  name: Ä\r\n';
    await writeFile(path, text);
    await writeFileAtomic(path, 'new\n', { replace: true, expected: text });
    expect(await readFile(path, 'utf8')).toBe('new\n');
  });

  it('turns file-system failures into a WriteError naming the file and the OS reason', async () => {
    await writeFile(join(dir, 'blocker'), 'a file where a folder should be\n');
    const error = await writeFileAtomic(join(dir, 'blocker', 'org.yaml'), 'x\n', {
      replace: true,
      name: 'blocker/org.yaml',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteError);
    expect((error as Error).message).toBe(
      'blocker/org.yaml: could not reach it: not a directory (ENOTDIR); nothing written',
    );
    const folder = await writeFileAtomic(dir, 'x\n', { replace: true, name: 'here' }).catch(
      (e: unknown) => e,
    );
    expect((folder as Error).message).toBe('here is a folder; nothing written');
  });

  it('states OS reasons without the paths Node puts in its messages', () => {
    const error = Object.assign(new Error("ENOSPC: no space left on device, write '/x/.a.tmp'"), {
      code: 'ENOSPC',
    });
    expect(osReason(error)).toBe('no space left on device (ENOSPC)');
  });
});

describe.runIf(built)('writeFileAtomic in a separate process', () => {
  it('removes the temp file and dies by the signal on SIGTERM or SIGINT', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const temp = join(dir, `.org.yaml.${signal}.tmp`);
      await writeFile(temp, 'half written');
      const script = `import { removeOnSignal } from ${JSON.stringify(join(ROOT, 'dist/cli/write-file.js'))};
removeOnSignal(${JSON.stringify(temp)});
process.kill(process.pid, ${JSON.stringify(signal)});
setTimeout(() => {}, 5000);`;
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
        encoding: 'utf8',
        timeout: 10_000,
      });
      expect(child.signal).toBe(signal);
      expect(existsSync(temp)).toBe(false);
    }
  });

  it('stops watching once the write is over: a later signal leaves other files alone', async () => {
    const temp = join(dir, '.org.yaml.later.tmp');
    await writeFile(temp, 'not csplan temp any more');
    const script = `import { removeOnSignal } from ${JSON.stringify(join(ROOT, 'dist/cli/write-file.js'))};
const stop = removeOnSignal(${JSON.stringify(temp)});
stop();
process.on('SIGTERM', () => process.exit(7));
process.kill(process.pid, 'SIGTERM');
setTimeout(() => {}, 5000);`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      timeout: 10_000,
    });
    expect(child.status).toBe(7);
    expect(existsSync(temp)).toBe(true);
  });
});
