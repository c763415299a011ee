/** A CliIO that records output, for running commands in-process. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

export function fakeIO(overrides: Partial<CliIO> = {}): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    stdoutIsTTY: false,
    stdinIsTTY: false,
    env: {},
    cwd: process.cwd(),
    today: '2026-11-23',
    out,
    err,
    ...overrides,
  };
}

export async function runCli(argv: string[], overrides: Partial<CliIO> = {}): Promise<Captured> {
  const io = fakeIO(overrides);
  const code = await main(argv, io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}

/**
 * `rebalance org.yaml --write` in `cwd` while a colleague's process replaces `from` with `to` in
 * `file`: the report is printed after planning and before writing, which is when they save.
 * Returns the run and the file as the colleague left it.
 */
export async function rebalanceWhileColleagueEdits(
  cwd: string,
  file: string,
  from: string,
  to: string,
): Promise<{ run: Captured; saved: string }> {
  const colleague = `const fs = require('node:fs'); const p = ${JSON.stringify(file)};
    fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replace(${JSON.stringify(from)}, ${JSON.stringify(to)}));`;
  let saved = '';
  const run = await runCli(['rebalance', 'org.yaml', '--write'], {
    cwd,
    stdout: () => {
      if (saved) return;
      execFileSync(process.execPath, ['-e', colleague]);
      saved = readFileSync(file, 'utf8');
    },
  });
  return { run, saved };
}
