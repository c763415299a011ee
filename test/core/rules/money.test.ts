import { describe, expect, it } from 'vitest';
import { planFrom } from '../../helpers/org.js';

async function findings(compensation: string) {
  const plan = await planFrom(`team:\n  - { id: c, role: csm }\ncompensation:\n${compensation}`);
  return plan.findings.filter((f) => f.rule === 'comp-plan');
}

describe('comp-plan', () => {
  it('passes the published structure: 65/35, NRR+GRR 45, renewal 25, expansion 20, health 10', async () => {
    expect(
      await findings(`  csm:
    base_pct: 65
    variable_pct: 35
    variable_weights: { nrr: 30, grr: 15, renewal_rate: 25, expansion: 20, health: 10 }
`),
    ).toEqual([]);
  });

  it('reports the split, the total, the largest weight and the bands', async () => {
    const found = await findings(`  csm:
    base_pct: 80
    variable_pct: 20
    variable_weights: { nrr: 20, renewal_rate: 30, expansion: 30, health: 10 }
`);
    expect(found.map((f) => [f.path, f.message])).toEqual([
      [
        ['compensation', 'csm', 'base_pct'],
        'csm pay: base 80% / variable 20%; the published split is 60-70% base and 30-40% variable',
      ],
      [
        ['compensation', 'csm', 'variable_weights'],
        'csm pay: variable weights add up to 90%, not 100%',
      ],
      [
        ['compensation', 'csm', 'variable_weights', 'expansion'],
        'csm pay: expansion (30%) weighs as much as or more than NRR and GRR together (20%); retention should carry the largest weight',
      ],
      [
        ['compensation', 'csm', 'variable_weights'],
        'csm pay: weights outside the published bands: nrr+grr 20% (published 40-50%), expansion 30% (published 15-25%)',
      ],
    ]);
    expect(found.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('reports base and variable that do not add up to 100', async () => {
    const found = await findings(`  csm: { base_pct: 65, variable_pct: 30 }\n`);
    expect(found.map((f) => f.message)).toEqual([
      'csm pay: base 65% and variable 30% add up to 95%, not 100%',
    ]);
  });

  it('leaves roles other than CSMs alone', async () => {
    expect(await findings(`  sales: { base_pct: 50, variable_pct: 50 }\n`)).toEqual([]);
  });
});

describe('comp-plan metric names', () => {
  it('reads NRR, GRR and "Renewal Rate" whatever their case', async () => {
    const plan = await planFrom(`compensation:
  csm:
    base_pct: 65
    variable_pct: 35
    variable_weights: { NRR: 30, GRR: 15, Renewal Rate: 25, Expansion: 20, Health: 10 }
`);
    expect(plan.findings.filter((f) => f.rule === 'comp-plan')).toEqual([]);
  });
});
