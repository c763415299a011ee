/**
 * One CSV cell (text) to one account field value, with the same rules as `accountSchema` plus
 * the forgiving forms CRM exports use: money with currency and thousands separators, checkbox
 * values, capitalised picklist values, date-times. Hand-written because zod costs ~2-4 µs per
 * account, which at 100k accounts is most of the time budget; `test/config/csv-cells.test.ts`
 * checks that every value produced here passes `accountSchema` unchanged.
 */
import { SEGMENT_IDS } from '../../core/model.js';
import { canonicalChoice } from '../choice.js';
import { type AccountInput, accountSchema, isRealDate } from '../schema.js';
import { mappedValue, type ValueField } from './values.js';

export type AccountField = keyof AccountInput & string;

export type FieldKind = 'id' | 'text' | 'money' | 'count' | 'boolean' | 'date' | 'enum';

/** Every account field and how its cells are read. `satisfies` keeps it in step with the schema. */
export const FIELD_KINDS = {
  id: 'id',
  name: 'text',
  arr: 'money',
  owner: 'id',
  health: 'enum',
  complexity: 'enum',
  industry: 'text',
  region: 'text',
  employees: 'count',
  timezone: 'text',
  language: 'text',
  stakeholders: 'count',
  implementation_days: 'count',
  regulated: 'boolean',
  segment: 'enum',
  strategic: 'boolean',
  renewal_date: 'date',
  last_negative_event: 'date',
  locked: 'boolean',
  parent: 'id',
} as const satisfies Record<AccountField, FieldKind>;

/** Field names in the schema's order. */
export const ACCOUNT_FIELDS = Object.keys(accountSchema.shape) as AccountField[];

export const REQUIRED_FIELDS: readonly AccountField[] = ['id', 'arr'];

/** Fields carried for reference only: a bad cell is a warning and the row is still read. */
export const REFERENCE_FIELDS: ReadonlySet<AccountField> = new Set(['employees']);

const ENUM_VALUES: Partial<Record<AccountField, readonly string[]>> = {
  health: ['green', 'yellow', 'red'],
  complexity: ['low', 'medium', 'high'],
  segment: SEGMENT_IDS,
};

/** Why a cell could not be read; `rule` is the diagnostic's rule id. */
export interface CellError {
  rule: 'csv-bad-money' | 'csv-bad-number' | 'csv-bad-boolean' | 'csv-bad-date' | 'csv-bad-value';
  message: string;
}

export type CellValue = string | number | boolean;

const DIGITS = /^\d+$/;
const GROUPED = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
const SCIENTIFIC = /^\d+(?:\.\d+)?[eE]\+?\d+$/;
const CURRENCY_PREFIX = /^(?:([A-Z]{3})\s*)?([$€£¥])?\s*/;
const SYMBOL_CODES: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };

export interface Money {
  value: number;
  /** ISO code when the cell named a currency ("$", "USD", "€"...). */
  currency?: string;
}

/**
 * Whole dollars from a money cell: `1250000`, `1,250,000`, `$1,250,000.00`, `USD 1,250,000.00`,
 * `1250000 EUR`, `1.25E+06`. Cents are rounded to the nearest dollar (half up): CRM exports
 * carry them, the plan is in whole dollars. Abbreviations (`1.2M`), negative amounts and
 * decimal commas (`1.250.000,00`) are errors.
 */
