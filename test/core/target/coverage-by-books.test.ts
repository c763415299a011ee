/** Coverage follows the books: a pin says where a CSM belongs, never that their accounts lack one. */
import { describe, expect, it } from 'vitest';
import { accounts, planFrom } from '../../helpers/org.js';

// e1 and e2 are pinned to enterprise and hold the 4 strategic accounts between them.
// Strategic: 4 x $700k = $2.8M: max(4 / 7.5, $2.8M / $3.5M) = 0.8 FTE.
// Enterprise: 24 x $150k = $3.6M: max(24 / 20, $3.6M / $3.5M) = 1.2 FTE.
// Mid-market: 80 x $30k = $2.4M: max(80 / 57.5, $2.4M / $2M) = 1.39 FTE.
// 108 customers and $8.8M ARR: specialization by both signals; 3.4 FTE in all: tier teams.
const pinned = (strategicOwned = true) => `team:
  - { id: vp, role: vp-cs }
  - { id: e1, role: csm, segment: enterprise, reports_to: vp }
  - { id: e2, role: csm, segment: enterprise, reports_to: vp }
  - { id: m1, role: csm, segment: mid-market, reports_to: vp }
  - { id: m2, role: csm, segment: mid-market, reports_to: vp }
accounts:
${accounts('s-a', 2, 700_000, strategicOwned ? 'owner: e1' : '')}
${accounts('s-b', 2, 700_000, strategicOwned ? 'owner: e2' : '')}
${accounts('e-a', 12, 150_000, 'owner: e1')}
${accounts('e-b', 12, 150_000, 'owner: e2')}
${accounts('m-a', 40, 30_000, 'owner: m1')}
${accounts('m-b', 40, 30_000, 'owner: m2')}
`;

describe('coverage follows the books', () => {
  it('strategic accounts in the books of two enterprise-pinned CSMs are their team, not a hire', async () => {
    const plan = await planFrom(pinned());
    expect(plan.stage.id).toBe('specialization');
    const team = plan.teams.find((t) => t.segments.includes('strategic'));
    // The strategic work joins the team whose CSMs hold it: 0.8 + 1.2 = 2.0 FTE for e1 and e2.
    expect(team).toMatchObject({ key: 'strategic+enterprise', members: ['e1', 'e2'] });
    expect(team?.needed).toBeCloseTo(2.0);
    expect(team?.hireNow).toBe(0);
    expect(plan.gaps.filter((g) => g.role === 'csm')).toEqual([]);
  });

  it('a strategic segment nobody holds is still a team to hire for', async () => {
    // The same org with the strategic accounts unowned: nobody covers 0.8 FTE -> 1 hire now.
    const plan = await planFrom(pinned(false));
    const strategic = plan.teams.find((t) => t.key === 'strategic');
    expect(strategic).toMatchObject({ members: [], hireNow: 1 });
  });
});

describe('named work joins a named team that holds it before a pooled one', () => {
  // Strategic: 4 x $700k: max(4 / 7.5, $2.8M / $3.5M) = 0.8 FTE, over the half FTE a team needs,
  // and nobody's home: e1 (enterprise) holds 1 account, s1 (SMB) 3. Enterprise: 20 x $150k:
  // max(20 / 20, $3M / $3.5M) = 1.0 FTE. SMB: 150 x $10k: max(150 / 150, $1.5M / $1.25M) = 1.2.
  // By load alone strategic joined the SMB pool (s1 holds more of it), with s1 and s2: 2.0 for
  // 2.0 FTE, no hire. Just under the bar (0.49 FTE) it merged into its neighbour, Enterprise,
  // and hired: more strategic work planned less (monotone seed 19, 2.7x against 2.8x). Executive
  // -touch accounts belong with the named CSMs: Strategic + Enterprise, 1.8 FTE for e1, 1 hire.
  it('Strategic + Enterprise, not Strategic + SMB', async () => {
    const plan = await planFrom(`team:
  - { id: ceo, role: ceo }
  - { id: e1, role: csm, segment: enterprise, reports_to: ceo }
  - { id: s1, role: csm, segment: smb, reports_to: ceo }
  - { id: s2, role: csm, segment: smb, reports_to: ceo }
accounts:
${accounts('st-a', 1, 700_000, 'owner: e1')}
${accounts('st-b', 3, 700_000, 'owner: s1')}
${accounts('ent', 20, 150_000)}
${accounts('smb', 150, 10_000)}
`);
    expect(plan.teams.map((t) => [t.key, t.members, t.hireNow])).toEqual([
      ['strategic+enterprise', ['e1'], 1],
      ['smb', ['s1', 's2'], 0],
    ]);
  });
});
