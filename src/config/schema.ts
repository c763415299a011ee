/**
 * The org file's schema: the one source of its types (`OrgFileInput`, `OrgFile`), of its
 * validation and of the JSON Schema shipped in `schema/org.schema.json`.
 *
 * The parts most files leave out (policy, growth, scenarios, compensation, account groups, the
 * accounts and team file specs) are `z.lazy`: built the first time a file has them, or when the
 * JSON Schema is written. Building all 1,194 of zod's schema objects up front cost every run
 * about 12 ms of CPU; the rest of the file needs 292 of them.
 */
import * as z from 'zod';
import {
  MAX_CUSTOMER_GROWTH_PCT_PER_MONTH,
  MAX_FACTOR,
  MAX_HANDOVER_WEEKS,
  MAX_NEW_CUSTOMERS_PER_MONTH,
  MAX_PROJECTED_GROWTH,
  MAX_RAMP_WEEKS,
  MIN_ARR_PER_CSM,
  MIN_FACTOR,
  MIN_FTE,
  PLAN_YEARS,
} from '../core/limits.js';
import { AUTOMATION_LEVELS, SEGMENT_IDS, type SegmentId } from '../core/model.js';
import { formatCount, formatMoney } from '../core/money.js';
import { DEFAULT_POLICY } from '../core/policy.js';
import { ROLE_IDS, type RoleId } from '../core/roles.js';
import { RULES } from '../core/rules/registry.js';
import { canonicalChoice } from './choice.js';
import { roleFromText } from './role-names.js';
import { ROSTER_FIELDS, ROSTER_PRESET_IDS, ROSTER_PRESETS } from './roster/presets.js';
import { coverageDocs, enumDocs, roleDocs, segmentDefaults, segmentDocs } from './schema-docs.js';

const ROLE_LIST = ROLE_IDS.join(', ');
const SEGMENT_LIST = SEGMENT_IDS.join(', ');

/** Bounds that catch typos (an extra 000) before they turn into absurd plans. */
export const MAX_MONEY = 1_000_000_000_000;
export const MAX_COUNT = 10_000_000;

/** Whole dollars. Text such as "$1.2M", "1,000,000" or "250_000" gets a hint to write a number. */
export function money(description: string) {
  return z
    .number({
      error: (issue) =>
        typeof issue.input !== 'string'
          ? 'expected a whole number of dollars'
          : isQuotedNumber(issue.input)
            ? 'money must be a whole number of dollars' // issues.ts adds: remove the quotes
            : 'money must be a plain number of whole dollars: write 1200000, not "$1.2M", "1,200,000" or 1_200_000',
    })
    .nonnegative({ error: 'money cannot be negative', abort: true })
    .max(MAX_MONEY, { error: 'more than $1 trillion: check the number', abort: true })
    .int({ error: 'money is whole dollars: drop the cents' })
    .meta({ description });
}

/** `"50000"`, `'0.5'`: a number in quotes, which YAML and JSON read as text. */
export function isQuotedNumber(text: string): boolean {
  return /^\s*-?\d+(\.\d+)?\s*$/.test(text);
}

