/**
 * The rebalance stops at a state a second rebalance accepts, without leaving any book worse than
 * `check` found it (issue 18, "Rebalance and check share one objective", invariants 1 and 2).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/analysis.js';
import { planOrg } from '../../../src/core/plan.js';
import { rebalance } from '../../../src/core/rebalance/index.js';
import { AS_OF } from '../../helpers/org.js';
import { loadText, rebalanceBreaks, writtenText } from '../../helpers/rebalance-invariants.js';

/** A shrunk org file of test/fixtures/rebalance. */
const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/rebalance/${name}`, import.meta.url)), 'utf8');

// Shrunk by fast-check from a generated org (test/helpers/generated-org.ts, verticalOrgYaml).
// Two junior NA CSMs. The target draws industry teams: healthcare and the other industries
// (retail here). Both CSMs are placed in healthcare by their books; the retail team takes the
// one already holding most retail ARR: c1 (a15, a17, a19, a21: $880k against c0's $660k), who is
// to hand over the 9 healthcare accounts it holds: 5 green (a1, a5, a9, a13 at $220k; a25 at
// $40k) and 4 red (a3, a7, a23, a27).
// c0 holds 6 yellow of 13 (46%), past the 30% limit: a red one would make it 7 of 14 (50%), so
// no book has room for the 4 red ones (a3, a7 at $220k; a23, a27 at $40k: $520k). A hand-over is
// all or nothing: c1's move waits and c1 keeps all 9 (the 5 green ones could go to c0: 6 of 14 is
// 43%, no worse, but that would leave c1 6 red of 8, 75%). Nothing moves (a11 and a22, unowned,
// find no book without going past 30% red/yellow), and a second rebalance has nothing to do.
const org = [
  `version: 1\ncompany:\n  name: Generated\n  as_of: ${AS_OF}\n  product_complexity: medium`,
  'team:',
  '  - { id: vp, role: vp-cs }',
  '  - { id: c0, role: csm, region: NA, seniority: junior, reports_to: vp }',
  '  - { id: c1, role: csm, region: NA, seniority: junior, reports_to: vp }',
  'accounts:',
  '  - { id: a1, arr: 220000, industry: healthcare, regulated: true, region: NA, health: green, owner: c1 }',
  '  - { id: a2, arr: 220000, industry: healthcare, regulated: true, region: NA, health: yellow, owner: c0 }',
  '  - { id: a3, arr: 220000, industry: healthcare, regulated: true, region: NA, health: red, owner: c1 }',
  '  - { id: a4, arr: 220000, industry: healthcare, regulated: true, region: NA, health: green, owner: c0 }',
  '  - { id: a5, arr: 220000, industry: healthcare, regulated: true, region: NA, health: green, owner: c1 }',
  '  - { id: a6, arr: 220000, industry: healthcare, regulated: true, region: NA, health: yellow, owner: c0 }',
  '  - { id: a7, arr: 220000, industry: healthcare, regulated: true, region: NA, health: red, owner: c1 }',
  '  - { id: a8, arr: 220000, industry: healthcare, regulated: true, region: NA, health: green, owner: c0 }',
  '  - { id: a9, arr: 220000, industry: healthcare, regulated: true, region: NA, health: green, owner: c1 }',
  '  - { id: a10, arr: 220000, industry: healthcare, regulated: true, region: NA, health: yellow, owner: c0 }',
  '  - { id: a11, arr: 220000, industry: healthcare, regulated: true, region: NA, health: red }',
  '  - { id: a12, arr: 220000, industry: healthcare, regulated: true, region: NA, health: green, owner: c0 }',
  '  - { id: a13, arr: 220000, industry: healthcare, regulated: true, region: NA, health: green, owner: c1 }',
  '  - { id: a14, arr: 220000, industry: healthcare, regulated: true, region: NA, health: yellow, owner: c0 }',
  '  - { id: a15, arr: 220000, industry: retail, region: NA, health: red, owner: c1 }',
  '  - { id: a16, arr: 220000, industry: retail, region: NA, health: green, owner: c0 }',
  '  - { id: a17, arr: 220000, industry: retail, region: NA, health: green, owner: c1 }',
  '  - { id: a18, arr: 220000, industry: retail, region: NA, health: yellow, owner: c0 }',
  '  - { id: a19, arr: 220000, industry: retail, region: NA, health: red, owner: c1 }',
  '  - { id: a20, arr: 220000, industry: retail, region: NA, health: green, owner: c0 }',
  '  - { id: a21, arr: 220000, industry: retail, region: NA, health: green, owner: c1 }',
  '  - { id: a22, arr: 220000, industry: retail, region: NA, health: yellow }',
  '  - { id: a23, arr: 40000, industry: healthcare, regulated: true, region: NA, health: red, owner: c1 }',
  '  - { id: a24, arr: 40000, industry: healthcare, regulated: true, region: NA, health: green, owner: c0 }',
  '  - { id: a25, arr: 40000, industry: healthcare, regulated: true, region: NA, health: green, owner: c1 }',
  '  - { id: a26, arr: 40000, industry: healthcare, regulated: true, region: NA, health: yellow, owner: c0 }',
  '  - { id: a27, arr: 40000, industry: healthcare, regulated: true, region: NA, health: red, owner: c1 }',
  '  - { id: a28, arr: 40000, industry: healthcare, regulated: true, region: NA, health: green, owner: c0 }',
  '',
].join('\n');

describe('a CSM joining another team whose hand-over has no room', () => {
  it('keeps the whole book, and says which accounts have no room and what would free it', async () => {
    const result = rebalance(await loadText(org, AS_OF));
    expect(result.moves).toEqual([]);
    const waits = result.unmovable.filter((u) => u.reason === 'move-waits');
    expect(waits.map((u) => u.account).sort()).toEqual(
      ['a1', 'a13', 'a23', 'a25', 'a27', 'a3', 'a5', 'a7', 'a9'].sort(),
    );
    expect(waits.every((u) => u.owner === 'c1')).toBe(true);
    const c1 = result.unbalanced.find((u) => u.csm === 'c1' && u.limit === 'move-waits');
    expect(c1?.why).toMatch(
      /^c1's move to the \S+#other team waits: a3, a7, a23 and a27 \(\$520k, 4 red\) have no book with room \(c0 at \d+% of the largest book allowed, 46% red\/yellow, junior \(no complex accounts\)\)\. c1 keeps the whole book until it can go in one piece: choose their new owners by hand/,
    );
    expect(waits[0]?.detail).toBe(c1?.why);
  });

  it('leaves no book finding new or worse, and a second rebalance proposes nothing', async () => {
    expect(await rebalanceBreaks(org, AS_OF, new Set(['book-imbalance']))).toEqual([]);
  });
});

// The same org with c1's four red healthcare accounts (a3, a7, a23, a27) green and given to c0.
// c0 now holds 6 yellow of 17 (35%); c1 holds 9 accounts: the 5 green healthcare ones to hand
// over and 4 retail ones, 2 red (a15, a19): 2 of 9, 22%. Every green account has room (c0's mix
// only falls), but without them c1 would keep 2 red of 4: 50%, past 30% and above 22%. A CSM
// joining another team keeps working, so the whole hand-over waits: nothing moves.
const healthierHandOver = ['a3', 'a7', 'a23', 'a27'].reduce(
  (text, id) =>
    text.replace(new RegExp(`(id: ${id}, .*)health: red, owner: c1`), '$1health: green, owner: c0'),
  org,
);

describe('a CSM joining another team whose hand-over would leave their book past 30% red/yellow', () => {
  it('keeps the whole book and says so', async () => {
    const result = rebalance(await loadText(healthierHandOver, AS_OF));
    expect(result.moves).toEqual([]);
    expect(result.unmovable.filter((u) => u.reason === 'move-waits').map((u) => u.account)).toEqual(
      ['a1', 'a13', 'a25', 'a5', 'a9'],
    );
    expect(result.unbalanced.find((u) => u.limit === 'move-waits')?.why).toMatch(
      /^c1's move to the \S+#other team waits: handing over the accounts the new team does not serve would leave c1's book past 30% red\/yellow\. c1 keeps the whole book until it can go in one piece: choose new owners by hand, or move c1 once fewer of the book's accounts are red\/yellow$/,
    );
    expect(await rebalanceBreaks(healthierHandOver, AS_OF, new Set(['book-imbalance']))).toEqual(
      [],
    );
  });
});

// Shrunk by fast-check from a generated org (verticalOrgYaml, seed 1 at 300 runs). Industry
// teams: education (c4, and c0, whose book is mostly education) and the other industries (c1-c3).
// c1 and c2 hold education accounts at $150k, enterprise accounts only the education team
// serves, each 5% of a target book (1 / 20 accounts against $150k / $3.5M = 4.3% by ARR). Each
// one that leaves for the education team lowers the other team's mean load, and so its band
// (the mean plus 10%), and the next pass finds another book above it: one more move a pass. The
// six passes ran out with a33 and a34 still to go, and a second rebalance moved them. A pass
// that hands accounts to the team serving them now earns another. c3's one account, a39, is in
// EMEA: the team has EMEA work, so c3 covers EMEA alone (the region rule) and the NA books'
// load goes to the education team (with a39 in NA, c3 would cover any region and take it).
const chasing = [
  `version: 1\ncompany:\n  name: Generated\n  as_of: ${AS_OF}\n  product_complexity: medium`,
  'team:',
  '  - { id: vp, role: vp-cs }',
  '  - { id: c0, role: csm, region: NA, seniority: junior, segment: mid-market, reports_to: vp }',
  '  - { id: c1, role: csm, region: NA, seniority: junior, reports_to: vp }',
  '  - { id: c2, role: csm, region: NA, seniority: junior, reports_to: vp }',
  '  - { id: c3, role: csm, region: EMEA, seniority: junior, reports_to: vp }',
  '  - { id: c4, role: csm, region: NA, seniority: junior, reports_to: vp }',
  'accounts:',
  '  - { id: a1, arr: 150000, industry: healthcare, regulated: true, region: NA, health: green, owner: c2 }',
  '  - { id: a2, arr: 150000, industry: healthcare, regulated: true, region: NA, health: green, owner: c1 }',
  '  - { id: a3, arr: 150000, industry: healthcare, regulated: true, region: NA, health: yellow, owner: c1 }',
  '  - { id: a4, arr: 150000, industry: healthcare, regulated: true, region: NA, health: red, owner: c4 }',
  '  - { id: a5, arr: 150000, industry: healthcare, regulated: true, region: NA, health: green, owner: c2 }',
  '  - { id: a6, arr: 150000, industry: healthcare, regulated: true, region: NA, health: green, owner: c1 }',
  '  - { id: a7, arr: 150000, industry: healthcare, regulated: true, region: NA, health: yellow }',
  '  - { id: a8, arr: 150000, industry: healthcare, regulated: true, region: NA, health: red, owner: c4 }',
  '  - { id: a9, arr: 150000, industry: healthcare, regulated: true, region: NA, health: green, owner: c2 }',
  '  - { id: a10, arr: 150000, industry: healthcare, regulated: true, region: NA, health: green, owner: c1 }',
  '  - { id: a11, arr: 150000, industry: healthcare, regulated: true, region: NA, health: yellow, owner: c0 }',
  '  - { id: a12, arr: 150000, industry: healthcare, regulated: true, region: NA, health: red, owner: c4 }',
  '  - { id: a13, arr: 150000, industry: healthcare, regulated: true, region: NA, health: green, owner: c2 }',
  '  - { id: a14, arr: 150000, industry: healthcare, regulated: true, region: NA, health: green, owner: c1 }',
  '  - { id: a15, arr: 150000, industry: education, region: NA, health: yellow, owner: c0 }',
  '  - { id: a16, arr: 150000, industry: education, region: NA, health: red, owner: c4 }',
  '  - { id: a17, arr: 150000, industry: education, region: NA, health: green, owner: c2 }',
  '  - { id: a18, arr: 150000, industry: education, region: NA, health: green }',
  '  - { id: a19, arr: 150000, industry: education, region: NA, health: yellow, owner: c0 }',
  '  - { id: a20, arr: 150000, industry: education, region: NA, health: red, owner: c4 }',
  '  - { id: a21, arr: 150000, industry: education, region: NA, health: green, owner: c2 }',
  '  - { id: a22, arr: 150000, industry: education, region: NA, health: green, owner: c1 }',
  '  - { id: a23, arr: 150000, industry: education, region: NA, health: yellow, owner: c0 }',
  '  - { id: a24, arr: 150000, industry: education, region: NA, health: red, owner: c4 }',
  '  - { id: a25, arr: 150000, industry: education, region: NA, health: green, owner: c2 }',
  '  - { id: a26, arr: 150000, industry: education, region: NA, health: green, owner: c1 }',
  '  - { id: a27, arr: 150000, industry: education, region: NA, health: yellow, owner: c0 }',
  '  - { id: a28, arr: 150000, industry: education, region: NA, health: red, owner: c4 }',
  '  - { id: a29, arr: 150000, industry: education, region: NA, health: green }',
  '  - { id: a30, arr: 150000, industry: education, region: NA, health: green, owner: c0 }',
  '  - { id: a31, arr: 150000, industry: education, region: NA, health: yellow, owner: c0 }',
  '  - { id: a32, arr: 150000, industry: education, region: NA, health: red, owner: c4 }',
  '  - { id: a33, arr: 150000, industry: education, region: NA, health: green, owner: c2 }',
  '  - { id: a34, arr: 150000, industry: education, region: NA, health: green, owner: c1 }',
  '  - { id: a35, arr: 40000, industry: healthcare, regulated: true, region: NA, health: yellow, owner: c0 }',
  '  - { id: a36, arr: 40000, industry: healthcare, regulated: true, region: NA, health: red, owner: c4 }',
  '  - { id: a37, arr: 40000, industry: healthcare, regulated: true, region: NA, health: green, owner: c2 }',
  '  - { id: a38, arr: 40000, industry: healthcare, regulated: true, region: NA, health: green, owner: c1 }',
  '  - { id: a39, arr: 40000, industry: healthcare, regulated: true, region: EMEA, health: yellow, owner: c3 }',
  '',
].join('\n');

describe("a team's band follows the accounts that leave it", () => {
  it('passes again while accounts reach the team that serves them', async () => {
    const result = rebalance(await loadText(chasing, AS_OF));
    const toEducation = result.moves.filter(
      (m) => ['c0', 'c4'].includes(m.to) && m.rule === 'load',
    );
    expect(toEducation.map((m) => `${m.account} ${m.from}`)).toEqual(
      expect.arrayContaining(['a33 c2', 'a34 c1']),
    );
    expect(await rebalanceBreaks(chasing, AS_OF, new Set(['book-imbalance']))).toEqual([]);
  });
});

// Shrunk by hand-run delta debugging from a generated org (verticalOrgYaml, seed 1 at 300 runs):
// test/fixtures/rebalance/swap-cycle.yaml. c0, c1, c3 and c4 form the EMEA team (c3 placed there
// by the target) and hold enterprise accounts of $220k and $150k. c1 holds 15 x $220k + 11 x
// $150k = $4.95M in 26 accounts: by ARR $4.95M / $3.5M target = 141%, above the team band (at
// most 140%); by count 26 accounts against a largest book of 25 = 104%, past its cap. Swapping a
// $220k account for a $150k one takes c1 to $4.88M / $3.5M = 139%, inside the band, but leaves
// 26 accounts, still 104%: c1 stays past its cap and the receiver, now fuller, swaps the same
// accounts back. The old load pass judged the swap on the band alone and shuffled 9 accounts
// around c0, c1 and c4 (every book ending where it began), then 4 more on a second run. A swap
// now has to lower how far the donor is past its limits, so only the 4 unowned accounts move.
const swapCycle = fixture('swap-cycle.yaml');

describe('the load pass never undoes its own moves', () => {
  it('swaps nothing that leaves a book as far past its cap, and a second rebalance proposes nothing', async () => {
    const result = rebalance(await loadText(swapCycle, AS_OF));
    expect(result.moves.map((m) => `${m.account} ${m.from} -> ${m.to}`)).toEqual([
      'a61 null -> c3',
      'a105 null -> c3',
      'a116 null -> c3',
      'a160 null -> c3',
    ]);
    expect(await rebalanceBreaks(swapCycle, AS_OF, new Set(['book-imbalance']))).toEqual([]);
  });
});

// Found by fast-check (verticalOrgYaml, seed 1 at 300 runs): test/fixtures/rebalance/
// mover-from-no-team.yaml. All 60 accounts are enterprise; c2 and c3 are pinned to mid-market,
// which has no team, so the target places neither by segment. It moves the one holding more of
// the enterprise team's ARR into that team: c3 ($2.52M in 14 accounts, 1 yellow) over c2 ($2.29M
// in 12, 11 red/yellow). c2 goes to CS Ops, and c2's red/yellow accounts find no book with room,
// so that move waits: c2 keeps all 12 ($2.29M). Had c3 handed enterprise accounts over to even
// the loads ($2.52M down below $2.29M), the next plan would move c2 into the team and c3 into CS
// Ops, and check would judge c2's book again (92% red/yellow, a new book-health-mix finding).
// A CSM the target moves into a team from no team keeps its team's ARR, as one moved from
// another team does (BookPlacement).
const moverFromNoTeam = fixture('mover-from-no-team.yaml');

describe('a CSM the target moves into a team from no team', () => {
  it('hands over none of the ARR that placed them there, so the next plan moves the same CSMs', async () => {
    const org = await loadText(moverFromNoTeam, AS_OF);
    const result = rebalance(org);
    expect(result.moves.filter((m) => m.from === 'c3')).toEqual([]);
    expect(result.unbalanced.find((u) => u.csm === 'c2')?.limit).toBe('move-waits');
    const after = await loadText(writtenText(moverFromNoTeam, result), AS_OF);
    expect(planOrg(after).target.roleMoves.map((m) => m.id)).toEqual(['c2']);
    expect(await rebalanceBreaks(moverFromNoTeam, AS_OF, new Set(['book-imbalance']))).toEqual([]);
  });
});

// Found by fast-check (verticalOrgYaml, seed 1 at 300 runs): test/fixtures/rebalance/
// mover-rival-catches-up.yaml. All accounts are enterprise; c2, c4, c5, c6 and c9 are pinned to
// mid-market, which has no team. The target moves c6 into the enterprise team (mid-level, $220k
// there, over c4's $150k); the others join it as the nearest team. c5 holds $11.79M, far past its
// band, and its accounts go round the team. Had c4 been filled up to c6's ARR ($1.85M each), the
// next plan would pick c4 (file order on a tie), and its rebalance moves c6's accounts on for
// load. No CSM the target places in no team may gain up to the ARR of the one it moved in.
const moverRival = fixture('mover-rival-catches-up.yaml');

describe('a CSM no team needs, in the team the target moved another CSM into', () => {
  it('never gains up to the ARR of the one moved in, so the next plan moves the same CSM', async () => {
    const org = await loadText(moverRival, AS_OF);
    expect(planOrg(org).redeployments.map((r) => r.id)).toEqual(['c6']);
    const after = await loadText(writtenText(moverRival, rebalance(org)), AS_OF);
    expect(planOrg(after).redeployments.map((r) => r.id)).toEqual(['c6']);
    const arr = (id: string) =>
      after.accounts.filter((a) => a.owner === id).reduce((sum, a) => sum + a.arr, 0);
    for (const rival of ['c2', 'c4', 'c5', 'c9']) expect(arr(rival)).toBeLessThan(arr('c6'));
    expect(await rebalanceBreaks(moverRival, AS_OF, new Set(['book-imbalance']))).toEqual([]);
  });
});

// Found by fast-check (verticalOrgYaml, seed 1 at 300 runs): test/fixtures/rebalance/
// waiting-mover-rival.yaml. Industry teams: healthcare and education. c1 and c2 each hold 8
// education accounts ($1.2M) and 11 healthcare ones to hand over: a tie the target breaks by
// file order, moving c1 to education. No healthcare book has room for c1's red accounts, so the
// move waits and c1 keeps all 19. Had c2 shed healthcare accounts for load (11 -> 7 to hand
// over), the next plan would move c2 instead, and its rebalance move c1's accounts on. While a
// move waits, no other CSM becomes a better pick for it.
const waitingMoverRival = fixture('waiting-mover-rival.yaml');

describe("while a CSM's move to another team waits", () => {
  it('no other CSM becomes a better pick for it, so the next plan moves the same CSM', async () => {
    const org = await loadText(waitingMoverRival, AS_OF);
    expect(planOrg(org).redeployments.map((r) => r.id)).toEqual(['c1']);
    const result = rebalance(org);
    expect(result.unbalanced.find((u) => u.csm === 'c1')?.limit).toBe('move-waits');
    const after = await loadText(writtenText(waitingMoverRival, result), AS_OF);
    // c2 may swap one account for another, but still holds 11 to hand over.
    const c2 = after.accounts.filter((a) => a.owner === 'c2');
    expect(c2.filter((a) => a.industry !== 'education')).toHaveLength(11);
    expect(planOrg(after).redeployments.map((r) => r.id)).toEqual(['c1']);
    expect(await rebalanceBreaks(waitingMoverRival, AS_OF, new Set(['book-imbalance']))).toEqual(
      [],
    );
  });
});

// Found by fast-check (verticalOrgYaml, seed 1 at 300 runs): test/fixtures/rebalance/
// hand-over-after-balancing.yaml. c1 moves to the education team and hands over 12 healthcare
// accounts. In the first pass two of them had no room; the passes that balance the books made
// room, but the hand-over, tried again with the receivers ranked by the bands then known, packed
// the accounts otherwise and failed on six. A second rebalance, ranking them as every run's first
// pass does (each band at 100%), placed all twelve: 13 moves on the second run. The hand-over
// is now always ranked so; here it goes whole in the first run.
const handOverAfterBalancing = fixture('hand-over-after-balancing.yaml');

describe('a hand-over tried again after the books are balanced', () => {
  it('ranks receivers as a fresh run does, so a second rebalance finds nothing left to hand over', async () => {
    const result = rebalance(await loadText(handOverAfterBalancing, AS_OF));
    expect(result.moves.filter((m) => m.rule === 'team' && m.from === 'c1')).toHaveLength(12);
    expect(result.unbalanced.filter((u) => u.limit === 'move-waits')).toEqual([]);
    expect(
      await rebalanceBreaks(handOverAfterBalancing, AS_OF, new Set(['book-imbalance'])),
    ).toEqual([]);
  });
});

/** The target's moves, to another team and into a function, one line each. */
const planMoves = (plan: ReturnType<typeof planOrg>) => [
  ...plan.redeployments.map((r) => `${r.id} -> ${r.to}`),
  ...plan.target.roleMoves.map((m) => `${m.id} -> ${m.role}`),
];

/** `count` accounts `prefix-1`.. at `arr` each, with the given fields. */
const accountLines = (prefix: string, count: number, arr: number, fields = '') =>
  Array.from(
    { length: count },
    (_, i) => `  - { id: ${prefix}-${i + 1}, arr: ${arr}${fields ? `, ${fields}` : ''} }`,
  ).join('\n');

// Mid-market joins the enterprise team because no CSM's book sits there (joinTeamsByBooks).
// c0: 10 enterprise at $200k and 10 mid-market at $50k. Enterprise load: max(10 / 20 accounts,
// $2M / $3.5M) = 0.571; mid-market: max(10 / 57.5, $0.5M / $2M) = 0.25: mostly enterprise.
// c1: 14 enterprise (max(14 / 20, $2.8M / $3.5M) = 0.8) and the same 10 mid-market.
// 30 mid-market accounts have no owner. Had c0 taken 13 of them, its mid-market load would be
// max(23 / 57.5, $1.15M / $2M) = 0.575 > 0.571: c0 mostly mid-market, and the next plan would
// split the team in two (Enterprise x2 and Mid-Market x2, one hire each instead of one for the
// team). A book never moves its load into a segment its team serves only for want of such books.
const joinedByBooks = [
  `version: 1\ncompany:\n  name: Joined\n  as_of: ${AS_OF}\n  product_complexity: medium`,
  'team:',
  '  - { id: vp, role: vp-cs }',
  '  - { id: c0, role: csm, reports_to: vp }',
  '  - { id: c1, role: csm, reports_to: vp }',
  'accounts:',
  accountLines('e-c0', 10, 200_000, 'owner: c0'),
  accountLines('m-c0', 10, 50_000, 'owner: c0'),
  accountLines('e-c1', 14, 200_000, 'owner: c1'),
  accountLines('m-c1', 10, 50_000, 'owner: c1'),
  accountLines('m', 30, 50_000),
  '',
].join('\n');

describe('a segment a team serves only because no book sits there', () => {
  it('never becomes where a book sits, so the next plan keeps one team', async () => {
    const org = await loadText(joinedByBooks, AS_OF);
    const plan = planOrg(org);
    expect(plan.teams.map((t) => [t.key, t.joinedByBooks])).toEqual([
      ['enterprise+mid-market', ['mid-market']],
    ]);
    const after = await loadText(writtenText(joinedByBooks, rebalance(org)), AS_OF);
    expect(analyse(after).bookOwners.map((o) => [o.member.id, o.mainSegment])).toEqual([
      ['c0', 'enterprise'],
      ['c1', 'enterprise'],
    ]);
    expect(planOrg(after).teams.map((t) => t.key)).toEqual(['enterprise+mid-market']);
    expect(await rebalanceBreaks(joinedByBooks, AS_OF)).toEqual([]);
  });
});

// Enterprise is split by region: NA 40 accounts at $150k, max(40 / 20, $6M / $3.5M) = 2.0 FTE
// (n1 holds 20); EMEA 30, max(30 / 20, $4.5M / $3.5M) = 1.5 FTE, nobody. NA has the most work:
// the small regions join it. Mid-market: 57 accounts at $30k, max(57 / 57.5, $1.71M / $2M) =
// 0.99 FTE for m1 and aki (17 mid-market, 2 EMEA enterprise: max(17 / 57.5, $0.51M / $2M) = 0.30
// against 2 / 20 = 0.1, mostly mid-market): it can spare one (2 - 1 >= 1.0). aki works in APAC,
// where no team is. EMEA is shortest (1.5 against NA's 2.0 - 1 = 1.0), and aki used to go there;
// once her book was EMEA enterprise, the next plan placed her (APAC, no team) in NA Enterprise,
// the team small regions join, and EMEA's move was gone. Coming from another tier, she joins
// that team now: NA 2.0 / 2 = 100% of target, EMEA hires.
const unservedRegion = [
  `version: 1\ncompany:\n  name: Regions\n  as_of: ${AS_OF}`,
  'team:',
  '  - { id: vp, role: vp-cs }',
  '  - { id: n1, role: csm, region: NA, reports_to: vp }',
  '  - { id: m1, role: csm, region: NA, reports_to: vp }',
  '  - { id: aki, role: csm, region: APAC, reports_to: vp }',
  'accounts:',
  accountLines('na', 20, 150_000, 'region: NA, owner: n1'),
  accountLines('na-new', 20, 150_000, 'region: NA'),
  accountLines('emea-aki', 2, 150_000, 'region: EMEA, owner: aki'),
  accountLines('emea', 28, 150_000, 'region: EMEA'),
  accountLines('mm', 40, 30_000, 'region: NA, owner: m1'),
  accountLines('mm-aki', 17, 30_000, 'region: NA, owner: aki'),
  '',
].join('\n');

describe('a CSM whose region has no team, moving to another tier', () => {
  it('joins the team the small regions join, where the next plan places them', async () => {
    const org = await loadText(unservedRegion, AS_OF);
    const teamOf = (plan: ReturnType<typeof planOrg>, id: string) =>
      plan.teams.find((t) => t.members.includes(id))?.key;
    const before = planOrg(org);
    expect(before.redeployments.map((r) => [r.id, r.from, r.to])).toEqual([
      ['aki', 'mid-market', 'enterprise@na'],
    ]);
    const after = planOrg(await loadText(writtenText(unservedRegion, rebalance(org)), AS_OF));
    expect(teamOf(after, 'aki')).toBe('enterprise@na');
    expect(after.redeployments).toEqual([]);
    expect(await rebalanceBreaks(unservedRegion, AS_OF)).toEqual([]);
  });
});

// Found by fast-check (verticalOrgYaml, seed 1 at 300 runs): test/fixtures/rebalance/
// role-mover-rival.yaml. CS Ops is due and the healthcare team has 3 CSMs beyond the work. The
// two mid-level CSMs rank first (not junior, no start date on either): c5 with 13 accounts
// before c7 with 14, the smaller book to hand over. c5's books are all red or yellow and no book
// has room for them: the move waits, and c5 keeps 13. The load pass then took c7 from 14 to 10
// accounts, so the next plan moved c7 into CS Ops (and check judged c5's book again, a new
// book-health-mix finding). A CSM who ties with the mover on all but the book never ends up
// with a smaller book, nor one as small when earlier in the file.
const roleMoverRival = fixture('role-mover-rival.yaml');

describe('while a move into a function waits', () => {
  it('no CSM who tied with the mover but for the book gets a book as small, so the next plan moves the same CSM', async () => {
    const org = await loadText(roleMoverRival, AS_OF);
    expect(planOrg(org).target.roleMoves.map((m) => m.id)).toEqual(['c5']);
    expect(planOrg(org).target.roleMoveRivals.get('c5')).toEqual(['c7']);
    const result = rebalance(org);
    expect(result.unbalanced.find((u) => u.csm === 'c5')?.limit).toBe('move-waits');
    const after = await loadText(writtenText(roleMoverRival, result), AS_OF);
    const count = (id: string) => after.accounts.filter((a) => a.owner === id).length;
    expect(count('c5')).toBe(13);
    // As many as c5 at least: on a tie c5 comes first in the file.
    expect(count('c7')).toBeGreaterThanOrEqual(13);
    expect(planOrg(after).target.roleMoves.map((m) => m.id)).toEqual(['c5']);
    expect(await rebalanceBreaks(roleMoverRival, AS_OF, new Set(['book-imbalance']))).toEqual([]);
  });
});

// Enterprise: 40 locked accounts at $150k with e1, max(40 / 20, $6M / $3.5M) = 2.0 FTE: short
// 1.0. Mid-market: 40 at $30k, max(40 / 57.5, $1.2M / $2M) = 0.7 FTE: mm1 covers it. m1 and m2
// are pinned to smb, which has no accounts: no team. Four CSMs reach cs_ops_at_csms (2): a CS
// Ops seat. m1 and m2 tie for enterprise (mid-level, no enterprise ARR, one mid-market account
// each to hand over): file order picks m1, and m2 starts CS Ops, handing over their account.
// Had m1 kept theirs, m2 (nothing left to hand over) would be the better pick on the next plan:
// m2 to enterprise, m1 into CS Ops. A CSM moved into a team from no team hands over what the
// team does not serve, as one moved from another team does.
const fromNoTeam = [
  `version: 1\ncompany:\n  name: From no team\n  as_of: ${AS_OF}`,
  'policy:\n  cs_ops_at_csms: 2',
  'team:',
  '  - { id: vp, role: vp-cs }',
  '  - { id: e1, role: csm, segment: enterprise, reports_to: vp }',
  '  - { id: mm1, role: csm, segment: mid-market, reports_to: vp }',
  '  - { id: m1, role: csm, segment: smb, seniority: mid, reports_to: vp }',
  '  - { id: m2, role: csm, segment: smb, seniority: mid, reports_to: vp }',
  'accounts:',
  accountLines('ent', 40, 150_000, 'owner: e1, locked: true'),
  accountLines('mm', 38, 30_000, 'owner: mm1'),
  '  - { id: mm-m1, arr: 30000, owner: m1 }',
  '  - { id: mm-m2, arr: 30000, owner: m2 }',
  '',
].join('\n');

describe('a CSM the target moves into a team from no team, beside one moved into a function', () => {
  it('hands over what the team does not serve, so the next plan moves the same two', async () => {
    const org = await loadText(fromNoTeam, AS_OF);
    expect(planMoves(planOrg(org))).toEqual(['m1 -> enterprise', 'm2 -> cs-ops']);
    const result = rebalance(org);
    expect(result.moves.map((m) => `${m.account} ${m.from} -> ${m.to}`).sort()).toEqual([
      'mm-m1 m1 -> mm1',
      'mm-m2 m2 -> mm1',
    ]);
    const after = await loadText(writtenText(fromNoTeam, result), AS_OF);
    expect(planMoves(planOrg(after))).toEqual(['m1 -> enterprise', 'm2 -> cs-ops']);
    expect(await rebalanceBreaks(fromNoTeam, AS_OF)).toEqual([]);
  });
});

// Enterprise: 40 locked accounts at $150k with e1, max(40 / 20, $6M / $3.5M) = 2.0 FTE: short
// 1.0. Mid-market: 10 + 20 + 20 + 1 = 51 accounts at $30k, max(51 / 57.5, $1.53M / $2M) = 0.9
// FTE for m1-m4. Enterprise takes a senior first: m1 moves there and hands over 10 red accounts;
// m2 and m3 have no health scores, so one red account makes either 100% red/yellow: no room,
// m1's move waits. CS Ops (cs_ops_at_csms 2) takes the smallest book of m2-m4: m4 (1 account).
// Had m4's account gone, m4 (no team, no book) would be the first pick for enterprise on the next
// plan, and m1 would go into CS Ops. A move into a function waits while a move to a team does.
const roleMoveBesideWaitingJoiner = [
  `version: 1\ncompany:\n  name: Waits\n  as_of: ${AS_OF}`,
  'policy:\n  cs_ops_at_csms: 2',
  'team:',
  '  - { id: vp, role: vp-cs }',
  '  - { id: e1, role: csm, segment: enterprise, reports_to: vp }',
  '  - { id: m1, role: csm, seniority: senior, reports_to: vp }',
  '  - { id: m2, role: csm, reports_to: vp }',
  '  - { id: m3, role: csm, reports_to: vp }',
  '  - { id: m4, role: csm, reports_to: vp }',
  'accounts:',
  accountLines('ent', 40, 150_000, 'owner: e1, locked: true'),
  accountLines('red', 10, 30_000, 'health: red, owner: m1'),
  accountLines('mm2', 20, 30_000, 'owner: m2'),
  accountLines('mm3', 20, 30_000, 'owner: m3'),
  '  - { id: mm-m4, arr: 30000, owner: m4 }',
  '',
].join('\n');

describe('a move into a function while a move to another team waits', () => {
  it('waits too, so the next plan moves the same two', async () => {
    const org = await loadText(roleMoveBesideWaitingJoiner, AS_OF);
    expect(planMoves(planOrg(org))).toEqual(['m1 -> enterprise', 'm4 -> cs-ops']);
    const result = rebalance(org);
    expect(result.moves).toEqual([]);
    expect(result.unbalanced.find((u) => u.csm === 'm4')?.why).toBe(
      "m4's move into CS Ops Specialist waits for m1's move to the enterprise team: with the book handed over, m4 would have no team and be the first pick for a team short of people. m4 keeps the whole book until m1 has moved",
    );
    const after = await loadText(writtenText(roleMoveBesideWaitingJoiner, result), AS_OF);
    expect(planMoves(planOrg(after))).toEqual(['m1 -> enterprise', 'm4 -> cs-ops']);
    expect(await rebalanceBreaks(roleMoveBesideWaitingJoiner, AS_OF)).toEqual([]);
  });
});

// Found by fast-check (verticalOrgYaml, seed 2 at 300 runs): test/fixtures/rebalance/
// unserved-region-empty-book.yaml. Financial services is split by region, APAC (the most work,
// where small regions go) and EMEA; no team serves NA. c5 works in NA and sits in FS APAC; the
// target moves c5 to FS EMEA (the same industry, so any region's team) and c6 into CS Ops.
// c5's 2 accounts (a6 APAC, a57 healthcare) are ones FS EMEA does not serve: handed over (to c2
// and c3), c5's book is empty. An FS account would place c5 (NA) in FS APAC on the next plan, so
// the unowned FS EMEA accounts a30 and a41 go to c1, who works in EMEA. Left empty, c5 has no
// team: the next plan must let a CSM with no team and no book join any region's team again, or
// c5 (free, first in line) would go into CS Ops instead of c6.
const unservedRegionEmptyBook = fixture('unserved-region-empty-book.yaml');

describe('a CSM whose region has no team, left with no book by a move within their industry', () => {
  it('may join any region team again, so the next plan moves the same CSMs', async () => {
    const org = await loadText(unservedRegionEmptyBook, AS_OF);
    const before = planMoves(planOrg(org));
    expect(before).toEqual(['c5 -> enterprise+mid-market#financial-services@emea', 'c6 -> cs-ops']);
    const result = rebalance(org);
    expect(result.moves.map((m) => `${m.account} ${m.from} -> ${m.to}`)).toEqual([
      'a6 c5 -> c2',
      'a57 c5 -> c3',
      'a30 null -> c1',
      'a41 null -> c1',
    ]);
    const after = await loadText(writtenText(unservedRegionEmptyBook, result), AS_OF);
    expect(planMoves(planOrg(after))).toEqual(before);
    expect(
      await rebalanceBreaks(unservedRegionEmptyBook, AS_OF, new Set(['book-imbalance'])),
    ).toEqual([]);
  });

  it('with no book and no team, may still join any region team', async () => {
    // The hand-over alone, c5 left with nothing: the plan makes the same moves.
    const handedOver = unservedRegionEmptyBook
      .replace('health: green, owner: c5 }', 'health: green, owner: c2 }')
      .replace('health: green, owner: c5 }', 'health: green, owner: c3 }');
    const org = await loadText(handedOver, AS_OF);
    expect(org.accounts.filter((a) => a.owner === 'c5')).toEqual([]);
    expect(planMoves(planOrg(org))).toEqual(
      planMoves(planOrg(await loadText(unservedRegionEmptyBook, AS_OF))),
    );
  });
});

// Found by fast-check (verticalOrgYaml, seed 12 at 300 runs, case 15), shrunk by hand-run
// deletion: test/fixtures/rebalance/function-pick-before-gap.yaml. Enterprise is split by region:
// EMEA 20 x $220k = $4.4M / $3.5M = 1.26 FTE for c5; APAC 20 x $150k: max(20 / 20 = 1.0,
// $3M / $3.5M = 0.86) = 1.0 FTE for nobody. Mid-market, 13 NA accounts: 10 x $90k + 3 x $40k =
// $1.02M / $2M = 0.51 FTE for c0-c4, all NA (a region no team serves). EMEA is 1.26 - 1 = 0.26
// short: c2, who holds a17 (EMEA), joins it. APAC is 1.0 short, but a CSM from another tier
// joins only the team the small regions join (EMEA, the most work), so APAC hires. CS Ops is due
// (4 CSMs the work needs: 2 EMEA, 1 APAC, 1 mid-market; CS Ops comes before the 5th): the
// mid-market has 4 for 0.51, 3 beyond the work, and c4, the only one not a junior, moves into
// CS Ops and hands over a51 and a57. On the next plan c4 has no team and no book; a CSM with
// none may join any region's team, and free CSMs fill the gaps first, so c4 filled APAC and c1
// (a junior) went into CS Ops: a second rebalance handed over c1's book. c4 beats c1 on what
// the file fixes (not a junior), so c4 stays out of the gaps and goes into CS Ops again.
// Since then a spare CSM from another tier fills a regional gap that would hire (`crossToHold`,
// the next two tests): in the file c4, a senior for enterprise work, fills APAC and c0 goes into
// CS Ops. With c2 pinned to the mid-market, the next plan places c2 there again, so EMEA could
// spare nobody to its other regions (1.0 of 1.26 without c2): nothing crosses, APAC hires, and
// the case above is what is left.
const functionPickBeforeGap = fixture('function-pick-before-gap.yaml');
const functionPickPinned = functionPickBeforeGap.replace(
  '{ id: c2, role: csm, region: NA, seniority: junior, reports_to: vp }',
  '{ id: c2, role: csm, region: NA, seniority: junior, segment: mid-market, reports_to: vp }',
);

describe('a CSM with no team and no book whom a function would pick over its other candidates', () => {
  it('goes into the function, not a team gap, so the next plan moves the same CSM', async () => {
    expect(functionPickPinned).not.toBe(functionPickBeforeGap);
    const org = await loadText(functionPickPinned, AS_OF);
    expect(planMoves(planOrg(org))).toEqual(['c2 -> enterprise@emea', 'c4 -> cs-ops']);
    const result = rebalance(org);
    const handedOver = result.moves.filter((m) => m.from === 'c4').map((m) => m.account);
    expect(handedOver).toEqual(['a51', 'a57']);
    const after = await loadText(writtenText(functionPickPinned, result), AS_OF);
    expect(after.accounts.filter((a) => a.owner === 'c4')).toEqual([]);
    // c2 (pinned) joins EMEA again; c4, free, goes into CS Ops from no team.
    const next = planOrg(after);
    expect(planMoves(next)).toEqual(['c2 -> enterprise@emea', 'c4 -> cs-ops']);
    expect(next.target.roleMoves.map((m) => m.from)).toEqual([null]);
    expect(next.target.teams.find((t) => t.key === 'enterprise@apac')?.hireNow).toBe(1);
    expect(await rebalanceBreaks(functionPickPinned, AS_OF, new Set(['book-imbalance']))).toEqual(
      [],
    );
  });

  it('as in the file, c4 fills APAC from the mid-market instead of a hire, and nothing more moves', async () => {
    const { before, after, breaks } = await planAcrossWrite(functionPickBeforeGap);
    expect(before).toEqual(['c2 -> enterprise@emea', 'c4 -> enterprise@apac', 'c0 -> cs-ops']);
    expect(after).toEqual(before);
    expect(breaks).toEqual([]);
  });
});

// Found by fast-check (verticalOrgYaml, seed 12 at 300 runs, case 15, once the cases above were
// fixed), shrunk by fast-check: test/fixtures/rebalance/holder-mostly-elsewhere.yaml. Enterprise
// is split by region: APAC 26 x $150k = $3.9M: max(26 / 20 = 1.3, $3.9M / $3.5M = 1.11) = 1.3
// FTE; EMEA 20 x $220k = $4.4M: max(20 / 20 = 1.0, $4.4M / $3.5M = 1.26) = 1.26 for c7 alone,
// 0.3 short (1.3 shown). APAC has the most work: the NA CSMs with enterprise books (c0, c1, c2)
// are placed there with c5, 4 for 1.3. c2's one account is a17 (EMEA): c2 joins EMEA. EMEA's
// unowned a8 (red) and a19 (yellow) fit neither c2 (1 green: 50% red/yellow) nor c7, and went
// to c0 (NA, a region no team serves), whose book is APAC's otherwise. On the next plan c0 held
// $440k of EMEA against c2's $220k and joined EMEA instead: a second rebalance moved 3 more.
// A CSM whose book is mostly the team's (c2: all of it) joins first, so c2 moves again.
const holderMostlyElsewhere = fixture('holder-mostly-elsewhere.yaml');

describe("a CSM holding a short team's accounts, with a book mostly elsewhere", () => {
  it("joins after one whose book is mostly the team's, so the next plan moves the same CSM", async () => {
    const { before, after, breaks } = await planAcrossWrite(holderMostlyElsewhere);
    expect(before).toEqual(['c2 -> enterprise@emea', 'c3 -> cs-ops']);
    expect(after).toEqual(before);
    expect(breaks).toEqual([]);
  });
});

// Found by fast-check after the rule above (verticalOrgYaml, seed 10 at 300 runs, case 67;
// not shrunk further): test/fixtures/rebalance/free-csms-held-without-seat.yaml. c1 (a junior),
// c5 (senior), c6 and c7 (mid-level) have no team and no book; c5, c6 and c7 fill gaps (retail
// twice, healthcare EMEA) and CS Ops takes c1. Each of the three beats c1 on the file's facts.
// All three held out of the gaps, CS Ops took c5 and onboarding c6, c7 sat in no team while
// healthcare EMEA and retail hired, and the next plan moved others. Holding is kept only when
// the functions seat every CSM held; here it is dropped and the plan is the one before.
const freeHeldWithoutSeat = fixture('free-csms-held-without-seat.yaml');

describe('free CSMs who beat the function pick, more of them than the functions have seats', () => {
  it('fill the gaps as before, so the next plan moves the same CSMs', async () => {
    const org = await loadText(freeHeldWithoutSeat, AS_OF);
    expect(planMoves(planOrg(org))).toEqual([
      'c5 -> enterprise+mid-market#retail',
      'c6 -> enterprise+mid-market#retail',
      'c7 -> enterprise+mid-market#healthcare@emea',
      'c1 -> cs-ops',
    ]);
    expect(await rebalanceBreaks(freeHeldWithoutSeat, AS_OF, new Set(['book-imbalance']))).toEqual(
      [],
    );
  });
});

// Shrunk by hand from the regions property (seed 28 at 300 runs, case 27). Enterprise is split
// by region: NA 36 x $150k = $5.4M: max(36 / 20 = 1.8, $5.4M / $3.5M = 1.54) = 1.8 FTE for na1,
// na2 and jr (pinned to enterprise, in APAC, a region no team serves: placed in the team the
// small regions join, NA, the most work): 3 for 1.8, so NA can spare one. EMEA 20 x $220k =
// $4.4M: max(20 / 20 = 1.0, $4.4M / $3.5M = 1.26) = 1.26 FTE for eu alone, 0.26 short. The
// mid-market (one team) 31 x $40k = $1.24M: max(31 / 57.5 = 0.54, $1.24M / $2M = 0.62) = 0.62
// FTE for mm, mj and sr (by sr's one account): 3 - 0.62 = 2.38, two beyond the work.
// Plan 1: jr, from the enterprise tier, may join any region's enterprise team and fills EMEA
// (sr, from another tier, could only join NA). CS Ops (due at 2 CSMs) takes a senior of the
// mid-market: sr and mm tie on the file's facts (senior, no start date), sr has the smaller book
// (1 account against 14). The rebalance hands sr-1 to mm; jr takes no EMEA account (all red: an
// empty book taking one is 100% red/yellow, past 30%), so jr still has no book.
// Plan 2: sr has no team and no book. Free CSMs fill gaps first, so sr filled EMEA and CS Ops
// took mm, whose 15 accounts a second rebalance handed over. sr still ties mm on the file's facts
// and wins on the book; held out of the gaps, jr fills EMEA again (no hire) and the moves hand
// over 0 accounts instead of mm's 15, so sr goes into CS Ops: the moves of plan 1.
const tieForFunction = [
  `version: 1\ncompany:\n  name: Tie\n  as_of: ${AS_OF}`,
  'policy:\n  cs_ops_at_csms: 2',
  'team:',
  '  - { id: vp, role: vp-cs }',
  '  - { id: na1, role: csm, region: NA, seniority: junior, reports_to: vp }',
  '  - { id: na2, role: csm, region: NA, seniority: junior, reports_to: vp }',
  '  - { id: eu, role: csm, region: EMEA, seniority: senior, reports_to: vp }',
  '  - { id: jr, role: csm, region: APAC, seniority: junior, segment: enterprise, reports_to: vp }',
  '  - { id: sr, role: csm, region: APAC, seniority: senior, reports_to: vp }',
  '  - { id: mm, role: csm, region: NA, seniority: senior, segment: mid-market, reports_to: vp }',
  '  - { id: mj, role: csm, region: NA, seniority: junior, reports_to: vp }',
  'accounts:',
  accountLines('na', 18, 150_000, 'region: NA, health: green, owner: na1'),
  accountLines('nb', 18, 150_000, 'region: NA, health: green, owner: na2'),
  accountLines('eu', 20, 220_000, 'region: EMEA, health: red, owner: eu'),
  accountLines('mm', 14, 40_000, 'region: NA, health: green, owner: mm'),
  accountLines('mj', 16, 40_000, 'region: NA, health: green, owner: mj'),
  '  - { id: sr-1, arr: 40000, region: NA, health: green, owner: sr }',
  '',
].join('\n');

describe('a CSM moved into a function by a smaller book, with no team and no book after it', () => {
  it('goes into the function again, not a team gap another CSM fills, so nothing more moves', async () => {
    const { before, result, after, breaks } = await planAcrossWrite(tieForFunction);
    expect(before).toEqual(['jr -> enterprise@emea', 'sr -> cs-ops']);
    expect(result.moves.map((m) => `${m.account} ${m.from} -> ${m.to}`)).toEqual(['sr-1 sr -> mm']);
    expect(after).toEqual(before);
    const next = planOrg(await loadText(writtenText(tieForFunction, result), AS_OF));
    expect(next.target.roleMoves.map((m) => `${m.id} from ${m.from}`)).toEqual(['sr from null']);
    expect(next.target.teams.map((t) => t.hireNow)).toEqual([0, 0, 0]);
    expect(breaks).toEqual([]);
  });
});

// Regions property, seed 12 at 300 runs, case 15 (shrunk: /work/tmp/r12/s12b.yaml), built again
// by hand. Enterprise is split by region: EMEA 28 x $175k = $4.9M: max(28 / 20 = 1.4, $4.9M /
// $3.5M = 1.4) = 1.4 FTE for eu1 and eu2, not short; APAC 26 x $150k = $3.9M: max(26 / 20 = 1.3,
// $3.9M / $3.5M = 1.11) = 1.3 FTE for ap alone, 0.3 short (past the 0.25 a team absorbs): a hire.
// EMEA has the most work: the small regions join it. The mid-market (one team) 20 x $50k = $1M:
// max(20 / 57.5 = 0.35, $1M / $2M = 0.5) = 0.5 FTE for sr1, sr2 and mj: two beyond the work.
// sr1's book: 4 mid-market ($200k: max(4 / 57.5, 0.1) = 0.1) and ap-sr1 (APAC: max(1 / 20 = 0.05,
// $150k / $3.5M = 0.04) = 0.05): mid-market. sr1 and sr2 are NA, a region no team serves; from
// the mid-market they could join only EMEA. CS Ops (due at 2 CSMs) ties sr1 and sr2 (senior, no
// start date) and takes sr2, the smaller book (3 accounts against 5).
// Before: APAC hired, sr2 went into CS Ops; on the next plan sr2 (no team, no book) filled APAC
// and CS Ops took sr1, whose 5 accounts a second rebalance handed over. Now a spare CSM from
// another tier fills a regional gap that would hire, once no other move is left, while EMEA
// (2.0 for 1.4) could spare them on the next plan: sr1, senior and holding ap-sr1, fills APAC.
// sr1 hands over 4 accounts and the load pass gives sr1 11 of ap's 25. On the next plan sr1's
// book is APAC enterprise, placed in EMEA, and joins APAC from there; sr2, free, goes into CS Ops.
const spareHolder = [
  `version: 1\ncompany:\n  name: Spare\n  as_of: ${AS_OF}`,
  'policy:\n  cs_ops_at_csms: 2',
  'team:',
  '  - { id: vp, role: vp-cs }',
  '  - { id: eu1, role: csm, region: EMEA, seniority: senior, reports_to: vp }',
  '  - { id: eu2, role: csm, region: EMEA, seniority: senior, reports_to: vp }',
  '  - { id: ap, role: csm, region: APAC, seniority: senior, reports_to: vp }',
  '  - { id: sr1, role: csm, region: NA, seniority: senior, reports_to: vp }',
  '  - { id: sr2, role: csm, region: NA, seniority: senior, reports_to: vp }',
  '  - { id: mj, role: csm, region: NA, seniority: junior, reports_to: vp }',
  'accounts:',
  accountLines('eu1', 14, 175_000, 'region: EMEA, health: green, owner: eu1'),
  accountLines('eu2', 14, 175_000, 'region: EMEA, health: green, owner: eu2'),
  accountLines('ap', 25, 150_000, 'region: APAC, health: green, owner: ap'),
  '  - { id: ap-sr1, arr: 150000, region: APAC, health: green, owner: sr1 }',
  accountLines('sr1', 4, 50_000, 'region: NA, health: green, owner: sr1'),
  accountLines('sr2', 3, 50_000, 'region: NA, health: green, owner: sr2'),
  accountLines('mj', 13, 50_000, 'region: NA, health: green, owner: mj'),
  '',
].join('\n');

describe('a spare CSM from another tier while a regional team is about to hire', () => {
  it('who holds its accounts fills the gap instead of the hire, so the next plan moves the same two', async () => {
    const { before, result, after, breaks } = await planAcrossWrite(spareHolder);
    expect(before).toEqual(['sr1 -> enterprise@apac', 'sr2 -> cs-ops']);
    const org = await loadText(spareHolder, AS_OF);
    expect(planOrg(org).target.teams.map((t) => [t.key, t.hireNow])).toEqual([
      ['enterprise@emea', 0],
      ['enterprise@apac', 0],
      ['mid-market', 0],
    ]);
    const handed = (from: string) =>
      result.moves.filter((m) => m.from === from && m.to !== from).map((m) => m.account);
    expect(handed('sr1')).toEqual(['sr1-1', 'sr1-2', 'sr1-3', 'sr1-4']);
    expect(handed('sr2')).toEqual(['sr2-1', 'sr2-2', 'sr2-3']);
    expect(after).toEqual(before);
    expect(breaks).toEqual([]);
  });

  it('or who holds none and hands the whole book over, the same one on the next plan', async () => {
    // Without ap-sr1 (APAC: 25 x $150k: max(25 / 20 = 1.25, $3.75M / $3.5M = 1.07) = 1.25, shown
    // 1.3, still 0.3 short) neither senior holds an APAC account, and either hands over the whole
    // book. Before: APAC hired, sr2 (3 accounts against 4) went into CS Ops, then filled APAC
    // with no team and no book, and CS Ops took sr1: a second rebalance handed over sr1's book.
    // Now sr1, first in the file, fills APAC (not sr2 by the smaller book: the rebalance leaves
    // both with none, and the next plan takes them in file order) and sr2 goes into CS Ops.
    const noHolder = spareHolder.replace(
      '  - { id: ap-sr1, arr: 150000, region: APAC, health: green, owner: sr1 }\n',
      '',
    );
    expect(noHolder).not.toBe(spareHolder);
    const { before, result, after, breaks } = await planAcrossWrite(noHolder);
    expect(before).toEqual(['sr1 -> enterprise@apac', 'sr2 -> cs-ops']);
    expect(new Set(result.moves.map((m) => m.from))).toEqual(new Set(['sr1', 'sr2']));
    expect(after).toEqual(before);
    expect(breaks).toEqual([]);
  });
});

// Enterprise (not split by region: every account is in NA): 39 accounts locked with e1 and one
// with x, 40 at $150k: max(40 / 20, $6M / $3.5M = 1.71) = 2.0 FTE for e1 alone, short 1.0.
// Mid-market: 10 accounts at $30k each for x and y (NA) and z and w (EMEA), 40 in all:
// max(40 / 57.5 = 0.70, $1.2M / $2M = 0.6) = 0.7 FTE for 4 CSMs. x holds enterprise ARR, so x
// moves to enterprise (the mid-market keeps 3 for 0.7) and hands over 10 mid-market accounts.
// CS Ops is due at 2 CSMs; the mid-market has 3 - 0.7 = 2.3, 2 CSMs beyond the work: y,
// mid-level, comes before the juniors z and w. y is not NA's last CSM: x still works NA's
// accounts in enterprise. Counted as gone from NA, x made y NA's last CSM, so z went into CS Ops;
// once a rebalance had placed x in enterprise, x counted in NA again and the next plan moved y.
const anchorMovedWithinRegion = [
  `version: 1\ncompany:\n  name: Anchors\n  as_of: ${AS_OF}`,
  'policy:\n  cs_ops_at_csms: 2',
  'team:',
  '  - { id: vp, role: vp-cs }',
  '  - { id: e1, role: csm, segment: enterprise, reports_to: vp }',
  '  - { id: x, role: csm, region: NA, seniority: junior, reports_to: vp }',
  '  - { id: y, role: csm, region: NA, seniority: mid, reports_to: vp }',
  '  - { id: z, role: csm, region: EMEA, seniority: junior, reports_to: vp }',
  '  - { id: w, role: csm, region: EMEA, seniority: junior, reports_to: vp }',
  'accounts:',
  accountLines('ent', 39, 150_000, 'region: NA, owner: e1, locked: true'),
  '  - { id: ent-x, arr: 150000, region: NA, owner: x }',
  accountLines('mm-x', 10, 30_000, 'region: NA, owner: x'),
  accountLines('mm-y', 10, 30_000, 'region: NA, owner: y'),
  accountLines('mm-z', 10, 30_000, 'region: EMEA, owner: z'),
  accountLines('mm-w', 10, 30_000, 'region: EMEA, owner: w'),
  '',
].join('\n');

describe('a CSM the target moves to a team that serves their region', () => {
  it('still holds the region, so the same CSM goes into CS Ops on this plan and the next', async () => {
    const org = await loadText(anchorMovedWithinRegion, AS_OF);
    expect(planMoves(planOrg(org))).toEqual(['x -> enterprise', 'y -> cs-ops']);
    const result = rebalance(org);
    // x's 10 mid-market accounts and y's 10 go to z and w, the mid-market team's CSMs left.
    const handedTo = (from: string) =>
      new Set(result.moves.filter((m) => m.from === from).map((m) => m.to));
    expect(handedTo('x')).toEqual(new Set(['z', 'w']));
    expect(handedTo('y')).toEqual(new Set(['z', 'w']));
    expect(result.moves).toHaveLength(20);
    const after = await loadText(writtenText(anchorMovedWithinRegion, result), AS_OF);
    // x now sits in enterprise (no move), y has no book and no team.
    expect(planMoves(planOrg(after))).toEqual(['y -> cs-ops']);
    // e1's 39 locked accounts against x's one are a spread no move may close (book-imbalance).
    expect(
      await rebalanceBreaks(anchorMovedWithinRegion, AS_OF, new Set(['book-imbalance'])),
    ).toEqual([]);
  });
});

// Enterprise, split by region: a target book is 20 accounts or $3.5M (the middles of 15-25 and
// $2M-5M), each account $150k at medium complexity.
//   APAC: 40 accounts, $6M: max(40 / 20, $6M / $3.5M = 1.71) = 2.0 FTE, the most work: the first
//         team, where a CSM whose region no team serves is placed (`regionalTeam`).
//   EMEA: 20 accounts, $3M: max(20 / 20, $3M / $3.5M = 0.86) = 1.0 FTE.
// c0 (NA) holds 11 APAC accounts and 18 locked EMEA ones ($2.7M): placed in APAC. c2 (APAC) holds
// the other 29 APAC accounts. APAC has its 2 and spares nobody; EMEA is 1 short, and c1 (NA, no
// team, no book) joins it. em-19 and em-20 ($300k) have no owner.
// Given them, c1 would hold EMEA accounts and be placed in APAC by the region rule: APAC then has
// 3 CSMs for 2.0 FTE and spares one, and EMEA takes the one holding most of its ARR, c0 ($2.7M
// against $300k). The next plan moved c0 and the second rebalance handed c0's 11 APAC accounts
// over. So c1's empty book takes nothing, and the two accounts say why.
const emptyBookElsewhere = [
  `version: 1\ncompany:\n  name: Regions\n  as_of: ${AS_OF}`,
  'team:',
  '  - { id: vp, role: vp-cs }',
  '  - { id: c0, role: csm, region: NA, reports_to: vp }',
  '  - { id: c1, role: csm, region: NA, reports_to: vp }',
  '  - { id: c2, role: csm, region: APAC, reports_to: vp }',
  'accounts:',
  accountLines('ap-c0', 11, 150_000, 'region: APAC, owner: c0'),
  accountLines('ap-c2', 29, 150_000, 'region: APAC, owner: c2'),
  accountLines('em-c0', 18, 150_000, 'region: EMEA, owner: c0, locked: true'),
  accountLines('em', 2, 150_000, 'region: EMEA'),
  '',
].join('\n');

describe('an empty book whose first account would place its CSM in another team', () => {
  it('takes nothing, says why, and the next plan makes the same move', async () => {
    const org = await loadText(emptyBookElsewhere, AS_OF);
    expect(planMoves(planOrg(org))).toEqual(['c1 -> enterprise@emea']);
    const result = rebalance(org);
    expect(result.moves).toEqual([]);
    const unowned = result.unmovable.filter((u) => u.owner === null);
    expect(unowned.map((u) => u.account)).toEqual(['em-1', 'em-2']);
    for (const u of unowned)
      expect(u.detail).toContain(
        'c1 has no book, and a first account would place them in the enterprise@apac team on the next plan (region NA)',
      );
    expect(await rebalanceBreaks(emptyBookElsewhere, AS_OF)).toEqual([]);
  });
});

// The same teams (APAC 2.0 FTE, EMEA 1.0), but c1 is pinned to enterprise: the file, not the book,
// places c1 (NA, no team for it) in APAC, the first team, with or without accounts. c0 and c2
// (APAC) hold 20 APAC accounts each: 20 / 20 = 100% of a target book. APAC has 3 CSMs for 2.0 FTE
// and spares c1, who has no accounts to hand over; EMEA's 20 accounts ($3M) have no owner. A first
// account leaves c1 placed where they were, so c1 takes all 20 (20 / 20 = 100%), and the next plan
// moves c1 again: the CSM holding EMEA's ARR.
const pinnedEmptyBook = [
  `version: 1\ncompany:\n  name: Pinned\n  as_of: ${AS_OF}`,
  'team:',
  '  - { id: vp, role: vp-cs }',
  '  - { id: c0, role: csm, region: APAC, reports_to: vp }',
  '  - { id: c1, role: csm, segment: enterprise, region: NA, reports_to: vp }',
  '  - { id: c2, role: csm, region: APAC, reports_to: vp }',
  'accounts:',
  accountLines('ap-c0', 20, 150_000, 'region: APAC, owner: c0'),
  accountLines('ap-c2', 20, 150_000, 'region: APAC, owner: c2'),
  accountLines('em', 20, 150_000, 'region: EMEA'),
  '',
].join('\n');

describe('an empty book of a CSM the file places, not the book', () => {
  it('takes the accounts of the team the target moves them into', async () => {
    const org = await loadText(pinnedEmptyBook, AS_OF);
    expect(planMoves(planOrg(org))).toEqual(['c1 -> enterprise@emea']);
    const result = rebalance(org);
    expect(result.moves.filter((m) => m.to === 'c1')).toHaveLength(20);
    expect(result.moves).toHaveLength(20);
    expect(await rebalanceBreaks(pinnedEmptyBook, AS_OF)).toEqual([]);
  });
});

// Found by fast-check (verticalOrgYaml, seed 9 at 300 runs): test/fixtures/rebalance/
// earlier-team-move-waits.yaml. Industry teams healthcare, financial services (FS) and education;
// each CSM is placed by the industry holding most of their book's ARR:
//   c0: education $920k, healthcare $880k, FS $750k -> education;
//   c2: healthcare $1.32M, education $700k, FS $450k -> healthcare;
//   c4: healthcare $1.4M, education $1.32M, FS $1.2M -> healthcare;
//   c6: healthcare $1.1M, education $920k, FS $750k -> healthcare (c1, c5: $280k of healthcare).
// The target fills the shortest team first, one move at a time: FS (nobody) takes c4, the most FS
// ARR; education (c0 alone) takes c6 ($920k against c2's $700k); FS then takes c2. c4's hand-over
// waits (a37, a1 and a10 find no book with room). Had c2's gone through, c2 would sit in FS by
// its book; FS would then be less short than education, which the next plan fills first, with c4
// ($1.32M of education against c6's $920k), and FS with c6: 17 moves on a second rebalance. So a
// move to another team waits for the target's earlier ones.
const earlierTeamMoveWaits = fixture('earlier-team-move-waits.yaml');

describe('a move to another team while an earlier one waits', () => {
  it('waits too, so the next plan moves the same CSMs to the same teams', async () => {
    const org = await loadText(earlierTeamMoveWaits, AS_OF);
    const fs = 'enterprise+mid-market#financial-services';
    const education = 'enterprise+mid-market#education';
    const before = planMoves(planOrg(org));
    expect(before).toEqual([`c4 -> ${fs}`, `c6 -> ${education}`, `c2 -> ${fs}`, 'c3 -> cs-ops']);
    const result = rebalance(org);
    const waits = (id: string) =>
      result.unmovable.filter((u) => u.owner === id && u.reason === 'move-waits');
    expect(waits('c4')[0]?.detail).toContain(
      'a37, a1 and a10 ($300k, 1 red) have no book with room',
    );
    for (const id of ['c2', 'c6'])
      expect(waits(id)[0]?.detail).toContain(`waits for c4's move to the ${fs} team`);
    const after = await loadText(writtenText(earlierTeamMoveWaits, result), AS_OF);
    expect(planMoves(planOrg(after))).toEqual(before);
    expect(await rebalanceBreaks(earlierTeamMoveWaits, AS_OF, new Set(['book-imbalance']))).toEqual(
      [],
    );
  });
});

