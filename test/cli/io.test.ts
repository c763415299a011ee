import { describe, expect, it } from 'vitest';
import { pieces } from '../../src/cli/io.js';

describe('pieces: large output written a piece at a time', () => {
  it('returns a short text whole', () => {
    expect([...pieces('abc', 4)]).toEqual(['abc']);
    expect([...pieces('', 4)]).toEqual(['']);
  });

  it('cuts a long text into pieces of the given size that join back to it', () => {
    expect([...pieces('abcdefghij', 4)]).toEqual(['abcd', 'efgh', 'ij']);
    expect([...pieces('abcdefgh', 4)]).toEqual(['abcd', 'efgh']);
  });

  it('never splits a surrogate pair, so each piece is valid UTF-16 on its own', () => {
    // '😀' is two UTF-16 units; at 3..4 it would straddle the cut after 4 units.
    const text = 'abc😀defgh';
    const out = [...pieces(text, 4)];
    expect(out).toEqual(['abc', '😀de', 'fgh']);
    expect(out.join('')).toBe(text);
    expect(Buffer.concat(out.map((p) => Buffer.from(p))).toString()).toBe(text);
  });
});
