/** Temporary folders for tests that need real files (symlinks, encodings, pipes). */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'csplan-test-'));
}

/** Runs git in `dir` as a throwaway author (tests that need a real repository). */
export function git(dir: string, ...args: string[]): Buffer {
  return execFileSync(
    'git',
    ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args],
    { stdio: 'pipe' },
  );
}

/** `git init` and one commit of everything in `dir`. */
export function commitAll(dir: string, message: string): void {
  git(dir, 'init', '-q');
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', message);
}

/** Every example org file under `examples/`, sorted: each one is run by tests. */
export function exampleFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.yaml')) files.push(path);
    }
  };
  walk('examples');
  return files.sort();
}
