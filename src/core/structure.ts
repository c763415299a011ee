/**
 * Which structure model fits: a decision over the stage, the ARR mix across segments, product
 * complexity and the industry spread (DOMAIN.md "Structure models", seeds 000-004).
 */
import type { Analysis } from './analysis.js';
import type { CapacityResult } from './capacity.js';
import type { Account, IndustryMix, Level } from './model.js';
import { formatCount, formatFte, formatMoney, formatPct, plural } from './money.js';
import type { RoleId } from './roles.js';
import { segmentTitle } from './segments.js';
import { cite } from './sources.js';
import { revenueAhead, STAGE_LABELS, type StageResult } from './stage.js';
import type { TeamMode } from './target/index.js';
import {
  INDUSTRY_TEAM_FTE,
  MIN_CSMS_TO_SEGMENT,
  REGION_TEAM_FTE,
  type TeamNeed,
} from './target/needs.js';
import { industryLabel } from './target/staffing.js';

export const STRUCTURE_MODELS = [
  'founder-led',
  'generalist',
  'segmented',
  'functional',
  'vertical',
  'pod',
  'pooled',
  'hybrid',
  'strategic-scaled',
] as const;
export type StructureModel = (typeof STRUCTURE_MODELS)[number];

export const STRUCTURE_LABELS: Record<StructureModel, string> = {
  'founder-led': 'Founder-led',
  generalist: 'Generalist CSMs',
  segmented: 'Segmented by ARR tier',
  functional: 'Functional (onboarding -> adoption -> renewals)',
  vertical: 'Vertical (by industry)',
  pod: 'Pods (CSM + solutions engineer + support lead)',
  pooled: 'Pooled CSMs with shared specialists',
  hybrid: 'Hybrid (named top tiers, pooled/digital below)',
  'strategic-scaled': 'Strategic vs scaled split',
};

/** People a pod pairs with its CSMs: solutions engineers and implementation staff. */
const POD_STAFF: ReadonlySet<RoleId> = new Set<RoleId>([
  'solutions-engineer',
  'onboarding',
  'head-of-onboarding',
  'professional-services',
  'head-of-professional-services',
]);

export interface StructureResult {
  model: StructureModel;
  reasons: string[];
  /** Models that were close, with why they were not chosen. */
  alternatives: { model: StructureModel; why: string }[];
}

/** Thresholds of the decision; csplan defaults that turn the seeds' qualitative "best for" into tests. */
export const STRUCTURE_THRESHOLDS = {
  /** Share of ARR in strategic + enterprise above which the book is "high ACV". */
  highAcvShare: 0.6,
  /** Share of ARR that both named and pooled/digital coverage must hold for a "wide ACV range". */
  wideRangeShare: 0.1,
  /** Share of customers in self-serve above which there is a long tail. */
  longTailCustomers: 0.5,
  /** Industry data must cover this share of accounts, and the top 4 industries this share of ARR. */
  industryCoverage: 0.8,
  /** Customer count above which a process-driven functional model pays off. */
  functionalCustomers: 1_000,
};

