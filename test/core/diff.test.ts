import { describe, expect, it } from 'vitest';
import { loadOrgText } from '../../src/config/load.js';
import { locateDiagnostics } from '../../src/config/locate.js';
import { type DiffSide, diffPlans, findingSubject } from '../../src/core/diff.js';
import { planOrg } from '../../src/core/plan.js';
import { accounts, orgFrom } from '../helpers/org.js';

async function side(body: string): Promise<DiffSide> {
  const org = await orgFrom(body);
  const plan = planOrg(org);
  return { org, plan, findings: plan.findings };
}

const overloaded = `${accounts('e', 30, 100_000, 'owner: dana')}\n`;

describe('diffPlans', () => {
  it('matches findings by the id they are about, not by index: inserting a person changes nothing', async () => {
    const base = await side(`team:\n  - { id: dana, role: csm }\naccounts:\n${overloaded}`);
    const head = await side(
      `team:\n  - { id: ceo, role: ceo }\n  - { id: dana, role: csm, reports_to: ceo }\naccounts:\n${overloaded}`,
    );
    const diff = diffPlans(base, head);
    expect(diff.findings).toEqual({ added: [], fixed: [], changed: [], unchanged: 1 });
    expect(diff.team.added.map((m) => m.id)).toEqual(['ceo']);
    expect(diff.team.changed).toEqual([
      { id: 'dana', changes: [{ field: 'reports_to', base: '-', head: 'ceo' }] },
    ]);
  });

  it('keeps a duplicate id unchanged when an edit above it moves the first copy down', async () => {
    const located = async (team: string): Promise<DiffSide> => {
      const text = `version: 1\ncompany: { name: T, as_of: 2026-11-23 }\nteam:\n${team}  - { id: dana, role: csm }\n  - { id: dana, role: csm }\n`;
      const loaded = await loadOrgText(text, 'org.yaml', { today: '2026-11-23' });
      if (!loaded.org) throw new Error('fixture does not load');
      const plan = planOrg(loaded.org);
      return { org: loaded.org, plan, findings: locateDiagnostics(plan.findings, loaded.locate) };
    };
    const base = await located('');
    const head = await located('  - { id: ceo, role: ceo }\n');
    const [before, after] = [base, head].map(
      (s) => s.findings.find((d) => d.rule === 'duplicate-id')?.message,
    );
    expect([before, after]).toEqual([
      'team id "dana" is used twice (first at line 4); ids must be unique',
      'team id "dana" is used twice (first at line 5); ids must be unique',
    ]);
    expect(diffPlans(base, head).findings).toMatchObject({ changed: [], added: [], fixed: [] });
  });

  it('reports a finding whose numbers moved as changed', async () => {
    const base = await side(`team:\n  - { id: dana, role: csm }\naccounts:\n${overloaded}`);
    const head = await side(
      `team:\n  - { id: dana, role: csm }\naccounts:\n${accounts('e', 28, 100_000, 'owner: dana')}\n`,
    );
    const diff = diffPlans(base, head);
    expect(diff.findings.changed).toHaveLength(1);
    // 30 -> 28 accounts: 120% -> 112% of the largest book.
    expect(diff.findings.changed[0]?.base.message).toContain('holds 30 accounts');
    expect(diff.findings.changed[0]?.head.message).toContain('holds 28 accounts');
    expect(diff.accounts.removed).toEqual(['e-29', 'e-30']);
  });

  it('lists moved accounts and flags those renewing inside the freeze', async () => {
    const body = (owner: string) => `team:
  - { id: a, role: csm }
  - { id: b, role: csm }
accounts:
  - { id: soon, arr: 50000, owner: ${owner}, renewal_date: 2027-01-22 }
  - { id: later, arr: 50000, owner: ${owner}, renewal_date: 2027-01-23 }
  - { id: stays, arr: 50000, owner: a }
`;
    const diff = diffPlans(await side(body('a')), await side(body('b')));
    // 2026-11-23 -> 2027-01-22 is 60 days (inside), -> 2027-01-23 is 61 days (outside).
    expect(diff.moves.map((m) => [m.id, m.from, m.to, m.renewsInDays, m.nearRenewal])).toEqual([
      ['soon', 'a', 'b', 60, true],
      ['later', 'a', 'b', 61, false],
    ]);
  });
});

describe('findingSubject', () => {
  it('names team members, accounts and account groups by id, keeping the rest of the path', async () => {
    const org = await orgFrom(
      `team:\n  - { id: dana, role: csm }\naccounts:\n  - { id: acme, arr: 1000 }\naccount_groups:\n  - { name: Tail, count: 5, arr_each: 100 }\n`,
    );
    expect(findingSubject(org, ['team', 0, 'reports_to'])).toBe('team:dana.reports_to');
    expect(findingSubject(org, ['accounts', 0, 'segment'])).toBe('account:acme.segment');
    expect(findingSubject(org, ['account_groups', 0])).toBe('account:group:Tail');
    expect(findingSubject(org, ['team'])).toBe('team');
  });
});
