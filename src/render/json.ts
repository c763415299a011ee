/**
 * The JSON contract of `csplan recommend --format json`. Bump SCHEMA_VERSION on any breaking
 * change to these keys: CI users rely on them (README "JSON contract").
 */
import type { Diagnostic } from '../core/model.js';
import type { ChartNode } from '../core/orgchart.js';
import { pathToString } from '../core/paths.js';
import type { Plan } from '../core/plan.js';

export const SCHEMA_VERSION = 1;

/** Two decimals: enough for FTE and shares, and stable across platforms. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
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
    note: node.note ?? null,
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
    orgChart: {
      leaderReportsTo: plan.chart.leaderReportsTo,
      root: chartJson(plan.chart.root),
    },
    gaps: plan.gaps.map((g) => ({
      role: g.role,
      segment: g.segment,
      count: g.count,
      priority: g.priority,
      reason: g.reason,
      cost: g.cost ?? null,
    })),
    projection: plan.projection
      ? {
          customers: plan.projection.customers,
          arr: round(plan.projection.arr),
          stage: plan.projection.stage.id,
          structure: plan.projection.structure,
          csmFteNeeded: round(plan.projection.csmFteNeeded),
          csmsRecommended: plan.projection.csmsRecommended,
          csmsPlanned: plan.projection.csmsPlanned,
          csmsToHire: plan.projection.csmsToHire,
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
