/** A region with accounts keeps its CSM: no move takes a region's only CSM out of it. */
import { describe, expect, it } from 'vitest';
import { accounts, planFrom } from '../../helpers/org.js';

// Enterprise: 40 x $150k owned by e1: max(40 / 20, $6M / $3.5M) = 2.0 FTE for 1 CSM: 1.0 short.
// Mid-market: 75 NA accounts (25 each for m1-m3) and 5 APAC accounts for aki, all at $30k:
// max(80 / 57.5, $2.4M / $2M) = 1.39 FTE for 4 CSMs. 120 customers, $8.4M: specialization.
const ORG = `team:
  - { id: vp, role: vp-cs }
  - { id: e1, role: csm, segment: enterprise, region: NA, reports_to: vp }
  - { id: m1, role: csm, segment: mid-market, region: NA, reports_to: vp }
  - { id: m2, role: csm, segment: mid-market, region: NA, reports_to: vp }
  - { id: m3, role: csm, segment: mid-market, region: NA, reports_to: vp }
  - { id: aki, role: csm, segment: mid-market, region: APAC, languages: [ja, en], reports_to: vp }
accounts:
${accounts('ent', 40, 150_000, 'owner: e1, region: NA')}
${accounts('na-1', 25, 30_000, 'owner: m1, region: NA')}
${accounts('na-2', 25, 30_000, 'owner: m2, region: NA')}
${accounts('na-3', 25, 30_000, 'owner: m3, region: NA')}
${accounts('jp', 5, 30_000, 'owner: aki, region: APAC, language: ja')}
`;

/** Enterprise in NA, EMEA (its accounts written with `emea`) and APAC; mid-market in NA. */
const splitOrg = (emea: string) => `team:
  - { id: vp, role: vp-cs }
  - { id: n1, role: csm, segment: enterprise, region: NA, reports_to: vp }
  - { id: n2, role: csm, segment: enterprise, region: NA, reports_to: vp }
  - { id: e1, role: csm, segment: enterprise, region: EMEA, languages: [de, en], reports_to: vp }
  - { id: a1, role: csm, segment: enterprise, region: APAC, languages: [ja, en], reports_to: vp }
  - { id: m1, role: csm, segment: mid-market, region: NA, reports_to: vp }
accounts:
${accounts('na', 40, 150_000, 'region: NA')}
${accounts('emea', 30, 150_000, emea)}
${accounts('apac', 6, 150_000, 'region: APAC, owner: a1')}
${accounts('mm', 40, 30_000, 'region: NA')}
`;

