import { describe, expect, it } from 'vitest';
import { accountList } from '../../../src/core/rules/ids.js';

const account = (id: string, name?: string) => (name === undefined ? { id } : { id, name });

describe('accountList', () => {
  it('names the first five accounts and counts the rest', () => {
    // 7 accounts, 5 shown: 7 - 5 = 2 more.
    const list = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'].map((id) => account(id));
    expect(accountList(list)).toBe('"a1", "a2", "a3", "a4", "a5" and 2 more');
  });

  it('labels an account by its name beside its id, and by its id alone when the name is the id', () => {
    expect(accountList([account('001', 'Acme'), account('beta', 'beta')])).toBe(
      '"Acme" (001) and "beta"',
    );
  });

  it('lists as many as it is allowed, whole when they fit', () => {
    const list = ['x', 'y', 'z'].map((id) => account(id));
    expect(accountList(list, 3)).toBe('"x", "y" and "z"');
    expect(accountList(list, 2)).toBe('"x", "y" and 1 more');
    expect(accountList([])).toBe('');
  });
});
