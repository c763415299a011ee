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

  it('leaves files with anchors or aliases, or a flow list, to the whole-file parser', () => {
    expect(
      parseSlicedYaml(
        bigOrg((lines) => lines.push('x: &anchor 1')),
        'big.yaml',
      ),
    ).toBeUndefined();
    const flow = bigOrg((lines) => {
      lines.splice(5, 1, 'accounts: [');
    });
    expect(parseSlicedYaml(flow, 'big.yaml')).toBeUndefined();
  });
});
