import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type AccountsSpec, setAccountsSpec } from '../../src/config/csv/write-spec.js';

const spec: AccountsSpec = { file: 'crm/accounts.csv', preset: 'salesforce' };

/** The edit as text, failing the test when the edit is refused. */
function edit(text: string, with_: AccountsSpec = spec): string {
  const result = setAccountsSpec(text, with_);
  if (!result.ok) throw new Error(result.reason);
  return result.text;
}

/** Asserts `after` is `before` with [start, end) of `before` replaced by `block`. */
function expectOnlyBlock(before: string, after: string, start: number, end: number, block: string) {
  expect(after.slice(0, start)).toBe(before.slice(0, start));
  expect(after.slice(start, after.length - (before.length - end))).toBe(block);
  expect(after.slice(after.length - (before.length - end))).toBe(before.slice(end));
}

// Hand formatting that a whole-document re-stringify would change: odd indentation, aligned
// comments, a folded scalar, a flow map with its own padding, a blank line and a trailing comment.
const handmade = [
  '# yaml-language-server: $schema=./org.schema.json',
  'company:',
  '   name: Acme        # aligned',
  '   as_of: 2027-01-15 # comments',
  '   note: >-',
  '      folded text that',
  '      stays folded',
  '   # a comment that closes company',
  '',
  'team: [ {id: dana,   role: csm},  {id: eve, role: cs_manager} ]   # flow, padded',
  'segments:',
  '     enterprise: { min_arr: 100000 }',
  '',
].join('\n');

describe('setAccountsSpec', () => {
  it('adds the block after company: and leaves every other byte as it was', () => {
    const after = edit(handmade);
    const at = handmade.indexOf('   # a comment that closes company');
    expectOnlyBlock(
      handmade,
      after,
      at,
      at,
      'accounts:\n   file: crm/accounts.csv\n   preset: salesforce\n',
    );
    expect(parse(after).accounts).toEqual({ file: 'crm/accounts.csv', preset: 'salesforce' });
    expect(parse(after).company.note).toBe('folded text that stays folded');
  });

  it('replaces only the lines of an existing block map, keeping the accounts: line and its comment', () => {
    const before = [
      'company:',
      '    name: Acme   # aligned',
      'accounts:        # from the CRM',
      '    file: old.csv      # last month',
      '    preset: hubspot',
      'team: [ {id: dana,   role: csm} ]',
      '',
    ].join('\n');
    const after = edit(before, { file: 'new.csv', columns: { arr: 'Current ARR' } });
    const start = before.indexOf('    file: old.csv');
    const end = before.indexOf('team:');
    expectOnlyBlock(
      before,
      after,
      start,
      end,
      '    file: new.csv\n    columns:\n        arr: Current ARR\n',
    );
  });

  it('keeps a flow map a flow map and touches nothing around its braces', () => {
    const before = 'company: {name: A}\naccounts: {file: a.csv}   # kept\nteam: []\n';
    const after = edit(before);
    expect(after).toBe(
      'company: {name: A}\naccounts: { file: crm/accounts.csv, preset: salesforce }   # kept\nteam: []\n',
    );
  });

  it('keeps the BOM, CRLF and the ending of every other line in a file with mixed endings', () => {
    const before = '\ufeffcompany:\r\n  name: A  # crlf\r\nteam: []\n# lf line\r\nrules: {}\n';
    const after = edit(before);
    expect(after).toBe(
      '\ufeffcompany:\r\n  name: A  # crlf\r\naccounts:\r\n  file: crm/accounts.csv\r\n  preset: salesforce\r\nteam: []\n# lf line\r\nrules: {}\n',
    );
  });

  it('rewrites an empty accounts: line in place, at the end of a file without a final newline', () => {
    expect(edit('company:\n  name: A\naccounts:')).toBe(
      'company:\n  name: A\naccounts:\n  file: crm/accounts.csv\n  preset: salesforce',
    );
    expect(edit('company: {name: A}\naccounts: []   # none yet\nteam: []\n')).toBe(
      'company: {name: A}\naccounts:\n  file: crm/accounts.csv\n  preset: salesforce\nteam: []\n',
    );
  });

  it('appends the block when there is no company:, after a last line without a newline', () => {
    expect(edit('team: []')).toBe(
      'team: []\naccounts:\n  file: crm/accounts.csv\n  preset: salesforce\n',
    );
  });

  it('quotes values YAML would read as something else, so they read back as written', () => {
    const columns = { arr: 'ARR: current, USD', owner: 'true', name: '007', segment: ' Tier' };
    const after = edit('company:\n  name: A\n', { file: 'my file.csv', columns });
    expect(parse(after).accounts).toEqual({ file: 'my file.csv', columns });
    const flow = edit('company:\n  name: A\naccounts: {}\n', { file: 'a.csv', columns });
    expect(parse(flow).accounts).toEqual({ file: 'a.csv', columns });
  });

  it('returns the text unchanged when the file already reads the spec, and on a second run', () => {
    const once = edit(handmade);
    const twice = setAccountsSpec(once, spec);
    expect(twice).toEqual({ ok: true, text: once, changed: false });
  });

  it('refuses a list of accounts, YAML errors and a root that is not a block map', () => {
    expect(setAccountsSpec('accounts:\n  - id: a\n    arr: 1\n', spec)).toMatchObject({
      ok: false,
    });
    expect(setAccountsSpec('company: [\n', spec)).toMatchObject({ ok: false });
    expect(setAccountsSpec('- a\n', spec)).toMatchObject({ ok: false });
    expect(setAccountsSpec('{company: {name: A}}\n', spec)).toMatchObject({ ok: false });
  });
});
