/**
 * The questions of `csplan init`, asked through injected prompt functions: @inquirer/prompts in
 * the terminal, @inquirer/testing's screen or a scripted fake in tests. Answers come back as
 * `InitAnswers`; nothing here touches the org file.
 */

import { resolve } from 'node:path';
import type { Level, Motion, SegmentId } from '../../core/model.js';
import { formatMoney, plural } from '../../core/money.js';
import { segmentTitle } from '../../core/orgchart.js';
import { DEFAULT_POLICY } from '../../core/policy.js';
import {
  BOOK_ROLES,
  CS_MANAGER_ROLES,
  EXECUTIVE_ROLES,
  FUNCTION_HEADS,
  ROLES,
  type RoleId,
  roleLabel,
} from '../../core/roles.js';
import {
  accountsFileProblem,
  detectPreset,
  exportDateOrder,
  fieldFound,
  guessColumn,
  MAPPED_FIELDS,
  pathFromOrgFile,
  readCsvHeader,
} from './accounts-source.js';
import {
  type BandAnswer,
  type CustomersAnswer,
  type DateOrderAnswer,
  DEFAULT_COMPANY_NAME,
  DEFAULT_FOUNDER_NAME,
  type GrowthAnswer,
  type InitAnswers,
  type PersonAnswer,
  type Preset,
} from './answers.js';
import { BANDS } from './bands.js';
import { rosterAnswer } from './flags.js';
import {
  accepted,
  parseBandArr,
  parseCount,
  parseId,
  parseName,
  parseOptionalDate,
  parsePercent,
  uniqueId,
  validator,
} from './parse.js';

export interface Choice<T> {
  value: T;
  name?: string;
  description?: string;
}

/** The three prompt kinds the wizard uses; @inquirer/prompts' functions fit this shape. */
export interface Prompts {
  input(config: {
    message: string;
    default?: string;
    validate?: (value: string) => boolean | string | Promise<boolean | string>;
  }): Promise<string>;
  select<const T extends string>(config: {
    message: string;
    choices: readonly Choice<T>[];
    default?: NoInfer<T>;
    pageSize?: number;
    loop?: boolean;
  }): Promise<T>;
  confirm(config: { message: string; default?: boolean }): Promise<boolean>;
}

/** Answers given on the command line: their questions are not asked. */
export interface GivenAnswers {
  name?: string;
  motion?: Motion;
  productComplexity?: Level;
  /** From `--customers` / `--arr`. */
  customers?: CustomersAnswer;
  /** `--from`: path of a CRM export as typed (relative to the working folder). */
  from?: string;
  preset?: Preset;
  /** `--date-order`: how the --from file writes dates like 3/4/2027. */
  dateOrder?: DateOrderAnswer;
  /** `--columns`: columns of the --from file csplan does not find alone. */
  columns?: Record<string, string>;
  /** `--roster` (and `--roles`): the team from an HR roster, so no one is asked about. */
  roster?: { path: string; roles: string[] };
}

export interface WizardContext {
  today: string;
  /** Folder relative paths are typed from. */
  cwd: string;
  /** Folder of the org file: the accounts file is written relative to it. */
  orgDir: string;
  given: GivenAnswers;
  /** Headings and notes between questions (stderr). */
  say(text: string): void;
}

export async function runWizard(prompts: Prompts, context: WizardContext): Promise<InitAnswers> {
  context.say('\nYour company');
  const company = await askCompany(prompts, context);
  context.say('\nYour customers');
  const customers = await askCustomers(prompts, context);
  context.say('\nYour team');
  const roster = context.given.roster
    ? await rosterAnswer(context.given.roster, context)
    : undefined;
  if (roster)
    context.say(
      `  Read from ${roster.file} on every run: ${plural(roster.people, 'person', 'people')} in CS and above them today.`,
    );
  const { team, founderOwnsAccounts } = roster
    ? { team: [], founderOwnsAccounts: false }
    : await askTeam(prompts, context, customers);
  context.say('\nThe next 12 months');
  const growth = await askGrowth(prompts);
  return {
    company,
    customers,
    founderOwnsAccounts,
    team,
    ...(roster ? { roster } : {}),
    ...(growth ? { growth } : {}),
  };
}

