/**
 * How `State` makes units of accounts: an id written twice with one owner is one unit, and so is
 * a family (`parent`), whether or not the ids come sorted (sorted ids with no parent skip the map
 * of every id, as they cannot repeat).
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/analysis.js';
import { State } from '../../../src/core/rebalance/state.js';
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
