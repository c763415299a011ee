import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mappedValue } from '../../src/config/csv/values.js';
import { loadOrgFile } from '../../src/config/load.js';
import { locateDiagnostics } from '../../src/config/locate.js';
import type { Diagnostic } from '../../src/core/model.js';
import { groupedLines } from '../../src/render/diagnostics.js';
import { runCli } from '../helpers/io.js';

const fixtures = fileURLToPath(new URL('../fixtures/crm/', import.meta.url));

/**
 * messy.csv: 7 rows. Segment holds Commercial (4 rows: A001, A003, A005, A007), SMB, Enterprise
 * and Mid Market (csplan's own values in CRM spelling); Health holds scores 1-10; two ARR cells
 * are blank (A003, A006); Walter Skinner (3 rows) is not on the team.
 */
describe('a CRM export with its own vocabulary', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'csplan-crm-'));
    await copyFile(join(fixtures, 'messy.csv'), join(dir, 'messy.csv'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function load(accounts: string, options: { skipInvalid?: boolean } = {}) {
    const text = (await readFile(join(fixtures, 'messy.yaml'), 'utf8')).replace(
      'accounts: { file: messy.csv, preset: salesforce }',
      accounts,
    );
    await writeFile(join(dir, 'org.yaml'), text);
    const result = await loadOrgFile(join(dir, 'org.yaml'), { today: '2026-11-23', ...options });
    return { ...result, diagnostics: locateDiagnostics(result.diagnostics, result.locate) };
  }

  it('leaves a column of foreign values unread with one warning per column, not one error per row', async () => {
    const { diagnostics } = await load('accounts: { file: messy.csv, preset: salesforce }');
    const foreign = diagnostics.filter((d) => d.rule === 'csv-foreign-values');
    expect(foreign.map((d) => [d.severity, d.line])).toEqual([
      ['warning', 2],
      ['warning', 2],
    ]);
    // Health: all 7 cells are numbers (2, 3, 5, 6, 7, 8, 9 once each); the fix maps a range.
    expect(foreign[0]?.message).toContain('health (column "Health"): 7 rows');
    expect(foreign[0]?.message).toContain(
      '"2" (1), "3" (1), "5" (1), "6" (1), "7" (1) and 2 other values',
    );
    expect(foreign[0]?.message).toContain('--values "health.7-10=green"');
    expect(foreign[1]?.message).toContain(
      'segment (column "Segment"): 4 rows hold values that are not csplan\'s segment',
    );
    expect(foreign[1]?.message).toContain('"Commercial" (4) (lines 2, 4, 6, ...)');
    expect(foreign[1]?.message).toContain('columns: { segment: "" }');
  });

  it('maps values through accounts.values (any case, number ranges), after the common spellings', async () => {
    const { org, diagnostics } = await load(
      [
        'accounts:',
        '  file: messy.csv',
        '  preset: salesforce',
        '  on_error: skip',
        '  values:',
        '    segment: { commercial: mid-market }',
        '    health: { "1-3": red, "4-6": yellow, "7-10": green }',
      ].join('\n'),
    );
    expect(diagnostics.filter((d) => d.rule === 'csv-foreign-values')).toEqual([]);
    // A003 and A006 have no ARR and are skipped; the five others are read.
    expect(org?.accounts.map((a) => [a.id, a.segment, a.health])).toEqual([
      ['A001', 'mid-market', 'green'],
      ['A002', 'smb', 'red'],
      ['A004', 'enterprise', 'green'],
      ['A005', 'mid-market', 'red'],
      ['A007', 'mid-market', 'yellow'],
    ]);
  });

  it('with on_error: skip plans without the invalid rows and lists each; without it nothing is planned', async () => {
    const failing = await load('accounts: { file: messy.csv, preset: salesforce }');
    expect(failing.org).toBeUndefined();
    const skipped = await load('accounts: { file: messy.csv, preset: salesforce, on_error: skip }');
    expect(skipped.org?.accounts.map((a) => a.id)).toEqual([
      'A001',
      'A002',
      'A004',
      'A005',
      'A007',
    ]);
    const rows = skipped.diagnostics.filter((d) => d.skipped);
    expect(rows.map((d) => [d.rule, d.severity, d.line])).toEqual([
      ['csv-missing-value', 'error', 4],
      ['csv-missing-value', 'error', 7],
    ]);
    expect(rows[0]?.message).toContain('(row left out of the plan)');
    // --skip-invalid does the same for a file that does not say on_error.
    const flag = await load('accounts: { file: messy.csv, preset: salesforce }', {
      skipInvalid: true,
    });
    expect(flag.org?.accounts).toHaveLength(5);
  });
});

