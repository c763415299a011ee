/** The validated org file, turned into the planner's `Org`: defaults applied, groups weighted. */
import type {
  Account,
  CompPlan,
  Diagnostic,
  Growth,
  Org,
  Path,
  SegmentGrowth,
  SegmentId,
  TeamMember,
} from '../core/model.js';
import { SEGMENT_IDS } from '../core/model.js';
import { DEFAULT_POLICY, type Policy, type Range } from '../core/policy.js';
import {
  type AccountInput,
  accountSchema,
  type PlannedOrgFile,
  type PolicyInput,
} from './schema.js';

export interface NormaliseResult {
  org: Org;
  diagnostics: Diagnostic[];
}

export function normaliseOrg(
  file: PlannedOrgFile,
  accounts: readonly AccountInput[],
  options: {
    asOf: string;
    accountsPath?: (index: number) => Path;
    /** Member i's path in findings: ['team', i], or where a roster lists them. */
    teamPath?: (index: number) => Path;
    /**
     * The caller hands the accounts over: each input is dropped from the array once converted,
     * so a large file never holds both forms of every account at once.
     */
    release?: boolean;
    /**
     * Accounts normalised as they were read (from a CSV), listed before `accounts`. The list is
     * handed over: the org's accounts are this list with the others added, not a copy of it.
     */
    normalised?: Account[];
  },
): NormaliseResult {
  const diagnostics: Diagnostic[] = [];
  const { policy, diagnostics: policyDiagnostics } = mergePolicy(file.policy);
  diagnostics.push(...policyDiagnostics);
  const accountPath = options.accountsPath ?? ((index: number) => ['accounts', index]);

  const org: Org = {
    company: {
      name: file.company.name,
      motion: file.company.motion,
      productComplexity: file.company.product_complexity,
      asOf: options.asOf,
    },
    accounts: appended(options.normalised, [
      ...toAccounts(accounts, accountPath, options.release === true),
      ...(file.account_groups ?? []).map((group, index): Account => {
        const arr = group.arr_each ?? (group.count > 0 ? (group.arr_total ?? 0) / group.count : 0);
        return {
          id: group.name,
          name: group.name,
          arr,
          count: group.count,
          owner: group.owner,
          health: group.health,
          complexity: group.complexity,
          segment: group.segment,
          path: ['account_groups', index],
          isGroup: true,
        };
      }),
    ]),
    team: (file.team ?? []).map(
      (member, index): TeamMember => ({
        id: member.id,
        name: member.name,
        role: member.role,
        reportsTo: member.reports_to,
        startDate: member.start_date,
        seniority: member.seniority,
        segment: member.segment,
        fte: member.fte,
        region: member.region,
        languages: member.languages ?? [],
        email: member.email,
        leaving: member.leaving,
        backfill: member.backfill,
        path: options.teamPath?.(index) ?? ['team', index],
      }),
    ),
    policy,
    rules: file.rules ?? {},
    compensation: Object.fromEntries(
      Object.entries(file.compensation ?? {}).flatMap(([role, plan]) =>
        plan
          ? [
              [
                role,
                {
                  basePct: plan.base_pct,
                  variablePct: plan.variable_pct,
                  variableWeights: plan.variable_weights && metricKeys(plan.variable_weights),
                  path: ['compensation', role],
                } satisfies CompPlan & { path: Path },
              ],
            ]
          : [],
      ),
    ),
    growth: file.growth && toGrowth(file.growth),
  };
  if (file.scenarios) {
    org.scenarios = Object.entries(file.scenarios).map(([name, scenario]) => {
      const path: Path = ['scenarios', name];
      const merged = mergePolicy(deepMerge(file.policy, scenario.policy) as PolicyInput);
      // Problems the file's own policy has are reported once, at the file's policy.
      const seen = new Set(policyDiagnostics.map((d) => `${d.path.join('.')}|${d.message}`));
      for (const d of merged.diagnostics) {
        if (seen.has(`${d.path.join('.')}|${d.message}`)) continue;
        diagnostics.push({ ...d, path: [...path, ...d.path] });
      }
      const growth = deepMerge(file.growth, scenario.growth) as GrowthInput | undefined;
      return {
        name,
        description: scenario.description,
        growth: growth && toGrowth(growth),
        policy: merged.policy,
        freezeUntil: scenario.freeze_until,
        path,
      };
    });
  }
  return { org, diagnostics };
}

type GrowthInput = NonNullable<PlannedOrgFile['growth']>;
type SegmentGrowthInput = NonNullable<NonNullable<GrowthInput['segments']>['smb']>;

