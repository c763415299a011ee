import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  uses?: string;
  name?: string;
  if?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}

const action = parse(readFileSync('action.yml', 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
};
const checkStep = action.runs.steps.find((s) => s.name === 'csplan check') as Step;

/** Runs the action's check step as the runner would: bash, inputs in the environment. */
function runStep(inputs: Record<string, string>) {
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION_PATH: process.cwd(),
    GITHUB_STEP_SUMMARY: '',
  };
  for (const [name, expr] of Object.entries(checkStep.env ?? {})) {
    const input = /inputs\.([a-z-]+)/.exec(expr)?.[1] ?? '';
    env[name] = inputs[input] ?? action.inputs[input]?.default ?? '';
  }
  return spawnSync('bash', ['-c', checkStep.run ?? ''], { encoding: 'utf8', env });
}

describe('action.yml', () => {
  it('is a composite action that sets up Node 20 and passes inputs only through env', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps[0]?.uses).toMatch(/^actions\/setup-node@v\d+$/);
    expect(action.inputs['node-version']?.default).toBe('20');
    for (const step of action.runs.steps) expect(step.run ?? '').not.toContain('${{');
    for (const expr of Object.values(checkStep.env ?? {})) {
      const input = /inputs\.([a-z-]+)/.exec(expr)?.[1] ?? '';
      expect(action.inputs, input).toHaveProperty(input);
    }
  });

  it('runs csplan check from the action path with globbed files and annotations', () => {
    const run = runStep({ files: 'test/fixtures/check/c*.yaml test/fixtures/check/warn.yaml' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      '::warning file=test/fixtures/check/warn.yaml,line=8,col=5,title=book-health-mix::',
    );
    expect(run.stdout).toContain('0 errors, 1 warning (2 files checked)');
  });

  it('passes fail-on, max-warnings and rules through', () => {
    expect(runStep({ files: 'test/fixtures/check/warn.yaml', 'fail-on': 'warning' }).status).toBe(
      1,
    );
    expect(runStep({ files: 'test/fixtures/check/warn.yaml', 'max-warnings': '0' }).status).toBe(1);
    expect(
      runStep({
        files: 'test/fixtures/check/error.yaml',
        rules: 'csm-overloaded=warning\nbook-health-mix=off',
      }).status,
    ).toBe(0);
  });
});
