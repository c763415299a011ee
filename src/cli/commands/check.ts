/** `csplan check FILE...`: the org plan as a CI gate. Findings out, exit code from --fail-on. */
import { appendFile, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { skippedAsWarnings } from '../../config/load.js';
import type { Severity } from '../../core/model.js';
import { plural } from '../../core/money.js';
import {
  type CheckedFile,
  renderCheckGithub,
  renderCheckJson,
  renderCheckMarkdown,
  renderCheckText,
} from '../../render/check.js';
import { outputWidth, useColor } from '../color.js';
import { EXIT, exitCodeFor, UsageError } from '../exit-codes.js';
import { expandPattern, isPattern } from '../glob.js';
import type { CliIO } from '../io.js';
import { loadAndPlan } from '../load-plan.js';
import { parseAsOf, parseFormat, parseRuleOverrides } from '../options.js';

export interface CheckOptions {
  format?: string;
  failOn?: string;
  maxWarnings?: string;
  asOf?: string;
  rule?: string[];
  color?: boolean;
  allowOutsideAccountsFile?: boolean;
  /** Plan without invalid accounts-file rows and report them as warnings, not errors. */
  skipInvalid?: boolean;
}

const FORMATS = ['text', 'json', 'github', 'markdown'] as const;

export function parseFailOn(value: string | undefined): Severity {
  if (value === undefined || value === 'error' || value === 'warning') return value ?? 'error';
  throw new UsageError(`--fail-on must be error or warning (got "${value}")`);
}

export function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) {
    throw new UsageError(`--max-warnings takes a whole number, 0 or more (got "${value}")`);
  }
  return Number(value);
}

/**
 * Annotations need paths relative to the repository checkout; a file named from a subfolder is
 * rewritten against GITHUB_WORKSPACE when it lies inside it.
 */
function workspacePath(file: string, io: CliIO): string {
  const workspace = io.env.GITHUB_WORKSPACE;
  if (!workspace) return file;
  const rel = relative(workspace, resolve(io.cwd, file));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return file;
  return rel.split(sep).join('/');
}

export async function runCheck(files: string[], options: CheckOptions, io: CliIO): Promise<number> {
  const github = io.env.GITHUB_ACTIONS === 'true';
  const format = parseFormat(options.format, FORMATS, github ? 'github' : 'text');
  const failOn = parseFailOn(options.failOn);
  const maxWarnings = parseMaxWarnings(options.maxWarnings);
  const asOf = parseAsOf(options.asOf);
  const ruleOverrides = parseRuleOverrides(options.rule);

  // A file that cannot be read, or a pattern that matches nothing, is reported on stderr and the
  // others are still checked; the run then exits 2, which outranks 1 (see README).
  const { files: named, unmatched } = await namedFiles(files, io.cwd);
  let unreadable = unmatched.length;
  for (const pattern of unmatched) io.stderr(`csplan: no file matches "${pattern}"\n`);
  const results: CheckedFile[] = [];
  // A file named twice (`check a.yaml ./a.yaml`) is read, parsed and reported once.
  const seen = new Set<string>();
  for (const file of named) {
    const absolute = resolve(io.cwd, file);
    if (seen.has(absolute)) continue;
    seen.add(absolute);
    try {
      const planned = await loadAndPlan(file, io, {
        asOf,
        ruleOverrides,
        allowOutsideAccountsFile: options.allowOutsideAccountsFile,
        skipInvalid: options.skipInvalid,
      });
      // The gate counts a skipped row as an error unless told to skip: `on_error: skip` lets
      // the other commands plan, and check still says what is left out.
      const diagnostics = options.skipInvalid
        ? skippedAsWarnings(planned.diagnostics)
        : planned.diagnostics;
      results.push({ file, valid: !planned.invalid, diagnostics });
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      io.stderr(`csplan: ${error.message}\n`);
      unreadable += 1;
    }
  }
  if (results.length === 0) return EXIT.usage;

  if (format === 'json') io.stdout(renderCheckJson(results));
  else if (format === 'markdown') io.stdout(renderCheckMarkdown(results));
  else if (format === 'github') {
    const shown = results.map((r) => ({
      ...r,
      file: workspacePath(r.file, io),
      diagnostics: r.diagnostics.map((d) =>
        d.file ? { ...d, file: workspacePath(d.file, io) } : d,
      ),
    }));
    io.stdout(renderCheckGithub(shown));
    await writeStepSummary(renderCheckMarkdown(shown), io);
  } else
    io.stdout(
      renderCheckText(results, { color: useColor(options.color, io), width: outputWidth(io) }),
    );

  const all = results.flatMap((r) => r.diagnostics);
  const code = unreadable > 0 ? EXIT.usage : exitCodeFor(all, { failOn, maxWarnings });
  const warnings = all.filter((d) => d.severity === 'warning').length;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr(
      `csplan: ${plural(warnings, 'warning')}, more than --max-warnings ${maxWarnings} allows\n`,
    );
  }
  return code;
}

/**
 * The files to check: each argument as named, or, for a pattern with `*` or `?` that is not
 * itself a file's name, the files it matches. Each file once, in the order first named.
 */
async function namedFiles(
  args: readonly string[],
  cwd: string,
): Promise<{ files: string[]; unmatched: string[] }> {
  const files = new Set<string>();
  const unmatched: string[] = [];
  for (const arg of args) {
    if (!isPattern(arg) || (await isFile(resolve(cwd, arg)))) {
      files.add(arg);
      continue;
    }
    const matched = await expandPattern(arg, cwd);
    if (matched.length === 0) unmatched.push(arg);
    for (const file of matched) files.add(file);
  }
  return { files: [...files], unmatched };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** GitHub shows this file on the run's summary page; a failure to write it is only a warning. */
async function writeStepSummary(markdown: string, io: CliIO): Promise<void> {
  const path = io.env.GITHUB_STEP_SUMMARY;
  if (!path) return;
  try {
    await appendFile(path, `${markdown}\n`, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    io.stderr(
      `csplan: could not append to GITHUB_STEP_SUMMARY (${code}); annotations are unaffected\n`,
    );
  }
}
