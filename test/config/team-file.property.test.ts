/**
 * The same people listed under `team:` and exported as an HR roster (`team: { file }`) plan as
 * the same team: ids, roles, managers, start dates, FTE and emails agree, whatever the reporting
 * tree, so moving the team into the roster changes nothing about the plan.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadOrgFile } from '../../src/config/load.js';
import type { TeamMember } from '../../src/core/model.js';
import { tempDir } from '../helpers/files.js';

const NAMES = [
  'Ana Lee',
  'Ben Oki',
  'Sofía García',
  'Dan Okafor',
  'Kate Lin',
  'Lee Park',
  'Mo Diaz',
];
const TITLES = {
  'vp-cs': 'VP, Customer Success',
  'manager-cs': 'Manager, Customer Success',
  csm: 'Customer Success Manager',
} as const;

interface Person {
  name: string;
  role: keyof typeof TITLES;
  /** Index of the manager among the people before this one. */
  manager?: number;
  start: string;
  fte: number;
}

/** A VP, then managers and CSMs, each reporting to someone listed before them. */
const people = fc
  .integer({ min: 1, max: NAMES.length })
  .chain((count) =>
    fc.tuple(
      ...NAMES.slice(0, count).map((name, i) =>
        fc.record({
          name: fc.constant(name),
          role: fc.constant(i === 0 ? ('vp-cs' as const) : undefined),
          other: fc.constantFrom('manager-cs' as const, 'csm' as const),
          manager: i === 0 ? fc.constant(undefined) : fc.integer({ min: 0, max: i - 1 }),
          start: fc.constantFrom('2021-04-12', '2024-11-01', '2026-11-16'),
          fte: fc.constantFrom(1, 0.5),
        }),
      ),
    ),
  )
  .map((list) =>
    list.map(
      (p): Person => ({
        name: p.name,
        role: p.role ?? p.other,
        ...(p.manager === undefined ? {} : { manager: p.manager }),
        start: p.start,
        fte: p.fte,
      }),
    ),
  );

const email = (name: string) =>
  `${name.split(' ')[0]?.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()}@acme.io`;
const id = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');

function inline(list: Person[]): string {
  const lines = list.map((p) =>
    [
      `  - id: ${id(p.name)}`,
      `    name: ${p.name}`,
      `    role: ${p.role}`,
      ...(p.manager === undefined ? [] : [`    reports_to: ${id(list[p.manager]?.name ?? '')}`]),
      `    email: ${email(p.name)}`,
      `    start_date: ${p.start}`,
      ...(p.fte === 1 ? [] : [`    fte: ${p.fte}`]),
    ].join('\n'),
  );
  return `team:\n${lines.join('\n')}\n`;
}

function roster(list: Person[]): string {
  const rows = list.map((p) =>
    [
      p.name,
      `"${TITLES[p.role]}"`,
      'Customer Success',
      email(p.name),
      p.manager === undefined ? '' : email(list[p.manager]?.name ?? ''),
      p.start,
      `${p.fte * 100}%`,
    ].join(','),
  );
  return `Full Name,Job Title,Department,Work Email,Manager Email,Hire Date,FTE\n${rows.join('\n')}\n`;
}

const plain = (team: TeamMember[] | undefined) =>
  (team ?? []).map(({ path: _path, ...member }) => member);

describe('team: { file } (property)', () => {
  it('plans the same team as the people listed in the file', async () => {
    const dir = await tempDir();
    const head = 'version: 1\ncompany: { name: Acme, as_of: 2026-12-01 }\n';
    await fc.assert(
      fc.asyncProperty(people, async (list) => {
        writeFileSync(join(dir, 'listed.yaml'), `${head}${inline(list)}`);
        writeFileSync(join(dir, 'roster.csv'), roster(list));
        writeFileSync(join(dir, 'from-roster.yaml'), `${head}team:\n  file: roster.csv\n`);
        const listed = await loadOrgFile(join(dir, 'listed.yaml'), { today: '2026-12-01' });
        const read = await loadOrgFile(join(dir, 'from-roster.yaml'), { today: '2026-12-01' });
        expect(read.diagnostics).toEqual([]);
        expect(listed.org?.team).toHaveLength(list.length);
        expect(plain(read.org?.team)).toEqual(plain(listed.org?.team));
      }),
      { numRuns: 60 },
    );
  });
});
