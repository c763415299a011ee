/**
 * The org chart is the file's org plus the plan's changes: reporting lines outside CS kept where
 * the file has them, functional heads with their people, no thin layers, and a structure label
 * the chart draws. Shapes from the Dock article (Deel, Lattice, Meister) and the cases;
 * expected figures worked out by hand from DOMAIN.md.
 */
import { describe, expect, it } from 'vitest';
import type { Org } from '../../src/core/model.js';
import type { ChartNode } from '../../src/core/orgchart.js';
import { planOrg } from '../../src/core/plan.js';
import { simulateTimeline } from '../../src/core/timeline/index.js';
import { find, level, planFile } from '../helpers/chart.js';
import { accounts, orgFrom, planFrom } from '../helpers/org.js';

const planExample = (name: string) => planFile(`examples/${name}.yaml`);

/** `n` CSMs reporting to `manager`, each owning one account group. */
function csmBooks(prefix: string, n: number, manager: string, count: number, arr: number) {
  const team = Array.from(
    { length: n },
    (_, i) => `  - { id: ${prefix}${i + 1}, role: csm, reports_to: ${manager} }`,
  );
  const groups = Array.from(
    { length: n },
    (_, i) =>
      `  - { name: Book ${prefix}${i + 1}, count: ${count}, arr_each: ${arr}, owner: ${prefix}${i + 1} }`,
  );
  return { team, groups };
}

/** The dev-tools PLG company of the issue: 10 mid-market, 190 SMB and 5,800 self-serve accounts. */
function plgOrg(team: string[]): Promise<Org> {
  return orgFrom(
    `team:
  - { id: head, role: director-cs }
  - { id: c1, role: csm, reports_to: head }
  - { id: c2, role: csm, reports_to: head }
${team.join('\n')}
account_groups:
  - { name: Mid-market, count: 10, arr_each: 50000, owner: c1 }
  - { name: SMB, count: 190, arr_each: 12000, owner: c2 }
  - { name: Self-serve, count: 5800, arr_each: 1500 }
`,
    'name: Devtool\n  motion: product-led\n  product_complexity: low',
  );
}

describe('a Deel-shaped org (deel.yaml): CS under a CRO, support under the COO', () => {
  it("keeps the COO's support and services and the CRO's account managers and RevOps where the file has them", async () => {
    const plan = await planExample('deel');
    const [cro, coo] = plan.chart.root.children;
    expect(cro).toMatchObject({ role: 'cro', note: 'cro' });
    expect(level(cro)).toEqual([
      'vp-cs x1 VP Customer Success',
      'revops x1 RevOps',
      'account-manager x2 Account Managers',
      'vp-sales x1 VP Sales',
    ]);
    const [leader, revops, ams] = cro?.children ?? [];
    expect(leader?.note).toBe(
      'vp-cs; leads CS; support, account management and professional services sit outside CS, as in the file',
    );
    expect(revops).toMatchObject({ outsideCs: true, note: 'outside CS' });
    // Renewals and expansion with Sales is the renewals-outside-cs finding's advice, not a redraw.
    expect(ams).toMatchObject({
      outsideCs: true,
      note: 'outside CS; see the renewals-outside-cs finding',
    });
    // am-1 and am-2 both report to the CRO: one line to Sales, one finding naming both.
    const renewals = plan.findings.filter((f) => f.rule === 'renewals-outside-cs');
    expect(renewals.map((f) => f.message.split(':')[0])).toEqual([
      '"am-1" and "am-2" (Account Managers) report up to "cro" (CRO)',
    ]);
    expect(coo).toMatchObject({ role: 'coo', note: 'coo' });
    expect(level(coo)).toEqual([
      'head-of-support x1 Head of Support',
      'professional-services x1 Professional Services Consultant',
    ]);
    const head = coo?.children[0];
    expect(head).toMatchObject({ note: 'sup-head; outside CS', outsideCs: true });
    // The head's people sit under the head, not beside it, and are marked by the head alone.
    expect(head?.children).toEqual([
      expect.objectContaining({ role: 'support', count: 2, outsideCs: true }),
    ]);
    expect(head?.children[0]?.note).toBeUndefined();
    // Nobody outside CS is drawn under the VP of CS.
    const inCs = find(leader as ChartNode, (n) => n.outsideCs === true && n !== leader);
    expect(inCs).toBeUndefined();
  });
});

