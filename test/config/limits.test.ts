/**
 * Issue 22: every bound csplan puts on a file is in the manual's Limits table with its number,
 * and every bound of the org file's schema holds at its edge: the limit itself is accepted, the
 * next value is refused with `invalid-value` on the line that asks for it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGrowth, parseMonths } from '../../src/cli/commands/timeline.js';
import { UsageError } from '../../src/cli/exit-codes.js';
import { MAX_ACCOUNTS_FILE_BYTES } from '../../src/config/accounts-file.js';
import { MAX_DIAGNOSTICS_PER_COLUMN } from '../../src/config/csv/read-csv.js';
import { loadOrgText, MAX_YAML_BYTES } from '../../src/config/load.js';
import { locateDiagnostics } from '../../src/config/locate.js';
import { MAX_YAML_ALIASES, MAX_YAML_DEPTH } from '../../src/config/yaml-parse.js';
import { MAX_SUGGEST_LENGTH, MAX_SUGGESTED_WORDS } from '../../src/core/did-you-mean.js';
import * as limits from '../../src/core/limits.js';
import { formatCount } from '../../src/core/money.js';
import { MAX_MONTHS } from '../../src/core/timeline/simulate.js';

const HEAD = 'version: 1\ncompany:\n  name: A\n  as_of: 2026-11-23\n';
const MIB = 1024 * 1024;

/** The rows of the table under "### Limits" in docs/org-file.md: [what, limit, past it]. */
function limitsTable(): string[][] {
  const manual = readFileSync('docs/org-file.md', 'utf8');
  const section = manual.slice(manual.indexOf('### Limits'));
  return section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| ---'))
    .slice(1)
    .map((line) =>
      line
        .slice(2, -2)
        .split(' | ')
        .map((cell) => cell.trim()),
    );
}

describe('the manual lists every bound with its number', () => {
  // Each bound: words of the row that names it, and the limit that row must show.
  const documented: Record<string, [string, string]> = {
    MAX_YAML_BYTES: ['Org file size', `${MAX_YAML_BYTES / MIB} MiB`],
    MAX_ACCOUNTS_FILE_BYTES: ['Accounts file size', `${MAX_ACCOUNTS_FILE_BYTES / MIB} MiB`],
    MAX_TEAM_FILE_BYTES: ['HR roster size', `${limits.MAX_TEAM_FILE_BYTES / MIB} MiB`],
    MAX_ACCOUNTS: ['Accounts in one CRM export', formatCount(limits.MAX_ACCOUNTS)],
    MAX_CSM_FTE_NEEDED: ['CSM FTE the plan needs', formatCount(limits.MAX_CSM_FTE_NEEDED)],
    MAX_YAML_DEPTH: ['YAML nesting', `${MAX_YAML_DEPTH} levels`],
    MAX_YAML_ALIASES: ['YAML aliases', String(MAX_YAML_ALIASES)],
    MAX_NEW_CUSTOMERS_PER_MONTH: [
      '`growth.new_customers_per_month`',
      formatCount(limits.MAX_NEW_CUSTOMERS_PER_MONTH),
    ],
    MAX_CUSTOMER_GROWTH_PCT_PER_MONTH: [
      '`growth.customer_growth_pct_per_month`',
      `${limits.MAX_CUSTOMER_GROWTH_PCT_PER_MONTH} (%)`,
    ],
    MAX_PROJECTED_GROWTH: ['Customers the growth adds', formatCount(limits.MAX_PROJECTED_GROWTH)],
    MAX_RAMP_WEEKS: ['`policy.hiring.ramp_weeks`', `${limits.MAX_RAMP_WEEKS} weeks`],
    MAX_HANDOVER_WEEKS: ['`policy.handover_weeks`', `${limits.MAX_HANDOVER_WEEKS} weeks`],
    MIN_FTE: ['`fte`', `${limits.MIN_FTE} to 1`],
    MIN_FACTOR: ['`complexity_factors`', `${limits.MIN_FACTOR} to ${limits.MAX_FACTOR}`],
    MAX_FACTOR: ['Load uplifts', `0 to ${limits.MAX_FACTOR}`],
    MIN_ARR_PER_CSM: ['`arr_per_csm`', `$${limits.MIN_ARR_PER_CSM / 1000}k to $1 trillion`],
    PLAN_YEARS: [
      'Plan dates',
      `${limits.PLAN_YEARS.first}-01-01 to ${limits.PLAN_YEARS.last}-12-31`,
    ],
    MAX_MONTHS: ['`timeline --months`', String(MAX_MONTHS)],
    MAX_SUGGEST_LENGTH: ['Did-you-mean', `words up to ${MAX_SUGGEST_LENGTH} characters`],
    MAX_SUGGESTED_WORDS: ['Did-you-mean', `${MAX_SUGGESTED_WORDS} different words per list`],
    MAX_DIAGNOSTICS_PER_COLUMN: [
      'Errors of one kind in one CSV column',
      `${MAX_DIAGNOSTICS_PER_COLUMN} listed`,
    ],
  };

  it.each(Object.entries(documented))('%s', (_name, [what, limit]) => {
    const row = limitsTable().find(
      ([name, shown]) => name?.includes(what) && shown?.includes(limit),
    );
    expect(row, `a row naming ${what} with ${limit}`).toBeDefined();
  });

  it('every bound of src/core/limits.ts is among them', () => {
    expect(Object.keys(limits).filter((name) => !(name in documented))).toEqual([]);
  });

  it('the CSM FTE limit says that timeline --growth is held to it too', () => {
    const row = limitsTable().find(([name]) => name?.startsWith('CSM FTE the plan needs'));
    expect(row?.[2]).toContain('`timeline --growth` past it: exit 2');
  });
});

