/**
 * Property tests over the YAML and CSV readers and every command, run in-process. Whatever the
 * input: an exit of 0, 1 or 2, no stack trace, and no `NaN`, `undefined` or `[object Object]`
 * in what the user sees. The suite runs a few dozen cases per property; `npm run fuzz` runs many
 * (FUZZ_RUNS, default 10000) and FUZZ_SEED replays a failure.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAccountsText } from '../../src/config/accounts-file.js';
import { loadOrgText } from '../../src/config/load.js';
import { locateDiagnostics } from '../../src/config/locate.js';
import { tempDir } from '../helpers/files.js';
import { runCli } from '../helpers/io.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const options = { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) };
const LONG = Math.max(20_000, RUNS * 300);

/** What must never reach a user. The alphabet below cannot spell these words by chance. */
const BROKEN = /NaN|undefined|\[object Object\]|\n\s+at .+:\d+:\d+|internal error/;

/** Characters that stress parsers, without N, d or j (so the words above never appear by chance). */
const ALPHABET = [
  ...'abcefghiklmnopqrstvwxyzABCEFGHIKLMOPQRSTUVWXYZ0123456789',
  ...' \t\n\r:#&*!|>-%@,.;"\'[]{}()?$€£¥_=+/\\<~`^',
  'é',
  '日',
  '\u{1F600}',
  '\u202e',
  '\u0000',
  '\u001b',
  '\u00a0',
  '\ufeff',
];
const text = (maxLength: number) => fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength });

const KEYS = [
  'version',
  'company',
  'name',
  'as_of',
  'motion',
  'accounts',
  'team',
  'id',
  'arr',
  'owner',
  'role',
  'reports_to',
  'policy',
  'rules',
  'file',
  'columns',
  'preset',
  'date_order',
  'account_groups',
  'count',
  'arr_each',
  'arr_total',
  'segment',
  'health',
  'renewal_date',
  'growth',
];
const VALUES = [
  '1',
  '007',
  '1e6',
  '0x10',
  '-5',
  '10.5',
  '1200000',
  '"x"',
  "'y'",
  '[a, b]',
  '{a: 1}',
  '&a x',
  '*a',
  '!!str 1',
  '!custom x',
  '|',
  '>-',
  '~',
  'null',
  'true',
  '2026-02-30',
  '2027-03-31',
  'csm',
  'vp-cs',
  'dana',
  'a.csv',
  'salesforce',
  'month-first',
  '- ',
  '[',
  '{',
];

const yamlLine = fc.tuple(
  fc.constantFrom('', '  ', '    ', '      ', '\t', ' ', '  - ', '- ', '  \t'),
  fc.oneof(fc.constantFrom(...KEYS), text(8)),
  fc.constantFrom(': ', ':', ' - ', ': ', ''),
  fc.oneof(fc.constantFrom(...VALUES), text(12)),
);
const VALID_HEAD =
  'version: 1\ncompany:\n  name: Fuzz\n  as_of: 2026-11-23\nteam:\n  - { id: dana, role: csm }\n';
const yamlText = fc
  .tuple(
    fc.boolean(),
    fc.array(
      yamlLine.map((parts) => parts.join('')),
      { maxLength: 25 },
    ),
  )
  .map(([head, lines]) => `${head ? VALID_HEAD : ''}${lines.join('\n')}\n`);

const HEADERS = ['id', 'arr', 'owner', 'name', 'health', 'renewal_date', 'segment', 'ARR__c'];
const CELLS = [
  '1,250,000',
  '$1.2M',
  'USD 5',
  '1e6',
  '1.25E+06',
  '3/4/2027',
  '31/12/2027',
  '2027-02-30',
  'yes',
  '"quoted, cell"',
  '"a ""b"""',
  'dana',
  'Dana Scully <dana@acme.io>',
  '',
  '-5',
  '(100)',
];
const csvText = fc
  .tuple(
    fc.array(fc.oneof(fc.constantFrom(...HEADERS), text(6)), { minLength: 1, maxLength: 6 }),
    fc.array(fc.array(fc.oneof(fc.constantFrom(...CELLS), text(10)), { maxLength: 7 }), {
      maxLength: 12,
    }),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([head, rows, eol]) => [head, ...rows].map((row) => row.join(',')).join(eol) + eol);

