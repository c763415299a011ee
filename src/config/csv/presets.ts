/**
 * Header names of CRM account exports, per org account field. Headers are compared after
 * `normaliseHeader`, so case, spaces, underscores, dots and a Salesforce `__c` suffix do not
 * matter: "Account Owner", "account_owner" and "ACCOUNT OWNER" are one header.
 *
 * ARR maps only from a header named ARR (or `ARR__c`): "Annual Revenue" in both CRMs is the
 * customer's own revenue, never what they pay you.
 */
import type { AccountField } from './cells.js';

export const PRESET_IDS = ['salesforce', 'hubspot'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

type Aliases = Partial<Record<AccountField, readonly string[]>>;

/**
 * Salesforce: report column labels (Lightning and Classic) and API names as Data Loader and
 * Workbench export them. Owner headers are listed most precise first: email, name, user id.
 */
const SALESFORCE: Aliases = {
  id: ['Account ID', 'Id', 'Account ID (18)', 'Account 18 Digit ID'],
  name: ['Account Name', 'Name'],
  arr: ['ARR'],
  owner: [
    'Account Owner Email',
    'Owner.Email',
    'Account Owner',
    'Account Owner Name',
    'Owner.Name',
    'Owner Name',
    'Account Owner Alias',
    'Owner.Alias',
    'OwnerId',
    'Owner ID',
    'Account Owner ID',
  ],
  industry: ['Industry'],
  region: ['Region', 'Sales Region', 'Billing Country', 'BillingCountry', 'Billing Country Code'],
  employees: ['Employees', 'Number of Employees'],
  health: ['Health', 'Health Status', 'Customer Health'],
  renewal_date: ['Renewal Date', 'Contract End Date'],
  parent: ['Parent Account ID', 'ParentId', 'Parent ID'],
};

/** HubSpot company exports (the labels of the default company properties). */
const HUBSPOT: Aliases = {
  id: ['Record ID', 'Company ID', 'hs_object_id'],
  name: ['Company name', 'Name'],
  arr: ['ARR'],
  owner: ['Company owner email', 'Company owner', 'HubSpot owner', 'Owner', 'hubspot_owner_id'],
  industry: ['Industry'],
  region: ['Region', 'Country/Region', 'Country'],
  timezone: ['Time Zone', 'Timezone'],
  employees: ['Number of Employees', 'Employees'],
  health: ['Health', 'Health Status', 'Customer Health'],
  renewal_date: ['Renewal Date', 'Contract End Date'],
};

export const PRESETS: Record<PresetId, Aliases> = { salesforce: SALESFORCE, hubspot: HUBSPOT };

/** Headers csplan recognises but has no field for; listed with a reason by `csplan import`. */
const KNOWN_UNUSED: readonly [string, string][] = [
  ['Annual Revenue', "the customer's own revenue, not ARR"],
  ['AnnualRevenue', "the customer's own revenue, not ARR"],
  ['Total Revenue', 'lifetime deal revenue, not ARR'],
];

const KNOWN_UNUSED_BY_KEY = new Map(
  KNOWN_UNUSED.map(([header, why]) => [normaliseHeader(header), why]),
);

export function unusedReason(header: string): string | undefined {
  return KNOWN_UNUSED_BY_KEY.get(normaliseHeader(header));
}

/** Case-, space- and punctuation-insensitive key of a header; drops a Salesforce `__c` suffix. */
export function normaliseHeader(header: string): string {
  return header
    .trim()
    .replace(/__c$/i, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Header names an account field is read from, preferred first: its own name, then the preset's. */
export function candidateHeaders(field: AccountField, preset: PresetId | undefined): string[] {
  const own = [field];
  return preset ? [...own, ...(PRESETS[preset][field] ?? [])] : own;
}

/** Looks like money, for the "no ARR column" hint. Never suggested: revenue that is not ARR. */
export function revenueLike(header: string): { header: string; suggest: boolean } | undefined {
  const key = normaliseHeader(header);
  if (!/revenue|arr|mrr|acv|tcv|amount|contractvalue|subscription|bookings/.test(key))
    return undefined;
  if (/^(?:carrier|array)/.test(key)) return undefined;
  const suggest = !/annualrevenue|totalrevenue|mrr/.test(key);
  return { header, suggest };
}