export function parseMoney(cell: string): Money | CellError {
  if (DIGITS.test(cell) && cell.length <= 15) return { value: Number(cell) };
  if (/^[-−(]|^[A-Z$€£¥\s]*[-−(]/.test(cell)) {
    return { rule: 'csv-bad-money', message: 'money cannot be negative' };
  }
  const prefix = CURRENCY_PREFIX.exec(cell);
  let rest = cell.slice(prefix?.[0].length ?? 0);
  const suffix = currencySuffix(rest);
  rest = rest.slice(0, suffix.start);
  const code = prefix?.[1] ?? suffix.code;
  const symbol = prefix?.[2] ?? suffix.symbol;
  const currency = code ?? (symbol === undefined ? undefined : SYMBOL_CODES[symbol]);
  const grouped = GROUPED.exec(rest);
  if (grouped?.[1] !== undefined) {
    const whole = grouped[1].replaceAll(',', '');
    const value = Math.round(Number(grouped[2] === undefined ? whole : `${whole}.${grouped[2]}`));
    if (Number.isSafeInteger(value))
      return currency === undefined ? { value } : { value, currency };
  } else if (SCIENTIFIC.test(rest)) {
    const value = Math.round(Number(rest));
    if (Number.isSafeInteger(value))
      return currency === undefined ? { value } : { value, currency };
  }
  return { rule: 'csv-bad-money', message: moneyHint(rest) };
}

/**
 * A currency written after the amount: `1250000 EUR`, `1250000 €`, `1250000€ EUR`. Read from the
 * end by hand (a regular expression with white space on both sides of an optional group takes
 * cubic time on a cell of spaces). `start`: where the suffix, with its white space, begins.
 */
function currencySuffix(text: string): { start: number; symbol?: string; code?: string } {
  let end = trimmedEnd(text, text.length);
  let code: string | undefined;
  if (end >= 3 && isUpperAscii(text, end - 3, end)) {
    code = text.slice(end - 3, end);
    end = trimmedEnd(text, end - 3);
  }
  let symbol: string | undefined;
  const last = text[end - 1];
  if (last !== undefined && last in SYMBOL_CODES) {
    symbol = last;
    end = trimmedEnd(text, end - 1);
  }
  if (code === undefined && symbol === undefined) return { start: trimmedEnd(text, text.length) };
  return { start: end, symbol, code };
}

/** Index after the last non-white-space character before `end`. */
function trimmedEnd(text: string, end: number): number {
  let i = end;
  while (i > 0 && /\s/.test(text[i - 1] ?? '')) i--;
  return i;
}

function isUpperAscii(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  // "ABCD" is not a code: the letter before must not be one too.
  const before = text.charCodeAt(from - 1);
  return !(before >= 65 && before <= 90);
}

function moneyHint(rest: string): string {
  if (/^\d+(?:[.,]\d+)?\s*[kKmMbB]$/.test(rest)) {
    return 'money abbreviations like 1.2M are not read (the rounding is unknown): export the full amount, e.g. 1200000';
  }
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^\d+,\d{1,2}$/.test(rest)) {
    return 'the amount uses a decimal comma; export with "." as the decimal mark, e.g. 1250000.00';
  }
  return 'expected an amount of money such as 1250000 or $1,250,000.00';
}

/** Whole, non-negative numbers (stakeholders, implementation days): `12`, `1,200`, `12.0`. */
export function parseCount(cell: string): number | CellError {
  if (DIGITS.test(cell) && cell.length <= 15) return Number(cell);
  if (/^[-−]/.test(cell)) return { rule: 'csv-bad-number', message: 'cannot be negative' };
  const grouped = GROUPED.exec(cell);
  if (grouped?.[1] !== undefined) {
    if (grouped[2] === undefined || /^0+$/.test(grouped[2])) {
      const value = Number(grouped[1].replaceAll(',', ''));
      if (Number.isSafeInteger(value)) return value;
    }
  }
  return { rule: 'csv-bad-number', message: 'expected a whole number' };
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'checked', 'x']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'unchecked']);

/** Checkbox values as CRMs export them: true/false, yes/no, 1/0 (any case). */
export function parseBoolean(cell: string): boolean | CellError {
  const word = cell.toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return { rule: 'csv-bad-boolean', message: 'expected true or false (also read: yes/no, 1/0)' };
}

const ISO_DATE =
  /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** How a CRM user's locale writes dates: 3/31/2027 (month first, US) or 31/3/2027 (day first). */
export type DateOrder = 'month-first' | 'day-first';

/** How a file's locale dates are read; `detected`: the order came from the file, not date_order. */
export interface DateReading {
  order: DateOrder;
  detected: boolean;
}

/**
 * 3/31/2027, 31.03.2027, 31-03-2027 (one separator throughout), or one of them with a time after
 * it ("3/31/2027 9:14 AM", "31.03.2027 14:00:05 CET"). Other text after a date is not a date.
 * Groups: first number, separator, second number, year.
 */
export const LOCALE_DATE =
  /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})(?:(?:[ T]|,\s*)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp][Mm])?(?:\s*(?:Z|[A-Z]{2,5}|[+-]\d{2}:?\d{2}))?)?$/;

/** Where the order of locale dates came from, for messages about a date that does not fit it. */
export type DateOrderSource = 'date_order' | 'detected';

/** A cell's text as the reader uses it: surrounding white space of any kind removed. */
export function cellText(raw: string): string {
  if (raw.length === 0) return raw;
  // Most cells start and end with a visible ASCII character: skip the trim call for them.
  return visibleAscii(raw.charCodeAt(0)) && visibleAscii(raw.charCodeAt(raw.length - 1))
    ? raw
    : raw.trim();
}

function visibleAscii(code: number): boolean {
  return code > 32 && code < 127;
}