export async function askCompany(
  prompts: Prompts,
  context: WizardContext,
): Promise<InitAnswers['company']> {
  const { given } = context;
  const name =
    given.name ??
    accepted(
      parseName(
        await prompts.input({
          message: 'Company name',
          default: DEFAULT_COMPANY_NAME,
          validate: validator((text) => parseName(text, 'the company name')),
        }),
      ),
    );
  const motion =
    given.motion ??
    (await prompts.select<Motion>({
      message: 'How do you sell?',
      choices: [
        { value: 'sales-led', name: 'Sales-led: a sales team closes the deals' },
        { value: 'product-led', name: 'Product-led: customers sign up and buy in the product' },
        { value: 'hybrid', name: 'Hybrid: both' },
      ],
      default: 'sales-led',
    }));
  const productComplexity =
    given.productComplexity ??
    (await prompts.select<Level>({
      message: 'How much work is it for a customer to adopt the product?',
      choices: [
        { value: 'low', name: 'Little: customers get going on their own within days' },
        { value: 'medium', name: 'Some: guided onboarding, live within weeks' },
        { value: 'high', name: 'A lot: implementation projects of months, many stakeholders' },
      ],
      default: 'medium',
    }));
  return { name, motion, productComplexity };
}

export async function askCustomers(
  prompts: Prompts,
  context: WizardContext,
): Promise<CustomersAnswer> {
  const { given } = context;
  if (given.customers) return given.customers;
  if (given.from !== undefined) {
    const answer = await askAccountsFile(prompts, context, given.from);
    if (answer.source === 'file') context.say(`  Read from ${answer.file} on every run.`);
    return answer;
  }
  const source = await prompts.select<'bands' | 'file'>({
    message: 'How do you want to describe your customers?',
    choices: [
      { value: 'bands', name: 'Count them by what they pay per year (ARR)' },
      { value: 'file', name: 'Read them from a CSV export of accounts (Salesforce, HubSpot...)' },
    ],
    default: 'bands',
  });
  if (source === 'file') return askAccountsFile(prompts, context);
  return { source: 'bands', bands: await askBands(prompts) };
}

/** How many customers pay how much: one question per ARR band, then the typical figure. */
export async function askBands(prompts: Prompts): Promise<BandAnswer[]> {
  const bands: BandAnswer[] = [];
  for (const band of BANDS) {
    const count = accepted(
      parseCount(
        await prompts.input({
          message: `How many customers pay ${band.range} a year?`,
          default: '0',
          validate: validator((text) => parseCount(text)),
        }),
      ),
    );
    if (count === 0) continue;
    const arrEach = accepted(
      parseBandArr(
        await prompts.input({
          message: '  What does a typical one of them pay per year?',
          default: formatMoney(band.typicalArr),
          validate: validator((text) => parseBandArr(text, band)),
        }),
        band,
      ),
    );
    bands.push({ segment: band.segment, count, arrEach });
  }
  return bands;
}

const PRESET_CHOICES: readonly Choice<Preset | 'none'>[] = [
  { value: 'salesforce', name: 'Salesforce (report or Data Loader export)' },
  { value: 'hubspot', name: 'HubSpot (companies export)' },
  { value: 'none', name: 'Other: I will say which columns hold what' },
];

/** A CRM export: where it is, which CRM made it, and the columns csplan cannot find alone. */
export async function askAccountsFile(
  prompts: Prompts,
  context: WizardContext,
  givenPath?: string,
): Promise<CustomersAnswer> {
  const path =
    givenPath ??
    (
      await prompts.input({
        message: 'Path to the CSV file',
        default: 'accounts.csv',
        validate: async (text) => (await accountsFileProblem(text, context.cwd)) ?? true,
      })
    ).trim();
  const file = pathFromOrgFile(path, context.cwd, context.orgDir);
  const headers = await readCsvHeader(resolve(context.cwd, path));
  if (headers.length === 0) return { source: 'file', file, ...presetPart(context.given.preset) };

  const detected = detectPreset(headers);
  // With --from the detected CRM is taken as is; otherwise it is the suggested answer.
  let preset: Preset | undefined =
    context.given.preset ?? (givenPath !== undefined ? detected : undefined);
  if (preset === undefined) {
    const chosen = await prompts.select<Preset | 'none'>({
      message: 'Which CRM did the file come from?',
      choices: PRESET_CHOICES,
      default: detected ?? 'none',
    });
    preset = chosen === 'none' ? undefined : chosen;
  }

  const columns: Record<string, string> = { ...context.given.columns };
  for (const { field, required, what } of MAPPED_FIELDS) {
    if (field in columns || fieldFound(field, headers, preset)) continue;
    if (!required && preset) continue;
    const none = '\u0000none';
    const choices: Choice<string>[] = headers.map((header) => ({ value: header, name: header }));
    if (!required) choices.push({ value: none, name: '(no such column)' });
    const column = await prompts.select<string>({
      message: `Which column holds ${what}?`,
      choices,
      default: guessColumn(field, headers) ?? (required ? headers[0] : none),
      pageSize: 12,
    });
    if (column !== none) columns[field] = column;
  }
  const mapped = Object.keys(columns).length > 0 ? { columns } : {};
  // A detected order is written down too, so a later export whose days are all 12 or less
  // is still read the same way (as `csplan import --write` does).
  const found = context.given.dateOrder
    ? undefined
    : await exportDateOrder(resolve(context.cwd, path), { preset, ...mapped });
  const dateOrder =
    context.given.dateOrder ??
    (typeof found === 'object' ? found.detected : undefined) ??
    (found === 'unknown'
      ? await prompts.select<DateOrderAnswer>({
          message: 'The file has dates like 3/4/2027. Which is it?',
          choices: [
            { value: 'month-first', name: 'March 4, 2027: month first, as in the US' },
            { value: 'day-first', name: '3 April 2027: day first' },
          ],
          default: 'month-first',
        })
      : undefined);
  return {
    source: 'file',
    file,
    ...presetPart(preset),
    ...mapped,
    ...(dateOrder ? { dateOrder } : {}),
  };
}

