/** `csplan explain` knows every code csplan can print: the rules and the codes of reading a file. */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPLAINED_CODES } from '../../src/cli/commands/explain.js';
import { INPUT_CODE_IDS, INPUT_CODES } from '../../src/config/codes.js';
import { RULES } from '../../src/core/rules/registry.js';
import { runCli } from '../helpers/io.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Every diagnostic code written as a literal in src/: `rule: 'x'` (also inside a ternary, a `??`
 * or a union type), the first argument of the `fail(...)` and `report(...)` helpers that build
 * diagnostics, and what a function typed `: InputCode` returns. The rules themselves carry their code as `id:` and are listed by RULES.
 */
function emittedCodes(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sourceFiles('src')) {
    if (file.startsWith(join('src', 'core', 'rules'))) continue;
    // A rebalance move names the hard rule it serves (`rule: 'leaving'`): not a diagnostic.
    if (file.startsWith(join('src', 'core', 'rebalance'))) continue;
    const text = readFileSync(file, 'utf8');
    const add = (code: string | undefined) => {
      if (code !== undefined && !found.has(code)) found.set(code, file);
    };
    // A literal compared with === is a condition, not a code.
    const literals = (expression: string) =>
      [...expression.matchAll(/(?<![=!]==\s*)'([a-z0-9-]+)'/g)].map((m) => m[1]);
    for (const match of text.matchAll(/\brule\??:\s*([^,;\n}]+)/g))
      for (const code of literals(match[1] ?? '')) add(code);
    for (const match of text.matchAll(/\b(?:fail|report|push)\(\s*'([a-z0-9-]+)'/g)) add(match[1]);
    // Functions that return a code: `function ruleFor(...): InputCode { ... return 'x'; }`.
    for (const match of text.matchAll(/\):\s*InputCode\s*\{([\s\S]*?)\n\}/g))
      for (const ret of (match[1] ?? '').matchAll(/\breturn\s+'([a-z0-9-]+)'/g)) add(ret[1]);
  }
  return found;
}

describe('every code csplan emits is explained', () => {
  it('finds the codes the config layer writes (the scan itself works)', () => {
    const codes = emittedCodes();
    for (const code of ['yaml-syntax', 'duplicate-key', 'csv-bad-money', 'csv-ragged-row'])
      expect(codes.has(code), code).toBe(true);
    expect(codes.size).toBeGreaterThan(30);
  });

  it('has an explanation for every code literal in src/', () => {
    const unexplained = [...emittedCodes()].filter(([code]) => !EXPLAINED_CODES.includes(code));
    expect(unexplained).toEqual([]);
  });

  it('explains no code that nothing emits', () => {
    const emitted = emittedCodes();
    expect(INPUT_CODE_IDS.filter((code) => !emitted.has(code))).toEqual([]);
  });

  it('keeps the codes of reading a file apart from the rule ids', () => {
    const ruleIds = new Set(RULES.map((r) => r.id));
    expect(INPUT_CODE_IDS.filter((code) => ruleIds.has(code))).toEqual([]);
  });
});

/** A folder with an org file and its accounts files, for checks that must produce given codes. */
function scenario(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'csplan-codes-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return join(dir, 'org.yaml');
}

const TEAM =
  'team:\n  - { id: ana, role: ceo }\n  - { id: cy, name: Cy Young, role: csm, reports_to: ana }\n';
const TWINS = `${TEAM}  - { id: cy2, name: Cy Young, role: csm, reports_to: ana }\n`;
const HEAD = 'version: 1\ncompany:\n  name: Co\n  as_of: 2026-11-23\n';

