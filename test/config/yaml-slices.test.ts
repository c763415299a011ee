import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadOrgText } from '../../src/config/load.js';
import { locateDiagnostics } from '../../src/config/locate.js';
import { parseSlicedYaml, SLICE_FROM_BYTES } from '../../src/config/yaml-slices.js';

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
