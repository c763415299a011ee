import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaText } from '../../src/cli/commands/schema.js';
import { loadOrgText, MAX_YAML_BYTES } from '../../src/config/load.js';
import { locateDiagnostics } from '../../src/config/locate.js';

async function problems(text: string) {
  const result = await loadOrgText(text, 'org.yaml', { today: '2026-11-23' });
  return locateDiagnostics(result.diagnostics, result.locate).map((d) => ({
    rule: d.rule,
    line: d.line,
    column: d.column,
    message: d.message,
  }));
}

const HEAD = 'version: 1\ncompany:\n  name: Acme\n';

describe('loading bad org files: every problem located, with a rule id', () => {
  it.each([
    ['YAML syntax error', `${HEAD}accounts: [\n  - a\n`, 'yaml-syntax', 5],
    ['duplicate key', `${HEAD}  name: Again\n`, 'duplicate-key', 4],
    ['unknown top-level key', `${HEAD}acounts: []\n`, 'unknown-key', 4],
    ['unknown nested key', `${HEAD}  motinon: sales-led\n`, 'unknown-key', 4],
    [
      'wrong type',
      `${HEAD}accounts:\n  - { id: a, arr: 10, regulated: maybe }\n`,
      'invalid-value',
      5,
    ],
    ['money as "$1.2M"', `${HEAD}accounts:\n  - id: a\n    arr: $1.2M\n`, 'money-format', 6],
    ['money as 1,000,000', `${HEAD}accounts:\n  - id: a\n    arr: 1,000,000\n`, 'money-format', 6],
    ['money as 250_000', `${HEAD}accounts:\n  - id: a\n    arr: 250_000\n`, 'money-format', 6],
    ['negative money', `${HEAD}accounts:\n  - id: a\n    arr: -5\n`, 'invalid-value', 6],
    ['cents', `${HEAD}accounts:\n  - id: a\n    arr: 10.5\n`, 'invalid-value', 6],
    ['unknown role', `${HEAD}team:\n  - id: x\n    role: cmo\n`, 'unknown-role', 6],
    ['missing required field', `${HEAD}accounts:\n  - id: a\n`, 'missing-field', 5],
    ['missing company', 'version: 1\n', 'missing-field', 1],
    ['bad date', `${HEAD}  as_of: 2026-02-30\n`, 'invalid-value', 4],
    [
      'group with both ARR forms',
      `${HEAD}account_groups:\n  - { name: g, count: 2, arr_each: 1, arr_total: 2 }\n`,
      'invalid-value',
      5,
    ],
    [
      'a zero span of control',
      `${HEAD}policy:\n  span_of_control: { manager_max: 0 }\n`,
      'invalid-value',
      5,
    ],
    [
      'an empty account group',
      `${HEAD}account_groups:\n  - { name: g, count: 0, arr_total: 5 }\n`,
      'invalid-value',
      5,
    ],
    ['absurd money', `${HEAD}accounts:\n  - { id: a, arr: 1e20 }\n`, 'money-format', 5],
    [
      'ARR shrinking by more than 100%',
      `${HEAD}growth: { arr_growth_pct_12m: -250 }\n`,
      'invalid-value',
      4,
    ],
    ['unknown rule id', `${HEAD}rules:\n  span-of-contrl: warning\n`, 'unknown-rule', 5],
    [
      'incoherent policy',
      `${HEAD}policy:\n  segments:\n    enterprise:\n      accounts_per_csm: { min: 30, max: 20 }\n`,
      'invalid-policy',
      7,
    ],
  ])('%s -> %s at line %i', async (_name, text, rule, line) => {
    const found = await problems(text);
    expect(found).toContainEqual(expect.objectContaining({ rule, line }));
  });

  it('points at the key itself for an unknown key, with did-you-mean', async () => {
    const [first] = await problems(`${HEAD}accounts:\n  - id: a\n    arr: 1\n    ownr: x\n`);
    expect(first).toEqual({
      rule: 'unknown-key',
      line: 7,
      column: 5,
      message: 'unknown key "ownr" (did you mean "owner"?)',
    });
  });

  // policy, growth, scenarios, compensation, account groups and the accounts and team file
  // specs are built the first time a file uses them (schema.ts); their keys still suggest.
  it('suggests the key meant in every part of the file, however deep', async () => {
    const found = await problems(
      `${HEAD}policy:\n  segmnts: {}\n  hiring: { lead_dayz: 3 }\n  segments:\n    enterprise: { min_ar: 5 }\n` +
        'growth:\n  segments:\n    smb: { churn_pct_12: 5 }\n' +
        'scenarios:\n  slow:\n    policy: { healt_mix_max: 0.3 }\n' +
        'compensation:\n  csm: { base_pc: 50, variable_pct: 50 }\n' +
        'account_groups:\n  - { name: g, count: 2, arr_eahc: 3 }\n',
    );
    const fileSpecs = await problems(
      `${HEAD}accounts: { file: a.csv, preest: x }\nteam: { file: r.csv, presett: y }\n`,
    );
    const unknownKeys = (list: typeof found) =>
      list
        .filter((d) => d.rule === 'unknown-key')
        .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
        .map((d) => `${d.line}:${d.column} ${d.message}`);
    expect([...unknownKeys(found), ...unknownKeys(fileSpecs)]).toEqual([
      '5:3 unknown key "segmnts" (did you mean "segments"?)',
      '6:13 unknown key "lead_dayz" (did you mean "lead_days"?)',
      '8:19 unknown key "min_ar" (did you mean "min_arr"?)',
      '11:12 unknown key "churn_pct_12" (did you mean "churn_pct_12m"?)',
      '14:15 unknown key "healt_mix_max" (did you mean "health_mix_max"?)',
      '16:10 unknown key "base_pc" (did you mean "base_pct"?)',
      '18:26 unknown key "arr_eahc" (did you mean "arr_each"?)',
      '4:26 unknown key "preest" (did you mean "preset"?)',
      '5:22 unknown key "presett" (did you mean "preset"?)',
    ]);
  });

  it('reports all problems of a file at once', async () => {
    const found = await problems(
      `${HEAD}  motinon: x\naccounts:\n  - { id: a, arr: "$5k" }\n  - { id: b, arr: 1, owner: 3.5, helth: red }\nteam:\n  - { id: x, role: boss }\n`,
    );
    expect(found.map((d) => d.rule)).toEqual([
      'numeric-id',
      'unknown-key',
      'money-format',
      'unknown-key',
      'unknown-role',
    ]);
  });

  it('reports a malformed date once, and an empty list in plain words', async () => {
    const found = await problems(`${HEAD}  as_of: 2026-2-3\nteam:\n`);
    expect(found.map((d) => d.message)).toEqual([
      'as_of: expected a date written YYYY-MM-DD',
      'team: team is a list of people or { file: roster.csv }, found an empty value',
    ]);
  });

  it('reports a misspelt rule even while the schema has other errors', async () => {
    const found = await problems(`${HEAD}  motinon: x\nrules:\n  span-of-contrl: warning\n`);
    expect(found.map((d) => d.rule)).toEqual(['unknown-key', 'unknown-rule']);
  });

  it('never echoes the bad money value', async () => {
    const [found] = await problems(`${HEAD}accounts:\n  - { id: a, arr: "$987,654" }\n`);
    expect(found?.message).not.toContain('987');
  });

  it.each([
    ['empty file', '', 'empty-file'],
    ['only a comment', '# nothing\n', 'empty-file'],
    ['a top-level list', '- a\n- b\n', 'not-a-mapping'],
    ['a top-level scalar', 'hello\n', 'not-a-mapping'],
  ])('%s -> %s', async (_name, text, rule) => {
    expect((await problems(text)).map((d) => d.rule)).toEqual([rule]);
  });

  it('refuses an alias bomb quickly', async () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const started = performance.now();
    const found = await problems(`${levels.join('\n')}\n`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(found[0]?.rule).toBe('yaml-syntax');
    expect(found[0]?.message).toMatch(/aliases/);
  });

  it('survives 20,000-deep nesting without a crash', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const found = await problems(`${HEAD}policy: ${deep}\n`);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((d) => typeof d.rule === 'string')).toBe(true);
  });

  it('refuses a file over the size limit before parsing it', async () => {
    const big = `${HEAD}# ${'x'.repeat(MAX_YAML_BYTES)}\n`;
    const found = await problems(big);
    expect(found).toEqual([expect.objectContaining({ rule: 'file-too-large' })]);
    expect(found[0]?.message).toContain('CSV');
  });

  it('accepts a BOM and CRLF line endings', async () => {
    const result = await loadOrgText(
      `\ufeff${HEAD.replace(/\n/g, '\r\n')}accounts:\r\n  - { id: a, arr: 5 }\r\n`,
      'org.yaml',
      { today: '2026-11-23' },
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.org?.accounts[0]?.arr).toBe(5);
  });
});

