import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { blankLines, LineIndex } from '../../src/config/line-index.js';
import { loadOrgText } from '../../src/config/load.js';
import { locateDiagnostics } from '../../src/config/locate.js';
import {
  headParts,
  mayHoldAnchors,
  parseSlicedYaml,
  SLICE_FROM_BYTES,
} from '../../src/config/yaml-slices.js';

/** An org file above the slicing threshold: 12,000 accounts over 5 lines each. */
function bigOrg(mutate: (lines: string[]) => void = () => {}): string {
  const lines = [
    '# big',
    'version: 1',
    'company:',
    '  name: Big',
    '  as_of: 2026-11-23',
    'accounts:',
  ];
  for (let i = 0; i < 12_000; i++) {
    lines.push(
      `  - id: a${i}`,
      `    name: Account number ${i} with a longer name`,
      `    arr: ${1000 + i}`,
      '    health: green',
      '    region: NA',
    );
  }
  lines.push('team:', '  - { id: c, role: csm }');
  mutate(lines);
  return `${lines.join('\n')}\n`;
}

/** 1-based file line of account i's `arr:` line. */
const arrLine = (i: number) => 7 + i * 5 + 2;

describe('large YAML files parsed in slices', () => {
  it('gives exactly what a whole-file parse gives', () => {
    const text = bigOrg();
    expect(text.length).toBeGreaterThan(SLICE_FROM_BYTES);
    const sliced = parseSlicedYaml(text, 'big.yaml');
    expect(sliced?.diagnostics).toEqual([]);
    expect(sliced?.value).toEqual(parse(text));
  });

  it('locates a problem deep in the list at its real line', async () => {
    const text = bigOrg((lines) => {
      lines[arrLine(4321) - 1] = '    arr: "$12k"';
      lines[arrLine(11_999) - 1 + 1] = '    helth: green';
    });
    const result = await loadOrgText(text, 'big.yaml', { today: '2026-11-23' });
    const found = locateDiagnostics(result.diagnostics, result.locate).map((d) => [
      d.rule,
      d.line,
      d.column,
    ]);
    expect(found).toEqual([
      ['money-format', arrLine(4321), 10],
      ['unknown-key', arrLine(11_999) + 1, 5],
    ]);
  });

  it('locates a syntax error inside a slice', async () => {
    const text = bigOrg((lines) => {
      lines[arrLine(6001) - 1] = '    arr: [1, 2';
    });
    const result = await loadOrgText(text, 'big.yaml', { today: '2026-11-23' });
    expect(result.diagnostics[0]).toMatchObject({ rule: 'yaml-syntax' });
    expect(result.diagnostics[0]?.line).toBeGreaterThanOrEqual(arrLine(6001));
    expect(result.diagnostics[0]?.line).toBeLessThanOrEqual(arrLine(6001) + 5);
  });

  it('still catches a duplicate top-level key', async () => {
    const text = bigOrg((lines) => lines.push('company:', '  name: Again'));
    const result = await loadOrgText(text, 'big.yaml', { today: '2026-11-23' });
    expect(result.diagnostics.map((d) => d.rule)).toContain('duplicate-key');
  });

  it('locates problems after the list at their lines in the file', async () => {
    // 6 head lines and 12,000 accounts of 5 lines: `team:` is line 6 + 60,000 + 1 = 60,007, its
    // first member 60,008, the two lines pushed here 60,009 and 60,010.
    const text = bigOrg((lines) => lines.push('  - { id: d, role: wizard }', 'company: again'));
    const result = await loadOrgText(text, 'big.yaml', { today: '2026-11-23' });
    expect(result.diagnostics.find((d) => d.rule === 'duplicate-key')).toMatchObject({
      line: 60_010,
      column: 1,
    });
  });

  it('locates a schema problem after the list at its line', async () => {
    const text = bigOrg((lines) => lines.push('  - { id: d, role: wizard }'));
    const result = await loadOrgText(text, 'big.yaml', { today: '2026-11-23' });
    const role = locateDiagnostics(result.diagnostics, result.locate).find((d) =>
      d.path.join('.').startsWith('team.1'),
    );
    expect(role?.line).toBe(60_009);
  });

  it('reads anchors and aliases across slices exactly as a whole-file parse does', () => {
    const text = bigOrg((lines) => {
      // An anchor in the first account used hundreds of slices later, and one in the head
      // before the list (inserted last: it moves the lines below it down by one).
      lines[arrLine(0)] = '    health: &ok green';
      lines[arrLine(9000)] = '    health: *ok';
      lines[arrLine(11_000) + 1] = '    region: *motion';
      lines.splice(4, 0, '  motion: &motion sales-led');
    });
    const sliced = parseSlicedYaml(text, 'big.yaml');
    expect(sliced?.diagnostics).toEqual([]);
    const whole = parse(text);
    expect(sliced?.value).toEqual(whole);
    expect(whole.accounts[9000].health).toBe('green');
    expect(whole.accounts[11_000].region).toBe('sales-led');
  });

  it('gives the same analysis with an anchor as without it', async () => {
    const plain = bigOrg((lines) => lines.splice(4, 0, '  motion: product-led'));
    const anchored = bigOrg((lines) => {
      lines[arrLine(0)] = '    health: &ok green';
      lines[arrLine(7000)] = '    health: *ok';
      lines.splice(4, 0, '  motion: product-led');
    });
    const a = await loadOrgText(plain, 'big.yaml', { today: '2026-11-23' });
    const b = await loadOrgText(anchored, 'big.yaml', { today: '2026-11-23' });
    expect(b.diagnostics).toEqual(a.diagnostics);
    expect(b.org?.accounts).toEqual(a.org?.accounts);
    expect(b.org?.accounts[7000]?.health).toBe('green');
  });

  it('counts the uses of an anchor over every slice against the alias limit, located', async () => {
    const uses = (count: number) =>
      bigOrg((lines) => {
        lines[arrLine(0)] = '    health: &ok green';
        // One use every 100 accounts: each in a different slice.
        for (let k = 1; k <= count; k++) lines[arrLine(k * 100)] = '    health: *ok';
      });
    const fine = await loadOrgText(uses(100), 'big.yaml', { today: '2026-11-23' });
    expect(fine.diagnostics).toEqual([]);
    const tooMany = await loadOrgText(uses(101), 'big.yaml', { today: '2026-11-23' });
    expect(tooMany.org).toBeUndefined();
    expect(tooMany.diagnostics).toEqual([
      expect.objectContaining({
        rule: 'yaml-syntax',
        message: expect.stringContaining('more than 100 aliases'),
        line: arrLine(10_100) + 1,
        column: 13,
      }),
    ]);
  });

  it('says an alias before its anchor is one, at its line, even across slices', async () => {
    const text = bigOrg((lines) => {
      lines[arrLine(500)] = '    health: *later';
      lines[arrLine(9000)] = '    health: &later green';
    });
    const result = await loadOrgText(text, 'big.yaml', { today: '2026-11-23' });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ rule: 'yaml-alias', line: arrLine(500) + 1, column: 13 }),
    ]);
  });

  /** bigOrg with a `team:` of `size` people before the list; `member(i)` writes person i. */
  const withTeam = (size: number, member: (i: number) => string, mutate = (_: string[]) => {}) =>
    bigOrg((lines) => {
      const team = Array.from({ length: size }, (_, i) => member(i));
      lines.splice(-2); // bigOrg's own team, at the end
      lines.splice(5, 0, 'team:', ...team);
      mutate(lines);
    });

  it("reads a team list's anchors a few people at a time, as a whole-file parse does", () => {
    // Anchors in people 0 and 13 (different parts of the team), used by people in later parts
    // and by accounts; `teamLines` is how far the team pushes the list down.
    const teamLines = 41;
    const text = withTeam(
      40,
      (i) =>
        i === 0
          ? '  - { id: p0, role: csm, region: &emea EMEA }'
          : i === 13
            ? '  - { id: p13, role: csm, languages: &langs [en, fr] }'
            : i >= 20
              ? `  - { id: p${i}, role: csm, region: *emea, languages: *langs }`
              : `  - { id: p${i}, role: csm }`,
      (lines) => {
        lines[arrLine(5000) + teamLines + 1] = '    region: *emea';
      },
    );
    const sliced = parseSlicedYaml(text, 'big.yaml');
    expect(sliced?.diagnostics).toEqual([]);
    const whole = parse(text);
    expect(sliced?.value).toEqual(whole);
    expect(whole.team[30]).toMatchObject({ region: 'EMEA', languages: ['en', 'fr'] });
    expect(whole.accounts[5000].region).toBe('EMEA');
  });

  it('cuts the head into the parts that have anchors or aliases, a list into slices of people', () => {
    const lines = [
      'version: 1', // 0
      'company: { name: A, motion: &m sales-led }', // 1
      'team:', // 2
      ...Array.from({ length: 25 }, (_, i) => `  - { id: p${i}, role: csm }`), // 3-27
      'accounts:', // 28
      '  - { id: a, arr: 1, region: *m }', // 29
      'growth: { note: plain }', // 30
      'policy: { x: *m }', // 31
    ];
    lines[20] = '  - { id: p17, role: csm, region: *m }';
    // company (anchor), the team in slices of 10 people, and policy (alias); not version, not
    // growth (neither), not the accounts.
    expect([...headParts(new LineIndex(lines.join('\n')), 28)]).toEqual([
      [1, 2],
      [3, 13],
      [13, 23],
      [23, 28],
      [31, 32],
    ]);
  });

  it('locates an alias used once too often inside the team, part by part', async () => {
    // 101 uses of &r by people 1-101: the 101st use (person 101, file line 108) is one too many.
    const person = (i: number) =>
      i === 0
        ? '  - { id: p0, role: csm, region: &r NA }'
        : `  - { id: p${i}, role: csm, region: *r }`;
    const text = withTeam(102, person);
    const result = await loadOrgText(text, 'big.yaml', { today: '2026-11-23' });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        rule: 'yaml-syntax',
        message: expect.stringContaining('more than 100 aliases'),
        line: 6 + 101 + 1,
        column: person(101).indexOf('*') + 1,
      }),
    ]);
  });

  it('reads a head whose parts do not stand alone (an anchor on the whole team) whole', () => {
    const text = withTeam(
      12,
      (i) => `  - { id: p${i}, role: csm }`,
      (lines) => {
        lines[5] = 'team: &everyone';
        lines.push('policy: { note: *everyone }');
      },
    );
    const sliced = parseSlicedYaml(text, 'big.yaml');
    expect(sliced?.value).toEqual(parse(text));
  });

  it('locates problems around a team read before the list as a whole-file parse does', async () => {
    // The team comes first here, read by the fast reader; the head is parsed with its lines
    // emptied, from the file itself. An anchor elsewhere in the head makes the same file parse
    // whole (no team reader, no slices): every problem is located the same, at the same line.
    const teamFirst = (anchor: boolean) =>
      bigOrg((lines) => {
        const team = lines.splice(-2, 2);
        team.push('  - { id: d, role: wizard }', '  - id: e', '    role: csm');
        lines.splice(5, 0, ...team, 'rules: { not-a-rule: error }');
        lines.push('policy: 5');
        if (anchor) lines[3] = '  name: &n Big';
      });
    const sliced = await loadOrgText(teamFirst(false), 'big.yaml', { today: '2026-11-23' });
    const whole = await loadOrgText(teamFirst(true), 'big.yaml', { today: '2026-11-23' });
    const located = (result: typeof sliced) =>
      locateDiagnostics(result.diagnostics, result.locate).map((d) => [d.rule, d.line, d.column]);
    expect(located(sliced)).toEqual(located(whole));
    // The wizard is the team's second person: line 8 (after `team:` on line 6), `wizard` at
    // column 20. The rules line is line 11, after the team's 5 lines; `error` at column 22.
    // `policy: 5` follows those 11 lines, `accounts:` and 12,000 accounts of 5 lines: line
    // 11 + 1 + 60,000 + 1, its value at column 9.
    expect(located(sliced)).toEqual([
      ['unknown-role', 8, 20],
      ['invalid-value', 60_013, 9],
      ['unknown-rule', 11, 22],
    ]);
  });

  it('locates a problem in a head read by the fast reader where a whole-file parse does', async () => {
    // The head (version, company) is read without yaml, which parses it only to locate this.
    const file = (anchor: boolean) =>
      bigOrg((lines) => {
        lines.splice(4, 0, '  motion: sideways');
        // An anchor keeps the same file from the fast readers: yaml parses it whole.
        if (anchor) lines[3] = '  name: &n Big';
      });
    const fast = await loadOrgText(file(false), 'big.yaml', { today: '2026-11-23' });
    const whole = await loadOrgText(file(true), 'big.yaml', { today: '2026-11-23' });
    const located = (result: typeof fast) =>
      locateDiagnostics(result.diagnostics, result.locate).map((d) => [d.rule, d.line, d.column]);
    // `motion:` is line 5 (after the comment, version, company and name), its value column 11.
    expect(located(fast)).toEqual([['invalid-value', 5, 11]]);
    expect(located(whole)).toEqual(located(fast));
  });

  it('cuts a list at each item whatever its dashes are followed by, as a whole-file parse reads it', () => {
    // Item lines of every form the slicer takes or refuses (a lone dash, one before a carriage
    // return, a tab after it, no space), between regular ones: the values are yaml's, or the
    // file is left to the whole-file parser.
    const itemLine = fc.constantFrom(
      '  - { id: x, arr: 1 }',
      '  -',
      '  -\r',
      '  - \r',
      '  -\t{ id: t, arr: 2 }',
      '  -x: 1',
      '   - { id: deeper, arr: 3 }',
      '  # a comment',
      '',
      '  - id: y',
      '    arr: 4',
    );
    fc.assert(
      fc.property(fc.array(itemLine, { minLength: 1, maxLength: 30 }), (items) => {
        const text = `version: 1\naccounts:\n  - { id: first, arr: 0 }\n${items.join('\n')}\n`;
        const sliced = parseSlicedYaml(text, 'f.yaml');
        if (!sliced || sliced.diagnostics.length > 0) return;
        expect(sliced.value, JSON.stringify(text)).toEqual(parse(text));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300), seed: 23 },
    );
  });

  it('leaves a flow list, and a head that uses an anchor inside the list, to the whole-file parser', async () => {
    const flow = bigOrg((lines) => {
      lines.splice(5, 1, 'accounts: [');
    });
    expect(parseSlicedYaml(flow, 'big.yaml')).toBeUndefined();
    const backwards = bigOrg((lines) => {
      lines[arrLine(3) - 2] = '    name: &n3 Account three';
      lines.push('  - { id: d, role: csm, name: *n3 }');
    });
    expect(parseSlicedYaml(backwards, 'big.yaml')).toBeUndefined();
    const result = await loadOrgText(backwards, 'big.yaml', { today: '2026-11-23' });
    expect(result.diagnostics).toEqual([]);
    expect(result.org?.team.find((m) => m.id === 'd')?.name).toBe('Account three');
  });
});

