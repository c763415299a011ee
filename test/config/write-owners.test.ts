import { describe, expect, it } from 'vitest';
import { setOwners } from '../../src/config/write-owners.js';

describe('setOwners', () => {
  it('changes only the owner scalars, keeping comments, quoting, flow mappings and order', () => {
    const before = [
      '# accounts below',
      'accounts:',
      '  - id: acme # the big one',
      '    owner: dana   # since 2021',
      '    arr: 100000',
      '  - { id: \'0042\', arr: 5000, owner: "dana" }',
      "  - { id: beta, owner: 'dana', arr: 7 }",
      '  - id: "quoted id"',
      '    arr: 1',
      'team: []',
      '',
    ].join('\n');
    const edit = setOwners(before, [
      { account: 'acme', to: 'omar' },
      { account: '0042', to: 'omar' },
      { account: 'beta', to: "o'neil" },
      { account: 'quoted id', to: 'omar' },
    ]);
    expect(edit).toEqual({
      ok: true,
      changed: 4,
      text: [
        '# accounts below',
        'accounts:',
        '  - id: acme # the big one',
        '    owner: omar   # since 2021',
        '    arr: 100000',
        '  - { id: \'0042\', arr: 5000, owner: "omar" }',
        "  - { id: beta, owner: 'o''neil', arr: 7 }",
        '  - id: "quoted id"',
        '    owner: omar',
        '    arr: 1',
        'team: []',
        '',
      ].join('\n'),
    });
  });

  it('keeps CRLF line ends and a byte-order mark, and adds owner: to a flow mapping', () => {
    const before = '\ufeffaccounts:\r\n  - { id: a, arr: 1 }\r\n  - id: b\r\n    arr: 2\r\n';
    const edit = setOwners(before, [
      { account: 'a', to: 'sam' },
      { account: 'b', to: 'true' },
    ]);
    expect(edit).toEqual({
      ok: true,
      changed: 2,
      text: '\ufeffaccounts:\r\n  - { id: a, owner: sam, arr: 1 }\r\n  - id: b\r\n    owner: "true"\r\n    arr: 2\r\n',
    });
  });

  it('refuses accounts read from a CRM export, and ids it cannot find', () => {
    expect(setOwners('accounts: { file: a.csv }\n', [{ account: 'x', to: 'y' }])).toEqual({
      ok: false,
      reason:
        'the accounts are not listed in the org file; for accounts read from a CRM export use --moves-csv FILE',
    });
    expect(setOwners('accounts:\n  - { id: a }\n', [{ account: 'zz', to: 'y' }])).toEqual({
      ok: false,
      reason: 'account "zz" is not listed in the org file',
    });
  });
});
