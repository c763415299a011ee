/**
 * Planted instances for `csplan rebalance` (issue 10): books balanced by construction, then
 * perturbed by k random moves inside a team (none touching a locked or frozen account). A good
 * rebalance brings the largest book back to <= 1.02x the planted largest book, with <= 1.1x k
 * moves. Used by `npm run bench` and by test/core/rebalance/planted.test.ts.
 */

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Load of a $arr mid-market account at the default targets: max(1/57.5, arr/$2M). */
const load = (arr) => Math.max(1 / 57.5, arr / 2_000_000);

/**
 * `accounts` mid-market accounts shared by CSMs whose books are balanced near 97% of a target
 * book; `locked` and `frozen` shares of accounts are pinned and never perturbed.
 * Returns the org YAML, the planted largest loadShare and the number of perturbing moves.
 */
export function plantedOrg(accounts, k, seed = 1) {
  const random = mulberry32(seed * 7919 + accounts);
  const list = [];
  let total = 0;
  for (let i = 0; i < accounts; i++) {
    const arr = Math.round((25_000 + 74_000 * random()) / 100) * 100;
    const roll = random();
    list.push({ id: `a${i + 1}`, arr, locked: roll < 0.03, frozen: roll >= 0.03 && roll < 0.08 });
    total += load(arr);
  }
  const csms = Math.max(2, Math.round(total / 0.97));
  // Largest first onto the lightest book: near-equal planted books.
  const books = Array.from({ length: csms }, (_, i) => ({ id: `c${i + 1}`, load: 0, list: [] }));
  for (const account of [...list].sort((a, b) => b.arr - a.arr || (a.id < b.id ? -1 : 1))) {
    let best = books[0];
    for (const book of books) if (book.load < best.load) best = book;
    best.load += load(account.arr);
    best.list.push(account);
    account.owner = best.id;
  }
  const plantedMax = Math.max(...books.map((b) => b.load));
  // k random moves, each of a movable account to another CSM.
  let done = 0;
  for (let guard = 0; done < k && guard < k * 100; guard++) {
    const account = list[Math.floor(random() * list.length)];
    if (account.locked || account.frozen) continue;
    const to = books[Math.floor(random() * books.length)];
    if (to.id === account.owner) continue;
    account.owner = to.id;
    done++;
  }
  const lines = [
    'version: 1',
    'company: { name: Planted, as_of: 2026-11-23 }',
    'team:',
    ...books.map((b) => `  - { id: ${b.id}, role: csm, segment: mid-market }`),
    'accounts:',
    ...list.map(
      (a) =>
        `  - { id: ${a.id}, arr: ${a.arr}, owner: ${a.owner}${a.locked ? ', locked: true' : ''}${a.frozen ? ', renewal_date: 2026-12-20' : ''} }`,
    ),
  ];
  return { yaml: `${lines.join('\n')}\n`, plantedMax, moves: done, csms };
}
