/**
 * The invariants that tie a plan's views to its one target org. Each returns a list of broken
 * statements (empty when all hold), so a property test can print what failed for which org.
 */
import { analyse } from '../../src/core/analysis.js';
import type { Org, SegmentId } from '../../src/core/model.js';
import type { ChartNode } from '../../src/core/orgchart.js';
import { type Plan, planOrg } from '../../src/core/plan.js';
import { ROLES, type RoleId } from '../../src/core/roles.js';
import { REDEPLOY_ROLES } from '../../src/core/target/functions.js';
import { isPodTeam } from '../../src/core/target/index.js';
import { servingTeams } from '../../src/core/target/needs.js';
import { regionAnchors } from '../../src/core/target/staffing.js';
import {
  compactAccounts,
  grownAccounts,
  growthSeries,
  timelineAccounts,
} from '../../src/core/timeline/grow.js';
import { simulateTimeline, targetAt } from '../../src/core/timeline/index.js';

const CS_LEADERS: ReadonlySet<string> = new Set(['cco', 'vp-cs', 'director-cs']);

/** People per role in the chart: the sum of node counts, executives and group boxes left out. */
export function chartCounts(root: ChartNode): Map<RoleId, number> {
  const counts = new Map<RoleId, number>();
  const walk = (node: ChartNode) => {
    if (node.role !== 'group') {
      const kind = ROLES[node.role].kind;
      if (kind !== 'executive' && kind !== 'sales')
        counts.set(node.role, (counts.get(node.role) ?? 0) + node.count);
    }
    node.children.forEach(walk);
  };
  walk(root);
  return counts;
}

function allNodes(root: ChartNode): ChartNode[] {
  return [root, ...root.children.flatMap(allNodes)];
}

