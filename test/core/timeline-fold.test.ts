/**
 * The timeline folds accounts by region and industry only where those may decide a CSM team in
 * some month of its plan (teamAttributes). Every figure below is worked out by hand from the
 * default policy: mid-market at 57.5 accounts per CSM (the middle of 40-75) and $2M ARR per CSM
 * (the middle of $1M-3M), a region with 1 FTE of work or more gets a team of its own, industry
 * teams are drawn for a complex product or once a quarter of the accounts are regulated.
 */
import { describe, expect, it } from 'vitest';
import { loadOrgText } from '../../src/config/load.js';
import type { Org } from '../../src/core/model.js';
import { planOrg } from '../../src/core/plan.js';
import { type TeamAttributes, teamAttributes } from '../../src/core/target/needs.js';
import { compactAccounts, growthSeries, timelineAccounts } from '../../src/core/timeline/grow.js';
import { simulateTimeline, targetAt } from '../../src/core/timeline/index.js';

/** Months of growth the checks below look at: the timeline's 12 and more. */
const MONTHS = 24;

async function orgOf(text: string): Promise<Org> {
  const result = await loadOrgText(text, 'test.yaml', { today: '2026-12-01' });
  if (!result.org) throw new Error(result.diagnostics.map((d) => d.message).join('; '));
  return result.org;
}

/** An org file of a manager and two CSMs, ann and bo, with the given accounts. */
function orgText(company: string, growth: string, accounts: string[]): string {
  return `version: 1
company: ${company}
${growth}
team:
  - { id: vic, role: manager-cs }
  - { id: ann, role: csm, reports_to: vic }
  - { id: bo, role: csm, reports_to: vic }
accounts:
${accounts.filter((lines) => lines !== '').join('\n')}
`;
}

/** `count` accounts as lines of `accounts:`, ids from `prefix`. */
function accountLines(prefix: string, count: number, fields: string): string {
  return Array.from({ length: count }, (_, i) => `  - { id: ${prefix}${i}, ${fields} }`).join('\n');
}

/**
 * Mid-market accounts at $30k, medium complexity (load 1), NA and APAC in ann's book, EMEA in
 * bo's; neither CSM has a region of their own.
 */
function regionsOrg(counts: { na: number; emea: number; apac: number }, growth = ''): string {
  const group = (name: string, count: number, owner: string, region: string) =>
    accountLines(name, count, `arr: 30000, owner: ${owner}, region: ${region}`);
  return orgText('{ name: Regionly, as_of: 2026-12-01 }', growth, [
    group('na', counts.na, 'ann', 'NA'),
    group('apac', counts.apac, 'ann', 'APAC'),
    group('emea', counts.emea, 'bo', 'EMEA'),
  ]);
}

/** What teamAttributes answers over MONTHS of the org's growth. */
function attributesOf(org: Org, months = MONTHS): TeamAttributes {
  return teamAttributes(org, growthSeries(org, months).series);
}

/** The target's CSM team keys and work, in the target's order. */
function teams(org: Org, accounts = org.accounts): [string, string][] {
  return targetAt({ ...org, growth: undefined, accounts }).teams.map((t) => [
    t.key,
    t.needed.toFixed(6),
  ]);
}

