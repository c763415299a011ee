/** The timeline keeps the accounts' regions: its first month has the target's regional teams. */
import { describe, expect, it } from 'vitest';
import { planOrg } from '../../src/core/plan.js';
import { simulateTimeline } from '../../src/core/timeline/index.js';
import { accounts, orgFrom } from '../helpers/org.js';

// Enterprise accounts at $150k, nobody owns them yet; enterprise target books are 20 accounts or
// $3.5M. NA 40: max(40 / 20, $6.0M / $3.5M) = 2.0 FTE; EMEA 30: max(1.5, $4.5M / $3.5M) = 1.5;
// APAC 26: max(1.3, $3.9M / $3.5M) = 1.3. Each region has an FTE of work or more: three teams,
// one CSM each. Folded without their region, the 96 accounts were one team of 4.8 FTE for 3 CSMs.
const ORG = `team:
  - { id: vp, role: vp-cs }
  - { id: n1, role: csm, segment: enterprise, region: NA, reports_to: vp }
  - { id: e1, role: csm, segment: enterprise, region: EMEA, reports_to: vp }
  - { id: a1, role: csm, segment: enterprise, region: APAC, reports_to: vp }
accounts:
${accounts('na', 40, 150_000, 'region: NA')}
${accounts('emea', 30, 150_000, 'region: EMEA')}
${accounts('apac', 26, 150_000, 'region: APAC')}
`;

describe('the timeline on an org with three regions', () => {
  it("has the target's regional teams and CSM work in its first month", async () => {
    const org = await orgFrom(ORG);
    const [first] = simulateTimeline(org, { months: 1 }).rows;
    const needs = first?.teams.map((t) => [t.key, Number(t.needed.toFixed(2))]);
    expect(needs).toEqual([
      ['enterprise@na', 2],
      ['enterprise@emea', 1.5],
      ['enterprise@apac', 1.3],
    ]);
    const target = planOrg(org).target.teams.map((t) => [t.key, Number(t.needed.toFixed(2))]);
    expect(needs).toEqual(target);
  });

  it('dates a req for each region the target hires in, not one for the folded team', async () => {
    const org = await orgFrom(ORG);
    // 10% attrition a year holds back 95 / 365 x 10% = 2.6% of each CSM: 0.974 FTE in seat.
    // NA 2.0 - 0.974 = 1.03 short, EMEA 0.53, APAC 0.33: each past the quarter FTE a team
    // absorbs, one hire each. The folded team dated ceil(4.8 - 2.92 - 0.25) = 2.
    const csms = simulateTimeline(org, { months: 1 }).hires.filter((h) => h.role === 'csm');
    expect(csms.map((h) => h.team).sort()).toEqual([
      'APAC Enterprise CSMs',
      'EMEA Enterprise CSMs',
      'NA Enterprise CSMs',
    ]);
    // The target's gaps hire the same three: one per region.
    const gaps = planOrg(org).gaps.filter((g) => g.role === 'csm');
    expect(gaps.reduce((sum, g) => sum + g.count, 0)).toBe(3);
  });
});
