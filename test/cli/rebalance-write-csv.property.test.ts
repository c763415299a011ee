/**
 * `rebalance --write` on the same org two ways, over generated orgs: accounts listed in the org
 * file, and accounts in a CRM export of any dialect (byte-order mark, CRLF, every cell quoted,
 * owners as names, emails or ids). Both end with the same books, and the export differs from
 * what it was only in the owner cells of the moved accounts.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadOrgFile } from '../../src/config/load.js';
import { appliesNow, rebalance } from '../../src/core/rebalance/index.js';
import { runCli } from '../helpers/io.js';
import { AS_OF } from '../helpers/org.js';
import { loadText, writtenText } from '../helpers/rebalance-invariants.js';

const SEGMENT_ARR = [700_000, 180_000, 50_000, 12_000];

const orgArb = fc.record({
  csms: fc.array(
    fc.record({
      segment: fc.option(fc.constantFrom('enterprise', 'mid-market', 'smb'), { nil: undefined }),
      start: fc.option(fc.integer({ min: -70, max: 30 }), { nil: undefined }),
      leaving: fc.boolean(),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  accounts: fc.array(
    fc.record({
      tier: fc.integer({ min: 0, max: 3 }),
      step: fc.integer({ min: 0, max: 9 }),
      // A third unowned: each is a move to some CSM.
      owner: fc.option(fc.nat(), { nil: undefined, freq: 3 }),
      health: fc.constantFrom('green', 'green', 'yellow', 'red'),
    }),
    { minLength: 1, maxLength: 40 },
  ),
  form: fc.constantFrom('name', 'email', 'id'),
  bom: fc.boolean(),
  crlf: fc.boolean(),
  quoted: fc.boolean(),
});

type Spec = typeof orgArb extends fc.Arbitrary<infer T> ? T : never;

const day = (offset: number) =>
  new Date(Date.parse(`${AS_OF}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

function teamYaml(spec: Spec): string {
  const lines = spec.csms.map((c, i) => {
    // "Okafor, Dan" puts a comma in every name: quoted in the export, and kept so.
    const fields = [`id: c${i}`, `name: "Okafor, Dan ${i}"`, `email: c${i}@acme.io`, 'role: csm'];
    if (c.segment) fields.push(`segment: ${c.segment}`);
    if (c.start !== undefined) fields.push(`start_date: ${day(c.start)}`);
    if (c.leaving) fields.push(`leaving: ${day(40)}`);
    return `  - { ${fields.join(', ')} }`;
  });
  return `team:\n${lines.join('\n')}\n`;
}

function accountsOf(spec: Spec) {
  return spec.accounts.map((a, i) => ({
    id: `a${i}`,
    arr: (SEGMENT_ARR[a.tier] ?? 1_000) + a.step * 1_000,
    health: a.health,
    owner: a.owner === undefined ? undefined : a.owner % spec.csms.length,
  }));
}

const HEAD = `version: 1\ncompany:\n  name: Acme\n  as_of: ${AS_OF}\n`;

function inlineOrg(spec: Spec): string {
  const accounts = accountsOf(spec).map(
    (a) =>
      `  - { id: ${a.id}, arr: ${a.arr}, health: ${a.health}${a.owner === undefined ? '' : `, owner: c${a.owner}`} }`,
  );
  return `${HEAD}${teamYaml(spec)}accounts:\n${accounts.join('\n')}\n`;
}

function exportCsv(spec: Spec): string {
  const owner = (i: number) =>
    spec.form === 'name' ? `Okafor, Dan ${i}` : spec.form === 'email' ? `c${i}@acme.io` : `c${i}`;
  const cell = (value: string) =>
    spec.quoted || value.includes(',') ? `"${value.replaceAll('"', '""')}"` : value;
  const rows = [
    ['Account ID', 'ARR', 'Health', 'Account Owner'],
    ...accountsOf(spec).map((a) => [
      a.id,
      String(a.arr),
      a.health,
      a.owner === undefined ? '' : owner(a.owner),
    ]),
  ];
  const eol = spec.crlf ? '\r\n' : '\n';
  return `${spec.bom ? '\uFEFF' : ''}${rows.map((r) => r.map(cell).join(',')).join(eol)}${eol}`;
}

describe('rebalance --write into a CRM export (property)', () => {
  it('gives the books the org file would get, changing only owner cells, in any dialect', async () => {
    await fc.assert(
      fc.asyncProperty(orgArb, async (spec) => {
        const inline = inlineOrg(spec);
        const org = await loadText(inline, AS_OF);
        const result = rebalance(org);
        // Orgs whose books need no move prove nothing here.
        fc.pre(result.moves.some(appliesNow));
        const expected = await loadText(writtenText(inline, result), AS_OF);

        const dir = await mkdtemp(join(tmpdir(), 'csplan-csv-write-'));
        try {
          const csv = exportCsv(spec);
          await writeFile(join(dir, 'accounts.csv'), csv);
          await writeFile(
            join(dir, 'org.yaml'),
            `${HEAD}${teamYaml(spec)}accounts:\n  file: accounts.csv\n  columns: { id: Account ID, arr: ARR, owner: Account Owner, health: Health }\n`,
          );
          const run = await runCli(['rebalance', 'org.yaml', '--write'], { cwd: dir });
          expect(run.code).toBe(0);
          const loaded = await loadOrgFile(join(dir, 'org.yaml'), { today: AS_OF });
          const books = (o: typeof org | undefined) =>
            new Map(o?.accounts.map((a) => [a.id, a.owner]));
          expect(books(loaded.org)).toEqual(books(expected));

          // Cell by cell, only owners of accounts whose owner changed differ.
          const after = await readFile(join(dir, 'accounts.csv'), 'utf8');
          expect(after.startsWith('\uFEFF')).toBe(spec.bom);
          expect(after.includes('\r\n')).toBe(spec.crlf);
          const read = (text: string): string[][] => parse(text, { bom: true });
          const [before, now] = [read(csv), read(after)];
          expect(now.length).toBe(before.length);
          before.forEach((row, r) => {
            const id = row[0] as string;
            const moved = books(org).get(id) !== books(expected).get(id);
            row.forEach((value, c) => {
              if (!(moved && c === 3)) expect(now[r]?.[c]).toBe(value);
            });
          });
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
