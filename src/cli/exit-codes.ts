/** The one place that decides exit codes (DESIGN.md "Exit codes"). */
import type { Diagnostic, Severity } from '../core/model.js';

export const EXIT = {
  ok: 0,
  problems: 1,
  usage: 2,
  internal: 3,
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export interface FailOptions {
  failOn: Severity;
  /** Like eslint: fail when there are more warnings than this. */
  maxWarnings?: number;
}

/** 1 when any diagnostic reaches the failing severity or warnings exceed the budget, else 0. */
export function exitCodeFor(diagnostics: readonly Diagnostic[], options: FailOptions): ExitCode {
  const threshold = RANK[options.failOn];
  if (diagnostics.some((d) => RANK[d.severity] >= threshold)) return EXIT.problems;
  if (options.maxWarnings !== undefined) {
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    if (warnings > options.maxWarnings) return EXIT.problems;
  }
  return EXIT.ok;
}

/** A usage problem: bad flag value, missing file. Printed as one line, exit 2. */
export class UsageError extends Error {}