describe('a Lattice-shaped org: functional heads beside the CSM managers', () => {
  it('keeps the managers under the VP and each head with their people', async () => {
    // 12 CSMs, each 40 mid-market accounts at $60k: by count 40/57.5 = 0.70, by ARR $2.4M/$2M =
    // 1.2, over the 1.2 that onboarding and support add to capacity (x1 + 0.1 + 0.1) = 1.0 FTE a
    // book: 12.0 FTE for 12 CSMs, no hire. 480 customers: specialization stage (CS Ops,
    // onboarding and support wanted; onboarding and support are in the file, CS Ops a hire).
    // Managers: 12 CSMs / 8 = 2, the file's 2. The VP leads 2 managers + 2 heads + CS Ops = 5.
    const a = csmBooks('a', 6, 'm1', 40, 60_000);
    const b = csmBooks('b', 6, 'm2', 40, 60_000);
    const plan = await planFrom(`team:
  - { id: ceo, role: ceo }
  - { id: vp, role: vp-cs, reports_to: ceo }
  - { id: onb-head, role: head-of-onboarding, reports_to: vp }
  - { id: onb-1, role: onboarding, reports_to: onb-head }
  - { id: care-head, role: head-of-support, reports_to: vp }
  - { id: care-1, role: support, reports_to: care-head }
  - { id: m1, role: manager-cs, reports_to: vp }
  - { id: m2, role: manager-cs, reports_to: vp }
${[...a.team, ...b.team].join('\n')}
account_groups:
${[...a.groups, ...b.groups].join('\n')}
`);
    expect(plan.stage.id).toBe('specialization');
    const vp = plan.chart.root.children[0];
    expect(vp?.note).toBe('vp; owns all post-sale');
    expect(level(vp)).toEqual([
      'manager-cs x2 CS Manager, Mid-Market',
      'cs-ops x1 CS Operations',
      'head-of-onboarding x1 Head of Onboarding',
      'head-of-support x1 Head of Support',
    ]);
    expect(level(vp?.children[0])).toEqual(['csm x12 Mid-Market CSMs']);
    expect(level(vp?.children[2])).toEqual(['onboarding x1 Onboarding']);
    expect(level(vp?.children[3])).toEqual(['support x1 Support (own escalation path)']);
    expect(plan.chart.directors).toBe(0);
    expect(plan.gaps.map((g) => [g.role, g.count])).toEqual([['cs-ops', 1]]);
  });

  it('draws directors who head functions as heads, and the CSMs never under them', async () => {
    // The same books, 24 CSMs under 3 managers (8 each): 24.0 FTE, no hire. 960 customers: scale.
    // Three directors in the file lead onboarding, care and account management only. The VP
    // would lead 3 managers + 3 function directors + CS Ops x2 + renewals, enablement and
    // customer marketing = 11 > 8, and 3 managers are a director's span: one Director of CS over
    // the managers (a hire); the function directors keep their teams.
    const books = [1, 2, 3].map((m) => csmBooks(`c${m}-`, 8, `m${m}`, 40, 60_000));
    const plan = await planFrom(`team:
  - { id: ceo, role: ceo }
  - { id: vp, role: vp-cs, reports_to: ceo }
  - { id: d-onb, role: director-cs, reports_to: vp }
  - { id: onb-1, role: onboarding, reports_to: d-onb }
  - { id: onb-2, role: onboarding, reports_to: d-onb }
  - { id: d-care, role: director-cs, reports_to: vp }
  - { id: care-1, role: support, reports_to: d-care }
  - { id: care-2, role: support, reports_to: d-care }
  - { id: care-3, role: support, reports_to: d-care }
  - { id: d-am, role: director-cs, reports_to: vp }
  - { id: am-1, role: account-manager, reports_to: d-am }
  - { id: am-2, role: account-manager, reports_to: d-am }
  - { id: ops, role: cs-ops, reports_to: vp }
  - { id: m1, role: manager-cs, reports_to: vp }
  - { id: m2, role: manager-cs, reports_to: vp }
  - { id: m3, role: manager-cs, reports_to: vp }
${books.flatMap((b) => b.team).join('\n')}
account_groups:
${books.flatMap((b) => b.groups).join('\n')}
`);
    expect(plan.stage.id).toBe('scale');
    const vp = plan.chart.root.children[0];
    const [director, ...rest] = vp?.children ?? [];
    expect(director).toMatchObject({ role: 'director-cs', count: 1, title: 'Director of CS' });
    expect(level(director)).toEqual(['manager-cs x3 CS Manager, Mid-Market']);
    expect(level(director?.children[0])).toEqual(['csm x24 Mid-Market CSMs']);
    const heads = rest.filter((n) => n.role === 'director-cs');
    expect(heads.map((h) => [h.note, level(h)])).toEqual([
      ['d-onb; heads a function, not the CSM teams', ['onboarding x2 Onboarding']],
      ['d-care; heads a function, not the CSM teams', ['support x3 Support (own escalation path)']],
      ['d-am; heads a function, not the CSM teams', ['account-manager x2 Account Managers']],
    ]);
    // Directors: 3 in the file (function heads) + 1 hire over the managers = 4.
    expect(plan.headcount.find((r) => r.role === 'director-cs' && r.team === null)).toMatchObject({
      current: 3,
      hire: 1,
      target: 4,
    });
    expect(plan.gaps.find((g) => g.role === 'director-cs')).toMatchObject({
      count: 1,
      reason: expect.stringContaining(
        'the CS leader would lead 11 people directly (3 CS managers, specialists and heads), more than 8',
      ),
    });
  });
});

