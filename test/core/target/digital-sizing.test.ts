/** Digital coverage is sized by ARR at the automation level, with the account count as a cap. */
import { describe, expect, it } from 'vitest';
import { planFrom } from '../../helpers/org.js';

const tail = (count: number, arrEach: number, automation?: string) => `team:
  - { id: ceo, role: ceo }
  - { id: vp, role: vp-cs, reports_to: ceo }
account_groups:
  - { name: Self-serve plans, count: ${count}, arr_each: ${arrEach} }
${automation ? `policy:\n  digital_automation: ${automation}\n` : ''}`;

const digitalTeam = async (body: string) => {
  const plan = await planFrom(body, 'name: Devtools Co\n  motion: product-led');
  const team = plan.teams.find((t) => t.role === 'digital-csm');
  if (!team) throw new Error('no digital team');
  const hires = plan.gaps.filter((g) => g.role === 'digital-csm').reduce((n, g) => n + g.count, 0);
  return { plan, team, hires };
};

describe('digital CSMs sized by ARR and automation', () => {
  it('a $12M tail of 30,000 accounts at $400 gets 4 digital CSMs, not one per 1,250 accounts', async () => {
    const { team, hires, plan } = await digitalTeam(tail(30_000, 400));
    // $12M / $3M (automation "some": the middle of the published $1M-5M) = 4.0 FTE.
    // The account cap, 30,000 / 2,000 (the top of 500-2,000+) = 15, does not bind.
    expect(team.needed).toBeCloseTo(4);
    expect(plan.capacity.segments.find((s) => s.id === 'self-serve')?.binding).toBe('arr');
    // Range: $12M / $5M = 2.4 FTE to $12M / $1M = 12 FTE.
    expect(team.range.fewest).toBeCloseTo(2.4);
    expect(team.range.most).toBeCloseTo(12);
    // Nobody staffs it: 4.0 FTE is 4 hires (a team absorbs a quarter of a person, not a whole one).
    expect(hires).toBe(4);
  });

  it('mature automation sizes at the top of the ARR range, none at its low end', async () => {
    // $12M / $5M = 2.4 FTE -> 3 people (2.4 - 0.25 rounds up to 3).
    const mature = await digitalTeam(tail(30_000, 400, 'mature'));
    expect(mature.team.needed).toBeCloseTo(2.4);
    expect(mature.hires).toBe(3);
    // $12M / $1M = 12 FTE, under the cap of 15: programs run by hand need people.
    const none = await digitalTeam(tail(30_000, 400, 'none'));
    expect(none.team.needed).toBeCloseTo(12);
    expect(none.hires).toBe(12);
  });

  it('caps the team at one digital CSM per 2,000 accounts when ARR would ask for more', async () => {
    // 3,000 accounts at $4,000 = $12M: $12M / $3M = 4.0 FTE by ARR, but 3,000 / 2,000 = 1.5.
    const plan = await planFrom(tail(3_000, 4_000));
    const selfServe = plan.capacity.segments.find((s) => s.id === 'self-serve');
    expect(selfServe?.csmFteNeeded).toBeCloseTo(1.5);
    expect(selfServe?.binding).toBe('accounts');
  });

  it('rejects an automation level it does not know, with the choices', async () => {
    await expect(planFrom(tail(100, 400, 'full'))).rejects.toThrow('expected none, some or mature');
  });
});
