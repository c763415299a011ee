/**
 * A vertical structure draws teams by industry: one per industry with about an FTE of named
 * work, the other industries in one mixed team. Figures worked out by hand from DOMAIN.md.
 */
import { describe, expect, it } from 'vitest';
import { loadOrgFile } from '../../../src/config/load.js';
import { planOrg } from '../../../src/core/plan.js';
import { renderPlanJson } from '../../../src/render/json.js';
import { find, planFile } from '../../helpers/chart.js';
import { AS_OF } from '../../helpers/org.js';

const planFixture = (name: string) => planFile(`test/fixtures/target/${name}.yaml`);

// Medium complexity (x1); a regulated account weighs 1.1. Enterprise is sized at 20 accounts or
// $3.5M per CSM, mid-market at 57.5 accounts or $2M (the middle of each published range).
// Healthcare: 40 regulated enterprise accounts at $150k: max(44 / 20, $6M / $3.5M) = 2.2 FTE.
// Financial services: 24 regulated at $150k: max(26.4 / 20, $3.6M / $3.5M) = 1.32 FTE.
// Retail: 60 mid-market at $40k: max(60 / 57.5, $2.4M / $2M) = 1.2 FTE.
// Education: 8 enterprise at $150k: max(0.4, 0.34) = 0.4, and 25 mid-market at $40k:
// max(0.43, $1M / $2M = 0.5) = 0.5: 0.9 FTE, under one FTE: the mixed team of other industries.
// 157 customers and $14.2M ARR: Specialization; 64 of 157 accounts (41%) regulated.
describe('vertical structure', () => {
  it('is labelled vertical and draws one team per industry with an FTE of work', async () => {
    const plan = await planFixture('vertical-regulated');
    expect(plan.structure.model).toBe('vertical');
    expect(plan.teams.map((t) => [t.title, t.members])).toEqual([
      ['Healthcare CSMs (Enterprise)', ['h1', 'h2']],
      ['Financial services CSMs (Enterprise)', ['f1']],
      ['Retail CSMs (Mid-Market)', ['r1']],
      ['Other industries CSMs (Enterprise + Mid-Market)', ['o1']],
    ]);
    // 6 CSMs (a hire included) under the VP with CS Ops, onboarding and support hires: 9 > 8
    // reports, so one manager leads the industry teams.
    expect(find(plan.chart.root, (n) => n.role === 'manager-cs')).toMatchObject({
      title: 'CS Manager, 4 industry teams',
      count: 1,
    });
    expect(plan.teams.map((t) => t.needed)).toEqual([
      expect.closeTo(2.2),
      expect.closeTo(1.32),
      expect.closeTo(1.2),
      expect.closeTo(0.9),
    ]);
  });

  it('gives each team its industry in the JSON report', async () => {
    const json = JSON.parse(renderPlanJson(await planFixture('vertical-regulated'), []));
    expect(json.teams.map((t: { key: string; industry: string }) => [t.key, t.industry])).toEqual([
      ['enterprise+mid-market#healthcare', 'healthcare'],
      ['enterprise+mid-market#financial-services', 'financial services'],
      ['enterprise+mid-market#retail', 'retail'],
      ['enterprise+mid-market#other', ''],
    ]);
  });

  it('hires for the industry that is short, named by its industry', async () => {
    const plan = await planFixture('vertical-regulated');
    // Healthcare 2 CSMs for 2.2 and Retail 1 for 1.2 are within the quarter of a person a team
    // absorbs; Financial services has 1 for 1.3: one senior hire (enterprise accounts).
    expect(plan.gaps.filter((g) => g.role === 'csm')).toEqual([
      expect.objectContaining({
        title: 'Senior CSM, Financial services (Enterprise)',
        team: 'enterprise+mid-market#financial-services',
        count: 1,
      }),
    ]);
  });

  it('keeps tier teams, and says why, when no industry has an FTE of work', async () => {
    // 15 hospitals (16.5 / 20 = 0.83 FTE), 15 banks (0.83), 40 retailers (max(0.7, $1.6M / $2M)
    // = 0.8) and education (0.9): every industry is under one FTE, so no industry team would
    // fill a book: the chart keeps tier teams and the label says so.
    const loaded = await loadOrgFile('test/fixtures/target/vertical-regulated.yaml', {
      today: AS_OF,
      cwd: process.cwd(),
    });
    if (!loaded.org) throw new Error('does not load');
    const keep = (id: string) => {
      const [, prefix, n] = /^(.*)-(\d+)$/.exec(id) ?? [];
      const limit: Record<string, number> = { 'hc-a': 15, 'hc-b': 0, bank: 15, shop: 40 };
      return Number(n) <= (limit[prefix ?? ''] ?? Number.POSITIVE_INFINITY);
    };
    const plan = planOrg({
      ...loaded.org,
      accounts: loaded.org.accounts.filter((a) => keep(a.id)),
    });
    expect(plan.structure.model).not.toBe('vertical');
    expect(plan.structure.alternatives.map((a) => a.model)).toContain('vertical');
    expect(plan.teams.every((t) => t.industry === undefined)).toBe(true);
  });
});
