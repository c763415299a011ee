import { describe, expect, it } from 'vitest';
import { accounts, planFrom } from '../../helpers/org.js';

async function findings(body: string, rule: string, company?: string) {
  return (await planFrom(body, company)).findings.filter((f) => f.rule === rule);
}

describe('mixed-segment-book', () => {
  // 230 customers and $6.6M ARR: specialization. "ent" serves enterprise; "pool" serves SMB; "mm"
  // serves mid-market. Capacity: enterprise max(10/20, $2M/$3.5M) = 0.57 FTE, SMB max(100/150,
  // $1M/$1.25M) = 0.8 FTE, mid-market max(120/57.5, $3.6M/$2M) = 2.09 FTE: 3.46 FTE in all is
  // enough to split by tier, each at least 0.5, so enterprise and SMB are separate teams two
  // tiers apart.
  const org = (smbOnEnt: number) => `team:
  - { id: ent, role: csm, segment: enterprise }
  - { id: pool, role: csm, segment: smb }
  - { id: mm, role: csm, segment: mid-market }
accounts:
${accounts('m', 120, 30_000, 'owner: mm')}
${accounts('e', 10, 200_000, 'owner: ent')}
${accounts('s', smbOnEnt, 10_000, 'owner: ent')}
${accounts('p', 100 - smbOnEnt, 10_000, 'owner: pool')}
`;

  it('flags an enterprise CSM holding a pile of SMB accounts', async () => {
    // Load per segment, the larger of count and ARR: enterprise max(10/20, $2M/$3.5M) = 0.571,
    // SMB max(40/150, $400k/$1.25M) = 0.32; far share 0.32 / 0.891 = 36% >= 20%.
    const found = await findings(org(40), 'mixed-segment-book');
    expect(found).toEqual([expect.objectContaining({ path: ['team', 0], severity: 'warning' })]);
    expect(found[0]?.message).toBe(
      '"ent" mixes tiers: 40 smb accounts ("s-1", "s-2", "s-3", "s-4", "s-5" and 35 more) are 36% of the load of a book otherwise in enterprise; move them to the team that serves their segment',
    );
  });

  it('passes a few far-away accounts: 10 SMB accounts are 12% of the load', async () => {
    // SMB max(10/150, $100k/$1.25M) = 0.08; 0.08 / 0.651 = 12% < 20%.
    expect(await findings(org(10), 'mixed-segment-book')).toEqual([]);
  });

  it('passes neighbouring tiers: enterprise and mid-market in one book', async () => {
    const body = `team:
  - { id: c, role: csm }
accounts:
${accounts('e', 10, 200_000, 'owner: c')}
${accounts('m', 40, 50_000, 'owner: c')}
${accounts('t', 60, 3_000)}
`;
    expect(await findings(body, 'mixed-segment-book')).toEqual([]);
  });

  it('exempts the first-hire stage, where a generalist holds everything', async () => {
    // 40 customers, $1M ARR: first-hire.
    const body = `team:
  - { id: c, role: csm }
accounts:
${accounts('e', 5, 150_000, 'owner: c')}
${accounts('s', 35, 7_000, 'owner: c')}
`;
    expect(await findings(body, 'mixed-segment-book')).toEqual([]);
  });
});

describe('book-health-mix', () => {
  const book = (red: number, yellow: number, green: number, unscored = 0) => `team:
  - { id: c, role: csm }
accounts:
${accounts('r', red, 50_000, 'owner: c, health: red')}
${accounts('y', yellow, 50_000, 'owner: c, health: yellow')}
${accounts('g', green, 50_000, 'owner: c, health: green')}
${accounts('u', unscored, 50_000, 'owner: c')}
`;

  it('flags 4 of 10 red or yellow (40% > 30%), naming red accounts first', async () => {
    const found = await findings(book(1, 3, 6), 'book-health-mix');
    expect(found).toEqual([expect.objectContaining({ path: ['team', 0], severity: 'warning' })]);
    expect(found[0]?.message).toBe(
      '"c" has 4 of 10 accounts red or yellow (40%; limit 30%): "r-1", "y-1", "y-2" and "y-3"; `csplan rebalance` proposes how to spread them',
    );
  });

  it('passes exactly 30%: 3 of 10', async () => {
    expect(await findings(book(1, 2, 7), 'book-health-mix')).toEqual([]);
  });

  it('counts only accounts with a health score: 3 of 7 scored is 43%', async () => {
    const found = await findings(book(3, 0, 4, 5), 'book-health-mix');
    expect(found[0]?.message).toContain('3 of 7 accounts with a health score red or yellow (43%');
  });

  it('honours policy health_mix_max', async () => {
    const body = `${book(1, 3, 6)}policy:\n  health_mix_max: 0.5\n`;
    expect(await findings(body, 'book-health-mix')).toEqual([]);
  });
});