function expectClean(texts: string[]): void {
  for (const t of texts) expect(t).not.toMatch(BROKEN);
}

describe('fuzz: readers', () => {
  it(
    'the YAML reader returns diagnostics, never throws, never prints broken values',
    async () => {
      await fc.assert(
        fc.asyncProperty(yamlText, async (yaml) => {
          const result = await loadOrgText(yaml, 'org.yaml', { today: '2026-11-23' });
          const located = locateDiagnostics(result.diagnostics, result.locate);
          expectClean(located.map((d) => `${d.rule} ${d.message}`));
          for (const d of located) expect(Number.isInteger(d.line ?? 1)).toBe(true);
        }),
        options,
      );
    },
    LONG,
  );

  it(
    'the CSV reader returns diagnostics, never throws, never prints broken values',
    async () => {
      await fc.assert(
        fc.asyncProperty(csvText, async (csv) => {
          const result = await parseAccountsText(
            csv,
            { file: 'a.csv' },
            { file: 'a.csv', format: 'csv', team: [] },
          );
          const located = locateDiagnostics(result.diagnostics, result.locate);
          expectClean(located.map((d) => `${d.rule} ${d.message}`));
          for (const account of result.accounts)
            expect(Number.isSafeInteger(account.arr)).toBe(true);
        }),
        options,
      );
    },
    LONG,
  );
});

const FORMAT = fc.constantFrom('text', 'json', 'markdown', 'github', 'mermaid', 'xml');
const COMMANDS: fc.Arbitrary<string[]>[] = [
  FORMAT.map((f) => ['check', 'org.yaml', '--format', f]),
  FORMAT.map((f) => ['recommend', 'org.yaml', '--format', f]),
  FORMAT.map((f) => ['recommend', 'csv.yaml', '--format', f]),
  fc.constant(['check', 'org.yaml', 'csv.yaml', '--fail-on', 'warning']),
  fc.constant(['diff', 'org.yaml', 'csv.yaml']),
  fc.constant(['diff', 'csv.yaml', 'org.yaml', '--format', 'json']),
  fc.constant(['import', 'a.csv']),
  fc.constant(['import', 'a.csv', '--org', 'org.yaml']),
  fc.constant(['import', 'a.csv', '--org', 'csv.yaml', '--format', 'json']),
  text(12).map((rule) => ['explain', rule]),
  text(12).map((rule) => ['check', 'org.yaml', '--rule', rule]),
  text(10).map((date) => ['recommend', 'org.yaml', '--as-of', date]),
  fc.constant(['rules', '--format', 'markdown']),
  fc.constant(['schema']),
];

describe('fuzz: every command in-process', () => {
  it(
    'exits 0, 1 or 2 with clean output',
    async () => {
      const cwd = await tempDir();
      await fc.assert(
        fc.asyncProperty(yamlText, csvText, fc.oneof(...COMMANDS), async (yaml, csv, argv) => {
          await writeFile(join(cwd, 'org.yaml'), yaml);
          await writeFile(join(cwd, 'a.csv'), csv);
          await writeFile(join(cwd, 'csv.yaml'), `${VALID_HEAD}accounts:\n  file: a.csv\n`);
          const run = await runCli(argv, { cwd, env: { CSPLAN_DEBUG: '1' } });
          expect([0, 1, 2], `${argv.join(' ')}\n${run.stderr}`).toContain(run.code);
          expectClean([run.stdout, run.stderr]);
        }),
        options,
      );
    },
    LONG,
  );
});
