import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { regionOfLocation } from '../../src/config/roster/locations.js';
import { detectRosterPreset, looksLikeRoster } from '../../src/config/roster/presets.js';
import { parseFte, readRoster, slug } from '../../src/config/roster/read-roster.js';
import { nearestTitle, roleForTitle } from '../../src/config/roster/titles.js';

const fixtures = fileURLToPath(new URL('../fixtures/roster/', import.meta.url));
const none = new Map();

function read(name: string, extra: Partial<Parameters<typeof readRoster>[1]> = {}) {
  return readRoster(readFileSync(`${fixtures}${name}`, 'utf8'), {
    file: name,
    roles: none,
    asOf: '2026-11-23',
    ...extra,
  });
}

/**
 * The same 13 people in each export: CEO, VP Engineering, VP CS (Katherine "Kate" Lin), five CSMs
 * (one left on 2026-10-31, one leaving 2027-01-31), a team lead, an onboarding specialist, an AE,
 * an engineer and a "Customer Happiness Hero". Kept: the 8 CS people still employed with a known
 * title and the CEO above them; left out: VP Engineering, AE, engineer (outside CS) and the Hero
 * (unknown title) = 4; left: Chris Young = 1.
 */
const TEAM = [
  { id: 'maria-alvarez', role: 'ceo', start_date: '2019-02-01', region: 'NA' },
  {
    id: 'kate-lin',
    name: 'Kate Lin',
    role: 'vp-cs',
    reports_to: 'maria-alvarez',
    start_date: '2021-04-12',
  },
  {
    id: 'sofia-garcia',
    name: 'Sofía García',
    role: 'csm',
    seniority: 'senior',
    reports_to: 'kate-lin',
    start_date: '2021-09-01',
    region: 'EMEA',
  },
  {
    id: 'dan-okafor',
    name: 'Dan Okafor',
    role: 'csm',
    reports_to: 'kate-lin',
    start_date: '2022-01-10',
  },
  {
    id: 'priya-nair',
    role: 'csm',
    seniority: 'mid',
    reports_to: 'kate-lin',
    start_date: '2026-11-16',
    region: 'EMEA',
  },
  {
    id: 'jonas-weber',
    role: 'manager-cs',
    reports_to: 'kate-lin',
    start_date: '2022-06-01',
    region: 'EMEA',
  },
  {
    id: 'lee-park',
    role: 'onboarding',
    reports_to: 'jonas-weber',
    start_date: '2023-07-18',
    region: 'NA',
  },
  {
    id: 'noor-haddad',
    role: 'csm',
    reports_to: 'jonas-weber',
    start_date: '2025-05-05',
    leaving: '2027-01-31',
    region: 'EMEA',
  },
];

describe('readRoster: each HRIS export as the product writes it', () => {
  it.each([
    ['bamboohr.csv', 'bamboohr', 'month-first', 0.5],
    ['rippling.csv', 'rippling', undefined, undefined],
    ['hibob.csv', 'hibob', 'day-first', 0.5],
    ['workday.csv', 'workday', 'month-first', 0.5],
    ['gusto.csv', 'gusto', 'month-first', undefined],
  ] as const)('%s: preset %s, dates %s', (file, preset, order, priyaFte) => {
    const result = read(file);
    expect(result.preset).toBe(preset);
    expect(result.presetDetected).toBe(true);
    expect(result.dates?.order).toBe(order);
    expect(result.people).toBe(13);
    expect(result.left).toBe(1);
    expect(result.outside).toBe(4);
    expect(result.members.map((m) => m.id)).toEqual(TEAM.map((m) => m.id));
    for (const [i, expected] of TEAM.entries()) expect(result.members[i]).toMatchObject(expected);
    expect(result.members.find((m) => m.id === 'priya-nair')?.fte).toBe(priyaFte);
    expect(result.members.find((m) => m.id === 'dan-okafor')?.email).toBe('dan@acme.io');
    // The only problem: one unknown title, listed once with its count.
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['roster-unknown-title']);
    expect(result.unknownTitles).toEqual([{ title: 'Customer Happiness Hero', count: 1 }]);
  });

  it('maps an unknown title with --roles, and the person joins the team under their manager', () => {
    const result = read('gusto.csv', { roles: new Map([['customer happiness hero', 'csm']]) });
    expect(result.members.find((m) => m.id === 'sam-ortiz')).toMatchObject({
      role: 'csm',
      reports_to: 'kate-lin',
    });
    expect(result.diagnostics).toEqual([]);
  });

  it('keeps the ids of people already on the team, matched by email or by name without accents', () => {
    const result = read('rippling.csv', {
      existing: [
        { id: 'kate', email: 'KATE@acme.io' },
        { id: 'sofia', name: 'Sofia Garcia' },
      ],
    });
    expect(result.members.find((m) => m.name === 'Kate Lin')?.id).toBe('kate');
    expect(result.members.find((m) => m.name === 'Sofía García')?.id).toBe('sofia');
    expect(result.members.find((m) => m.id === 'dan-okafor')?.reports_to).toBe('kate');
  });

  it('reports an ambiguous manager naming both people, and an unknown one once with its count', () => {
    const text = [
      'Name,Job Title,Manager',
      'Alex Kim,VP Customer Success,',
      'Alex Kim,Director of Customer Success,',
      'Jo Bell,Customer Success Manager,Alex Kim',
      'Ana Ruiz,Customer Success Manager,Pat Doe',
      'Ed Moss,Customer Success Manager,Pat Doe',
    ].join('\n');
    const result = readRoster(text, { file: 'r.csv', roles: none, asOf: '2026-11-23' });
    expect(result.diagnostics.map((d) => [d.rule, d.line])).toEqual([
      ['roster-ambiguous-manager', 4],
      ['roster-unknown-manager', 5],
    ]);
    expect(result.diagnostics[0]?.message).toContain('(Alex Kim and Alex Kim)');
    expect(result.diagnostics[1]?.message).toContain(
      '"Pat Doe" (column "Manager", 2 people report to them)',
    );
  });

  it('refuses to guess 3/4/2027 without --date-order, and reads it with one', () => {
    const text = 'First Name,Last Name,Job Title,Hire Date\nJo,Bell,CSM,3/4/2024\n';
    const guessed = readRoster(text, { file: 'r.csv', roles: none, asOf: '2026-11-23' });
    expect(guessed.diagnostics.map((d) => d.rule)).toEqual(['roster-date-order']);
    expect(guessed.members[0]?.start_date).toBeUndefined();
    const told = readRoster(text, {
      file: 'r.csv',
      roles: none,
      asOf: '2026-11-23',
      dateOrder: 'day-first',
    });
    expect(told.members[0]?.start_date).toBe('2024-04-03');
  });

  it('says which column is missing when there is no job title', () => {
    const result = readRoster('First Name,Last Name\nJo,Bell\n', {
      file: 'r.csv',
      roles: none,
      asOf: '2026-11-23',
    });
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['roster-missing-column']);
    expect(result.diagnostics[0]?.message).toContain('--columns title=');
  });
});

