/**
 * Every benchmark figure the planner uses, as data with its source (docs/sources.md lists them).
 * A user overrides any of them under `policy:` in the org file; the config layer merges the
 * overrides onto DEFAULT_POLICY before planning.
 */
import type { AutomationLevel, Coverage, Level, SegmentId } from './model.js';
import type { RoleId } from './roles.js';
import { cite } from './sources.js';

export interface Range {
  min: number;
  max: number;
  /** What the planner sizes to: by default the middle of the published range. */
  target: number;
}

export interface SegmentPolicy {
  /** Lowest account ARR (whole dollars) that falls in this segment. */
  minArr: number;
  coverage: Coverage;
  accountsPerCsm: Range;
  arrPerCsm: Range;
}

export interface RampStep {
  /** The step lasts through this week of tenure (week 1 = the first 7 days). */
  untilWeek: number;
  /** Share of a full book a CSM carries in this step, 0..1. */
  capacity: number;
}

export interface Policy {
  stage: {
    firstHireCustomers: number;
    specializationCustomers: number;
    scaleCustomers: number;
    specializationArr: number;
    scaleArr: number;
  };
  segments: Record<SegmentId, SegmentPolicy>;
  /**
   * How automated the digital programs are: picks the point of the ARR-per-CSM range a digital
   * segment is sized at (none: the low end, some: the target, mature: the top).
   */
  digitalAutomation: AutomationLevel;
  /** Multiplies an account's load by its complexity (defaults to the company's product complexity). */
  complexityFactors: Record<Level, number>;
  /** Extra load for accounts that the CS Operations Architect guide says take more of a CSM's time. */
  loadDrivers: {
    longImplementationDays: number;
    longImplementationUplift: number;
    manyStakeholders: number;
    manyStakeholdersUplift: number;
    regulatedUplift: number;
  };
  /** Extra capacity per CSM when a dedicated team takes that work off CSMs. */
  offload: { onboarding: number; support: number };
  ramp: RampStep[];
  /** Weeks before the leave date a leaver spends handing accounts over, carrying HANDOVER_SHARE of a book. */
  handoverWeeks: number;
  spanOfControl: {
    managerMin: number;
    managerMax: number;
    directorMin: number;
    directorMax: number;
  };
  /** Most red/yellow share a single book should hold. */
  healthMixMax: number;
  /** CS Ops should be in place by the time the team has this many CSMs. */
  csOpsAtCsms: number;
  /** Largest share of total ARR that may sit on accounts with no owner. */
  unownedArrShareMax: number;
  /** No tier downgrade within this many days of a negative event. */
  downgradeCooldownDays: number;
  /** Accounts renewing within this many days should not change owner. */
  renewalFreezeDays: number;
  /** Optional yearly fully-loaded cost per role, to price hiring gaps. */
  salaries: Partial<Record<RoleId, number>>;
  /** What `csplan timeline` needs to date a req: lead time, ramp per role, attrition. */
  hiring: HiringPolicy;
}

export interface HiringPolicy {
  /** Days from opening a req to the hire's first day, for roles without their own figure. */
  leadDays: number;
  leadDaysByRole: Partial<Record<RoleId, number>>;
  /** Weeks to full productivity for roles without a book (book roles follow `ramp`). */
  rampWeeks: number;
  rampWeeksByRole: Partial<Record<RoleId, number>>;
  /** Share of people expected to leave in a year, in percent. */
  attritionPct12m: number;
}

function range(min: number, max: number): Range {
  return { min, max, target: (min + max) / 2 };
}

