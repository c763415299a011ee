// @vitest-environment jsdom
/**
 * The org chart of `csplan recommend --format mermaid`, read by the real Mermaid parser, on every
 * example, every target-org fixture (industry teams, region managers, functional directors,
 * leaders outside CS) and generated orgs with industries and regions.
 */
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import type { ChartNode } from '../../src/core/orgchart.js';
import { planOrg } from '../../src/core/plan.js';
import { renderChartMermaid } from '../../src/render/mermaid.js';
import { planFile } from '../helpers/chart.js';
import { exampleFiles } from '../helpers/files.js';
import { generatedOrg, taggedOrgArb, taggedOrgYaml } from '../helpers/generated-org.js';

const fixtures = readdirSync('test/fixtures/target')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => `test/fixtures/target/${f}`);

function nodeCount(node: ChartNode): number {
  return 1 + node.children.reduce((sum, child) => sum + nodeCount(child), 0);
}

describe('org chart as a Mermaid flowchart', () => {
  it('the parser is the real one: an unclosed label is rejected', async () => {
    await expect(mermaid.parse('flowchart TD\n  n0["CEO]\n')).rejects.toThrow();
  });

  it.each([...exampleFiles(), ...fixtures])('%s parses, one box per chart node', async (file) => {
    const plan = await planFile(file).catch(() => undefined);
    if (!plan) return; // examples that show broken input are checked elsewhere
    const chart = renderChartMermaid(plan);
    await expect(mermaid.parse(chart)).resolves.toMatchObject({ diagramType: 'flowchart-v2' });
    expect(chart.match(/^ {2}n\d+\[/gm)).toHaveLength(nodeCount(plan.chart.root));
  });

  it('parses on generated orgs with industries and regions', async () => {
    await fc.assert(
      fc.asyncProperty(taggedOrgArb, async (spec) => {
        const plan = planOrg(await generatedOrg(taggedOrgYaml(spec)));
        await mermaid.parse(renderChartMermaid(plan));
      }),
      { numRuns: 25, seed: 20261207 },
    );
  }, 120_000);
});
