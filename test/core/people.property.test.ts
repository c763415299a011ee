/**
 * Property tests over generated orgs with planned hires, ramping CSMs and leavers:
 * 1. every view agrees on each person's capacity on the plan date (the one capacity model), and
 *    in every month of the timeline each CSM carries what the model gives them on that date;
 * 2. the timeline is monotone in growth: more growth never needs the first person later, never
 *    gives fewer reqs (but for those onboarding and support in seat sooner stand for), never
 *    costs less over the horizon.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analysis.js';
import { computeCapacity } from '../../src/core/capacity.js';
import type { Org } from '../../src/core/model.js';
import { personOn, standingCapacity } from '../../src/core/people.js';
import { rebalance } from '../../src/core/rebalance/index.js';
import { BOOK_ROLES } from '../../src/core/roles.js';
import { hireMember, memberOn, simulateTimeline } from '../../src/core/timeline/index.js';
import { AS_OF, orgFrom } from '../helpers/org.js';

const SEGMENTS = ['strategic', 'enterprise', 'mid-market', 'smb'] as const;
const ARR_BY_SEGMENT = [700_000, 160_000, 50_000, 12_000];

const csmArb = fc.record({
  segment: fc.option(fc.constantFrom(...SEGMENTS), { nil: undefined }),
  // From long tenure to a hire two months out: every ramp week is reachable.
  startOffset: fc.option(fc.integer({ min: -120, max: 60 }), { nil: undefined }),
  leaveOffset: fc.option(fc.integer({ min: -20, max: 300 }), { nil: undefined }),
  backfill: fc.boolean(),
  fte: fc.constantFrom(1, 1, 0.5, 0.8),
});

const orgArb = fc.record({
  csms: fc.array(csmArb, { maxLength: 8 }),
  counts: fc.tuple(
    fc.integer({ min: 0, max: 6 }),
    fc.integer({ min: 0, max: 30 }),
    fc.integer({ min: 0, max: 80 }),
    fc.integer({ min: 0, max: 120 }),
  ),
  ownedShare: fc.double({ min: 0, max: 1, noNaN: true }),
  growth: fc.record({
    customers: fc.integer({ min: 0, max: 300 }),
    arrPct: fc.integer({ min: 0, max: 120 }),
  }),
});
type OrgSpec = typeof orgArb extends fc.Arbitrary<infer T> ? T : never;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The generated org as YAML; the CSMs report to the CEO, so nobody is a player-coach. */
function orgYaml(spec: OrgSpec): string {
  const team = ['  - { id: ceo, role: ceo }'];
  spec.csms.forEach((m, i) => {
    const fields = [`id: c${i}`, 'role: csm', 'reports_to: ceo', `fte: ${m.fte}`];
    if (m.segment) fields.push(`segment: ${m.segment}`);
    if (m.startOffset !== undefined) fields.push(`start_date: ${addDays(AS_OF, m.startOffset)}`);
    if (m.leaveOffset !== undefined) {
      const start = m.startOffset ?? -1000;
      fields.push(`leaving: ${addDays(AS_OF, Math.max(m.leaveOffset, start + 1))}`);
      if (!m.backfill) fields.push('backfill: false');
    }
    team.push(`  - { ${fields.join(', ')} }`);
  });
  const accounts: string[] = [];
  let n = 0;
  spec.counts.forEach((count, s) => {
    for (let i = 0; i < count; i++) {
      n += 1;
      const owned = spec.csms.length > 0 && ((n * 7919) % 1000) / 1000 < spec.ownedShare;
      const owner = owned ? `, owner: c${n % spec.csms.length}` : '';
      const arr = (ARR_BY_SEGMENT[s] ?? 1_000) + ((n * 37) % 11) * 1_000;
      accounts.push(`  - { id: a${n}, arr: ${arr}${owner} }`);
    }
  });
  let body = `team:\n${team.join('\n')}\n`;
  if (accounts.length > 0) body += `accounts:\n${accounts.join('\n')}\n`;
  body += `growth: { new_customers_12m: ${spec.growth.customers}, arr_growth_pct_12m: ${spec.growth.arrPct} }\n`;
  // Every role the plan may hire has a cost, so the cost over the horizon counts every hire.
  body += `policy:\n  salaries: { ${PRICED.map((role) => `${role}: 100000`).join(', ')} }\n`;
  return body;
}