export function brokenInvariants(plan: Plan, org: Org): string[] {
  const broken: string[] = [];
  const roleRows = plan.headcount.filter((row) => row.team === null);

  // 1. Every row adds up.
  for (const row of plan.headcount) {
    const sum = row.current - row.leaving + row.redeployedIn - row.redeployedOut + row.hire;
    if (row.target !== sum)
      broken.push(`${row.role}/${row.team ?? '-'}: target ${row.target} != ${sum}`);
    if (row.target < 0 || row.hire < 0) broken.push(`${row.role}: negative count`);
  }

  // 2. The chart shows each role's target, and no CS role outside the headcount.
  const chart = chartCounts(plan.chart.root);
  for (const row of roleRows) {
    if ((chart.get(row.role) ?? 0) !== row.target)
      broken.push(`chart shows ${chart.get(row.role) ?? 0} ${row.role}, target ${row.target}`);
  }
  for (const [role, count] of chart) {
    if (count > 0 && !roleRows.some((row) => row.role === role))
      broken.push(`chart shows ${count} ${role} with no headcount row`);
  }

  // 3. The gaps hire exactly what the headcount says, role by role and team by team.
  for (const row of roleRows) {
    const hires = plan.gaps.filter((g) => g.role === row.role).reduce((s, g) => s + g.count, 0);
    if (hires !== row.hire) broken.push(`gaps hire ${hires} ${row.role}, headcount ${row.hire}`);
  }
  for (const row of plan.headcount.filter((r) => r.team !== null)) {
    const hires = plan.gaps.filter((g) => g.team === row.team).reduce((s, g) => s + g.count, 0);
    if (hires !== row.hire)
      broken.push(`gaps hire ${hires} for ${row.team}, headcount ${row.hire}`);
  }
  for (const role of new Set(plan.gaps.map((g) => g.role)))
    if (!roleRows.some((row) => row.role === role)) broken.push(`gap for ${role} with no row`);

  // 4. Nobody in the file disappears: each CS role keeps at least its people, in all.
  const inFile = new Map<RoleId, number>();
  for (const member of org.team) inFile.set(member.role, (inFile.get(member.role) ?? 0) + 1);
  for (const [role, count] of inFile) {
    const kind = ROLES[role].kind;
    if (kind === 'executive' || kind === 'sales') continue;
    const row = roleRows.find((r) => r.role === role);
    if (!row || row.current !== count)
      broken.push(`${role}: ${count} in the file, row ${row?.current}`);
  }
  const bookIds = org.team
    .filter((m) => m.role === 'csm' || m.role === 'digital-csm')
    .map((m) => m.id);
  const placed = [
    ...plan.teams.flatMap((t) => t.members),
    ...plan.target.unplaced.map((u) => u.id),
    ...plan.target.roleMoves.map((m) => m.id),
    ...plan.target.leavers,
  ];
  if ([...placed].sort().join() !== [...new Set(bookIds)].sort().join())
    broken.push(`CSMs placed ${placed.join(',')} != in the file ${bookIds.join(',')}`);

  // 5. The structure label describes the chart.
  const nodes = allNodes(plan.chart.root);
  const model = plan.structure.model;
  const fileLeader = org.team.some((m) => CS_LEADERS.has(m.role));
  if (model === 'founder-led' && !fileLeader && nodes.some((n) => CS_LEADERS.has(n.role)))
    broken.push('founder-led, but the chart has a CS leader');
  if (model === 'founder-led' && plan.teams.some((t) => t.kind === 'segment'))
    broken.push('founder-led with tier teams');
  if (model === 'generalist' && plan.teams.map((t) => t.kind).join() !== 'generalist')
    broken.push(`generalist with teams ${plan.teams.map((t) => t.key).join(',')}`);
  if (
    model !== 'founder-led' &&
    model !== 'generalist' &&
    plan.teams.some((t) => t.kind !== 'segment')
  )
    broken.push(`${model} with a non-tier team`);
  if (model === 'pod') {
    const pods = nodes.filter((n) => n.role === 'group' && n.title.startsWith('Pod:'));
    const named = plan.teams.filter((t) => isPodTeam(t, plan.policy));
    if (pods.length !== named.length)
      broken.push(`${pods.length} pods for ${named.length} named CSM teams`);
    for (const pod of pods)
      for (const role of ['solutions-engineer', 'support'])
        if (!pod.children.some((c) => c.role === role && c.count === pod.count))
          broken.push(`${pod.title} x${pod.count} has no ${role} for each pod`);
  }
  // A vertical structure has industry teams; no other structure has any.
  const industryTeams = plan.teams.filter((t) => t.industry !== undefined);
  if (model === 'vertical' && !industryTeams.some((t) => t.industry !== ''))
    broken.push('vertical with no industry team');
  if (model !== 'vertical' && industryTeams.length > 0)
    broken.push(`${model} with industry teams ${industryTeams.map((t) => t.key).join(',')}`);
  // An industry splits by region only into two or more regions' teams, each named by its region.
  const industryRegions = new Map<string, Set<string>>();
  for (const t of industryTeams) {
    if (!t.region) continue;
    const regions = industryRegions.get(t.industry ?? '') ?? new Set();
    industryRegions.set(t.industry ?? '', regions.add(t.region.toLowerCase()));
    if (!t.title.startsWith(t.region)) broken.push(`${t.key} titled ${t.title}, not by its region`);
  }
  for (const [industry, regions] of industryRegions)
    if (regions.size < 2) broken.push(`industry ${industry} split into one region`);
  const drawn = (roles: string[]) => nodes.some((n) => roles.includes(n.role) && n.count > 0);
  if (model === 'functional') {
    if (!drawn(['onboarding', 'head-of-onboarding'])) broken.push('functional, no onboarding team');
    if (!drawn(['csm', 'digital-csm'])) broken.push('functional, no adoption team');
    if (!drawn(['renewals', 'head-of-renewals'])) broken.push('functional, no renewals team');
  }
  if (model === 'hybrid' || model === 'strategic-scaled') {
    const coverage = (s: string) => plan.policy.segments[s as SegmentId].coverage;
    const named = plan.teams.some((t) => t.segments.some((s) => coverage(s) === 'named'));
    const scaled = plan.teams.some((t) => t.segments.every((s) => coverage(s) !== 'named'));
    if (!named || !scaled)
      broken.push(`${model} with teams ${plan.teams.map((t) => t.key).join(',')}`);
  }

  // 6. Managers lead no more than the span allows, counting the CSMs the work needs (people beyond
  // it are advice to hold backfills, not a reason for another manager).
  const { managerMax } = plan.policy.spanOfControl;
  const surplus = (node: ChartNode) => plan.teams.find((t) => t.key === node.team)?.surplus ?? 0;
  for (const node of nodes) {
    if (node.role !== 'manager-cs' || node.count === 0) continue;
    const reports = node.children.reduce((sum, child) => sum + child.count - surplus(child), 0);
    if (reports / node.count > managerMax + 1e-9)
      broken.push(`${node.title}: ${reports} reports for ${node.count}`);
  }

  // 7. The file's lines are kept: nobody whose line leaves CS is drawn under a CS leader, and
  // (pods aside, which take a solutions engineer or support lead in with a note) every such person
  // is drawn outside CS.
  const walkOutside = (node: ChartNode, underCs: boolean) => {
    if (node.outsideCs && underCs) broken.push(`${node.title} outside CS drawn under a CS leader`);
    const cs = underCs || (CS_LEADERS.has(node.role) && !node.outsideCs);
    for (const child of node.children) walkOutside(child, cs);
  };
  walkOutside(plan.chart.root, false);
  if (model !== 'pod') {
    const byId = new Map(org.team.map((m) => [m.id, m]));
    const leaves = (id: string): boolean => {
      const seen = new Set([id]);
      let boss = byId.get(byId.get(id)?.reportsTo ?? '');
      while (boss && !seen.has(boss.id)) {
        seen.add(boss.id);
        const kind = ROLES[boss.role].kind;
        if (kind === 'cs-leader' || kind === 'cs-manager') return false;
        if (kind === 'executive' || kind === 'sales') return true;
        boss = byId.get(boss.reportsTo ?? '');
      }
      return false;
    };
    const outsideInFile = org.team.filter(
      (m) => ROLES[m.role].kind === 'specialist' && leaves(m.id),
    ).length;
    const outsideDrawn = nodes
      .filter((n) => n.outsideCs && n.role !== 'group' && ROLES[n.role].kind === 'specialist')
      .reduce((sum, n) => sum + n.count, 0);
    if (outsideDrawn < outsideInFile)
      broken.push(`${outsideInFile} people outside CS in the file, ${outsideDrawn} drawn there`);
  }

  // 8. Every CSM hire names its team, and its seniority and segment in its title.
  for (const gap of plan.gaps)
    if ((gap.role === 'csm' || gap.role === 'digital-csm') && (!gap.team || !/, /.test(gap.title)))
      broken.push(`CSM hire "${gap.title}" for team ${gap.team} names no segment`);

  // 9. No thin layer: a director is hired only over three managers or more.
  const { managers, directors } = plan.target.leadership;
  if (directors.needed > directors.current && managers.needed < 3)
    broken.push(`a director hired over ${managers.needed} managers`);

  // 10. A region with CSMs enough for a manager has managers of its own, never shared.
  const { managerMin } = plan.policy.spanOfControl;
  const regionOf = (key: string) => plan.teams.find((t) => t.key === key)?.region?.toLowerCase();
  const regionHeads = new Map<string, number>();
  for (const t of plan.teams)
    if (t.region && t.role === 'csm')
      regionHeads.set(
        t.region.toLowerCase(),
        (regionHeads.get(t.region.toLowerCase()) ?? 0) + t.target,
      );
  for (const group of plan.target.leadership.groups) {
    const big = new Set(
      group.teams
        .map(regionOf)
        .filter((r): r is string => r !== undefined && (regionHeads.get(r) ?? 0) >= managerMin),
    );
    if (big.size > 1) broken.push(`one manager group across regions ${[...big].join(', ')}`);
  }

  // 11. Specialists a CS manager leads in the file are drawn in a manager's team (pods aside,
  // which take their solutions engineer and support lead from wherever the file has them).
  if (model !== 'pod') {
    const byId = new Map(org.team.map((m) => [m.id, m]));
    const underManager = org.team.filter((m) => {
      const boss = byId.get(m.reportsTo ?? '');
      const head = boss !== undefined && ROLES[boss.role].heads !== undefined;
      return ROLES[m.role].kind === 'specialist' && !head && boss?.role === 'manager-cs';
    });
    const drawnUnder = nodes
      .filter((n) => n.role === 'manager-cs')
      .flatMap((n) => n.children)
      .filter((c) => c.role !== 'group' && ROLES[c.role].kind === 'specialist')
      .reduce((sum, c) => sum + c.count, 0);
    if (drawnUnder < underManager.length)
      broken.push(
        `${underManager.length} specialists report to a CS manager, ${drawnUnder} drawn there`,
      );
  }

  broken.push(...sizingBreaks(plan, org));
  return broken;
}

