/**
 * The rebalance serves the target's teams: where the target draws industry teams, no move gives
 * an account to a CSM of another industry's team (test/core/rebalance/invariants.property.test.ts
 * holds the rebalance's own invariants).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planOrg } from '../../../src/core/plan.js';
import { rebalance } from '../../../src/core/rebalance/index.js';
import { generatedOrg, verticalOrgArb, verticalOrgYaml } from '../../helpers/generated-org.js';

const key = (industry: string | undefined) => industry?.trim().toLowerCase() ?? '';

describe('the rebalance keeps accounts within their industry team', () => {
  it('moves no account across industry teams', async () => {
    let crossings = 0;
    await fc.assert(
      fc.asyncProperty(verticalOrgArb, async (spec) => {
        const yaml = verticalOrgYaml(spec);
        const org = await generatedOrg(yaml);
        const plan = planOrg(org);
        const industryTeams = plan.teams.filter((t) => t.industry !== undefined);
        const broken: string[] = [];
        if (industryTeams.length > 0) {
          crossings += 1;
          const teamOf = new Map(industryTeams.flatMap((t) => t.members.map((id) => [id, t])));
          const own = new Set(industryTeams.map((t) => key(t.industry)).filter((k) => k !== ''));
          const industryOf = new Map(org.accounts.map((a) => [a.id, key(a.industry)]));
          for (const move of rebalance(org).moves) {
            const team = teamOf.get(move.to);
            if (!team) continue; // a CSM of a pooled or digital team
            const industry = industryOf.get(move.account) ?? '';
            const served = own.has(industry)
              ? key(team.industry) === industry
              : team.otherIndustries === true;
            if (!served)
              broken.push(
                `${move.account} (${industry || 'no industry'}) moved to ${move.to} of ${team.key}`,
              );
          }
        }
        if (broken.length > 0) throw new Error(`${broken.join('\n')}\n--- org ---\n${yaml}`);
      }),
      {
        numRuns: Number(process.env.CSPLAN_PROPERTY_RUNS ?? 60),
        seed: Number(process.env.CSPLAN_PROPERTY_SEED ?? 20261207),
      },
    );
    // The runs reach orgs with industry teams.
    expect(crossings).toBeGreaterThan(5);
  }, 600_000);
});
