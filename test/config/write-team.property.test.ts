/**
 * setTeamList over generated teams: whatever the team was and whatever the roster now gives, the
 * file reads back as exactly the new team (those who stay in their old places, then the new
 * people), every line outside `team:` and every comment of a person who stays is kept, and a
 * second run changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { setTopLevelBlock } from '../../src/config/csv/write-spec.js';
import { setTeamList } from '../../src/config/write-team.js';

type Member = Record<string, string | number>;

const IDS = ['ana', 'ben', 'cy', 'dee', 'eli', 'fay'];

const member = (id: string) =>
  fc.record(
    {
      id: fc.constant(id),
      name: fc.constantFrom('Ana Lee', 'Ben Oki', 'Sofía García', 'Kate: Lin', '"Q" Smith'),
      role: fc.constantFrom('csm', 'manager-cs', 'vp-cs'),
      reports_to: fc.constantFrom(...IDS),
      start_date: fc.constantFrom('2021-09-01', '2026-12-01'),
      fte: fc.constantFrom(0.5, 0.8),
      segment: fc.constantFrom('smb', 'enterprise'),
    },
    { requiredKeys: ['id', 'name', 'role'] },
  );

const team = fc
  .subarray(IDS, { minLength: 1 })
  .chain((ids) => fc.tuple(...ids.map(member)))
  .map((members) => members as Member[]);

/** The org file with `members` written as a block, each person with a comment line above. */
function orgWith(members: Member[]): string {
  const edit = setTopLevelBlock(
    'version: 1\ncompany: { name: Acme }\nrules: {}\n',
    'team',
    members,
  );
  if (!edit.ok) throw new Error(edit.reason);
  return edit.text.replace(/^ {2}- id: (\S+)$/gm, '  # about $1\n  - id: $1');
}

describe('setTeamList (property)', () => {
  it('reads back as the new team, keeps the comments of those who stay, and is idempotent', () => {
    fc.assert(
      fc.property(team, team, (before, after) => {
        const text = orgWith(before);
        const edit = setTeamList(text, after);
        if (!edit.ok) throw new Error(edit.reason);
        const stays = before.filter((m) => after.some((n) => n.id === m.id)).map((m) => m.id);
        const added = after.filter((m) => !stays.includes(m.id)).map((m) => m.id);
        const read = parse(edit.text) as { team: Member[]; rules: unknown };
        expect(read.team.map((m) => m.id)).toEqual([...stays, ...added]);
        for (const m of read.team) expect(m).toEqual(after.find((n) => n.id === m.id));
        expect(read.rules).toEqual({});
        for (const id of stays) expect(edit.text).toContain(`  # about ${id}\n  - id: ${id}\n`);
        for (const m of before.filter((b) => !stays.includes(b.id)))
          expect(edit.text).not.toContain(`# about ${m.id}\n`);
        expect(setTeamList(edit.text, after)).toEqual({
          ok: true,
          text: edit.text,
          changed: false,
        });
      }),
      { numRuns: 150 },
    );
  });
});
