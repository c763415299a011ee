/**
 * Every bound csplan puts on what a file may ask of it, in one place: each keeps a run on a file
 * anyone can send (a pull request, a CRM export) to seconds and bounded memory, and each is far
 * above what a real org asks for. The schema, the readers and the planner read them from here,
 * and the manual's "Limits" list is checked against them.
 */

/** New customers a month (`new_customers_per_month`); a year allows twelve times as many. */
export const MAX_NEW_CUSTOMERS_PER_MONTH = 10_000;

/** `customer_growth_pct_per_month`: the customer count may double each month, no faster. */
export const MAX_CUSTOMER_GROWTH_PCT_PER_MONTH = 100;

/** Customers growth may add by any month the timeline looks at, in the file and every scenario. */
export const MAX_PROJECTED_GROWTH = 200_000;

/** `policy.ramp[].until_week`, `hiring.ramp_weeks`: a ramp of two years at most. */
export const MAX_RAMP_WEEKS = 104;

/** `policy.handover_weeks`: a hand-over of half a year at most. */
export const MAX_HANDOVER_WEEKS = 26;

/** `fte`: the smallest share of a full-time role (2 hours of a 40-hour week). */
export const MIN_FTE = 0.05;

/** `complexity_factors` and load uplifts: a multiplier up to 10 (uplifts from 0, factors from 0.1). */
export const MAX_FACTOR = 10;
export const MIN_FACTOR = 0.1;

/** `arr_per_csm`: the least ARR a CSM's book may be sized to. */
export const MIN_ARR_PER_CSM = 10_000;

/**
 * Years of the dates a plan is dated by (company.as_of, --as-of, --freeze-until, start_date,
 * leaving): the plan counts up to 36 months and its hiring look-ahead from them.
 */
export const PLAN_YEARS = { first: 1970, last: 2999 } as const;

/**
 * Accounts read from one CRM export: memory grows with each account kept (about 270 bytes of a
 * minimal row), so 2,000,000 stay under 1 GB; past it the file is refused at the next row.
 */
export const MAX_ACCOUNTS = 2_000_000;

/**
 * An HR roster (`team.file`): read whole, so bounded like an org file; a whole company of 100,000
 * people exports in about 20 MB.
 */
export const MAX_TEAM_FILE_BYTES = 32 * 1024 * 1024;

/**
 * CSM FTE a plan may need, today or at the peak of its growth: the timeline dates a req for each
 * person, month by month, so a plan of 500,000 CSMs ($1,000B of ARR at $3.5M a book) would run
 * for minutes. The largest CS teams are a few thousand people.
 */
export const MAX_CSM_FTE_NEEDED = 5_000;
