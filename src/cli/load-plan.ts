/** Load an org file, plan it and locate every diagnostic: the shared first half of most commands. */
import { FileReadError, loadOrgFile } from '../config/load.js';
import { locateDiagnostics, sortByPlace } from '../config/locate.js';
import { schemaRefDiagnostics } from '../config/schema-ref.js';
import { type Analysis, analyse } from '../core/analysis.js';
import { type CapacityResult, computeCapacity } from '../core/capacity.js';
import { MAX_CSM_FTE_NEEDED } from '../core/limits.js';
import type { Diagnostic, Org, RuleSetting } from '../core/model.js';
import { formatCount } from '../core/money.js';
import { type Plan, planOrg } from '../core/plan.js';
import { runReferenceRules } from '../core/rules/engine.js';
import { csmNeedOverLimit } from '../core/timeline/growth-limit.js';
import { UsageError } from './exit-codes.js';
import type { CliIO } from './io.js';
import { stopsPlanning } from './stops-planning.js';
import { packageVersion } from './version.js';

export interface PlannedFile {
  file: string;
  /** Absent when the file could not be planned (syntax, schema or reference errors). */
  plan?: Plan;
  /** The org the plan was made from, for commands that re-plan it (timeline). */
  org?: Org;
  /** Every problem: loading diagnostics and rule findings, located. */
  diagnostics: Diagnostic[];
  /**
   * True when the file cannot be planned: syntax and schema errors, and references that do not
   * resolve (duplicate ids, unknown owners or managers, reporting loops). Findings about the org
   * (orphan accounts, unowned ARR, overloaded books) never make a file invalid: the plan is what
   * fixes them, and `check` is the gate.
   */
  invalid: boolean;
  /** The loaded org and where it came from, for commands that work on more than the plan. */
  loaded?: Awaited<ReturnType<typeof loadOrgFile>>;
  /** The org analysed and its capacity, when only validity was checked (`validOnly`): reused, not redone. */
  analysed?: { analysis: Analysis; capacity: CapacityResult };
  /** The CSM FTE the accounts need today, once the file is loaded: what growth multiplies. */
  csmFteNeeded?: number;
}

export async function loadAndPlan(
  file: string,
  io: CliIO,
  options: {
    asOf?: string;
    ruleOverrides?: Record<string, RuleSetting>;
    allowOutsideAccountsFile?: boolean;
    /** --skip-invalid (see LoadOptions.skipInvalid). */
    skipInvalid?: boolean;
    /** See LoadOptions.digestAccountsFile. */
    digestAccountsFile?: boolean;
    /**
     * Skip the plan when the file is valid: only the checks that decide validity run (loading and
     * references). For commands that do their own planning (rebalance); an invalid file still
     * gets the full plan's diagnostics, so the problems listed are the same.
     */
    validOnly?: boolean;
  },
): Promise<PlannedFile> {
  let loaded: Awaited<ReturnType<typeof loadOrgFile>>;
  try {
    loaded = await loadOrgFile(file, {
      today: io.today,
      asOf: options.asOf,
      cwd: io.cwd,
      allowOutsideAccountsFile: options.allowOutsideAccountsFile,
      skipInvalid: options.skipInvalid,
      digestAccountsFile: options.digestAccountsFile,
    });
  } catch (error) {
    if (error instanceof FileReadError) throw new UsageError(error.message);
    throw error;
  }
  // Already placed on the $schema line, so locating leaves them as they are.
  const editorSchema = await schemaRefDiagnostics(file, { version: packageVersion(), cwd: io.cwd });
  if (!loaded.org) {
    // The records that could be read are still checked for duplicate ids and broken
    // references, so one run reports every input problem.
    const references = loaded.partial
      ? runReferenceRules(loaded.partial, options.ruleOverrides)
      : [];
    return {
      file,
      diagnostics: sortByPlace(
        locateDiagnostics([...loaded.diagnostics, ...references, ...editorSchema], loaded.locate),
      ),
      invalid: true,
    };
  }
  // The plan's size is checked before it is made: its projection grows with it.
  const analysis = analyse(loaded.org);
  const capacity = computeCapacity(analysis);
  const { csmFteNeeded, tooLarge } = planSize(loaded.org, capacity);
  if (tooLarge.length > 0) {
    const diagnostics = locateDiagnostics(
      [...loaded.diagnostics, ...editorSchema, ...tooLarge],
      loaded.locate,
    );
    return { file, org: loaded.org, diagnostics, invalid: true, loaded, csmFteNeeded };
  }
  if (options.validOnly) {
    const diagnostics = locateDiagnostics(
      [
        ...loaded.diagnostics,
        ...editorSchema,
        ...runReferenceRules(loaded.org, options.ruleOverrides, analysis),
      ],
      loaded.locate,
    );
    if (!diagnostics.some(blocksPlanning))
      return {
        file,
        org: loaded.org,
        diagnostics,
        invalid: false,
        loaded,
        analysed: { analysis, capacity },
        csmFteNeeded,
      };
  }
  const plan = planOrg(loaded.org, {
    ruleOverrides: options.ruleOverrides,
    analysed: { analysis, capacity },
  });
  const diagnostics = locateDiagnostics(
    [...loaded.diagnostics, ...editorSchema, ...plan.findings],
    loaded.locate,
  );
  const invalid = diagnostics.some(blocksPlanning);
  return { file, plan, org: loaded.org, diagnostics, invalid, loaded, csmFteNeeded };
}