describe('the title table', () => {
  it.each([
    ['Senior Customer Success Manager', 'csm', 'senior'],
    ['Sr. Customer Success Manager', 'csm', 'senior'],
    ['Customer Success Manager II', 'csm', 'mid'],
    ['Lead Customer Success Manager', 'csm', 'lead'],
    ['Customer Success Lead', 'manager-cs', undefined],
    ['Team Lead, Customer Success', 'manager-cs', undefined],
    ['Manager, Customer Success', 'manager-cs', undefined],
    ['Senior Manager, Customer Success', 'manager-cs', undefined],
    ['VP of Customer Success', 'vp-cs', undefined],
    ['Head of Customer Success', 'vp-cs', undefined],
    ['Sr. Director, Customer Success', 'director-cs', undefined],
    ['Digital Customer Success Manager', 'digital-csm', undefined],
    ['Implementation Manager', 'onboarding', undefined],
    ['CS Ops Manager', 'cs-ops', undefined],
    ['Account Executive', 'sales', undefined],
    ['Co-Founder & CEO', 'founder', undefined],
  ])('%s -> %s %s', (title, role, seniority) => {
    expect(roleForTitle(title, none)).toEqual(seniority ? { role, seniority } : { role });
  });

  it('leaves unknown titles unmapped, with the nearest known title', () => {
    expect(roleForTitle('Software Engineer', none)).toBeUndefined();
    expect(nearestTitle('Customer Sucess Manager', none)).toBe('customer success manager');
    expect(roleForTitle('Customer Advocate', new Map([['customer advocate', 'csm']]))).toEqual({
      role: 'csm',
    });
  });
});

describe('roster helpers', () => {
  it('reads FTE as a share or a percentage', () => {
    expect([
      parseFte('0.5'),
      parseFte('50%'),
      parseFte('50'),
      parseFte('100 %'),
      parseFte('1'),
    ]).toEqual([0.5, 0.5, 0.5, 1, 1]);
    expect([parseFte('half'), parseFte('0'), parseFte('150%')]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('places locations in regions by country or city, and none for an unknown place', () => {
    expect(regionOfLocation('Madrid, Spain')).toBe('EMEA');
    expect(regionOfLocation('350 5th Ave, New York, NY 10118')).toBe('NA');
    expect(regionOfLocation('Remote - US')).toBe('NA');
    expect(regionOfLocation('São Paulo')).toBe('LATAM');
    expect(regionOfLocation('Atlantis')).toBeUndefined();
  });

  it('makes ids from names without accents', () => {
    expect(slug('Sofía García')).toBe('sofia-garcia');
  });

  it('tells a roster from a CRM export by its headers', () => {
    expect(
      detectRosterPreset(['Employee #', 'First Name', 'Last Name', 'Job Title', 'Reports To']),
    ).toBe('bamboohr');
    expect(looksLikeRoster(['Account ID', 'Account Name', 'ARR', 'Account Owner'])).toBe(false);
    expect(looksLikeRoster(['Name', 'Title', 'Manager'])).toBe(true);
  });
});
