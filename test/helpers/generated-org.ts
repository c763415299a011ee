/**
 * Generated orgs of every shape (founders, first CSMs, flat teams, PLG tails, enterprise-only,
 * leaders in place...) as the YAML a user would write, for property tests.
 */
import fc from 'fast-check';
import { addDays } from '../../src/core/dates.js';
import type { Org } from '../../src/core/model.js';
import { AS_OF, orgFrom } from './org.js';

const ROLE_POOL = [
  'csm',
  'csm',
  'csm',
  'csm',
  'digital-csm',
  'manager-cs',
  'director-cs',
  'vp-cs',
  'cco',
  'cs-ops',
  'onboarding',
  'support',
  'renewals',
  'account-manager',
  'solutions-engineer',
  'cro',
  'vp-sales',
  'founder',
  'coo',
  'head-of-onboarding',
  'head-of-support',
  'head-of-renewals',
  'head-of-account-management',
  'professional-services',
  'revops',
] as const;
const SEGMENTS = ['strategic', 'enterprise', 'mid-market', 'smb', 'self-serve'] as const;
const ARR_BY_SEGMENT = [900_000, 180_000, 45_000, 12_000, 2_000];

const memberArb = fc.record({
  role: fc.constantFrom(...ROLE_POOL),
  segment: fc.option(fc.constantFrom(...SEGMENTS), { nil: undefined }),
  seniority: fc.option(fc.constantFrom('junior', 'mid', 'senior', 'lead'), { nil: undefined }),
  startOffset: fc.option(fc.integer({ min: -900, max: 90 }), { nil: undefined }),
  manager: fc.option(fc.nat(), { nil: undefined }),
});

export const orgArb = fc.record({
  motion: fc.constantFrom('sales-led', 'product-led', 'hybrid'),
  complexity: fc.constantFrom('low', 'medium', 'high'),
  counts: fc.tuple(
    fc.integer({ min: 0, max: 12 }),
    fc.integer({ min: 0, max: 40 }),
    fc.integer({ min: 0, max: 120 }),
    fc.integer({ min: 0, max: 150 }),
    fc.integer({ min: 0, max: 60 }),
  ),
  tail: fc.option(fc.integer({ min: 100, max: 20_000 }), { nil: undefined }),
  team: fc.array(memberArb, { maxLength: 24 }),
  ownedShare: fc.double({ min: 0, max: 1, noNaN: true }),
  growth: fc.option(
    fc.record({
      customers: fc.integer({ min: 0, max: 400 }),
      arrPct: fc.integer({ min: 0, max: 150 }),
    }),
    { nil: undefined },
  ),
  ceoInFile: fc.boolean(),
});

/** The generated org as the YAML a user would write. */
export type OrgSpec = typeof orgArb extends fc.Arbitrary<infer T> ? T : never;

export function orgYaml(spec: OrgSpec): string {
  const team: string[] = [];
  if (spec.ceoInFile) team.push('  - { id: ceo, role: ceo }');
  spec.team.forEach((m, i) => {
    const fields = [`id: p${i}`, `role: ${m.role}`];
    if (m.segment && (m.role === 'csm' || m.role === 'digital-csm'))
      fields.push(`segment: ${m.segment}`);
    if (m.seniority) fields.push(`seniority: ${m.seniority}`);
    if (m.startOffset !== undefined) fields.push(`start_date: ${addDays(AS_OF, m.startOffset)}`);
    // Managers come earlier in the list, so reporting lines never loop.
    if (m.manager !== undefined && i > 0) fields.push(`reports_to: p${m.manager % i}`);
    else if (spec.ceoInFile) fields.push('reports_to: ceo');
    team.push(`  - { ${fields.join(', ')} }`);
  });
  const csms = spec.team
    .map((m, i) => ({ m, id: `p${i}` }))
    .filter(({ m }) => m.role === 'csm' || m.role === 'digital-csm')
    .map(({ id }) => id);
  const accounts: string[] = [];
  let n = 0;
  spec.counts.forEach((count, s) => {
    for (let i = 0; i < count; i++) {
      n += 1;
      const owned = csms.length > 0 && ((n * 7919) % 1000) / 1000 < spec.ownedShare;
      const owner = owned ? `, owner: ${csms[n % csms.length]}` : '';
      const arr = (ARR_BY_SEGMENT[s] ?? 1_000) + ((n * 37) % 11) * 1_000;
      const health = ['green', 'green', 'yellow', 'red'][n % 4];
      accounts.push(`  - { id: a${n}, arr: ${arr}, health: ${health}${owner} }`);
    }
  });
  const lines = [`  motion: ${spec.motion}`, `  product_complexity: ${spec.complexity}`];
  let body = `${lines.join('\n')}\n`;
  if (team.length > 0) body += `team:\n${team.join('\n')}\n`;
  if (accounts.length > 0) body += `accounts:\n${accounts.join('\n')}\n`;
  if (spec.tail !== undefined)
    body += `account_groups:\n  - { name: Self-serve tail, count: ${spec.tail}, arr_each: 1500 }\n`;
  if (spec.growth)
    body += `growth: { new_customers_12m: ${spec.growth.customers}, arr_growth_pct_12m: ${spec.growth.arrPct} }\n`;
  return body;
}