export function chooseStructure(
  stageResult: StageResult,
  analysis: Analysis,
  capacity: CapacityResult,
  mode: TeamMode,
  needs: TeamNeed[],
  /** The teams a vertical structure would have (verticalNeeds); undefined when none. */
  verticalTeams: () => TeamNeed[] | undefined = () => undefined,
): StructureResult {
  const stage = stageResult.id;
  const ahead = revenueAhead(stageResult);
  const csmFte = needs.reduce((sum, n) => sum + n.needed, 0);
  if (mode === 'founder') {
    const top = needs.find((n) => n.kind === 'top-accounts');
    return {
      model: 'founder-led',
      reasons: [
        `Fewer than ${analysis.org.policy.stage.firstHireCustomers} customers: the founder owns the relationships and everyone does CS ${cite('org-design-guide')}`,
        top
          ? `A few large accounts carry ${formatFte(top.needed)} FTE of named work, more than founders can hold beside their jobs: one senior CSM takes the top accounts, reporting to the founder ${cite('org-design-guide', 'cs-ops-architect')}`
          : "Write down what works with each customer now: it becomes the first CSM's playbook",
      ],
      alternatives: [],
    };
  }
  if (mode === 'generalist') {
    const reasons =
      stage === 'founding' || stage === 'first-hire'
        ? [
            `${STAGE_LABELS[stage]} stage: generalist CSMs cover every account and do onboarding, adoption and renewals ${cite('org-design-guide', 'team-structure-guide')}`,
            'Segment only once there are enough accounts per tier to fill a book',
          ]
        : [
            `${formatFte(csmFte)} FTE of CSM work in all: fewer than ${MIN_CSMS_TO_SEGMENT} CSMs cannot be split into tier teams, so one team covers every segment for now ${cite('team-structure-guide')}`,
            'Split by tier once each tier fills a book of its own',
          ];
    if (ahead)
      reasons.push(
        `Revenue is ahead of the customer count: hire senior CSMs who can own large accounts, and give the top accounts executive sponsors ${cite('org-design-guide')}`,
      );
    return { model: 'generalist', reasons, alternatives: [] };
  }
  const t = STRUCTURE_THRESHOLDS;
  const share = (ids: string[]) =>
    capacity.segments.filter((s) => ids.includes(s.id)).reduce((sum, s) => sum + s.arrShare, 0);
  const customerShare = (id: string) => {
    const row = capacity.segments.find((s) => s.id === id);
    return analysis.customers > 0 && row ? row.accounts / analysis.customers : 0;
  };
  const { company } = analysis.org;
  const topShare = share(['strategic', 'enterprise']);
  const namedShare = capacity.segments
    .filter((s) => s.coverage === 'named')
    .reduce((sum, s) => sum + s.arrShare, 0);
  const scaledShare = 1 - namedShare;
  const tailCustomers = customerShare('self-serve');
  const present = capacity.segments.filter((s) => s.accounts > 0).map((s) => s.id);
  // A split into named and scaled sides is only a structure when the teams split that way too.
  const policySegments = analysis.org.policy.segments;
  const namedTeam = needs.some((n) =>
    n.segments.some((s) => policySegments[s].coverage === 'named'),
  );
  const scaledTeam = needs.some((n) =>
    n.segments.every((s) => policySegments[s].coverage !== 'named'),
  );
  const splits = namedTeam && scaledTeam;

  const alternatives: StructureResult['alternatives'] = [];
  const industry = industrySpread(analysis);
  const pct = formatPct;

  if (splits && topShare >= t.highAcvShare && tailCustomers >= t.longTailCustomers) {
    return {
      model: 'strategic-scaled',
      reasons: [
        `${pct(topShare)} of ARR sits in strategic and enterprise accounts while ${pct(tailCustomers)} of customers are self-serve`,
        `Split CS into a strategic team with named CSMs and a scaled team that runs programs for the tail ${cite('practitioner-answer')}`,
      ],
      alternatives: [{ model: 'hybrid', why: 'the tail is too large to treat as one pooled tier' }],
    };
  }
  // Revenue ahead of customers: pods once the file has the technical people to pair with CSMs.
  const techStaff = analysis.org.team.some((m) => POD_STAFF.has(m.role));
  if (company.productComplexity === 'high' && topShare >= t.highAcvShare && (!ahead || techStaff)) {
    return {
      model: 'pod',
      reasons: [
        `Complex product and ${pct(topShare)} of ARR in strategic and enterprise accounts`,
        `Pods (CSMs, a solutions engineer and a support lead owning a segment end to end) fit complex products with high ACV ${cite('cs-ops-architect')}`,
      ],
      alternatives: [{ model: 'segmented', why: 'a CSM alone cannot carry the technical depth' }],
    };
  }
  const industryNeed =
    industry !== undefined &&
    needsIndustryKnowledge(company.productComplexity, industry.regulatedShare);
  const vertical = industryNeed ? verticalTeams() : undefined;
  const industryTeams =
    vertical?.filter((n) => n.industry !== undefined && n.industry !== '') ?? [];
  if (industryNeed && industryTeams.length > 0) {
    const mixed = vertical?.some((n) => n.industry === '') ?? false;
    return {
      model: 'vertical',
      reasons: [
        `${industry.top.length} industries hold ${pct(industry.topShare)} of ARR (${industry.top.join(', ')})`,
        company.productComplexity === 'high'
          ? `with a complex product, industry knowledge is what customers value most ${cite('org-design-guide')}`
          : `${pct(industry.regulatedShare)} of accounts are regulated: industry-specific CSMs know the rules ${cite('org-design-guide')}`,
        `Named CSM teams by industry where an industry has about ${formatFte(INDUSTRY_TEAM_FTE)} FTE of work or more (${[...new Set(industryTeams.map((n) => industryLabel(n)))].join(', ')})${mixed ? '; the other industries share one team' : ''}`,
        ...regionSplit(vertical ?? []),
      ],
      alternatives: [
        { model: 'segmented', why: 'segment by ARR inside each vertical team once they grow' },
      ],
    };
  }
  if (industryNeed)
    alternatives.push({
      model: 'vertical',
      why: `no industry has ${formatFte(INDUSTRY_TEAM_FTE)} FTE of named work beside another team, so industry teams would not fill a book`,
    });
  if (
    splits &&
    present.length >= 3 &&
    namedShare >= t.wideRangeShare &&
    scaledShare >= t.wideRangeShare
  ) {
    if (industry)
      alternatives.push({
        model: 'vertical',
        why: 'industries are concentrated, but the product is not complex enough to need industry specialists',
      });
    return {
      model: 'hybrid',
      reasons: [
        `A wide ACV range: ${plural(present.length, 'segment')}, ${pct(namedShare)} of ARR in named-CSM tiers and ${pct(scaledShare)} in pooled/digital tiers`,
        `Named CSMs for the top tiers, pooled and digital coverage below, one onboarding team for all ${cite('cs-ops-architect')}`,
      ],
      alternatives,
    };
  }
  if (
    analysis.customers > t.functionalCustomers &&
    company.productComplexity === 'low' &&
    share(['smb', 'self-serve']) >= 0.5
  ) {
    return {
      model: 'functional',
      reasons: [
        `${formatCount(analysis.customers)} customers, a simple product and most ARR in SMB and self-serve`,
        `High volume and a repeatable process: specialise by function, onboarding -> adoption -> renewals ${cite('org-design-guide', 'cs-ops-architect')}`,
      ],
      alternatives,
    };
  }
  if (
    stage === 'specialization' &&
    share(['mid-market', 'smb']) >= 0.6 &&
    !present.includes('strategic')
  ) {
    return {
      model: 'pooled',
      reasons: [
        `${pct(share(['mid-market', 'smb']))} of ARR in mid-market and SMB at the specialization stage`,
        `Pooled CSMs with shared specialists fit mid-market books at the growth stage ${cite('cs-ops-architect')}`,
      ],
      alternatives: [
        { model: 'segmented', why: 'switch once mid-market and SMB each fill several books' },
      ],
    };
  }
  if (ahead)
    return {
      model: 'segmented',
      reasons: [
        `Revenue is ahead of the customer count (${formatMoney(analysis.totalArr)} ARR across ${plural(Math.round(analysis.customers), 'customer')}): named CSM teams by tier (${present.map(segmentTitle).join(', ')}) rather than first-hire generalists`,
        `Large accounts need senior CSMs with small books and executive sponsors ${cite('org-design-guide', 'cs-ops-architect')}`,
      ],
      alternatives:
        company.productComplexity === 'high'
          ? [
              {
                model: 'pod',
                why: 'the product is complex: pods fit once the file has solutions engineers or implementation staff to pair with the CSMs',
              },
            ]
          : [],
    };
  return {
    model: 'segmented',
    reasons: [
      present.length === 1
        ? `Every account is in one tier (${present[0]}): one team of named CSMs with that tier's ratio; split by tier as the base broadens`
        : `${present.length} segments with their own ratios: ${present.join(', ')}`,
      `Segmenting by ARR tier is the most common structure: each team runs the playbook its accounts need ${cite('org-design-guide')}`,
    ],
    alternatives,
  };
}

