/** Temporary folders for tests that need real files (symlinks, encodings, pipes). */
import { execFileSync } from 'node:child_process';
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
