/**
 * `csplan init [FILE]`: ask a founder about the company, customers and team (or take `--yes`
 * and flags), write a commented org file, then show a first recommendation.
 */
import { dirname, resolve } from 'node:path';
import { EXIT, UsageError } from '../exit-codes.js';
import type { CliIO } from '../io.js';
import { existing, refuseInputAsOutput } from '../write-file.js';
import type { InitAnswers } from './answers.js';
import { cancelled, isPromptExit } from './cancel.js';
import { answersFromFlags, givenAnswers, type InitOptions } from './flags.js';
import type { Prompts } from './wizard.js';

export type { InitOptions } from './flags.js';

export const DEFAULT_FILE = 'org.yaml';

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
  // --force replaces an org file, never the export it is made from.
  if (options.from !== undefined)
    await refuseInputAsOutput({ path, name: target }, [
      { path: resolve(io.cwd, options.from), name: options.from },
    ]);
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
      const { runWizard } = await import('./wizard.js');
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
    answers = await answersFromFlags(given, { cwd: io.cwd, orgDir, today: io.today });
  }

  const { writeOrgFile } = await import('./finish.js');
  return writeOrgFile(answers, { target, path, replace, prompts }, io);
}

async function loadInquirer(): Promise<Prompts> {
  const { input, select, confirm } = await import('@inquirer/prompts');
  return { input, select, confirm };
}
