/**
 * `csplan diff BASE HEAD`, or `csplan diff FILE --base REF`: what a change to the org file does
 * to the plan. The base of a git ref is read with `git show REF:path` (no shell).
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { FileReadError, type LoadResult, loadOrgFile, loadOrgText } from '../../config/load.js';
import { locateDiagnostics } from '../../config/locate.js';
import { type DiffSide, diffPlans } from '../../core/diff.js';
import { planOrg } from '../../core/plan.js';
import { renderDiagnostics } from '../../render/diagnostics.js';
import { renderDiffJson, renderDiffMarkdown, renderDiffText } from '../../render/diff.js';
import { outputWidth, useColor } from '../color.js';
import { EXIT, UsageError } from '../exit-codes.js';
import type { CliIO } from '../io.js';
import { planSizeProblems } from '../load-plan.js';
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
  /** How another file of this side (its accounts export) is named in findings. */
  rename?: (file: string) => string;
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
    const ref = options.base;
    const at = await gitFiles(first, ref, io);
    const label = `${ref}:${first}`;
    // Files read from the temporary copy of the ref are shown as REF:path.
    let shownAs: (file: string) => string = (file) => `${ref}:${file}`;
    base = {
      file: first,
      label,
      load: async (d) => {
        // Not at the base: the plan is new, so everything in it is added.
        if (at.text === undefined)
          return loadOrgText('version: 1\ncompany: { name: new plan }\n', first, loadOptions(d));
        const loaded = await loadAtRef(at, loadOptions(d));
        // A file of the copy is named where it sits in the working tree.
        shownAs = (file) =>
          file === loaded.orgPath
            ? label
            : `${ref}:${relative(io.cwd, join(at.top, relative(loaded.folder, file)))}`;
        return loaded.result;
      },
      rename: (file) => shownAs(file),
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
      d.file === source.file && !source.rename
        ? { ...d, file: source.label }
        : d.file && source.rename
          ? { ...d, file: source.rename(d.file) }
          : d,
    );
  // A side too large to plan stops here, as in every other command (else the diff hangs on it).
  const tooLarge = loaded.org ? planSizeProblems(loaded.org) : [];
  if (!loaded.org || tooLarge.length > 0) {
    const located = locate([...loaded.diagnostics, ...tooLarge]);
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

interface FilesAtRef {
  /** The org file's text at the ref; undefined when the file is not there (a new plan). */
  text?: string;
  ref: string;
  /** The org file's path in the repository. */
  path: string;
  /** The repository's root. */
  top: string;
}

/**
 * The org file at the ref; a file absent there (while the ref exists) is a new plan. Its
 * accounts export is read at the same ref by loadAtRef.
 */
async function gitFiles(file: string, ref: string, io: CliIO): Promise<FilesAtRef> {
  const { top, path } = await repoPath(file, ref, io);
  await git(['-C', top, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`], file);
  const exists = await run('git', ['-C', top, 'cat-file', '-e', `${ref}:${path}`]).then(
    () => true,
    () => false,
  );
  if (!exists) return { ref, path, top };
  const text = await git(['-C', top, 'show', `${ref}:${path}`], file);
  return { text, ref, path, top };
}

/**
 * Loads the org file as it was at the ref, with the accounts export and the roster it names as
 * they were then: all are written to a temporary folder laid out like the repository and read from there.
 */
async function loadAtRef(
  at: FilesAtRef,
  options: { today: string; asOf?: string; cwd: string; allowOutsideAccountsFile: boolean },
): Promise<{ result: LoadResult; orgPath: string; folder: string }> {
  const text = at.text ?? '';
  const folder = await mkdtemp(join(tmpdir(), 'csplan-base-'));
  try {
    const orgPath = join(folder, at.path);
    await mkdir(dirname(orgPath), { recursive: true });
    await writeFile(orgPath, text);
    for (const named of filesNamedBy(text)) {
      const target = resolve(dirname(orgPath), named);
      const inRepo = relative(folder, target).split(sep).join('/');
      // Outside the repository, or not in the ref: the loader then says the file is missing.
      if (!inRepo.startsWith('..') && !isAbsolute(inRepo)) {
        const shown = await run('git', ['-C', at.top, 'show', `${at.ref}:${inRepo}`], {
          maxBuffer: 256 * 1024 * 1024,
          encoding: 'buffer',
        }).then(
          (r) => r.stdout as Buffer,
          () => undefined,
        );
        if (shown) {
          await mkdir(dirname(target), { recursive: true });
          await writeFile(target, shown);
        }
      }
    }
    const result = await loadOrgFile(orgPath, { ...options, cwd: folder });
    return { result, orgPath, folder };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** The files an org file's text names: `accounts.file` (the CRM export), `team.file` (the roster). */
function filesNamedBy(text: string): string[] {
  try {
    const value = parse(text) as Record<string, { file?: unknown } | null> | null;
    return [value?.accounts?.file, value?.team?.file].filter(
      (file): file is string => typeof file === 'string',
    );
  } catch {
    return [];
  }
}

/** The file's text at a git ref, found relative to the root of the repository that holds it. */
export async function gitShow(file: string, ref: string, io: CliIO): Promise<string> {
  const { top, path } = await repoPath(file, ref, io);
  return git(['-C', top, 'show', `${ref}:${path}`], file);
}

/** The repository root holding `file`, and the file's path in it (with / separators). */
async function repoPath(
  file: string,
  ref: string,
  io: CliIO,
): Promise<{ top: string; path: string }> {
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
  return { top, path };
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
