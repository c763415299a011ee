/**
 * The generators that found issue 22, as property tests over every command run in-process:
 * mutations of the examples (numbers and dates swapped for extremes, lines dropped or doubled),
 * a grammar of extreme org files (growth, ramps, fte, factors, dates), mutations of the
 * Salesforce export, and huge strings. Whatever the input: exit 0, 1 or 2, under 10 s, no NaN,
 * Infinity, undefined or stack trace in what the user sees, and the same bytes on a second run.
 * The suite runs a few cases per property; `npm run fuzz` runs FUZZ_RUNS (default 10000).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/files.js';
import { runCli } from '../helpers/io.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const options = { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) };
/** Each property's budget: 10 s a case at most, and the whole run generously. */
const CASE_SECONDS = 10;
const TIMEOUT = Math.max(60_000, RUNS * 2 * CASE_SECONDS * 1000);

const BROKEN = /NaN|Infinity|undefined|\[object Object\]|\n\s+at .+:\d+:\d+|internal error/;

const EXAMPLES = readdirSync('examples')
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => readFileSync(join('examples', name), 'utf8'));
const SALESFORCE_ORG = readFileSync('examples/salesforce/org.yaml', 'utf8');
const SALESFORCE_CSV = readFileSync('examples/salesforce/accounts.csv', 'utf8');

const EXTREME_NUMBERS = [
  '0',
  '-1',
  '0.0001',
  '5e-324',
  '1e-300',
  '1e308',
  '1e6',
  '1000000',
  '10000000',
  '99999999999',
  '.nan',
  '.inf',
  '-.inf',
  '104',
  '105',
  '10000',
];
const EXTREME_DATES = ['9999-12-31', '0001-01-01', '1969-12-31', '2999-12-31', '2026-02-29'];

/** Replaces the `index`-th match of `pattern` in `text` (modulo the number of matches). */
function replaceNth(text: string, pattern: RegExp, index: number, by: string): string {
  const matches = [...text.matchAll(pattern)];
  const match = matches[index % Math.max(1, matches.length)];
  if (!match || match.index === undefined) return text;
  return `${text.slice(0, match.index)}${by}${text.slice(match.index + match[0].length)}`;
}

const NUMBER = /(?<=[:\s,[{])-?\d+(\.\d+)?(?=[\s,\]}]|$)/gm;
const DATE = /\d{4}-\d{2}-\d{2}/g;

type Edit =
  | { kind: 'number'; at: number; value: string }
  | { kind: 'date'; at: number; value: string }
  | { kind: 'drop' | 'double'; at: number }
  | { kind: 'huge'; at: number; size: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('number' as const),
    at: fc.nat(),
    value: fc.constantFrom(...EXTREME_NUMBERS),
  }),
  fc.record({
    kind: fc.constant('date' as const),
    at: fc.nat(),
    value: fc.constantFrom(...EXTREME_DATES),
  }),
  fc.record({ kind: fc.constantFrom('drop' as const, 'double' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('huge' as const),
    at: fc.nat(),
    size: fc.integer({ min: 1_000, max: 50_000 }),
  }),
);

function mutate(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of edits) {
    if (e.kind === 'number') out = replaceNth(out, NUMBER, e.at, e.value);
    else if (e.kind === 'date') out = replaceNth(out, DATE, e.at, e.value);
    else if (e.kind === 'huge')
      out = replaceNth(out, /(?<=id: )[a-z][a-z0-9-]*/g, e.at, 'x'.repeat(e.size));
    else {
      const lines = out.split('\n');
      const at = e.at % lines.length;
      if (e.kind === 'drop') lines.splice(at, 1);
      else lines.splice(at, 0, lines[at] ?? '');
      out = lines.join('\n');
    }
  }
  return out;
}

const COMMANDS: string[][] = [
  ['check', 'org.yaml'],
  ['check', 'org.yaml', '--format', 'json'],
  ['recommend', 'org.yaml'],
  ['recommend', 'org.yaml', '--format', 'markdown'],
  ['timeline', 'org.yaml'],
  ['timeline', 'org.yaml', '--format', 'json', '--months', '36'],
  ['timeline', 'org.yaml', '--compare', '--format', 'markdown'],
  ['rebalance', 'org.yaml'],
  ['rebalance', 'org.yaml', '--format', 'markdown'],
  ['diff', 'before.yaml', 'org.yaml'],
];
const command = fc.constantFrom(...COMMANDS);

/** Runs csplan twice on the same files: the verdicts every generator is held to. */
async function expectSound(files: Record<string, string>, argv: readonly string[]): Promise<void> {
  const cwd = await tempDir();
  for (const [name, text] of Object.entries(files)) await writeFile(join(cwd, name), text);
  const started = performance.now();
  const first = await runCli([...argv], { cwd });
  const seconds = (performance.now() - started) / 1000;
  const where = `${argv.join(' ')}\n${first.stderr.slice(0, 500)}`;
  expect([0, 1, 2], where).toContain(first.code);
  expect(seconds, where).toBeLessThan(CASE_SECONDS);
  expect(first.stdout, where).not.toMatch(BROKEN);
  expect(first.stderr, where).not.toMatch(BROKEN);
  const second = await runCli([...argv], { cwd });
  expect(second, where).toEqual(first);
}