describe('blankLines', () => {
  it('empties the lines of a range, as cutting them out and putting line feeds back does', () => {
    const line = fc.constantFrom('a: 1', '  - { id: x }', '', '\r', '# c\r', 'team:');
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 12 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (lineTexts, a, b, cut) => {
          const text = lineTexts.join('\n');
          const lines = new LineIndex(text);
          const first = a % lines.count;
          const end = first + 1 + (b % (lines.count - first));
          // The form yaml-team.ts built the emptied file with before.
          const from = lines.start(first);
          const to = lines.end(end - 1);
          const expected = text.slice(0, from) + '\n'.repeat(end - 1 - first) + text.slice(to);
          expect(blankLines(lines, { first, end }, 0, text.length)).toBe(expected);
          // Cut in two at a line start outside the range, each part blanked on its own.
          const at = lines.start(cut % lines.count);
          const before = blankLines(lines, { first, end }, 0, at);
          const after = blankLines(lines, { first, end }, at, text.length);
          // Declined only for a cut inside the range; taken, the two parts make the whole.
          if (at <= from || at > to) expect(before !== undefined && after !== undefined).toBe(true);
          if (before !== undefined && after !== undefined) expect(before + after).toBe(expected);
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 500), seed: 23 },
    );
  });
});

describe('the quick test for anchors and aliases', () => {
  it('agrees with the regular expression it replaces on any text', () => {
    const regex = /(^|[\s[{,])[&*][^\s,\]}]/m;
    // The characters either side of a mark that decide it, white space of every kind included.
    const chars = ['&', '*', 'a', '1', ' ', '\t', '\n', '\r', ',', '[', ']', '{', '}', ':', '-'];
    const text = fc
      .array(fc.constantFrom(...chars, '\u00a0', '\u2028', '\ufeff', '"'), { maxLength: 40 })
      .map((c) => c.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(mayHoldAnchors(t)).toBe(regex.test(t));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 2000), seed: 23 },
    );
    expect(mayHoldAnchors('name: "Smith & Co"\nother: AT&T, 5 * 3')).toBe(false);
    expect(mayHoldAnchors('base: &b { arr: 1 }')).toBe(true);
    expect(mayHoldAnchors('*ref')).toBe(true);
  });
});
