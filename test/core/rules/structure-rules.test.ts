import { describe, expect, it } from 'vitest';
import { roleLabel } from '../../../src/core/roles.js';
import { accounts, planFrom } from '../../helpers/org.js';

async function findings(body: string, rule: string, company?: string) {
  return (await planFrom(body, company)).findings.filter((f) => f.rule === rule);
}

/** 150 customers x $20k = $3M ARR: specialization by both signals. */
const SPECIALIZATION = `account_groups:\n  - { name: Customers, count: 150, arr_each: 20000 }\n`;
/** 600 customers x $40k = $24M ARR: scale by both signals. */
const SCALE = `account_groups:\n  - { name: Customers, count: 600, arr_each: 40000 }\n`;
/** 50 customers x $10k = $500k: first-hire. */
const FIRST_HIRE = `account_groups:\n  - { name: Customers, count: 50, arr_each: 10000 }\n`;

const team = (...roles: string[]) =>
  `team:\n${roles.map((role, i) => `  - { id: ${role}-${i + 1}, role: ${role} }`).join('\n')}\n`;

describe('missing-onboarding', () => {
  it('flags the specialization stage with nobody in onboarding', async () => {
    const found = await findings(team('csm', 'csm') + SPECIALIZATION, 'missing-onboarding');
    expect(found).toEqual([
      {
        rule: 'missing-onboarding',
        severity: 'warning',
        path: ['team'],
        message:
          'Specialization stage (150 customers, $3M ARR) and nobody in onboarding: CSMs onboard every new customer; add an onboarding specialist',
      },
    ]);
  });

  it('passes with an onboarding specialist', async () => {
    expect(
      await findings(team('csm', 'onboarding') + SPECIALIZATION, 'missing-onboarding'),
    ).toEqual([]);
  });

  it('passes at the first-hire stage', async () => {
    expect(await findings(team('csm') + FIRST_HIRE, 'missing-onboarding')).toEqual([]);
  });
});

describe('missing-renewals', () => {
  it('flags the scale stage with nobody on renewals', async () => {
    const found = await findings(team('vp-cs', 'csm') + SCALE, 'missing-renewals');
    expect(found).toHaveLength(1);
    expect(found[0]?.path).toEqual(['team']);
    expect(found[0]?.message).toMatch(
      /^Scale stage \(600 customers, \$24M ARR\) and nobody owns renewals/,
    );
  });

  it('passes with a renewals manager, and below the scale stage', async () => {
    expect(await findings(team('csm', 'renewals') + SCALE, 'missing-renewals')).toEqual([]);
    expect(await findings(team('csm') + SPECIALIZATION, 'missing-renewals')).toEqual([]);
  });
});

describe('cs-reports-to-sales', () => {
  const org = (bossRole: string) => `team:
  - { id: ceo, role: ceo }
  - { id: sam, role: ${bossRole}, reports_to: ceo }
  - { id: ken, role: vp-cs, reports_to: sam }
  - { id: dana, role: csm, reports_to: ken }
${FIRST_HIRE}`;

  it('flags the CS leader under the VP Sales of a sales-led company', async () => {
    const found = await findings(org('vp-sales'), 'cs-reports-to-sales');
    expect(found).toEqual([
      expect.objectContaining({
        path: ['team', 2, 'reports_to'],
        severity: 'warning',
        message: `"ken" (${roleLabel('vp-cs')}) reports to "sam" (${roleLabel('vp-sales')}) and CS under a sales leader trades retention for bookings; CS should report to the CEO or a CCO`,
      }),
    ]);
  });

  it('names every CSM under a salesperson in one finding', async () => {
    const body = `team:
  - { id: rep, role: sales }
  - { id: a, role: csm, reports_to: rep }
  - { id: b, role: csm, reports_to: rep }
${FIRST_HIRE}`;
    const found = await findings(body, 'cs-reports-to-sales');
    expect(found.map((f) => [f.path, f.message])).toEqual([
      [
        ['team', 1, 'reports_to'],
        `"a" and "b" (CS) report to "rep" (${roleLabel('sales')}) and CS under a sales leader trades retention for bookings; CS should report to the CEO or a CCO`,
      ],
    ]);
  });

  it('passes CS under the COO, and a CRO line in a product-led company', async () => {
    expect(await findings(org('coo'), 'cs-reports-to-sales')).toEqual([]);
    expect(
      await findings(org('cro'), 'cs-reports-to-sales', 'name: T\n  motion: product-led'),
    ).toEqual([]);
  });

  it('flags a VP Sales line whatever the motion, and the chart marks the same line', async () => {
    const company = 'name: T\n  motion: product-led';
    expect(await findings(org('vp-sales'), 'cs-reports-to-sales', company)).toHaveLength(1);
    const plan = await planFrom(org('vp-sales'), company);
    expect(plan.chart.leaderReportsTo).toMatchObject({ role: 'vp-sales', id: 'sam', fits: false });
    const cro = await planFrom(org('cro'), company);
    expect(cro.chart.leaderReportsTo).toMatchObject({ role: 'cro', id: 'sam', fits: true });
    // The chart draws the CS leader under the CRO, where the file has them.
    expect(cro.chart.root.children[0]).toMatchObject({ role: 'cro', title: 'CRO' });
    expect(cro.chart.root.children[0]?.children[0]).toMatchObject({ role: 'vp-cs' });
  });

  it('accepts a CRO at the scale stage but not before', async () => {
    const atScale = org('cro').replace(FIRST_HIRE, SCALE);
    expect(await findings(atScale, 'cs-reports-to-sales')).toEqual([]);
    expect(await findings(org('cro'), 'cs-reports-to-sales')).toHaveLength(1);
  });
});

