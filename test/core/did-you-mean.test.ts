import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, suggestion } from '../../src/core/did-you-mean.js';

describe('editDistance (optimal string alignment)', () => {
  it('counts a swap of two neighbouring letters as one edit', () => {
    expect(editDistance('onwer', 'owner')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('reprots_to', 'reports_to')).toBe(1);
  });

  it('counts insertions, deletions and substitutions as one edit each', () => {
    expect(editDistance('ownr', 'owner')).toBe(1);
    expect(editDistance('owners', 'owner')).toBe(1);
    expect(editDistance('ovner', 'owner')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('does not edit a swapped pair again (OSA, not full Damerau): "ca" to "abc" is 3', () => {
    expect(editDistance('ca', 'abc')).toBe(3);
  });
});

describe('didYouMean', () => {
  it('finds a transposed key', () => {
    expect(didYouMean('onwer', ['id', 'name', 'arr', 'owner', 'health'])).toBe('owner');
    expect(suggestion('helath', ['health', 'owner'])).toBe(' (did you mean "health"?)');
  });

  it('suggests nothing when every candidate is far off', () => {
    expect(didYouMean('x', ['owner', 'health'])).toBeUndefined();
    expect(suggestion('zzzzz', ['owner'])).toBe('');
  });
});