describe('seniority-mismatch', () => {
  const team = (seniority: string) => `team:
  - { id: j, role: csm, seniority: ${seniority} }
accounts:
${accounts('h', 2, 150_000, 'owner: j, complexity: high')}
${accounts('m', 3, 150_000, 'owner: j')}
`;

  it('flags a junior CSM with high-complexity accounts, by id', async () => {
    const found = await findings(team('junior'), 'seniority-mismatch');
    expect(found).toEqual([expect.objectContaining({ path: ['team', 0], severity: 'warning' })]);
    expect(found[0]?.message).toBe(
      'junior CSM "j" owns 2 high-complexity accounts ("h-1" and "h-2"); `csplan rebalance` moves them to a senior CSM with room, or pair them with one',
    );
  });

  it('passes a senior CSM with the same book', async () => {
    expect(await findings(team('senior'), 'seniority-mismatch')).toEqual([]);
  });

  it('counts the product complexity when an account sets none', async () => {
    const body = `team:\n  - { id: j, role: csm, seniority: junior }\naccounts:\n${accounts('a', 3, 40_000, 'owner: j')}\n`;
    const found = await findings(body, 'seniority-mismatch', 'name: T\n  product_complexity: high');
    expect(found[0]?.message).toContain('owns 3 high-complexity accounts');
  });
});

describe('book-imbalance', () => {
  const books = (a: string, b: string, extraB = '') => `team:
  - { id: a, role: csm }
  - { id: b, role: csm${extraB} }
accounts:
${a}
${b}
`;

  it('flags one mid-market book twice the load of another', async () => {
    // a: 60 x $25k: max(60/57.5, $1.5M/$2M) = 1.043; b: 30 x $30k: max(30/57.5, $0.9M/$2M) = 0.522.
    // Load ratio 2.0 beats the ARR ratio ($1.5M / $0.9M = 1.67): the load is reported.
    const found = await findings(
      books(accounts('a', 60, 25_000, 'owner: a'), accounts('b', 30, 30_000, 'owner: b')),
      'book-imbalance',
    );
    expect(found).toEqual([expect.objectContaining({ path: ['team', 0], severity: 'warning' })]);
    expect(found[0]?.message).toBe(
      'mid-market books are far apart: "a" carries 2.0x the load of "b" (104% vs 52% of a target book); `csplan rebalance` proposes the moves',
    );
  });

  it('flags books far apart in ARR when counts match', async () => {
    // a: 40 x $60k = $2.4M, load max(0.696, 1.2) = 1.2; b: 40 x $30k = $1.2M, load 0.696.
    // Load ratio 1.72 < ARR ratio 2.0: the ARR is reported.
    const found = await findings(
      books(accounts('a', 40, 60_000, 'owner: a'), accounts('b', 40, 30_000, 'owner: b')),
      'book-imbalance',
    );
    expect(found[0]?.message).toBe(
      'mid-market books are far apart: "a" holds 2.0x the ARR of "b" ($2.4M vs $1.2M); `csplan rebalance` proposes the moves',
    );
  });

  it('names an empty book as "none" rather than an infinite ratio (fuzz, issue 22)', async () => {
    // b is assigned mid-market and owns 40 accounts worth $0 (a CRM export with ARR not filled):
    // $2.4M against $0 has no ratio, so the finding says b holds none instead of "Infinityx".
    const found = await findings(
      books(
        accounts('a', 40, 60_000, 'owner: a'),
        accounts('b', 40, 0, 'owner: b, segment: mid-market'),
        ', segment: mid-market',
      ),
      'book-imbalance',
    );
    expect(found.map((f) => f.message)).toEqual([
      'mid-market books are far apart: "a" holds $2.4M of ARR and "b" none; `csplan rebalance` proposes the moves',
    ]);
  });

  it('passes books within 1.5x: 40 and 30 accounts', async () => {
    const body = books(
      accounts('a', 40, 30_000, 'owner: a'),
      accounts('b', 30, 30_000, 'owner: b'),
    );
    expect(await findings(body, 'book-imbalance')).toEqual([]);
  });

  it('leaves CSMs in the ramp out', async () => {
    // b started 2026-10-26: week 5, half a book on purpose.
    const body = books(
      accounts('a', 60, 30_000, 'owner: a'),
      accounts('b', 20, 30_000, 'owner: b'),
      ', start_date: 2026-10-26',
    );
    expect(await findings(body, 'book-imbalance')).toEqual([]);
  });
});