// Found by fast-check (verticalOrgYaml, seed 9 at 300 runs, case 177): test/fixtures/rebalance/
// placed-out-of-region.yaml. APAC has one account (a12, education, c1's) and two CSMs, c1 and c2;
// c2 has no team and no book. The target moves c2 into the healthcare team, whose accounts are
// all in NA, so c2 no longer works APAC and c1 is APAC's last CSM: the CS Ops pick comes from the
// other CSMs the "other industries" team can spare, all junior, the smallest book first: c5 (4
// accounts) before c4 (5). The rebalance gives c2 two unowned NA healthcare accounts (a33, a44).
// On the next plan c2 sits in healthcare by that book rather than by a move; counted in APAC
// again, c2 made c1 (1 account) the smallest spare book, the pick, and a second rebalance moved
// a12 to c5. A CSM whose team does not work their region, however they got there, counts for it
// only where nobody works it (c1 does).
const placedOutOfRegion = fixture('placed-out-of-region.yaml');

/**
 * A fixture's target moves before a rebalance and after its `--write`, the rebalance itself, and
 * what the invariants find (book-imbalance left out, as in the property).
 */
async function planAcrossWrite(text: string) {
  const org = await loadText(text, AS_OF);
  const result = rebalance(org);
  const after = await loadText(writtenText(text, result), AS_OF);
  return {
    before: planMoves(planOrg(org)),
    result,
    after: planMoves(planOrg(after)),
    breaks: await rebalanceBreaks(text, AS_OF, new Set(['book-imbalance'])),
  };
}

