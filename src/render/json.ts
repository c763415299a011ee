/**
 * The JSON contract of `csplan recommend --format json`. Bump SCHEMA_VERSION on any breaking
 * change to these keys: CI users rely on them (README "JSON contract").
 */
import type { Diagnostic } from '../core/model.js';
import type { ChartNode } from '../core/orgchart.js';
import { pathToString } from '../core/paths.js';
import type { Plan } from '../core/plan.js';

export const SCHEMA_VERSION = 4;

/** Two decimals: enough for FTE and shares, and stable across platforms. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function roundOrNull(value: number | null): number | null {
  return value === null ? null : round(value);
}

export function findingJson(d: Diagnostic) {
  return {
    rule: d.rule,
    severity: d.severity,
    message: d.message,
    path: pathToString(d.path),
    file: d.file ?? null,
    line: d.line ?? null,
    column: d.column ?? null,
  };
}

function chartJson(node: ChartNode): unknown {
  return {
    role: node.role,
    title: node.title,
    count: node.count,
    segments: node.segments ?? [],
    team: node.team ?? null,
    note: node.note ?? null,
    outsideCs: node.outsideCs ?? false,
    reports: node.children.map(chartJson),
  };
}

export function planJson(plan: Plan, findings: readonly Diagnostic[]) {
  return {
    schemaVersion: SCHEMA_VERSION,
    company: plan.company,
    stage: {
      id: plan.stage.id,
      byCustomers: plan.stage.byCustomers,
      byArr: plan.stage.byArr,
      customers: plan.stage.customers,
      arr: round(plan.stage.arr),
      reason: plan.stage.reason,
      disagreement: plan.stage.disagreement ?? null,
    },
    segments: plan.capacity.segments.map((s) => ({
      id: s.id,
      coverage: s.coverage,
      accounts: s.accounts,
      arr: round(s.arr),
      arrShare: round(s.arrShare),
      csmFteNeeded: round(s.csmFteNeeded),
      csmFteAvailable: round(s.csmFteAvailable),
      csmFtePlanned: round(s.csmFtePlanned),
      fteByAccounts: round(s.fteByAccounts),
      fteByArr: round(s.fteByArr),
      binding: s.binding,
      utilisation: s.utilisation === null ? null : round(s.utilisation),
      csms: s.csms,
    })),
    unassignedCsms: plan.capacity.unassignedCsms,
    books: plan.books.map((b) => ({
      ...b,
      arr: round(b.arr),
      load: round(b.load),
      atRisk: b.atRisk === null ? null : round(b.atRisk),
    })),
    structure: {
      model: plan.structure.model,
      reasons: plan.structure.reasons,
      alternatives: plan.structure.alternatives,
    },
    teams: plan.teams.map((t) => ({
      key: t.key,
      title: t.title,
      role: t.role,
      segments: t.segments,
      region: t.region ?? null,
      regions: t.regions ?? (t.region ? [t.region] : []),
      industry: t.industry ?? null,
      accounts: t.accounts,
      arr: round(t.arr),
      fte: {
        needed: round(t.needed),
        fewest: round(t.range.fewest),
        most: round(t.range.most),
        soon: round(t.neededSoon),
        staffed: round(t.staffedFte),
      },
      load: t.load === null ? null : round(t.load),
      current: t.current,
      members: t.members,
      leavers: t.leavers,
      backfills: t.backfills,
      hire: { now: t.hireNow, next: t.hireNext, backfill: t.backfills.length },
      target: t.target,
      surplus: t.surplus,
      playerCoaches: t.leads,
      notStarted: t.notStarted,
    })),
    redeployments: plan.redeployments.map((r) => ({
      id: r.id,
      role: r.role,
      from: r.from,
      to: r.to,
      fromLoad: r.fromLoad
        ? { before: roundOrNull(r.fromLoad.before), after: roundOrNull(r.fromLoad.after) }
        : null,
      toLoad: { before: roundOrNull(r.toLoad.before), after: roundOrNull(r.toLoad.after) },
      handsOver: r.handsOver,
    })),
    roleMoves: plan.target.roleMoves,
    headcount: plan.headcount,
    orgChart: {
      leaderReportsTo: plan.chart.leaderReportsTo,
      managers: plan.chart.managers,
      directors: plan.chart.directors,
      root: chartJson(plan.chart.root),
    },
    gaps: plan.gaps.map((g) => ({
      role: g.role,
      title: g.title,
      team: g.team,
      segment: g.segment,
      count: g.count,
      priority: g.priority,
      reason: g.reason,
      fte: g.fte
        ? { fewest: round(g.fte.fewest), target: round(g.fte.target), most: round(g.fte.most) }
        : null,
      cost: g.cost ?? null,
      backfill: g.backfill ?? null,
    })),
    later: plan.later,
    projection: plan.projection
      ? {
          months: plan.projection.months,
          date: plan.projection.date,
          customers: round(plan.projection.customers),
          arr: Math.round(plan.projection.arr),
          stage: plan.projection.stage,
          structure: plan.projection.structure,
          csmFteNeeded: round(plan.projection.csmFteNeeded),
          csmsToday: plan.projection.csmsToday,
          csmsRecommended: plan.projection.csmsRecommended,
          csmsLeaving: plan.projection.csmsLeaving,
          csmsPlanned: plan.projection.csmsPlanned,
          csmsToHire: plan.projection.csmsToHire,
          reqs: plan.projection.reqs,
          nextReq: plan.projection.nextReq
            ? {
                role: plan.projection.nextReq.role,
                team: plan.projection.nextReq.team,
                openBy: plan.projection.nextReq.openBy,
                start: plan.projection.nextReq.start,
                rampedBy: plan.projection.nextReq.rampedBy,
                delay: plan.projection.nextReq.delay,
                reason: plan.projection.nextReq.reason,
              }
            : null,
          monthsOverTarget: plan.projection.monthsOverTarget,
        }
      : null,
    findings: findings.map(findingJson),
    summary: {
      errors: findings.filter((d) => d.severity === 'error').length,
      warnings: findings.filter((d) => d.severity === 'warning').length,
    },
  };
}

export function renderPlanJson(plan: Plan, findings: readonly Diagnostic[]): string {
  return `${JSON.stringify(planJson(plan, findings), null, 2)}\n`;
}
