/**
 * The facts every part of the plan reads: each account's segment and load, each CSM's ramp and
 * book. Computed once per org so rules, capacity and gaps agree on the same numbers.
 */
import type { Account, Coverage, Org, SegmentId, TeamMember } from './model.js';
import { SEGMENT_IDS } from './model.js';
import { isPlanned, type PersonOnDate, personOn, type RampStatus } from './people.js';
import type { Policy } from './policy.js';
import { accountRegion } from './regions.js';
import { BOOK_ROLES } from './roles.js';

export interface PlacedAccount {
  account: Account;
  segment: SegmentId;
  coverage: Coverage;
  /** Why the account sits in its segment: derived from ARR, or pinned by the user. */
  segmentSource: 'arr' | 'pinned' | 'strategic-flag';
  /** Workload of one such account relative to a medium-complexity account (complexity and drivers). */
  loadFactor: number;
  /** The region the plan reads: `region`, or the time zone's (`accountRegion`). */
  region: string | undefined;
}

export type { RampStatus } from './people.js';
export { isPlanned, rampEndWeek, rampShare } from './people.js';

export interface BookOwner {
  member: TeamMember;
  /** The person on the plan date, by the one capacity model (people.ts). */
  person: PersonOnDate;
  /** Share of a full book this person can carry today: `person.capacity`. */
  capacity: number;
  rampShare: number;
  rampStatus: RampStatus;
  /** Whole weeks in the role as of the plan date (1 = first week); undefined without a start date. */
  tenureWeek?: number;
  accounts: PlacedAccount[];
  /** Accounts in the book, counting group members. */
  accountCount: number;
  arr: number;
  /** The book's size as a share of one full book at the policy targets (accounts and ARR, the larger). */
  loadAtTarget: number;
  /** The same against the top of the published ranges: above 1 is beyond any benchmark. */
  loadAtMax: number;
  /** Book load per segment at the policy targets, to split a generalist's capacity. */
  loadBySegment: Map<SegmentId, number>;
  /** Segment with most of the book's load, or the CSM's own segment. */
  mainSegment?: SegmentId;
}

export interface Analysis {
  org: Org;
  placed: PlacedAccount[];
  teamById: Map<string, TeamMember>;
  /** People who carry a book (CSMs and digital CSMs), in file order. */
  bookOwners: BookOwner[];
  bookOwnerById: Map<string, BookOwner>;
  /** Direct reports by manager id, in file order. */
  reportsOf: Map<string, TeamMember[]>;
  customers: number;
  totalArr: number;
  /** Capacity multiplier from dedicated onboarding / support teams (policy.offload). */
  offloadMultiplier: number;
}

export function segmentForArr(arr: number, policy: Policy): SegmentId {
  for (const id of SEGMENT_IDS) {
    if (arr >= policy.segments[id].minArr) return id;
  }
  return 'self-serve';
}

export function placeAccount(account: Account, org: Org): PlacedAccount {
  const { policy } = org;
  let segment: SegmentId;
  let segmentSource: PlacedAccount['segmentSource'];
  if (account.segment) {
    segment = account.segment;
    segmentSource = 'pinned';
  } else if (account.strategic) {
    segment = 'strategic';
    segmentSource = 'strategic-flag';
  } else {
    segment = segmentForArr(account.arr, policy);
    segmentSource = 'arr';
  }
  return {
    account,
    segment,
    coverage: policy.segments[segment].coverage,
    segmentSource,
    loadFactor: loadFactor(account, org),
    region: accountRegion(account, org),
  };
}

/** complexity factor x (1 + the uplifts of the load drivers that apply; CS Operations Architect guide). */
export function loadFactor(account: Account, org: Org): number {
  if (account.load !== undefined) return account.load;
  const { complexityFactors, loadDrivers } = org.policy;
  const complexity = account.complexity ?? org.company.productComplexity;
  let uplift = 0;
  if ((account.implementationDays ?? 0) > loadDrivers.longImplementationDays)
    uplift += loadDrivers.longImplementationUplift;
  if ((account.stakeholders ?? 0) > loadDrivers.manyStakeholders)
    uplift += loadDrivers.manyStakeholdersUplift;
  if (account.regulated) uplift += loadDrivers.regulatedUplift;
  return complexityFactors[complexity] * (1 + uplift);
}

