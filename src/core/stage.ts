/**
 * The company's stage from two signals, customer count (seed 000) and ARR (seed 002). When they
 * disagree the earlier stage wins: an org is built for both the workload and the budget it has.
 */

import type { StageId } from './model.js';
import { STAGE_IDS } from './model.js';
import { formatMoney, plural } from './money.js';
import type { Policy } from './policy.js';

export interface StageResult {
  id: StageId;
  byCustomers: StageId;
  byArr: StageId;
  customers: number;
  arr: number;
  reason: string;
  /** What a disagreement between the two signals implies; absent when they agree. */
  disagreement?: string;
}

export const STAGE_LABELS: Record<StageId, string> = {
  founding: 'Founding',
  'first-hire': 'First hire',
  specialization: 'Specialization',
  scale: 'Scale',
};

export function stageByCustomers(customers: number, policy: Policy): StageId {
  const s = policy.stage;
  if (customers >= s.scaleCustomers) return 'scale';
  if (customers >= s.specializationCustomers) return 'specialization';
  if (customers >= s.firstHireCustomers) return 'first-hire';
  return 'founding';
}

/**
 * Seed 002 has one band below $2M ("startup"); below that line ARR cannot tell founding from
 * first-hire, so it defers to the customer count there.
 */
export function stageByArr(arr: number, customers: number, policy: Policy): StageId {
  const s = policy.stage;
  if (arr >= s.scaleArr) return 'scale';
  if (arr >= s.specializationArr) return 'specialization';
  return stageByCustomers(customers, policy) === 'founding' ? 'founding' : 'first-hire';
}

export function detectStage(customers: number, arr: number, policy: Policy): StageResult {
  const byCustomers = stageByCustomers(customers, policy);
  const byArr = stageByArr(arr, customers, policy);
  const rank = (stage: StageId) => STAGE_IDS.indexOf(stage);
  const id = rank(byCustomers) <= rank(byArr) ? byCustomers : byArr;
  const counts = `${plural(customers, 'customer')} and ${formatMoney(arr)} ARR`;
  const signals = { id, byCustomers, byArr, customers, arr };
  if (byCustomers === byArr) {
    return { ...signals, reason: `${counts}: both signals point to ${STAGE_LABELS[id]}` };
  }
  const fewLarge = rank(byArr) > rank(byCustomers);
  return {
    ...signals,
    reason: `${counts}: ${STAGE_LABELS[byCustomers]} by customers, ${STAGE_LABELS[byArr]} by ARR; planning as ${STAGE_LABELS[id]}, the earlier of the two, because an org needs both the workload and the revenue of a stage to staff it`,
    disagreement: fewLarge
      ? 'Revenue is ahead of the customer count: a few large accounts. Cover them high-touch (named, senior CSMs, executive sponsors) rather than building volume programs.'
      : `The customer count is ahead of revenue: a long tail of small accounts. Cover the tail with digital / tech-touch programs; the budget is that of a ${STAGE_LABELS[byArr]} company.`,
  };
}

/** The ARR signal is a later stage than the customer count: few customers, large accounts. */
export function revenueAhead(stage: Pick<StageResult, 'byArr' | 'byCustomers'>): boolean {
  return STAGE_IDS.indexOf(stage.byArr) > STAGE_IDS.indexOf(stage.byCustomers);
}
