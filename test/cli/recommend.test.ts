import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/io.js';

/** Matches an ANSI colour escape. */
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[`);

const EXAMPLES = [
  'founder',
  'first-csm',
  'growth',
  'scale',
  'salesforce/org',
  'rebalance',
] as const;

describe('csplan recommend on every example', () => {
  it.each(EXAMPLES)('%s: plans, exit 0, all report sections', async (name) => {
    const { code, stdout, stderr } = await runCli(['recommend', `examples/${name}.yaml`]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    for (const section of [
      'Stage:',
      'Segments and CSM capacity',
      'Structure:',
      'Recommended org chart',
      'Hiring gaps',
      'Findings',
    ]) {
      expect(stdout).toContain(section);
    }
    expect(stdout).not.toMatch(ANSI); // no colour when not a terminal
  });

  it.each([
    ['founder', 'founding', 'founder-led'],
    ['first-csm', 'first-hire', 'generalist'],
    ['growth', 'specialization', 'hybrid'],
    ['scale', 'scale', 'hybrid'],
    // 130 customers (100-499) and $7.4M ARR ($2M-$20M): specialization by both signals.
    ['salesforce/org', 'specialization', 'hybrid'],
  ] as const)('%s: stage %s, structure %s in the JSON contract', async (name, stage, model) => {
    const { code, stdout } = await runCli([
      'recommend',
      `examples/${name}.yaml`,
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.schemaVersion).toBe(4);
    expect(json.stage.id).toBe(stage);
    expect(json.structure.model).toBe(model);
    for (const segment of json.segments) {
      expect(Object.keys(segment)).toEqual(
        expect.arrayContaining([
          'id',
          'accounts',
          'arr',
          'coverage',
          'csmFteNeeded',
          'csmFteAvailable',
        ]),
      );
    }
    for (const gap of json.gaps)
      expect(Object.keys(gap)).toEqual(
        expect.arrayContaining(['role', 'segment', 'count', 'priority', 'reason']),
      );
    for (const f of json.findings)
      expect(Object.keys(f)).toEqual(
        expect.arrayContaining(['rule', 'severity', 'message', 'path', 'line', 'column']),
      );
  });

  it('growth: the flat team fails for the reasons a CS leader would name', async () => {
    const json = JSON.parse(
      (await runCli(['recommend', 'examples/growth.yaml', '-f', 'json'])).stdout,
    );
    const rules = json.findings.map((f: { rule: string }) => f.rule);
    expect(rules).toEqual(
      expect.arrayContaining([
        'span-of-control',
        'missing-cs-ops',
        'ramp-overload',
        'csm-overloaded',
      ]),
    );
    const ops = json.gaps.find((g: { role: string }) => g.role === 'cs-ops');
    expect(ops).toMatchObject({ priority: 'now', count: 1 });
    expect(ops.reason).toMatch(/^7 CSMs today, 8 in the target org, and no CS Ops/);
    const span = json.findings.find((f: { rule: string }) => f.rule === 'span-of-control');
    expect(span).toMatchObject({ path: 'team[1]', line: 23, column: 5 });
  });

  it('is deterministic: same input, same bytes', async () => {
    const a = await runCli(['recommend', 'examples/scale.yaml', '-f', 'json']);
    const b = await runCli(['recommend', 'examples/scale.yaml', '-f', 'json']);
    expect(a.stdout).toBe(b.stdout);
  });

  it('renders markdown with tables', async () => {
    const { code, stdout } = await runCli([
      'recommend',
      'examples/growth.yaml',
      '--format',
      'markdown',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Northwind Analytics: Customer Success plan/);
    expect(stdout).toContain('| Segment | Coverage | Accounts |');
    expect(stdout).toContain('## Hiring gaps');
  });

  it('draws the recommended org chart as a Mermaid flowchart, alone or inside markdown', async () => {
    const { code, stdout } = await runCli(['recommend', 'examples/scale.yaml', '-f', 'mermaid']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('flowchart TD');
    const nodes = lines.filter((line) => /^ {2}n\d+\["/.test(line));
    const edges = lines.filter((line) => / --> /.test(line));
    expect(edges).toHaveLength(nodes.length - 1); // a tree
    expect(nodes[0]).toBe('  n0["CEO"]');
    expect(stdout).toContain('["SMB CSMs x11"]');
    // scale.yaml's support team reports to the CEO, outside CS, and the diagram says so.
    expect(stdout).toContain('["Support (own escalation path) x2 (outside CS)"]');
    const markdown = await runCli(['recommend', 'examples/scale.yaml', '-f', 'markdown']);
    expect(markdown.stdout).toContain('```mermaid\nflowchart TD\n');
  });

  it('--as-of moves the plan date: the new CSM is out of the ramp by February', async () => {
    const { stdout } = await runCli([
      'recommend',
      'examples/growth.yaml',
      '-f',
      'json',
      '--as-of',
      '2027-02-01',
    ]);
    const json = JSON.parse(stdout);
    expect(json.company.asOf).toBe('2027-02-01');
    expect(json.findings.map((f: { rule: string }) => f.rule)).not.toContain('ramp-overload');
  });

  it('reads relative paths from the working folder it is given', async () => {
    const { code, stdout } = await runCli(['recommend', 'founder.yaml', '-f', 'json'], {
      cwd: `${process.cwd()}/examples`,
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).company.name).toBe('Brightline');
  });

  it('--rule overrides a severity', async () => {
    const { stdout } = await runCli([
      'recommend',
      'examples/growth.yaml',
      '-f',
      'json',
      '--rule',
      'span-of-control=off',
    ]);
    expect(JSON.parse(stdout).findings.map((f: { rule: string }) => f.rule)).not.toContain(
      'span-of-control',
    );
  });
});

