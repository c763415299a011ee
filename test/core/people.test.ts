/**
 * The one capacity model and the leavers it plans for, with numbers worked out by hand from the
 * default policy: ramp weeks 1-4 no book, 5-6 half a book, 7-8 a full one (ramp ends after week
 * 8); 60 days from req to first day. Plan date 2026-11-23.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadOrgText } from '../../src/config/load.js';
import { analyse } from '../../src/core/analysis.js';
import { computeCapacity } from '../../src/core/capacity.js';
import type { Org, TeamMember } from '../../src/core/model.js';
import { backfillDates, personOn, standingCapacity } from '../../src/core/people.js';
import { planOrg } from '../../src/core/plan.js';
import { DEFAULT_POLICY } from '../../src/core/policy.js';
import { simulateTimeline } from '../../src/core/timeline/index.js';
import { AS_OF, accounts, orgFrom } from '../helpers/org.js';

const member = (fields: Partial<TeamMember>): TeamMember => ({
  id: 'x',
  role: 'csm',
  fte: 1,
  languages: [],
  path: ['team', 0],
  ...fields,
});
const on = (fields: Partial<TeamMember>, date = AS_OF) =>
  personOn(member(fields), date, DEFAULT_POLICY);

describe('personOn: what a person carries on a date', () => {
  it('a CSM without a start date carries fte x a full book', () => {
    expect(on({ fte: 0.5 })).toMatchObject({ status: 'ramped', rampShare: 1, capacity: 0.5 });
  });

  it('a planned hire carries nothing before the start date but holds the seat', () => {
    // 2026-12-07 is 14 days after the plan date.
    expect(on({ startDate: '2026-12-07' })).toMatchObject({
      status: 'planned',
      capacity: 0,
      seat: 1,
    });
  });

  it('follows the ramp: week 3 nothing, week 6 half, week 8 full but still ramping, week 9 ramped', () => {
    // 2026-11-09 is 14 days back: week 3 (days 14-20).
    expect(on({ startDate: '2026-11-09' })).toMatchObject({
      status: 'ramping',
      tenureWeek: 3,
      capacity: 0,
    });
    // 35 days back: week 6, half a book; at 0.8 FTE that is 0.4.
    expect(on({ startDate: '2026-10-19', fte: 0.8 })).toMatchObject({
      tenureWeek: 6,
      rampShare: 0.5,
      capacity: 0.4,
    });
    // 49 days back: week 8, a full book, the last ramp week.
    expect(on({ startDate: '2026-10-05' })).toMatchObject({
      status: 'ramping',
      tenureWeek: 8,
      capacity: 1,
    });
    // 56 days back: week 9, past the ramp.
    expect(on({ startDate: '2026-09-28' })).toMatchObject({ status: 'ramped', tenureWeek: 9 });
  });

  it('a leaver carries the book until the leave date and nothing from it on', () => {
    const before = on({ leaving: '2027-02-01' });
    expect(before).toMatchObject({ status: 'leaving', capacity: 1, seat: 1 });
    // A book that stays past the date cannot stay with them.
    expect(standingCapacity(before)).toBe(0);
    expect(on({ leaving: '2027-02-01' }, '2027-02-01')).toMatchObject({
      status: 'left',
      capacity: 0,
      seat: 0,
    });
  });

  it('dates a backfill so the hire is ramped by the leave date', () => {
    // 2027-06-11 - 56 days (8-week ramp) = 2027-04-16 start; - 60 days = 2027-02-15 open.
    expect(backfillDates('2027-06-11', 'csm', AS_OF, DEFAULT_POLICY)).toEqual({
      openBy: '2027-02-15',
      start: '2027-04-16',
      late: false,
    });
  });
});

/**
 * A Series A company: 40 mid-market accounts at $90k = $3.6M. Work: max(40 / 57.5 = 0.70,
 * $3.6M / $2M = 1.8) = 1.8 FTE, so both CSMs are needed (one alone is 0.8 short, more than the
 * quarter of a person a team absorbs).
 */
function seriesA(ellaFields: string): Promise<Org> {
  return orgFrom(`team:
  - { id: ceo, role: ceo }
  - { id: dana, role: csm, reports_to: ceo }
  - { id: ella, role: csm, reports_to: ceo${ellaFields} }
accounts:
${accounts('d', 20, 90_000, 'owner: dana')}
${accounts('e', 20, 90_000, 'owner: ella')}
`);
}