describe('a CSM placed by their book in a team that does not work their region', () => {
  it('does not hold the region, so the pick for a function stays the same after --write', async () => {
    const healthcare = 'enterprise+mid-market#healthcare';
    const { before, result, after, breaks } = await planAcrossWrite(placedOutOfRegion);
    expect(before).toEqual([`c2 -> ${healthcare}`, 'c5 -> cs-ops']);
    expect(result.moves.filter((m) => m.to === 'c2').map((m) => m.account)).toEqual(['a33', 'a44']);
    expect(after).toEqual(['c5 -> cs-ops']);
    expect(breaks).toEqual([]);
  });
});

// The same case shrunk another way (test/fixtures/rebalance/placed-out-of-region-team-move.yaml):
// the healthcare team (NA accounts only) is short, and the target moves c2 (APAC, no team) into
// it, then c4 (EMEA) from the "other industries" team: c1, APAC's last CSM once c2 is out of
// APAC, may not go to a team with no APAC account. The rebalance gives c2 healthcare accounts
// (c4's hand-over waits). On the next plan c2 sits in healthcare by that book; counted in APAC
// again, c2 let c1 go to healthcare instead of c4, and a second rebalance moved c1's a39 to c5.
const placedTeamMove = fixture('placed-out-of-region-team-move.yaml');

