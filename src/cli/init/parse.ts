/**
 * Parsing what a person types into the wizard (or passes as a flag). Each parser returns the value
 * or a message that says what to type instead; prompts use them as validators, and the flow uses
 * them again to turn the accepted text into data, so both always agree.
 */
import { daysBetween } from '../../core/dates.js';
import { formatMoney } from '../../core/money.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

const SUFFIX: Record<string, number> = { k: 1_000, m: 1_000_000, b: 1_000_000_000 };

/**
 * A number as people write it: 1200, 1,200, 1 200, 1_200, 1.2k, 30K, 1.2M. Returns undefined when
 * the text is not a number at all. Commas are thousands separators (never decimal commas).
 */
function readAmount(text: string): number | undefined {
  const compact = text
    .trim()
    .replace(/[\s_]/g, '')
    .replace(/,(?=\d{3}(\D|$))/g, '');
  const match = /^(\d+(?:\.\d+)?|\.\d+)([kmb])?$/i.exec(compact);
  if (!match?.[1]) return undefined;
  const multiplier = match[2] ? (SUFFIX[match[2].toLowerCase()] ?? 1) : 1;
  // Round away float noise so 1.15M is 1150000, not 1149999.9999999998.
  return Math.round(Number(match[1]) * multiplier * 1e6) / 1e6;
}

/** Whole dollars from "30000", "30k", "$1.2M", "1,250,000.00". */
export function parseMoney(text: string): Parsed<number> {
  const trimmed = text.trim();
  if (trimmed === '') return fail('type an amount in dollars, e.g. 30000, 30k or 1.2M');
  if (/^-/.test(trimmed)) return fail('an amount cannot be negative');
  const amount = readAmount(trimmed.replace(/^\$/, '').replace(/^(usd|us\$)\s*/i, ''));
  if (amount === undefined)
    return fail(`"${trimmed}" is not an amount: type dollars, e.g. 30000, 30k or 1.2M`);
  if (!Number.isInteger(amount)) return fail('use whole dollars, without cents');
  if (!Number.isSafeInteger(amount)) return fail('that amount is too large');
  return ok(amount);
}

/** Money that must be above zero, e.g. what a typical customer pays. */
export function parsePositiveMoney(text: string): Parsed<number> {
  const parsed = parseMoney(text);
  if (parsed.ok && parsed.value === 0) return fail('type an amount above 0');
  return parsed;
}

/** A whole number of things: 0, 12, 1,200, 2k. */
export function parseCount(
  text: string,
  options: { min?: number; max?: number } = {},
): Parsed<number> {
  const { min = 0, max = 10_000_000 } = options;
  const trimmed = text.trim();
  if (trimmed === '') return fail('type a whole number, e.g. 12');
  if (/^-/.test(trimmed)) return fail('type a whole number, 0 or more');
  const value = readAmount(trimmed);
  if (value === undefined)
    return fail(`"${trimmed}" is not a number: type a whole number, e.g. 12`);
  if (!Number.isInteger(value)) return fail('type a whole number, without decimals');
  if (value < min) return fail(`type ${min} or more`);
  if (value > max) return fail(`type at most ${max}`);
  return ok(value);
}

/** A growth percentage: 40, 40%, -10%, 12.5. Decrease down to -100%. */
export function parsePercent(text: string): Parsed<number> {
  const whole = text.trim();
  const trimmed = whole.endsWith('%') ? whole.slice(0, -1).trimEnd() : whole;
  if (trimmed === '') return fail('type a percentage, e.g. 40 for 40%');
  const match = /^(-)?(\d+(?:\.\d+)?)$/.exec(trimmed);
  if (!match?.[2]) return fail(`"${text.trim()}" is not a percentage: type e.g. 40 for 40%`);
  const value = Number(match[2]) * (match[1] ? -1 : 1);
  if (value < -100) return fail('ARR cannot shrink by more than 100%');
  if (value > 10_000) return fail('type at most 10000 (%)');
  return ok(value);
}

/**
 * A calendar date, YYYY-MM-DD, that exists. Start dates may lie ahead (a planned hire), but not
 * more than two years, and not before 1900: both are almost always typos.
 */
export function parseDate(text: string, today: string): Parsed<string> {
  const trimmed = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(trimmed))
    return fail(`type the date as YYYY-MM-DD, e.g. ${today}`);
  if (!isRealDate(trimmed)) return fail(`${trimmed} is not a real calendar date`);
  if (trimmed < '1900-01-01') return fail('that date is before 1900: check the year');
  if (daysBetween(today, trimmed) > 731)
    return fail('that date is more than two years ahead: check the year');
  return ok(trimmed);
}

/** YYYY-MM-DD names a day that exists (no February 30th). Kept here so init loads no zod early. */
function isRealDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** An optional date: empty means "not given". */
export function parseOptionalDate(text: string, today: string): Parsed<string | undefined> {
  if (text.trim() === '') return ok(undefined);
  return parseDate(text, today);
}

const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

/** A team id: short, lower case, unique; what `owner` and `reports_to` point at. */
export function parseId(text: string, taken: ReadonlySet<string>): Parsed<string> {
  const trimmed = text.trim();
  if (trimmed === '') return fail('type an id, e.g. ana or ana-lopez');
  if (trimmed.length > 64) return fail('keep the id under 64 characters');
  if (!ID_PATTERN.test(trimmed))
    return fail(
      'use lower-case letters, digits, "-", "." or "_", starting with a letter or digit (e.g. ana-lopez)',
    );
  if (taken.has(trimmed)) return fail(`"${trimmed}" is already taken by someone you added`);
  return ok(trimmed);
}

/** A name of a person or company: any text, not empty, one line. */
export function parseName(text: string, what = 'a name'): Parsed<string> {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (trimmed === '') return fail(`type ${what}`);
  if (trimmed.length > 100) return fail('keep it under 100 characters');
  return ok(trimmed);
}

/** "Ana María López" -> "ana-maria-lopez"; a fallback when nothing usable is left. */
export function slugify(text: string, fallback = 'person'): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug === '' ? fallback : slug;
}

/** The slug of a name, made unique among ids already taken: ana, ana-2, ana-3... */
export function uniqueId(name: string, taken: ReadonlySet<string>, fallback = 'person'): string {
  const base = slugify(name, fallback);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** An amount within [min, max): what a typical customer in an ARR band pays. */
export function parseBandArr(text: string, band: { min: number; max?: number }): Parsed<number> {
  const parsed = parsePositiveMoney(text);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  if (value < band.min) {
    const hint = value * 1000 >= band.min && (band.max === undefined || value * 1000 < band.max);
    return fail(
      `${formatMoney(value)} is below this band (from ${formatMoney(band.min)})${hint ? `: did you mean ${value}k?` : ''}`,
    );
  }
  if (band.max !== undefined && value >= band.max)
    return fail(`${formatMoney(value)} is above this band (under ${formatMoney(band.max)})`);
  return ok(value);
}

/** Adapts a parser to an inquirer `validate` function: true, or the message to show. */
export function validator<T>(parse: (text: string) => Parsed<T>): (text: string) => true | string {
  return (text) => {
    const parsed = parse(text);
    return parsed.ok ? true : parsed.message;
  };
}

/** The value of text that a validator already accepted. */
export function accepted<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new Error(`accepted an answer that does not parse: ${parsed.message}`);
  return parsed.value;
}
