import { describe, expect, it } from 'vitest';
import { loadOrgText } from '../../src/config/load.js';
import { nearestRole, roleFromText } from '../../src/config/role-names.js';

async function load(team: string, accounts = '') {
  const text = `version: 1\ncompany: { name: Acme }\nteam:\n${team}${accounts ? `accounts:\n${accounts}` : ''}`;
  return loadOrgText(text, 'org.yaml', { today: '2026-11-23' });
}

describe('names across systems', () => {
  it('matches owners and reports_to by alias, and by name without accents or case', async () => {
    const result = await load(
      [
        '  - { id: kate, name: Katherine Lin, aliases: [Kate Lin], role: vp-cs }',
        '  - { id: sofia, name: Sofía García, role: csm, reports_to: kate lin }',
        '  - { id: dan, name: Dan Okafor, role: csm, reports_to: Katherine Lin }',
        '',
      ].join('\n'),
      '  - { id: a1, arr: 1000, owner: Sofia Garcia }\n  - { id: a2, arr: 1000, owner: DAN OKAFOR }\n',
    );
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.org?.team.map((m) => [m.id, m.reportsTo])).toEqual([
      ['kate', undefined],
      ['sofia', 'kate'],
      ['dan', 'kate'],
    ]);
    expect(result.org?.accounts.map((a) => a.owner)).toEqual(['sofia', 'dan']);
  });

  it('names both people when a reports_to name is ambiguous', async () => {
    const result = await load(
      [
        '  - { id: alex-1, name: Alex Kim, role: manager-cs }',
        '  - { id: alex-2, name: Álex Kim, role: manager-cs }',
        '  - { id: jo, name: Jo Bell, role: csm, reports_to: alex kim }',
        '',
      ].join('\n'),
    );
    const ambiguous = result.diagnostics.filter((d) => d.rule === 'ambiguous-owner');
    expect(ambiguous.map((d) => d.path)).toEqual([['team', 2, 'reports_to']]);
    expect(ambiguous[0]?.message).toContain('(alex-1, alex-2)');
  });

  it('reads roles as csplan prints them and in common spellings, with a did-you-mean for near misses', async () => {
    expect(roleFromText('CS Manager')).toBe('manager-cs');
    expect(roleFromText('VP Customer Success')).toBe('vp-cs');
    expect(roleFromText('cs-manager')).toBe('manager-cs');
    expect(roleFromText('Director of CS')).toBe('director-cs');
    expect(nearestRole('cs-manger')).toBe('manager-cs');
    const result = await load(
      '  - { id: kate, role: VP Customer Success }\n  - { id: jo, role: cs-manger }\n',
    );
    expect(result.diagnostics.map((d) => [d.rule, d.path.join('.')])).toEqual([
      ['unknown-role', 'team.1.role'],
    ]);
    expect(result.diagnostics[0]?.message).toContain(
      'unknown role "cs-manger" (did you mean "manager-cs"?)',
    );
  });
});