describe('premature-downgrade', () => {
  const account = (segment: string, event: string) =>
    `accounts:\n  - { id: acme, arr: 150000, segment: ${segment}, last_negative_event: ${event} }\n`;

  it('flags an enterprise-ARR account pinned to mid-market 30 days after an escalation', async () => {
    // 2026-10-24 -> 2026-11-23 is 30 days; 2026-10-24 + 90 days = 2027-01-22.
    const found = await findings(account('mid-market', '2026-10-24'), 'premature-downgrade');
    expect(found).toEqual([
      expect.objectContaining({ path: ['accounts', 0, 'segment'], severity: 'warning' }),
    ]);
    expect(found[0]?.message).toBe(
      'account "acme" is pinned to mid-market, below its enterprise tier, 30 days after a negative event (2026-10-24); keep it in enterprise until 2027-01-22',
    );
  });

  it('passes once 90 days have gone by (114 days since 2026-08-01)', async () => {
    expect(await findings(account('mid-market', '2026-08-01'), 'premature-downgrade')).toEqual([]);
  });

  it('passes a pin that moves the account up a tier', async () => {
    expect(await findings(account('strategic', '2026-11-01'), 'premature-downgrade')).toEqual([]);
  });

  it('honours policy downgrade_cooldown_days', async () => {
    const body = `${account('mid-market', '2026-10-24')}policy:\n  downgrade_cooldown_days: 30\n`;
    expect(await findings(body, 'premature-downgrade')).toEqual([]);
  });
});