/**
 * The sizing invariants: no hire into a role a CSM beyond the work could start; digital work
 * within the published ARR band (capped by the account count); a region's only CSM never moved.
 */
export function sizingBreaks(plan: Plan, org: Org): string[] {
  const broken: string[] = [];
  const analysis = analyse(org);
  // Once everyone the plan takes out of their region is gone, the only CSM left in a region
  // stays there.
  const { out, loose } = regionStatus(plan, org);
  const anchors = regionAnchors(analysis)(out, loose);
  const movable = (id: string) => {
    const owner = analysis.bookOwnerById.get(id);
    return (
      owner !== undefined &&
      owner.rampStatus !== 'planned' &&
      owner.member.leaving === undefined &&
      (analysis.reportsOf.get(id)?.length ?? 0) === 0 &&
      !anchors.has(id)
    );
  };
  const spare = [
    ...plan.teams.filter((t) => t.surplus > 0).flatMap((t) => t.members.filter(movable)),
    ...plan.target.unplaced.map((u) => u.id).filter(movable),
  ];
  for (const seat of plan.target.specialists)
    if (REDEPLOY_ROLES.includes(seat.role) && seat.hire > 0 && spare.length > 0)
      broken.push(`hires ${seat.hire} ${seat.role} while ${spare.join(',')} could move into it`);

  const { policy } = plan;
  for (const s of plan.capacity.segments) {
    if (s.coverage !== 'digital' || s.accounts === 0) continue;
    const ranges = policy.segments[s.id];
    const cap = s.weightedAccounts / ranges.accountsPerCsm.max;
    const fewest = Math.min(s.arr / ranges.arrPerCsm.max, cap);
    const most = Math.min(s.arr / ranges.arrPerCsm.min, cap);
    const work = s.csmFteNeeded * analysis.offloadMultiplier;
    if (work < fewest - 1e-9 || work > most + 1e-9)
      broken.push(`${s.id}: ${work} FTE of digital work outside ${fewest}-${most}`);
  }

  broken.push(...regionBreaks(plan, org));
  return broken;
}

