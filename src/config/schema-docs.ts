/**
 * What an editor shows for each value of the org file's enums (hover and completion), and the
 * defaults quoted in the `policy:` descriptions. Kept apart from schema.ts so that the schema
 * reads as structure; the figures come from DEFAULT_POLICY, so they cannot drift from the planner.
 */
import type { SegmentId } from '../core/model.js';
import { formatMoney } from '../core/money.js';
import { DEFAULT_POLICY, type Range } from '../core/policy.js';
import { ROLE_IDS, ROLES, type RoleId } from '../core/roles.js';

/**
 * `enumDescriptions` lists one description per enum value, in order. JSON Schema itself has no
 * such keyword; the YAML language server and VS Code show it beside each value on hover and
 * completion, and validators ignore it.
 */
export function enumDocs<T extends string>(
  values: readonly T[],
  docs: Record<T, string>,
): { enumDescriptions: string[] } {
  return { enumDescriptions: values.map((value) => docs[value]) };
}

const ROLE_DOCS: Record<RoleId, string> = {
  ceo: 'leads the company; at the founding stage often the one who looks after customers',
  founder: 'a founder; at the founding stage often the one who looks after customers',
  coo: 'chief operating officer; CS may report here',
  cro: 'chief revenue officer; CS may report here at the scale stage',
  cco: 'head of all post-sale teams at the scale stage',
  'vp-cs': 'leads the CS organization',
  'director-cs': 'leads several CS managers, or one segment at the scale stage',
  'manager-cs': 'manages a team of CSMs (5-8 reports)',
  csm: 'carries a book of named or pooled accounts',
  'digital-csm': 'runs one-to-many, automated programs for the long tail',
  onboarding: 'takes new customers through implementation and first value',
  renewals: 'owns renewal cycles and forecasts',
  'account-manager': 'owns expansion and upsell',
  'cs-ops': 'tooling, health scores, data and process for the CS team',
  enablement: 'trains and coaches the CS team',
  support: 'answers tickets, so CSMs are not the help desk',
  'professional-services': 'delivers paid implementation and consulting work',
  'solutions-engineer': 'technical depth for complex accounts',
  education: 'builds courses and certification for customers',
  'customer-marketing': 'advocacy, community and customer programs',
  'head-of-onboarding': 'leads the onboarding (implementation) team',
  'head-of-support': 'leads the support team (care, tech support)',
  'head-of-renewals': 'leads the renewals team and its forecast',
  'head-of-account-management': 'leads the account managers (expansion and upsell)',
  'head-of-professional-services':
    'leads professional services (paid implementation and consulting)',
  revops: 'revenue operations: CRM, forecasting and process for Sales (and often CS)',
  sales: 'sells new business; may own accounts in the CRM',
  'vp-sales': 'leads sales; CS should not report here in a sales-led company',
};

export const roleDocs = enumDocs(
  ROLE_IDS,
  Object.fromEntries(
    ROLE_IDS.map((role) => [role, `${ROLES[role].label}: ${ROLE_DOCS[role]}`]),
  ) as Record<RoleId, string>,
);

const COVERAGE_DOCS = {
  named: 'named CSM: each account has one CSM',
  pooled: 'pooled: a team of CSMs shares the accounts',
  digital: 'digital: one-to-many programs, no CSM per account',
} as const;

export const coverageDocs = enumDocs(['named', 'pooled', 'digital'], COVERAGE_DOCS);

function count(range: Range): string {
  return `${range.min}-${range.max}`;
}

function money(range: Range): string {
  return `${formatMoney(range.min)}-${formatMoney(range.max)}`;
}

/** The ARR band a segment covers by default: from its min_arr up to the next segment's. */
function band(segment: SegmentId, segments: readonly SegmentId[]): string {
  const { minArr } = DEFAULT_POLICY.segments[segment];
  const above = segments
    .map((other) => DEFAULT_POLICY.segments[other].minArr)
    .filter((value) => value > minArr)
    .sort((a, b) => a - b)[0];
  if (above === undefined) return `ARR of ${formatMoney(minArr)} or more`;
  if (minArr === 0) return `ARR under ${formatMoney(above)}`;
  return `ARR from ${formatMoney(minArr)} to under ${formatMoney(above)}`;
}

export function segmentDocs(segments: readonly SegmentId[]) {
  return enumDocs(
    segments,
    Object.fromEntries(
      segments.map((segment) => {
        const policy = DEFAULT_POLICY.segments[segment];
        return [
          segment,
          `${band(segment, segments)}; ${COVERAGE_DOCS[policy.coverage]}, ${count(policy.accountsPerCsm)} accounts per CSM (defaults, changed under policy.segments)`,
        ];
      }),
    ) as Record<SegmentId, string>,
  );
}

/** Defaults quoted in the descriptions of `policy.segments.<segment>`. */
export function segmentDefaults(segment: SegmentId) {
  const policy = DEFAULT_POLICY.segments[segment];
  return {
    minArr: formatMoney(policy.minArr),
    coverage: policy.coverage,
    accounts: count(policy.accountsPerCsm),
    arr: money(policy.arrPerCsm),
  };
}
