import { describe, expect, it } from 'vitest';
import {
  parseBandArr,
  parseCount,
  parseDate,
  parseId,
  parseMoney,
  parseName,
  parseOptionalDate,
  parsePercent,
  slugify,
  uniqueId,
  validator,
} from '../../../src/cli/init/parse.js';

const value = <T>(parsed: { ok: true; value: T } | { ok: false; message: string }) =>
  parsed.ok ? parsed.value : `error: ${parsed.message}`;

describe('parseMoney', () => {
  it.each([
    ['30000', 30_000],
    ['30k', 30_000],
    ['30K', 30_000],
    ['$30k', 30_000],
    ['1.2M', 1_200_000],
    ['1.15m', 1_150_000],
    ['$1,250,000.00', 1_250_000],
    ['1 200 000', 1_200_000],
    ['1_200', 1_200],
    ['  45000 ', 45_000],
    ['0', 0],
    ['2B', 2_000_000_000],
  ])('reads %s as %d', (text, expected) => {
    expect(value(parseMoney(text))).toBe(expected);
  });

  it.each([
    ['', /type an amount/],
    ['-5', /negative/],
    ['abc', /not an amount/],
    ['30000.50', /whole dollars/],
    ['1.2345k', /whole dollars/],
    ['1,2', /not an amount/],
    ['12 apples', /not an amount/],
  ])('rejects "%s"', (text, message) => {
    const parsed = parseMoney(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});

describe('parseCount', () => {
  it('reads whole numbers people type', () => {
    expect(value(parseCount('12'))).toBe(12);
    expect(value(parseCount('1,200'))).toBe(1200);
    expect(value(parseCount('2k'))).toBe(2000);
    expect(value(parseCount(' 0 '))).toBe(0);
  });

  it('says what is wrong', () => {
    expect(value(parseCount(''))).toMatch(/whole number/);
    expect(value(parseCount('-3'))).toMatch(/0 or more/);
    expect(value(parseCount('2.5'))).toMatch(/without decimals/);
    expect(value(parseCount('many'))).toMatch(/not a number/);
    expect(value(parseCount('0', { min: 1 }))).toMatch(/1 or more/);
  });
});

describe('parsePercent', () => {
  it('reads percentages with or without %', () => {
    expect(value(parsePercent('40'))).toBe(40);
    expect(value(parsePercent('40 %'))).toBe(40);
    expect(value(parsePercent('-10%'))).toBe(-10);
    expect(value(parsePercent('12.5'))).toBe(12.5);
  });

  it('rejects what is not a percentage', () => {
    expect(value(parsePercent('forty'))).toMatch(/not a percentage/);
    expect(value(parsePercent('-150'))).toMatch(/more than 100%/);
  });
});

describe('parseDate', () => {
  const today = '2026-03-15';
  it('accepts real dates, past and planned', () => {
    expect(value(parseDate('2025-11-03', today))).toBe('2025-11-03');
    expect(value(parseDate('2026-05-01', today))).toBe('2026-05-01');
    expect(value(parseDate('2024-02-29', today))).toBe('2024-02-29');
  });

  it('rejects other shapes, impossible days and unlikely years', () => {
    expect(value(parseDate('3/15/2026', today))).toMatch(/YYYY-MM-DD, e.g. 2026-03-15/);
    expect(value(parseDate('2026-02-30', today))).toMatch(/not a real calendar date/);
    expect(value(parseDate('2025-02-29', today))).toMatch(/not a real calendar date/);
    expect(value(parseDate('1899-12-31', today))).toMatch(/before 1900/);
    expect(value(parseDate('2029-01-01', today))).toMatch(/two years ahead/);
  });

  it('treats an empty optional date as not given', () => {
    expect(parseOptionalDate('  ', today)).toEqual({ ok: true, value: undefined });
    expect(value(parseOptionalDate('2026-13-01', today))).toMatch(/not a real/);
  });
});

describe('ids and names', () => {
  it('slugifies names, accents and all', () => {
    expect(slugify('Ana María López')).toBe('ana-maria-lopez');
    expect(slugify("  O'Brien, Jr. ")).toBe('o-brien-jr');
    expect(slugify('北京')).toBe('person');
    expect(slugify('北京', 'founder')).toBe('founder');
  });

  it('makes derived ids unique', () => {
    expect(uniqueId('Ana', new Set())).toBe('ana');
    expect(uniqueId('Ana', new Set(['ana', 'ana-2']))).toBe('ana-3');
  });

  it('checks typed ids', () => {
    const taken = new Set(['ana']);
    expect(value(parseId('ben', taken))).toBe('ben');
    expect(value(parseId('ana', taken))).toMatch(/already taken/);
    expect(value(parseId('Ben Smith', taken))).toMatch(/lower-case letters/);
    expect(value(parseId('', taken))).toMatch(/type an id/);
  });

  it('requires a name and tidies spaces', () => {
    expect(value(parseName('  Acme   Corp '))).toBe('Acme Corp');
    expect(value(parseName('   ', 'the company name'))).toBe('error: type the company name');
  });
});

describe('parseBandArr', () => {
  const midMarket = { min: 25_000, max: 100_000 };
  it('accepts an amount inside the band', () => {
    expect(value(parseBandArr('40k', midMarket))).toBe(40_000);
    expect(value(parseBandArr('25000', midMarket))).toBe(25_000);
  });

  it('catches the classic typo of dollars for thousands', () => {
    expect(value(parseBandArr('40', midMarket))).toBe(
      'error: $40 is below this band (from $25k): did you mean 40k?',
    );
  });

  it('rejects amounts outside the band and zero', () => {
    expect(value(parseBandArr('100k', midMarket))).toMatch(/above this band \(under \$100k\)/);
    expect(value(parseBandArr('0', midMarket))).toMatch(/above 0/);
    expect(value(parseBandArr('5M', { min: 500_000 }))).toBe(5_000_000);
  });
});

it('validator turns a parser into an inquirer validate function', () => {
  const validate = validator((text) => parseCount(text));
  expect(validate('3')).toBe(true);
  expect(validate('x')).toMatch(/not a number/);
});
