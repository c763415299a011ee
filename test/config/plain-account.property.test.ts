/**
 * isPlainAccount (src/config/plain-account.ts) against accountSchema: an item it accepts is one
 * zod accepts and returns with the same fields and values; everything else it declines. The JSON
 * accounts reader, which uses it, is compared whole with a copy of itself that runs zod on every
 * row: the same accounts, the same located diagnostics, the same stats. Items:
 * each field drawn from valid values, near misses zod reads differently (`Green`, a numeric id,
 * a float, a negative count, 2023-02-29, null) and keys outside the schema. The suite runs a few
 * hundred cases; `npm run fuzz` runs FUZZ_RUNS (default 10000), and FUZZ_SEED replays a failure.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { readJsonAccounts } from '../../src/config/csv/read-json.js';
import { isPlainAccount } from '../../src/config/plain-account.js';
import { accountSchema, type TeamMemberInput } from '../../src/config/schema.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const options = { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) };

/** Values no field of an account takes as they are. */
const misfit = fc.constantFrom<unknown>(
  null,
  '',
  ' ',
  'Green',
  'RED',
  'Mid Market',
  'mid_market',
  '2023-02-29',
  '2024-13-01',
  '0099-01-01',
  '2024-1-01',
  '2024-01-01T00:00:00Z',
  '١٢٣٤-٠١-٠١',
  '1200000',
  '$1.2M',
  0.5,
  -1,
  -0,
  1e12 + 1,
  10_000_001,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  42,
  true,
  [],
  {},
);

const text = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('Acme', 'EMEA', 'a'));
const idText = fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom('acct-1', 'x'));
const count = fc.oneof(fc.nat({ max: 10_000_000 }), fc.constantFrom(0, 10_000_000));
const money = fc.oneof(fc.nat(), fc.constantFrom(0, 1_000_000_000_000));
const date = fc.oneof(
  fc
    .date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2024-02-29', '2100-02-28', '0100-01-01'),
);

/** Each field's valid values. */
const FIELDS: Record<string, fc.Arbitrary<unknown>> = {
  id: idText,
  name: text,
  arr: money,
  owner: idText,
  health: fc.constantFrom('green', 'yellow', 'red'),
  complexity: fc.constantFrom('low', 'medium', 'high'),
  industry: text,
  region: text,
  employees: count,
  timezone: text,
  language: text,
  stakeholders: count,
  implementation_days: count,
  regulated: fc.boolean(),
  segment: fc.constantFrom('strategic', 'enterprise', 'mid-market', 'smb', 'self-serve'),
  strategic: fc.boolean(),
  renewal_date: date,
  last_negative_event: date,
  locked: fc.boolean(),
  parent: idText,
};

/**
 * An item: id, arr and some other fields, all valid; in about half of the items one field holds a
 * misfit instead, and in about a fifth there is a key outside the schema.
 */
const item = fc
  .tuple(
    fc.subarray(Object.keys(FIELDS).filter((key) => key !== 'id' && key !== 'arr')),
    fc.record(FIELDS),
    fc.oneof(fc.constant(undefined), fc.tuple(fc.constantFrom(...Object.keys(FIELDS)), misfit)),
    fc.oneof(
      { weight: 4, arbitrary: fc.constant(undefined) },
      fc.constantFrom('nmae', 'owner_id', '__proto__', 'toString'),
    ),
  )
  .map(([keys, valid, misfitField, stray]) => {
    const fields: Record<string, unknown> = {};
    for (const key of ['id', 'arr', ...keys]) fields[key] = valid[key];
    if (misfitField) fields[misfitField[0]] = misfitField[1];
    // defineProperty: an own `__proto__` key, as JSON.parse and yaml can produce.
    if (stray) Object.defineProperty(fields, stray, { value: 1, enumerable: true });
    return fields;
  });