describe('values and grouping helpers', () => {
  it('reads common CRM spellings without a table and a table wins over them', () => {
    expect(mappedValue('segment', 'Mid Market', undefined)).toBe('mid-market');
    expect(mappedValue('health', 'At Risk', undefined)).toBe('yellow');
    expect(mappedValue('segment', 'Commercial', undefined)).toBeUndefined();
    expect(mappedValue('segment', 'MM', { mm: 'smb' })).toBe('smb');
    expect(mappedValue('health', '6.5', { '4-6': 'yellow', '6.5-10': 'green' })).toBe('green');
  });

  it('prints findings with one cause once, with the count and the first lines; others as they are', () => {
    const at = (line: number, owner: string, id: string): Diagnostic => ({
      rule: 'unknown-owner',
      severity: 'error',
      path: ['accounts-file', line],
      message: `Account "${id}" names owner "${owner}", who is not in team`,
      cause: `owner "${owner}" is not in team`,
      file: 'a.csv',
      line,
      column: 3,
    });
    const lines = groupedLines(
      [
        at(2, 'walter', 'a1'),
        at(3, 'jeff', 'a2'),
        ...[4, 5, 6, 7, 8, 9].map((n) => at(n, 'walter', `a${n}`)),
      ],
      { color: false, file: 'org.yaml' },
    );
    expect(lines).toEqual([
      'a.csv:2:3 error unknown-owner owner "walter" is not in team (7 times: lines 2, 4, 5, 6, 7 and 2 more)',
      'a.csv:3:3 error unknown-owner Account "a2" names owner "jeff", who is not in team',
    ]);
  });
});

describe('check and on_error: skip', () => {
  it('still fails on skipped rows, unless run with --skip-invalid (then they are warnings)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'csplan-skip-'));
    try {
      await copyFile(join(fixtures, 'messy.csv'), join(dir, 'messy.csv'));
      const org = (await readFile(join(fixtures, 'messy.yaml'), 'utf8'))
        .replace('preset: salesforce }', 'preset: salesforce, on_error: skip }')
        .concat('  - { id: walter, name: Walter Skinner, role: csm, reports_to: kate }\n');
      await writeFile(join(dir, 'org.yaml'), org);
      const gate = await runCli(['check', 'org.yaml', '--format', 'json'], { cwd: dir });
      expect(gate.code).toBe(1);
      const told = await runCli(['check', 'org.yaml', '--skip-invalid', '--format', 'json'], {
        cwd: dir,
      });
      expect(told.code).toBe(0);
      const findings = JSON.parse(told.stdout).results[0].findings;
      expect(
        findings
          .filter((f: { rule: string }) => f.rule === 'csv-missing-value')
          .map((f: { severity: string; line: number }) => [f.severity, f.line]),
      ).toEqual([
        ['warning', 4],
        ['warning', 7],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('import --skip-invalid', () => {
  it('lists the rows it leaves out as warnings and counts them, not as errors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'csplan-skip-import-'));
    try {
      await copyFile(join(fixtures, 'messy.csv'), join(dir, 'messy.csv'));
      // Walter on the team: the two blank ARR cells (A003 line 4, A006 line 7) are the only problems.
      const org = (await readFile(join(fixtures, 'messy.yaml'), 'utf8'))
        .replace('accounts: { file: messy.csv, preset: salesforce }\n', '')
        .concat('  - { id: walter, name: Walter Skinner, role: csm, reports_to: kate }\n');
      await writeFile(join(dir, 'org.yaml'), org);
      const run = await runCli(
        ['import', 'messy.csv', '--org', 'org.yaml', '--skip-invalid', '--write'],
        { cwd: dir, env: { COLUMNS: '400' } },
      );
      expect(run.code).toBe(0);
      // 7 rows, 2 left out: 5 accounts.
      expect(run.stdout).toContain(
        '5 accounts read, $605k ARR; 2 rows left out of the plan (on_error: skip)',
      );
      const lines = run.stderr.split('\n');
      // One cause, printed once with its count (JSON keeps both).
      const skipped = lines.filter((l) => l.includes(' csv-missing-value '));
      expect(skipped).toHaveLength(1);
      expect(skipped[0]).toMatch(
        /^messy\.csv:4:14 warning csv-missing-value .*\(2 times: lines 4, 7\)$/,
      );
      expect(lines.filter((l) => l.includes(' error '))).toEqual([]);
      // Two foreign-value columns (Segment, Health) and the two skipped rows.
      expect(lines).toContain('0 errors, 4 warnings; 2 rows left out of the plan');
      expect(run.stdout).toContain('Wrote org.yaml.');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
