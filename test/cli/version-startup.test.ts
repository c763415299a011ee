/**
 * `csplan --version` answers before the CLI's modules load (issue 23: start-up at most 1.5x a bare
 * `node -e 0`). A resolve hook lists every module of dist/ the process loads; bin/csplan.js runs
 * the bundled CLI in dist/bundle/ (scripts/bundle.mjs).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const LIST_DIST_MODULES = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent('export async function resolve(s, c, next) { const r = await next(s, c); if (r.url.includes("/dist/")) console.error("loaded " + r.url.slice(r.url.indexOf("/dist/") + 1)); return r; }'));`,
)}`;

function run(...args: string[]) {
  return spawnSync(process.execPath, ['--import', LIST_DIST_MODULES, 'bin/csplan.js', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
}

describe('csplan --version start-up', () => {
  it('loads only the version module for --version and -V', () => {
    for (const flag of ['--version', '-V']) {
      const result = run(flag);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
      expect(result.stderr.match(/^loaded .+$/gm)).toEqual(['loaded dist/bundle/version.js']);
    }
  });

  it('loads the CLI for anything else', () => {
    const result = run('--help');
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('loaded dist/bundle/main.js');
  });

  /** Each module once (the hook sees every import of it). */
  const loaded = (stderr: string) => [...new Set(stderr.match(/^loaded .+$/gm))];

  it('loads the shell and commander for --help, not the planner', () => {
    const result = run('--help');
    expect(result.status).toBe(0);
    expect(loaded(result.stderr).filter((line) => line.includes('planning-'))).toEqual([]);
  });

  // Node 20 loads every module file with its own resolve, open, read and compile: the planner
  // is one chunk (scripts/bundle.mjs), where rolldown's own split made `recommend` load 23 files.
  it('loads the planner as one chunk for recommend', () => {
    const result = run('recommend', 'examples/founder.yaml', '--format', 'json');
    expect(result.status).toBe(0);
    const modules = loaded(result.stderr);
    expect(modules.filter((line) => line.includes('planning-'))).toHaveLength(1);
    expect(modules.length).toBeLessThanOrEqual(10);
  });
});

describe('the bundle recommend loads', () => {
  const bundle = join(root, 'dist', 'bundle');
  const planning = readFileSync(
    join(bundle, readdirSync(bundle).find((name) => name.startsWith('planning-')) ?? ''),
    'utf8',
  );

  // yaml's ES-module build: no per-module CommonJS wrapper compiled a second time when called,
  // and no `process.env` read per token for its debug switches.
  it("holds yaml's ES-module build, its warnings still sent through Node's", () => {
    expect(planning).not.toContain('LOG_TOKENS');
    expect(planning).toContain('process.emitWarning(warning)');
    expect(planning).not.toContain('console.warn(warning)');
  });

  // One byte per character: the chunk is read and compiled as a one-byte string.
  it('is ASCII, without doc comments', () => {
    expect(planning).not.toMatch(/[^\p{ASCII}]/u);
    expect(planning).not.toMatch(/^\s*\/\*\*/m);
  });
});
