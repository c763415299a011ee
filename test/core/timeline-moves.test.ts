/**
 * The timeline carries the target's moves from the month they happen, keeps a leaver nobody
 * replaces in their seat until they go, and plans a hand-over when the policy gives one. Numbers
 * worked out by hand from the default policy: mid-market $2M ARR and 57.5 accounts per CSM,
 * enterprise $3.5M and 20, 60 days from req to first day, the 8-week ramp (weeks 1-4 no book,
 * 5-6 half); plan date 2026-11-23, months on the 23rd.
 */
import { describe, expect, it } from 'vitest';
import type { Org } from '../../src/core/model.js';
import { backfillDates, personOn } from '../../src/core/people.js';
import { planOrg } from '../../src/core/plan.js';
import { simulateTimeline } from '../../src/core/timeline/index.js';
import { accounts, orgFrom } from '../helpers/org.js';

// 10% a year x (60 lead days + 35 ramp days lost: 4 weeks at 0, 2 weeks at half) / 365.
const ALLOWANCE = (0.1 * 95) / 365;

/** Nine CSMs, 200 mid-market accounts at $50k: about five CSMs of work. */
function surplusOrg(): Promise<Org> {
  const csms = Array.from(
    { length: 9 },
    // csm1 and csm2 have the longest tenure: they start the functions.
    (_, i) =>
      `  - { id: csm${i + 1}, role: csm, reports_to: vp, start_date: 202${i < 5 ? 2 : 3}-0${i + 1}-01 }`,
  ).join('\n');
  const book = Array.from(
    { length: 200 },
    (_, n) => `  - { id: acct-${n + 1}, arr: 50000, owner: csm${(n % 9) + 1} }`,
  ).join('\n');
  return orgFrom(`team:
  - { id: vp, role: vp-cs }
${csms}
accounts:
${book}
`);
}

describe('CSMs moved into a function leave the CSM count from the month they move', () => {
  it('nine CSMs for five of work: two start CS Ops and onboarding, nobody is hired for them', async () => {
    // Work: max(200 / 57.5 = 3.48, $10M / $2M = 5.0) = 5.0 FTE for 9 CSMs: 4 beyond the work.
    // 200 customers is the specialization stage, which wants CS Ops, onboarding and support: the
    // first two are seats a CSM can start (support is not), so two CSMs move and support is hired.
    const org = await surplusOrg();
    const timeline = simulateTimeline(org);
    expect(timeline.moves).toEqual([
      { id: 'csm1', role: 'cs-ops', from: '2026-11-23' },
      { id: 'csm2', role: 'onboarding', from: '2026-11-23' },
    ]);
    expect(timeline.hires.map((h) => h.role)).toEqual(['support']);
    for (const row of timeline.rows) {
      // 9 - 2 = 7 CSMs carry books; the two who moved are still in CS.
      expect(row.csmsInSeat).toBe(7);
      expect(row.csmCapacity).toBeCloseTo(7 * (1 - ALLOWANCE), 9);
      const people = row.teams.flatMap((t) => t.people.map((p) => p.id));
      expect(people).not.toContain('csm1');
      expect(people).not.toContain('csm2');
    }
    // The VP, 7 CSMs and the two who moved; the support hire starts 2027-01-22.
    expect(timeline.rows[0]?.headcount).toBe(10);
    // From the month of the move csm2 runs onboarding, which takes 10% of the work off the CSMs
    // (policy.offload): 5.0 / 1.1 = 4.545 FTE for 7 x 0.974 = 6.818 FTE of CSMs, a load of 67%.
    // The support hire starts 2027-01-22: from the 2027-01-23 month, 5.0 / 1.2 = 4.167, 61%.
    const capacity = 7 * (1 - ALLOWANCE);
    expect(timeline.rows[0]?.peakLoad).toBeCloseTo(5 / 1.1 / capacity, 9);
    expect(timeline.rows[2]?.peakLoad).toBeCloseTo(5 / 1.2 / capacity, 9);
  });

  it('the recommendation and the timeline agree on who moves', async () => {
    const org = await surplusOrg();
    const plan = planOrg(org);
    expect(plan.target.roleMoves.map((m) => [m.id, m.role])).toEqual([
      ['csm1', 'cs-ops'],
      ['csm2', 'onboarding'],
    ]);
  });
});

/**
 * Enterprise: 15 accounts at $200k = $3M: max(15 / 20 = 0.75, $3M / $3.5M = 0.857) = 0.857 FTE,
 * carried by eve, who leaves on 2027-06-11 with no backfill (a planned cut). Mid-market: 40
 * accounts at $50k = $2M: max(40 / 57.5 = 0.70, $2M / $2M = 1.0) = 1.0 FTE for four CSMs.
 */
function cutOrg(): Promise<Org> {
  return orgFrom(`team:
  - { id: vp, role: vp-cs }
  - { id: eve, role: csm, reports_to: vp, segment: enterprise, start_date: 2021-03-01, leaving: 2027-06-11, backfill: false }
  - { id: m1, role: csm, reports_to: vp, segment: mid-market, start_date: 2022-01-01 }
  - { id: m2, role: csm, reports_to: vp, segment: mid-market, start_date: 2022-02-01 }
  - { id: m3, role: csm, reports_to: vp, segment: mid-market, start_date: 2023-01-01 }
  - { id: m4, role: csm, reports_to: vp, segment: mid-market, start_date: 2023-02-01 }
accounts:
${accounts('e', 15, 200_000, 'owner: eve')}
${accounts('m', 40, 50_000, 'owner: m1')}
`);
}