/** Inputs that each produce a given code, as a user would write them. */
const CASES: Record<string, Record<string, string>> = {
  'yaml-syntax': { 'org.yaml': `${HEAD}accounts:\n  - id: a\n     arr: 1\n${TEAM}` },
  'duplicate-key': { 'org.yaml': `${HEAD}company:\n  name: X\n${TEAM}` },
  'empty-file': { 'org.yaml': '# nothing yet\n' },
  'not-a-mapping': { 'org.yaml': '- id: a\n' },
  'unknown-key': { 'org.yaml': `${HEAD}accounts:\n  - { id: a, arr: 1000, onwer: cy }\n${TEAM}` },
  'missing-field': { 'org.yaml': `${HEAD}accounts:\n  - { id: a }\n${TEAM}` },
  'invalid-value': {
    'org.yaml': `${HEAD}accounts:\n  - { id: a, arr: 1000, health: blue }\n${TEAM}`,
  },
  'money-format': { 'org.yaml': `${HEAD}accounts:\n  - { id: a, arr: "$1.2M" }\n${TEAM}` },
  'unknown-role': { 'org.yaml': `${HEAD}accounts: []\nteam:\n  - { id: ana, role: CMO }\n` },
  'invalid-policy': {
    'org.yaml': `${HEAD}accounts: []\n${TEAM}policy:\n  span_of_control: { manager_min: 9, manager_max: 8 }\n`,
  },
  'unknown-rule': { 'org.yaml': `${HEAD}accounts: []\n${TEAM}rules:\n  book-helth-mix: off\n` },
  'accounts-file-format': { 'org.yaml': `${HEAD}accounts:\n  file: a.xlsx\n${TEAM}` },
  'accounts-file-missing': { 'org.yaml': `${HEAD}accounts:\n  file: none.csv\n${TEAM}` },
  'accounts-file-option-ignored': {
    'org.yaml': `${HEAD}accounts:\n  file: a.json\n  preset: salesforce\n${TEAM}`,
    'a.json': '[{ "id": "a", "arr": 1000, "owner": "cy" }]',
  },
  'csv-empty': { 'org.yaml': `${HEAD}accounts:\n  file: a.csv\n${TEAM}`, 'a.csv': '' },
  'csv-delimiter': {
    'org.yaml': `${HEAD}accounts:\n  file: a.csv\n${TEAM}`,
    'a.csv': 'id;name;arr;owner\na;A;1000,50;cy\n',
  },
  'csv-missing-column': {
    'org.yaml': `${HEAD}accounts:\n  file: a.csv\n${TEAM}`,
    'a.csv': 'id,name\na,A\n',
  },
  'csv-ragged-row': {
    'org.yaml': `${HEAD}accounts:\n  file: a.csv\n${TEAM}`,
    'a.csv': 'id,name,arr,owner\na,A, Inc,1000,cy\n',
  },
  'csv-missing-value': {
    'org.yaml': `${HEAD}accounts:\n  file: a.csv\n${TEAM}`,
    'a.csv': 'id,arr,owner\na,,cy\n',
  },
  'csv-bad-money': {
    'org.yaml': `${HEAD}accounts:\n  file: a.csv\n${TEAM}`,
    'a.csv': 'id,arr,owner\na,1.2M,cy\n',
  },
  'csv-bad-number': {
    'org.yaml': `${HEAD}accounts:\n  file: a.csv\n${TEAM}`,
    'a.csv': 'id,arr,owner,stakeholders\na,1000,cy,about 6\n',
  },
  'csv-bad-boolean': {
    'org.yaml': `${HEAD}accounts:\n  file: a.csv\n${TEAM}`,
    'a.csv': 'id,arr,owner,regulated\na,1000,cy,maybe\n',
  },
  'csv-bad-date': {
    'org.yaml': `${HEAD}accounts:\n  file: a.csv\n${TEAM}`,
    'a.csv': 'id,arr,owner,renewal_date\na,1000,cy,2027-02-31\n',
  },
  'csv-bad-value': {
    'org.yaml': `${HEAD}accounts:\n  file: a.csv\n${TEAM}`,
    'a.csv': 'id,arr,owner,health\na,1000,cy,amber\nb,1000,cy,green\nc,1000,cy,red\n',
  },
  'csv-foreign-values': {
    'org.yaml': `${HEAD}accounts:\n  file: a.csv\n${TEAM}`,
    // The CRM's own scale: left unread with one warning.
    'a.csv': 'id,arr,owner,health\na,1000,cy,8\nb,1000,cy,3\n',
  },
  'csv-date-order': {
    'org.yaml': `${HEAD}accounts:\n  file: a.csv\n${TEAM}`,
    'a.csv': 'id,arr,owner,renewal_date\na,1000,cy,3/4/2027\n',
  },
  'csv-duplicate-header': {
    'org.yaml': `${HEAD}accounts:\n  file: a.csv\n${TEAM}`,
    'a.csv': 'id,arr,owner,owner\na,1000,cy,cy\n',
  },
  'csv-mixed-currency': {
    'org.yaml': `${HEAD}accounts:\n  file: a.csv\n${TEAM}`,
    'a.csv': 'id,arr,owner\na,$1000,cy\nb,€2000,cy\n',
  },
  'csv-syntax': {
    'org.yaml': `${HEAD}accounts:\n  file: a.csv\n${TEAM}`,
    'a.csv': 'id,name,arr,owner\na,"A Inc,1000,cy\n',
  },
  'csv-ambiguous-owner': {
    'org.yaml': `${HEAD}accounts:\n  file: a.csv\n${TWINS}`,
    'a.csv': 'id,arr,owner\na,1000,Cy Young\n',
  },
  'json-ambiguous-owner': {
    'org.yaml': `${HEAD}accounts:\n  file: a.json\n${TWINS}`,
    'a.json': '[{ "id": "a", "arr": 1000, "owner": "Cy Young" }]',
  },
  'json-syntax': {
    'org.yaml': `${HEAD}accounts:\n  file: a.json\n${TEAM}`,
    'a.json': '[{ "id": "a" "arr": 1000 }]',
  },
  'json-not-a-list': {
    'org.yaml': `${HEAD}accounts:\n  file: a.json\n${TEAM}`,
    'a.json': '{ "accounts": [] }',
  },
};

