/** Book rules: what each CSM carries, weighed by ARR and complexity, not only by count. */
import type { BookOwner } from '../analysis.js';
import { formatMoney, formatPct, plural } from '../money.js';
import type { Rule, RuleFinding } from './types.js';

function bookSummary(owner: BookOwner): string {
  return `${plural(owner.accountCount, 'account')}, ${formatMoney(owner.arr)} ARR`;
}

export const csmOverloaded: Rule = {
  id: 'csm-overloaded',
  category: 'books',
  defaultSeverity: 'error',
  summary: "A CSM's book is beyond the top of the published range for its segments",
  explanation:
    "Each account counts as its share of a full book at the top of its segment's published range, by account count (weighted by complexity and load drivers) and by ARR, whichever is larger. A book above 100% of that is beyond every benchmark: the CSM can only react. Move accounts to a CSM with room, or hire. Part-time CSMs (fte below 1) are measured against their share.",
  source:
    'DOMAIN.md "Segments and ratios" and "Books of business": accounts per CSM (seed 000), ARR per CSM (seed 004), never by count alone (seed 004)',
  policy: ['segments.*.accounts_per_csm', 'segments.*.arr_per_csm', 'complexity_factors', 'load_drivers'],
  check({ analysis }) {
    const findings: RuleFinding[] = [];
    for (const owner of analysis.bookOwners) {
      if (owner.rampStatus !== 'ramped' || owner.accountCount === 0) continue;
      const limit = owner.member.fte;
      if (owner.loadAtMax <= limit + 1e-9) continue;
      findings.push({
        path: owner.member.path,
        message: `"${owner.member.id}" holds ${bookSummary(owner)}: ${formatPct(owner.loadAtMax / limit)} of the largest book the benchmarks allow (${formatPct(owner.loadAtTarget / limit)} of a target book); move accounts or hire`,
      });
    }
    return findings;
  },
};

export const rampOverload: Rule = {
  id: 'ramp-overload',
  category: 'books',
  defaultSeverity: 'error',
  summary: 'A CSM still in the ramp holds more than the ramp schedule allows',
  explanation:
    'New CSMs learn and shadow for four weeks with no book, own a few small accounts in weeks 5-6, and take a full book from week 7 (policy `ramp`). A full book on day one sets a new hire up to fail. Keep the book at the ramp share until the ramp ends, then hand over the rest.',
  source: 'DOMAIN.md "What changes capacity": the new-CSM onboarding plan (seed 000)',
  policy: ['ramp'],
  check({ analysis }) {
    const findings: RuleFinding[] = [];
    for (const owner of analysis.bookOwners) {
      if (owner.rampStatus !== 'ramping' || owner.accountCount === 0) continue;
      const allowed = owner.rampShare * owner.member.fte;
      if (owner.loadAtTarget <= allowed + 1e-9) continue;
      findings.push({
        path: owner.member.path,
        message: `"${owner.member.id}" is in week ${owner.tenureWeek} of the ramp, where a book is ${formatPct(owner.rampShare)} of a full one, but holds ${bookSummary(owner)} (${formatPct(owner.loadAtTarget / owner.member.fte)} of a full book)`,
      });
    }
    return findings;
  },
};

export const bookRules: Rule[] = [csmOverloaded, rampOverload];