describe('every bound of the schema: the limit is accepted, the next value refused there', () => {
  // [what, file with V where the value goes, the limit, the first value past it, line of V]
  const edges: [string, string, string, string, number][] = [
    ['new_customers_per_month', 'growth:\n  new_customers_per_month: V\n', '10000', '10001', 6],
    ['new_customers_12m (12 x 10,000)', 'growth:\n  new_customers_12m: V\n', '120000', '120001', 6],
    [
      'customer_growth_pct_per_month',
      'growth:\n  customer_growth_pct_per_month: V\n',
      '100',
      '101',
      6,
    ],
    ['arr_growth_pct_12m, up', 'growth:\n  arr_growth_pct_12m: V\n', '10000', '10001', 6],
    ['arr_growth_pct_12m, down', 'growth:\n  arr_growth_pct_12m: V\n', '-100', '-101', 6],
    ['expansion_pct_12m', 'growth:\n  expansion_pct_12m: V\n', '10000', '10001', 6],
    ['new_csm_hires_12m', 'growth:\n  new_csm_hires_12m: V\n', '200000', '200001', 6],
    [
      'ramp until_week',
      'policy:\n  ramp:\n    - { until_week: V, capacity: 0.5 }\n',
      '104',
      '105',
      7,
    ],
    ['hiring.ramp_weeks', 'policy:\n  hiring:\n    ramp_weeks: V\n', '104', '105', 7],
    ['hiring.lead_days', 'policy:\n  hiring:\n    lead_days: V\n', '3650', '3651', 7],
    ['hiring.attrition_pct_12m', 'policy:\n  hiring:\n    attrition_pct_12m: V\n', '100', '101', 7],
    ['handover_weeks', 'policy:\n  handover_weeks: V\n', '26', '27', 6],
    ['fte, least', 'team:\n  - { id: dana, role: csm, fte: V }\n', '0.05', '0.04', 6],
    ['fte, most', 'team:\n  - { id: dana, role: csm, fte: V }\n', '1', '1.01', 6],
    ['complexity factor, least', 'policy:\n  complexity_factors:\n    high: V\n', '0.1', '0.09', 7],
    ['complexity factor, most', 'policy:\n  complexity_factors:\n    high: V\n', '10', '10.01', 7],
    ['uplift', 'policy:\n  load_drivers:\n    regulated_uplift: V\n', '10', '10.01', 7],
    [
      'accounts_per_csm',
      'policy:\n  segments:\n    smb:\n      accounts_per_csm: { min: 1, max: V }\n',
      '10000000',
      '10000001',
      8,
    ],
    [
      'arr_per_csm',
      'policy:\n  segments:\n    smb:\n      arr_per_csm: { min: V, max: 2000000 }\n',
      '10000',
      '9999',
      8,
    ],
    ['money', 'accounts:\n  - { id: a, arr: V }\n', '1000000000000', '1000000000001', 6],
    [
      'whole-number count',
      'policy:\n  load_drivers:\n    many_stakeholders: V\n',
      '10000000',
      '10000001',
      7,
    ],
  ];

  const refusedAt = async (text: string) => {
    const loaded = await loadOrgText(text, 'org.yaml', { today: '2026-11-23' });
    return locateDiagnostics(loaded.diagnostics, loaded.locate)
      .filter((d) => d.rule === 'invalid-value')
      .map((d) => d.line);
  };

  it.each(edges)('%s', async (_what, file, limit, past, line) => {
    // Other problems (growth-too-large at 10,000 a month) may come with the limit; not this one.
    expect(await refusedAt(HEAD + file.replace('V', limit))).toEqual([]);
    expect(await refusedAt(HEAD + file.replace('V', past))).toEqual([line]);
  });

  it.each([
    ['2999-12-31', '3000-01-01'],
    ['1970-01-01', '1969-12-31'],
  ])('plan dates: %s is accepted, %s refused', async (limit, past) => {
    expect(await refusedAt(HEAD.replace('2026-11-23', limit))).toEqual([]);
    expect(await refusedAt(HEAD.replace('2026-11-23', past))).toEqual([4]);
  });
});

describe('the bounds that are not the schema, at their edge', () => {
  const rules = async (text: string) =>
    (await loadOrgText(text, 'org.yaml', { today: '2026-11-23' })).diagnostics.map((d) => d.rule);

  it('a YAML key of 1,024 characters is read (as an unknown key); 1,025 is a syntax error', async () => {
    const key = (length: number) => `${HEAD}${'k'.repeat(length)}: 1\n`;
    expect(await rules(key(1024))).toEqual(['unknown-key']);
    expect(await rules(key(1025))).toContain('yaml-syntax');
  });

  it(`timeline --months up to ${MAX_MONTHS}, --growth up to 100x`, () => {
    expect(parseMonths(String(MAX_MONTHS))).toBe(MAX_MONTHS);
    expect(() => parseMonths(String(MAX_MONTHS + 1))).toThrow(UsageError);
    expect(parseGrowth('100x')).toBe(100);
    expect(() => parseGrowth('100.5x')).toThrow(UsageError);
  });
});