/** An error that keeps the file from being planned; a skipped row's does not. */
function blocksPlanning(d: Diagnostic): boolean {
  return d.severity === 'error' && d.skipped !== true && stopsPlanning(d.rule);
}

/**
 * What a command that needs a plan prints for a file it cannot plan: the located problems (JSON
 * on stdout under `--format json`, text on stderr otherwise) and one line saying what waits for
 * them. Returns the exit code.
 */
export async function reportUnplannable(
  planned: PlannedFile,
  io: CliIO,
  options: { json: boolean; color?: boolean; waiting: string; errorsOnly?: boolean },
): Promise<number> {
  const { EXIT } = await import('./exit-codes.js');
  const shown = options.errorsOnly
    ? planned.diagnostics.filter((d) => d.severity === 'error')
    : planned.diagnostics;
  if (options.json) {
    const { findingJson, SCHEMA_VERSION } = await import('../render/json.js');
    const body = { schemaVersion: SCHEMA_VERSION, valid: false, findings: shown.map(findingJson) };
    io.stdout(`${JSON.stringify(body, null, 2)}\n`);
    return EXIT.problems;
  }
  const { renderDiagnostics } = await import('../render/diagnostics.js');
  const { outputWidth, useColor } = await import('./color.js');
  io.stderr(
    renderDiagnostics(shown, {
      color: useColor(options.color, io),
      file: planned.file,
      width: outputWidth(io),
    }),
  );
  io.stderr(`${planned.file} has problems to fix before ${options.waiting}.\n`);
  return EXIT.problems;
}

/** The plan-too-large error for an org, if any: for commands that plan an org they loaded themselves. */
export function planSizeProblems(org: Org): Diagnostic[] {
  return planSize(org, computeCapacity(analyse(org))).tooLarge;
}

/** The CSM FTE the accounts need today, and the plan-too-large error when it or growth passes the limit. */
function planSize(
  org: Org,
  capacity: CapacityResult,
): { csmFteNeeded: number; tooLarge: Diagnostic[] } {
  const csmFteNeeded = capacity.segments.reduce((sum, s) => sum + s.csmFteNeeded, 0);
  return { csmFteNeeded, tooLarge: planSizeLimit(org, csmFteNeeded) };
}

/**
 * A plan too large to date hire by hire (csmNeedOverLimit): an error that stops planning, at the
 * growth when growth is what takes it past the limit, at the accounts otherwise.
 */
function planSizeLimit(org: Org, today: number): Diagnostic[] {
  const peak = csmNeedOverLimit(org, today);
  if (peak === undefined) return [];
  const byGrowth = today <= MAX_CSM_FTE_NEEDED;
  return [
    {
      rule: 'plan-too-large',
      severity: 'error',
      path: byGrowth ? ['growth'] : ['accounts'],
      message: `the plan would need ${csmFteFigure(peak)} CSM FTE ${byGrowth ? 'at the peak of this growth' : 'for these accounts'}; csplan plans up to ${formatCount(MAX_CSM_FTE_NEEDED)}: check the largest ARRs, arr_per_csm and accounts_per_csm${byGrowth ? ', and the growth rates' : ''}`,
    },
  ];
}

/** A CSM FTE need past the limit as a message says it: past ten times the limit, only that. */
export function csmFteFigure(peak: number): string {
  return peak > 10 * MAX_CSM_FTE_NEEDED
    ? `more than ${formatCount(10 * MAX_CSM_FTE_NEEDED)}`
    : formatCount(Math.round(peak));
}