describe('normalising', () => {
  it('takes as_of from --as-of, then the file, then today', async () => {
    const load = (text: string, asOf?: string) =>
      loadOrgText(text, 'o.yaml', { today: '2030-01-01', asOf });
    expect((await load(HEAD))?.org?.company.asOf).toBe('2030-01-01');
    expect((await load(`${HEAD}  as_of: 2026-05-01\n`))?.org?.company.asOf).toBe('2026-05-01');
    expect((await load(`${HEAD}  as_of: 2026-05-01\n`, '2026-06-01'))?.org?.company.asOf).toBe(
      '2026-06-01',
    );
  });

  it('applies policy overrides over the defaults, target defaulting to the middle', async () => {
    const result = await loadOrgText(
      `${HEAD}policy:\n  segments:\n    enterprise:\n      accounts_per_csm: { min: 10, max: 20 }\n  health_mix_max: 0.25\n`,
      'o.yaml',
      { today: '2026-11-23' },
    );
    const policy = result.org?.policy;
    expect(policy?.segments.enterprise.accountsPerCsm).toEqual({ min: 10, max: 20, target: 15 });
    expect(policy?.segments.enterprise.arrPerCsm).toEqual({
      min: 2_000_000,
      max: 5_000_000,
      target: 3_500_000,
    });
    expect(policy?.healthMixMax).toBe(0.25);
    expect(policy?.spanOfControl.managerMax).toBe(8);
  });

  it('keeps account groups as one weighted record each', async () => {
    const result = await loadOrgText(
      `${HEAD}account_groups:\n  - { name: tail, count: 4, arr_total: 10000 }\n`,
      'o.yaml',
      { today: '2026-11-23' },
    );
    expect(result.org?.accounts).toEqual([
      expect.objectContaining({ id: 'tail', count: 4, arr: 2500, path: ['account_groups', 0] }),
    ]);
  });
});