describe('csm-capacity-idle', () => {
  const csms = (n: number) =>
    Array.from({ length: n }, (_, i) => `  - { id: c${i + 1}, role: csm }`).join('\n');
  const body = (n: number, count: number, extra = '') =>
    `team:\n${csms(n)}\naccounts:\n${accounts('m', count, 30_000, 'owner: c1')}\n${extra}`;
  // n mid-market CSMs and `count` unowned mid-market accounts at $30k.
  const midMarket = (n: number, count: number, extra = '') =>
    `team:\n${Array.from({ length: n }, (_, i) => `  - { id: c${i + 1}, role: csm, segment: mid-market }`).join('\n')}\naccounts:\n${accounts('m', count, 30_000)}\n${extra}`;

  it('flags CSMs with far more capacity than the work, with the load and ARR per CSM', async () => {
    // 10 mid-market accounts at $30k, all with c1: max(10 / 57.5, $300k / $2M) = 0.174 FTE of work
    // at the target ratios. Capacity: 5 FTE >= 0.174 + 2, and 0.174 is 3% of it (<= 2/3).
    // ARR per CSM: $300k / 5 = $60k; at target $300k / 0.174 = $1.7M. The one generalist team
    // keeps 5 people for 0.174 FTE: floor(5 - 0.174) = 4 beyond the work.
    const plan = await planFrom(body(5, 10));
    const idle = plan.findings.filter((f) => f.rule === 'csm-capacity-idle');
    expect(idle).toEqual([expect.objectContaining({ path: ['team'], severity: 'warning' })]);
    expect(idle[0]?.message).toBe(
      '5 CSMs give 5 FTE of capacity for 0.2 FTE of work at the target ratios: 3% loaded, $60k of ARR per CSM against $1.7M at target. 4 CSMs beyond the work, growth included. Choices: hold backfills as people leave. If some of them are founders or sales reps who own accounts in the CRM, give them that role.',
    );
    // Five CSMs on file, one needed by the work: no reason for CS Ops.
    expect(plan.findings.filter((f) => f.rule === 'missing-cs-ops')).toEqual([]);
    expect(plan.gaps.filter((g) => g.role === 'cs-ops')).toEqual([]);
  });

  it('offers to defer a planned hire on top of idle CSMs', async () => {
    const planned = '  - { id: new, role: csm, start_date: 2027-02-01 }\n';
    const found = await findings(
      body(5, 10).replace('accounts:', `${planned}accounts:`),
      'csm-capacity-idle',
    );
    expect(found[0]?.message).toContain(
      'defer the offer to "new" (starts 2027-02-01) if it is not signed',
    );
  });

  it('with the rule off, surplus CSMs still call for no CS Ops: triggers count the work', async () => {
    const plan = await planFrom(body(5, 10, 'rules:\n  csm-capacity-idle: off\n'));
    expect(plan.findings.map((f) => f.rule)).not.toContain('csm-capacity-idle');
    expect(plan.findings.map((f) => f.rule)).not.toContain('missing-cs-ops');
    expect(plan.gaps.filter((g) => g.role === 'cs-ops')).toEqual([]);
  });

  it('passes a surplus under 2 FTE: 2 CSMs for 0.2 FTE of work', async () => {
    expect(await findings(body(2, 10), 'csm-capacity-idle')).toEqual([]);
  });

  it('9 CSMs for 5 FTE of work sit at 56%: reported, with the cost and the moves into CS Ops', async () => {
    // 288 mid-market accounts at $30k: max(288 / 57.5, $8.64M / $2M) = 5.01 FTE at target.
    // 9 >= 5.01 + 2 and 5.01 / 9 = 56% <= 2/3. ARR per CSM $8.64M / 9 = $960k; at target
    // $8.64M / 5.01 = $1.7M. Salaries: 9 x $100k = $900k, 10% of $8.64M.
    // The team keeps floor(9 - 5.01) = 3 beyond the work. It needs 6 CSMs, so CS Ops is due
    // (the 5th CSM) and the specialization stage wants onboarding: c1 and c2 move into them
    // (same tenure and book, so file order); one stays beyond the work.
    const plan = await planFrom(midMarket(9, 288, 'policy:\n  salaries: { csm: 100000 }\n'));
    const idle = plan.findings.find((f) => f.rule === 'csm-capacity-idle');
    expect(idle?.message).toBe(
      '9 CSMs give 9 FTE of capacity for 5 FTE of work at the target ratios: 56% loaded, $960k of ARR per CSM against $1.7M at target. CS costs $900k a year, 10% of ARR. 3 CSMs beyond the work, growth included. Choices: hold backfills as people leave; move "c1" into CS Ops Specialist, "c2" into Onboarding Specialist instead of hiring. If some of them are founders or sales reps who own accounts in the CRM, give them that role.',
    );
    expect(plan.target.roleMoves.map((m) => [m.id, m.role])).toEqual([
      ['c1', 'cs-ops'],
      ['c2', 'onboarding'],
    ]);
    expect(plan.gaps.filter((g) => g.role === 'cs-ops' || g.role === 'onboarding')).toEqual([]);
  });

  it('passes 7 CSMs for the same 5 FTE: 72% loaded is inside what the ranges allow', async () => {
    // 5.01 / 7 = 72% > 2/3.
    expect(await findings(midMarket(7, 288), 'csm-capacity-idle')).toEqual([]);
  });

  it('waits for accounts: CSMs in a file without any are not idle yet', async () => {
    expect(await findings(`team:\n${csms(4)}\n`, 'csm-capacity-idle')).toEqual([]);
  });
});

describe('leaver-owns-accounts', () => {
  // The plan date is 2026-11-23. Ella's last day decides: on or after it, her book has nobody.
  const org = (leaving: string) => `team:
  - { id: sam, role: csm }
  - { id: ella, role: csm, leaving: ${leaving} }
accounts:
${accounts('s', 3, 50_000, 'owner: sam')}
${accounts('e', 3, 50_000, 'owner: ella')}
`;

  it('flags a CSM whose leave date has passed and who still owns accounts', async () => {
    const found = await findings(org('2026-11-20'), 'leaver-owns-accounts');
    expect(found).toEqual([expect.objectContaining({ path: ['team', 1], severity: 'error' })]);
    // 3 accounts x $50k = $150k.
    expect(found[0]?.message).toBe(
      '"ella" left on 2026-11-20 but still owns 3 accounts, $150k ARR: nobody covers them; `csplan rebalance` hands the book over',
    );
  });

  it('flags the leave date itself: the last day carries no book', async () => {
    expect(await findings(org('2026-11-23'), 'leaver-owns-accounts')).toHaveLength(1);
  });

  it('passes a leaver who is still here: the book has an owner until the day', async () => {
    expect(await findings(org('2026-11-24'), 'leaver-owns-accounts')).toEqual([]);
  });
});
