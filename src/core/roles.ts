import { formatCount } from './money.js';

/** Team roles csplan knows, with the facts the planner needs about each (docs/sources.md). */

export const ROLE_IDS = [
  'ceo',
  'founder',
  'coo',
  'cro',
  'cco',
  'vp-cs',
  'director-cs',
  'manager-cs',
  'csm',
  'digital-csm',
  'onboarding',
  'renewals',
  'account-manager',
  'cs-ops',
  'enablement',
  'support',
  'professional-services',
  'solutions-engineer',
  'education',
  'customer-marketing',
  'head-of-onboarding',
  'head-of-support',
  'head-of-renewals',
  'head-of-account-management',
  'head-of-professional-services',
  'revops',
  'sales',
  'vp-sales',
] as const;
export type RoleId = (typeof ROLE_IDS)[number];

/** 'sales' is the revenue side outside CS: Sales itself and the RevOps that serves it. */
export type RoleKind = 'executive' | 'cs-leader' | 'cs-manager' | 'csm' | 'specialist' | 'sales';

export interface RoleInfo {
  /** A job title, so that "1 x CS Ops Specialist" and "2 CS Ops Specialists" both read well. */
  label: string;
  /** Only where adding "s" is wrong. */
  plural?: string;
  kind: RoleKind;
  /** The specialist function a functional head leads (its people report to them). */
  heads?: RoleId;
}

export const ROLES: Record<RoleId, RoleInfo> = {
  ceo: { label: 'CEO', kind: 'executive' },
  founder: { label: 'Founder', kind: 'executive' },
  coo: { label: 'COO', kind: 'executive' },
  cro: { label: 'CRO', kind: 'executive' },
  cco: { label: 'Chief Customer Officer', kind: 'cs-leader' },
  'vp-cs': { label: 'VP Customer Success', plural: 'VPs Customer Success', kind: 'cs-leader' },
  'director-cs': { label: 'Director of CS', plural: 'Directors of CS', kind: 'cs-leader' },
  'manager-cs': { label: 'CS Manager', kind: 'cs-manager' },
  csm: { label: 'CSM', kind: 'csm' },
  'digital-csm': { label: 'Digital CSM', kind: 'csm' },
  onboarding: { label: 'Onboarding Specialist', kind: 'specialist' },
  renewals: { label: 'Renewals Manager', kind: 'specialist' },
  'account-manager': { label: 'Account Manager', kind: 'specialist' },
  'cs-ops': { label: 'CS Ops Specialist', kind: 'specialist' },
  enablement: { label: 'Enablement Specialist', kind: 'specialist' },
  support: { label: 'Support Specialist', kind: 'specialist' },
  'professional-services': { label: 'Professional Services Consultant', kind: 'specialist' },
  'solutions-engineer': { label: 'Solutions Engineer', kind: 'specialist' },
  education: { label: 'Customer Education Specialist', kind: 'specialist' },
  'customer-marketing': { label: 'Customer Marketing Manager', kind: 'specialist' },
  'head-of-onboarding': {
    label: 'Head of Onboarding',
    plural: 'Heads of Onboarding',
    kind: 'specialist',
    heads: 'onboarding',
  },
  'head-of-support': {
    label: 'Head of Support',
    plural: 'Heads of Support',
    kind: 'specialist',
    heads: 'support',
  },
  'head-of-renewals': {
    label: 'Head of Renewals',
    plural: 'Heads of Renewals',
    kind: 'specialist',
    heads: 'renewals',
  },
  'head-of-account-management': {
    label: 'Head of Account Management',
    plural: 'Heads of Account Management',
    kind: 'specialist',
    heads: 'account-manager',
  },
  'head-of-professional-services': {
    label: 'Head of Professional Services',
    plural: 'Heads of Professional Services',
    kind: 'specialist',
    heads: 'professional-services',
  },
  revops: { label: 'RevOps Specialist', kind: 'sales' },
  sales: { label: 'Sales Rep', kind: 'sales' },
  'vp-sales': { label: 'VP Sales', plural: 'VPs Sales', kind: 'sales' },
};

/** The functional head of each specialist function that has one. */
export const FUNCTION_HEADS: ReadonlyMap<RoleId, RoleId> = new Map(
  ROLE_IDS.flatMap((role): [RoleId, RoleId][] => {
    const heads = ROLES[role].heads;
    return heads ? [[heads, role]] : [];
  }),
);

/** Roles that carry a book of accounts. */
export const BOOK_ROLES: ReadonlySet<RoleId> = new Set<RoleId>(['csm', 'digital-csm']);

/** People who manage other people inside CS. */
export const CS_MANAGER_ROLES: ReadonlySet<RoleId> = new Set<RoleId>([
  'cco',
  'vp-cs',
  'director-cs',
  'manager-cs',
]);

export const EXECUTIVE_ROLES: ReadonlySet<RoleId> = new Set<RoleId>([
  'ceo',
  'founder',
  'coo',
  'cro',
]);

export const SALES_LEADER_ROLES: ReadonlySet<RoleId> = new Set<RoleId>([
  'cro',
  'vp-sales',
  'sales',
]);

export function roleLabel(role: RoleId): string {
  return ROLES[role].label;
}

// The order reqs due on the same day are opened in (the timeline and the gaps list share it).
// CS Ops leads because the sources put it before the 5th CSM; then the books, their managers
// and the functions that take work off them; layers and programs last. Roles not listed (heads
// of functions, executives) come after all of these.
export const SAME_DAY_ORDER: readonly RoleId[] = [
  'cs-ops',
  'csm',
  'digital-csm',
  'manager-cs',
  'onboarding',
  'support',
  'renewals',
  'account-manager',
  'solutions-engineer',
  'professional-services',
  'director-cs',
  'vp-cs',
  'enablement',
  'education',
  'customer-marketing',
];

/** A role's place in an ordered list; roles not in it come after every listed one. */
export function rankIn(order: readonly RoleId[], role: RoleId): number {
  const index = order.indexOf(role);
  return index === -1 ? order.length : index;
}

/** "A CS Manager", "An Onboarding Specialist": no label starts with an acronym said with a vowel sound. */
export function roleWithArticle(role: RoleId): string {
  const label = roleLabel(role);
  return `${'AEIOU'.includes(label.charAt(0)) ? 'An' : 'A'} ${label}`;
}

export function roleLabelPlural(role: RoleId): string {
  return ROLES[role].plural ?? `${ROLES[role].label}s`;
}

/** "1 CSM", "4 CSMs". */
export function roleCount(role: RoleId, count: number): string {
  return count === 1 ? `1 ${roleLabel(role)}` : `${formatCount(count)} ${roleLabelPlural(role)}`;
}
