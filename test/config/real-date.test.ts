/**
 * isRealDate checks calendar dates by arithmetic; the Date object it replaced is the reference:
 * both agree on every YYYY-MM-DD with months 00-13 and days 00-32 over the years that matter.
 */
import { describe, expect, it } from 'vitest';
import { isRealDate } from '../../src/config/schema.js';

/** The previous check: a date is real when Date.UTC gives back the same year, month and day. */
function byDateObject(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

describe('isRealDate', () => {
  it('agrees with the Date object on every month and day, in leap and common years', () => {
    const years = [
      ...Array.from({ length: 121 }, (_, i) => i),
      ...Array.from({ length: 203 }, (_, i) => 1899 + i),
      ...Array.from({ length: 10 }, (_, i) => 9990 + i),
    ];
    const disagreements: string[] = [];
    for (const year of years) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const value = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          if (isRealDate(value) !== byDateObject(value)) disagreements.push(value);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('knows the leap years by the Gregorian rule', () => {
    // 2024: divisible by 4; 1900: by 100 but not 400; 2000: by 400.
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('1900-02-29')).toBe(false);
    expect(isRealDate('2000-02-29')).toBe(true);
    expect(isRealDate('2026-02-30')).toBe(false);
    expect(isRealDate('2026-04-31')).toBe(false);
    expect(isRealDate('2026-4-3')).toBe(false);
  });
});
