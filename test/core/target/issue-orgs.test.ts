/**
 * Orgs shaped like the cases of issue 19, as fixture files a VP of CS would write, each with its
 * figures worked out by hand from DOMAIN.md: the chart is the file's org plus the plan's changes.
 */
import { describe, expect, it } from 'vitest';
import { find, level, planFile } from '../../helpers/chart.js';

const planFixture = (name: string) => planFile(`test/fixtures/target/${name}.yaml`);

describe('over-staffed after churn (over-staffed.yaml)', () => {
  // 9 mid-market CSMs with 28 accounts at $40k each: 252 accounts, $10.08M. Work: the larger of
  // 252 / 57.5 = 4.38 and $10.08M / $2M = 5.04 FTE (no onboarding or support team to take work
  // off them). Staffed: 9 + c10's signed offer = 10 seats: floor(10 - 5.04) = 4 beyond the work,
  // 6 needed. 252 customers and $10.08M: Specialization.
  it('moves two spare CSMs into CS Ops and onboarding instead of hiring, and hires no CSM', async () => {
    const plan = await planFixture('over-staffed');
    // 6 needed CSMs >= 5: CS Ops; Specialization: onboarding and support. Spares, longest
    // tenure first among the non-juniors: c1 (2021, senior) to CS Ops, c2 (2022) to onboarding.
    // Support is not a CSM's job to start: one hire.
    expect(plan.target.roleMoves.map((m) => [m.id, m.role])).toEqual([
      ['c1', 'cs-ops'],
      ['c2', 'onboarding'],
    ]);
    expect(plan.target.roleMoves[1]?.why).toContain('An Onboarding Specialist seat');
    expect(plan.gaps.map((g) => [g.role, g.count])).toEqual([['support', 1]]);
    const [team] = plan.teams;
    // 10 - 2 moved = 8 in the team, 4 - 2 = 2 still beyond the work.
    expect([team?.target, team?.surplus]).toEqual([8, 2]);
  });

  it('sizes the managers on the 6 CSMs the work needs: mia alone, no second manager', async () => {
    const plan = await planFixture('over-staffed');
    // The VP would lead 6 CSMs + CS Ops + onboarding + support = 9 > 8: a manager layer, of
    // ceil(6 / 8) = 1 manager, the file's mia. Counting the 10 seats would give ceil(10 / 8) = 2.
    expect(plan.target.leadership.managers).toEqual({ current: 1, needed: 1 });
    const team = find(plan.chart.root, (n) => n.role === 'csm');
    expect(team?.note).toBe(
      '2 above need: hold backfills; c10 has not started: defer if the offer allows',
    );
  });

  it("says the plan's own moves bring mia's span back, rather than a second manager", async () => {
    const plan = await planFixture('over-staffed');
    // mia leads c1-c10 today: 10 > 8. c1 and c2 move into CS Ops and onboarding: 8 remain, 2
    // of them beyond the work.
    expect(plan.findings.find((f) => f.rule === 'span-of-control')?.message).toBe(
      '"mia" (CS Manager) has 10 direct reports including 10 CSMs (a flat team); the plan moves "c1" and "c2" into other roles, which leaves 8, 2 of them beyond the work: within 5-8 without another manager; hold backfills',
    );
  });

  it('tells the CFO the load and ARR per CSM, with the choices', async () => {
    const plan = await planFixture('over-staffed');
    // 9 working CSMs for 5.04 FTE: 5.04 / 9 = 56% loaded; $10.08M / 9 = $1.1M per CSM.
    const idle = plan.findings.find((f) => f.rule === 'csm-capacity-idle');
    expect(idle?.message).toContain('56% loaded, $1.1M of ARR per CSM');
    expect(idle?.message).toContain('defer the offer to "c10"');
  });
});

describe('a sales-led company with CS under the CRO (cro-revops.yaml)', () => {
  // Support (2 in the file, under the COO) takes work off the CSMs: work / 1.1.
  // Enterprise: 60 accounts at $150k: max(60 / 20, $9M / $3.5M) = 3.0 / 1.1 = 2.73 FTE for 3 CSMs.
  // Mid-market: 120 at $40k: max(120 / 57.5, $4.8M / $2M) = 2.4 / 1.1 = 2.18 FTE for 2 CSMs:
  // 0.2 short, within the quarter of a person a team absorbs. 180 customers, $13.8M:
  // Specialization.
  it("keeps the CRO's sales, RevOps and account managers, and the COO's support and services, where the file has them", async () => {
    const plan = await planFixture('cro-revops');
    const cro = find(plan.chart.root, (n) => n.role === 'cro');
    expect(level(cro)).toEqual([
      'vp-cs x1 VP Customer Success',
      'revops x2 RevOps team',
      'head-of-account-management x1 Head of Account Management',
      'vp-sales x1 VP Sales',
    ]);
    const coo = find(plan.chart.root, (n) => n.role === 'coo');
    expect(level(coo)).toEqual([
      'head-of-support x1 Head of Support',
      'professional-services x1 Professional Services Consultant',
    ]);
    expect(find(plan.chart.root, (n) => n.role === 'head-of-account-management')?.note).toBe(
      'am-head; outside CS; see the renewals-outside-cs finding',
    );
  });

  it('hires only the onboarding specialist, adds no manager layer, and advises on the CRO line', async () => {
    const plan = await planFixture('cro-revops');
    // The VP leads 5 CSMs + CS Ops + the onboarding hire = 7 <= 8: no manager layer.
    expect(plan.gaps.map((g) => [g.role, g.count])).toEqual([['onboarding', 1]]);
    expect(plan.target.leadership.groups).toEqual([]);
    // Sales-led and before the scale stage: CS beside Sales, under the CEO, fits better.
    expect(plan.target.leadership.reportsTo).toMatchObject({ role: 'cro', fits: false });
    expect(plan.findings.map((f) => f.rule)).toContain('cs-reports-to-sales');
  });
});

describe('a Lattice-shaped org with functional directors (lattice-functional.yaml)', () => {
  // 480 mid-market accounts at $60k: max(480 / 57.5 = 8.3, $28.8M / $2M = 14.4) = 14.4 FTE, over
  // 1 + 0.1 (onboarding) + 0.1 (support) = 1.2: 12.0 FTE for 12 CSMs, no hire, nobody spare.
  // 480 customers: Specialization (by ARR, $28.8M, Scale: the earlier of the two).
  it('keeps each function with its director and the CSM managers under the VP', async () => {
    const plan = await planFixture('lattice-functional');
    // The VP would lead 12 CSMs + CS Ops, education and services = 15 > 8: managers at
    // ceil(12 / 8) = 2, the file's 2. VP's reports: 2 managers + 3 directors + 3 = 8, within a
    // span of 8, and 2 managers are no reason for a director: no director hire.
    const vp = find(plan.chart.root, (n) => n.role === 'vp-cs');
    expect(level(vp)).toEqual([
      'manager-cs x2 CS Manager, Mid-Market',
      'director-cs x1 Director of CS, Support',
      'director-cs x1 Director of CS, Onboarding',
      'director-cs x1 Director of CS, Account management',
      'cs-ops x1 CS Operations',
      'education x1 Customer Education Specialist',
      'professional-services x1 Professional Services Consultant',
    ]);
    expect(level(vp?.children[0])).toEqual(['csm x12 Mid-Market CSMs']);
    expect(level(vp?.children[2])).toEqual(['onboarding x2 Onboarding']);
    expect(plan.target.leadership.directors).toEqual({ current: 0, needed: 0 });
    expect(plan.gaps).toEqual([]);
  });
});
