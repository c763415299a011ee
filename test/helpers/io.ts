/** A CliIO that records output, for running commands in-process. */
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
