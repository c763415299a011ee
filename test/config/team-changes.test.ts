import { describe, expect, it } from 'vitest';
import { teamChanges, teamChangesLines } from '../../src/config/roster/team-changes.js';

describe('teamChanges: what a new roster changes in the planned team', () => {
  it('lists who joins, who is gone and the keys that move the plan, no FTE being full time', () => {
    const before = [
      { id: 'kate', role: 'vp-cs' },
      { id: 'dan', role: 'csm', reports_to: 'kate', fte: 0.5 },
      { id: 'chris', role: 'csm', reports_to: 'kate' },
    ];
    const after = [
      { id: 'kate', role: 'vp-cs', fte: 1, segment: 'smb' },
      { id: 'dan', role: 'manager-cs', reports_to: 'kate', leaving: '2027-02-26' },
      { id: 'mia', role: 'csm', reports_to: 'dan' },
    ];
    const changes = teamChanges(before, after);
    expect(changes).toEqual({
      joined: ['mia'],
      left: ['chris'],
      changed: [
        { id: 'dan', key: 'role', from: 'csm', to: 'manager-cs' },
        { id: 'dan', key: 'leaving', from: null, to: '2027-02-26' },
        { id: 'dan', key: 'fte', from: '0.5', to: '1' },
      ],
    });
    expect(teamChangesLines(changes)).toEqual([
      '  joined: mia',
      '  no longer on the team: chris',
      '  dan: role csm -> manager-cs',
      '  dan: leaving none -> 2027-02-26',
      '  dan: fte 0.5 -> 1',
    ]);
  });
});