describe('a leaver nobody replaces keeps the seat until they go', () => {
  it('the move that covers the cut happens the month after the leave date, and stays', async () => {
    const timeline = simulateTimeline(await cutOrg());
    // Mid-market has three CSMs beyond its 1.0 FTE: one covers enterprise instead of a hire,
    // from 2027-06-23, the first month without eve: m2, the first with the smallest book to hand
    // over (m1 owns all 40 accounts).
    expect(timeline.moves).toEqual([{ id: 'm2', segment: 'enterprise', from: '2027-06-23' }]);
    expect(timeline.hires.filter((h) => h.role === 'csm')).toEqual([]);
    const enterprise = (month: string) =>
      timeline.rows.find((r) => r.month === month)?.teams.find((t) => t.key === 'enterprise')
        ?.people;
    expect(enterprise('2027-05')).toEqual([{ id: 'eve', capacity: 1 }]);
    // From the leave date eve carries nothing; m2 carries the book.
    expect(enterprise('2027-06')).toEqual([
      { id: 'm2', capacity: 1 },
      { id: 'eve', capacity: 0 },
    ]);
    expect(enterprise('2027-10')).toEqual(enterprise('2027-06'));
    // Load 0.857 / (1 x 0.974) = 88% before and after.
    for (const row of timeline.rows)
      expect(row.teams.find((t) => t.key === 'enterprise')?.load).toBeCloseTo(
        3 / 3.5 / (1 - ALLOWANCE),
        9,
      );
  });

  it('the recommendation plans the same move ahead, for the org to aim at', async () => {
    const plan = planOrg(await cutOrg());
    expect(plan.redeployments.map((r) => [r.id, r.to])).toEqual([['m2', 'enterprise']]);
  });
});

describe('policy.handover_weeks: a leaver hands over in their last weeks', () => {
  const seriesA = (policy: string) =>
    orgFrom(`team:
  - { id: ceo, role: ceo }
  - { id: dana, role: csm, reports_to: ceo }
  - { id: ella, role: csm, reports_to: ceo, leaving: 2027-02-12 }
accounts:
${accounts('d', 20, 90_000, 'owner: dana')}
${accounts('e', 20, 90_000, 'owner: ella')}
${policy}`);

  it('half a book in the two weeks before the leave date, a full one before them', async () => {
    const org = await seriesA('policy: { handover_weeks: 2 }');
    const ella = org.team.find((m) => m.id === 'ella');
    if (!ella) throw new Error('no ella');
    // 2027-02-12 - 14 days = 2027-01-29, the first day of the hand-over.
    expect(personOn(ella, '2027-01-28', org.policy)).toMatchObject({
      capacity: 1,
      handingOver: false,
    });
    expect(personOn(ella, '2027-01-29', org.policy)).toMatchObject({
      capacity: 0.5,
      handingOver: true,
      status: 'leaving',
    });
    expect(personOn(ella, '2027-02-12', org.policy)).toMatchObject({ capacity: 0, status: 'left' });
  });

  it('the backfill is ramped when the hand-over starts, and the timeline opens it then', async () => {
    const org = await seriesA('policy: { handover_weeks: 2 }');
    // 2027-01-29 - 56 days of ramp = 2026-12-04 start; - 60 days = 2026-10-05 to open: late.
    expect(backfillDates('2027-02-12', 'csm', '2026-11-23', org.policy)).toEqual({
      openBy: '2026-10-05',
      start: '2026-12-04',
      late: true,
    });
    const [first] = simulateTimeline(org).hires;
    expect(first).toMatchObject({
      backfillFor: 'ella',
      backfillLeaving: '2027-02-12',
      neededBy: '2027-01-29',
      idealOpenBy: '2026-10-05',
      delay: 'late',
    });
    expect(first?.reason).toMatch(
      /^backfill for ella, leaving 2027-02-12: .* with a ramped hire by 2027-01-29, when the hand-over starts/,
    );
  });

  it('without it, a full book to the last day and a backfill ramped by the leave date', async () => {
    const org = await seriesA('');
    expect(org.policy.handoverWeeks).toBe(0);
    const ella = org.team.find((m) => m.id === 'ella');
    if (!ella) throw new Error('no ella');
    expect(personOn(ella, '2027-02-11', org.policy).capacity).toBe(1);
    expect(simulateTimeline(org).hires[0]).toMatchObject({ neededBy: '2027-02-12' });
  });
});

describe('a hire reason counts what the team carries, not only its seats', () => {
  it('a CSM in week 2 holds a seat but carries no book yet', async () => {
    // 48 mid-market accounts at $95k = $4.56M (48 customers: one generalist team): max(48 / 57.5
    // = 0.83, $4.56M / $2M = 2.28) = 2.3
    // FTE. Seats: dana and theo, 2 x 0.974 = 1.95 after attrition: 0.35 short, over the quarter
    // of a person a team absorbs, so one hire. theo started 2026-11-16, week 2: no book yet, so
    // the team carries dana's 0.974 today.
    const org = await orgFrom(`team:
  - { id: ceo, role: ceo }
  - { id: dana, role: csm, reports_to: ceo }
  - { id: theo, role: csm, reports_to: ceo, start_date: 2026-11-16 }
accounts:
${accounts('m', 48, 95_000, 'owner: dana')}
`);
    const csm = simulateTimeline(org).hires.filter((h) => h.role === 'csm');
    expect(csm).toHaveLength(1);
    expect(csm[0]?.reason).toMatch(
      /^CSMs \(generalist, all segments\): 2\.3 FTE of work by Nov 2026 for 1\.9 FTE of CSMs after attrition once ramped \(1 FTE carrying a book in Nov 2026\)/,
    );
  });
});