describe('regions in the target org', () => {
  it("moves an NA CSM to the short enterprise team, not APAC's only CSM with the lightest book", async () => {
    const plan = await planFrom(ORG);
    // aki's 5 accounts make the smallest book to hand over, but aki is APAC's only CSM.
    // Among m1-m3 (same seniority and tenure, 25 accounts each) file order picks m1.
    expect(plan.redeployments.map((r) => [r.id, r.from, r.to])).toEqual([
      ['m1', 'mid-market', 'enterprise'],
    ]);
    // Mid-market keeps m2, m3 and aki for 1.39 FTE: floor(3 - 1.39) = 1 beyond the work. The
    // target needs 2 + 2 = 4 CSMs, CS Ops comes before the 5th: m2 starts it, never aki.
    expect(plan.target.roleMoves.map((m) => [m.id, m.role])).toEqual([['m2', 'cs-ops']]);
    expect(plan.teams.find((t) => t.key === 'mid-market')?.members).toEqual(['m3', 'aki']);
  });

  it('a region with two CSMs may give one of them', async () => {
    // A second APAC CSM with an even lighter book: now APAC can spare one, and the lightest moves.
    const plan = await planFrom(
      ORG.replace(
        'accounts:',
        '  - { id: ren, role: csm, segment: mid-market, region: APAC, reports_to: vp }\naccounts:',
      ),
    );
    expect(plan.redeployments.map((r) => r.id)).toEqual(['ren']);
  });

  it("moves a region's only CSM to their own region's team: they still work the region", async () => {
    // Enterprise: APAC 20 x $150k: max(20 / 20, $3M / $3.5M) = 1.0 FTE; EMEA 16 x $220k:
    // max(16 / 20, $3.52M / $3.5M) = 1.006 FTE. Two regions of about an FTE each: the tier
    // splits. Mid-market, one APAC account at $40k: max(1 / 57.5, $40k / $2M) = 0.02 FTE, joins
    // APAC's team. e1, pinned to mid-market, sits in the one team serving it (APAC's, 1.02 FTE
    // for 3 CSMs) while holding all of EMEA's accounts; EMEA's team has nobody, short 1.0.
    // e1 is EMEA's only CSM, and moving to EMEA's team keeps them there: e1 moves, no hire.
    // Had it counted as taking EMEA's last CSM, the plan would hire for EMEA beside e1.
    const plan = await planFrom(`team:
  - { id: vp, role: vp-cs }
  - { id: p1, role: csm, segment: enterprise, region: APAC, reports_to: vp }
  - { id: p2, role: csm, segment: enterprise, region: APAC, reports_to: vp }
  - { id: e1, role: csm, segment: mid-market, region: EMEA, reports_to: vp }
accounts:
${accounts('apac-1', 10, 150_000, 'owner: p1, region: APAC')}
${accounts('apac-2', 10, 150_000, 'owner: p2, region: APAC')}
${accounts('emea', 16, 220_000, 'owner: e1, region: EMEA')}
  - { id: mm-1, arr: 40000, owner: p1, region: APAC }
`);
    expect(plan.redeployments.map((r) => [r.id, r.from, r.to])).toEqual([
      ['e1', 'enterprise+mid-market@apac', 'enterprise+mid-market@emea'],
    ]);
    expect(plan.gaps.filter((g) => g.role === 'csm')).toEqual([]);
  });

  it('splits a tier by region where a region has an FTE of work; a small region joins the largest', async () => {
    // Enterprise at $150k: NA 40 accounts: max(40 / 20, $6M / $3.5M) = 2.0 FTE; EMEA 30:
    // max(1.5, $4.5M / $3.5M) = 1.5; APAC 6: max(0.3, $0.9M / $3.5M) = 0.3, under one FTE, so
    // it joins NA: 2.3, and the team's title names both. Mid-market: 40 NA accounts at $30k, 0.7 FTE, one region: one team.
    // 116 customers, $12.6M: specialization.
    const plan = await planFrom(splitOrg('region: EMEA'));
    expect(plan.teams.map((t) => [t.key, t.title, t.members])).toEqual([
      ['enterprise@na', 'NA + APAC Enterprise CSMs', ['n1', 'n2', 'a1']],
      ['enterprise@emea', 'EMEA Enterprise CSMs', ['e1']],
      ['mid-market', 'Mid-Market CSMs', ['m1']],
    ]);
    const [na, emea] = plan.teams;
    expect(na?.needed).toBeCloseTo(2.3);
    expect(emea?.needed).toBeCloseTo(1.5);
    // EMEA is 0.5 short, more than the quarter a team absorbs: 1 hire. NA cannot spare one
    // (3 - 1 = 2 < 2.3), and nobody moves across regions.
    expect(plan.redeployments).toEqual([]);
    expect(plan.gaps.filter((g) => g.role === 'csm')).toEqual([
      // The hire names its region: an EMEA CSM works EMEA's hours and languages.
      expect.objectContaining({
        team: 'enterprise@emea',
        count: 1,
        title: 'Senior CSM, EMEA Enterprise',
      }),
    ]);
  });
});

describe('an account with only a time zone', () => {
  // The split above with every EMEA account written as a time zone alone (Europe/Berlin, as many
  // CRM exports give it): e1 calls their region EMEA, so the plan reads those accounts as EMEA,
  // the region the rebalance's region rule keeps them in. EMEA: 30 x $150k, 1.5 FTE, its own
  // team; NA 40 (2.0) and APAC 6 (0.3, joins NA): 2.3. Read as no region, EMEA's work would
  // have joined the largest region, and with one region of team work the tier would not split.
  it("counts in its time zone's region, as the rebalance reads it", async () => {
    const plan = await planFrom(splitOrg('timezone: Europe/Berlin'));
    expect(plan.teams.map((t) => [t.key, t.members])).toEqual([
      ['enterprise@na', ['n1', 'n2', 'a1']],
      ['enterprise@emea', ['e1']],
      ['mid-market', ['m1']],
    ]);
    expect(plan.teams[1]?.needed).toBeCloseTo(1.5);
    expect(plan.teams[0]?.needed).toBeCloseTo(2.3);
  });
});

