/**
 * Reading a file with a limit on the bytes actually read, not on what `stat` says: a symlink to
 * /dev/zero, a FIFO or a /proc file all report a size of 0 and never end (or end late). Reading
 * stops one byte past the limit.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export type BoundedRead = { bytes: Buffer } | { tooLarge: number };

export function readBounded(path: string, limit: number): BoundedRead {
  const fd = openSync(path, 'r');
  try {
    const info = fstatSync(fd);
    if (info.isFile() && info.size > limit) return { tooLarge: info.size };
    // A regular file is read into a buffer of its size (plus a byte, to see it grew); anything
    // else grows the buffer as it is read, to the limit and a byte.
    let buffer = Buffer.allocUnsafe(
      Math.min(limit + 1, info.isFile() && info.size > 0 ? info.size + 1 : 64 * 1024),
    );
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > limit) return { tooLarge: length };
        const grown = Buffer.allocUnsafe(Math.min(limit + 1, buffer.length * 2));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) return { bytes: buffer.subarray(0, length) };
      length += read;
    }
  } finally {
    closeSync(fd);
  }
}
