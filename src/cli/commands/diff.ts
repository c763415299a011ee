/**
 * `csplan diff BASE HEAD`, or `csplan diff FILE --base REF`: what a change to the org file does
 * to the plan. The base of a git ref is read with `git show REF:path` (no shell).
 */
import { execFile } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { FileReadError, type LoadResult, loadOrgFile, loadOrgText } from '../../config/load.js';
import { locateDiagnostics } from '../../config/locate.js';
import { type DiffSide, diffPlans } from '../../core/diff.js';
import { planOrg } from '../../core/plan.js';
import { renderDiagnostics } from '../../render/diagnostics.js';
import { renderDiffJson, renderDiffMarkdown, renderDiffText } from '../../render/diff.js';
import { outputWidth, useColor } from '../color.js';
import { EXIT, UsageError } from '../exit-codes.js';
import type { CliIO } from '../io.js';
import { parseAsOf, parseFormat, parseRuleOverrides } from '../options.js';

const run = promisify(execFile);

export interface DiffOptions {
  base?: string;
  format?: string;
  asOf?: string;
  rule?: string[];
  color?: boolean;
  allowOutsideAccountsFile?: boolean;
}

const FORMATS = ['text', 'markdown', 'json'] as const;

interface Source {
  /** The path the text was loaded under; findings located in it are shown under `label`. */
  file: string;
  label: string;
  load(asOf: string | undefined): Promise<LoadResult>;
}

export async function runDiff(files: string[], options: DiffOptions, io: CliIO): Promise<number> {
  const format = parseFormat(options.format, FORMATS, 'text');
  const asOf = parseAsOf(options.asOf);
  const ruleOverrides = parseRuleOverrides(options.rule);
  const loadOptions = (date: string | undefined) => ({
    today: io.today,
    asOf: date,
    cwd: io.cwd,
    allowOutsideAccountsFile: options.allowOutsideAccountsFile === true,
  });

  let base: Source;
  let head: Source;
  const [first, second] = files;
  if (options.base !== undefined) {
    if (files.length !== 1 || first === undefined) {
      throw new UsageError('with --base, give one file: csplan diff FILE --base REF');
    }
    const text = await gitShow(first, options.base, io);
    base = {
      file: first,
      label: `${options.base}:${first}`,
      load: (d) => loadOrgText(text, first, loadOptions(d)),
    };
    head = { file: first, label: first, load: (d) => readOrg(first, loadOptions(d)) };
  } else {
    if (files.length !== 2 || first === undefined || second === undefined) {
      throw new UsageError('give two files (csplan diff BASE HEAD) or one file and --base REF');
    }
    base = { file: first, label: first, load: (d) => readOrg(first, loadOptions(d)) };
    head = { file: second, label: second, load: (d) => readOrg(second, loadOptions(d)) };
  }

  // Both sides are planned at the head's date, so the diff shows the edit, not the calendar.
  const headSide = await plan(head, asOf, ruleOverrides, io, options.color);
  if (!headSide) return EXIT.problems;
  const baseSide = await plan(base, headSide.org.company.asOf, ruleOverrides, io, options.color);
  if (!baseSide) return EXIT.problems;

  const diff = diffPlans(baseSide, headSide);
  const labels = { base: base.label, head: head.label };
  if (format === 'json') io.stdout(renderDiffJson(diff, labels));
  else if (format === 'markdown') io.stdout(renderDiffMarkdown(diff, labels));
  else {
    io.stdout(
      renderDiffText(diff, labels, { color: useColor(options.color, io), width: outputWidth(io) }),
    );
  }
  return EXIT.ok;
}

async function readOrg(
  file: string,
  options: { today: string; asOf?: string; cwd: string; allowOutsideAccountsFile: boolean },
): Promise<LoadResult> {
  try {
    return await loadOrgFile(file, options);
  } catch (error) {
    if (error instanceof FileReadError) throw new UsageError(error.message);
    throw error;
  }
}

/** Loads and plans one side; prints its problems and returns undefined when it cannot be planned. */
async function plan(
  source: Source,
  asOf: string | undefined,
  ruleOverrides: ReturnType<typeof parseRuleOverrides>,
  io: CliIO,
  color: boolean | undefined,
): Promise<DiffSide | undefined> {
  const loaded = await source.load(asOf);
  const locate = (list: Parameters<typeof locateDiagnostics>[0]) =>
    locateDiagnostics(list, loaded.locate).map((d) =>
      d.file === source.file ? { ...d, file: source.label } : d,
    );
  if (!loaded.org) {
    const located = locate(loaded.diagnostics);
    io.stderr(
      renderDiagnostics(located, {
        color: useColor(color, io),
        file: source.label,
        width: outputWidth(io),
      }),
    );
    io.stderr(`${source.label} has problems to fix before it can be compared.\n`);
    return undefined;
  }
  const planned = planOrg(loaded.org, { ruleOverrides });
  const findings = locate([...loaded.diagnostics, ...planned.findings]);
  return { org: loaded.org, plan: planned, findings };
}

/** The file's text at a git ref, found relative to the root of the repository that holds it. */
export async function gitShow(file: string, ref: string, io: CliIO): Promise<string> {
  if (ref === '' || ref.startsWith('-')) {
    throw new UsageError(`--base takes a git ref such as main or HEAD~1 (got "${ref}")`);
  }
  const absolute = resolve(io.cwd, file);
  let folder: string;
  try {
    folder = await realpath(dirname(absolute));
  } catch {
    throw new UsageError(`${file}: no such folder`);
  }
  const top = (await git(['-C', folder, 'rev-parse', '--show-toplevel'], file)).trim();
  const path = relative(top, join(folder, basename(absolute)))
    .split(sep)
    .join('/');
  return git(['-C', top, 'show', `${ref}:${path}`], file);
}

async function git(args: string[], file: string): Promise<string> {
  try {
    const { stdout } = await run('git', args, { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
    return stdout;
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT')
      throw new UsageError('git is not installed or not on PATH; --base needs it');
    const first = (e.stderr ?? '').trim().split('\n')[0] ?? '';
    throw new UsageError(
      `git could not read ${file}${first ? `: ${first.replace(/^fatal: /, '')}` : ''}`,
    );
  }
}
