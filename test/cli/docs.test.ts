/**
 * The README and the manual in docs/, checked against what csplan does: the sample org files
 * pass `csplan check`, every quoted command prints what the page says it prints, and every
 * relative link lands on a file and heading that exist.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/io.js';

const PAGES = [
  'README.md',
  ...readdirSync('docs')
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const read = (page: string) => readFileSync(page, 'utf8');

/** The first ```yaml block after a heading line. */
function yamlBlockAfter(page: string, heading: string): string {
  const text = `\n${read(page)}`;
  const from = text.indexOf(`\n${heading}\n`);
  expect(from, `${page} has no "${heading}" section`).toBeGreaterThan(-1);
  const match = /\n```yaml\n([\s\S]*?)\n```\n/.exec(text.slice(from));
  expect(match, `no yaml block under "${heading}"`).not.toBeNull();
  return `${match?.[1]}\n`;
}

async function checksClean(yaml: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'csplan-docs-'));
  writeFileSync(join(dir, 'org.yaml'), yaml);
  // The sample points editors at a schema beside it, written the way the docs say.
  const schema = /\$schema=(\S+)/.exec(yaml)?.[1] ?? '';
  if (!/^https?:/.test(schema))
    expect((await runCli(['schema', '--output', schema], { cwd: dir })).code).toBe(0);
  const { code, stdout, stderr } = await runCli(['check', 'org.yaml'], { cwd: dir });
  expect(stderr).toBe('');
  expect(stdout).toBe('org.yaml: no problems\n\nno problems (1 file checked)\n');
  expect(code).toBe(0);
}

interface Session {
  page: string;
  /** A fixture folder the commands run in (copied first), from a `doc-test: run in` comment. */
  fixture?: string;
  steps: { argv: string[]; expected: string[] }[];
}

/** Fenced blocks whose lines start with `$ csplan` or `$ npx csplan`, with the output under each. */
function sessions(page: string): Session[] {
  const found: Session[] = [];
  const blocks = read(page).matchAll(
    /(?:<!-- doc-test: run in (\S+) -->\n)?```[a-z]*\n([\s\S]*?)```/g,
  );
  for (const [, fixture, body] of blocks) {
    const steps: Session['steps'] = [];
    for (const line of (body ?? '').split('\n')) {
      const command = /^\$ (?:npx )?csplan (.*?)(?:\s+#.*)?$/.exec(line);
      if (command) steps.push({ argv: (command[1] ?? '').split(/\s+/), expected: [] });
      else if (line.startsWith('$ ')) break;
      else steps.at(-1)?.expected.push(line);
    }
    if (steps.length > 0) found.push({ page, fixture, steps });
  }
  return found;
}

/** Whitespace folded, so that a quote wrapped at another width still matches. */
const fold = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The quoted lines, cut at `[...]` elisions into runs that must appear in order. */
function runsOf(expected: string[]): string[] {
  const runs: string[][] = [[]];
  for (const line of expected) {
    if (/^\s*\[\.\.\..*\]\s*$/.test(line)) runs.push([]);
    else runs.at(-1)?.push(line);
  }
  return runs.map((run) => fold(run.join('\n'))).filter((run) => run !== '');
}

describe('the README and docs/', () => {
  it('show sample org files that pass csplan check with no findings at all', async () => {
    await checksClean(yamlBlockAfter('README.md', '## The org file in brief'));
    await checksClean(yamlBlockAfter('docs/org-file.md', '# The org file'));
  });

  const all = PAGES.flatMap(sessions);
  it('quote at least the founder’s timeline and the Salesforce import', () => {
    const quoted = all.flatMap((s) => s.steps.map((step) => step.argv.slice(0, 2).join(' ')));
    expect(quoted).toContain('timeline examples/timeline-founder.yaml');
    expect(quoted).toContain('import accounts.csv');
  });

  for (const session of all) {
    const title = `${session.page}: ${session.steps.map((s) => `csplan ${s.argv.join(' ')}`).join('; ')}`;
    it(`prints what ${title} says`, async () => {
      let cwd = process.cwd();
      if (session.fixture) {
        cwd = mkdtempSync(join(tmpdir(), 'csplan-docs-'));
        cpSync(session.fixture, cwd, { recursive: true });
      }
      for (const step of session.steps) {
        const { code, stdout, stderr } = await runCli(step.argv, { cwd });
        expect(code, stderr).toBeLessThan(2);
        const output = fold(stdout + stderr);
        let from = 0;
        for (const run of runsOf(step.expected)) {
          const at = output.indexOf(run, from);
          expect(
            at,
            `"${run}" not in the output of csplan ${step.argv.join(' ')}:\n${stdout}`,
          ).toBeGreaterThan(-1);
          from = at + run.length;
        }
      }
    });
  }

  it('link only to files and headings that exist', () => {
    const slug = (heading: string) =>
      heading
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\- _]/gu, '')
        .replace(/ /g, '-');
    const anchors = (page: string) =>
      new Set([...read(page).matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1] ?? '')));
    for (const page of PAGES) {
      for (const [, target] of read(page).matchAll(/\]\(([^)\s]+)\)/g)) {
        if (!target || /^[a-z]+:/.test(target)) continue;
        const [file = '', anchor] = target.split('#');
        const path = file === '' ? page : normalize(join(dirname(page), file));
        expect(existsSync(path), `${page} links to ${target}`).toBe(true);
        if (anchor) expect(anchors(path).has(anchor), `${page} links to ${target}`).toBe(true);
      }
    }
  });
});