describe('the codes are real: each one comes out of a check, and every code that does is explained', () => {
  it.each(Object.keys(CASES))('%s', async (code) => {
    const org = scenario(CASES[code] ?? {});
    const { stdout } = await runCli(['check', org, '--format', 'json']);
    const [result] = JSON.parse(stdout).results as { findings: { rule: string }[] }[];
    const rules = result?.findings.map((f) => f.rule) ?? [];
    expect(rules).toContain(code);
    for (const rule of rules) expect(EXPLAINED_CODES, rule).toContain(rule);
  });
});

describe('csplan explain CODE', () => {
  it.each(INPUT_CODE_IDS)('explains %s: meaning, why, fix, example and exit code', async (code) => {
    const { code: exit, stdout } = await runCli(['explain', code]);
    expect(exit).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(new RegExp(`^${code} \\(reading the `));
    for (const heading of ['Why it matters', 'How to fix it', 'Example', 'Exit code'])
      expect(stdout).toContain(`\n${heading}\n`);
    const json = JSON.parse((await runCli(['explain', code, '--format', 'json'])).stdout);
    expect(json).toMatchObject({ id: code, kind: 'input', severity: INPUT_CODES[code].severity });
    for (const key of ['summary', 'why', 'fix', 'example', 'exitCode'])
      expect(json[key].length, key).toBeGreaterThan(10);
  });

  it('states the exit code by severity', async () => {
    const wide = { env: { COLUMNS: '300' } };
    const error = (await runCli(['explain', 'yaml-syntax'], wide)).stdout;
    expect(error).toContain('`csplan check` and `csplan recommend` exit 1');
    const warning = (await runCli(['explain', 'csv-mixed-currency'], wide)).stdout;
    expect(warning).toContain('As a warning it leaves the exit code at 0');
    expect(warning).not.toContain('As an error');
  });

  it("gives a rule's exit code too, and whether an error stops recommend", async () => {
    const integrity = JSON.parse((await runCli(['explain', 'unknown-owner', '-f', 'json'])).stdout);
    expect(integrity.exitCode).toContain('stops `csplan recommend` (exit 1, no plan)');
    const books = JSON.parse((await runCli(['explain', 'book-health-mix', '-f', 'json'])).stdout);
    expect(books.exitCode).toContain('Default severity: warning.');
    expect(books.exitCode).toContain('`csplan recommend` still prints the plan');
    expect((await runCli(['explain', 'span-of-control'])).stdout).toContain('\nExit code\n');
  });

  it('lists every code when given none', async () => {
    const { code, stdout } = await runCli(['explain']);
    expect(code).toBe(0);
    for (const id of EXPLAINED_CODES) expect(stdout).toMatch(new RegExp(`^${id} `, 'm'));
    const json = JSON.parse((await runCli(['explain', '--format', 'json'])).stdout);
    expect(json.codes.map((c: { id: string }) => c.id)).toEqual([...EXPLAINED_CODES]);
  });

  it('exits 2 with a did-you-mean for an unknown code', async () => {
    const { code, stdout, stderr } = await runCli(['explain', 'csv-bad-mony']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'csplan: unknown code "csv-bad-mony" (did you mean "csv-bad-money"?); `csplan explain` lists every code\n',
    );
    expect((await runCli(['explain', 'no-such-thing'])).stderr).toBe(
      'csplan: unknown code "no-such-thing"; `csplan explain` lists every code\n',
    );
  });
});
