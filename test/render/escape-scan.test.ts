/**
 * One escaper for Markdown (src/render/md-text.ts), used by every renderer, as the regex review
 * does for regular expressions: a scan of src/render fails when a Markdown renderer does not use
 * it or escapes on its own, and every command's Markdown is run on an org whose every name is a
 * payload (HTML, a javascript: link): none survives unescaped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/files.js';
import { runCli } from '../helpers/io.js';

const RENDER = join(process.cwd(), 'src/render');
const sources = readdirSync(RENDER)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => ({ name, text: readFileSync(join(RENDER, name), 'utf8') }));

describe('the scan of src/render', () => {
  it('every renderer that exports Markdown escapes through md-text', () => {
    const markdown = sources.filter(({ text }) => /export function render\w*Markdown\(/.test(text));
    expect(markdown.map(({ name }) => name)).toContain('rebalance.ts');
    for (const { name, text } of markdown)
      expect([name, text.includes("from './md-text.js'")]).toEqual([name, true]);
  });

  it('no renderer escapes Markdown on its own (pipes, brackets, angle brackets)', () => {
    for (const { name, text } of sources) {
      if (name === 'md-text.ts') continue;
      expect([name, /\.replace\(\/[^/]*\\\|/.test(text)]).toEqual([name, false]);
    }
  });
});

const PAYLOADS = {
  company: '<script>alert(1)</script> [x](javascript:alert(1))',
  leaver: '<img src=x onerror=alert(1)>',
  leaverName: '[y](javascript:alert(2))',
  csm: '<script>b</script>',
  account: '<script>acc</script>',
  accountName: '<img src=y onerror=alert(3)>',
  linkAccount: '[z](javascript:alert(4))',
};

const ORG = `version: 1
company:
  name: ${JSON.stringify(PAYLOADS.company)}
  as_of: 2026-11-23
team:
  - { id: ${JSON.stringify(PAYLOADS.leaver)}, name: ${JSON.stringify(PAYLOADS.leaverName)}, role: csm, leaving: 2027-01-15 }
  - { id: ${JSON.stringify(PAYLOADS.csm)}, role: csm }
accounts:
  - { id: ${JSON.stringify(PAYLOADS.account)}, name: ${JSON.stringify(PAYLOADS.accountName)}, arr: 90000, owner: ${JSON.stringify(PAYLOADS.leaver)} }
  - { id: ${JSON.stringify(PAYLOADS.linkAccount)}, arr: 80000, owner: ${JSON.stringify(PAYLOADS.leaver)} }
  - { id: plain, arr: 80000 }
growth:
  new_customers_per_month: 3
`;

/** Raw HTML or a link to javascript:, not preceded by the backslash that makes it text. */
const UNESCAPED = /(?<!\\)<(script|img)|(?<!\\)\]\(javascript:/;

describe('every Markdown output escapes user text', () => {
  it.each([
    [['recommend', 'org.yaml']],
    [['check', 'org.yaml']],
    [['rebalance', 'org.yaml']],
    [['assign', 'org.yaml']],
    [['timeline', 'org.yaml']],
    [['timeline', 'org.yaml', '--compare']],
    [['diff', 'org.yaml', 'org.yaml']],
  ])('csplan %s --format markdown', async (argv) => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'org.yaml'), ORG);
    const run = await runCli([...argv, '--format', 'markdown'], { cwd });
    expect(run.stdout.length).toBeGreaterThan(0);
    // Fenced code blocks (the chart as text) show their content literally: scan the rest.
    expect(run.stdout.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '')).not.toMatch(UNESCAPED);
  });

  it('rebalance shows the payloads, escaped (so the test above saw them)', async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'org.yaml'), ORG);
    const run = await runCli(['rebalance', 'org.yaml', '--format', 'markdown'], { cwd });
    expect(run.stdout).toContain('\\<script>acc\\</script>');
    expect(run.stdout).toContain('\\[z\\](javascript:alert(4))');
    expect(run.stdout).toContain('\\<img src=x onerror=alert(1)>');
  });
});