/**
 * Whether customers need CSMs who know their industry: with a complex product, or once a quarter
 * or more of the accounts are regulated. Only then does chooseStructure draw industry teams, so
 * only then does an account's industry decide its team.
 */
export function needsIndustryKnowledge(complexity: Level, regulatedShare: number): boolean {
  return complexity === 'high' || regulatedShare >= 0.25;
}

interface IndustrySpread {
  top: string[];
  topShare: number;
  regulatedShare: number;
}

/** Industries concentrated enough for vertical teams, or undefined. */
export function industrySpread(analysis: Analysis): IndustrySpread | undefined {
  const t = STRUCTURE_THRESHOLDS;
  const mix = emptyIndustryMix();
  for (const { account } of analysis.placed) addIndustries(mix, account);
  const { tagged, regulated } = mix;
  if (analysis.customers === 0 || tagged / analysis.customers < t.industryCoverage)
    return undefined;
  if (mix.arr.length < 2) return undefined;
  const ranked = [...mix.slots].map(([name, slot]): [string, number] => [name, mix.arr[slot] ?? 0]);
  ranked.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const top = ranked.slice(0, 4);
  const topArr = top.reduce((sum, [, arr]) => sum + arr, 0);
  const topShare = analysis.totalArr > 0 ? topArr / analysis.totalArr : 0;
  if (topShare < t.industryCoverage) return undefined;
  return {
    top: top.map(([name]) => name),
    topShare,
    regulatedShare: regulated / analysis.customers,
  };
}

