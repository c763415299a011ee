/**
 * The hiring gaps are listed in the order their reqs open, the same order `timeline` opens them:
 * by date, then on the same day a backfill first, then CS Ops, CSMs, their manager, the functions
 * (SAME_DAY_ORDER in core/roles.ts).
 */
import { describe, expect, it } from 'vitest';
import { type Gap, orderGaps } from '../../src/core/gaps.js';
import { planOrg, withTimelineGaps } from '../../src/core/plan.js';
import type { TargetTeam } from '../../src/core/target/index.js';
import { simulateTimeline, type Timeline } from '../../src/core/timeline/index.js';
import { accounts, orgFrom } from '../helpers/org.js';

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

describe('a backfill the timeline brings forward', () => {
  // 150 SMB accounts at $10k: max(150 / 150, $1.5M / $1.25M) = 1.2 FTE. s1 (0.8 FTE) leaves on
  // 2027-08-13: the plan-date target opens the backfill by 2027-04-19 (the leave date less the
  // 8-week ramp and 60 days of hiring). Until then s1 carries 0.8 less the 2.6% attrition
  // allowance, 0.78 for 1.2: 0.42 short, so the timeline wants the backfill ramped now, its req
  // ideally opened on 2026-07-30 (late). The gap said "open by 2027-04-19" in a row marked late.
  it("takes the timeline's date and reason", async () => {
    const org = await orgFrom(`team:
  - { id: ceo, role: ceo }
  - { id: s1, role: csm, reports_to: ceo, fte: 0.8, segment: smb, leaving: 2027-08-13 }
accounts:
${accounts('smb', 150, 10_000)}
`);
    const plan = planOrg(org);
    expect(plan.gaps[0]?.backfill).toMatchObject({ openBy: '2027-04-19', late: false });
    const [gap] = withTimelineGaps(plan, simulateTimeline(org)).gaps;
    expect(gap?.backfill).toEqual({
      for: 's1',
      leaving: '2027-08-13',
      openBy: '2026-07-30',
      late: true,
    });
    expect(gap?.priority).toBe('now');
    expect(gap?.reason).toContain('the team is short before the hand-over starts');
  });
});
