/** `csplan check` with several files: unreadable ones, quoted patterns, the exit code. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/io.js';

const F = 'test/fixtures/check';
const wide = { env: { COLUMNS: '300' } };

describe('csplan check with a file it cannot read', () => {
  it('checks the others, says which one is missing, and exits 2', async () => {
    const { code, stdout, stderr } = await runCli(
      ['check', `${F}/clean.yaml`, `${F}/missing.yaml`, `${F}/warn.yaml`],
      wide,
    );
    expect(code).toBe(2);
    expect(stderr).toBe(`csplan: ${F}/missing.yaml: no such file\n`);
    expect(stdout).toContain(`${F}/clean.yaml: no problems`);
    expect(stdout).toContain(`${F}/warn.yaml:8:5 warning book-health-mix`);
    expect(stdout).toContain('0 errors, 1 warning (2 files checked)');
  });

  it('exits 2, not 1, when a file has errors and another is missing', async () => {
    const { code, stdout } = await runCli(['check', `${F}/error.yaml`, 'nope.yaml'], wide);
    expect(code).toBe(2);
    expect(stdout).toContain('error csm-overloaded');
  });

  it('prints nothing on stdout when no file could be read', async () => {
    const { code, stdout, stderr } = await runCli(['check', 'nope.yaml', 'nope2.yaml']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('csplan: nope.yaml: no such file\ncsplan: nope2.yaml: no such file\n');
  });

  it('keeps JSON on stdout valid, with the files it read', async () => {
    const { code, stdout } = await runCli(['check', `${F}/clean.yaml`, 'nope.yaml', '-f', 'json']);
    expect(code).toBe(2);
    expect(JSON.parse(stdout).summary.files).toBe(1);
  });
});

describe('csplan check with a quoted pattern', () => {
  it('expands it itself, in a stable order', async () => {
    const { code, stdout } = await runCli(['check', `${F}/*.yaml`, '-f', 'json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).results.map((r: { file: string }) => r.file)).toEqual([
      `${F}/clean.yaml`,
      `${F}/error.yaml`,
      `${F}/warn.yaml`,
    ]);
  });

  it('checks a file named twice (by name and by pattern) once', async () => {
    const { stdout } = await runCli(['check', `${F}/warn.yaml`, `${F}/w*.yaml`, '-f', 'json']);
    expect(JSON.parse(stdout).summary.files).toBe(1);
  });

  it('walks folders with **', async () => {
    const { stdout } = await runCli(['check', 'examples/**/org.yaml', '-f', 'json']);
    expect(JSON.parse(stdout).results.map((r: { file: string }) => r.file)).toEqual([
      'examples/salesforce/org.yaml',
    ]);
  });

  it('exits 2 with a message for a pattern that matches nothing, after checking the rest', async () => {
    const { code, stdout, stderr } = await runCli(['check', `${F}/clean.yaml`, `${F}/*.yml`]);
    expect(code).toBe(2);
    expect(stderr).toBe(`csplan: no file matches "${F}/*.yml"\n`);
    expect(stdout).toContain(`${F}/clean.yaml: no problems`);
  });
});
