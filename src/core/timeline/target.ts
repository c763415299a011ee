/**
 * The one place the timeline asks for the recommended org: every month it hands the grown org
 * here and reads back the stage, the CSM teams (work in FTE and capacity in seat) and the
 * headcount every other role should have. Built on the planner's own steps (analysis,
 * capacity, stage, structure, org chart), so the timeline never decides what the
 * recommendation does not.
 */
import { analyse } from '../analysis.js';
import { computeCapacity } from '../capacity.js';
import type { Org, SegmentId } from '../model.js';
import { buildOrgChart, type ChartNode, csmTeams, teamTitle } from '../orgchart.js';
import { BOOK_ROLES, type RoleId } from '../roles.js';
import { detectStage, type StageResult } from '../stage.js';
import { chooseStructure, type StructureModel } from '../structure.js';

export interface TimelineTeam {
  key: string;
  role: 'csm' | 'digital-csm';
  title: string;
  segments: SegmentId[];
  /** The segment with most of the team's work: where a new hire of the team is placed. */
  mainSegment: SegmentId;
  /** FTE of work at the policy's target ratios. */
  needed: number;
  arr: number;
  /** Capacity of the people serving the team at the org's date, ramp counted. */
  available: number;
  /** Whole people the recommended org gives the team. */
  target: number;
}

export interface TimelineTarget {
  stage: StageResult;
  structure: StructureModel;
  teams: TimelineTeam[];
  /** People every role without a book should have, leaders, managers and specialists. */
  roles: { role: RoleId; target: number }[];
}

export function targetAt(org: Org): TimelineTarget {
  const analysis = analyse(org);
  const capacity = computeCapacity(analysis);
  const stage = detectStage(Math.round(analysis.customers), analysis.totalArr, org.policy);
  const teams = csmTeams(stage.id, capacity);
  const structure = chooseStructure(stage.id, analysis, capacity, stage.byArr).model;
  const chart = buildOrgChart(stage.id, org.company.motion, teams, org.policy);
  const counts = new Map<RoleId, number>();
  const walk = (node: ChartNode) => {
    if (node.role !== 'ceo' && !BOOK_ROLES.has(node.role)) {
      counts.set(node.role, (counts.get(node.role) ?? 0) + node.count);
    }
    for (const child of node.children) walk(child);
  };
  walk(chart.root);
  // CS Ops comes before the fifth CSM whatever the stage (the same test gaps.ts applies).
  const csms = analysis.bookOwners.length;
  const recommended = teams.reduce((sum, team) => sum + team.recommended, 0);
  const opsAt = org.policy.csOpsAtCsms;
  if ((csms >= opsAt - 1 || recommended >= opsAt) && (counts.get('cs-ops') ?? 0) < 1) {
    counts.set('cs-ops', 1);
  }
  return {
    stage,
    structure,
    teams: teams.map((team) => ({
      key: team.key,
      role: team.role,
      title: teamTitle(team),
      segments: team.segments,
      mainSegment: mainSegment(team.segments, capacity.segments),
      needed: team.needed,
      arr: team.arr,
      available: team.available,
      target: team.recommended,
    })),
    roles: [...counts].map(([role, target]) => ({ role, target })),
  };
}

function mainSegment(
  segments: SegmentId[],
  rows: { id: SegmentId; csmFteNeeded: number }[],
): SegmentId {
  let best = segments[0] as SegmentId;
  let most = -1;
  for (const row of rows) {
    if (segments.includes(row.id) && row.csmFteNeeded > most) {
      most = row.csmFteNeeded;
      best = row.id;
    }
  }
  return best;
}