describe('folding by region', () => {
  it('keeps regions where the target draws region teams', async () => {
    // NA and EMEA: 60 accounts each, max(60 / 57.5, 60 x $30k / $2M) = max(1.043, 0.9) = 1.043
    // FTE, each a team of its own (as much work: EMEA first by name); APAC: 5 / 57.5 = 0.087
    // FTE joins one of them. 125 / 57.5 = 2.17 FTE in all: 3 CSMs, enough to split into teams.
    const org = await orgOf(regionsOrg({ na: 60, emea: 60, apac: 5 }));
    expect(planOrg(org).target.teams.map((t) => t.key)).toEqual([
      'mid-market@emea',
      'mid-market@na',
    ]);
    expect(attributesOf(org)).toEqual({ region: true, industry: false });
    // One group per owner and region: ann NA, ann APAC, bo EMEA.
    const folded = timelineAccounts(org, MONTHS);
    expect(folded.map((a) => [a.owner, a.region, a.count])).toEqual([
      ['ann', 'NA', 60],
      ['ann', 'APAC', 5],
      ['bo', 'EMEA', 60],
    ]);
    expect(teams(org, folded)).toEqual(teams(org));
  });

  it('folds regions away where no region has a team of its own', async () => {
    // NA 120 accounts (120 / 57.5 = 2.09 FTE), EMEA 30 (0.522 FTE), APAC 5 (0.087 FTE): only NA
    // has a team's work, so the tier stays one team, and no month grows (no growth:).
    const org = await orgOf(regionsOrg({ na: 120, emea: 30, apac: 5 }));
    expect(planOrg(org).target.teams.map((t) => t.key)).toEqual(['mid-market']);
    expect(attributesOf(org)).toEqual({ region: false, industry: false });
    // One group per owner: ann's 125 accounts (NA and APAC), bo's 30.
    const folded = timelineAccounts(org, MONTHS);
    expect(folded.map((a) => [a.owner, a.count])).toEqual([
      ['ann', 125],
      ['bo', 30],
    ]);
    expect(teams(org, folded)).toEqual(teams(org));
  });

  it('keeps regions when growth gives a second region a team within the plan', async () => {
    // 20 new customers a month, all mid-market (the only segment): 155 customers + 160 = 315
    // after 8 months (x 2.03), EMEA 30 x 2.03 = 61 accounts = 1.06 FTE, a team of its own.
    const growth = 'growth: { new_customers_per_month: 20 }';
    const org = await orgOf(regionsOrg({ na: 120, emea: 30, apac: 5 }, growth));
    expect(attributesOf(org).region).toBe(true);
    expect(timelineAccounts(org, MONTHS)).toHaveLength(3);
    // The timeline draws the EMEA team in a later month, as the file's accounts would.
    const keys = new Set(simulateTimeline(org).rows.flatMap((r) => r.teams.map((t) => t.key)));
    expect(keys).toContain('mid-market@emea');
    expect(keys).toContain('mid-market');
  });

  it("keeps regions where a CSM has one: a region's only CSM stays in it", async () => {
    const text = regionsOrg({ na: 120, emea: 30, apac: 5 }).replace(
      '{ id: bo, role: csm, reports_to: vic }',
      '{ id: bo, role: csm, reports_to: vic, region: EMEA }',
    );
    const org = await orgOf(text);
    expect(attributesOf(org)).toEqual({ region: true, industry: false });
  });
});

/**
 * Enterprise accounts at $150k (20 per CSM, $3.5M per CSM) in three industries, SMB accounts at
 * $10k; `regulated` of the enterprise accounts are regulated.
 */
function industriesOrg(regulated: number, growth = '', complexity = 'medium'): string {
  return orgText(
    `{ name: Verticly, as_of: 2026-12-01, product_complexity: ${complexity} }`,
    growth,
    [
      accountLines('fin', regulated, 'arr: 150000, owner: ann, industry: finance, regulated: true'),
      accountLines('health', 10 - regulated, 'arr: 150000, owner: ann, industry: healthcare'),
      accountLines('retail', 40, 'arr: 10000, owner: bo, industry: retail'),
      accountLines('media', 40, 'arr: 10000, owner: bo, industry: media'),
    ],
  );
}

describe('folding by industry', () => {
  it('folds industries away where no industry team can be drawn', async () => {
    // 2 regulated of 90 accounts (2%), medium complexity, no growth: no month needs industry
    // knowledge. One group per owner: ann's finance accounts weigh 1.1 (regulated) and her
    // healthcare ones 1, (2 x 1.1 + 8 x 1) / 10 = 1.02 on average; bo's retail and media 1.
    const org = await orgOf(industriesOrg(2));
    expect(attributesOf(org)).toEqual({ region: false, industry: false });
    const folded = timelineAccounts(org, MONTHS);
    expect(folded.map((a) => [a.owner, a.count, a.load])).toEqual([
      ['ann', 10, 1.02],
      ['bo', 80, 1],
    ]);
    // The group keeps its members' industry figures: retail $400k and media $400k.
    const bo = folded[1]?.industries;
    expect(bo && [...bo.slots.keys()]).toEqual(['retail', 'media']);
    expect(bo?.arr).toEqual([400_000, 400_000]);
    expect(teams(org, folded)).toEqual(teams(org));
  });

  it('keeps industries for a complex product', async () => {
    const org = await orgOf(industriesOrg(2, '', 'high'));
    expect(attributesOf(org).industry).toBe(true);
    expect(timelineAccounts(org, MONTHS)).toEqual(compactAccounts(org));
  });

  it('keeps industries when growth brings the regulated share to a quarter', async () => {
    // Today 10 regulated of 90 accounts: 11%. Enterprise gains 2 customers a month and every
    // enterprise account is regulated, so the regulated ones grow with it: after 6 months 22
    // of 102 (22%), after 8 months 26 of 106 (24.5%), after 9 months 28 of 108 (25.9%).
    const growth = 'growth: { segments: { enterprise: { new_customers_per_month: 2 } } }';
    const org = await orgOf(industriesOrg(10, growth));
    expect(attributesOf(org, 8).industry).toBe(false);
    expect(attributesOf(org, 9).industry).toBe(true);
  });
});