describe('no thin layers', () => {
  it('sizes managers on the CSMs the work needs, not on surplus people', async () => {
    // 240 mid-market accounts at $42k ($10.08M): by count 240/57.5 = 4.17, by ARR $10.08M/$2M =
    // 5.04 -> 5.04 FTE for 12 CSMs: floor(12 - 5.04) = 6 above need, 6 needed. 6 CSMs + CS Ops,
    // onboarding and support (specialization stage) = 9 reports > 8: one manager for the 6 the
    // work needs, where the 12 people would have called for ceil(12/8) = 2. Two of the six above
    // need move into CS Ops and onboarding before anyone is hired for them, so 4 stay surplus.
    const team = Array.from(
      { length: 12 },
      (_, i) => `  - { id: c${i + 1}, role: csm, segment: mid-market }`,
    );
    const plan = await planFrom(`team:
  - { id: head, role: director-cs }
${team.join('\n')}
accounts:
${accounts('m', 240, 42_000)}
`);
    const [mm] = plan.teams;
    expect(mm?.surplus).toBe(4);
    expect(plan.target.roleMoves.map((m) => m.role).sort()).toEqual(['cs-ops', 'onboarding']);
    expect(plan.target.leadership.groups).toEqual([
      { teams: ['mid-market'], people: 6, managers: 1, directors: 0 },
    ]);
    expect(plan.gaps.find((g) => g.role === 'manager-cs')?.count).toBe(1);
    // No manager in the file: the one manager is a hire, and the chart says so.
    expect(find(plan.chart.root, (n) => n.role === 'manager-cs')).toMatchObject({
      count: 1,
      note: '1 to hire; 5-8 reports each',
    });
  });

  it('leaves two CSMs with the head of CS rather than under a manager of their own', async () => {
    // Mid-market 10 x $50k: ARR $0.5M/$2M = 0.25 FTE, under half a CSM: it joins SMB. SMB 190 x
    // $12k: by count 190/150 = 1.27, by ARR $2.28M/$1.25M = 1.82 -> with mid-market 2.07, over
    // the 1.1 that onboarding adds: 1.9 FTE for 2 CSMs. Two CSMs are not a manager's team.
    const plan = planOrg(
      await plgOrg([
        '  - { id: d1, role: digital-csm, reports_to: head }',
        '  - { id: onb, role: onboarding, reports_to: head }',
      ]),
    );
    expect(plan.target.leadership.groups).toEqual([]);
    expect(plan.gaps.find((g) => g.role === 'manager-cs')).toBeUndefined();
    expect(find(plan.chart.root, (n) => n.role === 'manager-cs')).toBeUndefined();
  });
});

describe('the structure label is what the chart draws', () => {
  it('a 6,000-customer PLG company labelled functional has onboarding, adoption and renewals teams', async () => {
    // 6,000 customers and $0.5M + $2.28M + $8.7M = $11.48M: specialization (by ARR). Named
    // mid-market holds 0.5/11.48 = 4% of ARR, under the 10% a hybrid needs on each side; over
    // 1,000 customers, a simple product, 96% of ARR in SMB and self-serve: functional.
    const plan = planOrg(await plgOrg(['  - { id: onb, role: onboarding, reports_to: head }']));
    expect(plan.structure.model).toBe('functional');
    const leader = plan.chart.root.children[0] as ChartNode;
    // Onboarding: the file's specialist. Adoption: the CSM teams. Renewals: a seat the structure
    // itself calls for, hired next, with the structure as its reason.
    expect(find(leader, (n) => n.role === 'onboarding')).toMatchObject({ count: 1 });
    expect(find(leader, (n) => n.role === 'csm')?.note).toContain('adoption and expansion');
    expect(find(leader, (n) => n.role === 'renewals')).toMatchObject({
      count: 1,
      note: '1 to hire',
    });
    expect(plan.gaps.find((g) => g.role === 'renewals')).toMatchObject({
      count: 1,
      priority: 'next',
      reason: expect.stringContaining('the functional structure'),
    });
    expect(plan.later.some((l) => l.role === 'renewals')).toBe(false);
    // The timeline dates the same req for the same reason, not as a scale-stage role.
    const org = await plgOrg(['  - { id: onb, role: onboarding, reports_to: head }']);
    const renewals = simulateTimeline(org, { months: 1 }).hires.find((h) => h.role === 'renewals');
    expect(renewals?.reason).toMatch(/^a functional structure by Nov 2026: onboarding -> adoption/);
  });

  it('a head of renewals in the file is the renewals team: no hire', async () => {
    const plan = planOrg(
      await plgOrg([
        '  - { id: onb, role: onboarding, reports_to: head }',
        '  - { id: ren-head, role: head-of-renewals, reports_to: head }',
      ]),
    );
    expect(plan.structure.model).toBe('functional');
    expect(plan.gaps.find((g) => g.role === 'renewals')).toBeUndefined();
    expect(find(plan.chart.root, (n) => n.role === 'head-of-renewals')).toMatchObject({
      note: 'ren-head',
    });
  });
});

