/**
 * Whether to colour output: --color / --no-color, then FORCE_COLOR, then NO_COLOR, then TERM=dumb
 * (a terminal that shows escape codes as text), then whether stdout is a terminal (DESIGN.md
 * "Output"). Decided once here; renderers just obey.
 */
import type { CliIO } from './io.js';

export function useColor(flag: boolean | undefined, io: CliIO): boolean {
  if (flag !== undefined) return flag;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.TERM === 'dumb') return false;
  return io.stdoutIsTTY;
}

/** Below this, even stacked tables and wrapped prose stop being readable. */
const MIN_WIDTH = 20;

/** A terminal that does not say how wide it is gets the classic width. */
const TERMINAL_FALLBACK = 80;

/**
 * Columns to fit text output to: the terminal's; else COLUMNS if set (so `| less` and CI logs can
 * ask for a width); else, when piped, no limit: one finding per line, whole for `grep`, as ESLint,
 * tsc and ruff print (tables then take their natural width).
 */
export function outputWidth(io: CliIO): number {
  if (io.stdoutIsTTY && io.columns) return Math.max(MIN_WIDTH, io.columns);
  const columns = io.env.COLUMNS?.trim();
  if (columns && /^\d+$/.test(columns) && Number(columns) > 0)
    return Math.max(MIN_WIDTH, Number(columns));
  return io.stdoutIsTTY ? TERMINAL_FALLBACK : Number.POSITIVE_INFINITY;
}