describe('a CSM placed by their book outside their region, when the target fills a team', () => {
  it('does not hold the region, so the same CSM moves after --write', async () => {
    const healthcare = 'enterprise+mid-market#healthcare';
    const { before, after, breaks } = await planAcrossWrite(placedTeamMove);
    expect(before).toEqual([`c2 -> ${healthcare}`, `c4 -> ${healthcare}`]);
    expect(after).toEqual([`c4 -> ${healthcare}`]);
    expect(breaks).toEqual([]);
  });
});

// Found by fast-check (verticalOrgYaml, seed 2 at 300 runs, case 147) once the two cases above
// were fixed: test/fixtures/rebalance/loose-from-region.yaml. NA has one account (healthcare, in
// the healthcare team) and two CSMs, c2 and c3, both in the "other industries" team, whose
// accounts are all in APAC: neither works NA. The target moves c3 (mid-level, the only CSM not
// junior) into CS Ops, and the rebalance hands c3's book over. On the next plan c3 has no team:
// counted as NA's only CSM (c2 being out of it), c3 could not move, and c7 went instead. With no
// team, or in a team that does not work the region, a CSM counts for it only where nobody works
// it, and then both c2 and c3 do: neither is its last.
const looseFromRegion = fixture('loose-from-region.yaml');