describe('revenue ahead of customers', () => {
  it('60 hospital systems on a complex product: pods of senior strategic CSMs, implementation kept', async () => {
    // 30 x $650k + 30 x $1.2M = $55.5M across 60 customers: first-hire by customers, scale by
    // ARR, all strategic. Strategic (x1.3 for high complexity): by count 78/7.5 = 10.4, by ARR
    // $55.5M/$3.5M = 15.86 -> 15.9 FTE, 4 CSMs in the file: 12 senior strategic hires. 16 CSMs
    // make ceil(16/8) = 2 pods, each with a solutions engineer and a support lead (2 of each to
    // hire). The six implementation consultants stay under their head.
    const consultants = Array.from(
      { length: 6 },
      (_, i) => `  - { id: i${i + 1}, role: professional-services, reports_to: impl }`,
    );
    const csms = Array.from(
      { length: 4 },
      (_, i) => `  - { id: c${i + 1}, role: csm, reports_to: vp, seniority: senior }`,
    );
    const plan = await planFrom(
      `team:
  - { id: ceo, role: ceo }
  - { id: vp, role: vp-cs, reports_to: ceo }
  - { id: impl, role: head-of-professional-services, reports_to: vp }
${consultants.join('\n')}
${csms.join('\n')}
account_groups:
  - { name: Hospital systems A, count: 30, arr_each: 650000 }
  - { name: Hospital systems B, count: 30, arr_each: 1200000 }
`,
      'name: Carelink\n  motion: sales-led\n  product_complexity: high',
    );
    expect(plan.stage).toMatchObject({ id: 'first-hire', byArr: 'scale' });
    expect(plan.structure.model).toBe('pod');
    expect(plan.gaps.find((g) => g.role === 'csm')).toMatchObject({
      title: 'Senior CSM, Strategic',
      team: 'strategic',
      count: 12,
    });
    const pod = find(plan.chart.root, (n) => n.title === 'Pod: Strategic');
    expect(pod?.count).toBe(2);
    expect(level(pod)).toEqual([
      'csm x16 Strategic CSMs',
      'solutions-engineer x2 Solutions Engineer',
      'support x2 Support lead',
    ]);
    expect(plan.gaps.filter((g) => g.team === null).map((g) => [g.role, g.count])).toEqual(
      expect.arrayContaining([
        ['solutions-engineer', 2],
        ['support', 2],
      ]),
    );
    expect(level(find(plan.chart.root, (n) => n.role === 'head-of-professional-services'))).toEqual(
      ['professional-services x6 Professional Services Consultants'],
    );
  });
  it('a complex product without solutions engineers or implementation staff: named teams, pods later', async () => {
    // 40 strategic accounts at $800k ($32M, 40 customers): first-hire by customers, scale by ARR.
    // Complex, but nobody to pair with the CSMs: a named strategic team of senior CSMs, and pods
    // as the alternative once the file has that staff.
    const plan = await planFrom(
      'team:\n  - { id: ceo, role: ceo }\naccount_groups:\n  - { name: Strategic, count: 40, arr_each: 800000 }\n',
      'name: Bigco\n  product_complexity: high',
    );
    expect(plan.structure.model).toBe('segmented');
    expect(plan.structure.alternatives.map((a) => a.model)).toEqual(['pod']);
    expect(plan.teams.map((t) => t.title)).toEqual(['Strategic CSMs']);
    expect(plan.gaps.find((g) => g.role === 'csm')?.title).toBe('Senior CSM, Strategic');
    expect(find(plan.chart.root, (n) => n.title.startsWith('Pod:'))).toBeUndefined();
  });
});

