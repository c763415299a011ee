/**
 * Whether to colour output: --color / --no-color, then FORCE_COLOR, then NO_COLOR, then whether
 * stdout is a terminal (DESIGN.md "Output"). Decided once here; renderers just obey.
 */
import type { CliIO } from './io.js';

export function useColor(flag: boolean | undefined, io: CliIO): boolean {
  if (flag !== undefined) return flag;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.stdoutIsTTY;
}

/** Width for tables: the terminal's, or a fixed 100 columns when piped so output is stable. */
export function outputWidth(io: CliIO): number {
  return io.stdoutIsTTY && io.columns ? Math.max(60, io.columns) : 100;
}