describe('a leaver at a Series A company with two CSMs', () => {
  it('recommend lists a backfill, late when the leave date is ten weeks away', async () => {
    // Ten weeks after 2026-11-23 is 2027-02-01. Open by = 2027-02-01 - 56 - 60 = 2026-10-08:
    // already past, so the req is late and opens now.
    const plan = planOrg(await seriesA(', leaving: 2027-02-01'));
    const csm = plan.gaps.filter((g) => g.role === 'csm');
    expect(csm).toEqual([
      expect.objectContaining({
        count: 1,
        priority: 'now',
        backfill: { for: 'ella', leaving: '2027-02-01', openBy: '2026-10-08', late: true },
      }),
    ]);
    expect(csm[0]?.reason).toMatch(
      /^backfill for ella, leaving 2027-02-01: open by 2026-10-08 \(late\)/,
    );
    // ella is in no team's target; the backfill takes the seat: 2 today - 1 leaving + 1 = 2.
    const row = plan.headcount.find((r) => r.role === 'csm' && r.team === null);
    expect(row).toMatchObject({ current: 2, leaving: 1, hire: 1, target: 2 });
  });

  it('timeline opens the backfill req first, dated by the leave date', async () => {
    const timeline = simulateTimeline(await seriesA(', leaving: 2027-02-01'));
    expect(timeline.hires[0]).toMatchObject({
      role: 'csm',
      backfillFor: 'ella',
      neededBy: '2027-02-01',
      idealOpenBy: '2026-10-08',
      // Late: opens on the plan date, starts 60 days later.
      openBy: '2026-11-23',
      start: '2027-01-22',
      delay: 'late',
    });
    expect(timeline.hires.filter((h) => h.role === 'csm')).toHaveLength(1);
  });

  it('a leave date further out opens the backfill on its own date', async () => {
    // 2027-06-11 - 56 - 60 = 2027-02-15, after the plan date: a `next` gap, on time.
    const org = await seriesA(', leaving: 2027-06-11');
    expect(planOrg(org).gaps.find((g) => g.role === 'csm')).toMatchObject({
      priority: 'next',
      backfill: { openBy: '2027-02-15', late: false },
    });
    expect(simulateTimeline(org).hires[0]).toMatchObject({
      backfillFor: 'ella',
      openBy: '2027-02-15',
      start: '2027-04-16',
      delay: null,
    });
  });

  it('removing leaving: changes the timeline: both CSMs stay and nobody is hired', async () => {
    // 2 CSMs x (1 - 2.6% attrition allowance) = 1.95 FTE for 1.8 FTE of work: no req.
    const staying = simulateTimeline(await seriesA(''));
    expect(staying.hires.filter((h) => h.role === 'csm')).toEqual([]);
  });

  it('backfill: false is a planned cut: no backfill, the shortfall is an ordinary hire from the leave date on', async () => {
    const org = await seriesA(', leaving: 2027-06-11, backfill: false');
    const plan = planOrg(org);
    expect(plan.gaps.some((g) => g.backfill)).toBe(false);
    // The timeline's months fall on the 23rd: the first one without ella is 2027-06-23.
    const hire = simulateTimeline(org).hires.find((h) => h.role === 'csm');
    expect(hire).toMatchObject({ backfillFor: null, neededBy: '2027-06-23' });
  });

  it('after the leave date the leaver carries nothing in any view', async () => {
    const org = await seriesA(', leaving: 2027-02-01');
    const later: Org = { ...org, company: { ...org.company, asOf: '2027-02-08' } };
    const analysis = analyse(later);
    expect(analysis.bookOwnerById.get('ella')?.capacity).toBe(0);
    // Only dana: 1 FTE available in mid-market.
    const mm = computeCapacity(analysis).segments.find((s) => s.id === 'mid-market');
    expect(mm?.csmFteAvailable).toBe(1);
  });
});