const isoDate = (description: string) =>
  z
    .string({ error: 'expected a date written YYYY-MM-DD' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date written YYYY-MM-DD', abort: true })
    .refine((value) => isRealDate(value), { error: 'not a real calendar date' })
    .meta({ description });

/**
 * A date the plan is dated by (as_of, a start, a last day, a freeze): within PLAN_YEARS, so the
 * months the plan counts from it stay four-digit years.
 */
const planDate = (description: string) =>
  isoDate(description).refine((value) => isPlanDate(value), {
    error: `a plan date is between ${PLAN_YEARS.first}-01-01 and ${PLAN_YEARS.last}-12-31`,
  });

export function isPlanDate(value: string): boolean {
  const year = Number(value.slice(0, 4));
  return isRealDate(value) && year >= PLAN_YEARS.first && year <= PLAN_YEARS.last;
}

/**
 * A YYYY-MM-DD date that is on the calendar, checked by arithmetic (no Date object: every account
 * date of a large file passes here). Years before 100 are refused, as Date.UTC read them as 19xx.
 */
export function isRealDate(value: string): boolean {
  // Read digit by digit: a regular expression's match array per date showed in the profile.
  if (value.length !== 10 || value[4] !== '-' || value[7] !== '-') return false;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 7);
  const day = digitsAt(value, 8, 10);
  if (year < 100 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** The number written by the ASCII digits from `start` to `end`, or -1 if any is not one. */
function digitsAt(text: string, start: number, end: number): number {
  let number = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * A part of the file built the first time a file has it (see the top of this file): an object
 * schema behind `z.lazy`. zod reads whether each field of an object may be left out when it
 * first parses one, and a lazy answers by building what it stands for: every run built the
 * policy, growth and both file specs, most of zod's first parse (about 8 ms of CPU). An object is
 * never optional by itself (its field in the parent is), so the lazy says so without building
 * it; test/config/schema-lazy.test.ts holds each part to that.
 */
function lazyObject<T extends z.ZodType>(build: () => T): z.ZodLazy<T> {
  const schema = z.lazy(build);
  for (const key of ['optin', 'optout'] as const) {
    Object.defineProperty(schema._zod, key, {
      value: undefined,
      writable: true,
      configurable: true,
    });
  }
  lazyParts.push(schema);
  return schema;
}

const lazyParts: z.ZodLazy[] = [];
/** The parts built only when a file has them, in the order they are declared. */
export const LAZY_PARTS: readonly z.ZodLazy[] = lazyParts;

const id = (description: string) =>
  z
    .union([z.string(), z.number()], { error: 'expected an id (text)' })
    .transform((value) => String(value))
    .pipe(z.string().min(1, { error: 'an id cannot be empty' }))
    .meta({ description });

/**
 * A fixed choice, read in any case and with spaces or underscores for hyphens (`Green`, `CEO`,
 * `Mid Market`) as in a CSV cell, and stored as the canonical value. The JSON Schema lists the
 * canonical values only, so an editor completes them and may flag `Green`, which csplan reads.
 */
function choice<const T extends readonly [string, ...string[]]>(values: T, error: string) {
  return z.preprocess<T[number], z.ZodEnum<{ [K in T[number]]: K }>, T[number]>(
    (input) => canonicalChoice(input, values) ?? input,
    z.enum(values, { error }),
  );
}

export const LEVELS = ['low', 'medium', 'high'] as const;
const { complexityFactors } = DEFAULT_POLICY;
const levelDocs = enumDocs(LEVELS, {
  low: `less work than usual (load x${complexityFactors.low} by default)`,
  medium: `the usual amount of work (load x${complexityFactors.medium})`,
  high: `more work than usual (load x${complexityFactors.high} by default)`,
});

const level = (description: string) =>
  choice(LEVELS, 'expected low, medium or high').meta({ description, ...levelDocs });

const segment = (description: string) =>
  choice(SEGMENT_IDS, `expected one of: ${SEGMENT_LIST}`).meta({
    description,
    ...segmentDocs(SEGMENT_IDS),
  });

/** Roles as keys (of salaries and compensation plans) are written exactly. */
const roleKey = z
  .enum(ROLE_IDS, { error: `unknown role; valid roles: ${ROLE_LIST}` })
  .meta({ description: 'What the person does', ...roleDocs });

// The editor lists the values with their descriptions, so the description does not list them.
// Read as csplan prints it too ("CS Manager", "VP Customer Success") and in common spellings.
const role = z
  .preprocess<RoleId, z.ZodEnum<{ [K in RoleId]: K }>, RoleId>(
    (input) => roleFromText(input) ?? input,
    z.enum(ROLE_IDS, { error: `unknown role; valid roles: ${ROLE_LIST}` }),
  )
  .meta({
    description: 'What the person does',
    ...roleDocs,
  });

export const HEALTH = ['green', 'yellow', 'red'] as const;
const healthDocs = enumDocs(HEALTH, {
  green: 'healthy',
  yellow: 'at risk; counts toward the red/yellow share of a book',
  red: 'in trouble; counts toward the red/yellow share of a book',
});
const health = choice(HEALTH, 'expected green, yellow or red').meta({
  description: 'Current health score',
  ...healthDocs,
});

/** A value of a values table: csplan's own spelling, as the table documents it. */
function exactChoice<const T extends readonly [string, ...string[]]>(
  values: T,
  docs: { enumDescriptions: string[] },
) {
  return z.enum(values, { error: `expected one of: ${values.join(', ')}` }).meta(docs);
}

const wholeNumber = (description: string) =>
  z
    .number({ error: 'expected a whole number' })
    .int({ error: 'expected a whole number' })
    .nonnegative({ error: 'cannot be negative' })
    .max(MAX_COUNT, { error: 'more than 10,000,000: check the number' })
    .meta({ description });

/**
 * A number between `min` and `max`: values far outside are typos, and at the extremes (a factor
 * of 1e308, an fte of 5e-324) the arithmetic ends in Infinity.
 */
const within = (min: number, max: number, format: (n: number) => string = String) => {
  const error = `expected a number from ${format(min)} to ${format(max)}`;
  return z.number({ error }).min(min, { error }).max(max, { error });
};

/** A whole number of at least 1: counts and thresholds where 0 would divide by zero or mean nothing. */
const atLeastOne = (description: string) =>
  z
    .number({ error: 'expected a whole number of 1 or more' })
    .int({ error: 'expected a whole number of 1 or more' })
    .min(1, { error: 'expected a whole number of 1 or more' })
    .max(MAX_COUNT, { error: 'more than 10,000,000: check the number' })
    .meta({ description });

const share = (description: string) =>
  z
    .number({ error: 'expected a number between 0 and 1' })
    .min(0, { error: 'expected a number between 0 and 1' })
    .max(1, { error: 'expected a number between 0 and 1' })
    .meta({ description });

export const companySchema = z
  .strictObject({
    name: z.string().min(1).meta({ description: 'Company name, used in report titles' }),
    motion: choice(
      ['sales-led', 'product-led', 'hybrid'],
      'expected sales-led, product-led or hybrid',
    )
      .default('sales-led')
      .meta({
        description: 'How the company sells',
        ...enumDocs(['sales-led', 'product-led', 'hybrid'], {
          'sales-led': 'customers buy through a sales team',
          'product-led': 'customers sign up and buy in the product',
          hybrid: 'both: self-serve sign-ups and a sales team for larger deals',
        }),
      }),
    product_complexity: level(
      'How complex the product is to adopt; the default complexity of every account',
    ).default('medium'),
    as_of: planDate(
      'The date the plan is evaluated at (YYYY-MM-DD); defaults to today, --as-of overrides',
    ).optional(),
  })
  .meta({ description: 'The company whose CS org is planned' });

export const accountSchema = z
  .strictObject({
    id: id('Unique account id (a CRM id or a short slug)'),
    name: z.string().optional().meta({ description: 'Account name' }),
    arr: money('Annual recurring revenue of the account, whole dollars'),
    owner: id('Team id of the person who owns the account').optional(),
    health: health.optional(),
    complexity: level(
      'How much CSM effort the account needs; defaults to product_complexity',
    ).optional(),
    industry: z.string().optional().meta({ description: 'Industry, for vertical structures' }),
    region: z.string().optional().meta({ description: 'Region, e.g. EMEA' }),
    employees: wholeNumber(
      "The customer's headcount as the CRM records it; kept for reference (segments come from ARR)",
    ).optional(),
    timezone: z.string().optional().meta({ description: 'Time zone, e.g. Europe/Berlin' }),
    language: z.string().optional().meta({ description: 'Main language of the account' }),
    stakeholders: wholeNumber('Number of stakeholders the CSM works with').optional(),
    implementation_days: wholeNumber('Length of the implementation in days').optional(),
    regulated: z
      .boolean({ error: 'expected true or false' })
      .optional()
      .meta({ description: 'The account is in a regulated industry' }),
    segment: segment('Pin the account to a segment instead of deriving it from ARR').optional(),
    strategic: z
      .boolean({ error: 'expected true or false' })
      .optional()
      .meta({ description: 'Pin the account to the strategic tier' }),
    renewal_date: isoDate('Next renewal date').optional(),
    last_negative_event: isoDate('Date of the last escalation or other negative event').optional(),
    locked: z
      .boolean({ error: 'expected true or false' })
      .optional()
      .meta({ description: 'Keep the account with its owner: `csplan rebalance` never moves it' }),
    parent: id(
      'Id of the parent account; a family (parent and children) changes owner together',
    ).optional(),
  })
  .meta({ description: 'One customer account' });

/** How an export writes dates like 3/4/2027 (a CRM export's, an HR roster's). */
const dateOrder = (description: string) =>
  choice(
    ['month-first', 'day-first'],
    'expected month-first (3/31/2027, US) or day-first (31/3/2027)',
  ).meta({
    description,
    ...enumDocs(['month-first', 'day-first'], {
      'month-first': '3/4/2027 is March 4 (US)',
      'day-first': '3/4/2027 is 3 April',
    }),
  });

const columnMapping = z
  .record(z.string(), z.string())
  .meta({ description: 'Org account field -> CSV header, overriding the preset' });

export const accountsFileSchema = lazyObject(() =>
  z
    .strictObject({
      file: z
        .string()
        .min(1)
        .meta({ description: 'Path to a CSV or JSON file, relative to the org file' }),
      preset: choice(['salesforce', 'hubspot'], 'expected salesforce or hubspot')
        .optional()
        .meta({
          description: 'Header names of a CRM export',
          ...enumDocs(['salesforce', 'hubspot'], {
            salesforce: 'a Salesforce report (Account ID, Account Name, ARR, Account Owner...)',
            hubspot: 'a HubSpot companies export (Record ID, Company name, ARR, Company owner...)',
          }),
        }),
      columns: columnMapping.optional(),
      values: z
        .strictObject({
          segment: z
            .record(z.string(), exactChoice(SEGMENT_IDS, segmentDocs(SEGMENT_IDS)))
            .optional()
            .meta({
              description: 'CRM segment value -> csplan segment, e.g. Commercial: mid-market',
            }),
          health: z
            .record(z.string(), exactChoice(HEALTH, healthDocs))
            .optional()
            .meta({ description: 'CRM health value or number range -> health, e.g. "1-3": red' }),
          complexity: z
            .record(z.string(), exactChoice(LEVELS, levelDocs))
            .optional()
            .meta({ description: 'CRM complexity value -> low, medium or high' }),
        })
        .optional()
        .meta({
          description:
            'A CRM column\'s own values to csplan\'s: a value (any case) or a number range ("7-10") per field',
        }),
      on_error: choice(['fail', 'skip'], 'expected fail or skip')
        .optional()
        .meta({
          description:
            'What a row with problems does: fail (default) stops planning until it is fixed; skip plans without it and lists it (check still fails unless run with --skip-invalid)',
          ...enumDocs(['fail', 'skip'], {
            fail: 'the file is not planned until every row reads',
            skip: 'rows with problems are left out of the plan and listed',
          }),
        }),
      date_order: dateOrder(
        'How to read dates like 3/4/2027. Detected from the file when a day is above 12; ISO dates need nothing',
      ).optional(),
    })
    .meta({ description: 'Accounts read from a CRM export' }),
);

export const accountGroupSchema = lazyObject(() =>
  z
    .strictObject({
      name: z.string().min(1).meta({ description: 'What the group is, e.g. "Self-serve tail"' }),
      count: atLeastOne('How many accounts the group stands for'),
      arr_each: money('Typical ARR of one account in the group').optional(),
      arr_total: money('ARR of the whole group').optional(),
      segment: segment('Pin the whole group to a segment').optional(),
      health: health.optional(),
      complexity: level('Complexity of the accounts in the group').optional(),
      owner: id('Team id of the person (or pool lead) who owns the group').optional(),
    })
    .refine((group) => (group.arr_each === undefined) !== (group.arr_total === undefined), {
      error: 'give either arr_each or arr_total',
    })
    .meta({
      description:
        'Many similar accounts described at once; planned exactly like that many accounts',
    }),
);

export const teamMemberSchema = z
  .strictObject({
    id: id('Unique team id, referenced by owner and reports_to'),
    name: z.string().optional().meta({ description: "Person's name (or the open role's title)" }),
    role,
    reports_to: id("Team id of this person's manager").optional(),
    start_date: planDate('First day in the role; a future date is a planned hire').optional(),
    seniority: choice(['junior', 'mid', 'senior', 'lead'], 'expected junior, mid, senior or lead')
      .optional()
      .meta({
        description: 'Seniority, matched against account complexity',
        ...enumDocs(['junior', 'mid', 'senior', 'lead'], {
          junior: 'should not own high-complexity accounts',
          mid: 'a fully independent CSM',
          senior: 'takes the most complex accounts',
          lead: 'a senior CSM who also guides others',
        }),
      }),
    segment: segment('Segment a CSM serves').optional(),
    fte: z
      .number({ error: 'expected a number between 0 and 1' })
      .min(MIN_FTE, { error: `fte is at least ${MIN_FTE} (2 hours a week)` })
      .max(1, { error: 'fte is at most 1' })
      .default(1)
      .meta({ description: 'Share of a full-time role, 0 to 1' }),
    region: z.string().optional().meta({ description: 'Region the person covers' }),
    languages: z
      .array(z.string())
      .optional()
      .meta({ description: 'Languages the person works in' }),
    email: z.string().optional().meta({ description: 'Work email, to match CRM owners' }),
    aliases: z
      .array(z.string().min(1, { error: 'an alias cannot be empty' }))
      .optional()
      .meta({
        description:
          'Other names the person goes by in other systems ("Katherine Lin" in HR, "Kate Lin" in the CRM): owners and reports_to match them like the name',
      }),
    leaving: planDate(
      'Last day of a CSM who is leaving: from this day on they carry no book, `csplan rebalance` hands over the whole book, and `recommend` and `timeline` plan a backfill ramped by this day',
    ).optional(),
    backfill: z.boolean({ error: 'expected true or false' }).optional().meta({
      description:
        'With `leaving`: false marks a planned cut, so no backfill is planned (default true)',
    }),
  })
  .meta({ description: 'One person (or planned hire) on the team' });

/** A team member's keys, all optional: what the org file adds to a person the roster lists. */
const teamMemberExtras = teamMemberSchema.extend({
  role: role.optional(),
  fte: teamMemberSchema.shape.fte
    .unwrap()
    .optional()
    .meta({ description: 'Share of a full-time role, 0 to 1, when the roster has no FTE' }),
});

export const teamFileSchema = lazyObject(() =>
  z
    .strictObject({
      file: z
        .string()
        .min(1)
        .meta({ description: 'Path to an HR roster export (CSV), relative to the org file' }),
      preset: choice(ROSTER_PRESET_IDS, `expected one of: ${ROSTER_PRESET_IDS.join(', ')}`)
        .optional()
        .meta({
          description: 'Header names of an HRIS export; detected from the headers when not given',
          ...enumDocs(
            ROSTER_PRESET_IDS,
            Object.fromEntries(
              ROSTER_PRESET_IDS.map((id) => [id, `a ${ROSTER_PRESETS[id].label} people export`]),
            ) as Record<(typeof ROSTER_PRESET_IDS)[number], string>,
          ),
        }),
      columns: z
        .partialRecord(
          z.enum(ROSTER_FIELDS, {
            error: `unknown roster field; fields: ${ROSTER_FIELDS.join(', ')}`,
          }),
          z.string(),
        )
        .optional()
        .meta({
          description:
            'Roster field -> CSV header, overriding the preset (an empty header leaves the field unread)',
        }),
      roles: z.record(z.string().min(1), role).optional().meta({
        description:
          'Job title -> role, for titles csplan\'s title table does not know, e.g. "Customer Advocate": csm',
      }),
      date_order: dateOrder(
        'How to read hire and termination dates like 3/4/2027. Detected when a day is above 12; ISO dates need nothing',
      ).optional(),
      members: z.array(teamMemberExtras).optional().meta({
        description:
          'Keys HR does not hold, by team id (segment, languages, aliases...), and people the roster does not list yet (planned hires, with role): the roster wins for the keys it gives',
      }),
    })
    .meta({ description: 'The team read from an HR roster export' }),
);

const rangeOverride = (
  what: string,
  defaults: string,
  [least, most, format]: [number, number, (n: number) => string],
) =>
  z
    .strictObject({
      min: within(least, most, format).meta({ description: `Fewest ${what}` }),
      max: within(least, most, format).meta({ description: `Most ${what}` }),
      target: within(least, most, format)
        .optional()
        .meta({ description: `What the plan sizes to; defaults to the middle of min and max` }),
    })
    .meta({
      description: `${what[0]?.toUpperCase()}${what.slice(1)}: a range (default ${defaults})`,
    });

const segmentPolicy = (segment: SegmentId) => {
  const defaults = segmentDefaults(segment);
  return z
    .strictObject({
      min_arr: money(
        `Lowest account ARR in ${segment} (default ${defaults.minArr}); higher ARR goes to the segment above`,
      ).optional(),
      coverage: choice(['named', 'pooled', 'digital'], 'expected named, pooled or digital')
        .optional()
        .meta({
          description: `How ${segment} accounts are covered (default ${defaults.coverage})`,
          ...coverageDocs,
        }),
      accounts_per_csm: rangeOverride('accounts one CSM carries', defaults.accounts, [
        1,
        MAX_COUNT,
        formatCount,
      ]).optional(),
      arr_per_csm: rangeOverride('dollars of ARR one CSM carries', defaults.arr, [
        MIN_ARR_PER_CSM,
        MAX_MONEY,
        formatMoney,
      ]).optional(),
    })
    .meta({ description: `Thresholds and CSM ratios of the ${segment} segment` });
};

const levelFactor = (value: (typeof LEVELS)[number]) =>
  within(MIN_FACTOR, MAX_FACTOR)
    .optional()
    .meta({
      description: `Load multiplier of a ${value}-complexity account (default ${complexityFactors[value]})`,
    });

const levelFactors = lazyObject(() =>
  z.strictObject({
    low: levelFactor('low'),
    medium: levelFactor('medium'),
    high: levelFactor('high'),
  }),
);

const days = (description: string) =>
  wholeNumber(description).max(3650, { error: 'more than 10 years: check the number' });

const rampWeeks = (description: string) =>
  wholeNumber(description).max(MAX_RAMP_WEEKS, {
    error: `more than ${MAX_RAMP_WEEKS} weeks (2 years): check the number`,
  });

const pct = (description: string, max = 100) =>
  z
    .number({ error: 'expected a percentage, e.g. 10' })
    .min(0, { error: 'a percentage cannot be negative' })
    .max(max, { error: `more than ${max}%: check the number` })
    .meta({ description });

const hiringPolicy = lazyObject(() =>
  z.strictObject({
    lead_days: days('Days from opening a req to the hire starting, for every role').optional(),
    lead_days_by_role: z
      .partialRecord(role, days('Days from opening a req to the hire starting'))
      .optional()
      .meta({ description: 'Hiring lead time per role, where it differs from lead_days' }),
    ramp_weeks: rampWeeks(
      'Weeks until a new hire without a book is fully productive (default 8, as the CSM ramp)',
    ).optional(),
    ramp_weeks_by_role: z
      .partialRecord(role, rampWeeks('Weeks until a new hire is fully productive'))
      .optional()
      .meta({
        description:
          'Ramp per role for roles without a book; CSMs and digital CSMs follow policy.ramp',
      }),
    attrition_pct_12m: pct('Share of people expected to leave in a year, %').optional(),
  }),
);
/** A policy description that quotes the default it overrides. */
const byDefault = (description: string, value: number | string) =>
  `${description} (default ${value})`;
const { stage, spanOfControl, loadDrivers } = DEFAULT_POLICY;

const uplift = (description: string, value: number) =>
  within(0, MAX_FACTOR)
    .optional()
    .meta({ description: `${description} (default ${value}, i.e. +${Math.round(value * 100)}%)` });

export const policySchema = lazyObject(() =>
  z
    .strictObject({
      stage: z
        .strictObject({
          first_hire_customers: atLeastOne(
            byDefault('Customers at which the first-hire stage starts', stage.firstHireCustomers),
          ).optional(),
          specialization_customers: atLeastOne(
            byDefault('Customers at which specialization starts', stage.specializationCustomers),
          ).optional(),
          scale_customers: atLeastOne(
            byDefault('Customers at which the scale stage starts', stage.scaleCustomers),
          ).optional(),
          specialization_arr: money(
            byDefault('ARR at which specialization starts', formatMoney(stage.specializationArr)),
          ).optional(),
          scale_arr: money(
            byDefault('ARR at which the scale stage starts', formatMoney(stage.scaleArr)),
          ).optional(),
        })
        .optional()
        .meta({ description: 'Where each stage starts, by customer count and by ARR' }),
      segments: z
        .strictObject(
          Object.fromEntries(SEGMENT_IDS.map((s) => [s, segmentPolicy(s).optional()])) as Record<
            SegmentId,
            z.ZodOptional<ReturnType<typeof segmentPolicy>>
          >,
        )
        .optional()
        .meta({ description: 'Per-segment thresholds and CSM ratios' }),
      digital_automation: choice(AUTOMATION_LEVELS, 'expected none, some or mature')
        .optional()
        .meta({
          description: byDefault(
            'How automated the digital programs are: sets the ARR one digital CSM carries, within the published $1-5M (CS Operations Architect guide)',
            DEFAULT_POLICY.digitalAutomation,
          ),
          ...enumDocs(AUTOMATION_LEVELS, {
            none: 'programs run by hand: the low end of the ARR range per digital CSM',
            some: 'lifecycle emails and usage alerts: the target of the range',
            mature: 'in-app guides, automated lifecycle and community: the top of the range',
          }),
        }),
      complexity_factors: levelFactors
        .optional()
        .meta({ description: 'Load multiplier per complexity' }),
      load_drivers: z
        .strictObject({
          long_implementation_days: wholeNumber(
            byDefault(
              'Implementation longer than this, in days, adds load',
              loadDrivers.longImplementationDays,
            ),
          ).optional(),
          long_implementation_uplift: uplift(
            'Extra load of an account with a long implementation',
            DEFAULT_POLICY.loadDrivers.longImplementationUplift,
          ),
          many_stakeholders: wholeNumber(
            byDefault('More stakeholders than this adds load', loadDrivers.manyStakeholders),
          ).optional(),
          many_stakeholders_uplift: uplift(
            'Extra load of an account with many stakeholders',
            DEFAULT_POLICY.loadDrivers.manyStakeholdersUplift,
          ),
          regulated_uplift: uplift(
            'Extra load of an account in a regulated industry',
            DEFAULT_POLICY.loadDrivers.regulatedUplift,
          ),
        })
        .optional()
        .meta({ description: 'Account traits that add to the CSM effort an account needs' }),
      offload: z
        .strictObject({
          onboarding: uplift(
            'Extra capacity per CSM when someone has role onboarding',
            DEFAULT_POLICY.offload.onboarding,
          ),
          support: uplift(
            'Extra capacity per CSM when someone has role support',
            DEFAULT_POLICY.offload.support,
          ),
        })
        .optional()
        .meta({
          description: 'Extra CSM capacity when dedicated onboarding / support teams exist',
        }),
      ramp: z
        .array(
          z.strictObject({
            until_week: atLeastOne('Last week of tenure this step covers').max(MAX_RAMP_WEEKS, {
              error: `more than ${MAX_RAMP_WEEKS} weeks (2 years): check the number`,
            }),
            capacity: share('Share of a full book carried in this step'),
          }),
        )
        .optional()
        .meta({ description: 'Ramp schedule for new CSMs' }),
      handover_weeks: wholeNumber(
        'Weeks before a leave date that a leaver spends handing accounts over, carrying half a book; a backfill is planned ramped when they start (default 0: a full book to the last day)',
      )
        .max(MAX_HANDOVER_WEEKS, {
          error: `more than ${MAX_HANDOVER_WEEKS} weeks (half a year): check the number`,
        })
        .optional(),
      span_of_control: z
        .strictObject({
          manager_min: atLeastOne(
            byDefault('Fewest direct reports for a manager', spanOfControl.managerMin),
          ).optional(),
          manager_max: atLeastOne(
            byDefault('Most direct reports for a manager', spanOfControl.managerMax),
          ).optional(),
          director_min: atLeastOne(
            byDefault('Fewest managers under a director', spanOfControl.directorMin),
          ).optional(),
          director_max: atLeastOne(
            byDefault('Most managers under a director', spanOfControl.directorMax),
          ).optional(),
        })
        .optional()
        .meta({ description: 'How many people one leader manages well' }),
      health_mix_max: share(
        byDefault('Most red/yellow share in one book', DEFAULT_POLICY.healthMixMax),
      ).optional(),
      cs_ops_at_csms: atLeastOne(
        byDefault('CSM count by which CS Ops should exist', DEFAULT_POLICY.csOpsAtCsms),
      ).optional(),
      unowned_arr_share_max: share(
        byDefault(
          'Largest share of ARR allowed without an owner',
          DEFAULT_POLICY.unownedArrShareMax,
        ),
      ).optional(),
      downgrade_cooldown_days: wholeNumber(
        byDefault(
          'Days after a negative event during which an account must not be moved to a lower tier',
          DEFAULT_POLICY.downgradeCooldownDays,
        ),
      ).optional(),
      renewal_freeze_days: wholeNumber(
        byDefault(
          'Days before a renewal during which an account should not change owner',
          DEFAULT_POLICY.renewalFreezeDays,
        ),
      ).optional(),
      salaries: z
        .partialRecord(roleKey, money('Yearly fully loaded cost'))
        .optional()
        .meta({ description: 'Yearly cost per role, to price hiring gaps' }),
      hiring: hiringPolicy
        .optional()
        .meta({ description: 'Hiring lead time, ramp and attrition, for `csplan timeline`' }),
    })
    .meta({
      description:
        'Overrides of the default benchmarks: each figure and its published source are listed in the README ("Where the numbers come from") and docs/sources.md',
    }),
);

const SETTINGS = ['off', 'warning', 'error'] as const;
export const ruleSettingSchema = choice(SETTINGS, 'expected off, warning or error').meta({
  ...enumDocs(SETTINGS, {
    off: 'not checked',
    warning: 'reported; fails check only with --fail-on warning',
    error: 'reported and fails check',
  }),
});

/**
 * Any key passes here, so that csplan itself reports a misspelt rule with a did-you-mean; the
 * JSON Schema lists the known rules (see orgJsonSchema), so editors flag and complete them.
 */
const rulesSchema = z
  .record(z.string(), ruleSettingSchema)
  .optional()
  .meta({ description: 'Severity per rule id: off, warning or error' });

export const compPlanSchema = lazyObject(() =>
  z
    .strictObject({
      base_pct: z
        .number()
        .min(0)
        .max(100)
        .meta({ description: 'Base salary share of on-target pay, %' }),
      variable_pct: z
        .number()
        .min(0)
        .max(100)
        .meta({ description: 'Variable share of on-target pay, %' }),
      variable_weights: z
        .record(z.string(), z.number().min(0).max(100))
        .optional()
        .meta({ description: 'Weights of the variable part in %, e.g. nrr: 45, renewal_rate: 25' }),
    })
    .meta({ description: 'Compensation plan of one role' }),
);

/** Growth figures that can be given for the whole company or for one segment. */
const segmentGrowthFields = () => ({
  new_customers_per_month: z
    .number({ error: 'expected a number of customers, e.g. 5' })
    .min(0, { error: 'cannot be negative' })
    .max(MAX_NEW_CUSTOMERS_PER_MONTH, {
      error: `more than ${formatCount(MAX_NEW_CUSTOMERS_PER_MONTH)} a month: check the number`,
    })
    .meta({ description: 'New customers won each month' })
    .optional(),
  customer_growth_pct_per_month: pct(
    'New customers each month as a share of the customers at the start of the month, %',
    MAX_CUSTOMER_GROWTH_PCT_PER_MONTH,
  ).optional(),
  expansion_pct_12m: pct(
    'ARR growth of existing customers over 12 months (upsell), %, spread evenly over the months',
    10_000,
  ).optional(),
  churn_pct_12m: pct('Customers (and their ARR) lost over 12 months, %').optional(),
  gross_retention_pct: pct(
    'Gross revenue retention over 12 months, %: ARR kept before expansion (90 means 10% churns)',
  ).optional(),
  new_customer_arr: money(
    'ARR of one new customer (default: the average of the segment today)',
  ).optional(),
});

const segmentGrowth = lazyObject(() =>
  z
    .strictObject(segmentGrowthFields())
    .meta({ description: 'Growth of one segment; overrides the company-wide figures' }),
);

export const growthSchema = lazyObject(() =>
  z
    .strictObject({
      new_customers_12m: wholeNumber('New customers expected in the next 12 months')
        .max(MAX_NEW_CUSTOMERS_PER_MONTH * 12, {
          error: `more than ${formatCount(MAX_NEW_CUSTOMERS_PER_MONTH * 12)} a year: check the number`,
        })
        .optional(),
      arr_growth_pct_12m: z
        .number({ error: 'expected a percentage, e.g. 40' })
        .min(-100, { error: 'ARR cannot shrink by more than 100%' })
        .max(10_000, { error: 'more than 10,000%: check the number' })
        .meta({ description: 'Expected ARR growth over 12 months, %' })
        .optional(),
      new_csm_hires_12m: wholeNumber('CSM hires already budgeted for the next 12 months')
        .max(MAX_PROJECTED_GROWTH, {
          error: 'more hires than customers csplan plans: check the number',
        })
        .optional(),
      ...segmentGrowthFields(),
      segments: z
        .strictObject(
          Object.fromEntries(SEGMENT_IDS.map((s) => [s, segmentGrowth.optional()])) as Record<
            (typeof SEGMENT_IDS)[number],
            z.ZodOptional<typeof segmentGrowth>
          >,
        )
        .optional()
        .meta({
          description: 'Growth per segment, where it differs from the company-wide figures',
        }),
    })
    .meta({ description: 'Expected growth, for the projection and `csplan timeline`' }),
);

export const scenarioSchema = lazyObject(() =>
  z
    .strictObject({
      description: z.string().optional().meta({ description: 'What the scenario assumes' }),
      growth: growthSchema.optional(),
      policy: policySchema.optional(),
      freeze_until: planDate('No req opens before this date (a hiring freeze)').optional(),
    })
    .meta({
      description:
        'A what-if: growth and policy keys given here replace those of the file, key by key',
    }),
);

export const orgFileSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'JSON Schema reference for editors' }),
    version: z
      .literal(1, { error: 'version must be 1' })
      .meta({ description: 'File format version' }),
    company: companySchema,
    accounts: z
      .union([z.array(accountSchema), accountsFileSchema], {
        error: 'accounts is a list of accounts or { file: accounts.csv }',
      })
      .optional()
      .meta({ description: 'Customer accounts, listed or read from a CSV/JSON export' }),
    account_groups: z
      .array(accountGroupSchema)
      .optional()
      .meta({ description: 'Many similar accounts (a long tail) described as groups' }),
    team: z
      .union([z.array(teamMemberSchema), teamFileSchema], {
        error: 'team is a list of people or { file: roster.csv }',
      })
      .optional()
      .meta({
        description: 'The CS team and its reporting lines, listed or read from an HR roster export',
      }),
    policy: policySchema.optional(),
    rules: rulesSchema,
    compensation: z
      .partialRecord(roleKey, compPlanSchema)
      .optional()
      .meta({ description: 'Compensation plans by role, checked by the comp-plan rule' }),
    growth: growthSchema.optional(),
    scenarios: z
      .record(
        z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, {
          error: 'scenario names are lower-case letters, digits, - and _',
        }),
        scenarioSchema,
      )
      .optional()
      .meta({ description: 'Named what-if scenarios for `csplan timeline --scenario/--compare`' }),
  })
  .meta({
    title: 'csplan org file',
    description:
      'A Customer Success org plan for csplan. Fixed choices (role, health, segment...) are read in any case, with spaces or underscores for hyphens: csplan reads "Mid Market" as mid-market; this schema lists the canonical spellings',
  });

