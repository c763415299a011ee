/**
 * Rebalance and check share one objective, on generated orgs: teams with ramping, planned,
 * leaving, part-time, junior and regional CSMs, and CS Ops due early enough that the target moves
 * a CSM into it; accounts with health, complexity, regions or time zones, languages, families,
 * locks and renewals. After `--write`, no book finding is new or worse, what is left is explained
 * in `unbalanced`, a second rebalance proposes nothing now and plans the same starter books, and
 * `--moves-csv` applied to the same accounts as a CSV export gives the same books. A CSM the
 * target moves into a function or another team hands the book over whole or keeps it whole (the
 * move waits), so no mover is left holding part of a book.
 *
 * CI runs a fixed seed and a few runs; explore with, e.g.
 * CSPLAN_PROPERTY_RUNS=1000 CSPLAN_PROPERTY_SEED=7 npx vitest run test/core/rebalance/invariants.property.test.ts
 */
import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import { addDays } from '../../../src/core/dates.js';
import { tempDir } from '../../helpers/files.js';
import { verticalOrgArb, verticalOrgYaml } from '../../helpers/generated-org.js';
import { AS_OF } from '../../helpers/org.js';
import { movesCsvBreaks, rebalanceBreaks } from '../../helpers/rebalance-invariants.js';

const SEGMENT_ARR = [700_000, 180_000, 50_000, 12_000];
const REGIONS = ['NA', 'EMEA', 'APAC'];
const ZONES = ['America/Chicago', 'Europe/Berlin', 'Asia/Singapore'];
const LANGUAGES = ['en', 'de', 'fr', 'ja'];

const csmArb = fc.record({
  segment: fc.option(fc.constantFrom('enterprise', 'mid-market', 'smb'), { nil: undefined }),
  seniority: fc.option(fc.constantFrom('junior', 'mid', 'senior'), { nil: undefined }),
  // Days from the plan date: weeks 1-8 of the ramp, long ramped, or not started yet.
  start: fc.option(fc.integer({ min: -70, max: 30 }), { nil: undefined }),
  leaving: fc.boolean(),
  partTime: fc.boolean(),
  region: fc.option(fc.constantFrom(...REGIONS), { nil: undefined }),
  language: fc.option(fc.constantFrom(...LANGUAGES), { nil: undefined }),
});

const accountArb = fc.record({
  tier: fc.integer({ min: 0, max: 3 }),
  arrStep: fc.integer({ min: 0, max: 9 }),
  owner: fc.option(fc.nat(), { nil: undefined }),
  health: fc.option(fc.constantFrom('green', 'green', 'yellow', 'red'), { nil: undefined }),
  complex: fc.boolean(),
  place: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  language: fc.option(fc.constantFrom(...LANGUAGES), { nil: undefined }),
  locked: fc.integer({ min: 0, max: 19 }),
  renewal: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
  parent: fc.option(fc.nat(), { nil: undefined }),
});

const orgArb = fc.record({
  // CS Ops due from this many CSMs (policy cs_ops_at_csms): low values make the target move a
  // CSM beyond the work into CS Ops, whose book the rebalance then hands over.
  csOpsAt: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  csms: fc.array(csmArb, { minLength: 1, maxLength: 7 }),
  accounts: fc.array(accountArb, { maxLength: 70 }),
});

type OrgSpec = typeof orgArb extends fc.Arbitrary<infer T> ? T : never;

