import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_FIELDS,
  accountOf,
  converterFor,
  detectDateOrder,
  parseBoolean,
  parseCount,
  parseDate,
  parseEnum,
  parseMoney,
  SLOT,
} from '../../src/config/csv/cells.js';
import { mapColumns } from '../../src/config/csv/mapping.js';
import { normaliseHeader } from '../../src/config/csv/presets.js';
import { accountSchema } from '../../src/config/schema.js';

describe('money cells', () => {
  it.each([
    ['1250000', 1_250_000],
    ['1,250,000', 1_250_000],
    ['$1,250,000.00', 1_250_000],
    ['USD 1,250,000.00', 1_250_000],
    ['1250000 EUR', 1_250_000],
    ['€410,000', 410_000],
    ['1250000.0', 1_250_000],
    ['62500.50', 62_501],
    ['62500.49', 62_500],
    ['1.25E+06', 1_250_000],
    ['0', 0],
  ])('%s is %i whole dollars', (cell, dollars) => {
    expect(parseMoney(cell)).toMatchObject({ value: dollars });
  });

  it.each([
    ['$1.2M', /abbreviations/],
    ['250k', /abbreviations/],
    ['-500', /negative/],
    ['(500.00)', /negative/],
    ['USD -5', /negative/],
    ['1.250.000,00', /decimal comma/],
    ['1,2345', /expected an amount/],
    ['n/a', /expected an amount/],
  ])('%s is refused', (cell, message) => {
    const result = parseMoney(cell);
    expect(result).toMatchObject({ rule: 'csv-bad-money' });
    expect('message' in result ? result.message : '').toMatch(message);
  });

  it('the fast money reader agrees with parseMoney', () => {
    const cells = [
      '0',
      '7',
      '0.5',
      '0.49',
      '12.',
      '$',
      ',1',
      '1,',
      '1,2',
      '1234,567',
      '$1,250,000.00',
      '$99.995',
    ];
    let seed = 7;
    for (let i = 0; i < 2000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const cents = seed % 100_000_000_000;
      const whole = Math.floor(cents / 100);
      const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
      const decimals = String(cents % 100).padStart(2, '0');
      cells.push(String(whole), grouped, `$${grouped}.${decimals}`, `${whole}.${decimals[0]}`);
    }
    const read = converterFor('arr');
    for (const cell of cells) {
      const fast = read(cell);
      const slow = parseMoney(cell);
      const fastValue = typeof fast === 'object' ? ('rule' in fast ? 'error' : fast.value) : fast;
      expect([cell, fastValue]).toEqual([cell, 'rule' in slow ? 'error' : slow.value]);
    }
  });

  it('names the currency', () => {
    expect(parseMoney('$5')).toEqual({ value: 5, currency: 'USD' });
    expect(parseMoney('£5')).toEqual({ value: 5, currency: 'GBP' });
    expect(parseMoney('5')).toEqual({ value: 5 });
  });
});

describe('other cells', () => {
  it('counts are whole and not negative', () => {
    expect(parseCount('12')).toBe(12);
    expect(parseCount('1,200')).toBe(1200);
    expect(parseCount('12.0')).toBe(12);
    expect(parseCount('12.5')).toMatchObject({ rule: 'csv-bad-number' });
    expect(parseCount('-1')).toMatchObject({
      rule: 'csv-bad-number',
      message: 'cannot be negative',
    });
  });

  it('booleans read checkbox exports', () => {
    for (const yes of ['true', 'TRUE', 'Yes', '1', 'y']) expect(parseBoolean(yes)).toBe(true);
    for (const no of ['false', 'False', 'no', '0', 'N']) expect(parseBoolean(no)).toBe(false);
    expect(parseBoolean('maybe')).toMatchObject({ rule: 'csv-bad-boolean' });
  });

  it('dates are ISO; date-times keep their date; locale dates need an order', () => {
    expect(parseDate('2027-03-31')).toBe('2027-03-31');
    expect(parseDate('2026-10-02T14:21:07.000Z')).toBe('2026-10-02');
    expect(parseDate('2024-01-15 10:32')).toBe('2024-01-15');
    expect(parseDate('2027-02-30')).toMatchObject({
      rule: 'csv-bad-date',
      message: 'not a real calendar date',
    });
    expect(parseDate('3/31/2027')).toMatchObject({
      rule: 'csv-bad-date',
      message: expect.stringContaining('set date_order under accounts'),
    });
  });

  it('locale dates read in the order given, with or without a time after them', () => {
    expect(parseDate('3/4/2027', 'month-first')).toBe('2027-03-04');
    expect(parseDate('3/4/2027', 'day-first')).toBe('2027-04-03');
    expect(parseDate('12/31/2027 9:14 AM', 'month-first')).toBe('2027-12-31');
    expect(parseDate('31.12.2027', 'day-first')).toBe('2027-12-31');
    expect(parseDate('29/2/2028', 'day-first')).toBe('2028-02-29');
    // 29 February 2027 does not exist; 31/3 read month-first is month 31.
    expect(parseDate('2/29/2027', 'month-first')).toMatchObject({ rule: 'csv-bad-date' });
    expect(parseDate('31/3/2027', 'month-first')).toMatchObject({
      message: expect.stringContaining('when read month-first'),
    });
    expect(parseDate('3/4/27', 'month-first')).toMatchObject({
      message: 'write the year in full (2027, not 27)',
    });
    expect(parseDate('31.12.2027 14:00:05 CET', 'day-first')).toBe('2027-12-31');
    expect(parseDate('3/31/2027, 9:14 PM', 'month-first')).toBe('2027-03-31');
  });

  it('a locale date is the date alone or with a time: other text after it is not read', () => {
    for (const cell of ['3/31/2027 - 4/15/2027', '3/31/2027 (est.)', '3/31/2027,', '3/31.2027']) {
      expect(parseDate(cell, 'month-first')).toMatchObject({
        message: 'expected a date written YYYY-MM-DD',
      });
    }
  });

  it('says where an order came from when a date does not fit it', () => {
    expect(parseDate('25/1/2026', 'month-first', 'detected')).toMatchObject({
      message:
        'not a real calendar date when read month-first (the order csplan found in the file; set date_order under accounts if that is wrong)',
    });
    expect(parseDate('25/1/2026', 'month-first', 'date_order')).toMatchObject({
      message: 'not a real calendar date when read month-first (date_order)',
    });
  });

  it('the order is told by the first date with a number above 12, else unknown', () => {
    expect(detectDateOrder(['2027-01-01', '3/4/2027', '3/14/2027', '31/3/2027'])).toBe(
      'month-first',
    );
    expect(detectDateOrder(['3/4/2027', ' 14/3/2027 '])).toBe('day-first');
    expect(detectDateOrder(['3/4/2027', '12/12/2027', '2027-12-31'])).toBeUndefined();
    // The reader's own trim: a no-break space (Excel) or a figure space around it is not part of it.
    expect(detectDateOrder(['\u00a03/31/2027'])).toBe('month-first');
    expect(detectDateOrder(['3/31/2027\u2007'])).toBe('month-first');
  });

  it('picklists ignore case, spaces and underscores', () => {
    expect(parseEnum('health', 'Green')).toBe('green');
    expect(parseEnum('segment', 'Mid Market')).toBe('mid-market');
    expect(parseEnum('segment', 'self_serve')).toBe('self-serve');
    expect(parseEnum('complexity', 'extreme')).toMatchObject({ rule: 'csv-bad-value' });
  });
});