describe('specialists a CS manager leads in the file', () => {
  // 7 mid-market CSMs reporting to the manager "mo", 50 accounts at $40k each: 350 / 50 (ARR:
  // $14M / $2M per CSM, above 350 / 57.5 accounts) = 7.0 FTE, / 1.1 for the support team that
  // takes work off the CSMs = 6.4 FTE for 7 CSMs: no hire, nobody beyond the work.
  const ORG = `team:
  - { id: vp, role: vp-cs }
  - { id: mo, role: manager-cs, reports_to: vp }
${Array.from({ length: 7 }, (_, i) => `  - { id: c${i + 1}, role: csm, segment: mid-market, reports_to: mo }`).join('\n')}
  - { id: ops1, role: cs-ops, reports_to: mo }
  - { id: sup1, role: support, reports_to: vp }
account_groups:
${Array.from({ length: 7 }, (_, i) => `  - { name: Book ${i + 1}, count: 50, arr_each: 40000, owner: c${i + 1} }`).join('\n')}
`;

  it('draws them under that manager, who counts them in the span', async () => {
    const plan = await planFrom(ORG);
    // The VP would lead 7 CSMs + support + an onboarding hire (350 customers: specialization) =
    // 9 > 8 reports: a manager layer. Its span: 7 CSMs + ops1 = 8, within 5-8: one manager,
    // the file's mo, so no manager hire.
    expect(plan.target.leadership.groups).toEqual([
      { teams: ['mid-market'], people: 8, managers: 1, directors: 0 },
    ]);
    expect(plan.gaps.map((g) => g.role)).toEqual(['onboarding']);
    const vp = find(plan.chart.root, (n) => n.role === 'vp-cs');
    expect(level(vp)).toEqual([
      'manager-cs x1 CS Manager, Mid-Market',
      'onboarding x1 Onboarding',
      'support x1 Support (own escalation path)',
    ]);
    const manager = find(plan.chart.root, (n) => n.role === 'manager-cs');
    expect(level(manager)).toEqual(['csm x7 Mid-Market CSMs', 'cs-ops x1 CS Operations']);
  });

  it('adds a manager when the specialists take the span past eight', async () => {
    // An eighth CSM with 50 more accounts: 400 / 50 / 1.1 = 7.3 FTE for 8 CSMs. The manager's
    // span is 8 CSMs + ops1 = 9 > 8: two managers, one to hire.
    const plan = await planFrom(
      ORG.replace(
        '  - { id: ops1',
        '  - { id: c8, role: csm, segment: mid-market, reports_to: mo }\n  - { id: ops1',
      ).replace(
        'account_groups:',
        'account_groups:\n  - { name: Book 8, count: 50, arr_each: 40000, owner: c8 }',
      ),
    );
    expect(plan.target.leadership.groups).toEqual([
      { teams: ['mid-market'], people: 9, managers: 2, directors: 0 },
    ]);
    expect(plan.gaps.find((g) => g.role === 'manager-cs')?.count).toBe(1);
    // mo leads this group in the file: of its two managers, one is the hire, and the chart says so.
    expect(find(plan.chart.root, (n) => n.role === 'manager-cs')).toMatchObject({
      count: 2,
      note: '1 to hire; 5-8 reports each',
    });
  });
});

describe("the file's CS managers where no manager layer is needed", () => {
  it('keep the teams whose CSMs report to them; CSMs of the head of CS stay with the head', async () => {
    // healthy.yaml: noor (Director, head of CS) leads ada and ben (strategic and enterprise
    // books) and the manager felix, who leads the mid-market and SMB CSMs. 7 CSMs for 4.8 FTE
    // of work: 6 needed heads + CS Ops + onboarding = 8 direct reports, within a span of 8, so
    // the target adds no manager layer and felix keeps exactly the teams he leads in the file.
    const plan = await planExample('healthy');
    expect(plan.target.leadership.groups).toEqual([]);
    const head = find(plan.chart.root, (n) => n.role === 'director-cs');
    expect(level(head)).toEqual([
      'manager-cs x1 CS Manager, Mid-Market to Self-serve',
      'csm x2 Strategic + Enterprise CSMs',
      'cs-ops x1 CS Operations',
      'onboarding x1 Onboarding',
    ]);
    const felix = find(plan.chart.root, (n) => n.role === 'manager-cs');
    expect(felix?.note).toBe('felix; in the file');
    expect(level(felix)).toEqual(['csm x4 Mid-Market CSMs', 'csm x1 SMB + Self-serve CSMs']);
  });
});