export function analyse(org: Org): Analysis {
  const { policy } = org;
  const placed = org.accounts.map((account) => placeAccount(account, org));
  const teamById = new Map<string, TeamMember>();
  for (const member of org.team) if (!teamById.has(member.id)) teamById.set(member.id, member);

  const reportsOf = new Map<string, TeamMember[]>();
  for (const member of org.team) {
    if (!member.reportsTo) continue;
    const list = reportsOf.get(member.reportsTo) ?? [];
    list.push(member);
    reportsOf.set(member.reportsTo, list);
  }

  const active = (role: string) =>
    org.team.some((m) => m.role === role && !isPlanned(m, org.company.asOf));
  const offloadMultiplier =
    1 +
    (active('onboarding') ? policy.offload.onboarding : 0) +
    (active('support') ? policy.offload.support : 0);

  const booksById = new Map<string, PlacedAccount[]>();
  for (const p of placed) {
    if (p.account.owner === undefined) continue;
    const list = booksById.get(p.account.owner) ?? [];
    list.push(p);
    booksById.set(p.account.owner, list);
  }

  const bookOwners: BookOwner[] = [];
  const bookOwnerById = new Map<string, BookOwner>();
  for (const member of org.team) {
    if (!BOOK_ROLES.has(member.role) || bookOwnerById.has(member.id)) continue;
    const owner = bookOwner(member, booksById.get(member.id) ?? [], org, offloadMultiplier);
    bookOwners.push(owner);
    bookOwnerById.set(member.id, owner);
  }

  let customers = 0;
  let totalArr = 0;
  for (const account of org.accounts) {
    customers += account.count;
    totalArr += account.arr * account.count;
  }
  return {
    org,
    placed,
    teamById,
    bookOwners,
    bookOwnerById,
    reportsOf,
    customers,
    totalArr,
    offloadMultiplier,
  };
}

function bookOwner(
  member: TeamMember,
  accounts: PlacedAccount[],
  org: Org,
  offloadMultiplier: number,
): BookOwner {
  const { policy, company } = org;
  const person = personOn(member, company.asOf, policy);

  let accountCount = 0;
  let arr = 0;
  let byAccountsTarget = 0;
  let byArrTarget = 0;
  let byAccountsMax = 0;
  let byArrMax = 0;
  const accountLoad = new Map<SegmentId, number>();
  const arrLoad = new Map<SegmentId, number>();
  for (const p of accounts) {
    const s = policy.segments[p.segment];
    const n = p.account.count;
    accountCount += n;
    arr += p.account.arr * n;
    const weighted = n * p.loadFactor;
    byAccountsTarget += weighted / s.accountsPerCsm.target;
    byAccountsMax += weighted / s.accountsPerCsm.max;
    byArrTarget += (p.account.arr * n) / s.arrPerCsm.target;
    byArrMax += (p.account.arr * n) / s.arrPerCsm.max;
    const segment = p.segment;
    accountLoad.set(segment, (accountLoad.get(segment) ?? 0) + weighted / s.accountsPerCsm.target);
    arrLoad.set(segment, (arrLoad.get(segment) ?? 0) + (p.account.arr * n) / s.arrPerCsm.target);
  }
  // Per segment, the same measure as the whole book: the larger of count load and ARR load.
  const loadBySegment = new Map<SegmentId, number>();
  for (const [segment, load] of accountLoad) {
    loadBySegment.set(segment, Math.max(load, arrLoad.get(segment) ?? 0));
  }
  let mainSegment = member.segment;
  if (!mainSegment) {
    let best = -1;
    for (const [segment, load] of loadBySegment) {
      if (load > best) {
        best = load;
        mainSegment = segment;
      }
    }
  }
  if (!mainSegment && member.role === 'digital-csm') mainSegment = 'self-serve';
  return {
    member,
    person,
    capacity: person.capacity,
    rampShare: person.rampShare,
    rampStatus: person.rampStatus,
    tenureWeek: person.tenureWeek,
    accounts,
    accountCount,
    arr,
    loadAtTarget: Math.max(byAccountsTarget, byArrTarget) / offloadMultiplier,
    loadAtMax: Math.max(byAccountsMax, byArrMax) / offloadMultiplier,
    loadBySegment,
    mainSegment,
  };
}