function presetPart(preset: Preset | undefined): { preset?: Preset } {
  return preset ? { preset } : {};
}

type Caretaker = 'founder' | 'team' | 'nobody';

/** Roles in the order a founder looks for them, with what each one does. */
const ROLE_CHOICES: readonly Choice<RoleId>[] = (
  [
    ['csm', 'Owns a book of customers: onboarding, adoption, renewals'],
    ['manager-cs', 'Leads a team of CSMs'],
    ['director-cs', 'Heads Customer Success, manages the managers'],
    ['vp-cs', 'Executive over all of Customer Success'],
    ['cco', 'Executive over everything after the sale'],
    ['cs-ops', 'Tools, data and processes for the CS team'],
    ['onboarding', 'Gets new customers live'],
    ['support', 'Answers tickets and questions'],
    ['renewals', 'Runs renewals and the renewal forecast'],
    ['account-manager', 'Expansion and upsell'],
    ['digital-csm', 'One-to-many programs for many small customers'],
    ['enablement', 'Trains and coaches the CS team'],
    ['solutions-engineer', 'Technical expert for complex accounts'],
    ['professional-services', 'Paid implementation and consulting'],
    ['education', 'Courses, docs and academies for customers'],
    ['customer-marketing', 'References, advocacy and community'],
    ['head-of-onboarding', 'Leads the onboarding team'],
    ['head-of-support', 'Leads the support team'],
    ['head-of-renewals', 'Leads the renewals team'],
    ['head-of-account-management', 'Leads the account managers'],
    ['head-of-professional-services', 'Leads professional services'],
    ['revops', 'Revenue operations: CRM, forecasting, sales process'],
    ['founder', 'A founder who also works with customers'],
    ['ceo', 'Chief executive'],
    ['coo', 'Chief operating officer'],
    ['cro', 'Chief revenue officer'],
    ['vp-sales', 'Head of sales'],
    ['sales', 'Sells to new or existing customers'],
  ] as const
).map(([value, description]) => ({ value, name: roleLabel(value), description }));

const rampWeeks = Math.max(...DEFAULT_POLICY.ramp.map((step) => step.untilWeek));

export async function askTeam(
  prompts: Prompts,
  context: WizardContext,
  customers: CustomersAnswer,
): Promise<{ team: PersonAnswer[]; founderOwnsAccounts: boolean }> {
  const caretaker = await prompts.select<Caretaker>({
    message: 'Who looks after customers today?',
    choices: [
      { value: 'founder', name: 'I do, as a founder' },
      { value: 'team', name: 'A team: I will list the people' },
      { value: 'nobody', name: 'Nobody in particular yet' },
    ],
    default: 'founder',
  });
  const team: PersonAnswer[] = [];
  if (caretaker === 'founder') {
    const name = accepted(
      parseName(
        await prompts.input({
          message: 'Your name',
          default: DEFAULT_FOUNDER_NAME,
          validate: validator((text) => parseName(text, 'your name')),
        }),
      ),
    );
    team.push({ id: uniqueId(name, new Set(), 'founder'), name, role: 'founder' });
  }
  const segments = customerSegments(customers);
  for (;;) {
    const more = await prompts.confirm({
      message:
        team.length === 0
          ? 'Add a person who works with customers (CSM, manager, CS Ops, support...)?'
          : 'Add another person who works with customers (CSM, manager, CS Ops, support...)?',
      default: caretaker === 'team' && team.length === 0,
    });
    if (!more) break;
    team.push(await askPerson(prompts, context, team, segments));
  }
  return { team, founderOwnsAccounts: caretaker === 'founder' };
}

