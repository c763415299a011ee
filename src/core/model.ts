/**
 * The normalised org that the planner works on. `src/config` turns the user's file into this
 * shape (camelCase, defaults applied, account groups kept as weighted records); nothing here
 * knows about YAML, CSV or files.
 */
import type { RoleId } from './roles.js';

export const SEGMENT_IDS = ['strategic', 'enterprise', 'mid-market', 'smb', 'self-serve'] as const;
export type SegmentId = (typeof SEGMENT_IDS)[number];

export const STAGE_IDS = ['founding', 'first-hire', 'specialization', 'scale'] as const;
export type StageId = (typeof STAGE_IDS)[number];

export const COVERAGE_IDS = ['named', 'pooled', 'digital'] as const;
export type Coverage = (typeof COVERAGE_IDS)[number];

export const AUTOMATION_LEVELS = ['none', 'some', 'mature'] as const;
/** How far the digital programs run without a person: sets the ARR one digital CSM carries. */
export type AutomationLevel = (typeof AUTOMATION_LEVELS)[number];

export type Health = 'green' | 'yellow' | 'red';
export type Level = 'low' | 'medium' | 'high';
export type Seniority = 'junior' | 'mid' | 'senior' | 'lead';
export type Motion = 'sales-led' | 'product-led' | 'hybrid';

/** A location in the user's input: keys and array indexes, e.g. ['accounts', 3, 'owner']. */
export type Path = readonly (string | number)[];

export interface Company {
  name: string;
  motion: Motion;
  productComplexity: Level;
  /** The date the plan is evaluated at, YYYY-MM-DD. Always set by the caller: the core has no clock. */
  asOf: string;
}

export interface Account {
  id: string;
  name?: string;
  /** ARR of one account, whole dollars. */
  arr: number;
  /** How many accounts this record stands for: 1, or the size of an account group. */
  count: number;
  owner?: string;
  health?: Health;
  complexity?: Level;
  industry?: string;
  region?: string;
  /** The customer's headcount, carried from the CRM for reference; planning does not use it. */
  employees?: number;
  timezone?: string;
  language?: string;
  stakeholders?: number;
  implementationDays?: number;
  regulated?: boolean;
  segment?: SegmentId;
  strategic?: boolean;
  renewalDate?: string;
  lastNegativeEvent?: string;
  /** Pinned to its owner: a rebalance never moves it. */
  locked?: boolean;
  /** Id of the parent account: a family changes owner together. */
  parent?: string;
  /** Where the record came from, for locating findings. */
  path: Path;
  /** An entry of `account_groups`: one record standing for `count` similar accounts. */
  isGroup?: boolean;
  /**
   * Set on the timeline's folded groups, which mix industries: the industry figures of their
   * members, read instead of `industry` and `regulated` when the structure is chosen.
   */
  industries?: IndustryMix;
  /**
   * Set on the timeline's folded groups, which mix loads: their members' load factor, averaged
   * over the accounts, read instead of complexity and the load drivers.
   */
  load?: number;
}

/** What the structure decision sums over accounts, for a group of accounts of mixed industries. */
export interface IndustryMix {
  /** Where each industry's ARR sits in `arr`: grown copies of a group share it. */
  slots: Map<string, number>;
  /** ARR per industry (count x ARR of the members that have one), by slot. */
  arr: number[];
  /** Members with an industry. */
  tagged: number;
  /** Regulated members. */
  regulated: number;
}

export interface TeamMember {
  id: string;
  name?: string;
  role: RoleId;
  reportsTo?: string;
  startDate?: string;
  seniority?: Seniority;
  segment?: SegmentId;
  fte: number;
  region?: string;
  languages: string[];
  email?: string;
  /** Last day of a CSM who is leaving, YYYY-MM-DD: from that day on they carry no book. */
  leaving?: string;
  /** false: the leaver's seat is a planned cut, not refilled. Read only with `leaving`. */
  backfill?: boolean;
  path: Path;
}

export interface CompPlan {
  basePct: number;
  variablePct: number;
  /** Weights of the variable part, by metric name (e.g. nrr, grr, renewal_rate, expansion, health). */
  variableWeights?: Record<string, number>;
}

/** Growth figures of the whole company or of one segment (percentages as written, e.g. 10). */
export interface SegmentGrowth {
  newCustomersPerMonth?: number;
  customerGrowthPctPerMonth?: number;
  expansionPct12m?: number;
  churnPct12m?: number;
  grossRetentionPct?: number;
  newCustomerArr?: number;
}

export interface Growth extends SegmentGrowth {
  newCustomers12m?: number;
  arrGrowthPct12m?: number;
  newCsmHires12m?: number;
  segments?: Partial<Record<SegmentId, SegmentGrowth>>;
}

/** A named what-if: the file's growth and policy with the scenario's keys laid over them. */
export interface Scenario {
  name: string;
  description?: string;
  growth?: Growth;
  policy: import('./policy.js').Policy;
  /** No req opens before this date. */
  freezeUntil?: string;
  path: Path;
}

export type RuleSetting = 'off' | 'warning' | 'error';

export interface Org {
  company: Company;
  accounts: Account[];
  team: TeamMember[];
  policy: import('./policy.js').Policy;
  rules: Record<string, RuleSetting>;
  compensation: Record<string, CompPlan & { path: Path }>;
  growth?: Growth;
  /** Named scenarios from the file, in file order. */
  scenarios?: Scenario[];
}

export type Severity = 'error' | 'warning' | 'info';

/** A problem found anywhere from parsing to org design. English lives in `message` only. */
export interface Diagnostic {
  rule: string;
  severity: Severity;
  message: string;
  path: Path;
  /** Set when the problem is in a file other than the org file (e.g. an accounts CSV). */
  file?: string;
  /**
   * A second place the message refers to as `{related}` (the first of two duplicates). Locating
   * the diagnostic writes that place's line into the message, so a CSV row reads as its line in
   * the CSV rather than as an index.
   */
  related?: Path;
  /** The message as the rule wrote it, `{related}` included: what stays the same across edits. */
  template?: string;
  /**
   * What many findings share ('owner "dan" is not in team'): text output prints findings with
   * the same rule and cause once, with their count and first lines. Defaults to the message.
   */
  cause?: string;
  /**
   * The problem's row was left out of the plan (`accounts.on_error: skip`, `--skip-invalid`): the
   * file is planned without it. `check` still counts it, unless run with --skip-invalid.
   */
  skipped?: boolean;
  line?: number;
  column?: number;
}
