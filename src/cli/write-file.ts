/**
 * Writing a user's file without losing what csplan does not own. The new text goes to a temp file
 * in the target's own folder, which then replaces the target by a rename (or, for a new file, a
 * hard link that fails if the file appeared meanwhile), so a reader never sees half a file. A
 * symlink is followed and its target written (the link stays a link); the file's mode and owner
 * are kept; a read-only file is refused; the temp file is removed on every failure, including
 * SIGINT/SIGTERM; and with `expected`, the rename is refused if the file's bytes changed since
 * csplan read them. Every file-system failure is a `WriteError` (exit 2, with the OS reason).
 */
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import {
  link,
  lstat,
  mkdir,
  open,
  readFile,
  readlink,
  rename,
  stat,
  unlink,
} from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './exit-codes.js';
import { osReason } from './os-reason.js';

export { osReason };

export type Existing = 'missing' | 'file' | 'folder';

export async function existing(path: string): Promise<Existing> {
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'file';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
}

/** csplan could not write the file (exit 2); the message names the file and the OS reason. */
export class WriteError extends UsageError {}

/** Thrown when `replace` is false and the file exists by the time it is written. */
export class FileExistsError extends WriteError {}

/** Thrown when the file's bytes are no longer those given as `expected`: nothing was written. */
export class FileChangedError extends WriteError {}

export interface WriteOptions {
  /** Replace an existing file; when false the file is only created, never replaced. */
  replace: boolean;
  /** The text csplan read and edited: the write is refused if the file no longer holds it. */
  expected?: string;
  /** The file as the person named it, for messages (default: `path`). */
  name?: string;
}

export async function writeFileAtomic(
  path: string,
  text: string,
  options: WriteOptions,
): Promise<void> {
  const name = options.name ?? path;
  const fail = (what: string) => (error: unknown) => {
    throw error instanceof WriteError
      ? error
      : new WriteError(`${name}: could not ${what}: ${osReason(error)}; nothing written`);
  };
  const target = await followLinks(path).catch(fail('reach it'));
  const before = await statOrMissing(target).catch(fail('reach it'));
  if (before?.isDirectory()) throw new WriteError(`${name} is a folder; nothing written`);
  // A named pipe or a device would be replaced by the rename (or block a reader): never csplan's.
  if (before && !before.isFile())
    throw new WriteError(`${name} is not a regular file; name a file to write; nothing written`);
  if (before && !options.replace) throw new FileExistsError(`${name} exists`);
  if (before && (before.mode & 0o222) === 0) {
    throw new WriteError(
      `${name} is read-only (mode ${(before.mode & 0o777).toString(8)}); make it writable (chmod u+w) to let csplan change it; nothing written`,
    );
  }
  const folder = dirname(target);
  await mkdir(folder, { recursive: true }).catch(fail('create its folder'));

  const temp = join(folder, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const stopWatching = removeOnSignal(temp);
  let placed = false;
  try {
    const handle = await open(temp, 'wx', 0o600).catch(fail('create a temp file beside it'));
    try {
      await handle.writeFile(text, 'utf8');
      // Created private, then given the final mode: a private file is never readable meanwhile.
      await handle.chmod(before ? before.mode & 0o7777 : 0o666 & ~process.umask());
      if (before) {
        if (before.uid !== process.getuid?.() || before.gid !== process.getgid?.()) {
          await handle.chown(before.uid, before.gid).catch((error: NodeJS.ErrnoException) => {
            if (error.code !== 'EPERM') throw error;
            throw new WriteError(
              `${name} belongs to another user (uid ${before.uid}, gid ${before.gid}), which a replaced file could not keep; run csplan as that user; nothing written`,
            );
          });
        }
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.expected !== undefined) {
      const now = await readFile(target).catch(() => undefined);
      if (!now?.equals(Buffer.from(options.expected, 'utf8'))) {
        throw new FileChangedError(
          `${name} changed since csplan read it; nothing written; run the command again`,
        );
      }
    }
    if (options.replace) {
      await rename(temp, target);
      placed = true;
      return;
    }
    try {
      await link(temp, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new FileExistsError(`${name} exists`);
      // File systems without hard links: check, then rename (a small race, but no clobbering
      // of a file that existed before).
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
      if ((await existing(target)) !== 'missing') throw new FileExistsError(`${name} exists`);
      await rename(temp, target);
      placed = true;
    }
  } catch (error) {
    fail('write it')(error);
  } finally {
    stopWatching();
    if (!placed) await unlink(temp).catch(() => undefined);
  }
}

export interface NamedPath {
  /** Absolute path. */
  path: string;
  /** As the person named it, for messages. */
  name: string;
}

/**
 * Refuses (exit 2) an output that is one of the command's own inputs, by any name: the same
 * file through a symlink, `..`, or a hard link (same device and inode). Writing there would
 * replace what csplan was reading with what it made of it.
 */
export async function refuseInputAsOutput(
  output: NamedPath,
  inputs: readonly (NamedPath | undefined)[],
): Promise<void> {
  const out = await statOrMissing(output.path).catch(() => undefined);
  if (!out) return;
  for (const input of inputs) {
    if (!input) continue;
    const info = await statOrMissing(input.path).catch(() => undefined);
    if (info && info.dev === out.dev && info.ino === out.ino) {
      const alias = input.name === output.name ? '' : ` (${input.name})`;
      throw new WriteError(
        `${output.name} is an input of this command${alias}; csplan never writes over what it reads: name another file; nothing written`,
      );
    }
  }
}

/**
 * Refuses (exit 2) to replace an existing file that csplan did not write, unless `force`: an
 * output flag pointed at the wrong file must not cost its contents. `owns` sees the file's first
 * 64 KiB.
 */
export async function refuseForeignFile(
  output: NamedPath,
  options: { owns: (head: string) => boolean; what: string; force: boolean },
): Promise<void> {
  if (options.force) return;
  const info = await statOrMissing(output.path).catch(() => undefined);
  if (!info?.isFile()) return;
  const handle = await open(output.path, 'r').catch(() => undefined);
  if (!handle) return;
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (options.owns(buffer.subarray(0, bytesRead).toString('utf8'))) return;
  } finally {
    await handle.close();
  }
  throw new WriteError(
    `${output.name} exists and is not ${options.what}; add --force to replace it, or name another file; nothing written`,
  );
}

/** The file a path names once symlinks are followed; a dangling link names its missing target. */
async function followLinks(path: string): Promise<string> {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    const info = await lstat(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (!info?.isSymbolicLink()) return current;
    current = resolve(dirname(current), await readlink(current));
  }
  throw Object.assign(new Error('ELOOP: too many symbolic links'), { code: 'ELOOP' });
}

async function statOrMissing(path: string) {
  try {
    return await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Removes `temp` if SIGINT or SIGTERM arrives before `stop` is called, then lets the signal end
 * the process as it would have. Returns `stop`.
 */
export function removeOnSignal(temp: string): () => void {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const onSignal = (signal: NodeJS.Signals) => {
    try {
      unlinkSync(temp);
    } catch {
      // Not created yet, or already gone.
    }
    stop();
    process.kill(process.pid, signal);
  };
  const stop = () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
  for (const signal of signals) process.once(signal, onSignal);
  return stop;
}