describe('fuzz: hostile input (issue 22)', () => {
  it(
    'mutations of the examples',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...EXAMPLES),
          fc.array(edit, { minLength: 1, maxLength: 4 }),
          command,
          async (example, edits, argv) => {
            await expectSound({ 'org.yaml': mutate(example, edits), 'before.yaml': example }, argv);
          },
        ),
        options,
      );
    },
    TIMEOUT,
  );

  const extremeOrg = fc
    .record({
      fte: fc.constantFrom('1', '0.05', '5e-324', '0.5'),
      asOf: fc.constantFrom('2026-11-23', ...EXTREME_DATES),
      growth: fc.constantFrom(
        '',
        'growth:\n  new_customers_12m: 1000000\n',
        'growth:\n  new_customers_per_month: 10000\n',
        'growth:\n  customer_growth_pct_per_month: 100\n',
        'growth:\n  customer_growth_pct_per_month: 1000\n',
        'growth:\n  arr_growth_pct_12m: 10000\n  expansion_pct_12m: 10000\n',
      ),
      policy: fc.constantFrom(
        '',
        'policy:\n  ramp:\n    - { until_week: 10000000, capacity: 0.5 }\n',
        'policy:\n  ramp:\n    - { until_week: 104, capacity: 0 }\n',
        'policy:\n  hiring:\n    ramp_weeks: 100000000\n    lead_days: 3650\n',
        'policy:\n  complexity_factors: { low: 1e308, medium: 10, high: 0.1 }\n',
        'policy:\n  segments:\n    smb: { arr_per_csm: { min: 10000, max: 10000 } }\n',
      ),
      accounts: fc.integer({ min: 0, max: 40 }),
      arr: fc.constantFrom(1, 1000, 1_000_000_000_000),
    })
    .map(
      (o) =>
        `version: 1\ncompany:\n  name: Extreme\n  as_of: ${o.asOf}\nteam:\n  - { id: vp, role: vp-cs }\n  - { id: dana, role: csm, reports_to: vp, fte: ${o.fte} }\n  - { id: lee, role: csm, reports_to: vp, leaving: 2027-01-15 }\naccounts:\n${Array.from({ length: o.accounts }, (_, i) => `  - { id: a${i}, arr: ${o.arr}, owner: ${i % 2 ? 'dana' : 'lee'} }\n`).join('') || '  []\n'}${o.growth}${o.policy}`,
    );

  it(
    'a grammar of extremes',
    async () => {
      await fc.assert(
        fc.asyncProperty(extremeOrg, command, async (org, argv) => {
          await expectSound({ 'org.yaml': org, 'before.yaml': org }, argv);
        }),
        options,
      );
    },
    TIMEOUT,
  );

  const CSV_CELLS = [
    '',
    '"',
    '""',
    '1e308',
    '-1',
    '$1.2M',
    '9/9/9999',
    'x'.repeat(20_000),
    '=cmd()',
    '\u0000',
  ];
  it(
    'mutations of the Salesforce export',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.nat(), fc.constantFrom(...CSV_CELLS)), {
            minLength: 1,
            maxLength: 4,
          }),
          fc.constantFrom(
            ['check', 'org.yaml'],
            ['recommend', 'org.yaml', '--format', 'json'],
            ['rebalance', 'org.yaml', '--format', 'markdown'],
            ['import', 'accounts.csv', '--org', 'org.yaml'],
          ),
          async (edits, argv) => {
            let csv = SALESFORCE_CSV;
            for (const [at, cell] of edits) csv = replaceNth(csv, /(?<=,)[^,\n]*(?=,)/g, at, cell);
            await expectSound({ 'org.yaml': SALESFORCE_ORG, 'accounts.csv': csv }, argv);
          },
        ),
        options,
      );
    },
    TIMEOUT,
  );

  it(
    'huge strings in ids, owners, managers and names',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1_000, max: 60_000 }),
          fc.constantFrom('a', 'ab', 'é', '日'),
          command,
          async (size, unit, argv) => {
            const long = unit.repeat(Math.ceil(size / unit.length));
            const org = `version: 1\ncompany:\n  name: "${long}"\n  as_of: 2026-11-23\nteam:\n  - { id: "${long}1", role: csm, reports_to: "${long}2" }\n  - { id: "${long}3", role: manager-cs }\naccounts:\n  - { id: "${long}4", arr: 1000, owner: "${long}5" }\n  - { id: acme, arr: 1000, owner: "${long}1" }\n`;
            await expectSound({ 'org.yaml': org, 'before.yaml': org }, argv);
          },
        ),
        options,
      );
    },
    TIMEOUT,
  );
});
