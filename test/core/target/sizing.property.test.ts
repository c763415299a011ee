/**
 * Sizing invariants over generated orgs with regions, surplus CSMs and digital tails: no hire into
 * a role a CSM beyond the work could start, digital work inside its ARR band, and every region
 * with accounts keeps the CSM it has. (With the fixed seed, about 40 of the 100 orgs split a tier
 * by region and 15 move a CSM into a role.)
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { planOrg } from '../../../src/core/plan.js';
import { brokenInvariants } from '../../helpers/invariants.js';
import { AS_OF, orgFrom } from '../../helpers/org.js';

const REGIONS = ['NA', 'EMEA', 'APAC'] as const;
const SEGMENTS = ['strategic', 'enterprise', 'mid-market', 'smb'] as const;
const ARR = [700_000, 150_000, 40_000, 10_000];

const csmArb = fc.record({
  region: fc.option(fc.constantFrom(...REGIONS), { nil: undefined }),
  segment: fc.option(fc.constantFrom(...SEGMENTS), { nil: undefined }),
  seniority: fc.option(fc.constantFrom('junior', 'mid', 'senior'), { nil: undefined }),
  startOffset: fc.option(fc.integer({ min: -1500, max: 60 }), { nil: undefined }),
  leaving: fc.boolean(),
});

const orgArb = fc.record({
  csms: fc.array(csmArb, { minLength: 1, maxLength: 14 }),
  counts: fc.tuple(
    fc.integer({ min: 0, max: 12 }),
    fc.integer({ min: 0, max: 80 }),
    fc.integer({ min: 0, max: 240 }),
    fc.integer({ min: 0, max: 400 }),
  ),
  regionOf: fc.array(fc.constantFrom(...REGIONS), { minLength: 1, maxLength: 7 }),
  owned: fc.double({ min: 0, max: 1, noNaN: true }),
  specialists: fc.subarray(['cs-ops', 'onboarding', 'renewals', 'support'] as const),
  tail: fc.option(
    fc.record({
      count: fc.integer({ min: 100, max: 40_000 }),
      arrEach: fc.integer({ min: 50, max: 4_900 }),
    }),
    { nil: undefined },
  ),
  automation: fc.option(fc.constantFrom('none', 'some', 'mature'), { nil: undefined }),
});

type Spec = typeof orgArb extends fc.Arbitrary<infer T> ? T : never;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function orgYaml(spec: Spec): string {
  const team = ['  - { id: vp, role: vp-cs }'];
  spec.csms.forEach((c, i) => {
    const fields = [`id: c${i}`, 'role: csm', 'reports_to: vp'];
    if (c.region) fields.push(`region: ${c.region}`);
    if (c.segment) fields.push(`segment: ${c.segment}`);
    if (c.seniority) fields.push(`seniority: ${c.seniority}`);
    if (c.startOffset !== undefined) fields.push(`start_date: ${addDays(AS_OF, c.startOffset)}`);
    if (c.leaving) fields.push(`leaving: ${addDays(AS_OF, 30)}`);
    team.push(`  - { ${fields.join(', ')} }`);
  });
  for (const role of spec.specialists)
    team.push(`  - { id: ${role}-1, role: ${role}, reports_to: vp }`);
  const accounts: string[] = [];
  let n = 0;
  spec.counts.forEach((count, s) => {
    for (let i = 0; i < count; i++) {
      n += 1;
      const region = spec.regionOf[n % spec.regionOf.length];
      const owned = ((n * 7919) % 1000) / 1000 < spec.owned;
      const owner = owned ? `, owner: c${n % spec.csms.length}` : '';
      accounts.push(`  - { id: a${n}, arr: ${ARR[s] ?? 10_000}, region: ${region}${owner} }`);
    }
  });
  let body = `team:\n${team.join('\n')}\n`;
  if (accounts.length > 0) body += `accounts:\n${accounts.join('\n')}\n`;
  if (spec.tail)
    body += `account_groups:\n  - { name: Tail, count: ${spec.tail.count}, arr_each: ${spec.tail.arrEach} }\n`;
  if (spec.automation) body += `policy:\n  digital_automation: ${spec.automation}\n`;
  return body;
}

describe('sizing over generated orgs', () => {
  it('never hires into a role a surplus CSM could start, keeps digital work in its band, keeps every region a CSM', async () => {
    await fc.assert(
      fc.asyncProperty(orgArb, async (spec) => {
        const yaml = orgYaml(spec);
        const org = await orgFrom(yaml);
        const plan = planOrg(org);
        const broken = brokenInvariants(plan, org);
        if (broken.length > 0) throw new Error(`${broken.join('\n')}\n--- org ---\n${yaml}`);
      }),
      {
        numRuns: Number(process.env.CSPLAN_PROPERTY_RUNS ?? 100),
        seed: Number(process.env.CSPLAN_PROPERTY_SEED ?? 20261206),
      },
    );
  }, 600_000);
});
