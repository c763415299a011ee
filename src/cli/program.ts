/**
 * The commander program. Each command's module is imported only when that command runs, so
 * `csplan --version` and `csplan schema` don't pay for the planner, prompts or CSV parsing.
 */
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import type { CliIO } from './io.js';
import { collect } from './options.js';

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** Sets `exitCode` through `done` rather than exiting, so piped output is never cut. */
export function buildProgram(io: CliIO, done: (code: number) => void): Command {
  const program = new Command('csplan')
    .description('Plan a Customer Success organization from one org.yaml')
    .version(packageVersion(), '-V, --version')
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
    })
    .exitOverride();

  const formatOption = (formats: string, fallback: string) =>
    new Option('-f, --format <format>', `output format: ${formats}`).default(fallback);

  program
    .command('recommend')
    .description('detect the stage, size CSM capacity per segment, recommend a structure and hires')
    .argument('<file>', 'org file (YAML)')
    .addOption(formatOption('text, json, markdown', 'text'))
    .option(
      '--as-of <date>',
      'evaluate the plan at this date (YYYY-MM-DD); default company.as_of, then today',
    )
    .option('--rule <rule=severity>', 'set a rule to off, warning or error (repeatable)', collect)
    .option('--color', 'force colour')
    .option('--no-color', 'disable colour')
    .action(async (file: string, options) => {
      const { runRecommend } = await import('./commands/recommend.js');
      done(await runRecommend(file, options, io));
    });

  program
    .command('schema')
    .description('print the JSON Schema of the org file')
    .action(async () => {
      const { runSchema } = await import('./commands/schema.js');
      done(await runSchema(io));
    });

  return program;
}