describe('the committed JSON Schema', () => {
  it('matches the zod schema (run `npm run schema` after changing it)', () => {
    const committed = readFileSync(
      new URL('../../schema/org.schema.json', import.meta.url),
      'utf8',
    );
    expect(committed).toBe(schemaText());
  });
});

describe('a misspelt choice', () => {
  it('gets the closest valid value', async () => {
    const text = `${HEAD}  motion: sales-lead\naccounts: { file: a.csv, preset: salesforse, date_order: month-frist }\n`;
    const loaded = await loadOrgText(text, 'org.yaml', { today: '2026-11-23' });
    expect(loaded.diagnostics.map((d) => d.message)).toEqual([
      'motion: expected sales-led, product-led or hybrid (did you mean "sales-led"?)',
      'preset: expected salesforce or hubspot (did you mean "salesforce"?)',
      'date_order: expected month-first (3/31/2027, US) or day-first (31/3/2027) (did you mean "month-first"?)',
    ]);
  });
});

describe('an accounts file with bad rows', () => {
  const load = async (csv: string, extra = '') => {
    const dir = mkdtempSync(join(tmpdir(), 'csplan-load-'));
    writeFileSync(join(dir, 'accounts.csv'), csv);
    const text = `version: 1\ncompany: { name: T }\nteam:\n  - { id: c, role: csm, reports_to: bob }\naccounts: { file: accounts.csv }\n${extra}`;
    return loadOrgText(text, 'org.yaml', { today: '2026-11-23', cwd: dir });
  };

  it('gives no org, but the org without those rows to check references in', async () => {
    const loaded = await load('id,arr\na,1000\nb,1.2M\nc,3000\n');
    expect(loaded.org).toBeUndefined();
    expect(loaded.diagnostics.map((d) => d.rule)).toEqual(['csv-bad-money']);
    expect(loaded.partial?.accounts.map((a) => a.id)).toEqual(['a', 'c']);
  });

  it('still gives the team to check when no row could be read', async () => {
    const loaded = await load('id,arr\na,1.2M\n');
    expect(loaded.partial?.accounts).toEqual([]);
    expect(loaded.partial?.team.map((m) => m.id)).toEqual(['c']);
  });

  it('still gives the rows that were read when the org file has errors of its own', async () => {
    const loaded = await load(
      'id,arr\na,1.2M\nb,2000\n',
      'policy:\n  segments:\n    smb: { min_arr: 9000000 }\n',
    );
    expect(loaded.diagnostics.map((d) => d.rule)).toEqual(['csv-bad-money', 'invalid-policy']);
    expect(loaded.org).toBeUndefined();
    expect(loaded.partial?.accounts.map((a) => a.id)).toEqual(['b']);
  });
});

