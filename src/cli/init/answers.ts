/**
 * What the wizard (or `--yes` with flags) collected, and the pure step that turns it into the
 * org file's data. No prompts, files or clock here: `today` is an argument.
 */

import type { RosterPresetId } from '../../config/roster/presets.js';
import type { OrgFileInput } from '../../config/schema.js';
import type { Level, Motion, SegmentId } from '../../core/model.js';
import { BOOK_ROLES, type RoleId } from '../../core/roles.js';
import { bandForArr, bandOf } from './bands.js';

export type Preset = 'salesforce' | 'hubspot';

export interface BandAnswer {
  segment: SegmentId;
  count: number;
  /** What a typical account in the band pays per year, whole dollars. */
  arrEach: number;
}

export type DateOrderAnswer = 'month-first' | 'day-first';

export type CustomersAnswer =
  /** Counts per ARR band; an empty list means no customers yet. */
  | { source: 'bands'; bands: BandAnswer[] }
  /** One total (from `--customers` / `--arr`): a single group, segmented by its average ARR. */
  | { source: 'total'; count: number; arrTotal?: number; arrEach?: number; arrAssumed: boolean }
  /** A CRM export; `file` is already relative to the org file's folder. */
  | {
      source: 'file';
      file: string;
      preset?: Preset;
      columns?: Record<string, string>;
      /** Asked only when the file's dates (3/4/2027) do not tell the order themselves. */
      dateOrder?: DateOrderAnswer;
    };

export interface PersonAnswer {
  id: string;
  name: string;
  role: RoleId;
  reportsTo?: string;
  /** First day in the role, YYYY-MM-DD; asked for CSMs (ramp, planned hires). */
  startDate?: string;
  /** Segment a CSM serves; undefined for a generalist. */
  segment?: SegmentId;
  /** Work email, so a CRM export's owner column can name the person by it. */
  email?: string;
}

/** The team read from an HR roster export: written as `team: { file, ... }`. */
export interface RosterAnswer {
  /** Relative to the org file's folder. */
  file: string;
  preset?: RosterPresetId;
  roles?: Record<string, RoleId>;
  dateOrder?: DateOrderAnswer;
  /** People the roster gives the team today (for the wizard's note). */
  people: number;
}

export interface GrowthAnswer {
  newCustomers12m?: number;
  arrGrowthPct12m?: number;
  newCsmHires12m?: number;
}

export interface InitAnswers {
  company: { name: string; motion: Motion; productComplexity: Level };
  customers: CustomersAnswer;
  /** The founder looks after customers personally: accounts no CSM covers are theirs. */
  founderOwnsAccounts: boolean;
  team: PersonAnswer[];
  /** The team is read from this roster instead of listed (`team` is then empty). */
  roster?: RosterAnswer;
  growth?: GrowthAnswer;
}

export const DEFAULT_COMPANY_NAME = 'My Company';
export const DEFAULT_FOUNDER_NAME = 'Founder';

/**
 * Everything the wizard would answer if the person pressed Enter at every prompt, and what
 * `--yes` starts from: the founder looks after customers, none recorded yet.
 */
export function defaultAnswers(): InitAnswers {
  return {
    company: { name: DEFAULT_COMPANY_NAME, motion: 'sales-led', productComplexity: 'medium' },
    customers: { source: 'bands', bands: [] },
    founderOwnsAccounts: true,
    team: [{ id: 'founder', name: DEFAULT_FOUNDER_NAME, role: 'founder' }],
  };
}

type AccountGroupInput = NonNullable<OrgFileInput['account_groups']>[number];
type TeamMemberInput = Extract<NonNullable<OrgFileInput['team']>, unknown[]>[number];

export interface BuildContext {
  /** YYYY-MM-DD: CSMs starting after it are planned hires and get no accounts yet. */
  today: string;
}

/** The org file's data for a set of answers. Pure; the result passes `orgFileSchema`. */
export function buildOrgFile(answers: InitAnswers, context: BuildContext): OrgFileInput {
  const org: OrgFileInput = {
    version: 1,
    company: {
      name: answers.company.name,
      motion: answers.company.motion,
      product_complexity: answers.company.productComplexity,
    },
  };
  const { customers } = answers;
  if (customers.source === 'file') {
    org.accounts = {
      file: customers.file,
      ...(customers.preset ? { preset: customers.preset } : {}),
      ...(customers.columns && Object.keys(customers.columns).length > 0
        ? { columns: customers.columns }
        : {}),
      ...(customers.dateOrder ? { date_order: customers.dateOrder } : {}),
    };
  } else {
    const groups = accountGroups(answers, context);
    if (groups.length > 0) org.account_groups = groups;
  }
  if (answers.roster) org.team = rosterSpec(answers.roster);
  else if (answers.team.length > 0) org.team = answers.team.map(teamMember);
  const growth = growthSection(answers.growth);
  if (growth) org.growth = growth;
  return org;
}