describe('renewals-outside-cs', () => {
  const org = (line: string) => `team:
  - { id: ceo, role: ceo }
  - { id: vic, role: vp-sales, reports_to: ceo }
  - { id: ken, role: vp-cs, reports_to: ceo }
  - { id: rita, role: renewals, reports_to: ${line} }
  - { id: dana, role: csm, reports_to: ken }
`;

  it('flags renewals reporting to Sales at the specialization stage', async () => {
    const found = await findings(org('vic') + SPECIALIZATION, 'renewals-outside-cs');
    expect(found).toEqual([
      expect.objectContaining({ path: ['team', 3, 'reports_to'], severity: 'warning' }),
    ]);
    expect(found[0]?.message).toMatch(
      /^"rita" \(Renewals Manager\) reports up to "vic" \(VP Sales\): at the Specialization stage, move renewals and upsells into CS/,
    );
  });

  it('reports a team under Sales once, at its head, naming the people under them', async () => {
    // am-head leads 2 account managers and a renewals manager, and reports to the VP Sales: one
    // line reaches Sales, so one finding, located at am-head's entry (team index 4).
    const team =
      `${org('vic')}  - { id: am-head, role: head-of-account-management, reports_to: vic }
  - { id: am-1, role: account-manager, reports_to: am-head }
  - { id: am-2, role: account-manager, reports_to: am-head }
  - { id: ren, role: renewals, reports_to: am-head }
`.replace('  - { id: rita, role: renewals, reports_to: vic }\n', '');
    const found = await findings(team + SPECIALIZATION, 'renewals-outside-cs');
    expect(found).toEqual([expect.objectContaining({ path: ['team', 4, 'reports_to'] })]);
    expect(found[0]?.message).toMatch(
      /^"am-head" \(Head of Account Management\), with 2 Account Managers and 1 Renewals Manager under them, reports up to "vic" \(VP Sales\): /,
    );
  });

  it('reports people with no head under one sales leader once, by name', async () => {
    const team = `${org('vic')}  - { id: amy, role: account-manager, reports_to: vic }\n`;
    const found = await findings(team + SPECIALIZATION, 'renewals-outside-cs');
    expect(found).toEqual([expect.objectContaining({ path: ['team', 3, 'reports_to'] })]);
    expect(found[0]?.message).toMatch(
      /^"rita" and "amy" \(1 Renewals Manager and 1 Account Manager\) report up to "vic" \(VP Sales\): /,
    );
  });

  it('passes renewals under the CS leader, and renewals with Sales at the first-hire stage', async () => {
    expect(await findings(org('ken') + SPECIALIZATION, 'renewals-outside-cs')).toEqual([]);
    expect(await findings(org('vic') + FIRST_HIRE, 'renewals-outside-cs')).toEqual([]);
  });
});

describe('no-digital-coverage', () => {
  // 10 enterprise x $100k = $1M and a self-serve tail of N x $1k.
  const org = (tail: number, roles: string[]) =>
    `${team(...roles)}accounts:\n${accounts('e', 10, 100_000, 'owner: csm-1')}\naccount_groups:\n  - { name: Self-serve, count: ${tail}, arr_each: 1000 }\n`;

  it('flags a tail needing 0.8 FTE of digital CS with nobody on it', async () => {
    // Self-serve: $2.4M / $3M per digital CSM = 0.8 FTE, under the cap of 2,400 / 2,000 = 1.2;
    // $2.4M of $3.4M ARR = 71%.
    const found = await findings(org(2400, ['csm']), 'no-digital-coverage');
    expect(found).toEqual([
      expect.objectContaining({
        path: ['team'],
        message:
          '2,400 self-serve accounts ($2.4M, 71% of ARR) need 0.8 FTE of digital CS and nobody covers them; add a digital CSM',
      }),
    ]);
  });

  it('passes with a digital CSM', async () => {
    expect(await findings(org(2400, ['csm', 'digital-csm']), 'no-digital-coverage')).toEqual([]);
  });

  it('passes a small tail: 1,200 accounts at $1k need 0.4 FTE', async () => {
    // $1.2M / $3M = 0.4 FTE, under the half FTE from which the tail is its own team.
    expect(await findings(org(1200, ['csm']), 'no-digital-coverage')).toEqual([]);
  });
});

describe('csm-catch-all', () => {
  it('flags CSMs with no support team at the specialization stage', async () => {
    const found = await findings(team('csm', 'csm') + SPECIALIZATION, 'csm-catch-all');
    expect(found).toEqual([
      expect.objectContaining({
        path: ['team'],
        severity: 'warning',
        message:
          'Specialization stage (150 customers, $3M ARR), 2 CSMs and nobody in support: CSMs ("csm-1" and "csm-2") take the tickets and run implementations; split support from CS with its own escalation path',
      }),
    ]);
  });

  it('leaves implementation out of the message when onboarding exists', async () => {
    const found = await findings(team('csm', 'onboarding') + SPECIALIZATION, 'csm-catch-all');
    expect(found[0]?.message).toContain('take the tickets; split support');
  });

  it('passes with support, and at the first-hire stage', async () => {
    expect(await findings(team('csm', 'support') + SPECIALIZATION, 'csm-catch-all')).toEqual([]);
    expect(await findings(team('csm') + FIRST_HIRE, 'csm-catch-all')).toEqual([]);
  });
});
