/**
 * How `State` makes units of accounts: an id written twice with one owner is one unit, and so is
 * a family (`parent`), whether or not the ids come sorted (sorted ids with no parent skip the map
 * of every id, as they cannot repeat); and parts of a family joined in one book during a run are
 * the unit a fresh load of those books makes.
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/analysis.js';
import { type Book, State, type Unit } from '../../../src/core/rebalance/state.js';
import { orgFrom } from '../../helpers/org.js';

/** Each unit's account ids, joined by '+', for accounts written as `id` or `id<parent`. */
async function unitsOf(accounts: string[]): Promise<string[]> {
  const rows = accounts.map((spec) => {
    const [id, parent] = spec.split('<');
    return `  - { id: ${id}, arr: 1000, owner: ann${parent ? `, parent: ${parent}` : ''} }`;
  });
  const org = await orgFrom(`team:\n  - { id: ann, role: csm }\naccounts:\n${rows.join('\n')}\n`);
  const state = new State(analyse(org), new Map(), 30);
  return state.units.map((u) => u.accounts.map((p) => p.account.id).join('+'));
}

describe('units of accounts', () => {
  it('are one per account when the ids are sorted and name no parent', async () => {
    expect(await unitsOf(['a1', 'a2', 'a3'])).toEqual(['a1', 'a2', 'a3']);
  });

  it('make one unit of an id written twice, sorted or not', async () => {
    expect(await unitsOf(['b', 'a', 'b'])).toEqual(['b+b', 'a']);
    expect(await unitsOf(['a', 'b', 'b'])).toEqual(['a', 'b+b']);
  });

  it('make one unit of a family, sorted or not', async () => {
    expect(await unitsOf(['a', 'b<a', 'c'])).toEqual(['a+b', 'c']);
    expect(await unitsOf(['c', 'b<c', 'a'])).toEqual(['c+b', 'a']);
  });
});

/**
 * A family whose parts the file gives to ann, bob and nobody: the child c2 comes first in the
 * file (it speaks for the unit only if the top account p is not in it), p is in EMEA and renews
 * soonest among them, c1 is red and complex, c2 is locked.
 */
const family = (owners: [string, string, string]) =>
  [
    'team:\n  - { id: ann, role: csm }\n  - { id: bob, role: csm }',
    'accounts:',
    `  - { id: c2, arr: 30000, parent: p, health: yellow, locked: true, renewal_date: 2027-06-01${owners[2]} }`,
    `  - { id: p, arr: 400000, region: EMEA, language: de, health: green, renewal_date: 2027-03-01${owners[0]} }`,
    `  - { id: c1, arr: 120000, parent: p, health: red, complexity: high, renewal_date: 2027-04-01${owners[1]} }`,
    '  - { id: x, arr: 50000, owner: ann }',
    '',
  ].join('\n');

/** The unit's fields a rebalance reads, and its loads. */
function fieldsOf(state: State, unit: Unit) {
  const { holder, order, parts, joined, fileOwner, ...fields } = unit;
  const { a, r, aMax, rMax, size } = state.loads;
  return {
    ...fields,
    accounts: unit.accounts.map((p) => p.account.id),
    loads: [a, r, aMax, rMax, size].map((l) => (l[order] as number).toFixed(12)),
  };
}

describe('a join of the parts of a family in one book', () => {
  it('makes the unit a fresh load of the books makes, and a split gives the parts back', async () => {
    const apart = new State(
      analyse(await orgFrom(family([', owner: ann', ', owner: bob', '']))),
      new Map(),
      30,
    );
    const together = new State(
      analyse(await orgFrom(family([', owner: ann', ', owner: ann', ', owner: ann']))),
      new Map(),
      30,
    );
    const ann = apart.books.get('ann') as Book;
    const bob = apart.books.get('bob') as Book;
    const [c2, p, c1] = apart.units;
    apart.move(c1 as Unit, ann);
    apart.move(c2 as Unit, ann);
    const joined = apart.join([c2, p, c1] as Unit[], () => 0);
    const fresh = together.units[0] as Unit;
    expect(fieldsOf(apart, joined)).toEqual(fieldsOf(together, fresh));
    expect(fieldsOf(apart, joined).accounts).toEqual(['c2', 'p', 'c1']);
    expect(joined.region).toBe('EMEA');
    expect([...ann.units]).toEqual([apart.units[3], joined]);
    // Running sums, added in another order than a fresh load's: equal to 12 places.
    const sums = (b: Book) =>
      [b.a, b.r, b.count, b.arr, b.scored, b.atRisk, b.complexCount].map((n) => n.toFixed(12));
    expect(sums(ann)).toEqual(sums(together.books.get('ann') as Book));
    expect(bob.count).toBe(0);
    expect(apart.split(joined)).toEqual([c2, p, c1]);
    expect([...ann.units].map((u) => u.key)).toEqual(['x', 'p', 'p', 'p']);
    expect(sums(ann)).toEqual(sums(together.books.get('ann') as Book));
  });
});

describe('when a book last lost a unit (Book.freedAt)', () => {
  it('moves with a loss only: a book that only gains keeps it', async () => {
    const org = await orgFrom(
      'team:\n  - { id: ann, role: csm }\n  - { id: bob, role: csm }\naccounts:\n' +
        '  - { id: a1, arr: 1000, owner: ann }\n  - { id: b1, arr: 1000, owner: bob }\n',
    );
    const state = new State(analyse(org), new Map(), 30);
    const ann = state.books.get('ann');
    const bob = state.books.get('bob');
    const a1 = state.units.find((u) => u.key === 'a1');
    if (!ann || !bob || !a1) throw new Error('fixture');
    // Placing the file's owners only adds: nobody has lost a unit yet.
    expect([ann.freedAt, bob.freedAt]).toEqual([0, 0]);
    state.move(a1, bob);
    // ann lost a1 at that change; bob only gained.
    expect(ann.freedAt).toBe(ann.changedAt);
    expect(bob.freedAt).toBe(0);
    const lost = ann.freedAt;
    state.move(a1, ann);
    // Back again: now bob lost it, and ann's gain leaves her last loss where it was.
    expect(bob.freedAt).toBe(bob.changedAt);
    expect(ann.freedAt).toBe(lost);
    expect(ann.changedAt).toBeGreaterThan(lost);
  });
});