export const DEFAULT_POLICY: Policy = {
  stage: {
    firstHireCustomers: 20,
    specializationCustomers: 100,
    scaleCustomers: 500,
    specializationArr: 2_000_000,
    scaleArr: 20_000_000,
  },
  segments: {
    strategic: {
      minArr: 500_000,
      coverage: 'named',
      accountsPerCsm: range(5, 10),
      arrPerCsm: range(2_000_000, 5_000_000),
    },
    enterprise: {
      minArr: 100_000,
      coverage: 'named',
      accountsPerCsm: range(15, 25),
      arrPerCsm: range(2_000_000, 5_000_000),
    },
    'mid-market': {
      minArr: 25_000,
      coverage: 'named',
      accountsPerCsm: range(40, 75),
      arrPerCsm: range(1_000_000, 3_000_000),
    },
    smb: {
      minArr: 5_000,
      coverage: 'pooled',
      accountsPerCsm: range(100, 200),
      arrPerCsm: range(500_000, 2_000_000),
    },
    'self-serve': {
      minArr: 0,
      coverage: 'digital',
      accountsPerCsm: range(500, 2_000),
      arrPerCsm: range(1_000_000, 5_000_000),
    },
  },
  digitalAutomation: 'some',
  complexityFactors: { low: 0.8, medium: 1, high: 1.3 },
  loadDrivers: {
    longImplementationDays: 90,
    longImplementationUplift: 0.15,
    manyStakeholders: 5,
    manyStakeholdersUplift: 0.1,
    regulatedUplift: 0.1,
  },
  offload: { onboarding: 0.1, support: 0.1 },
  ramp: [
    { untilWeek: 4, capacity: 0 },
    { untilWeek: 6, capacity: 0.5 },
    { untilWeek: 8, capacity: 1 },
  ],
  handoverWeeks: 0,
  spanOfControl: { managerMin: 5, managerMax: 8, directorMin: 2, directorMax: 4 },
  healthMixMax: 0.3,
  csOpsAtCsms: 5,
  unownedArrShareMax: 0.05,
  downgradeCooldownDays: 90,
  renewalFreezeDays: 60,
  salaries: {},
  hiring: {
    leadDays: 60,
    leadDaysByRole: {},
    rampWeeks: 8,
    rampWeeksByRole: {},
    attritionPct12m: 10,
  },
};

/** Where each default comes from, keyed by the snake_case path a user writes under `policy:`. */
export const POLICY_SOURCES: Record<string, string> = {
  stage: `Stages by customer count: < 20 / < 100 / < 500 ${cite('org-design-guide')}; by ARR: < $2M / < $20M ${cite('team-structure-guide')}`,
  'segments.*.min_arr': `Segment by account ARR, never by logo: $500k / $100k / $25k / $5k ${cite('org-design-guide')}`,
  'segments.*.accounts_per_csm': `Accounts per CSM by segment ${cite('org-design-guide')}; the target is the middle of the range ${cite('csplan-default')}`,
  'segments.*.arr_per_csm': `ARR per CSM by segment: Enterprise $2-5M, Mid-Market $1-3M, SMB $500k-2M, Digital $1-5M ${cite('cs-ops-architect')}; the target is the middle of the range ${cite('csplan-default')}`,
  digital_automation: `A digital CS manager carries $1-5M of ARR and 500-2,000+ accounts; strong digital and automated programs raise the ratio ${cite('cs-ops-architect')}: none sizes at $1M, some at the target, mature at $5M, and the account count only caps the team at 2,000 accounts each ${cite('csplan-default')}`,
  complexity_factors: `Complex products need fewer accounts per CSM, simple ones allow more ${cite('cs-ops-architect')}; the factors themselves ${cite('csplan-default')}`,
  load_drivers: `Implementation over 90 days, more than 5 stakeholders and regulated industries lower the ratio ${cite('cs-ops-architect')}; the uplifts ${cite('csplan-default')}`,
  offload: `Dedicated onboarding and support teams raise the ratio ${cite('cs-ops-architect')}; the 10% figures ${cite('csplan-default')}`,
  ramp: `New-CSM onboarding plan: weeks 1-4 no book, weeks 5-6 small accounts, weeks 7-8 full book ${cite('org-design-guide')}`,
  handover_weeks: `No hand-over by default: a leaver carries a full book to the last day; with hand-over weeks they carry half a book in those weeks and a backfill is ramped when they start ${cite('csplan-default')}`,
  span_of_control: `Managers 5-8 direct reports, directors 2-4 managers ${cite('org-design-guide')}`,
  health_mix_max: `No CSM above 30% red/yellow accounts ${cite('cs-ops-architect')}`,
  cs_ops_at_csms: `CS Operations before 5+ CSMs ${cite('org-design-guide', 'cs-ops-architect')}`,
  unowned_arr_share_max: `Every account has an owner ${cite('org-design-guide')}; the 5% tolerance ${cite('csplan-default')}`,
  downgrade_cooldown_days: `Never downgrade a tier during an active issue or within 90 days of a negative event ${cite('cs-ops-architect')}`,
  renewal_freeze_days: `Do not move accounts renewing within about 60 days ${cite('common-practice')}`,
  'hiring.lead_days': `Hiring lead time of about 45-60 days before a new CSM starts ${cite('common-practice')}; csplan plans to the long end, 60 days`,
  'hiring.ramp_weeks_by_role': `The 8-week new-CSM ramp ${cite('org-design-guide')}, used for roles without a book unless set per role`,
  'hiring.attrition_pct_12m': `No source gives a CS attrition rate: 10% a year ${cite('csplan-default')}; set your own`,
};