/** The generated org as the YAML file a user would write. */
function orgYaml(spec: OrgSpec): string {
  const team = spec.csms.map((c, i) => {
    const fields = [`id: c${i}`, 'role: csm'];
    if (c.segment) fields.push(`segment: ${c.segment}`);
    if (c.seniority) fields.push(`seniority: ${c.seniority}`);
    if (c.start !== undefined) fields.push(`start_date: ${addDays(AS_OF, c.start)}`);
    if (c.leaving) fields.push(`leaving: ${addDays(AS_OF, 45)}`);
    if (c.partTime) fields.push('fte: 0.5');
    if (c.region) fields.push(`region: ${c.region}`);
    if (c.language) fields.push(`languages: [en, ${c.language}]`);
    return `  - { ${fields.join(', ')} }`;
  });
  const accounts = spec.accounts.map((a, i) => {
    const arr = (SEGMENT_ARR[a.tier] ?? 12_000) * (1 + a.arrStep / 10);
    const fields = [`id: a${i}`, `arr: ${Math.round(arr)}`];
    if (a.owner !== undefined) fields.push(`owner: c${a.owner % spec.csms.length}`);
    if (a.health) fields.push(`health: ${a.health}`);
    if (a.complex) fields.push('complexity: high');
    // Half of the placed accounts give a region, the other half only a time zone.
    if (a.place !== undefined && a.place < 3) fields.push(`region: ${REGIONS[a.place]}`);
    if (a.place !== undefined && a.place >= 3) fields.push(`timezone: ${ZONES[a.place - 3]}`);
    if (a.language) fields.push(`language: ${a.language}`);
    // Locked: kept with its owner (an account nobody owns has no owner to keep).
    if (a.locked === 0 && a.owner !== undefined) fields.push('locked: true');
    if (a.renewal !== undefined) fields.push(`renewal_date: ${addDays(AS_OF, a.renewal)}`);
    if (a.parent !== undefined && i > 0 && a.parent % 5 === 0)
      fields.push(`parent: a${a.parent % i}`);
    return `  - { ${fields.join(', ')} }`;
  });
  const body = [`team:\n${team.join('\n')}`];
  if (spec.csOpsAt !== undefined) body.unshift(`policy:\n  cs_ops_at_csms: ${spec.csOpsAt}`);
  if (accounts.length > 0) body.push(`accounts:\n${accounts.join('\n')}`);
  return `version: 1\ncompany:\n  name: Generated\n  as_of: ${AS_OF}\n${body.join('\n')}\n`;
}

/**
 * book-imbalance (heaviest book of a segment over 1.5x the lightest) is a spread across a whole
 * segment, not a limit of one book, and the rebalance does not hold it move by move: with a few
 * large accounts (a $180k and a $288k one for two empty books) no assignment keeps it. The
 * examples hold it (invariants.test.ts); here it is left out.
 */
const SEGMENT_SPREAD = new Set(['book-imbalance']);

/** A generated org body as the whole file a user would write. */
const verticalOrgText = (body: string) =>
  `version: 1\ncompany:\n  name: Generated\n  as_of: ${AS_OF}\n${body}`;

/** The invariants on one org file's text; throws with the failures and the org when any breaks. */
async function assertInvariants(yaml: string, dir: string): Promise<void> {
  const broken = [
    ...(await rebalanceBreaks(yaml, AS_OF, SEGMENT_SPREAD)),
    ...(await movesCsvBreaks(yaml, AS_OF, dir)),
  ];
  if (broken.length > 0) throw new Error(`${broken.join('\n')}\n--- org ---\n${yaml}`);
}

describe('rebalance then check, on generated orgs', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await tempDir();
  });

  it('makes no book finding new or worse, explains what is left, is stable (dated moves included), and --moves-csv agrees with --write', async () => {
    await fc.assert(
      fc.asyncProperty(orgArb, (spec) => assertInvariants(orgYaml(spec), dir)),
      // A fixed seed keeps CI repeatable; CSPLAN_PROPERTY_RUNS and CSPLAN_PROPERTY_SEED explore more.
      {
        numRuns: Number(process.env.CSPLAN_PROPERTY_RUNS ?? 80),
        seed: Number(process.env.CSPLAN_PROPERTY_SEED ?? 20261206),
      },
    );
  }, 600_000);

  it('holds on orgs with regions and industry teams (the region rule included)', async () => {
    await fc.assert(
      fc.asyncProperty(verticalOrgArb, (spec) =>
        assertInvariants(verticalOrgText(verticalOrgYaml(spec)), dir),
      ),
      {
        numRuns: Number(process.env.CSPLAN_PROPERTY_RUNS ?? 60),
        seed: Number(process.env.CSPLAN_PROPERTY_SEED ?? 20261207),
      },
    );
  }, 600_000);
});