/**
 * The CSMs a plan takes out of their region (moved into a function, or to a team that does not
 * work it: a team split by region works the regions it names, any other team those it has
 * accounts in), and those loose from it (no team, or in a team that does not work it), who hold
 * a region only where nobody works it.
 */
function regionStatus(plan: Plan, org: Org): { out: Set<string>; loose: Set<string> } {
  const key = (region: string | undefined) => region?.trim().toLowerCase() || undefined;
  const regionOf = new Map(org.team.map((m) => [m.id, key(m.region)]));
  const teams = new Map(plan.teams.map((t) => [t.key, t]));
  const placed = analyse(org).placed;
  const works = (team: (typeof plan.teams)[number], region: string) =>
    team.region !== undefined
      ? (team.regions ?? [team.region]).some((r) => key(r) === region)
      : placed.some(
          (p) =>
            key(p.region) === region &&
            servingTeams(
              plan.teams.filter((t) => t.region === undefined),
              { segment: p.segment, industry: p.account.industry },
            ).includes(team),
        );
  const out = new Set(plan.target.roleMoves.map((m) => m.id));
  for (const r of plan.redeployments) {
    const region = regionOf.get(r.id);
    const to = teams.get(r.to);
    if (region !== undefined && (to === undefined || !works(to, region))) out.add(r.id);
  }
  const loose = new Set<string>();
  for (const u of plan.target.unplaced) if (regionOf.get(u.id) !== undefined) loose.add(u.id);
  for (const team of plan.teams) {
    for (const id of team.members) {
      const region = regionOf.get(id);
      if (region !== undefined && !works(team, region)) loose.add(id);
    }
  }
  return { out, loose };
}

/**
 * A region with accounts and CSMs there (not leaving) keeps at least one of them working its
 * accounts: not moved into a function nor to a team of another region.
 */
export function regionBreaks(plan: Plan, org: Org): string[] {
  const key = (region: string | undefined) => region?.trim().toLowerCase() || undefined;
  const withAccounts = new Set(org.accounts.map((a) => key(a.region)));
  const byRegion = new Map<string, string[]>();
  for (const m of org.team) {
    const region = key(m.region);
    if ((m.role !== 'csm' && m.role !== 'digital-csm') || !region || m.leaving) continue;
    if (withAccounts.has(region)) byRegion.set(region, [...(byRegion.get(region) ?? []), m.id]);
  }
  const moved = regionStatus(plan, org).out;
  const broken: string[] = [];
  for (const [region, ids] of byRegion)
    if (ids.every((id) => moved.has(id)))
      broken.push(`${region} loses every CSM (${ids.join(',')})`);
  // Every region with named accounts has a CSM team that serves it, with someone in it.
  const named = plan.teams.filter((t) => t.role === 'csm' && t.target > 0);
  if (named.length === 0) return broken;
  const served = (region: string) =>
    named.some((t) => !t.region || (t.regions ?? [t.region]).some((r) => key(r) === region));
  for (const p of analyse(org).placed) {
    const region = key(p.account.region);
    if (!region || plan.policy.segments[p.segment].coverage !== 'named' || served(region)) continue;
    broken.push(`${region} has named accounts (${p.account.id}) and no CSM team serves it`);
    break;
  }
  return broken;
}

