/**
 * Writing the new org file atomically: a temp file in the same folder, then a rename (replace)
 * or a hard link (create only if still absent), so a reader never sees half a file and a file
 * that appeared meanwhile is never replaced without consent.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export type Existing = 'missing' | 'file' | 'folder';

export async function existing(path: string): Promise<Existing> {
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'file';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
}

/** Thrown when `replace` is false and the file exists by the time it is written. */
export class FileExistsError extends Error {}

export async function writeFileAtomic(
  path: string,
  text: string,
  options: { replace: boolean },
): Promise<void> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
  try {
    if (options.replace) {
      await rename(temp, path);
      return;
    }
    try {
      await link(temp, path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new FileExistsError(`${path} exists`);
      // File systems without hard links: check, then rename (a small race, but no clobbering
      // of a file that existed before).
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
      if ((await existing(path)) !== 'missing') throw new FileExistsError(`${path} exists`);
      await rename(temp, path);
    }
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