describe('a leaver is never counted above need', () => {
  it('three staying CSMs for 3 FTE of work: no surplus, no backfill, ella out of the target', async () => {
    // 80 mid-market accounts at $75k = $6M: max(80 / 57.5, $6M / $2M) = 3.0 FTE.
    const plan = planOrg(
      await orgFrom(`team:
  - { id: ceo, role: ceo }
  - { id: a, role: csm, reports_to: ceo }
  - { id: b, role: csm, reports_to: ceo }
  - { id: c, role: csm, reports_to: ceo }
  - { id: ella, role: csm, reports_to: ceo, leaving: 2026-12-18 }
accounts:
${accounts('m', 80, 75_000)}
`),
    );
    const [team] = plan.teams;
    expect(team).toMatchObject({ surplus: 0, leavers: ['ella'], backfills: [], target: 3 });
    expect(team?.members).not.toContain('ella');
    expect(JSON.stringify(plan.chart.root)).not.toContain('above need');
  });
});

describe('moves use capacity, not heads', () => {
  // growth.yaml moves lee (a ramped senior mid-market CSM) to strategic + enterprise.
  const text = readFileSync('examples/growth.yaml', 'utf8');
  async function growthWithLee(startDate: string): Promise<Org> {
    const changed = text.replace(/(id: lee\n(?:.*\n)*?\s+start_date: )\S+/, `$1${startDate}`);
    expect(changed).not.toBe(text);
    const result = await loadOrgText(changed, 'growth.yaml', { today: AS_OF });
    if (!result.org) throw new Error('growth.yaml variant does not load');
    return result.org;
  }

  it('a CSM in week 3 of the ramp (no book yet) is not moved to relieve another team', async () => {
    // 2026-11-09: week 3 on 2026-11-23, capacity 0.
    const plan = planOrg(await growthWithLee('2026-11-09'));
    expect(plan.redeployments.map((r) => r.id)).not.toContain('lee');
  });

  it('a hire who has not started is not moved either', async () => {
    const plan = planOrg(await growthWithLee('2026-12-07'));
    expect(plan.redeployments.map((r) => r.id)).not.toContain('lee');
  });

  it('every move is of someone who carries work on the plan date', async () => {
    for (const start of ['2026-11-09', '2026-12-07', '2022-01-11']) {
      const org = await growthWithLee(start);
      const analysis = analyse(org);
      for (const move of planOrg(org).redeployments) {
        if (move.from === null) continue;
        expect(analysis.bookOwnerById.get(move.id)?.capacity).toBeGreaterThan(0);
      }
    }
  });
});

describe('examples/people-over-time.yaml: a leaver, a CSM in week 3, a hire next month, an overloaded senior CSM', () => {
  async function example(): Promise<Org> {
    const text = readFileSync('examples/people-over-time.yaml', 'utf8');
    const result = await loadOrgText(text, 'examples/people-over-time.yaml', { today: AS_OF });
    if (!result.org) throw new Error('the example does not load');
    return result.org;
  }

  it('recommend backfills ella: mid-market work needs her seat', async () => {
    const plan = planOrg(await example());
    // Mid-market: 90 accounts, ARR 90 x $45k + $3k x (the residues of 7i mod 11 over i = 1..90:
    // 8 full cycles of 55 plus 7 and 3 = 450) = $5.4M: max(90 / 57.5, $5.4M / $2M) = 2.7 FTE.
    // Without ella: sam and theo (week 3, but his seat counts) = 2 FTE, 0.7 short: one backfill.
    const mm = plan.teams.find((t) => t.key === 'mid-market');
    expect(mm?.needed).toBeCloseTo(2.7, 9);
    expect(mm).toMatchObject({ staffedFte: 2, leavers: ['ella'], hireNow: 0 });
    // 2027-02-12 - 56 days = 2026-12-18 start; - 60 days = 2026-10-19: late.
    expect(mm?.backfills).toEqual([
      { for: 'ella', leaving: '2027-02-12', openBy: '2026-10-19', start: '2026-12-18', late: true },
    ]);
    // Enterprise: 26 accounts, $4.68M + $10k x 156 = $6.24M / $3.5M = 1.78 FTE for nina and rui
    // (starting 2026-12-14): no hire; nina's 26 accounts are beyond the largest book.
    const ent = plan.teams.find((t) => t.key === 'enterprise');
    expect(ent).toMatchObject({ staffedFte: 2, hireNow: 0, backfills: [] });
    expect(plan.findings.map((f) => f.rule)).toContain('csm-overloaded');
  });

  it('timeline opens the backfill req first', async () => {
    const [first] = simulateTimeline(await example()).hires;
    expect(first).toMatchObject({ role: 'csm', backfillFor: 'ella', openBy: AS_OF, delay: 'late' });
  });
});