describe('CSMs with no team, or in a team that does not work their region', () => {
  it('hold it only together, so the pick for a function stays the same after --write', async () => {
    const { before, after, breaks } = await planAcrossWrite(looseFromRegion);
    expect(before).toEqual(['c3 -> cs-ops']);
    expect(after).toEqual(['c3 -> cs-ops']);
    expect(breaks).toEqual([]);
  });
});

// Found by fast-check (verticalOrgYaml, seed 16 at 300 runs, case 64): test/fixtures/rebalance/
// empty-book-behind-waiting-move.yaml. Industry teams, all accounts in NA: retail 32 x $220k =
// $7.04M / $3.5M = 2.0 FTE; healthcare 20 x $220k = $4.4M / $3.5M = 1.26 FTE; the other
// industries (education, mid-market) 12 x $90k = $1.08M / $2M = 0.54 FTE. c0-c3 are placed in
// retail by their books; c4 (EMEA) and c5 (APAC) have no team and no book. With CSMs free, the
// target fills the shortest team first:
//   1. healthcare (1.3 short) takes c0: $1.32M of healthcare, tied with c3, both 11 to hand over;
//   2. the other industries (0.5, against healthcare's 0.3) take c1: $270k of education, tied
//      with c3, 9 to hand over against 14;
//   3. healthcare takes c4 (retail, 2 left for 2.0 FTE, spares nobody more); c5 goes to CS Ops.
// c0's hand-over waits (7 retail and education accounts find no book with room) and c1's waits
// for c0's. c4's empty book took the unowned a4 and a15 and so made c4's move: on the next plan
// c4 sat in healthcare by that book, healthcare (0.3 short) came after the other industries
// (0.5), the target moved c1 before c0, c1's move no longer waited, and a second rebalance handed
// c1's book over (10 moves). Behind a waiting move, an empty book takes no first account either.
const emptyBookBehindWait = fixture('empty-book-behind-waiting-move.yaml');

