/**
 * `csplan init` flags: checked before anything is asked or loaded (bad values are usage errors,
 * exit 2), then used as answers. A flag answers its question in the wizard too, so
 * `csplan init --name Acme` asks everything but the name.
 */

import { extname, resolve } from 'node:path';
import type { Level, Motion } from '../../core/model.js';
import type { RoleId } from '../../core/roles.js';
import { UsageError } from '../exit-codes.js';
import {
  accountsFileProblem,
  detectPreset,
  exportDateOrder,
  pathFromOrgFile,
  readCsvHeader,
} from './accounts-source.js';
import {
  type CustomersAnswer,
  type DateOrderAnswer,
  defaultAnswers,
  type InitAnswers,
  type Preset,
  type RosterAnswer,
} from './answers.js';
import { bandOf } from './bands.js';
import { parseCount, parseMoney, parseName } from './parse.js';
import type { GivenAnswers } from './wizard.js';

/** Options as commander hands them over: strings, unparsed. */
export interface InitOptions {
  /** Write a starter file from defaults and flags, asking nothing. */
  yes?: boolean;
  /** Replace an existing file without asking. */
  force?: boolean;
  name?: string;
  motion?: string;
  complexity?: string;
  /** Number of customers today (one group). */
  customers?: string;
  /** Total ARR of those customers: 1200000, 1.2M, 800k. */
  arr?: string;
  /** Accounts from a CRM export (CSV or JSON). */
  from?: string;
  preset?: string;
  /** month-first | day-first: dates like 3/4/2027 in the --from file. */
  dateOrder?: string;
  /** `field=Header`, repeatable: columns of the --from file, as `csplan import --columns`. */
  columns?: string[];
  /** The team from an HR roster export (CSV): written as `team: { file }`, no per-person questions. */
  roster?: string;
  /** `Job title=role`, repeatable: roster titles csplan's title table does not know. */
  roles?: string[];
}

const MOTIONS: readonly Motion[] = ['sales-led', 'product-led', 'hybrid'];
const LEVELS: readonly Level[] = ['low', 'medium', 'high'];
const PRESETS: readonly Preset[] = ['salesforce', 'hubspot'];
const DATE_ORDERS: readonly DateOrderAnswer[] = ['month-first', 'day-first'];

function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  const normalised = value.trim().toLowerCase();
  if ((allowed as readonly string[]).includes(normalised)) return normalised as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
}

/** The answers the flags give. Throws UsageError for a bad value or a bad combination. */
export async function givenAnswers(options: InitOptions, cwd: string): Promise<GivenAnswers> {
  const given: GivenAnswers = {};
  if (options.name !== undefined) {
    const name = parseName(options.name, 'a company name');
    if (!name.ok) throw new UsageError(`--name: ${name.message}`);
    given.name = name.value;
  }
  const motion = oneOf('--motion', options.motion, MOTIONS);
  if (motion) given.motion = motion;
  const complexity = oneOf('--complexity', options.complexity, LEVELS);
  if (complexity) given.productComplexity = complexity;

  if (options.from !== undefined && (options.customers !== undefined || options.arr !== undefined))
    throw new UsageError('give either --from (a CRM export) or --customers/--arr, not both');
  if (options.preset !== undefined && options.from === undefined)
    throw new UsageError('--preset names the CRM of the --from file; give --from too');
  const preset = oneOf('--preset', options.preset, PRESETS);
  if (preset) given.preset = preset;
  if (options.dateOrder !== undefined && options.from === undefined)
    throw new UsageError('--date-order is how the --from file writes dates; give --from too');
  const dateOrder = oneOf('--date-order', options.dateOrder, DATE_ORDERS);
  if (dateOrder && extname(options.from ?? '').toLowerCase() !== '.csv')
    throw new UsageError('--date-order is for a CSV export; dates in a JSON file are YYYY-MM-DD');
  if (dateOrder) given.dateOrder = dateOrder;
  if (options.from !== undefined) {
    const problem = await accountsFileProblem(options.from, cwd);
    if (problem) throw new UsageError(`--from: ${problem}`);
    given.from = options.from.trim();
  }
  if (options.columns !== undefined) {
    if (options.from === undefined)
      throw new UsageError('--columns maps the columns of the --from file; give --from too');
    const { parseColumns } = await import('../commands/import.js');
    given.columns = parseColumns(options.columns);
  }
  if (options.roles !== undefined && options.roster === undefined)
    throw new UsageError('--roles maps job titles of the --roster file; give --roster too');
  if (options.roster !== undefined) {
    const problem = await accountsFileProblem(options.roster, cwd);
    if (problem || extname(options.roster).toLowerCase() !== '.csv')
      throw new UsageError(
        `--roster: ${problem ?? 'csplan reads a roster from a .csv file; export the people report as CSV'}`,
      );
    // A title mapped to no role is a usage error before any question.
    const { parseRoles } = await import('../commands/import-roster.js');
    parseRoles(options.roles);
    given.roster = { path: options.roster.trim(), roles: options.roles ?? [] };
  }
  const customers = customersFromFlags(options);
  if (customers) given.customers = customers;
  return given;
}

