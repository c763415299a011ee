/**
 * A role as people write it, to csplan's role id: the id itself in any case ("CSM", "Manager CS"),
 * the label csplan prints ("CS Manager", "VP Customer Success") or a common spelling
 * ("cs-manager", "vp-of-cs"). Shared by the org file's `role:` and `import --roles`.
 */
import { didYouMean } from '../core/did-you-mean.js';
import { ROLE_IDS, ROLES, type RoleId } from '../core/roles.js';

/** Spellings that are neither an id nor a label, after `roleKey`. */
const SPELLINGS: Readonly<Record<string, RoleId>> = {
  'cs-manager': 'manager-cs',
  'csm-manager': 'manager-cs',
  'customer-success-manager': 'csm',
  'cs-director': 'director-cs',
  'director-of-cs': 'director-cs',
  'director-customer-success': 'director-cs',
  'vp-of-cs': 'vp-cs',
  'vp-customer-success': 'vp-cs',
  'head-of-cs': 'vp-cs',
  'cs-ops': 'cs-ops',
  csops: 'cs-ops',
  'customer-success-operations': 'cs-ops',
  ae: 'sales',
  'account-executive': 'sales',
  'sales-rep': 'sales',
  se: 'solutions-engineer',
  'chief-customer-officer': 'cco',
};

/** Lower case, words joined by hyphens: "VP, Customer Success" -> "vp-customer-success". */
function roleKey(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const BY_KEY: ReadonlyMap<string, RoleId> = new Map<string, RoleId>([
  ...ROLE_IDS.map((id) => [roleKey(id), id] as const),
  ...ROLE_IDS.map((id) => [roleKey(ROLES[id].label), id] as const),
  ...Object.entries(SPELLINGS),
]);

export function roleFromText(text: unknown): RoleId | undefined {
  return typeof text === 'string' ? BY_KEY.get(roleKey(text)) : undefined;
}

/** The role id nearest a misspelt role, for a did-you-mean. */
export function nearestRole(text: string): RoleId | undefined {
  const key = roleKey(text);
  const near = didYouMean(key, BY_KEY.keys());
  return near === undefined ? undefined : BY_KEY.get(near);
}