export function emptyIndustryMix(): IndustryMix {
  return { slots: new Map(), arr: [], tagged: 0, regulated: 0 };
}

/** Adds an account's industry figures to a running total; a folded group adds its members'. */
export function addIndustries(mix: IndustryMix, account: Account): void {
  const own = account.industries;
  if (own) {
    mix.tagged += own.tagged;
    mix.regulated += own.regulated;
    for (const [industry, slot] of own.slots) addArr(mix, industry, own.arr[slot] ?? 0);
    return;
  }
  if (account.regulated) mix.regulated += account.count;
  if (!account.industry) return;
  mix.tagged += account.count;
  addArr(mix, account.industry, account.arr * account.count);
}

function addArr(mix: IndustryMix, industry: string, arr: number): void {
  const slot = mix.slots.get(industry);
  if (slot === undefined) {
    mix.slots.set(industry, mix.arr.length);
    mix.arr.push(arr);
  } else {
    mix.arr[slot] = (mix.arr[slot] ?? 0) + arr;
  }
}

/**
 * How industry teams split by region, in words: empty when none does. A region with about an FTE
 * of an industry's work gets that industry's team of its own; a smaller one joins the industry's
 * largest region, which names it.
 */
function regionSplit(teams: TeamNeed[]): string[] {
  const regions = [
    ...new Set(teams.filter((n) => n.industry !== undefined && n.region).map((n) => n.region)),
  ];
  if (regions.length === 0) return [];
  return [
    `Industry teams split by region (${regions.join(', ')}) where a region has about ${formatFte(REGION_TEAM_FTE)} FTE of an industry's work: CSMs work their customers' hours and languages; a smaller region joins the industry's largest team, which names it`,
  ];
}
