import { describe, expect, it } from 'vitest';
import { accounts, planFrom } from '../../helpers/org.js';

async function findings(body: string, rule: string) {
  return (await planFrom(body)).findings.filter((f) => f.rule === rule);
}

describe('csm-overloaded', () => {
  it('flags a book beyond the top of the range by count: 30 enterprise accounts (max 25)', async () => {
    // 30 accounts at $100k: 30/25 = 1.2 of a max book by count; $3M/$5M = 0.6 by ARR.
    const found = await findings(
      `team:\n  - { id: dana, role: csm }\naccounts:\n${accounts('e', 30, 100_000, 'owner: dana')}\n`,
      'csm-overloaded',
    );
    expect(found).toEqual([expect.objectContaining({ path: ['team', 0], severity: 'error' })]);
    // At target: 30/20 = 1.5 by count.
    expect(found[0]?.message).toBe(
      '"dana" holds 30 accounts, $3M ARR: 120% of the largest book the benchmarks allow (150% of a target book); `csplan rebalance` proposes the moves, or hire',
    );
  });

  it('weighs ARR, not only count: 8 enterprise accounts at $700k pinned enterprise', async () => {
    // 8/25 = 0.32 by count, but $5.6M / $5M = 1.12 by ARR.
    const found = await findings(
      `team:\n  - { id: c, role: csm }\naccounts:\n${accounts('e', 8, 700_000, 'owner: c, segment: enterprise')}\n`,
      'csm-overloaded',
    );
    expect(found).toHaveLength(1);
  });

  it('weighs complexity: 22 high-complexity enterprise accounts overload, 22 medium do not', async () => {
    // 22 x 1.3 = 28.6 weighted / 25 = 1.14; 22 / 25 = 0.88. ARR $2.2M / $5M = 0.44.
    const body = (c: string) =>
      `team:\n  - { id: c, role: csm }\naccounts:\n${accounts('e', 22, 100_000, `owner: c, complexity: ${c}`)}\n`;
    expect(await findings(body('high'), 'csm-overloaded')).toHaveLength(1);
    expect(await findings(body('medium'), 'csm-overloaded')).toEqual([]);
  });

  it('measures part-time CSMs against their share', async () => {
    // 15/25 = 0.6 > fte 0.5.
    const found = await findings(
      `team:\n  - { id: c, role: csm, fte: 0.5 }\naccounts:\n${accounts('e', 15, 100_000, 'owner: c')}\n`,
      'csm-overloaded',
    );
    expect(found).toHaveLength(1);
  });

  it('leaves CSMs still in the ramp to ramp-overload', async () => {
    const found = await findings(
      `team:\n  - { id: c, role: csm, start_date: 2026-11-16 }\naccounts:\n${accounts('e', 30, 100_000, 'owner: c')}\n`,
      'csm-overloaded',
    );
    expect(found).toEqual([]);
  });
});

describe('ramp-overload', () => {
  it('flags any book in weeks 1-4', async () => {
    // Started 2026-11-02: 21 days before 2026-11-23 -> week 4, no book yet.
    const found = await findings(
      `team:\n  - { id: jun, role: csm, start_date: 2026-11-02 }\naccounts:\n${accounts('s', 3, 10_000, 'owner: jun')}\n`,
      'ramp-overload',
    );
    expect(found).toEqual([expect.objectContaining({ path: ['team', 0] })]);
    expect(found[0]?.message).toContain('week 4 of the ramp, where a book is 0% of a full one');
  });

  it('flags a planned hire who already owns accounts', async () => {
    const found = await findings(
      `team:\n  - { id: new, role: csm, start_date: 2027-01-04 }\naccounts:\n${accounts('s', 2, 10_000, 'owner: new')}\n`,
      'ramp-overload',
    );
    expect(found[0]?.message).toBe(
      '"new" starts on 2027-01-04 but already owns 2 accounts, $20k ARR; until then nobody covers them, and the first weeks of the ramp carry no book',
    );
  });

  it('allows half a book in weeks 5-6 and flags more', async () => {
    // Started 2026-10-19: 35 days -> week 6, half a book. Mid-market target 57.5 accounts / $2M.
    // 25 accounts at $30k: 25/57.5 = 0.43, $750k/$2M = 0.375 -> 0.43 <= 0.5: fine.
    // 35 accounts: 35/57.5 = 0.61 > 0.5: overload.
    const body = (n: number) =>
      `team:\n  - { id: c, role: csm, start_date: 2026-10-19 }\naccounts:\n${accounts('m', n, 30_000, 'owner: c')}\n`;
    expect(await findings(body(25), 'ramp-overload')).toEqual([]);
    expect(await findings(body(35), 'ramp-overload')).toHaveLength(1);
  });
});