const PRICED = [
  'csm',
  'digital-csm',
  'manager-cs',
  'director-cs',
  'vp-cs',
  'cs-ops',
  'onboarding',
  'support',
  'renewals',
  'customer-marketing',
  'enablement',
  'solutions-engineer',
];

// A fixed seed keeps CI repeatable; CSPLAN_PROPERTY_RUNS and CSPLAN_PROPERTY_SEED explore more,
// CSPLAN_PROPERTY_PATH replays one case (fast-check's path: "494" starts at the 495th).
const RUNS = {
  numRuns: Number(process.env.CSPLAN_PROPERTY_RUNS ?? 60),
  seed: Number(process.env.CSPLAN_PROPERTY_SEED ?? 20261206),
  ...(process.env.CSPLAN_PROPERTY_PATH ? { path: process.env.CSPLAN_PROPERTY_PATH } : {}),
};

describe('one capacity model: every view agrees on the plan date', () => {
  it('analysis, capacity table, rebalance and the timeline read the same capacity', async () => {
    await fc.assert(
      fc.asyncProperty(orgArb, async (spec) => {
        const org = await orgFrom(orgYaml(spec));
        const { asOf } = org.company;
        const analysis = analyse(org);
        const expected = new Map(
          analysis.bookOwners.map((o) => [o.member.id, personOn(o.member, asOf, org.policy)]),
        );
        for (const owner of analysis.bookOwners)
          expect(owner.capacity).toBe(expected.get(owner.member.id)?.capacity);

        // The capacity table: every CSM's capacity lands in one segment or the unassigned pool.
        const table = computeCapacity(analysis);
        const total = [...expected.values()].reduce((sum, p) => sum + p.capacity, 0);
        const inTable =
          table.unassignedFte + table.segments.reduce((sum, s) => sum + s.csmFteAvailable, 0);
        expect(inTable).toBeCloseTo(total, 9);

        // The rebalance: a book that stays carries the model's capacity; a leaver's, none, and
        // neither does the book of a CSM the plan moves into another function (CS Ops...).
        for (const book of rebalance(org).books) {
          const person = expected.get(book.csm);
          const carried = book.newRole === undefined && person ? standingCapacity(person) : 0;
          if (person) expect(book.capacity).toBeCloseTo(carried, 9);
        }

        // Every month of the timeline: each CSM in a team carries what the capacity model gives
        // them on the month's date (the file's people and the plan's hires, with the moves made
        // by then), nobody is counted twice, and nobody moved into a function carries a book.
        const timeline = simulateTimeline(org, { months: 6 });
        const byId = new Map(
          [...org.team, ...timeline.hires.map(hireMember)].map((m) => [m.id, m] as const),
        );
        for (const row of timeline.rows) {
          const place = memberOn(timeline.moves, row.date);
          const ids = row.teams.flatMap((t) => t.people.map((p) => p.id));
          expect(new Set(ids).size).toBe(ids.length);
          for (const person of row.teams.flatMap((t) => t.people)) {
            const member = byId.get(person.id);
            expect(member, person.id).toBeDefined();
            if (!member) continue;
            const placed = place(member);
            expect(BOOK_ROLES.has(placed.role), `${person.id} ${row.month}`).toBe(true);
            expect(person.capacity, `${person.id} ${row.month}`).toBeCloseTo(
              personOn(placed, row.date, org.policy).capacity,
              9,
            );
          }
          // The team's capacity is its people's, less the attrition allowance.
          for (const team of row.teams) {
            const carried = team.people.reduce((sum, p) => sum + p.capacity, 0);
            expect(team.capacity).toBeCloseTo(carried * (1 - timeline.attritionAllowance), 9);
          }
        }
      }),
      RUNS,
    );
  }, 600_000);
});

