import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { setTeamList } from '../../src/config/write-team.js';

const ORG = [
  '# Acme plan',
  'version: 1',
  'company: { name: Acme }',
  'team:',
  '  # The leader',
  '  - id: kate   # VP since 2021',
  '    name: Kate Lin',
  '    role: vp-cs',
  '  # Dan moves to sales in December',
  '  - id: dan',
  '    name: Dan Okafor',
  '    role: csm',
  '    reports_to: kate',
  '  - id: sofia',
  '    name: Sofía García',
  '    role: csm',
  "    start_date: '2021-09-01'   # quoted on purpose",
  '    segment: enterprise        # agreed in November',
  '    leaving: 2027-06-30',
  '    reports_to: kate',
  '  - { id: lee, name: Lee Park, role: onboarding }',
  '# after the team',
  'rules: {}',
  '',
].join('\n');

const kate = { id: 'kate', name: 'Kate Lin', role: 'vp-cs' };
const sofia = {
  id: 'sofia',
  name: 'Sofía García',
  role: 'csm',
  start_date: '2021-09-01',
  segment: 'enterprise',
  reports_to: 'kate',
};

function write(text: string, members: Record<string, string | number>[]) {
  const edit = setTeamList(text, members);
  if (!edit.ok) throw new Error(edit.reason);
  return edit.text;
}

describe('setTeamList: the team written member by member', () => {
  it('keeps comments and key order of those who stay, removes a leaver with their comment, appends a new member', () => {
    const text = write(ORG, [
      kate,
      { ...sofia, fte: 0.8 },
      { id: 'lee', name: 'Lee Park', role: 'onboarding', reports_to: 'kate' },
      { id: 'mia', name: 'Mia Rossi', role: 'csm', reports_to: 'kate' },
    ]);
    expect(text).toBe(
      [
        '# Acme plan',
        'version: 1',
        'company: { name: Acme }',
        'team:',
        '  # The leader',
        '  - id: kate   # VP since 2021',
        '    name: Kate Lin',
        '    role: vp-cs',
        '  - id: sofia',
        '    name: Sofía García',
        '    role: csm',
        "    start_date: '2021-09-01'   # quoted on purpose",
        '    segment: enterprise        # agreed in November',
        '    reports_to: kate',
        '    fte: 0.8',
        '  - { id: lee, name: Lee Park, role: onboarding, reports_to: kate }',
        '  - id: mia',
        '    name: Mia Rossi',
        '    role: csm',
        '    reports_to: kate',
        '# after the team',
        'rules: {}',
        '',
      ].join('\n'),
    );
  });

  it('replaces a changed value where it stands, and a second run changes nothing', () => {
    const lee = { id: 'lee', name: 'Lee Park', role: 'onboarding' };
    const members = [kate, { ...sofia, reports_to: 'dan', name: 'Sofia Garcia-Lopez' }, lee];
    const once = write(ORG, [...members, { id: 'dan', name: 'Dan Okafor', role: 'manager-cs' }]);
    expect(once).toContain('    name: Sofia Garcia-Lopez\n');
    expect(once).toContain('    reports_to: dan\n  - { id: lee');
    // Dan's reports_to is no longer given: its line goes, his comment stays with him.
    expect(once).toContain(
      '  # Dan moves to sales in December\n  - id: dan\n    name: Dan Okafor\n    role: manager-cs\n  - id: sofia',
    );
    const again = setTeamList(once, [
      ...members,
      { id: 'dan', name: 'Dan Okafor', role: 'manager-cs' },
    ]);
    expect(again).toEqual({ ok: true, text: once, changed: false });
  });

  it('keeps a byte-order mark and CRLF line ends', () => {
    const crlf = `\ufeff${ORG.replace(/\n/g, '\r\n')}`;
    const text = write(crlf, [kate, sofia, { id: 'mia', name: 'Mia Rossi', role: 'csm' }]);
    expect(text.startsWith('\ufeff# Acme plan\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(parse(text.slice(1)).team.map((m: { id: string }) => m.id)).toEqual([
      'kate',
      'sofia',
      'mia',
    ]);
  });

  it('writes a whole block where there is no list to edit', () => {
    const text = write('version: 1\ncompany: { name: Acme }\n', [kate]);
    expect(text).toBe(
      'version: 1\ncompany: { name: Acme }\nteam:\n  - id: kate\n    name: Kate Lin\n    role: vp-cs\n',
    );
  });
});