describe('the fast path agrees with accountSchema', () => {
  const rows: Record<string, string>[] = [
    {
      id: 'a',
      arr: '$1,250,000.00',
      health: 'Red',
      regulated: 'Yes',
      renewal_date: '2027-01-31T00:00:00Z',
    },
    {
      id: '42',
      arr: '0',
      stakeholders: '1,200',
      implementation_days: '90.0',
      segment: 'SMB',
      strategic: '0',
    },
    {
      id: 'x',
      name: 'Globex, Inc.',
      arr: '99',
      owner: 'dana',
      complexity: 'HIGH',
      industry: 'Tech',
      region: 'EMEA',
      timezone: 'Europe/Berlin',
      language: 'de',
      last_negative_event: '2026-10-01',
    },
  ];

  it.each(rows)('row %#: every value it produces passes the schema unchanged', (row) => {
    const values: (string | number | boolean | undefined)[] = new Array(ACCOUNT_FIELDS.length);
    for (const [field, cell] of Object.entries(row)) {
      const value = converterFor(field as (typeof ACCOUNT_FIELDS)[number])(cell);
      if (typeof value === 'object' && 'rule' in value)
        throw new Error(`${field}: ${value.message}`);
      values[SLOT[field as (typeof ACCOUNT_FIELDS)[number]]] =
        typeof value === 'object' ? value.value : value;
    }
    const account = accountOf(values);
    const parsed = accountSchema.parse(account);
    expect(parsed).toEqual(account);
    // Only the cells given become values; the rest stay undefined.
    expect(
      Object.entries(account)
        .filter(([, v]) => v !== undefined)
        .map(([k]) => k)
        .sort(),
    ).toEqual(Object.keys(row).sort());
  });

  it('knows every field of the schema', () => {
    expect(ACCOUNT_FIELDS).toEqual(Object.keys(accountSchema.shape));
    expect(Object.keys(accountOf([]))).toEqual(ACCOUNT_FIELDS);
  });
});

describe('headers', () => {
  it('compare without case, spaces, punctuation or a __c suffix', () => {
    expect(normaliseHeader('Account Owner')).toBe(normaliseHeader('ACCOUNT_OWNER'));
    expect(normaliseHeader('ARR__c')).toBe('arr');
    expect(normaliseHeader('Owner.Name')).toBe(normaliseHeader('Owner Name'));
  });

  it('HubSpot labels map, Annual Revenue never becomes ARR', () => {
    const mapping = mapColumns(
      [
        'Record ID',
        'Company name',
        'Company owner',
        'Annual Revenue',
        'Country/Region',
        'Number of Employees',
      ],
      { preset: 'hubspot' },
    );
    expect(mapping.columns.map((c) => [c.field, c.header, c.source])).toEqual([
      ['id', 'Record ID', 'preset'],
      ['name', 'Company name', 'preset'],
      ['owner', 'Company owner', 'preset'],
      ['region', 'Country/Region', 'preset'],
      ['employees', 'Number of Employees', 'preset'],
    ]);
    expect(mapping.problems.map((p) => p.kind)).toEqual(['required-missing']);
    expect(mapping.ignored).toEqual([
      { header: 'Annual Revenue', index: 3, reason: "the customer's own revenue, not ARR" },
    ]);
  });
});