/**
 * The timeline runs the target org's own model: with no growth and no attrition allowance, the
 * reqs it dates for its first month are exactly the hires of the target, role by role. (Later
 * months may add more with no growth at all: when hired CSMs start, four working CSMs call for CS
 * Ops, as the target would say on that day.)
 */
export function timelineBreaks(org: Org): string[] {
  const still: Org = {
    ...org,
    growth: undefined,
    policy: { ...org.policy, hiring: { ...org.policy.hiring, attritionPct12m: 0 } },
  };
  const target = planOrg(still).target;
  const wanted = new Map<RoleId, number>();
  for (const row of target.headcount)
    if (row.team === null && row.hire > 0) wanted.set(row.role, row.hire);
  const timeline = simulateTimeline(still, { months: 1 });
  const broken: string[] = [];
  const dated = new Map<RoleId, number>();
  for (const hire of timeline.hires)
    if (hire.month === org.company.asOf.slice(0, 7))
      dated.set(hire.role, (dated.get(hire.role) ?? 0) + 1);
  for (const role of new Set([...wanted.keys(), ...dated.keys()])) {
    if ((wanted.get(role) ?? 0) !== (dated.get(role) ?? 0))
      broken.push(
        `timeline dates ${dated.get(role) ?? 0} ${role} for its first month, the target hires ${wanted.get(role) ?? 0}`,
      );
  }
  return broken;
}

/** A CSM team as foldBreaks compares it. */
type Need = { key: string; needed: number };

/** Months of growth foldBreaks checks: the timeline's 12 and its look-ahead. */
const FOLD_MONTHS = 24;

/**
 * The accounts the timeline folds into groups (timelineAccounts) give the target the same CSM
 * teams, each with the same work, as the file's accounts: on the plan date, and every sixth
 * month of growth, where they are held against the fold by every attribute (which grows as the
 * file's accounts do, segment by segment). The groups keep the regions and industries teams may
 * be drawn by in any month, so the timeline needs what the target needs. An org without growth:
 * is grown 8% a month, so that its later months differ from today.
 */
export function foldBreaks(org: Org): string[] {
  const needs = (teams: readonly Need[]) =>
    [...teams].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // Sums added in another order differ in their last bits, not in what they mean.
  const same = (a: readonly Need[], b: readonly Need[]) =>
    a.length === b.length &&
    a.every(
      (t, i) =>
        t.key === b[i]?.key && Math.abs(t.needed - b[i].needed) <= 1e-9 * Math.max(1, t.needed),
    );
  const text = (teams: readonly Need[]) =>
    teams.map((t) => `${t.key} ${t.needed.toFixed(6)}`).join(', ');
  const still: Org = { ...org, growth: undefined };
  const broken: string[] = [];
  const file = needs(planOrg(still).target.teams);
  const folded = needs(targetAt({ ...still, accounts: timelineAccounts(still, 1) }).teams);
  if (!same(folded, file))
    broken.push(`folded accounts give teams ${text(folded)}, the file's ${text(file)}`);
  const growing: Org = org.growth ? org : { ...org, growth: { customerGrowthPctPerMonth: 8 } };
  const every: Org = { ...growing, accounts: compactAccounts(growing) };
  const keyed: Org = { ...growing, accounts: timelineAccounts(growing, FOLD_MONTHS) };
  const { series } = growthSeries(every, FOLD_MONTHS);
  for (let m = 6; m <= FOLD_MONTHS; m += 6) {
    const month = series[m] as (typeof series)[number];
    const grown = (from: Org) =>
      needs(targetAt({ ...still, accounts: grownAccounts(from, month) }).teams);
    const [whole, part] = [grown(every), grown(keyed)];
    if (!same(part, whole))
      broken.push(
        `month ${m}: folded accounts give teams ${text(part)}, every attribute kept ${text(whole)}`,
      );
  }
  return broken;
}
