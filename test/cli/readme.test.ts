/** The README's own examples, checked against what csplan does with them. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/io.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The first ```yaml block after a heading line. */
function yamlBlockAfter(heading: string): string {
  const from = README.indexOf(`\n${heading}\n`);
  expect(from, `README has no "${heading}" section`).toBeGreaterThan(-1);
  const match = /\n```yaml\n([\s\S]*?)\n```\n/.exec(README.slice(from));
  expect(match, `no yaml block under "${heading}"`).not.toBeNull();
  return `${match?.[1]}\n`;
}

describe('the README', () => {
  it('shows a sample org file that passes csplan check with no findings at all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csplan-readme-'));
    writeFileSync(join(dir, 'org.yaml'), yamlBlockAfter('## The org file'));
    // The sample points editors at a schema beside it, written the way the README says.
    const schema = /\$schema=(\S+)/.exec(readFileSync(join(dir, 'org.yaml'), 'utf8'))?.[1] ?? '';
    if (!/^https?:/.test(schema))
      expect((await runCli(['schema', '--output', schema], { cwd: dir })).code).toBe(0);
    const { code, stdout, stderr } = await runCli(['check', 'org.yaml'], { cwd: dir });
    expect(stderr).toBe('');
    expect(stdout).toBe('org.yaml: no problems\n\nno problems (1 file checked)\n');
    expect(code).toBe(0);
  });
});
