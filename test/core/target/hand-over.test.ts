/**
 * A move the target plans that can only happen after a hire says so: the mover hands over a
 * complex account and every other CSM who serves it is junior (issue 18). The rebalance then
 * holds the move (`move-waits`), as the target's words say.
 */
import { describe, expect, it } from 'vitest';
import { planOrg } from '../../../src/core/plan.js';
import { rebalance } from '../../../src/core/rebalance/index.js';
import { redeploymentLines } from '../../../src/render/text.js';
import { AS_OF } from '../../helpers/org.js';
import { loadText } from '../../helpers/rebalance-invariants.js';

/** s1 (mid-level) holds 2 complex accounts and 8 others; j1-j3 hold 10 each; j3's level given. */
function org(j3: 'junior' | 'mid'): string {
  const books = [
    '  - { id: cx-1, arr: 30000, complexity: high, owner: s1 }',
    '  - { id: cx-2, arr: 30000, complexity: high, owner: s1 }',
  ];
  const owned = (owner: string, count: number) =>
    Array.from(
      { length: count },
      (_, i) => `  - { id: ${owner}-${i + 1}, arr: 30000, owner: ${owner} }`,
    );
  books.push(...owned('s1', 8), ...owned('j1', 10), ...owned('j2', 10), ...owned('j3', 10));
  return [
    `version: 1\ncompany:\n  name: Complex\n  as_of: ${AS_OF}`,
    'policy:\n  cs_ops_at_csms: 2',
    'team:',
    '  - { id: vp, role: vp-cs }',
    '  - { id: s1, role: csm, seniority: mid, reports_to: vp }',
    '  - { id: j1, role: csm, seniority: junior, reports_to: vp }',
    '  - { id: j2, role: csm, seniority: junior, reports_to: vp }',
    `  - { id: j3, role: csm, seniority: ${j3}, reports_to: vp }`,
    'accounts:',
    ...books,
    '',
  ].join('\n');
}

// 40 mid-market accounts at $30k, 2 of them complex (x1.3): max((38 + 2 x 1.3) / 57.5,
// $1.2M / $2M) = max(0.71, 0.6) = 0.71 FTE for 4 CSMs: 3 beyond the work. 4 CSMs reach
// cs_ops_at_csms (2): a CS Ops seat, filled before any hire by a spare CSM who is not junior.
describe('a move into a function that hands over complex accounts', () => {
  it('waits for a senior or mid-level CSM when every other CSM is junior, and says so', async () => {
    // s1 is the only one not junior: s1 moves. cx-1 and cx-2 can go to no junior CSM.
    const loaded = await loadText(org('junior'), AS_OF);
    const plan = planOrg(loaded);
    expect(plan.target.roleMoves.map((m) => [m.id, m.role])).toEqual([['s1', 'cs-ops']]);
    expect(plan.target.roleMoves[0]?.waitsForHire).toBe(
      'waits for a senior or mid-level CSM: s1 hands over 2 complex accounts and every other CSM who serves them is junior; `csplan rebalance` keeps the whole book with s1 until then',
    );
    expect(redeploymentLines(plan)[0]).toMatch(
      /\. The move waits for a senior or mid-level CSM: s1 hands over 2 complex accounts/,
    );
    // The rebalance holds the whole book, as the target says.
    const result = rebalance(loaded);
    expect(result.moves).toEqual([]);
    expect(result.unbalanced.find((u) => u.csm === 's1')?.limit).toBe('move-waits');
  });

  it('says nothing of a hire when a mid-level CSM can take them', async () => {
    // j3 is mid-level too; s1 and j3 tie on all but file order (10 accounts each): s1 moves,
    // and j3 may take the complex accounts.
    const loaded = await loadText(org('mid'), AS_OF);
    const plan = planOrg(loaded);
    expect(plan.target.roleMoves.map((m) => [m.id, m.waitsForHire])).toEqual([['s1', undefined]]);
    expect(rebalance(loaded).unbalanced.filter((u) => u.limit === 'move-waits')).toEqual([]);
  });
});