describe('isPlainAccount', () => {
  it('accepts only items zod returns with the same fields and values', () => {
    let accepted = 0;
    fc.assert(
      fc.property(item, (candidate) => {
        if (!isPlainAccount(candidate)) return;
        accepted++;
        const parsed = accountSchema.safeParse(candidate);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toStrictEqual(candidate);
      }),
      options,
    );
    // Not vacuous: a good share of the generated items is accepted.
    expect(accepted).toBeGreaterThan(RUNS / 5);
  });

  it('accepts a complete account as the generated org files write it', () => {
    const account = {
      id: 'acct-000001',
      name: 'Vertex Systems, LLC',
      arr: 3500,
      owner: 'csm-1',
      health: 'yellow',
      complexity: 'high',
      industry: 'Fintech',
      region: 'EMEA',
      employees: 120,
      timezone: 'Europe/Berlin',
      language: 'German',
      stakeholders: 3,
      implementation_days: 30,
      regulated: true,
      segment: 'smb',
      strategic: false,
      renewal_date: '2027-02-28',
      last_negative_event: '2024-02-29',
      locked: false,
      parent: 'acct-000000',
    };
    expect(isPlainAccount(account)).toBe(true);
    expect(accountSchema.parse(account)).toStrictEqual(account);
  });

  it.each([
    ['a numeric id, which zod turns into text', { id: 7, arr: 1 }],
    ['a health zod spells differently', { id: 'a', arr: 1, health: 'Green' }],
    ['no arr', { id: 'a' }],
    ['no id', { arr: 1 }],
    ['a key outside the schema', { id: 'a', arr: 1, nmae: 'x' }],
    ['a field set to undefined', { id: 'a', arr: 1, name: undefined }],
    ['cents', { id: 'a', arr: 1.5 }],
    ['a date not on the calendar', { id: 'a', arr: 1, renewal_date: '2023-02-29' }],
    ['a list', [{ id: 'a', arr: 1 }]],
    ['null', null],
  ])('declines %s', (_, candidate) => {
    expect(isPlainAccount(candidate)).toBe(false);
  });
});

/** The JSON reader with the fast path switched off: every row goes through zod. */
async function zodOnlyJsonReader() {
  const fastPath = vi.fn((_: unknown) => false);
  vi.resetModules();
  vi.doMock('../../src/config/plain-account.js', () => ({ isPlainAccount: fastPath }));
  try {
    const { readJsonAccounts } = await import('../../src/config/csv/read-json.js');
    return { read: readJsonAccounts, fastPath };
  } finally {
    vi.doUnmock('../../src/config/plain-account.js');
    vi.resetModules();
  }
}

/** Two members share a name, so an owner given by that name is ambiguous. */
const TEAM: TeamMemberInput[] = [
  { id: 'csm-1', name: 'Ana Silva', email: 'ana@example.com', role: 'csm' },
  { id: 'csm-2', name: 'Sam Lee', role: 'csm' },
  { id: 'csm-3', name: 'Sam Lee', role: 'csm' },
] as TeamMemberInput[];

/** An item whose owner is often a team id, name or email, so owner matching runs on both paths. */
const jsonItem = fc
  .tuple(
    item,
    fc.option(fc.constantFrom('csm-1', 'Ana Silva', 'ana@example.com', 'Sam Lee', 'nobody')),
  )
  .map(([fields, owner]) => (owner === null ? fields : { ...fields, owner }));

describe('readJsonAccounts with isPlainAccount', () => {
  it('reads generated JSON files exactly as with zod on every row', async () => {
    const zodOnly = (await zodOnlyJsonReader()).read;
    let fastRows = 0;
    fc.assert(
      fc.property(fc.array(jsonItem, { maxLength: 6 }), fc.boolean(), (items, indented) => {
        // Indented or on one line, so that located diagnostics differ in line and column.
        const text = JSON.stringify(items, null, indented ? 2 : undefined);
        const options = { file: 'accounts.json', team: TEAM };
        const fast = readJsonAccounts(text, options);
        const slow = zodOnly(text, options);
        expect(fast.accounts).toStrictEqual(slow.accounts);
        expect(fast.diagnostics).toStrictEqual(slow.diagnostics);
        expect(fast.stats).toStrictEqual(slow.stats);
        for (let i = 0; i < fast.accounts.length; i++)
          expect(fast.pathOf(i)).toStrictEqual(slow.pathOf(i));
        fastRows += (JSON.parse(text) as unknown[]).filter(isPlainAccount).length;
      }),
      { ...options, numRuns: Math.max(1, Math.round(RUNS / 3)) },
    );
    // Not vacuous: the fast path read a good share of the rows.
    expect(fastRows).toBeGreaterThan(RUNS / 3);
  });

  it('compares against a copy whose fast path is really off', async () => {
    const zodOnly = await zodOnlyJsonReader();
    const read = zodOnly.read('[{"id":"a","arr":1,"owner":"Ana Silva"}]', {
      file: 'a.json',
      team: TEAM,
    });
    // The copy asked its (mocked) check, was told no, and zod read the row.
    expect(zodOnly.fastPath).toHaveBeenCalledTimes(1);
    expect(read.accounts).toStrictEqual([{ id: 'a', arr: 1, owner: 'csm-1' }]);
  });
});