/**
 * YYYY-MM-DD, or an ISO date-time whose date part is taken as written; with a date order, also
 * the locale form of that order. Without one, a locale date is an error: its meaning is unknown.
 */
export function parseDate(
  cell: string,
  order?: DateOrder,
  source: DateOrderSource = 'date_order',
): string | CellError {
  const match = ISO_DATE.exec(cell);
  if (match?.[1] !== undefined) {
    if (isRealDate(match[1])) return match[1];
    return { rule: 'csv-bad-date', message: 'not a real calendar date' };
  }
  const local = LOCALE_DATE.exec(cell);
  if (local) {
    if (order === undefined) {
      return {
        rule: 'csv-bad-date',
        message:
          'a date like 3/4/2027 can be March 4 or 3 April: set date_order under accounts (month-first or day-first)',
      };
    }
    const [first, second, year] = [local[1], local[3], local[4]] as [string, string, string];
    if (year.length === 2) {
      return { rule: 'csv-bad-date', message: 'write the year in full (2027, not 27)' };
    }
    const [month, day] = order === 'month-first' ? [first, second] : [second, first];
    const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    if (isRealDate(iso)) return iso;
    const why =
      source === 'detected'
        ? 'the order csplan found in the file; set date_order under accounts if that is wrong'
        : 'date_order';
    return {
      rule: 'csv-bad-date',
      message: `not a real calendar date when read ${order} (${why})`,
    };
  }
  return { rule: 'csv-bad-date', message: 'expected a date written YYYY-MM-DD' };
}

/**
 * What one cell says about date order: undefined when it is not a locale date, `either` when it
 * is one whose numbers are both 12 or less (3/4/2027), else the only order that can read it.
 */
export function localeDateOrder(raw: string): DateOrder | 'either' | undefined {
  const cell = cellText(raw);
  // ISO dates (the common case) have no separator at index 1 or 2: skip the regex for them.
  if (!isDateSeparator(cell.charCodeAt(1)) && !isDateSeparator(cell.charCodeAt(2)))
    return undefined;
  const local = LOCALE_DATE.exec(cell);
  if (!local) return undefined;
  if (Number(local[1]) > 12) return 'day-first';
  if (Number(local[3]) > 12) return 'month-first';
  return 'either';
}

/** / . - */
function isDateSeparator(code: number): boolean {
  return code === 47 || code === 46 || code === 45;
}

/** The order the first cell that tells says (see localeDateOrder); undefined when none tells. */
export function detectDateOrder(cells: Iterable<string>): DateOrder | undefined {
  for (const cell of cells) {
    const order = localeDateOrder(cell);
    if (order !== undefined && order !== 'either') return order;
  }
  return undefined;
}

/** Picklist values in any case, with spaces or underscores for hyphens: "Mid Market" is mid-market. */
export function parseEnum(field: AccountField, cell: string): string | CellError {
  const allowed = ENUM_VALUES[field] ?? [];
  const value = canonicalChoice(cell, allowed);
  if (value !== undefined) return value;
  return { rule: 'csv-bad-value', message: `expected one of: ${allowed.join(', ')}` };
}

export function isCellError(value: unknown): value is CellError {
  return typeof value === 'object' && value !== null && 'rule' in value;
}

/** A column's cell reader: a value, money with its currency, or why the cell cannot be read. */
export type Converter = (cell: string) => CellValue | Money | CellError | undefined;

/** Position of each field in the values array that `accountOf` reads. */
export const SLOT = Object.fromEntries(
  ACCOUNT_FIELDS.map((field, index) => [field, index]),
) as Record<AccountField, number>;

/**
 * `dates` 'unknown': the file's locale dates are left empty, because the reader reports their
 * unknown order once for the file rather than once per cell.
 */
