import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  didYouMean,
  editDistance,
  MAX_SUGGEST_LENGTH,
  MAX_SUGGESTED_WORDS,
  suggester,
  suggestion,
} from '../../src/core/did-you-mean.js';

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

describe('bounded did-you-mean', () => {
  it('the banded distance equals the full one up to the bound, and is bound + 1 past it', () => {
    const word = fc.stringMatching(/^[abc]{0,12}$/);
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 6 }), (a, b, max) => {
        const full = editDistance(a, b);
        expect(editDistance(a, b, max)).toBe(full <= max ? full : max + 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('suggests nothing for words longer than MAX_SUGGEST_LENGTH, without comparing them', () => {
    const long = 'a'.repeat(MAX_SUGGEST_LENGTH + 1);
    expect(didYouMean(long, [`${long}b`])).toBeUndefined();
    expect(didYouMean('a'.repeat(MAX_SUGGEST_LENGTH), ['a'.repeat(MAX_SUGGEST_LENGTH - 1)])).toBe(
      'a'.repeat(MAX_SUGGEST_LENGTH - 1),
    );
  });

  it('a suggester looks each word up once and stops after MAX_SUGGESTED_WORDS different words', () => {
    const suggest = suggester(['owner']);
    for (let i = 0; i < MAX_SUGGESTED_WORDS; i++) suggest(`word-${i}`);
    expect(suggest('onwer')).toBe('');
    expect(suggester(['owner'])('onwer')).toBe(' (did you mean "owner"?)');
  });
});