function customersFromFlags(options: InitOptions): CustomersAnswer | undefined {
  if (options.arr !== undefined && options.customers === undefined)
    throw new UsageError('--arr is the total ARR of your customers; give --customers too');
  if (options.customers === undefined) return undefined;
  const count = parseCount(options.customers);
  if (!count.ok)
    throw new UsageError(
      `--customers must be a whole number, 0 or more (got "${options.customers}")`,
    );
  if (options.arr === undefined) {
    return {
      source: 'total',
      count: count.value,
      arrEach: bandOf('smb').typicalArr,
      arrAssumed: true,
    };
  }
  const arr = parseMoney(options.arr);
  if (!arr.ok)
    throw new UsageError(
      `--arr must be the total ARR in whole dollars, e.g. 1200000 or 1.2M (got "${options.arr}")`,
    );
  if (arr.value > 0 && count.value === 0)
    throw new UsageError('--arr is above 0 but --customers is 0');
  return { source: 'total', count: count.value, arrTotal: arr.value, arrAssumed: false };
}

/**
 * `--yes`: the defaults (what pressing Enter everywhere gives) with the flags applied. Customers
 * given as --customers/--arr become one group, segmented by its average ARR: csplan cannot know
 * how they spread across bands, and one honest group is better than an invented split.
 */
export async function answersFromFlags(
  given: GivenAnswers,
  context: { cwd: string; orgDir: string; today: string },
): Promise<InitAnswers> {
  const answers = defaultAnswers();
  answers.company = {
    name: given.name ?? answers.company.name,
    motion: given.motion ?? answers.company.motion,
    productComplexity: given.productComplexity ?? answers.company.productComplexity,
  };
  if (given.roster) {
    answers.roster = await rosterAnswer(given.roster, context);
    answers.team = [];
    answers.founderOwnsAccounts = false;
  }
  if (given.customers) answers.customers = given.customers;
  else if (given.from !== undefined) {
    const path = resolve(context.cwd, given.from);
    const preset = given.preset ?? detectPreset(await readCsvHeader(path));
    // The order given, or the one the file's dates show, is written down for later exports.
    const found = given.dateOrder
      ? undefined
      : await exportDateOrder(path, preset ? { preset } : {});
    const dateOrder = given.dateOrder ?? (typeof found === 'object' ? found.detected : undefined);
    answers.customers = {
      source: 'file',
      file: pathFromOrgFile(given.from, context.cwd, context.orgDir),
      ...(preset ? { preset } : {}),
      ...(given.columns ? { columns: given.columns } : {}),
      ...(dateOrder ? { dateOrder } : {}),
    };
  }
  return answers;
}

/**
 * The roster as the org file will name it, with what reading it now shows: its HRIS (written as
 * the preset), the date order its dates give, the titles mapped with --roles, and who is on it.
 */
export async function rosterAnswer(
  roster: NonNullable<GivenAnswers['roster']>,
  context: { cwd: string; orgDir: string; today: string },
): Promise<RosterAnswer> {
  const { readFile } = await import('node:fs/promises');
  const { readRoster } = await import('../../config/roster/read-roster.js');
  const { parseRoles } = await import('../commands/import-roster.js');
  const { roleFromText } = await import('../../config/role-names.js');
  const roles: Record<string, RoleId> = {};
  for (const value of roster.roles) {
    const at = value.lastIndexOf('=');
    roles[value.slice(0, at).trim()] = roleFromText(value.slice(at + 1).trim()) as RoleId;
  }
  const text = await readFile(resolve(context.cwd, roster.path), 'utf8');
  const read = readRoster(text, {
    file: roster.path,
    roles: parseRoles(roster.roles),
    asOf: context.today,
  });
  return {
    file: pathFromOrgFile(roster.path, context.cwd, context.orgDir),
    ...(read.preset ? { preset: read.preset } : {}),
    ...(Object.keys(roles).length > 0 ? { roles } : {}),
    ...(read.dates?.detected ? { dateOrder: read.dates.order } : {}),
    people: read.members.length,
  };
}