/**
 * Reqs, the date the plan first needs someone, and the cost over the horizon, for one growth
 * factor. A person is needed ramped (a CSM) or in seat (anyone else) by `neededBy`.
 */
function outcome(org: Org, factor: number) {
  const timeline = simulateTimeline(org, { growthFactor: factor });
  const firstStart = (role: string) =>
    timeline.hires
      .filter((h) => h.role === role)
      .map((h) => h.start)
      .sort()[0] ?? null;
  return {
    reqs: timeline.hires.length,
    firstNeed: timeline.hires.map((h) => h.neededBy).sort()[0] ?? null,
    cost: timeline.rows.reduce((sum, row) => sum + (row.cost ?? 0), 0),
    offloadStarts: OFFLOAD_ROLES.map(firstStart),
  };
}

/** The functions that take work off the CSMs once in seat (policy.offload, 10% each by default). */
const OFFLOAD_ROLES = ['onboarding', 'support'];

/**
 * Of the functions that take work off the CSMs, those the bigger scenario has in seat before the
 * smaller one does: each may stand for a CSM req of the smaller scenario (see below).
 */
function offloadSooner(more: ReturnType<typeof outcome>, less: ReturnType<typeof outcome>): number {
  return more.offloadStarts.filter((start, i) => {
    const other = less.offloadStarts[i] ?? null;
    return start !== null && (other === null || start < other);
  }).length;
}

/**
 * "More growth never opens a req later, never yields fewer reqs or a lower cost", read as: the
 * first person the bigger scenario needs is needed no later, and it has no fewer reqs and no
 * lower cost. The date help must be there is compared, not the date a req opens: more growth may
 * reach the Specialization stage first, and an onboarding specialist and support in seat then
 * take work off the CSMs (policy.offload), so the CSM the smaller scenario needs in April is not
 * needed until June. Those roles are wanted in seat, a CSM ramped, so their reqs open two months
 * before the need and a CSM's four: the bigger scenario's first req opened on Jan 22 for people
 * needed in March, the smaller's on Dec 28 for a CSM needed in April (seed 19 of this test,
 * 0.5x against 0.8x). The same substitution is why the k-th person for every k is not compared:
 * two specialists who arrive early may stand for a CSM the smaller scenario hires a month before
 * it too reaches Specialization (seed 14, 0.5x against 1.5x: its 4th person is needed in March,
 * the bigger's in April, with more reqs and more cost in the bigger).
 * For the same reason the count of reqs gives way by one for each such function the bigger
 * scenario has in seat first, never the cost: with onboarding and support from July, 2.6x needed
 * its 4th CSM after the horizon, while 1.8x, reaching Specialization only in December, rightly
 * hired that CSM for July: 7 reqs against 8, and $485k against $442k (seed 4 at 1,000 runs).
 */
describe('scenarios are monotone in growth', () => {
  it('more growth never needs the first person later, never fewer reqs, never a lower cost', async () => {
    await fc.assert(
      fc.asyncProperty(
        orgArb,
        fc.integer({ min: 5, max: 30 }),
        fc.integer({ min: 5, max: 30 }),
        async (spec, a, b) => {
          const [low, high] = a <= b ? [a / 10, b / 10] : [b / 10, a / 10];
          const org = await orgFrom(orgYaml(spec));
          const less = outcome(org, low);
          const more = outcome(org, high);
          const where = `growth ${low}x -> ${high}x\n${orgYaml(spec)}`;
          expect(more.reqs + offloadSooner(more, less), where).toBeGreaterThanOrEqual(less.reqs);
          if (less.firstNeed !== null) {
            expect(more.firstNeed, where).not.toBeNull();
            expect((more.firstNeed ?? '') <= less.firstNeed, where).toBe(true);
          }
          expect(more.cost, where).toBeGreaterThanOrEqual(less.cost);
        },
      ),
      RUNS,
    );
  }, 600_000);
});