describe('an empty book of a CSM moved into a team while an earlier team move waits', () => {
  it('takes no first account, says why, and the next plan makes the same moves in the same order', async () => {
    const healthcare = 'enterprise+mid-market#healthcare';
    const other = 'enterprise+mid-market#other';
    const { before, result, after, breaks } = await planAcrossWrite(emptyBookBehindWait);
    expect(before).toEqual([
      `c0 -> ${healthcare}`,
      `c1 -> ${other}`,
      `c4 -> ${healthcare}`,
      'c5 -> cs-ops',
    ]);
    expect(result.moves.filter((m) => m.to === 'c4')).toEqual([]);
    const unowned = result.unmovable.filter(
      (u) => u.owner === null && ['a4', 'a15'].includes(u.account),
    );
    expect(unowned).toHaveLength(2);
    for (const u of unowned)
      expect(u.detail).toContain(
        `c4 has no book, and their move to the ${healthcare} team waits for c0's move there, which the plan makes first`,
      );
    expect(after).toEqual(before);
    expect(breaks).toEqual([]);
  });
});

// Found by fast-check (verticalOrgYaml, seed 16 at 300 runs, case 183): test/fixtures/rebalance/
// rival-of-mover-from-team.yaml. Industry teams, all enterprise. c1 and c6 are pinned to
// mid-market, which has no team: the target places them in none, and the rebalance seats them in
// the first team, healthcare, as the nearest. Healthcare is short; the target moves c5 (senior,
// placed in education by $660k of education against $150k of healthcare, a23) there, a CSM of
// another team who holds the team's accounts, picked before anyone with no team. c5 hands over
// the education accounts and takes a19 and a40: $450k of healthcare. c1 holds a41 and takes a18
// ($300k); a27 ($150k, c6's) would bring c1 to $450k, c5's ARR, and the rule that keeps a CSM
// with no team below one moved in refused it. But c1 could never be picked over c5, and on the
// next plan c5 sits in healthcare by the book: the second rebalance gave a27 to c1, then c6's
// a43 ($220k of financial services) to c4 (with a27 still there, giving a43 left c6 with more
// healthcare ARR, $1.35M, than financial services, $1.32M: another team). The rivalry holds only
// against a CSM moved in from no team.
const rivalOfTeamedMover = fixture('rival-of-mover-from-team.yaml');

