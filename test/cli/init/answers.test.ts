import { describe, expect, it } from 'vitest';
import {
  buildOrgFile,
  defaultAnswers,
  type InitAnswers,
  type PersonAnswer,
} from '../../../src/cli/init/answers.js';
import { orgFileSchema } from '../../../src/config/schema.js';

const today = '2026-03-15';

function answers(overrides: Partial<InitAnswers>): InitAnswers {
  return { ...defaultAnswers(), ...overrides };
}

function build(input: InitAnswers) {
  const org = buildOrgFile(input, { today });
  const parsed = orgFileSchema.safeParse(org);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  return org;
}

const csm = (id: string, extra: Partial<PersonAnswer> = {}): PersonAnswer => ({
  id,
  name: id[0]?.toUpperCase() + id.slice(1),
  role: 'csm',
  ...extra,
});

describe('buildOrgFile', () => {
  it('turns the defaults into a founder-only starter with no customers', () => {
    expect(build(defaultAnswers())).toEqual({
      version: 1,
      company: { name: 'My Company', motion: 'sales-led', product_complexity: 'medium' },
      team: [{ id: 'founder', name: 'Founder', role: 'founder' }],
    });
  });

  it('writes one group per non-empty band, owned by the founder who looks after customers', () => {
    const org = build(
      answers({
        customers: {
          source: 'bands',
          bands: [
            { segment: 'enterprise', count: 3, arrEach: 150_000 },
            { segment: 'mid-market', count: 0, arrEach: 50_000 },
            { segment: 'smb', count: 20, arrEach: 12_000 },
          ],
        },
      }),
    );
    expect(org.account_groups).toEqual([
      { name: 'Enterprise customers', count: 3, arr_each: 150_000, owner: 'founder' },
      { name: 'SMB customers', count: 20, arr_each: 12_000, owner: 'founder' },
    ]);
  });

  it('leaves groups unowned when nobody in particular looks after customers', () => {
    const org = build(
      answers({
        founderOwnsAccounts: false,
        team: [],
        customers: { source: 'bands', bands: [{ segment: 'smb', count: 5, arrEach: 10_000 }] },
      }),
    );
    expect(org.account_groups).toEqual([{ name: 'SMB customers', count: 5, arr_each: 10_000 }]);
    expect(org.team).toBeUndefined();
  });

  it('gives each band to the CSMs of that segment, then to generalists, sharing evenly', () => {
    const org = build(
      answers({
        founderOwnsAccounts: true,
        team: [
          { id: 'jo', name: 'Jo', role: 'founder' },
          csm('ana', { segment: 'enterprise', reportsTo: 'jo' }),
          csm('ben', { reportsTo: 'jo' }),
          csm('cy', { reportsTo: 'jo' }),
          csm('dee', { reportsTo: 'jo', startDate: '2026-06-01' }),
        ],
        customers: {
          source: 'bands',
          bands: [
            { segment: 'strategic', count: 1, arrEach: 800_000 },
            { segment: 'enterprise', count: 12, arrEach: 200_000 },
            { segment: 'mid-market', count: 41, arrEach: 50_000 },
            { segment: 'self-serve', count: 300, arrEach: 2_000 },
          ],
        },
      }),
    );
    expect(org.account_groups).toEqual([
      // No strategic CSM: the generalists share the one account; zero-sized shares are dropped.
      { name: 'Strategic customers', count: 1, arr_each: 800_000, owner: 'ben' },
      { name: 'Enterprise customers', count: 12, arr_each: 200_000, owner: 'ana' },
      // dee starts in June: a planned hire gets no accounts yet.
      { name: 'Mid-market customers (Ben)', count: 21, arr_each: 50_000, owner: 'ben' },
      { name: 'Mid-market customers (Cy)', count: 20, arr_each: 50_000, owner: 'cy' },
      // Generalist CSMs do not cover self-serve; the founder does.
      { name: 'Self-serve customers', count: 300, arr_each: 2_000, owner: 'jo' },
    ]);
    expect((org.team as unknown[])[4]).toEqual({
      id: 'dee',
      name: 'Dee',
      role: 'csm',
      reports_to: 'jo',
      start_date: '2026-06-01',
    });
  });

  it('tells same-named CSMs apart by id in group names', () => {
    const org = build(
      answers({
        founderOwnsAccounts: false,
        team: [
          { id: 'sam-1', name: 'Sam', role: 'csm' },
          { id: 'sam-2', name: 'Sam', role: 'csm' },
        ],
        customers: { source: 'bands', bands: [{ segment: 'smb', count: 4, arrEach: 10_000 }] },
      }),
    );
    expect(org.account_groups?.map((g) => g.name)).toEqual([
      'SMB customers (sam-1)',
      'SMB customers (sam-2)',
    ]);
  });

  it('writes a total as one group, splitting the ARR in whole dollars that add up', () => {
    const org = build(
      answers({
        founderOwnsAccounts: false,
        team: [csm('ana'), csm('ben'), csm('cy')],
        customers: { source: 'total', count: 10, arrTotal: 1_000_001, arrAssumed: false },
      }),
    );
    expect(org.account_groups).toEqual([
      { name: 'Customers (Ana)', count: 4, arr_total: 400_000, owner: 'ana' },
      { name: 'Customers (Ben)', count: 3, arr_total: 300_000, owner: 'ben' },
      { name: 'Customers (Cy)', count: 3, arr_total: 300_001, owner: 'cy' },
    ]);
    const total = org.account_groups?.reduce((sum, g) => sum + (g.arr_total ?? 0), 0);
    expect(total).toBe(1_000_001);
  });

  it('writes no group for zero customers', () => {
    const org = build(
      answers({ customers: { source: 'total', count: 0, arrTotal: 0, arrAssumed: false } }),
    );
    expect(org.account_groups).toBeUndefined();
  });

  it('points accounts at a CRM export with its preset and column mapping', () => {
    const org = build(
      answers({
        customers: {
          source: 'file',
          file: 'data/accounts.csv',
          preset: 'hubspot',
          columns: { arr: 'Current ARR' },
        },
      }),
    );
    expect(org.accounts).toEqual({
      file: 'data/accounts.csv',
      preset: 'hubspot',
      columns: { arr: 'Current ARR' },
    });
    expect(org.account_groups).toBeUndefined();
  });

  it('records only the growth figures given', () => {
    expect(build(answers({ growth: { newCustomers12m: 30, arrGrowthPct12m: 40 } })).growth).toEqual(
      {
        new_customers_12m: 30,
        arr_growth_pct_12m: 40,
      },
    );
    expect(build(answers({ growth: {} })).growth).toBeUndefined();
  });
});