describe('fixed choices in any case', () => {
  it('reads Green, CEO, "Mid Market", OFF as their canonical values, as a CSV cell would be', async () => {
    const text = `${HEAD}  motion: Sales-Led\n  product_complexity: HIGH\nteam:\n  - { id: ann, role: CEO }\n  - { id: bo, role: VP CS, reports_to: ann, seniority: Senior }\naccounts:\n  - { id: a, arr: 50000, owner: bo, health: Green, segment: Mid Market, complexity: Low }\nrules:\n  book-imbalance: OFF\n`;
    const loaded = await loadOrgText(text, 'org.yaml', { today: '2026-11-23' });
    expect(loaded.diagnostics).toEqual([]);
    const org = loaded.org;
    expect(org?.company).toMatchObject({ motion: 'sales-led', productComplexity: 'high' });
    expect(org?.team.map((m) => [m.role, m.seniority])).toEqual([
      ['ceo', undefined],
      ['vp-cs', 'senior'],
    ]);
    expect(org?.accounts[0]).toMatchObject({
      health: 'green',
      segment: 'mid-market',
      complexity: 'low',
    });
    expect(org?.rules).toEqual({ 'book-imbalance': 'off' });
  });

  it('still reports a value that is not a choice in any case, as written', async () => {
    expect(await problems(`${HEAD}team:\n  - id: x\n    role: CMO\n`)).toEqual([
      expect.objectContaining({
        rule: 'unknown-role',
        message: expect.stringMatching(/^unknown role "CMO" \(did you mean "ceo"\?\)/),
      }),
    ]);
  });
});

describe('a number in quotes', () => {
  it('is told to drop the quotes, for money and for other numbers', async () => {
    const text = `${HEAD}team:\n  - { id: c, role: csm, fte: "0.5" }\naccounts:\n  - { id: a, arr: "50000", stakeholders: '5' }\n  - { id: b, arr: "$1.2M" }\n`;
    expect((await problems(text)).map((p) => [p.rule, p.message])).toEqual([
      [
        'money-format',
        'arr: money must be a whole number of dollars, not text: remove the quotes and write 50000',
      ],
      [
        'invalid-value',
        'stakeholders: expected a whole number, not text: remove the quotes and write 5',
      ],
      [
        'money-format',
        'arr: money must be a plain number of whole dollars: write 1200000, not "$1.2M", "1,200,000" or 1_200_000',
      ],
      [
        'invalid-value',
        'fte: expected a number between 0 and 1, not text: remove the quotes and write 0.5',
      ],
    ]);
  });
});

describe('owners in the org file', () => {
  it('match a team id, email or name, and a name two people share is ambiguous-owner', async () => {
    const text = `${HEAD}team:\n  - { id: sam-a, name: Sam Lee, email: sam.a@x.io, role: csm }\n  - { id: sam-b, name: Sam Lee, role: csm }\naccounts:\n  - { id: a, arr: 1, owner: SAM.A@x.io }\n  - { id: b, arr: 1, owner: sam-b }\n  - { id: c, arr: 1, owner: Sam Lee }\naccount_groups:\n  - { name: Tail, count: 3, arr_each: 10, owner: sam.a@x.io }\n`;
    const loaded = await loadOrgText(text, 'org.yaml', { today: '2026-11-23' });
    expect(loaded.org).toBeUndefined();
    expect(await problems(text)).toEqual([
      {
        rule: 'ambiguous-owner',
        line: 10,
        column: 29,
        message:
          "owner matches the names of 2 team members (sam-a, sam-b); give the owner's email or team id instead, or make the names distinct",
      },
    ]);
    expect(loaded.partial?.accounts.map((a) => a.owner)).toEqual([
      'sam-a',
      'sam-b',
      undefined,
      'sam-a',
    ]);
  });
});
