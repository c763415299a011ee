import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analysis.js';
import { computeCapacity } from '../../src/core/capacity.js';
import { accounts, orgFrom } from '../helpers/org.js';

// Enterprise: 15-25 accounts per CSM (target 20), $2M-$5M ARR (target $3.5M).
// Mid-market: 40-75 (target 57.5), $1M-$3M (target $2M). Medium complexity = factor 1.
const TEAM = `team:
  - { id: e1, role: csm, segment: enterprise, start_date: 2024-01-01 }
  - { id: m1, role: csm, start_date: 2024-01-01 }
  - { id: n1, role: csm, segment: mid-market, start_date: 2026-10-19 }
  - { id: p1, role: csm, segment: mid-market, start_date: 2027-01-04 }
`;
const ACCOUNTS = `accounts:
${accounts('ent', 30, 200_000)}
${accounts('mm', 60, 40_000, 'owner: m1')}
`;

async function capacity(extraTeam = '') {
  const org = await orgFrom(TEAM + extraTeam + ACCOUNTS);
  return computeCapacity(analyse(org));
}

describe('CSM capacity per segment', () => {
  it('needs the larger of accounts/target and ARR/target', async () => {
    const { segments } = await capacity();
    const ent = segments.find((s) => s.id === 'enterprise');
    // 30 accounts / 20 = 1.5 FTE; $6M / $3.5M = 1.714 FTE -> ARR binds.
    expect(ent?.accounts).toBe(30);
    expect(ent?.arr).toBe(6_000_000);
    expect(ent?.fteByAccounts).toBeCloseTo(1.5);
    expect(ent?.fteByArr).toBeCloseTo(6 / 3.5);
    expect(ent?.csmFteNeeded).toBeCloseTo(6 / 3.5);
    expect(ent?.binding).toBe('arr');
    const mm = segments.find((s) => s.id === 'mid-market');
    // 60 / 57.5 = 1.043; $2.4M / $2M = 1.2 -> 1.2.
    expect(mm?.csmFteNeeded).toBeCloseTo(1.2);
    expect(mm?.arrShare).toBeCloseTo(2.4 / 8.4);
  });

  it('counts available FTE by segment, ramp and planned hires', async () => {
    const { segments } = await capacity();
    const ent = segments.find((s) => s.id === 'enterprise');
    expect(ent?.csmFteAvailable).toBe(1); // e1, fully ramped
    expect(ent?.utilisation).toBeCloseTo(6 / 3.5);
    const mm = segments.find((s) => s.id === 'mid-market');
    // m1 (no segment, whole book mid-market) 1 + n1 in week 6 at half a book 0.5 = 1.5; p1 planned.
    expect(mm?.csmFteAvailable).toBeCloseTo(1.5);
    expect(mm?.csmFtePlanned).toBe(1);
    expect(mm?.csmFteStaffed).toBe(3);
    expect(mm?.utilisation).toBeCloseTo(1.2 / 1.5);
    expect(mm?.csms).toEqual(['m1', 'n1', 'p1']);
  });

  it("dedicated onboarding and support each add 10% to every CSM's capacity", async () => {
    const { segments } = await capacity(
      '  - { id: s1, role: support }\n  - { id: o1, role: onboarding }\n',
    );
    const ent = segments.find((s) => s.id === 'enterprise');
    expect(ent?.csmFteNeeded).toBeCloseTo(6 / 3.5 / 1.2);
  });

  it("splits a generalist across segments by where the book's load sits", async () => {
    // g owns 10 enterprise accounts (10/20 = 0.5 of a book) and 30 mid-market (30/57.5 = 0.522).
    const org = await orgFrom(`team:
  - { id: g, role: csm }
accounts:
${accounts('e', 10, 150_000, 'owner: g')}
${accounts('m', 30, 30_000, 'owner: g')}
`);
    const { segments } = computeCapacity(analyse(org));
    const share = 0.5 / (0.5 + 30 / 57.5);
    expect(segments.find((s) => s.id === 'enterprise')?.csmFteAvailable).toBeCloseTo(share);
    expect(segments.find((s) => s.id === 'mid-market')?.csmFteAvailable).toBeCloseTo(1 - share);
  });

  it('keeps CSMs with no segment and no book apart as unassigned', async () => {
    const org = await orgFrom(`team:
  - { id: idle, role: csm }
accounts:
${accounts('e', 2, 150_000)}
`);
    const result = computeCapacity(analyse(org));
    expect(result.unassignedCsms).toEqual(['idle']);
    expect(result.unassignedFte).toBe(1);
  });

  it('plans account groups exactly like that many accounts', async () => {
    const org = await orgFrom(`account_groups:
  - { name: tail, count: 1500, arr_each: 1000 }
  - { name: smb, count: 300, arr_total: 3000000 }
`);
    const { segments } = computeCapacity(analyse(org));
    const tail = segments.find((s) => s.id === 'self-serve');
    // Digital work follows ARR: $1.5M / $3M = 0.5 FTE, under the cap of 1,500 / 2,000 = 0.75.
    expect(tail?.accounts).toBe(1500);
    expect(tail?.csmFteNeeded).toBeCloseTo(0.5);
    const smb = segments.find((s) => s.id === 'smb');
    // $10k each: smb. 300 / 150 = 2; $3M / $1.25M = 2.4 -> 2.4.
    expect(smb?.arr).toBe(3_000_000);
    expect(smb?.csmFteNeeded).toBeCloseTo(2.4);
  });
});