/** The generated org (as YAML) loaded through the real loader. */
export async function generatedOrg(spec: OrgSpec | string): Promise<Org> {
  const yaml = typeof spec === 'string' ? spec : orgYaml(spec);
  // Motion and complexity go under company:, the rest at the top level.
  const [company, ...rest] = yaml.split(/\n(?=[a-z_]+:)/);
  return orgFrom(`${rest.join('\n')}\n`, `name: Generated\n${company}`);
}

const INDUSTRIES = ['healthcare', 'financial services', 'retail', 'education', 'software'];
const REGIONS = ['NA', 'EMEA', 'APAC'];

/** Generated orgs whose accounts carry an industry (some regulated) and, sometimes, a region. */
export const taggedOrgArb = fc.record({
  base: orgArb,
  industries: fc.subarray(INDUSTRIES, { minLength: 1 }),
  regulated: fc.subarray(INDUSTRIES),
  regions: fc.subarray(REGIONS),
  /** Shifts which industry and region each account gets. */
  skew: fc.nat({ max: 96 }),
});

export type TaggedOrgSpec = typeof taggedOrgArb extends fc.Arbitrary<infer T> ? T : never;

/** The tagged org as YAML: every account an industry, accounts and CSMs a region when any. */
export function taggedOrgYaml(spec: TaggedOrgSpec): string {
  const { industries, regulated, regions, skew } = spec;
  return orgYaml(spec.base)
    .replace(/^( {2}- \{ id: a(\d+), [^}]*?) \}$/gm, (_, line: string, n: string) => {
      const i = Number(n) + skew;
      const industry = industries[(i * 7) % industries.length] ?? 'software';
      const fields = [`industry: ${industry}`];
      if (regulated.includes(industry)) fields.push('regulated: true');
      if (regions.length > 0) fields.push(`region: ${regions[(i * 3) % regions.length]}`);
      return `${line}, ${fields.join(', ')} }`;
    })
    .replace(
      /^( {2}- \{ id: p(\d+), role: (?:csm|digital-csm)[^}]*?) \}$/gm,
      (_, line: string, n: string) =>
        regions.length > 0
          ? `${line}, region: ${regions[(Number(n) + skew) % regions.length]} }`
          : `${line} }`,
    );
}

/**
 * Generated orgs built for industry teams: accounts in cells of one industry and region (the
 * regulated industries heavy enough for a vertical structure), CSMs in regions, most accounts
 * owned by a CSM of their region and some by a CSM elsewhere, some unowned.
 */
export const verticalOrgArb = fc.record({
  cells: fc.array(
    fc.record({
      industry: fc.constantFrom('healthcare', 'financial services', 'retail', 'education'),
      region: fc.constantFrom(...REGIONS),
      count: fc.integer({ min: 1, max: 36 }),
      arr: fc.constantFrom(40_000, 90_000, 150_000, 220_000),
    }),
    { minLength: 1, maxLength: 8 },
  ),
  csms: fc.array(
    fc.record({
      region: fc.constantFrom(...REGIONS),
      seniority: fc.constantFrom('junior', 'mid', 'senior'),
      segment: fc.option(fc.constantFrom('enterprise', 'mid-market'), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 10 },
  ),
  /** Shifts which CSM owns each account, and which accounts are owned elsewhere or by nobody. */
  skew: fc.nat({ max: 96 }),
});

export type VerticalOrgSpec = typeof verticalOrgArb extends fc.Arbitrary<infer T> ? T : never;

export function verticalOrgYaml(spec: VerticalOrgSpec): string {
  const { cells, csms, skew } = spec;
  const team = ['  - { id: vp, role: vp-cs }'];
  csms.forEach((c, i) => {
    const segment = c.segment ? `, segment: ${c.segment}` : '';
    team.push(
      `  - { id: c${i}, role: csm, region: ${c.region}, seniority: ${c.seniority}${segment}, reports_to: vp }`,
    );
  });
  const accounts: string[] = [];
  let n = 0;
  for (const cell of cells)
    for (let i = 0; i < cell.count; i++) {
      n += 1;
      const local = csms.map((c, id) => ({ c, id })).filter(({ c }) => c.region === cell.region);
      const pool = local.length > 0 && (n + skew) % 9 !== 0 ? local.map((l) => l.id) : [];
      const anyone = csms.map((_, id) => id);
      const owners = pool.length > 0 ? pool : anyone;
      const owner =
        (n + skew) % 11 === 0 ? '' : `, owner: c${owners[(n * 7 + skew) % owners.length]}`;
      const regulated =
        cell.industry === 'healthcare' || cell.industry === 'financial services'
          ? ', regulated: true'
          : '';
      const health = ['green', 'green', 'yellow', 'red'][(n + skew) % 4];
      accounts.push(
        `  - { id: a${n}, arr: ${cell.arr}, industry: ${cell.industry}${regulated}, region: ${cell.region}, health: ${health}${owner} }`,
      );
    }
  return `  product_complexity: medium\nteam:\n${team.join('\n')}\naccounts:\n${accounts.join('\n')}\n`;
}
