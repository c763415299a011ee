import { describe, expect, it } from 'vitest';
import { accounts, planFrom } from '../../helpers/org.js';

async function findings(body: string, rule: string) {
  const plan = await planFrom(body);
  return plan.findings.filter((f) => f.rule === rule);
}

describe('duplicate-id', () => {
  it('flags the second use of an account id and of a team id', async () => {
    const found = await findings(
      `team:
  - { id: dana, role: csm }
  - { id: dana, role: csm }
accounts:
  - { id: acme, arr: 1000 }
  - { id: acme, arr: 2000 }
`,
      'duplicate-id',
    );
    expect(found.map((f) => f.path)).toEqual([
      ['accounts', 1, 'id'],
      ['team', 1, 'id'],
    ]);
    // The first place is a path here; locating the finding writes it as a line (check.test.ts).
    expect(found[0]).toMatchObject({
      message: 'account id "acme" is used twice (first at {related}); ids must be unique',
      related: ['accounts', 0, 'id'],
    });
  });

  it('passes unique ids', async () => {
    expect(await findings(`accounts:\n${accounts('a', 3, 1000)}\n`, 'duplicate-id')).toEqual([]);
  });
});

describe('unknown-owner', () => {
  it('names the account, the owner and the closest team id', async () => {
    const found = await findings(
      `team:\n  - { id: dana, role: csm }\naccounts:\n  - { id: globex, arr: 50000, owner: dan }\n`,
      'unknown-owner',
    );
    expect(found).toEqual([
      expect.objectContaining({
        path: ['accounts', 0, 'owner'],
        severity: 'error',
        message: 'Account "globex" names owner "dan", who is not in team (did you mean "dana"?)',
      }),
    ]);
  });

  it('passes owners that exist', async () => {
    expect(
      await findings(
        `team:\n  - { id: dana, role: csm }\naccounts:\n  - { id: g, arr: 1, owner: dana }\n`,
        'unknown-owner',
      ),
    ).toEqual([]);
  });
});

describe('unknown-manager', () => {
  it('flags a reports_to that names nobody', async () => {
    const found = await findings(
      `team:\n  - { id: ken, role: vp-cs }\n  - { id: a, role: csm, reports_to: kem }\n`,
      'unknown-manager',
    );
    expect(found).toEqual([expect.objectContaining({ path: ['team', 1, 'reports_to'] })]);
    expect(found[0]?.message).toContain('did you mean "ken"');
  });
});

describe('reporting-cycle', () => {
  it('reports a loop once, at its first member in the file', async () => {
    const found = await findings(
      `team:
  - { id: ceo, role: ceo }
  - { id: a, role: manager-cs, reports_to: c }
  - { id: b, role: csm, reports_to: a }
  - { id: c, role: director-cs, reports_to: b }
  - { id: d, role: csm, reports_to: a }
`,
      'reporting-cycle',
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.path).toEqual(['team', 1, 'reports_to']);
    expect(found[0]?.message).toContain('a -> c -> b -> a');
  });

  it('catches someone reporting to themselves', async () => {
    const found = await findings(
      `team:\n  - { id: a, role: csm, reports_to: a }\n`,
      'reporting-cycle',
    );
    expect(found[0]?.message).toContain('a -> a');
  });

  it('passes a tree', async () => {
    expect(
      await findings(
        `team:\n  - { id: ceo, role: ceo }\n  - { id: a, role: csm, reports_to: ceo }\n`,
        'reporting-cycle',
      ),
    ).toEqual([]);
  });
});

describe('orphan-account', () => {
  const team = 'team:\n  - { id: c, role: csm }\n';
  it('flags named-segment accounts without an owner once someone carries a book', async () => {
    const found = await findings(
      `${team}accounts:\n  - { id: big, arr: 200000 }\n  - { id: small, arr: 8000 }\n`,
      'orphan-account',
    );
    expect(found.map((f) => f.path)).toEqual([['accounts', 0]]); // SMB is pooled: exempt
    expect(found[0]?.message).toBe(
      'enterprise account "big" has no owner; named-CSM segments need one',
    );
  });

  it('is quiet before the first CSM (the founder covers everything)', async () => {
    expect(await findings(`accounts:\n  - { id: big, arr: 200000 }\n`, 'orphan-account')).toEqual(
      [],
    );
  });

  it('lets a CSM assigned to the segment cover an account group', async () => {
    const body = `team:\n  - { id: c, role: csm, segment: enterprise }\naccount_groups:\n  - { name: ent, count: 10, arr_each: 150000 }\n`;
    expect(await findings(body, 'orphan-account')).toEqual([]);
  });
});

