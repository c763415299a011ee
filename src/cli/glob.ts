/**
 * File patterns for commands that take many files (`csplan check 'examples/*.yaml'`): shells on
 * Windows and most CI configs pass a quoted pattern unexpanded, so csplan expands it itself.
 * `*` and `?` match within one folder name, `**` any depth of folders. Like a shell, names
 * starting with a dot match only a pattern that starts with a dot; `**` does not enter dot
 * folders, node_modules or symbolic links to folders (no loops, no dependencies' files).
 */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, sep } from 'node:path';

export function isPattern(arg: string): boolean {
  return /[*?]/.test(arg);
}

/** A pattern's folder names, `/` (and `\` on Windows) between them. */
function segmentsOf(pattern: string, separator: string): string[] {
  const normal = separator === '\\' ? pattern.replace(/\\/g, '/') : pattern;
  return normal.split('/');
}

function matcher(segment: string): RegExp {
  const body = segment
    .split('')
    .map((c) => (c === '*' ? '[^/]*' : c === '?' ? '[^/]' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 'u');
}

async function entries(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

async function kind(path: string, entry: Dirent): Promise<'file' | 'dir' | 'other'> {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'dir';
  if (!entry.isSymbolicLink()) return 'other';
  try {
    const s = await stat(path);
    return s.isFile() ? 'file' : s.isDirectory() ? 'dir' : 'other';
  } catch {
    return 'other';
  }
}

/**
 * The files a pattern names, as paths written the way the pattern was (relative stays
 * relative), sorted by code point so every machine lists them in the same order.
 */
export async function expandPattern(
  pattern: string,
  cwd: string,
  separator: string = sep,
): Promise<string[]> {
  const segments = segmentsOf(pattern, separator);
  const found = new Set<string>();
  // An absolute pattern starts at the root ("" before the first "/", or "C:").
  const rooted = isAbsolute(pattern) || /^[A-Za-z]:$/.test(segments[0] ?? '');
  const first = rooted ? (segments.shift() ?? '') : '';
  const start = rooted ? `${first}/` : '';

  const walk = async (dir: string, shown: string, index: number): Promise<void> => {
    const segment = segments[index];
    if (segment === undefined) return;
    const last = index === segments.length - 1;
    if (segment === '**') {
      await walk(dir, shown, index + 1);
      for (const entry of await entries(dir)) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        if (entry.isDirectory()) await walk(join(dir, entry.name), `${shown}${entry.name}/`, index);
      }
      return;
    }
    if (!isPattern(segment)) {
      const path = join(dir, segment);
      if (!last) return walk(path, `${shown}${segment}/`, index + 1);
      try {
        if ((await stat(path)).isFile()) found.add(`${shown}${segment}`);
      } catch {
        // Not there: the pattern matches nothing here.
      }
      return;
    }
    const match = matcher(segment);
    for (const entry of await entries(dir)) {
      if (entry.name.startsWith('.') && !segment.startsWith('.')) continue;
      if (!match.test(entry.name)) continue;
      const path = join(dir, entry.name);
      const type = await kind(path, entry);
      if (last && type === 'file') found.add(`${shown}${entry.name}`);
      if (!last && type === 'dir') await walk(path, `${shown}${entry.name}/`, index + 1);
    }
  };

  await walk(rooted ? start : cwd, start, 0);
  return [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
