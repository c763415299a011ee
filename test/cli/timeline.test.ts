/** `csplan timeline` end to end on the example files: the first lines answer the question. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/render/json.js';
import { runCli as runCliAt } from '../helpers/io.js';

/** These tests read whole lines: wide output (wrapping has tests of its own). */
const runCli = (argv: string[], overrides: Parameters<typeof runCliAt>[1] = {}) =>
  runCliAt(argv, { ...overrides, env: { COLUMNS: '300', ...(overrides.env ?? {}) } });

const FOUNDER = 'examples/timeline-founder.yaml';
const VP = 'examples/timeline-vp.yaml';

describe('csplan timeline: the founder (15 customers, 5 more a month)', () => {
  it('opens with when to open the first CSM req', async () => {
    const { code, stdout, stderr } = await runCli(['timeline', FOUNDER]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // One paragraph: the first req and when, then every req of the period.
    const [first, second] = stdout.split('\n');
    expect(first).toMatch(
      /^Open the first CSM req now \(2026-12-01\) for CSMs \(generalist, all segments\): it should have opened by 2026-09-07 to be ready by Jan 2027; the CSM starts about 2027-01-30 and is fully ramped by 2027-03-27\. 2 reqs in the next 12 months: 2 CSMs;/,
    );
    expect(second).toContain('First hire by about Jan 2027');
    expect(stdout).toContain('Hiring plan');
    // The second CSM: 80 customers in Jan 2028 (1.28 FTE) pass one CSM by more than a quarter
    // FTE, so the req opens 60 + 56 days before.
    expect(stdout).toContain('2027-09-07');
  });

  it('24 months show the Specialization stage arriving', async () => {
    const { stdout } = await runCli(['timeline', FOUNDER, '--months', '24']);
    expect(stdout).toContain('Specialization by about May 2028');
  });

  it('JSON: months one row a month and hires with ISO dates', async () => {
    const { code, stdout } = await runCli(['timeline', FOUNDER, '--format', 'json']);
    expect(code).toBe(0);
    const body = JSON.parse(stdout);
    expect(body).toMatchObject({
      schemaVersion: 2,
      kind: 'timeline',
      horizonMonths: 12,
      overshootFte: 0.25,
    });
    expect(body.months).toHaveLength(12);
    expect(body.months[0]).toMatchObject({ month: '2026-12', date: '2026-12-01', customers: 15 });
    expect(body.hires[1]).toEqual({
      id: 'csm-2',
      role: 'csm',
      segment: 'smb',
      team: 'CSMs (generalist, all segments)',
      openBy: '2027-09-07',
      start: '2027-11-06',
      rampedBy: '2028-01-01',
      month: '2028-01',
      idealOpenBy: '2027-09-07',
      neededBy: '2028-01-01',
      delay: null,
      backfillFor: null,
      backfillLeaving: null,
      reason: expect.stringContaining('1.3 FTE of work by Jan 2028 for 1 FTE of CSMs'),
    });
    for (const hire of body.hires) {
      for (const key of ['openBy', 'start', 'rampedBy']) {
        expect(hire[key]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it('CSV: a header and one row a month, plain numbers', async () => {
    const { stdout } = await runCli(['timeline', FOUNDER, '--format', 'csv']);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'month,date,stage,customers,arr,csms_in_seat,headcount,csm_fte_needed,csm_capacity,peak_load,reqs_opened,hires_starting,roles_starting,expected_leavers,cost',
    );
    expect(lines).toHaveLength(13);
    // Jan 2027: the CSM starts on the 30th, two days at $110k a year.
    expect(lines[2]).toBe(
      '2027-01,2027-01-01,first-hire,20.00,400000,0,0,0.32,0.00,,0,1,csm,0.00,603',
    );
  });
});

describe('csplan timeline: the VP (300 customers, four quarters, with and without a freeze)', () => {
  it('the base plan', async () => {
    const { code, stdout } = await runCli(['timeline', VP]);
    expect(code).toBe(0);
    // bea alone carries SMB: 1 x (1 - 2.6% attrition allowance) = 0.974 FTE. The SMB work
    // reaches 1.27 FTE in Oct 2027 (shown as 1.3: 0.33 over, more than the quarter FTE a team
    // absorbs; Sep has 1.24, shown as 1.2). Ramped by 2027-10-04: start 56 days before, req 60
    // days before that.
    expect(stdout.split('\n')[0]).toMatch(
      /^Open the next CSM req by 2027-06-10 for SMB CSMs: the CSM starts about 2027-08-09 and is fully ramped by 2027-10-04, in time for Oct 2027\. 3 reqs in the next 12 months: 2 CSMs, 1 CS Manager;/,
    );
    expect(stdout).toContain('Q4 Oct 2027 - Dec 2027');
    expect(stdout).toContain('Cost/ARR');
  });

  it('the freeze scenario says the freeze pushes a team over target', async () => {
    const { stdout } = await runCli(['timeline', VP, '--scenario', 'hiring-freeze']);
    expect(stdout.split('\n')[0]).toMatch(
      /^Open the next CSM req for SMB CSMs on 2027-09-01, when the freeze ends: it is needed by Oct 2027; the CSM starts about 2027-10-31 and is fully ramped by 2027-12-26\. /,
    );
    // Nov 2027: 1.30 FTE of SMB work on 0.974 (the new CSM in week 1): 134% of target books.
    expect(stdout).toMatch(
      /Warning: SMB CSMs over target Oct 2027 to Nov 2027 \(up to 134% of target books\): the hiring freeze until 2027-09-01 holds the reqs/,
    );
  });

  it('--freeze-until does the same from the command line', async () => {
    const flag = await runCli(['timeline', VP, '--freeze-until', '2027-09-01', '-f', 'json']);
    const scenario = await runCli(['timeline', VP, '--scenario', 'hiring-freeze', '-f', 'json']);
    expect(JSON.parse(flag.stdout).hires).toEqual(JSON.parse(scenario.stdout).hires);
  });

  it('--compare puts the scenarios side by side per quarter', async () => {
    const { code, stdout } = await runCli(['timeline', VP, '--compare', '-f', 'json']);
    expect(code).toBe(0);
    const body = JSON.parse(stdout);
    expect(body.scenarios).toEqual(['base', 'aggressive', 'hiring-freeze']);
    expect(body.quarters).toHaveLength(4);
    const q2 = body.quarters[1].scenarios;
    // The base opens the SMB req in June (Q2); the freeze holds it to September.
    expect(q2.find((s: { name: string }) => s.name === 'hiring-freeze').reqsOpened).toBe(0);
    expect(q2.find((s: { name: string }) => s.name === 'base').reqsOpened).toBe(1);
    const text = await runCli(['timeline', VP, '--compare']);
    expect(text.stdout.split('\n')[0]).toBe(
      'examples/timeline-vp.yaml: base vs aggressive vs hiring-freeze, by quarter',
    );
  });

  it('--compare as CSV: one row per quarter and scenario', async () => {
    const { stdout } = await runCli(['timeline', VP, '--compare', '-f', 'csv']);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'quarter,from,until,scenario,reqs_opened,hires_starting,headcount,cost,peak_load',
    );
    expect(lines).toHaveLength(1 + 4 * 3);
    expect(lines[3]).toMatch(/^Q1,2027-01-04,2027-04-04,hiring-freeze,0,0,13,/);
  });

  it('--growth 2x doubles the new customers', async () => {
    const one = JSON.parse((await runCli(['timeline', FOUNDER, '-f', 'json'])).stdout);
    const two = JSON.parse(
      (await runCli(['timeline', FOUNDER, '-f', 'json', '--growth', '2x'])).stdout,
    );
    expect(one.months[2].customers).toBe(25);
    expect(two.months[2].customers).toBe(35);
    expect(two.growthFactor).toBe(2);
  });

  it('markdown carries a gantt chart', async () => {
    const { stdout } = await runCli(['timeline', VP, '-f', 'markdown']);
    expect(stdout).toContain('```mermaid\ngantt\n');
  });
});

describe('csplan timeline: --compare without scenarios', () => {
  it('runs the base alone and says how to add scenarios', async () => {
    const { code, stdout, stderr } = await runCli(['timeline', FOUNDER, '--compare']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('examples/timeline-founder.yaml: base, by quarter');
    expect(stderr).toContain('add a `scenarios:` section');
  });
});

describe('csplan timeline: bad input', () => {
  it.each([
    [['--months', '37'], '--months must be a whole number from 1 to 36 (got "37")'],
    [['--months', 'x'], '--months must be a whole number from 1 to 36 (got "x")'],
    [['--growth', 'double'], '--growth takes a multiplier such as 2x or 0.5x (got "double")'],
    [['--freeze-until', '2027-13-01'], '--freeze-until must be a date written YYYY-MM-DD'],
    [['--scenario', 'hiring-freez'], 'no scenario "hiring-freez" (did you mean "hiring-freeze"?)'],
    [['--scenario', 'base', '--compare'], '--compare runs every scenario: leave out --scenario'],
    [['-f', 'xml'], '--format must be one of text, json, markdown, csv'],
  ])('%j: exit 2', async (flags, message) => {
    const { code, stdout, stderr } = await runCli(['timeline', VP, ...flags]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  it('a missing file: exit 2', async () => {
    const { code, stderr } = await runCli(['timeline', 'no-such-file.yaml']);
    expect(code).toBe(2);
    expect(stderr).toContain('no-such-file.yaml');
  });

  it('a scenario with a bad policy: located at the scenario, exit 1, nothing on stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csplan-timeline-'));
    const file = join(dir, 'org.yaml');
    writeFileSync(
      file,
      [
        'version: 1',
        'company: { name: T, as_of: 2026-12-01 }',
        'scenarios:',
        '  tight:',
        '    policy:',
        '      segments: { smb: { accounts_per_csm: { min: 200, max: 100 } } }',
        '',
      ].join('\n'),
    );
    const { code, stdout, stderr } = await runCli(['timeline', file]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/org\.yaml:6:\d+ error invalid-policy/);
  });

  it('an unplannable file under --format json: the JSON findings recommend and check give', async () => {
    for (const command of ['timeline', 'recommend']) {
      const run = await runCli([command, 'test/fixtures/invalid/unknown-owner.yaml', '-f', 'json']);
      expect(run.code, command).toBe(1);
      expect(run.stderr, command).toBe('');
      expect(JSON.parse(run.stdout), command).toMatchObject({
        schemaVersion: SCHEMA_VERSION,
        valid: false,
        findings: [{ rule: 'unknown-owner', severity: 'error', line: 11 }],
      });
    }
    const compared = await runCli([
      'timeline',
      'test/fixtures/invalid/unknown-owner.yaml',
      '-f',
      'json',
      '--compare',
    ]);
    expect(compared.code).toBe(1);
    expect(JSON.parse(compared.stdout).findings).toHaveLength(1);
  });

  it('a growth figure out of range in a scenario: located, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csplan-timeline-'));
    const file = join(dir, 'org.yaml');
    writeFileSync(
      file,
      'version: 1\ncompany: { name: T, as_of: 2026-12-01 }\nscenarios:\n  bad:\n    growth: { churn_pct_12m: 140 }\n',
    );
    const { code, stderr } = await runCli(['timeline', file]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/org\.yaml:5:\d+ error invalid-value churn_pct_12m: more than 100%/);
  });
});