describe('a CSM no team needs, in the team the target moved a CSM of another team into', () => {
  it('may gain up to the ARR of the one moved in, so a second rebalance finds nothing left', async () => {
    const { before, result, after, breaks } = await planAcrossWrite(rivalOfTeamedMover);
    expect(before).toEqual(['c5 -> enterprise#healthcare', 'c3 -> cs-ops']);
    const moved = (account: string) => result.moves.find((m) => m.account === account);
    expect(moved('a27')).toMatchObject({ from: 'c6', to: 'c1' });
    expect(moved('a43')).toMatchObject({ from: 'c6', to: 'c4' });
    expect(after).toEqual(['c3 -> cs-ops']);
    expect(breaks).toEqual([]);
  });
});

// Found by fast-check (the first property, seed 2 at 300 runs, case 138), shrunk. One team of
// two: c0 works EMEA, c1 has no region. Six strategic accounts at $700k, each max(1 / 7.5
// accounts, $0.7M / $3.5M) = 20% of a target book: the team carries 120% on 2 CSMs, a mean of
// 60%, a band up to 66%. a1 (EMEA) is a child of c0's locked a0 (no region) with no owner yet;
// the team has EMEA work, so c0 covers EMEA only (the region rule). a1 goes to c0 (40%); the
// three NA accounts go to c1, who covers any region (20% + 60% = 80%, above the band, but c0
// does not cover NA). After --write a0 and a1 share an owner and are one unit, which a0 (no
// region) speaks for: the team's EMEA work was read from that unit alone, c0 then covered any
// region, and a second rebalance moved a3 to c0. Every account of a family counts for the
// regions a team works, so c0 covers EMEA on both runs and the second proposes nothing.
const familyChildInRegion = [
  `version: 1\ncompany:\n  name: Generated\n  as_of: ${AS_OF}`,
  'team:',
  '  - { id: c0, role: csm, region: EMEA }',
  '  - { id: c1, role: csm }',
  'accounts:',
  '  - { id: a0, arr: 700000, owner: c0, locked: true }',
  '  - { id: a1, arr: 700000, region: EMEA, parent: a0 }',
  '  - { id: a2, arr: 700000, owner: c1, locked: true }',
  '  - { id: a3, arr: 700000, region: NA }',
  '  - { id: a4, arr: 700000, region: NA }',
  '  - { id: a5, arr: 700000, region: NA }',
  '',
].join('\n');