describe('managers by region', () => {
  // Enterprise at $150k: max(n / 20, n x $150k / $3.5M) = n / 20 FTE. NA 60 accounts: 3.0 FTE;
  // EMEA 50: 2.5; APAC 8: 0.4, under one FTE, so APAC joins NA's team: 3.4 FTE.
  // Mid-market at $40k: max(n / 57.5, n x $40k / $2M) = n / 50 FTE. NA 150: 3.0; EMEA 100: 2.0.
  // 368 customers and 118 x $150k + 250 x $40k = $27.7M: Specialization by customers.
  const ORG = `team:
  - { id: vp, role: vp-cs }
  - { id: n1, role: csm, segment: enterprise, region: NA, reports_to: vp }
  - { id: n2, role: csm, segment: enterprise, region: NA, reports_to: vp }
  - { id: n3, role: csm, segment: enterprise, region: NA, reports_to: vp }
  - { id: aki, role: csm, segment: enterprise, region: APAC, languages: [ja, en], reports_to: vp }
  - { id: e1, role: csm, segment: enterprise, region: EMEA, reports_to: vp }
  - { id: e2, role: csm, segment: enterprise, region: EMEA, reports_to: vp }
  - { id: e3, role: csm, segment: enterprise, region: EMEA, reports_to: vp }
  - { id: m1, role: csm, segment: mid-market, region: NA, reports_to: vp }
  - { id: m2, role: csm, segment: mid-market, region: NA, reports_to: vp }
  - { id: m3, role: csm, segment: mid-market, region: NA, reports_to: vp }
  - { id: f1, role: csm, segment: mid-market, region: EMEA, languages: [de, en], reports_to: vp }
  - { id: f2, role: csm, segment: mid-market, region: EMEA, languages: [fr, en], reports_to: vp }
accounts:
${accounts('na-e1', 20, 150_000, 'owner: n1, region: NA')}
${accounts('na-e2', 20, 150_000, 'owner: n2, region: NA')}
${accounts('na-e3', 20, 150_000, 'owner: n3, region: NA')}
${accounts('jp', 8, 150_000, 'owner: aki, region: APAC, language: ja')}
${accounts('eu-e1', 17, 150_000, 'owner: e1, region: EMEA')}
${accounts('eu-e2', 17, 150_000, 'owner: e2, region: EMEA')}
${accounts('eu-e3', 16, 150_000, 'owner: e3, region: EMEA')}
${accounts('na-m1', 50, 40_000, 'owner: m1, region: NA')}
${accounts('na-m2', 50, 40_000, 'owner: m2, region: NA')}
${accounts('na-m3', 50, 40_000, 'owner: m3, region: NA')}
${accounts('eu-m1', 50, 40_000, 'owner: f1, region: EMEA')}
${accounts('eu-m2', 50, 40_000, 'owner: f2, region: EMEA')}
`;

  it("names every region a team serves, and aki's APAC accounts keep aki", async () => {
    const plan = await planFrom(ORG);
    expect(plan.teams.map((t) => [t.title, t.members])).toEqual([
      ['NA + APAC Enterprise CSMs', ['n1', 'n2', 'n3', 'aki']],
      ['EMEA Enterprise CSMs', ['e1', 'e2', 'e3']],
      ['NA Mid-Market CSMs', ['m1', 'm2', 'm3']],
      ['EMEA Mid-Market CSMs', ['f1', 'f2']],
    ]);
    // 4 CSMs for 3.4 FTE, 3 for 2.5, 3 for 3.0, 2 for 2.0: no hire and nobody beyond the work.
    expect(plan.teams.map((t) => [t.needed, t.target, t.surplus])).toEqual([
      [expect.closeTo(3.4), 4, 0],
      [expect.closeTo(2.5), 3, 0],
      [expect.closeTo(3.0), 3, 0],
      [expect.closeTo(2.0), 2, 0],
    ]);
    expect(plan.redeployments).toEqual([]);
  });

  it('gives each region with a manager-sized team its own manager, never one across regions', async () => {
    const plan = await planFrom(ORG);
    // NA (with APAC's accounts) has 4 + 3 = 7 CSMs, EMEA 3 + 2 = 5: each fills a manager's
    // span of 5-8 on its own, so each gets one manager: 2 in all, too few for a director.
    // Grouped by tier order instead, NA Enterprise (4) + EMEA Enterprise (3) would share one.
    expect(plan.target.leadership.groups.map((g) => [g.teams, g.managers])).toEqual([
      [['enterprise@na', 'mid-market@na'], 1],
      [['enterprise@emea', 'mid-market@emea'], 1],
    ]);
    expect(plan.target.leadership.directors.needed).toBe(0);
    const managers = (node: typeof plan.chart.root): (typeof plan.chart.root)[] => [
      ...(node.role === 'manager-cs' ? [node] : []),
      ...node.children.flatMap(managers),
    ];
    expect(
      managers(plan.chart.root).map((m) => [m.title, m.count, m.children.map((c) => c.title)]),
    ).toEqual([
      ['CS Manager, NA + APAC', 1, ['NA + APAC Enterprise CSMs', 'NA Mid-Market CSMs']],
      ['CS Manager, EMEA', 1, ['EMEA Enterprise CSMs', 'EMEA Mid-Market CSMs']],
    ]);
  });
});
