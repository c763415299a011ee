import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatFte,
  formatMoney,
  formatMoneyApart,
  formatPct,
  ordinal,
  plural,
} from '../../src/core/money.js';

describe('money and numbers, whatever the locale', () => {
  it.each([
    [0, '$0'],
    [950, '$950'],
    [999.6, '$1k'],
    [4_800, '$4.8k'],
    [480_000, '$480k'],
    [999_999, '$1M'],
    [1_250_000, '$1.3M'],
    [16_900_000, '$16.9M'],
    [999_999_999, '$1B'],
    [2_000_000_000, '$2B'],
    [999_999_999_999, '$1T'],
    [1_000_000_000_000, '$1T'],
    [2_500_000_000_000, '$2.5T'],
    [-60_000, '-$60k'],
  ])('formatMoney(%d) = %s', (value, text) => {
    expect(formatMoney(value)).toBe(text);
  });

  it('groups thousands with commas and rounds FTE to a tenth', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatFte(2.04)).toBe('2');
    expect(formatFte(0.04)).toBe('<0.1');
    expect(formatFte(1.25)).toBe('1.3');
    expect(formatPct(0.855)).toBe('86%');
    expect(plural(1, 'account')).toBe('1 account');
    expect(plural(1200, 'account')).toBe('1,200 accounts');
  });
});

describe('ordinal', () => {
  it('writes English ordinals, with the teens as th', () => {
    expect([1, 2, 3, 4, 5, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '5th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
    ]);
  });
});

describe('formatMoneyApart', () => {
  it('keeps the short form when it already tells the amounts apart', () => {
    expect(formatMoneyApart([480_000, 1_200_000])).toEqual(['$480k', '$1.2M']);
  });

  it('adds decimals until different amounts read differently, never "$2M" twice', () => {
    // 1,960,000 and 2,040,000 both round to $2M at one decimal; two decimals tell them apart.
    expect(formatMoneyApart([1_960_000, 2_040_000])).toEqual(['$1.96M', '$2.04M']);
    // Equal amounts stay equal; trailing zeros are dropped.
    expect(formatMoneyApart([2_000_000, 2_000_000, 2_010_000])).toEqual(['$2M', '$2M', '$2.01M']);
  });

  it('falls back to whole dollars when four decimals are not enough', () => {
    expect(formatMoneyApart([2_000_000, 2_000_040])).toEqual(['$2,000,000', '$2,000,040']);
  });
});
