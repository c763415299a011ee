/**
 * The invariants that tie a plan's views to its one target org. Each returns a list of broken
 * statements (empty when all hold), so a property test can print what failed for which org.
 */
import type { Org } from '../../src/core/model.js';
import type { ChartNode } from '../../src/core/orgchart.js';
import { type Plan, planOrg } from '../../src/core/plan.js';
import { ROLES, type RoleId } from '../../src/core/roles.js';
import { simulateTimeline } from '../../src/core/timeline/index.js';

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
    const named = plan.teams.filter((t) => t.role === 'csm');
    if (pods.length !== named.length)
      broken.push(`${pods.length} pods for ${named.length} CSM teams`);
  }

  // 6. Managers lead no more than the span allows.
  const { managerMax } = plan.policy.spanOfControl;
  for (const node of nodes) {
    if (node.role !== 'manager-cs' || node.count === 0) continue;
    const reports = node.children.reduce((sum, child) => sum + child.count, 0);
    if (reports / node.count > managerMax + 1e-9)
      broken.push(`${node.title}: ${reports} reports for ${node.count}`);
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
  const dated = new Map<RoleId, number>();
  for (const hire of timeline.hires)
    if (hire.month === org.company.asOf.slice(0, 7))
      dated.set(hire.role, (dated.get(hire.role) ?? 0) + 1);
  const broken: string[] = [];
  for (const role of new Set([...wanted.keys(), ...dated.keys()])) {
    if ((wanted.get(role) ?? 0) !== (dated.get(role) ?? 0))
      broken.push(
        `timeline dates ${dated.get(role) ?? 0} ${role} for its first month, the target hires ${wanted.get(role) ?? 0}`,
      );
  }
  return broken;
}