describe("a family's child account in a region its top account does not give", () => {
  it('is work in that region on both runs, so the region rule reads the same after --write', async () => {
    const { result, breaks } = await planAcrossWrite(familyChildInRegion);
    expect(result.moves.map((m) => `${m.account} ${m.from} -> ${m.to}`)).toEqual([
      'a1 null -> c0',
      'a3 null -> c1',
      'a4 null -> c1',
      'a5 null -> c1',
    ]);
    // c1 stays above the band, and the why names the CSM with room the region rule holds back.
    expect(result.unbalanced.find((u) => u.csm === 'c1')).toMatchObject({
      limit: 'band',
      why: 'no other CSM who serves its accounts in their region has room for them without going past the band, the largest allowed book, the ramp or 30% red/yellow; c0 has room but covers EMEA only, and an account stays with a CSM of its region',
    });
    expect(breaks).toEqual([]);
  });
});

// Found by fast-check (invariants.property.test.ts, orgArb, seed 5 at 1,000 runs), shrunk by it.
// a1 is a child of a0; the file gives a1 to c0 and a0 to nobody, so they start as two units.
// Targets (policy defaults): enterprise 20 accounts or $3.5M, strategic 7.5 or $3.5M, so
// a0 and a1 ($180k, enterprise) each load max(1 / 20, $180k / $3.5M) = 0.0514 and a2 ($700k,
// strategic) max(1 / 7.5, $700k / $3.5M) = 0.2. c0 (half time) holds a1 + a2: 0.2514 / 0.5 =
// 50%; c2 leaves and holds nothing. Team mean (0.0514 x 2 + 0.2) / 1.5 FTE = 20.2%, band up to
// 20.2% x 1.1 = 22.2%. The first pass gives a0 to the lightest book, c1 (5.1%), and c0 sheds a1
// to c1 (c0 0.2 / 0.5 = 40%, c1 10.3%). a2 to c1 would make c1 30.3%, and a2 swapped for a0 or
// a1 alone 25.1%: both over the band, so the run stopped with c0 at 40%. But c1 then held the
// whole family: a second rebalance, reading it as one unit (0.103), swapped it for a2 (c0 0.103 /
// 0.5 = 20.6%, c1 20%) and proposed 3 moves. Parts of a family that meet in one book are now one
// unit from the next pass on, as the next run reads them: that pass makes the swap. Net: a2 goes
// to c1 and a0 to c0; a1 went to c1 and back, so it stays with c0, and the family is together.
const familyMeets = [
  `version: 1\ncompany:\n  name: Generated\n  as_of: ${AS_OF}`,
  'team:',
  '  - { id: c0, role: csm, fte: 0.5 }',
  '  - { id: c1, role: csm }',
  '  - { id: c2, role: csm, leaving: 2027-01-07 }',
  'accounts:',
  '  - { id: a0, arr: 180000 }',
  '  - { id: a1, arr: 180000, owner: c0, parent: a0 }',
  '  - { id: a2, arr: 700000, owner: c0 }',
  '',
].join('\n');

// Found by fast-check (orgArb, seed 10 at 1,000 runs). The family a0 (locked with c0), a1 (no
// owner) and a2 (c1's, who leaves) starts as three units. a1 and a2 must change owner and were
// both placed on c3, a ramping CSM; together they weigh more than either, and a second rebalance,
// reading them as one unit, swapped them for c0's a3. Joined at c3, the swap happens in this run,
// and the whole family ends with c0 (one locked unit from then on).
const forcedPartsMeet = [
  `version: 1\ncompany:\n  name: Generated\n  as_of: ${AS_OF}`,
  'policy:\n  cs_ops_at_csms: 1',
  'team:',
  '  - { id: c0, role: csm }',
  '  - { id: c1, role: csm, leaving: 2027-01-07 }',
  '  - { id: c2, role: csm, start_date: 2026-10-26, fte: 0.5 }',
  '  - { id: c3, role: csm, start_date: 2026-10-12, fte: 0.5 }',
  '  - { id: c4, role: csm }',
  '  - { id: c5, role: csm, start_date: 2026-11-23 }',
  'accounts:',
  '  - { id: a0, arr: 198000, owner: c0, locked: true }',
  '  - { id: a1, arr: 12000, parent: a0 }',
  '  - { id: a2, arr: 70000, owner: c1, parent: a0 }',
  '  - { id: a3, arr: 180000, owner: c0 }',
  '  - { id: a4, arr: 16800 }',
  '',
].join('\n');

describe('parts of a family that the moves bring into one book', () => {
  it('are one unit for the rest of the run, as the next run reads them', async () => {
    const result = rebalance(await loadText(familyMeets, AS_OF));
    expect(result.moves.map((m) => `${m.account} ${m.from} -> ${m.to} ${m.rule}`)).toEqual([
      'a2 c0 -> c1 load',
      'a0 null -> c0 unowned',
    ]);
    // Within the run a2 was swapped for the family a0 + a1, which the run had first given c1. In
    // the moves listed a0 comes to c0 from no owner and c1 gives nothing back, so a2's reason
    // says what the move does for c0's book, and names no swap.
    expect(result.moves[0]?.reason).toContain("brings c0's book toward the team band");
    expect(result.moves[0]?.reason).not.toContain('swapped');
    expect(result.unbalanced).toEqual([]);
    expect(await rebalanceBreaks(familyMeets, AS_OF, new Set(['book-imbalance']))).toEqual([]);
  });

  it('keeps the count of moves left out by --max-moves to the accounts listed', async () => {
    const result = rebalance(await loadText(familyMeets, AS_OF), { maxMoves: 1 });
    expect(result.moves.map((m) => m.account)).toEqual(['a2']);
    expect(result.movesLeft).toBe(1);
  });

  it('are joined when both had to change owner, and a second rebalance proposes nothing', async () => {
    const result = rebalance(await loadText(forcedPartsMeet, AS_OF));
    const after = await loadText(writtenText(forcedPartsMeet, result), AS_OF);
    expect(after.accounts.filter((a) => a.id <= 'a2').map((a) => `${a.id} ${a.owner}`)).toEqual([
      'a0 c0',
      'a1 c0',
      'a2 c0',
    ]);
    // Within the run a3 was swapped for a1 + a2, which the run had first placed on c3. In the
    // moves listed they come to c0 from no owner and from the leaver c1, and c3 gives nothing
    // back, so a3's reason names no swap.
    const a3 = result.moves.find((m) => m.account === 'a3')?.reason;
    expect(a3).toContain("brings c0's book toward the team band");
    expect(a3).not.toContain('swapped');
    expect(await rebalanceBreaks(forcedPartsMeet, AS_OF, new Set(['book-imbalance']))).toEqual([]);
  });
});