describe('accounts from a CRM export', () => {
  it('plans an org whose accounts are a HubSpot export', async () => {
    const { code, stdout } = await runCli([
      'recommend',
      'test/fixtures/csv/hubspot-companies.yaml',
      '-f',
      'json',
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    // 7 companies; ARR 520,000 + 180,000 + 137,000 (two mid-market) + 8,500 + 6,000 (two self-serve).
    expect(json.stage).toMatchObject({ customers: 7, arr: 851_500 });
    expect(json.segments.map((s: { id: string; accounts: number }) => s.accounts)).toEqual([
      1, 1, 2, 1, 2,
    ]);
  });

  it('exits 1 with every bad cell located in the CSV itself', async () => {
    const { code, stderr } = await runCli(['recommend', 'test/fixtures/csv/broken.yaml']);
    expect(code).toBe(1);
    expect(stderr).toContain('test/fixtures/csv/broken.csv:3:15 error csv-bad-money');
    expect(stderr).toContain('test/fixtures/csv/broken.csv:9:37 error csv-ragged-row');
    expect(stderr).toContain('12 errors, 1 warning');
  });
});

describe('colour', () => {
  it('colours on a terminal, not under NO_COLOR, and FORCE_COLOR wins over NO_COLOR', async () => {
    const tty = await runCli(['recommend', 'examples/founder.yaml'], {
      stdoutIsTTY: true,
      columns: 120,
    });
    expect(tty.stdout).toMatch(ANSI);
    const noColor = await runCli(['recommend', 'examples/founder.yaml'], {
      stdoutIsTTY: true,
      env: { NO_COLOR: '1' },
    });
    expect(noColor.stdout).not.toMatch(ANSI);
    const forced = await runCli(['recommend', 'examples/founder.yaml'], {
      env: { NO_COLOR: '1', FORCE_COLOR: '1' },
    });
    expect(forced.stdout).toMatch(ANSI);
    const flag = await runCli(['recommend', 'examples/founder.yaml', '--no-color'], {
      stdoutIsTTY: true,
    });
    expect(flag.stdout).not.toMatch(ANSI);
  });

  it('never colours JSON', async () => {
    const { stdout } = await runCli([
      'recommend',
      'examples/founder.yaml',
      '-f',
      'json',
      '--color',
    ]);
    expect(stdout).not.toMatch(ANSI);
  });
});

describe('the target org in the report', () => {
  it('lists the moves before hiring, says how team loads are counted, and shows the headcount', async () => {
    const { code, stdout } = await runCli(['recommend', 'examples/growth.yaml'], {
      env: { COLUMNS: '300' },
    });
    expect(code).toBe(0);
    expect(stdout).toContain(
      'Moves before hiring\n  lee: Mid-Market CSMs -> Strategic + Enterprise CSMs',
    );
    expect(stdout).toContain('Team loads count each CSM whole in their team');
    expect(stdout).toMatch(/│ CSMs +│ +7 │ +- │ +- │ +\+1 │ +8 │/);
  });

  it.each([
    'examples/growth.yaml',
    'examples/timeline-founder.yaml',
    'examples/timeline-vp.yaml',
    'examples/founder.yaml',
  ])('opens with the same answer as csplan timeline, in text and markdown: %s', async (file) => {
    const report = (await runCli(['recommend', file])).stdout.split('\n');
    const timeline = (await runCli(['timeline', file])).stdout.split('\n');
    // Title, a blank line, then the answer; piped, it is one line.
    expect(report[2]).toBe(timeline[0]);
    expect(report[2]).toMatch(/^(Before any hire, move |Open the |No req to open )/);
    const md = (args: string[]) => runCli([...args, file, '-f', 'markdown']);
    const answer = (await md(['timeline'])).stdout.split('\n')[2] ?? '';
    expect(answer).toMatch(/^\*\*.+\*\*$/);
    expect((await md(['recommend'])).stdout.split('\n')).toContain(answer);
  });

  it('tells a founder with no req in the year what will call for the first CSM', async () => {
    // founder.yaml: 15 customers, $360k, no growth figures: below the first-hire stage (20
    // customers) all year, so no req; the first CSM comes at 20 customers.
    const { stdout } = await runCli(['recommend', 'examples/founder.yaml']);
    expect(stdout.split('\n')[2]).toBe(
      'No req to open in the next 12 months: the work stays below what calls for a first CSM, and the recommended org needs nobody new. Next hire: 1 CSM, at 20 customers, or once the named work reaches about half an FTE: the first CSM, a generalist; until then the founder owns CS (CS org design guide).',
    );
  });

  it('labels the founder\'s first CSM "late", as the answer says to open it now', async () => {
    // timeline-founder: the req should have opened by 2026-09-07 (as_of 2026-12-01), so late.
    const { stdout } = await runCli(['recommend', 'examples/timeline-founder.yaml']);
    expect(stdout.split('\n')[2]).toMatch(/^Open the first CSM req now \(2026-12-01\)/);
    // The hire is named by its job title: "1 x CSM, all segments (generalist)".
    expect(stdout).toMatch(/│ late +│ 1 x CSM, all segments \(generalist\) +│/);
    expect(stdout).not.toMatch(/│ next +│/);
  });

  it('"In 12 months" is the first year of csplan timeline: same reqs, same first req', async () => {
    // Piped without COLUMNS: nothing wraps.
    const env = {};
    const report = await runCli(['recommend', 'examples/growth.yaml'], { env });
    const timeline = await runCli(['timeline', 'examples/growth.yaml'], { env });
    const [answer] = timeline.stdout.split('\n');
    // timeline: "... 7 reqs in the next 12 months: 1 CS Ops Specialist, 4 CSMs, 2 CS Managers."
    const list = answer?.match(/(\d+ reqs?) in the next 12 months: ([^.;]+)/);
    expect(list).not.toBeNull();
    expect(report.stdout).toContain(`${list?.[1]} in the 12 months: ${list?.[2]}.`);
    // Both name the same first req and its date.
    const first = answer?.match(/Open the first (.+?) req now \((\d{4}-\d{2}-\d{2})\)/);
    expect(first).not.toBeNull();
    expect(report.stdout).toContain(
      `First, the ${first?.[1]} req: open now (${first?.[2]}; it is late)`,
    );
    const json = JSON.parse(
      (await runCli(['recommend', 'examples/growth.yaml', '-f', 'json'])).stdout,
    );
    const dated = JSON.parse(
      (await runCli(['timeline', 'examples/growth.yaml', '-f', 'json'])).stdout,
    );
    const reqCount = json.projection.reqs.reduce(
      (n: number, r: { count: number }) => n + r.count,
      0,
    );
    expect(reqCount).toBe(dated.hires.length);
    expect(json.projection.nextReq.openBy).toBe(dated.hires[0].openBy);
    expect(json.projection.customers).toBe(dated.end.customers);
  });

  it('"In 12 months" counts a leaver out, so a backfill refills the seat rather than adding a CSM', async () => {
    const report = await runCli(['recommend', 'examples/people-over-time.yaml'], { env: {} });
    // nina, ella, sam, theo and rui (planned) are 5 CSMs; ella leaves 2027-02-12, inside the year
    // to 2027-11-23; the one CSM req is her backfill: 5 - 1 + 1 = 5 CSMs at the end, not 6.
    expect(report.stdout).toContain(
      "5 CSMs in the file (1 leaving), 5 by 2027-11-23 with the plan's 1 CSM req.",
    );
    const json = JSON.parse(
      (await runCli(['recommend', 'examples/people-over-time.yaml', '-f', 'json'])).stdout,
    );
    expect(json.projection).toMatchObject({ csmsToday: 5, csmsLeaving: 1, csmsRecommended: 6 });
  });
});

describe('exit codes', () => {
  it('1 with located diagnostics on stderr for an invalid file', async () => {
    const { code, stdout, stderr } = await runCli(
      ['recommend', 'test/fixtures/invalid/unknown-owner.yaml'],
      { env: { COLUMNS: '300' } },
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      'test/fixtures/invalid/unknown-owner.yaml:11:12 error unknown-owner Account "globex" names owner "dan", who is not in team (did you mean "dana"?)',
    );
  });

  it('0 with the plan when the file loads and resolves, whatever its findings', async () => {
    // 20 of 25 named accounts unowned ($600k of $800k named ARR) and an unowned self-serve tail:
    // error findings for check, a plan for recommend. unowned-arr-share counts named ARR only:
    // $600k of $1.16M in all = 52%, located at the largest unowned account (n-1, the first of ties).
    const file = 'test/fixtures/recommend/unowned-first-csm.yaml';
    const { code, stdout } = await runCli(['recommend', file, '-f', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.stage.id).toBe('first-hire');
    expect(json.teams.map((t: { key: string }) => t.key)).toEqual(['generalist']);
    const unowned = json.findings.find((f: { rule: string }) => f.rule === 'unowned-arr-share');
    expect(unowned).toMatchObject({ severity: 'error', path: 'accounts[5]' });
    expect(unowned.message).toMatch(/^52% of ARR \(\$600k on 20 named-coverage accounts\)/);
    const checked = await runCli(['check', file]);
    expect(checked.code).toBe(1);
  });

  it('1 with a JSON body for an invalid file under --format json', async () => {
    const { code, stdout } = await runCli([
      'recommend',
      'test/fixtures/invalid/unknown-owner.yaml',
      '-f',
      'json',
    ]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({
      valid: false,
      findings: [{ rule: 'unknown-owner', line: 11 }],
    });
  });

  it.each([
    [['recommend', 'no/such/file.yaml'], 'no such file'],
    [
      ['recommend', 'examples/growth.yaml', '--format', 'yaml'],
      '--format must be one of text, json, markdown',
    ],
    [['recommend', 'examples/growth.yaml', '--as-of', '2026-13-01'], '--as-of must be a date'],
    [['recommend', 'examples/growth.yaml', '--rule', 'nope=off'], 'unknown rule "nope"'],
    [['recommend'], "missing required argument 'file'"],
    [['frobnicate'], "unknown command 'frobnicate'"],
    [[], 'Usage: csplan'],
  ])('2 for usage problems: %j', async (argv, message) => {
    const { code, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});

describe('the installed binary', () => {
  it('prints the version and plans an example as a subprocess', () => {
    const version = execFileSync('node', ['bin/csplan.js', '--version'], { encoding: 'utf8' });
    expect(version.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const run = spawnSync(
      'node',
      ['bin/csplan.js', 'recommend', 'examples/growth.yaml', '-f', 'json'],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).stage.id).toBe('specialization');
  });

  it('exits 1 without a stack trace on a broken file', () => {
    const run = spawnSync(
      'node',
      ['bin/csplan.js', 'recommend', 'test/fixtures/invalid/unknown-owner.yaml'],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
