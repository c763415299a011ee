/**
 * `csplan --version` answers before the CLI's modules load (issue 23: start-up at most 1.5x a bare
 * `node -e 0`). A resolve hook lists every module of dist/ the process loads; bin/csplan.js runs
 * the bundled CLI in dist/bundle/ (scripts/bundle.mjs).
 */
import { spawnSync } from 'node:child_process';
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
});
