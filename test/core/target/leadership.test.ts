/**
 * The manager layer is grouped on the CSMs the work needs, as it is sized: a team's surplus
 * people and its seated leavers beyond the work (a timeline month's) make no group of their own.
 */
import { describe, expect, it } from 'vitest';
import { managedGroups } from '../../../src/core/target/leadership.js';
import type { TargetTeam } from '../../../src/core/target/staffing.js';

/** Only what grouping reads: the key, the role and the heads (target, surplus, leavers). */
function team(key: string, target: number, surplus: number, leaversAboveNeed: number) {
  return { key, role: 'csm', target, surplus, leaversAboveNeed } as TargetTeam;
}

describe('managedGroups', () => {
  // Managers lead 5-8 (managerMin 5). Enterprise: 5 CSMs seated, 3 of them leaving beyond the
  // work, so the work needs 5 - 0 - 3 = 2. SMB needs 6. Grouped by seats, Enterprise's 5 made a
  // group of its own, sized at ceil(2 / 8) = 1 manager over the 2 who stay, and SMB another: 2
  // managers for 8 CSMs. Grouped by need, Enterprise's 2 are under managerMin and join the
  // nearest CSM group: one group of 2 + 6 = 8, ceil(8 / 8) = 1 manager. (Monotone seed 22,
  // 2.8x against 2.9x: the smaller scenario's January had Enterprise at 5 seats with 3 leaving
  // and hired a second manager for it, $1,506,986 against $1,490,821.)
  it('a team whose seats reach the span but whose work does not joins its neighbour', () => {
    const enterprise = team('enterprise', 5, 0, 3);
    const smb = team('smb', 6, 0, 0);
    expect(managedGroups([enterprise, smb], 5)).toEqual([[enterprise, smb]]);
  });

  it('surplus people count no more than leavers', () => {
    const enterprise = team('enterprise', 5, 3, 0);
    const smb = team('smb', 6, 0, 0);
    expect(managedGroups([enterprise, smb], 5)).toEqual([[enterprise, smb]]);
  });

  it('a team the work needs whole people for stays a group of its own', () => {
    const enterprise = team('enterprise', 5, 0, 0);
    const smb = team('smb', 6, 0, 0);
    expect(managedGroups([enterprise, smb], 5)).toEqual([[enterprise], [smb]]);
  });
});