describe('unowned-arr-share', () => {
  it('fails above 5% of ARR without an owner', async () => {
    // $60k unowned of $1,060k = 5.7% > 5%.
    const found = await findings(
      `team:\n  - { id: c, role: csm }\naccounts:\n  - { id: a, arr: 1000000, owner: c }\n  - { id: b, arr: 60000 }\n`,
      'unowned-arr-share',
    );
    expect(found[0]?.message).toBe(
      '6% of ARR ($60k on 1 named-coverage account) has no owner; the limit is 5%: "b"',
    );
    // Located at the account that causes it, not at the accounts list.
    expect(found[0]?.path).toEqual(['accounts', 1]);
  });

  it('leaves pooled and digital tiers out: a program or a pool covers them', async () => {
    // $1M owned; 100 unowned self-serve accounts at $2k = $200k (17% of ARR) and 10 unowned SMB
    // accounts at $10k = $100k: none of it is named-coverage ARR.
    const found = await findings(
      `team:\n  - { id: c, role: csm }\naccounts:\n  - { id: a, arr: 1000000, owner: c }\n${accounts('t', 100, 2_000)}\n${accounts('s', 10, 10_000)}\n`,
      'unowned-arr-share',
    );
    expect(found).toEqual([]);
  });

  it('passes at 5% or less', async () => {
    // $50k of $1,050k = 4.8%.
    const found = await findings(
      `team:\n  - { id: c, role: csm }\naccounts:\n  - { id: a, arr: 1000000, owner: c }\n  - { id: b, arr: 50000 }\n`,
      'unowned-arr-share',
    );
    expect(found).toEqual([]);
  });
});

describe('rule severities', () => {
  it("follows the file's rules: section, and off silences a rule", async () => {
    const body = `team:\n  - { id: c, role: csm }\naccounts:\n  - { id: g, arr: 1, owner: x }\n`;
    const asWarning = await planFrom(`${body}rules:\n  unknown-owner: warning\n`);
    expect(asWarning.findings.find((f) => f.rule === 'unknown-owner')?.severity).toBe('warning');
    const off = await planFrom(`${body}rules:\n  unknown-owner: off\n`);
    expect(off.findings.some((f) => f.rule === 'unknown-owner')).toBe(false);
  });
});

describe('unknown-owner, with names and emails', () => {
  it('names the account by its name next to its id, and suggests a close team name', async () => {
    const found = await findings(
      `team:\n  - { id: dana, name: Dana Scully, email: dana@x.io, role: csm }\naccounts:\n  - { id: 0015g000000018AAAC, name: Acme Corp, arr: 50000, owner: Dana Scuully }\n  - { id: b, arr: 1, owner: Walter Skinner }\n`,
      'unknown-owner',
    );
    expect(found.map((d) => d.message)).toEqual([
      'Account "Acme Corp" (0015g000000018AAAC) names owner "Dana Scuully", who is not in team (did you mean "Dana Scully"?)',
      `Account "b" names owner "Walter Skinner", who is not in team; an owner is a team member's id, email or name`,
    ]);
  });

  it('accepts an owner given as a team email or name, in any case', async () => {
    expect(
      await findings(
        `team:\n  - { id: dana, name: Dana Scully, email: dana@x.io, role: csm }\naccounts:\n  - { id: a, arr: 1, owner: DANA@x.io }\n  - { id: b, arr: 1, owner: dana scully }\n`,
        'unknown-owner',
      ),
    ).toEqual([]);
  });
});

describe('owner-not-csm', () => {
  const ownerFindings = async (body: string) =>
    (await planFrom(body)).findings.filter((f) => f.rule === 'owner-not-csm');

  it('names each non-CSM owner once, with the count and ARR of what they own', async () => {
    // ae owns 3 x $40k = $120k; vp owns 1 x $200k; the CSM's own accounts are not flagged.
    const found = await ownerFindings(`team:
  - { id: vp, role: vp-cs }
  - { id: ae, role: sales }
  - { id: dana, role: csm, reports_to: vp }
accounts:
${accounts('a', 3, 40_000, 'owner: ae')}
${accounts('v', 1, 200_000, 'owner: vp')}
${accounts('d', 5, 50_000, 'owner: dana')}
`);
    expect(found.map((f) => [f.path, f.severity])).toEqual([
      [['team', 1], 'warning'],
      [['team', 0], 'warning'],
    ]);
    expect(found[0]?.message).toBe(
      '"ae" (Sales Rep) owns 3 accounts, $120k ARR, but the role carries no book: no CSM\'s load counts them; move them to CSMs (`csplan rebalance`) or give "ae" a CSM role',
    );
    expect(found[1]?.message).toContain('"vp" (VP Customer Success) owns 1 account, $200k ARR');
  });

  it('leaves a founder-led org without CSMs alone: there the founder is the book', async () => {
    const found = await ownerFindings(`team:
  - { id: ceo, role: founder }
accounts:
${accounts('a', 4, 40_000, 'owner: ceo')}
`);
    expect(found).toEqual([]);
  });
});
