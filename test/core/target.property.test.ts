/**
 * The views of a plan agree with its one target org: on every example, and on generated orgs of
 * every shape (founders, first CSMs, flat teams, PLG tails, enterprise-only, leaders in place...).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadOrgFile } from '../../src/config/load.js';
import { planOrg } from '../../src/core/plan.js';
import { renderPlanJson } from '../../src/render/json.js';
import { exampleFiles } from '../helpers/files.js';
import {
  generatedOrg,
  orgArb,
  orgYaml,
  taggedOrgArb,
  taggedOrgYaml,
  verticalOrgArb,
  verticalOrgYaml,
} from '../helpers/generated-org.js';
import { brokenInvariants, foldBreaks, timelineBreaks } from '../helpers/invariants.js';
import { AS_OF, orgFrom } from '../helpers/org.js';

describe('the views agree on every example', () => {
  for (const file of exampleFiles()) {
    it(file, async () => {
      const loaded = await loadOrgFile(file, { today: AS_OF, cwd: process.cwd() });
      if (!loaded.org) return; // examples that show broken input are checked elsewhere
      const plan = planOrg(loaded.org);
      expect(brokenInvariants(plan, loaded.org)).toEqual([]);
      expect(timelineBreaks(loaded.org)).toEqual([]);
      expect(foldBreaks(loaded.org)).toEqual([]);
    });
  }
});

describe('the views agree on generated orgs', () => {
  it('holds every invariant, and plans the same org to the same bytes', async () => {
    await fc.assert(
      fc.asyncProperty(orgArb, async (spec) => {
        const yaml = orgYaml(spec);
        // Motion and complexity go under company:, the rest at the top level.
        const [company, ...rest] = yaml.split(/\n(?=[a-z_]+:)/);
        const org = await orgFrom(`${rest.join('\n')}\n`, `name: Generated\n${company}`);
        const plan = planOrg(org);
        const broken = [...brokenInvariants(plan, org), ...timelineBreaks(org), ...foldBreaks(org)];
        if (broken.length > 0) throw new Error(`${broken.join('\n')}\n--- org ---\n${yaml}`);
        expect(renderPlanJson(planOrg(org), [])).toBe(renderPlanJson(plan, []));
      }),
      // A fixed seed keeps CI repeatable; CSPLAN_PROPERTY_RUNS and CSPLAN_PROPERTY_SEED explore more.
      {
        numRuns: Number(process.env.CSPLAN_PROPERTY_RUNS ?? 150),
        seed: Number(process.env.CSPLAN_PROPERTY_SEED ?? 20261201),
      },
    );
  }, 600_000);
});

describe('the structure label is what the chart draws, on orgs with industries and regions', () => {
  it('holds every invariant; vertical orgs get industry teams, regions their own managers', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(taggedOrgArb, async (spec) => {
        const yaml = taggedOrgYaml(spec);
        const org = await generatedOrg(yaml);
        const plan = planOrg(org);
        seen.add(plan.structure.model);
        if (plan.teams.some((t) => t.region)) seen.add('regions');
        // The timeline's folded accounts give the target's teams and CSM work, regions and
        // industries included. Its first month's reqs are compared where accounts have no region.
        const timeline = spec.regions.length === 0 ? timelineBreaks(org) : [];
        const broken = [...brokenInvariants(plan, org), ...foldBreaks(org), ...timeline];
        if (broken.length > 0) throw new Error(`${broken.join('\n')}\n--- org ---\n${yaml}`);
      }),
      {
        numRuns: Number(process.env.CSPLAN_PROPERTY_RUNS ?? 150),
        seed: Number(process.env.CSPLAN_PROPERTY_SEED ?? 20261206),
      },
    );
    // The runs reach the shapes this property is about.
    expect([...seen]).toEqual(expect.arrayContaining(['vertical', 'regions']));
  }, 600_000);
});

describe('industry teams split by region, on orgs built for industry teams', () => {
  it('holds every invariant; an industry splits by region, every region keeps a team', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(verticalOrgArb, async (spec) => {
        const yaml = verticalOrgYaml(spec);
        const org = await generatedOrg(yaml);
        const plan = planOrg(org);
        seen.add(plan.structure.model);
        if (plan.teams.some((t) => t.region && t.industry !== undefined))
          seen.add('vertical x regions');
        const broken = brokenInvariants(plan, org);
        if (broken.length > 0) throw new Error(`${broken.join('\n')}\n--- org ---\n${yaml}`);
      }),
      {
        numRuns: Number(process.env.CSPLAN_PROPERTY_RUNS ?? 100),
        seed: Number(process.env.CSPLAN_PROPERTY_SEED ?? 20261207),
      },
    );
    // The runs reach the shapes this property is about.
    expect([...seen]).toEqual(expect.arrayContaining(['vertical', 'vertical x regions']));
  }, 600_000);
});
