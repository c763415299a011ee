/**
 * The hiring gaps are listed in the order their reqs open, the same order `timeline` opens them:
 * by date, then on the same day a backfill first, then CS Ops, CSMs, their manager, the functions
 * (SAME_DAY_ORDER in core/roles.ts).
 */
import { describe, expect, it } from 'vitest';
import { type Gap, orderGaps } from '../../src/core/gaps.js';
import type { TargetTeam } from '../../src/core/target/index.js';
import type { Timeline } from '../../src/core/timeline/index.js';

const gap = (role: Gap['role'], priority: Gap['priority'], more: Partial<Gap> = {}): Gap => ({
  role,
  title: role,
  segment: null,
  team: null,
  count: 1,
  priority,
  reason: '',
  ...more,
});
const csm = gap('csm', 'next', { team: 'enterprise' });
const backfill = gap('csm', 'now', {
  team: 'enterprise',
  backfill: { for: 'ella', leaving: '2027-02-12', openBy: '2026-10-19', late: true },
});
const manager = gap('manager-cs', 'now');
const csOps = gap('cs-ops', 'now');
const teams = [{ key: 'enterprise', title: 'Enterprise CSMs' }] as unknown as TargetTeam[];

describe('orderGaps', () => {
  it('without a timeline: now before next; a backfill, then CS Ops, then the manager', () => {
    expect(orderGaps([csm, manager, csOps, backfill], teams)).toEqual([
      backfill,
      csOps,
      manager,
      csm,
    ]);
  });

  it("with a timeline: by the timeline's open date, a late req counting as today", () => {
    // The CSM req was due 2026-11-01 (late: opens today, 2026-12-01), CS Ops is due today and
    // the manager on 2027-03-01. Same day: CS Ops before the CSM; the manager last, although
    // its priority is "now" and the CSM's "next".
    const timeline = {
      asOf: '2026-12-01',
      hires: [
        { role: 'csm', team: 'Enterprise CSMs', openBy: '2026-11-01' },
        { role: 'cs-ops', team: null, openBy: '2026-12-01' },
        { role: 'manager-cs', team: null, openBy: '2027-03-01' },
      ],
    } as unknown as Timeline;
    expect(orderGaps([manager, csm, csOps], teams, timeline)).toEqual([csOps, csm, manager]);
  });
});
