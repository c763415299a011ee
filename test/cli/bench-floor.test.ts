/**
 * The benchmark's floor (bench/floor.mjs, issues 12 and 23) runs bundled from dist/bench/, as the
 * CLI runs from dist/bundle/: were it to load the unbundled libraries from node_modules, its
 * start-up would cost more than csplan's and the "csplan / floor" ratio would flatter csplan. A
 * resolve hook lists every module the process loads from node_modules.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const LIST_PACKAGE_MODULES = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent('export async function resolve(s, c, next) { const r = await next(s, c); if (r.url.includes("/node_modules/")) console.error("package " + r.url); return r; }'));`,
)}`;

const ORG = 'test/fixtures/csv/custom-headers.yaml';
const CSV = 'test/fixtures/csv/custom-headers.csv';

describe('bench floor', () => {
  it.each([
    ['one thread', []],
    ['the CSV in a worker thread', ['--parallel']],
  ])('runs from its bundle, with no package loaded from node_modules (%s)', (_, mode) => {
    const result = spawnSync(
      process.execPath,
      ['--import', LIST_PACKAGE_MODULES, 'dist/bench/floor.mjs', ORG, CSV, ...mode],
      { cwd: root, encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    expect(result.stderr).not.toContain('package ');
    // The CSV's records, its header row included, as csv-parse counts them.
    expect(result.stdout).toBe('4\n');
  });
});