export type OrgFileInput = z.input<typeof orgFileSchema>;
export type OrgFile = z.output<typeof orgFileSchema>;
export type AccountInput = z.output<typeof accountSchema>;
export type PolicyInput = z.output<typeof policySchema>;
export type TeamMemberInput = z.output<typeof teamMemberSchema>;
export type TeamFileSpec = z.output<typeof teamFileSchema>;
/** The org file once a `team: { file }` is read: the team as a list. */
export type PlannedOrgFile = Omit<OrgFile, 'team'> & { team?: TeamMemberInput[] };

/** The `$id` of the JSON Schema of one csplan version; `schemaIdVersion` reads it back. */
export function schemaId(version: string): string {
  return `urn:csplan:org-schema:${version}`;
}

export function schemaIdVersion(id: unknown): string | undefined {
  return typeof id === 'string' ? /^urn:csplan:org-schema:(.+)$/.exec(id)?.[1] : undefined;
}

/** The JSON Schema of the org file as csplan `version` understands it (draft-07, for editors). */
export function orgJsonSchema(version: string): Record<string, unknown> {
  const schema = z.toJSONSchema(orgFileSchema, {
    target: 'draft-07',
    io: 'input',
    override: ({ zodSchema, jsonSchema }) => {
      // zod drops the default of a field read through `choice` (a transform); the default is
      // still what an absent key means, so it is put back for editors to show.
      const def = zodSchema._zod.def;
      if (def.type === 'default' && jsonSchema.default === undefined)
        jsonSchema.default = (def as { defaultValue: unknown }).defaultValue;
      if (zodSchema !== rulesSchema.unwrap()) return;
      // Only the known rules, each with its summary, so that editors flag a misspelt one.
      // The setting is read through `choice`, whose enum zod has not inlined here yet.
      const setting = {
        type: 'string' as const,
        enum: [...SETTINGS],
        ...(jsonSchema.additionalProperties as Record<string, unknown>),
      };
      delete jsonSchema.propertyNames;
      jsonSchema.properties = Object.fromEntries(
        RULES.map((rule) => [
          rule.id,
          { ...setting, description: `${rule.summary} (default ${rule.defaultSeverity})` },
        ]),
      );
      jsonSchema.additionalProperties = false;
    },
  }) as Record<string, unknown>;
  return { $schema: schema.$schema, $id: schemaId(version), ...schema };
}