function rosterSpec(roster: RosterAnswer): NonNullable<OrgFileInput['team']> {
  return {
    file: roster.file,
    ...(roster.preset ? { preset: roster.preset } : {}),
    ...(roster.roles ? { roles: roster.roles } : {}),
    ...(roster.dateOrder ? { date_order: roster.dateOrder } : {}),
  };
}

function teamMember(person: PersonAnswer): TeamMemberInput {
  return {
    id: person.id,
    name: person.name,
    role: person.role,
    ...(person.reportsTo ? { reports_to: person.reportsTo } : {}),
    ...(person.startDate ? { start_date: person.startDate } : {}),
    ...(person.segment ? { segment: person.segment } : {}),
    ...(person.email ? { email: person.email } : {}),
  };
}

function growthSection(growth: GrowthAnswer | undefined): OrgFileInput['growth'] {
  if (!growth) return undefined;
  const section: NonNullable<OrgFileInput['growth']> = {};
  if (growth.newCustomers12m !== undefined) section.new_customers_12m = growth.newCustomers12m;
  if (growth.arrGrowthPct12m !== undefined) section.arr_growth_pct_12m = growth.arrGrowthPct12m;
  if (growth.newCsmHires12m !== undefined) section.new_csm_hires_12m = growth.newCsmHires12m;
  return Object.keys(section).length > 0 ? section : undefined;
}

/** One group per non-empty band (or one for a total), split between the CSMs who cover it. */
function accountGroups(answers: InitAnswers, context: BuildContext): AccountGroupInput[] {
  const { customers } = answers;
  if (customers.source === 'file') return [];
  if (customers.source === 'total') {
    if (customers.count === 0) return [];
    const arrEach =
      customers.arrEach ?? Math.round((customers.arrTotal ?? 0) / Math.max(customers.count, 1));
    const money =
      customers.arrTotal !== undefined
        ? { arr_total: customers.arrTotal }
        : { arr_each: customers.arrEach ?? 0 };
    return splitGroup(
      'Customers',
      customers.count,
      money,
      bandForArr(arrEach).segment,
      answers,
      context,
    );
  }
  return customers.bands
    .filter((band) => band.count > 0)
    .flatMap((band) =>
      splitGroup(
        bandOf(band.segment).groupName,
        band.count,
        { arr_each: band.arrEach },
        band.segment,
        answers,
        context,
      ),
    );
}

/**
 * A group of `count` accounts, owned by the people who cover its segment: CSMs of that segment
 * first, generalist CSMs next, then the founder when they look after customers. With several
 * CSMs the accounts are shared out evenly, one group each, so no book starts lopsided.
 */
function splitGroup(
  name: string,
  count: number,
  money: { arr_each: number } | { arr_total: number },
  segment: SegmentId,
  answers: InitAnswers,
  context: BuildContext,
): AccountGroupInput[] {
  const owners = coveringCsms(answers.team, segment, context.today);
  if (owners.length === 0) {
    const founder = answers.founderOwnsAccounts
      ? answers.team.find((p) => p.role === 'founder' || p.role === 'ceo')
      : undefined;
    return [{ name, count, ...money, ...(founder ? { owner: founder.id } : {}) }];
  }
  const counts = owners.map(
    (_, index) => Math.floor(count / owners.length) + (index < count % owners.length ? 1 : 0),
  );
  const shares = owners
    .map((owner, index) => ({ owner, count: counts[index] ?? 0 }))
    .filter((share) => share.count > 0);
  const names = shares.map((share) => share.owner.name);
  const label = (owner: PersonAnswer) =>
    names.filter((n) => n === owner.name).length > 1 ? owner.id : owner.name;
  let allotted = 0;
  return shares.map((share, index) => {
    let amount: { arr_each: number } | { arr_total: number } = money;
    if ('arr_total' in money) {
      // Whole dollars that add up to the total: the last share takes the rounding remainder.
      const part =
        index === shares.length - 1
          ? money.arr_total - allotted
          : Math.floor((money.arr_total * share.count) / count);
      allotted += part;
      amount = { arr_total: part };
    }
    return {
      name: shares.length === 1 ? name : `${name} (${label(share.owner)})`,
      count: share.count,
      ...amount,
      owner: share.owner.id,
    };
  });
}

/** CSMs already in the role (not planned hires) who cover a segment, in the order they were added. */
function coveringCsms(
  team: readonly PersonAnswer[],
  segment: SegmentId,
  today: string,
): PersonAnswer[] {
  const active = team.filter(
    (p) => BOOK_ROLES.has(p.role) && (p.startDate === undefined || p.startDate <= today),
  );
  const specialists = active.filter((p) => p.segment === segment);
  if (specialists.length > 0) return specialists;
  const generalistRole: RoleId = segment === 'self-serve' ? 'digital-csm' : 'csm';
  return active.filter((p) => p.segment === undefined && p.role === generalistRole);
}