/** Segments the customers were put in (bands), for the default segment of a new CSM. */
function customerSegments(customers: CustomersAnswer): SegmentId[] {
  return customers.source === 'bands' ? customers.bands.map((band) => band.segment) : [];
}

export async function askPerson(
  prompts: Prompts,
  context: WizardContext,
  team: readonly PersonAnswer[],
  segments: readonly SegmentId[],
): Promise<PersonAnswer> {
  const name = accepted(
    parseName(
      await prompts.input({
        message: 'Their name',
        validate: validator((text) => parseName(text, 'their name')),
      }),
    ),
  );
  const role = await prompts.select<RoleId>({
    message: `What does ${name} do?`,
    choices: ROLE_CHOICES,
    default: 'csm',
    pageSize: 10,
  });
  const taken = new Set(team.map((person) => person.id));
  const id = accepted(
    parseId(
      await prompts.input({
        message: `Short id for ${name} (how the file refers to them)`,
        default: uniqueId(name, taken),
        validate: validator((text) => parseId(text, taken)),
      }),
      taken,
    ),
  );
  const person: PersonAnswer = { id, name, role };
  if (BOOK_ROLES.has(role)) {
    const startDate = accepted(
      parseOptionalDate(
        await prompts.input({
          message: `${name}'s first day in the role, YYYY-MM-DD (Enter if over ${rampWeeks} weeks ago)`,
          default: '',
          validate: validator((text) => parseOptionalDate(text, context.today)),
        }),
        context.today,
      ),
    );
    if (startDate) {
      person.startDate = startDate;
      if (startDate > context.today)
        context.say(`  ${name} counts as a planned hire from ${startDate}.`);
    }
    const segment = await prompts.select<SegmentId | 'all'>({
      message: `Which customers does ${name} look after?`,
      choices: [
        { value: 'all', name: 'All of them (a generalist)' },
        ...BANDS.map((band) => ({
          value: band.segment,
          name: `${segmentTitle(band.segment)}: customers paying ${band.range} a year`,
        })),
      ],
      default: segments.length === 1 && segments[0] ? segments[0] : 'all',
    });
    if (segment !== 'all') person.segment = segment;
  }
  if (team.length > 0) {
    const none = '\u0000none';
    const manager = await prompts.select<string>({
      message: `Who does ${name} report to?`,
      choices: [
        ...team.map((p) => ({ value: p.id, name: `${p.name} (${ROLES[p.role].label})` })),
        { value: none, name: 'Nobody listed here' },
      ],
      default: likelyManager(role, team)?.id ?? none,
    });
    if (manager !== none) person.reportsTo = manager;
  }
  return person;
}

/** The person someone in `role` most likely reports to, among those added so far. */
export function likelyManager(
  role: RoleId,
  team: readonly PersonAnswer[],
): PersonAnswer | undefined {
  const last = (roles: ReadonlySet<RoleId>) => team.filter((p) => roles.has(p.role)).at(-1);
  const managers = new Set<RoleId>(['manager-cs']);
  const leaders = new Set<RoleId>([...CS_MANAGER_ROLES].filter((r) => r !== 'manager-cs'));
  const kind = ROLES[role].kind;
  if (kind === 'executive' || kind === 'sales') return undefined;
  if (kind === 'cs-leader') return last(EXECUTIVE_ROLES);
  if (kind === 'cs-manager' || ROLES[role].heads) return last(leaders) ?? last(EXECUTIVE_ROLES);
  // A specialist reports to the head of their function where there is one.
  const head = FUNCTION_HEADS.get(role);
  const theirHead = head ? last(new Set<RoleId>([head])) : undefined;
  return theirHead ?? last(managers) ?? last(leaders) ?? last(EXECUTIVE_ROLES);
}

export async function askGrowth(prompts: Prompts): Promise<GrowthAnswer | undefined> {
  const record = await prompts.confirm({
    message: 'Record what you expect over the next 12 months (new customers, ARR growth, hires)?',
    default: false,
  });
  if (!record) return undefined;
  const count = async (message: string) =>
    accepted(
      parseCount(
        await prompts.input({
          message,
          default: '0',
          validate: validator((text) => parseCount(text)),
        }),
      ),
    );
  const newCustomers12m = await count('New customers you expect to sign');
  const arrGrowthPct12m = accepted(
    parsePercent(
      await prompts.input({
        message: 'ARR growth you expect, in % (e.g. 40)',
        default: '0',
        validate: validator(parsePercent),
      }),
    ),
  );
  const newCsmHires12m = await count('CSM hires already budgeted');
  return { newCustomers12m, arrGrowthPct12m, newCsmHires12m };
}