describe('span-of-control', () => {
  const csms = (n: number, manager: string) =>
    Array.from(
      { length: n },
      (_, i) => `  - { id: c${i}, role: csm, reports_to: ${manager} }`,
    ).join('\n');

  it('flags 12 CSMs straight under a VP as a flat team', async () => {
    const found = await findings(
      `team:\n  - { id: vp, role: vp-cs }\n${csms(12, 'vp')}\n`,
      'span-of-control',
    );
    expect(found).toEqual([expect.objectContaining({ path: ['team', 0], severity: 'error' })]);
    expect(found[0]?.message).toBe(
      '"vp" (VP Customer Success) has 12 direct reports including 12 CSMs (a flat team); keep spans at 5-8 by adding a manager per group',
    );
  });

  it('passes 8 direct reports', async () => {
    expect(
      await findings(
        `team:\n  - { id: m, role: manager-cs }\n${csms(8, 'm')}\n`,
        'span-of-control',
      ),
    ).toEqual([]);
  });

  it('flags a director over more than 4 managers', async () => {
    const managers = Array.from(
      { length: 5 },
      (_, i) => `  - { id: m${i}, role: manager-cs, reports_to: d }`,
    ).join('\n');
    const found = await findings(
      `team:\n  - { id: d, role: director-cs }\n${managers}\n`,
      'span-of-control',
    );
    expect(found[0]?.message).toBe('"d" (Director of CS) leads 5 managers; directors lead 2-4');
  });

  it("counts only the CS side of an executive's span", async () => {
    const sales = Array.from(
      { length: 8 },
      (_, i) => `  - { id: s${i}, role: sales, reports_to: ceo }`,
    ).join('\n');
    const body = `team:\n  - { id: ceo, role: ceo }\n  - { id: cro, role: cro, reports_to: ceo }\n${sales}\n  - { id: c, role: csm, reports_to: ceo }\n`;
    expect(await findings(body, 'span-of-control')).toEqual([]);
  });

  it('reads the limits from policy', async () => {
    const found = await findings(
      `team:\n  - { id: m, role: manager-cs }\n${csms(7, 'm')}\npolicy:\n  span_of_control: { manager_max: 6 }\n`,
      'span-of-control',
    );
    expect(found).toHaveLength(1);
  });
});

describe('missing-cs-ops', () => {
  // Busy CSMs: 250 mid-market accounts at $30k need max(250 / 57.5, $7.5M / $2M) = 4.35 FTE.
  const work = `accounts:\n${accounts('m', 250, 30_000)}\n`;
  const team = (n: number) =>
    `${Array.from({ length: n }, (_, i) => `  - { id: c${i}, role: csm }`).join('\n')}\n${work}`;
  it('warns at 5 CSMs without CS Ops', async () => {
    const found = await findings(`team:\n${team(5)}\n`, 'missing-cs-ops');
    expect(found).toEqual([expect.objectContaining({ severity: 'warning', path: ['team'] })]);
  });
  it('leaves 5 idle CSMs with 0.3 FTE of work to csm-capacity-idle', async () => {
    // 10 mid-market accounts at $30k need max(10 / 40, $300k / $1M) = 0.3 FTE at most.
    const idle = Array.from({ length: 5 }, (_, i) => `  - { id: c${i}, role: csm }`).join('\n');
    const body = `team:\n${idle}\naccounts:\n${accounts('m', 10, 30_000)}\n`;
    expect(await findings(body, 'missing-cs-ops')).toEqual([]);
    expect(await findings(body, 'csm-capacity-idle')).toHaveLength(1);
  });
  it('passes at 4 CSMs, or with CS Ops', async () => {
    expect(await findings(`team:\n${team(4)}\n`, 'missing-cs-ops')).toEqual([]);
    expect(
      await findings(`team:\n  - { id: ops, role: cs-ops }\n${team(6)}\n`, 'missing-cs-ops'),
    ).toEqual([]);
  });
  it('does not count planned CSMs', async () => {
    expect(
      await findings(
        `team:\n  - { id: new, role: csm, start_date: 2027-01-04 }\n${team(4)}\n`,
        'missing-cs-ops',
      ),
    ).toEqual([]);
  });
});
