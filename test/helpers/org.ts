/** Builds planner inputs from small YAML snippets, through the real loader. */
import { loadOrgText } from '../../src/config/load.js';
import type { Org } from '../../src/core/model.js';
import { type Plan, planOrg } from '../../src/core/plan.js';

export const AS_OF = '2026-11-23';

export async function orgFrom(body: string, company = 'name: Test Co'): Promise<Org> {
  const text = `version: 1\ncompany:\n  ${company}\n  as_of: ${AS_OF}\n${body}`;
  const result = await loadOrgText(text, 'test.yaml', { today: AS_OF });
  if (!result.org) {
    throw new Error(
      `fixture does not load: ${result.diagnostics.map((d) => `${d.rule} ${d.message}`).join('; ')}`,
    );
  }
  return result.org;
}

export async function planFrom(body: string, company?: string): Promise<Plan> {
  return planOrg(await orgFrom(body, company));
}

/** `count` accounts named prefix-1..n with the same ARR and owner, as YAML list items. */
export function accounts(prefix: string, count: number, arr: number, extra = ''): string {
  return Array.from(
    { length: count },
    (_, i) => `  - { id: ${prefix}-${i + 1}, arr: ${arr}${extra ? `, ${extra}` : ''} }`,
  ).join('\n');
}
