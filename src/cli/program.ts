/**
 * The commander program. Each command's module is imported only when that command runs, so
 * `csplan --version` and `csplan schema` don't pay for the planner, prompts or CSV parsing.
 */
import { Command, Option } from 'commander';
import type { CliIO } from './io.js';
import { packageVersion } from './version.js';

/** Repeatable option values, kept here so start-up imports nothing heavier than commander. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Options several commands share, declared once so their wording stays the same. */
const ruleOption = () =>
  new Option(
    '--rule <rule=severity>',
    'set a rule to off, warning or error (repeatable)',
  ).argParser(collect);
const colorOption = () => new Option('--color', 'force colour');
const noColorOption = () => new Option('--no-color', 'disable colour');
const outsideOption = () =>
  new Option(
    '--allow-outside-accounts-file',
    "read accounts.file even when it lies outside the org file's folder (only for org files you trust)",
  );

const skipOption = (what: string) =>
  new Option('--skip-invalid', `plan without the accounts-file rows that have problems; ${what}`);

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
    .addOption(
      formatOption(
        'text, json, markdown, mermaid (the org chart), html (a report to show)',
        'text',
      ),
    )
    .option(
      '--as-of <date>',
      'evaluate the plan at this date (YYYY-MM-DD); default company.as_of, then today',
    )
    .addOption(ruleOption())
    .addOption(outsideOption())
    .addOption(skipOption('they are listed with the findings'))
    .addOption(colorOption())
    .addOption(noColorOption())
    .action(async (file: string, options) => {
      const { runRecommend } = await import('./commands/recommend.js');
      done(await runRecommend(file, options, io));
    });

  program
    .command('timeline')
    .description('the hiring plan month by month: when to open each req, what it costs, what-ifs')
    .argument('<file>', 'org file (YAML)')
    .addOption(
      formatOption(
        'text, json, markdown (with a Gantt chart), csv, html (a report to show)',
        'text',
      ),
    )
    .option('--months <n>', 'months to plan, 1 to 36', '12')
    .option('--scenario <name>', "run a scenario from the file's scenarios:")
    .option('--compare', 'every scenario side by side: hires, cost and peak load per quarter')
    .option('--growth <multiplier>', 'scale new customers and ARR growth, e.g. 2x or 0.5x')
    .option('--freeze-until <date>', 'open no req before this date (YYYY-MM-DD)')
    .option('--as-of <date>', 'start the plan at this date (default company.as_of, then today)')
    .addOption(colorOption())
    .addOption(noColorOption())
    .action(async (file: string, options) => {
      const { runTimeline } = await import('./commands/timeline.js');
      done(await runTimeline(file, options, io));
    });

  program
    .command('schema')
    .description('print the JSON Schema of the org file, or write it for editors with --output')
    .option(
      '-o, --output <file>',
      'write the schema to this file (e.g. .csplan/org.schema.json) instead of printing it',
    )
    .option('--force', '--output: replace a file that is not a schema csplan wrote')
    .action(async (options: { output?: string; force?: boolean }) => {
      const { runSchema } = await import('./commands/schema.js');
      done(await runSchema(options, io));
    });

  program
    .command('check')
    .description('check org files for problems, for CI: exit 1 when findings reach --fail-on')
    .argument('<files...>', 'org files (YAML)')
    .addOption(
      new Option(
        '-f, --format <format>',
        'output format: text, json, github, markdown (default: github under GitHub Actions, else text)',
      ),
    )
    .option(
      '--fail-on <severity>',
      'lowest severity that fails the check: error or warning',
      'error',
    )
    .option('--max-warnings <n>', 'also fail when there are more warnings than this')
    .option('--as-of <date>', 'evaluate the plans at this date (YYYY-MM-DD)')
    .addOption(ruleOption())
    .addOption(outsideOption())
    .addOption(skipOption('they are reported as warnings'))
    .addOption(colorOption())
    .addOption(noColorOption())
    .action(async (files: string[], options) => {
      const { runCheck } = await import('./commands/check.js');
      done(await runCheck(files, options, io));
    });

  program
    .command('diff')
    .description('what a change to an org file does to stage, capacity, gaps and findings')
    .argument('<files...>', 'BASE HEAD, or one FILE with --base REF')
    .option('--base <ref>', 'compare FILE with the same file at this git ref')
    .addOption(formatOption('text, markdown, json', 'text'))
    .option('--as-of <date>', "evaluate both plans at this date (default: the head file's as_of)")
    .addOption(ruleOption())
    .addOption(outsideOption())
    .addOption(colorOption())
    .addOption(noColorOption())
    .action(async (files: string[], options) => {
      const { runDiff } = await import('./commands/diff.js');
      done(await runDiff(files, options, io));
    });

  const rebalanceCommand = (name: string, description: string, onlyUnowned: boolean) =>
    program
      .command(name)
      .description(description)
      .argument('<file>', 'org file (YAML)')
      .addOption(formatOption('text, json, markdown, html (a report to show)', 'text'))
      .option('--as-of <date>', 'plan at this date (YYYY-MM-DD); default company.as_of, then today')
      .option('--max-moves <n>', 'move at most this many accounts; report what stays unbalanced')
      .option('--tolerance <share>', "how far above the team's mean load a book may be", '0.1')
      .option(
        '--write',
        "apply the moves: change each moved account's owner where it is read (the org file, or the CRM export it names)",
      )
      .option('--moves-csv <file>', "write the moves as a CSV in the CRM export's own columns")
      .option('--force', '--moves-csv: replace a file that is not a move list csplan wrote')
      .addOption(colorOption())
      .addOption(noColorOption())
      .action(async (file: string, options) => {
        const { runRebalance } = await import('./commands/rebalance.js');
        done(
          await runRebalance(
            file,
            { ...options, onlyUnowned: onlyUnowned || options.onlyUnowned },
            io,
          ),
        );
      });
  rebalanceCommand(
    'rebalance',
    'propose the fewest moves that bring every book inside its team band, each explained',
    false,
  ).option('--only-unowned', 'only give owners to accounts without one (same as csplan assign)');
  rebalanceCommand(
    'assign',
    'give owners to accounts without one, with the rebalance engine',
    true,
  );

  program
    .command('rules')
    .description('list every rule with its category, default severity and summary')
    .addOption(formatOption('text, json, markdown', 'text'))
    .addOption(colorOption())
    .addOption(noColorOption())
    .action(async (options) => {
      const { runRules } = await import('./commands/rules.js');
      done(await runRules(options, io));
    });

  program
    .command('explain')
    .description(
      'explain a rule or any other code csplan prints: what it means, how to fix it, its exit code',
    )
    .argument('[code]', 'a rule or code, e.g. span-of-control or csv-bad-money (none: list them)')
    .addOption(formatOption('text, json', 'text'))
    .addOption(colorOption())
    .addOption(noColorOption())
    .action(async (code: string | undefined, options) => {
      const { runExplain } = await import('./commands/explain.js');
      done(await runExplain(code, options, io));
    });

  program
    .command('init')
    .description('answer a few questions; get a commented org.yaml and a first recommendation')
    .argument('[file]', 'org file to write (default: org.yaml)')
    .option('-y, --yes', 'write a starter file from defaults and flags, without questions')
    .option('--force', 'replace the file if it exists, without asking')
    .option('--name <name>', 'company name')
    .option('--motion <motion>', 'sales-led, product-led or hybrid')
    .option('--complexity <level>', 'product complexity: low, medium or high')
    .option('--customers <count>', 'number of customers today (written as one group)')
    .option('--arr <dollars>', 'total ARR of those customers, e.g. 1200000 or 1.2M')
    .option('--from <csv>', 'read accounts from a CRM export instead of asking')
    .option('--preset <crm>', 'CRM of the --from file: salesforce or hubspot')
    .option(
      '--date-order <order>',
      'dates like 3/4/2027 in the --from file: month-first or day-first',
    )
    .option(
      '--columns <field=Header>',
      'read this account field of the --from file from this column (repeatable)',
      collect,
    )
    .option('--roster <csv>', 'read the team from an HR roster export instead of asking')
    .option(
      '--roles <title=role>',
      'read this job title of the --roster file as this role, e.g. "Customer Advocate=csm" (repeatable)',
      collect,
    )
    .action(async (file: string | undefined, options) => {
      const { runInit } = await import('./init/index.js');
      done(await runInit(file, options, io));
    });

  program
    .command('import')
    .description('check how csplan reads a CRM export or an HR roster and point an org file at it')
    .argument('<file>', 'accounts exported from the CRM (.csv or .json), or an HR roster (.csv)')
    .option(
      '--preset <name>',
      'salesforce or hubspot; for a roster bamboohr, rippling, hibob, workday or gusto (default: detected)',
    )
    .option(
      '--columns <field=Header>',
      'read a field from this column; field= turns it off (repeatable)',
      collect,
    )
    .option(
      '--date-order <order>',
      'dates like 3/4/2027: month-first or day-first (default: detected from the file)',
    )
    .option('--org <file>', 'org file: match owners to its team and show the change')
    .option('--write', 'apply the change to --org')
    .option(
      '--values <field.Value=value>',
      'read a CRM picklist value as csplan\'s, e.g. "segment.Commercial=mid-market" (repeatable)',
      collect,
    )
    .option(
      '--skip-invalid',
      'point the org file at the export even if some rows have problems (writes on_error: skip)',
    )
    .option('--team', 'the file is an HR roster: read the team from it (default: detected)')
    .option(
      '--roles <title=role>',
      'roster: read this job title as this role, e.g. "Customer Advocate=csm" (repeatable)',
      collect,
    )
    .option(
      '--keep-file',
      'roster: write team: { file: ... } so csplan reads the team from the roster on every run',
    )
    .option(
      '--accounts <file>',
      "roster: keep people outside CS who own accounts in this CRM export (default: the org file's accounts)",
    )
    .addOption(formatOption('text, json', 'text'))
    .addOption(colorOption())
    .addOption(noColorOption())
    .action(async (file: string, options) => {
      const { runImport } = await import('./commands/import.js');
      done(await runImport(file, options, io));
    });

  return program;
}
