/**
 * Job titles as HR systems write them, to csplan roles. A title is compared after
 * `normaliseTitle` (case, punctuation, "&", "Sr." and "VP" spellings folded), then its seniority
 * words ("Senior", "Lead", "II"...) are taken off and the rest is looked up in TITLE_ROLES, so
 * "Sr. Customer Success Manager II" is a senior csm. `--roles "TITLE=role"` adds to the table and
 * wins over it. A title the table does not know is reported once, with a did-you-mean.
 */
import { didYouMean } from '../../core/did-you-mean.js';
import type { RoleId } from '../../core/roles.js';

export type Seniority = 'junior' | 'mid' | 'senior' | 'lead';

export interface TitleRole {
  role: RoleId;
  seniority?: Seniority;
}

/**
 * Common titles (after normalising, seniority words removed) and the role each is. Comma forms
 * ("Manager, Customer Success") are listed because the comma turns a CSM title into a manager's.
 */
const TABLE: readonly (readonly [string, RoleId])[] = [
  ['chief executive officer', 'ceo'],
  ['ceo', 'ceo'],
  ['founder', 'founder'],
  ['co founder', 'founder'],
  ['founder and ceo', 'founder'],
  ['co founder and ceo', 'founder'],
  ['chief operating officer', 'coo'],
  ['coo', 'coo'],
  ['chief revenue officer', 'cro'],
  ['cro', 'cro'],
  ['chief customer officer', 'cco'],
  ['cco', 'cco'],
  ['vice president customer success', 'vp-cs'],
  ['vice president of customer success', 'vp-cs'],
  ['svp customer success', 'vp-cs'],
  ['head of customer success', 'vp-cs'],
  ['vice president customer experience', 'vp-cs'],
  ['head of customer experience', 'vp-cs'],
  ['director customer success', 'director-cs'],
  ['director of customer success', 'director-cs'],
  ['customer success director', 'director-cs'],
  ['manager customer success', 'manager-cs'],
  ['customer success team lead', 'manager-cs'],
  ['team lead customer success', 'manager-cs'],
  ['customer success lead', 'manager-cs'],
  ['customer success team manager', 'manager-cs'],
  ['manager of customer success', 'manager-cs'],
  ['customer success manager', 'csm'],
  ['csm', 'csm'],
  ['customer success associate', 'csm'],
  ['customer success specialist', 'csm'],
  ['customer success representative', 'csm'],
  ['client success manager', 'csm'],
  ['technical account manager', 'csm'],
  ['strategic customer success manager', 'csm'],
  ['enterprise customer success manager', 'csm'],
  ['digital customer success manager', 'digital-csm'],
  ['scaled customer success manager', 'digital-csm'],
  ['digital csm', 'digital-csm'],
  ['onboarding specialist', 'onboarding'],
  ['onboarding manager', 'onboarding'],
  ['implementation manager', 'onboarding'],
  ['implementation specialist', 'onboarding'],
  ['implementation consultant', 'onboarding'],
  ['renewals manager', 'renewals'],
  ['renewal manager', 'renewals'],
  ['renewals specialist', 'renewals'],
  ['account manager', 'account-manager'],
  ['customer success operations manager', 'cs-ops'],
  ['customer success operations analyst', 'cs-ops'],
  ['cs operations manager', 'cs-ops'],
  ['cs ops specialist', 'cs-ops'],
  ['cs ops manager', 'cs-ops'],
  ['customer success operations specialist', 'cs-ops'],
  ['enablement manager', 'enablement'],
  ['enablement specialist', 'enablement'],
  ['customer success enablement manager', 'enablement'],
  ['support specialist', 'support'],
  ['support engineer', 'support'],
  ['customer support specialist', 'support'],
  ['customer support representative', 'support'],
  ['technical support engineer', 'support'],
  ['professional services consultant', 'professional-services'],
  ['solutions consultant', 'solutions-engineer'],
  ['solutions engineer', 'solutions-engineer'],
  ['sales engineer', 'solutions-engineer'],
  ['customer education specialist', 'education'],
  ['customer education manager', 'education'],
  ['customer marketing manager', 'customer-marketing'],
  ['vice president sales', 'vp-sales'],
  ['vice president of sales', 'vp-sales'],
  ['head of sales', 'vp-sales'],
  ['account executive', 'sales'],
  ['enterprise account executive', 'sales'],
  ['sales development representative', 'sales'],
  ['business development representative', 'sales'],
  ['sales representative', 'sales'],
];

/** The table as it is documented: title -> role. */
export const TITLE_ROLES: ReadonlyMap<string, RoleId> = new Map(TABLE);

/** Seniority words that open a title, and the numerals that close one. */
const LEADING: readonly (readonly [string, Seniority])[] = [
  ['senior', 'senior'],
  ['junior', 'junior'],
  ['associate', 'junior'],
  ['lead', 'lead'],
  ['principal', 'lead'],
  ['staff', 'lead'],
];
const TRAILING: Readonly<Record<string, Seniority>> = { i: 'junior', ii: 'mid', iii: 'senior' };

/** Lower case, words only, common abbreviations spelt out: "Sr. VP, CS & Ops" -> "senior vice president cs and ops". */
export function normaliseTitle(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
  const spelt = words.flatMap((word) => ABBREVIATIONS[word] ?? [word]);
  return spelt.join(' ');
}

const ABBREVIATIONS: Readonly<Record<string, string[]>> = {
  sr: ['senior'],
  jr: ['junior'],
  vp: ['vice', 'president'],
  svp: ['svp'],
  mgr: ['manager'],
  dir: ['director'],
  cust: ['customer'],
};

/** The title's seniority words taken off: what the table is looked up with, and the seniority. */
function splitSeniority(normalised: string): { base: string; seniority?: Seniority } {
  let words = normalised.split(' ');
  let seniority: Seniority | undefined;
  const last = words[words.length - 1];
  if (last !== undefined && words.length > 1 && TRAILING[last]) {
    seniority = TRAILING[last];
    words = words.slice(0, -1);
  }
  const first = LEADING.find(([word]) => words[0] === word && words.length > 1);
  if (first) {
    seniority = first[1];
    words = words.slice(1);
  }
  return { base: words.join(' '), seniority };
}

/** Overrides from `--roles "TITLE=role"`, keyed by the normalised title. */
export type TitleOverrides = ReadonlyMap<string, RoleId>;

export function roleForTitle(title: string, overrides: TitleOverrides): TitleRole | undefined {
  const normalised = normaliseTitle(title);
  const exact = overrides.get(normalised) ?? TITLE_ROLES.get(normalised);
  if (exact) return withSeniority(exact, splitSeniority(normalised).seniority);
  const { base, seniority } = splitSeniority(normalised);
  const role = overrides.get(base) ?? TITLE_ROLES.get(base);
  return role ? withSeniority(role, seniority) : undefined;
}

/** Seniority is kept for CSMs only: it is what matches them to complex accounts. */
function withSeniority(role: RoleId, seniority: Seniority | undefined): TitleRole {
  return seniority && (role === 'csm' || role === 'digital-csm') ? { role, seniority } : { role };
}

/** The known title nearest an unknown one, as the table writes it. */
export function nearestTitle(title: string, overrides: TitleOverrides): string | undefined {
  const { base } = splitSeniority(normaliseTitle(title));
  return didYouMean(base, [...overrides.keys(), ...TITLE_ROLES.keys()]);
}
