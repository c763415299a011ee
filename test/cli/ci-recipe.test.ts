/**
 * The pull-request diff recipe of docs/ci.md, run as written: its `run:` script in a git
 * repository whose pull request adds org.yaml (the base has none), then one that changes it.
 * `npx csplan` is the built CLI and `gh` a stub that keeps the comment it was asked to post.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  name?: string;
  run?: string;
  env?: Record<string, string>;
}

function diffStep(): Step {
  const page = readFileSync('docs/ci.md', 'utf8');
  const block = /```yaml\n(# \.github\/workflows\/org-plan-diff\.yml\n[\s\S]*?)```/.exec(page)?.[1];
  expect(block, 'docs/ci.md has the org-plan-diff.yml recipe').toBeDefined();
  const workflow = parse(block ?? '') as { jobs: Record<string, { steps: Step[] }> };
  const step = Object.values(workflow.jobs)
    .flatMap((job) => job.steps)
    .find((s) => s.run?.includes('csplan diff'));
  expect(step?.run).toBeDefined();
  return step as Step;
}

function git(cwd: string, ...args: string[]): string {
  const run = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
  return run.stdout.trim();
}

/** A repository on branch `pr`, with the base's commit as origin/main; the stubs on PATH. */
function repository(baseHasPlan: boolean): { dir: string; bin: string } {
  const dir = mkdtempSync(join(tmpdir(), 'csplan-recipe-'));
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'test@example.com');
  git(dir, 'config', 'user.name', 'test');
  writeFileSync(join(dir, 'README.md'), 'plans\n');
  if (baseHasPlan) cpSync('examples/growth.yaml', join(dir, 'org.yaml'));
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'base');
  git(dir, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
  git(dir, 'checkout', '-q', '-b', 'pr');
  // The pull request makes one CSM part-time.
  const changed = readFileSync('examples/growth.yaml', 'utf8').replace(
    /^( +)role: csm$/m,
    '$1role: csm\n$1fte: 0.5',
  );
  writeFileSync(
    join(dir, 'org.yaml'),
    baseHasPlan ? changed : readFileSync('examples/growth.yaml'),
  );
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'pr');

  const bin = join(dir, '.stubs');
  mkdirSync(bin);
  const cli = resolve('bin/csplan.js');
  writeFileSync(
    join(bin, 'npx'),
    `#!/bin/sh\n[ "$1" = csplan ] && shift\nexec "${process.execPath}" "${cli}" "$@"\n`,
  );
  writeFileSync(
    join(bin, 'gh'),
    '#!/bin/sh\n# gh pr comment PR --body-file FILE\ncp "$5" "$COMMENT_OUT"\necho "commented on $3"\n',
  );
  chmodSync(join(bin, 'npx'), 0o755);
  chmodSync(join(bin, 'gh'), 0o755);
  return { dir, bin };
}

function runRecipe(baseHasPlan: boolean) {
  const step = diffStep();
  const { dir, bin } = repository(baseHasPlan);
  const comment = join(dir, 'comment.md');
  const run = spawnSync('bash', ['-e', '-c', step.run ?? ''], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: `${bin}:${process.env.PATH}`,
      BASE_REF: 'main',
      PR: '7',
      GH_TOKEN: 'not-used',
      COMMENT_OUT: comment,
      GITHUB_ACTIONS: '',
    },
  });
  return { run, comment: run.status === 0 ? readFileSync(comment, 'utf8') : '' };
}

describe('the diff recipe of docs/ci.md, as written', () => {
  it('comments the new plan on the pull request that adds org.yaml', { timeout: 60_000 }, () => {
    const { run, comment } = runRecipe(false);
    expect(run.stderr).not.toMatch(/error|fatal/i);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('commented on 7');
    expect(comment).toContain('org.yaml');
    expect(comment).toContain('Northwind Analytics');
  });

  it('comments what changes on a pull request that edits it', { timeout: 60_000 }, () => {
    const { run, comment } = runRecipe(true);
    expect(run.status).toBe(0);
    expect(comment).toContain('org.yaml');
    expect(comment.length).toBeGreaterThan(100);
  });
});
