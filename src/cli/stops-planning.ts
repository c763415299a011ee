/**
 * Whether an error with this code makes a file invalid, so `recommend` prints no plan and exits 1:
 * every input problem (syntax, schema, accounts file) and references that do not resolve
 * (duplicate ids, unknown owners or managers, reporting loops). Findings about the org never do.
 * Apart from exit-codes.ts, which the CLI's shell loads for every command (`--help` too), as the
 * rule registry brings most of the planner with it.
 */
import { REFERENCE_RULE_IDS } from '../core/rules/integrity.js';
import { RULE_IDS } from '../core/rules/registry.js';

export function stopsPlanning(code: string): boolean {
  return REFERENCE_RULE_IDS.has(code) || !RULE_IDS.has(code);
}