function toSegmentGrowth(input: SegmentGrowthInput): SegmentGrowth {
  return definedOnly({
    newCustomersPerMonth: input.new_customers_per_month,
    customerGrowthPctPerMonth: input.customer_growth_pct_per_month,
    expansionPct12m: input.expansion_pct_12m,
    churnPct12m: input.churn_pct_12m,
    grossRetentionPct: input.gross_retention_pct,
    newCustomerArr: input.new_customer_arr,
  });
}

function toGrowth(input: GrowthInput): Growth {
  const segments: Partial<Record<SegmentId, SegmentGrowth>> = {};
  for (const id of SEGMENT_IDS) {
    const entry = input.segments?.[id];
    if (entry) segments[id] = toSegmentGrowth(entry);
  }
  return {
    ...definedOnly({
      newCustomers12m: input.new_customers_12m,
      arrGrowthPct12m: input.arr_growth_pct_12m,
      newCsmHires12m: input.new_csm_hires_12m,
    }),
    ...toSegmentGrowth(input),
    ...(input.segments ? { segments } : {}),
  };
}

/** A scenario's keys laid over the file's, object by object; lists and values replace. */
function deepMerge(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = deepMerge(base[key], value);
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `others` added to the end of `list` (which the caller handed over), or `others` alone. */
function appended(list: Account[] | undefined, others: Account[]): Account[] {
  if (!list) return others;
  for (const account of others) list.push(account);
  return list;
}

function toAccounts(
  inputs: readonly AccountInput[],
  accountPath: (index: number) => Path,
  release: boolean,
): Account[] {
  const out: Account[] = new Array(inputs.length);
  const owned = inputs as (AccountInput | undefined)[];
  for (let index = 0; index < inputs.length; index++) {
    const [section, row] = accountPath(index) as [AccountSection, number];
    out[index] = toAccount(inputs[index] as AccountInput, section, row);
    if (release) owned[index] = undefined;
  }
  return out;
}

/** An account's fields as the file names them. */
export type AccountKey = keyof AccountInput & string;

/**
 * Which fields a source can give. An accounts file gives the columns it maps, on every row, so
 * its records hold those and no others: one shape for the whole file, and no slot for a field
 * the file does not have (a large export holds millions of records).
 */
export type FieldsGiven = Readonly<Record<AccountKey, boolean>>;

const ACCOUNT_KEYS = Object.keys(accountSchema.shape) as AccountKey[];

/** The fields an accounts file gives: the ones its columns map (id and ARR always). */
export function fieldsGiven(mapped: Iterable<AccountKey>): FieldsGiven {
  const given = Object.fromEntries(ACCOUNT_KEYS.map((key) => [key, false])) as Record<
    AccountKey,
    boolean
  >;
  for (const key of mapped) given[key] = true;
  given.id = true;
  given.arr = true;
  return given;
}

/** Every field: the org file's own accounts and JSON accounts files. */
export const EVERY_FIELD: FieldsGiven = fieldsGiven(ACCOUNT_KEYS);

/**
 * An account as read from a file. It is the planner's `Account` without two of its costs:
 * the path is built only when a finding asks for it, and a field the source does not give has
 * no slot (reading it finds nothing, which is `undefined` as for an absent key). A copy made
 * with a spread loses `path` and `count` (they live on the prototype): code that copies an
 * account names them.
 */
abstract class AccountRecord implements Account {
  declare readonly id: string;
  declare readonly name?: string;
  declare readonly arr: number;
  declare readonly owner?: string;
  declare readonly health?: Account['health'];
  declare readonly complexity?: Account['complexity'];
  declare readonly industry?: string;
  declare readonly region?: string;
  declare readonly employees?: number;
  declare readonly timezone?: string;
  declare readonly language?: string;
  declare readonly stakeholders?: number;
  declare readonly implementationDays?: number;
  declare readonly regulated?: boolean;
  declare readonly segment?: Account['segment'];
  declare readonly strategic?: boolean;
  declare readonly renewalDate?: string;
  declare readonly lastNegativeEvent?: string;
  declare readonly locked?: boolean;
  declare readonly parent?: string;
  /** The record's index in its list: the item of `accounts:`, or the accounts file's data row. */
  declare protected readonly index: number;

  constructor(a: AccountInput, given: FieldsGiven, index: number) {
    this.index = index;
    this.id = a.id;
    this.arr = a.arr;
    if (given.name) this.name = a.name;
    if (given.owner) this.owner = a.owner;
    if (given.health) this.health = a.health;
    if (given.complexity) this.complexity = a.complexity;
    if (given.industry) this.industry = a.industry;
    if (given.region) this.region = a.region;
    if (given.employees) this.employees = a.employees;
    if (given.timezone) this.timezone = a.timezone;
    if (given.language) this.language = a.language;
    if (given.stakeholders) this.stakeholders = a.stakeholders;
    if (given.implementation_days) this.implementationDays = a.implementation_days;
    if (given.regulated) this.regulated = a.regulated;
    if (given.segment) this.segment = a.segment;
    if (given.strategic) this.strategic = a.strategic;
    if (given.renewal_date) this.renewalDate = a.renewal_date;
    if (given.last_negative_event) this.lastNegativeEvent = a.last_negative_event;
    if (given.locked) this.locked = a.locked;
    if (given.parent) this.parent = a.parent;
  }

  /** A record stands for one account; account groups are built as plain objects. */
  get count(): number {
    return 1;
  }

  abstract get path(): Path;
}

/** Where an account was read: the org file's `accounts:` list, or the accounts file's rows. */
type AccountSection = 'accounts' | 'accounts-file';

/**
 * The planner's account for one record of `accounts:` or of the accounts file, at its index.
 * Records of a kind share one class, so that the fields of the first few decide its size (V8
 * sizes a class's objects by the first ones built): the org file's list and the accounts file
 * each get their own, and each class knows its section.
 */
export function toAccount(
  account: AccountInput,
  section: AccountSection,
  index: number,
  given: FieldsGiven = EVERY_FIELD,
): Account {
  return section === 'accounts'
    ? new ListedAccount(account, given, index)
    : new FileAccount(account, given, index);
}

class ListedAccount extends AccountRecord {
  get path(): Path {
    return ['accounts', this.index];
  }
}

class FileAccount extends AccountRecord {
  get path(): Path {
    return ['accounts-file', this.index];
  }
}

/** An account read from the accounts file, not from the org file's own lists. */
export function isFromAccountsFile(account: Account): boolean {
  return account instanceof FileAccount;
}

function mergeRange(
  base: Range,
  override: { min: number; max: number; target?: number } | undefined,
) {
  if (!override) return base;
  return {
    min: override.min,
    max: override.max,
    target: override.target ?? (override.min + override.max) / 2,
  };
}

/** Applies `policy:` overrides to the defaults and checks that the result is coherent. */
export function mergePolicy(input: PolicyInput | undefined): {
  policy: Policy;
  diagnostics: Diagnostic[];
} {
  const base = DEFAULT_POLICY;
  const p = input ?? {};
  const segments = { ...base.segments };
  for (const id of SEGMENT_IDS) {
    const override = p.segments?.[id];
    if (!override) continue;
    const current = base.segments[id];
    segments[id] = {
      minArr: override.min_arr ?? current.minArr,
      coverage: override.coverage ?? current.coverage,
      accountsPerCsm: mergeRange(current.accountsPerCsm, override.accounts_per_csm),
      arrPerCsm: mergeRange(current.arrPerCsm, override.arr_per_csm),
    };
  }
  const policy: Policy = {
    stage: {
      firstHireCustomers: p.stage?.first_hire_customers ?? base.stage.firstHireCustomers,
      specializationCustomers:
        p.stage?.specialization_customers ?? base.stage.specializationCustomers,
      scaleCustomers: p.stage?.scale_customers ?? base.stage.scaleCustomers,
      specializationArr: p.stage?.specialization_arr ?? base.stage.specializationArr,
      scaleArr: p.stage?.scale_arr ?? base.stage.scaleArr,
    },
    segments,
    complexityFactors: { ...base.complexityFactors, ...definedOnly(p.complexity_factors) },
    loadDrivers: {
      longImplementationDays:
        p.load_drivers?.long_implementation_days ?? base.loadDrivers.longImplementationDays,
      longImplementationUplift:
        p.load_drivers?.long_implementation_uplift ?? base.loadDrivers.longImplementationUplift,
      manyStakeholders: p.load_drivers?.many_stakeholders ?? base.loadDrivers.manyStakeholders,
      manyStakeholdersUplift:
        p.load_drivers?.many_stakeholders_uplift ?? base.loadDrivers.manyStakeholdersUplift,
      regulatedUplift: p.load_drivers?.regulated_uplift ?? base.loadDrivers.regulatedUplift,
    },
    offload: { ...base.offload, ...definedOnly(p.offload) },
    ramp: p.ramp
      ? p.ramp.map((step) => ({ untilWeek: step.until_week, capacity: step.capacity }))
      : base.ramp,
    handoverWeeks: p.handover_weeks ?? base.handoverWeeks,
    spanOfControl: {
      managerMin: p.span_of_control?.manager_min ?? base.spanOfControl.managerMin,
      managerMax: p.span_of_control?.manager_max ?? base.spanOfControl.managerMax,
      directorMin: p.span_of_control?.director_min ?? base.spanOfControl.directorMin,
      directorMax: p.span_of_control?.director_max ?? base.spanOfControl.directorMax,
    },
    digitalAutomation: p.digital_automation ?? base.digitalAutomation,
    healthMixMax: p.health_mix_max ?? base.healthMixMax,
    csOpsAtCsms: p.cs_ops_at_csms ?? base.csOpsAtCsms,
    unownedArrShareMax: p.unowned_arr_share_max ?? base.unownedArrShareMax,
    downgradeCooldownDays: p.downgrade_cooldown_days ?? base.downgradeCooldownDays,
    renewalFreezeDays: p.renewal_freeze_days ?? base.renewalFreezeDays,
    salaries: { ...base.salaries, ...definedOnly(p.salaries) },
    hiring: {
      leadDays: p.hiring?.lead_days ?? base.hiring.leadDays,
      leadDaysByRole: {
        ...base.hiring.leadDaysByRole,
        ...definedOnly(p.hiring?.lead_days_by_role),
      },
      rampWeeks: p.hiring?.ramp_weeks ?? base.hiring.rampWeeks,
      rampWeeksByRole: {
        ...base.hiring.rampWeeksByRole,
        ...definedOnly(p.hiring?.ramp_weeks_by_role),
      },
      attritionPct12m: p.hiring?.attrition_pct_12m ?? base.hiring.attritionPct12m,
    },
  };
  return { policy, diagnostics: checkPolicy(policy) };
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function checkPolicy(policy: Policy): Diagnostic[] {
  const out: Diagnostic[] = [];
  const bad = (path: Path, message: string) =>
    out.push({ rule: 'invalid-policy', severity: 'error', path: ['policy', ...path], message });
  for (const id of SEGMENT_IDS) {
    const segment = policy.segments[id];
    for (const [key, range] of [
      ['accounts_per_csm', segment.accountsPerCsm],
      ['arr_per_csm', segment.arrPerCsm],
    ] as const) {
      if (range.min > range.max)
        bad(['segments', id, key], `${id} ${key}: min ${range.min} is above max ${range.max}`);
      else if (range.target < range.min || range.target > range.max)
        bad(['segments', id, key], `${id} ${key}: target must lie between min and max`);
    }
  }
  for (let i = 1; i < SEGMENT_IDS.length; i++) {
    const higher = SEGMENT_IDS[i - 1];
    const lower = SEGMENT_IDS[i];
    if (higher && lower && policy.segments[lower].minArr >= policy.segments[higher].minArr)
      bad(
        ['segments', lower, 'min_arr'],
        `${lower} min_arr must be below ${higher} min_arr (segments go from largest to smallest)`,
      );
  }
  const s = policy.stage;
  if (
    !(
      s.firstHireCustomers < s.specializationCustomers &&
      s.specializationCustomers < s.scaleCustomers
    )
  )
    bad(['stage'], 'stage customer thresholds must increase: first_hire < specialization < scale');
  if (s.specializationArr >= s.scaleArr)
    bad(['stage'], 'stage ARR thresholds must increase: specialization_arr < scale_arr');
  for (let i = 1; i < policy.ramp.length; i++) {
    const previous = policy.ramp[i - 1];
    const step = policy.ramp[i];
    if (previous && step && step.untilWeek <= previous.untilWeek)
      bad(['ramp', i, 'until_week'], 'ramp steps must be in increasing until_week order');
  }
  const span = policy.spanOfControl;
  if (span.managerMin > span.managerMax)
    bad(['span_of_control'], 'manager_min must not be above manager_max');
  if (span.directorMin > span.directorMax)
    bad(['span_of_control'], 'director_min must not be above director_max');
  return out;
}

/** "NRR", "Renewal Rate" and "renewal-rate" all mean the metric the comp-plan rule calls renewal_rate. */
function metricKeys(weights: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(weights)) {
    const metric = key
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    out[metric] = (out[metric] ?? 0) + value;
  }
  return out;
}