export function converterFor(
  field: AccountField,
  dates?: DateReading | 'unknown',
  /** `accounts.values` of an enum field: the CRM's picklist values to csplan's. */
  values?: Record<string, string>,
): Converter {
  switch (FIELD_KINDS[field]) {
    case 'money': {
      // A currency is reported once, the first time this column shows it; after that only
      // the amount is returned (no object per cell).
      const currencies = new Set<string>();
      return (cell) => {
        const fast = plainMoney(cell);
        if (fast !== undefined) {
          if (cell.charCodeAt(0) !== DOLLAR || currencies.has('USD')) return fast;
          currencies.add('USD');
          return { value: fast, currency: 'USD' };
        }
        const money = parseMoney(cell);
        if ('rule' in money || money.currency === undefined || currencies.has(money.currency)) {
          return 'rule' in money ? money : money.value;
        }
        currencies.add(money.currency);
        return money;
      };
    }
    case 'count':
      return parseCount;
    case 'boolean':
      return parseBoolean;
    case 'date':
      if (dates === 'unknown') {
        // Left empty, except what no order would fix: a two-digit year.
        return remembered((cell) => {
          const local = LOCALE_DATE.exec(cell);
          if (!local) return parseDate(cell);
          return local[4]?.length === 2 ? parseDate(cell, 'month-first') : undefined;
        });
      }
      return remembered((cell) =>
        parseDate(cell, dates?.order, dates?.detected ? 'detected' : 'date_order'),
      );
    case 'enum':
      return remembered((cell) =>
        parseEnum(field, mappedValue(field as ValueField, cell, values) ?? cell),
      );
    default:
      // Industry, region, time zone, language: a few values repeated on every row, kept once.
      return field === 'name' ? (cell) => cell : interned();
  }
}

/** Up to this many distinct values per column are shared; past it, each cell keeps its own. */
const MAX_INTERNED = 4096;

function interned(): (cell: string) => string {
  const seen = new Map<string, string>();
  return (cell) => {
    const known = seen.get(cell);
    if (known !== undefined) return known;
    if (seen.size < MAX_INTERNED) seen.set(cell, cell);
    return cell;
  };
}

/** Dates and picklist values repeat a lot: each distinct cell is read once per column. */
function remembered<T extends CellValue | CellError | undefined>(
  read: (cell: string) => T,
): (cell: string) => T {
  const seen = new Map<string, T>();
  return (cell) => {
    let value = seen.get(cell);
    if (value === undefined) {
      value = read(cell);
      seen.set(cell, value);
    }
    return value;
  };
}

const DOLLAR = 36;
const COMMA_CODE = 44;
const DOT = 46;

/**
 * The common money forms without regular expressions: `1250000`, `1,250,000`, `$1,250,000.00`
 * (at most two decimals, rounded half up as parseMoney does). Undefined: use parseMoney.
 */
function plainMoney(cell: string): number | undefined {
  const length = cell.length;
  let i = cell.charCodeAt(0) === DOLLAR ? 1 : 0;
  let value = 0;
  let digits = 0;
  let group = 0;
  let grouped = false;
  for (; i < length; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits++;
      group++;
    } else if (c === COMMA_CODE) {
      if (group === 0 || group > 3 || (grouped && group !== 3)) return undefined;
      grouped = true;
      group = 0;
    } else if (c === DOT) break;
    else return undefined;
  }
  if (digits === 0 || digits > 15 || (grouped && group !== 3)) return undefined;
  if (i === length) return value;
  const decimals = length - i - 1;
  if (decimals < 1 || decimals > 2) return undefined;
  const first = cell.charCodeAt(i + 1) - 48;
  const second = decimals === 2 ? cell.charCodeAt(i + 2) - 48 : 0;
  if (first < 0 || first > 9 || second < 0 || second > 9) return undefined;
  return first >= 5 ? value + 1 : value;
}

/**
 * One account from the values of a row, by slot. Every field is present (undefined when the cell
 * was empty) so that all accounts share one object shape: building them key by key costs ~3x more
 * at 100k rows.
 */
export function accountOf(v: readonly (CellValue | undefined)[]): AccountInput {
  return {
    id: v[SLOT.id] as string,
    name: v[SLOT.name] as string | undefined,
    arr: v[SLOT.arr] as number,
    owner: v[SLOT.owner] as string | undefined,
    health: v[SLOT.health] as AccountInput['health'],
    complexity: v[SLOT.complexity] as AccountInput['complexity'],
    industry: v[SLOT.industry] as string | undefined,
    region: v[SLOT.region] as string | undefined,
    employees: v[SLOT.employees] as number | undefined,
    timezone: v[SLOT.timezone] as string | undefined,
    language: v[SLOT.language] as string | undefined,
    stakeholders: v[SLOT.stakeholders] as number | undefined,
    implementation_days: v[SLOT.implementation_days] as number | undefined,
    regulated: v[SLOT.regulated] as boolean | undefined,
    segment: v[SLOT.segment] as AccountInput['segment'],
    strategic: v[SLOT.strategic] as boolean | undefined,
    renewal_date: v[SLOT.renewal_date] as string | undefined,
    last_negative_event: v[SLOT.last_negative_event] as string | undefined,
    locked: v[SLOT.locked] as boolean | undefined,
    parent: v[SLOT.parent] as string | undefined,
  } satisfies Record<AccountField, unknown>;
}
