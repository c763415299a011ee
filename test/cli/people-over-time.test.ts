/**
 * Tried as CS Ops would, on examples/people-over-time.yaml: a team with a leaver (ella, leaving
 * 2027-02-12), a CSM in week 3 of the ramp (theo), a hire who starts next month (rui) and an
 * overloaded senior CSM (nina). `rebalance --write` on a copy, then `check` finds nothing new or
 * worse, a second `rebalance` moves nothing now, and `timeline` opens the backfill first.
 */
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/files.js';
import { runCli } from '../helpers/io.js';

let dir: string;
const csplan = (...argv: string[]) => runCli(argv, { cwd: dir, env: { COLUMNS: '400' } });

/** Findings of `check --format json`, as sorted "rule:severity". */
async function findings(): Promise<string[]> {
  const { stdout } = await csplan('check', 'examples/org.yaml', '--format', 'json');
  const [result] = JSON.parse(stdout).results as {
    findings: { rule: string; severity: string }[];
  }[];
  return (result?.findings ?? []).map((f) => `${f.rule}:${f.severity}`).sort();
}

/** Books by owner: the owner of each account line in the org file. */
function owners(text: string): Map<string, number> {
  const count = new Map<string, number>();
  for (const [, owner] of text.matchAll(/owner: ([a-z]+)/g))
    if (owner) count.set(owner, (count.get(owner) ?? 0) + 1);
  return count;
}

beforeAll(async () => {
  dir = await tempDir();
  // The copy keeps its place beside the schema, as in the repository ($schema=../schema/...).
  await mkdir(join(dir, 'examples'));
  await mkdir(join(dir, 'schema'));
  await copyFile('examples/people-over-time.yaml', join(dir, 'examples/org.yaml'));
  await copyFile('schema/org.schema.json', join(dir, 'schema/org.schema.json'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('people over time, as CS Ops runs it', () => {
  it('rebalance --write hands part of the leaver’s book over and check finds nothing new or worse', async () => {
    const before = await findings();
    const original = await readFile(join(dir, 'examples/org.yaml'), 'utf8');
    const run = await csplan('rebalance', 'examples/org.yaml', '--write');
    expect(run.stderr).toContain('examples/org.yaml: 4 owners changed.');
    const written = await readFile(join(dir, 'examples/org.yaml'), 'utf8');
    // ella's four largest accounts ($75k each, 75 / $2M of a mid-market book apiece) go to sam,
    // who then holds 49 accounts, $3M: the largest mid-market book (75 accounts, $3M). theo,
    // in week 3, carries nothing; rui's starter book waits for 2027-01-11, the ramp's week 5.
    expect(owners(original).get('ella')).toBe(45);
    expect(owners(written).get('ella')).toBe(41);
    expect(owners(written).get('sam')).toBe(49);
    expect(owners(written).get('theo')).toBeUndefined();
    expect(owners(written).get('rui')).toBeUndefined();
    const after = await findings();
    // Every finding after the write was there before, at the same severity.
    const left = [...before];
    for (const finding of after) {
      const at = left.indexOf(finding);
      expect(at, `${finding} is new: before ${before.join(', ')}`).not.toBe(-1);
      left.splice(at, 1);
    }
  });

  it('a second rebalance moves nothing now and lists the same starter book', async () => {
    const run = await csplan('rebalance', 'examples/org.yaml');
    expect(run.stdout).toContain('0 moves now, 8 planned for later (1 starter book)');
  });

  it('timeline opens the backfill for ella first, dated by the lead time and the ramp', async () => {
    const { stdout } = await csplan('timeline', 'examples/org.yaml', '--format', 'json');
    const [first] = JSON.parse(stdout).hires;
    // Ramped on the leave date 2027-02-12: starts 8 weeks before (2026-12-18), the req 60 days
    // before that (2026-10-19), already past: it opens today, starts 60 days later and is
    // ramped 56 days after that.
    expect(first).toMatchObject({
      role: 'csm',
      backfillFor: 'ella',
      idealOpenBy: '2026-10-19',
      openBy: '2026-11-23',
      start: '2027-01-22',
      rampedBy: '2027-03-19',
      delay: 'late',
    });
  });
});
