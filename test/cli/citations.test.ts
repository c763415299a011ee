/**
 * Output cites published sources by the short names of docs/sources.md. No internal reference a
 * user does not have ("seed 004", "DOMAIN.md") may reach them, in any command or format.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/core/rules/registry.js';
import { runCli } from '../helpers/io.js';

const EXAMPLES = [
  'examples/founder.yaml',
  'examples/first-csm.yaml',
  'examples/growth.yaml',
  'examples/healthy.yaml',
  'examples/scale.yaml',
  'examples/salesforce/org.yaml',
  'examples/diff/before.yaml',
  'examples/diff/after.yaml',
];

const INTERNAL = /seeds? \d{3}|DOMAIN\.md|DOMAIN figures/i;

/**
 * Each place a command's output names an internal reference, with the words around it. Table
 * borders and line breaks are folded first, so a reference wrapped across lines is still found.
 */
async function internalRefs(argv: string[]): Promise<string[]> {
  const { stdout, stderr } = await runCli(argv);
  const text = `${stdout}\n${stderr}`.replace(/[│|\s]+/g, ' ');
  const found: string[] = [];
  for (const match of text.matchAll(new RegExp(INTERNAL.source, 'gi'))) {
    const at = match.index ?? 0;
    found.push(`${argv.join(' ')}: ...${text.slice(Math.max(0, at - 70), at + 20).trim()}`);
  }
  return found;
}

describe('no internal source references reach a user', () => {
  it.each(EXAMPLES)('in check of %s, every format', async (file) => {
    const found: string[] = [];
    for (const format of ['text', 'json', 'markdown', 'github'])
      found.push(...(await internalRefs(['check', file, '--format', format])));
    expect(found).toEqual([]);
  });

  it('in rules, explain and schema', async () => {
    const found: string[] = [];
    for (const format of ['text', 'json', 'markdown'])
      found.push(...(await internalRefs(['rules', '--format', format])));
    for (const rule of RULES)
      for (const format of ['text', 'json'])
        found.push(...(await internalRefs(['explain', rule.id, '--format', format])));
    found.push(...(await internalRefs(['schema'])));
    expect(found).toEqual([]);
  });

  it('in recommend and diff, every example and format', async () => {
    const found: string[] = [];
    for (const file of EXAMPLES)
      for (const format of ['text', 'json', 'markdown', 'mermaid'])
        found.push(...(await internalRefs(['recommend', file, '--format', format])));
    for (const format of ['text', 'json', 'markdown'])
      found.push(
        ...(await internalRefs([
          'diff',
          'examples/diff/before.yaml',
          'examples/diff/after.yaml',
          '--format',
          format,
        ])),
      );
    expect(found).toEqual([]);
  });
});
