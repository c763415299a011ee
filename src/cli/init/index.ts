/**
 * `csplan init [FILE]`: ask a founder about the company, customers and team (or take `--yes`
 * and flags), write a commented org file, then show a first recommendation.
 */
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { loadOrgText } from '../../config/load.js';
import { locateDiagnostics } from '../../config/locate.js';
import type { Diagnostic } from '../../core/model.js';
import { plural } from '../../core/money.js';
import { planOrg } from '../../core/plan.js';
import { renderDiagnostics } from '../../render/diagnostics.js';
import { outputWidth, useColor } from '../color.js';
import { EXIT, UsageError } from '../exit-codes.js';
import type { CliIO } from '../io.js';
import { packageVersion } from '../version.js';
import { buildOrgFile, type InitAnswers } from './answers.js';
import { answersFromFlags, givenAnswers, type InitOptions } from './flags.js';
import { renderInitSummary } from './summary.js';
import { type Prompts, runWizard } from './wizard.js';
import { existing, FileExistsError, writeFileAtomic } from './write.js';
import { orgFileToYaml } from './yaml.js';

export type { InitOptions } from './flags.js';

export const DEFAULT_FILE = 'org.yaml';

/** Where the JSON Schema of this csplan version is published (first line of written files). */
export function schemaUrl(version: string): string {
  return `https://unpkg.com/csplan@${version}/schema/org.schema.json`;
}

export interface InitDependencies {
  /** The prompt functions; by default @inquirer/prompts, imported only when needed. */
  loadPrompts?: () => Promise<Prompts>;
}

export async function runInit(
  file: string | undefined,
  options: InitOptions,
  io: CliIO,
  dependencies: InitDependencies = {},
): Promise<number> {
  const target = file ?? DEFAULT_FILE;
  const path = resolve(io.cwd, target);
  const orgDir = dirname(path);
  const given = await givenAnswers(options, io.cwd);
  const interactive = options.yes !== true;
  if (interactive && (!io.stdinIsTTY || io.env.CI === 'true')) {
    throw new UsageError(
      'init asks questions and needs a terminal; to write a starter file without questions, run `csplan init --yes` (with --name, --customers, --arr... to fill it in)',
    );
  }
  const found = await existing(path);
  if (found === 'folder')
    throw new UsageError(
      `${target} is a folder; name the org file to write, e.g. ${target}/org.yaml`,
    );
  if (found === 'file' && !options.force && !interactive) {
    throw new UsageError(
      `${target} already exists; add --force to replace it, or name another file`,
    );
  }

  let answers: InitAnswers;
  let prompts: Prompts | undefined;
  let replace = options.force === true;
  if (interactive) {
    prompts = await (dependencies.loadPrompts ?? loadInquirer)();
    try {
      if (found === 'file' && !replace) {
        replace = await prompts.confirm({
          message: `${target} already exists. Replace it?`,
          default: false,
        });
        if (!replace) {
          io.stderr(`Kept ${target} as it is; nothing written.\n`);
          return EXIT.ok;
        }
      }
      io.stderr(
        `csplan init: a few questions about your company, customers and team (about 2 minutes).\nPress Enter to take the suggested answer; Ctrl-C quits without writing anything.\n`,
      );
      answers = await runWizard(prompts, {
        today: io.today,
        cwd: io.cwd,
        orgDir,
        given,
        say: (text) => io.stderr(`${text}\n`),
      });
    } catch (error) {
      if (isPromptExit(error)) return cancelled(io);
      throw error;
    }
  } else {
    answers = await answersFromFlags(given, { cwd: io.cwd, orgDir });
  }

  const org = buildOrgFile(answers, { today: io.today });
  const arrAssumed = answers.customers.source === 'total' && answers.customers.arrAssumed;
  const text = orgFileToYaml(org, { schemaUrl: schemaUrl(packageVersion()), arrAssumed });
  const loaded = await loadOrgText(text, path, { today: io.today });
  // Located against absolute paths (so the accounts file resolves from the org file's folder),
  // shown relative to where the person runs csplan.
  const located = locateDiagnostics(loaded.diagnostics, loaded.locate).map((d) =>
    d.file === undefined ? d : { ...d, file: displayPath(d.file, io.cwd) },
  );
  const ownFault = located.filter((d) => d.severity === 'error' && !isAccountsFileProblem(d, path));
  if (ownFault.length > 0) {
    throw new Error(
      `init produced an org file that does not validate: ${ownFault.map((d) => `${d.rule} at ${d.path.join('.')}: ${d.message}`).join('; ')}`,
    );
  }

  try {
    await writeFileAtomic(path, text, { replace });
  } catch (error) {
    if (!(error instanceof FileExistsError)) throw error;
    // Someone created the file while the questions were being answered.
    if (!prompts)
      throw new UsageError(`${target} appeared while csplan was writing it; nothing written`);
    try {
      const again = await prompts.confirm({
        message: `${target} was created meanwhile. Replace it?`,
        default: false,
      });
      if (!again) {
        io.stderr(`Kept ${target} as it is; nothing written.\n`);
        return EXIT.ok;
      }
    } catch (promptError) {
      if (isPromptExit(promptError)) return cancelled(io);
      throw promptError;
    }
    await writeFileAtomic(path, text, { replace: true });
  }
  io.stderr(`Wrote ${target} (${describe(answers)}).\n`);

  const color = useColor(undefined, io);
  if (!loaded.org) {
    io.stderr(renderDiagnostics(located, { color, file: target }));
    io.stderr(
      `Fix the accounts file (or its mapping in ${target}), then run: csplan recommend ${target}\n`,
    );
    return EXIT.problems;
  }
  const plan = planOrg(loaded.org);
  const findings = locateDiagnostics([...loaded.diagnostics, ...plan.findings], loaded.locate).map(
    (d) => (d.file === undefined ? d : { ...d, file: displayPath(d.file, io.cwd) }),
  );
  io.stdout(renderInitSummary(plan, findings, { color, width: outputWidth(io), file: target }));
  return EXIT.ok;
}

async function loadInquirer(): Promise<Prompts> {
  const { input, select, confirm } = await import('@inquirer/prompts');
  return { input, select, confirm };
}

/** Ctrl-C (or a closed terminal) inside a prompt: @inquirer rejects with ExitPromptError. */
function isPromptExit(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')
  );
}

function cancelled(io: CliIO): number {
  io.stderr('\ncsplan init: cancelled, nothing written.\n');
  return EXIT.interrupted;
}

/** Problems in the user's CRM export or its mapping, not in what init wrote. */
function isAccountsFileProblem(d: Diagnostic, orgPath: string): boolean {
  if (d.path[0] === 'accounts-file' || d.path[0] === 'accounts') return true;
  return d.file !== undefined && resolve(d.file) !== orgPath;
}

function describe(answers: InitAnswers): string {
  const { customers } = answers;
  const who =
    customers.source === 'file'
      ? `accounts from ${customers.file}`
      : customers.source === 'total'
        ? plural(customers.count, 'customer')
        : plural(
            customers.bands.reduce((sum, band) => sum + band.count, 0),
            'customer',
          );
  return `${who}, ${plural(answers.team.length, 'person', 'people')} on the team`;
}

/** A path relative to the working folder when it lies inside it, else as given. */
function displayPath(file: string, cwd: string): string {
  const inside = relative(cwd, resolve(cwd, file));
  return inside === '' || inside.startsWith('..') || isAbsolute(inside) ? file : inside;
}
