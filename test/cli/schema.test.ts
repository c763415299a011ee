import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaText } from '../../src/cli/commands/schema.js';
import { packageVersion } from '../../src/cli/version.js';
import { runCli } from '../helpers/io.js';

describe('csplan schema', () => {
  it('prints the schema, stamped with the csplan version', async () => {
    const { code, stdout } = await runCli(['schema']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).$id).toBe(`urn:csplan:org-schema:${packageVersion()}`);
  });

  it('--output writes it, creating the folder', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'csplan-schema-'));
    const run = await runCli(['schema', '--output', '.csplan/org.schema.json'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `Wrote .csplan/org.schema.json (the org file schema of csplan ${packageVersion()}).\n`,
    );
    expect(await readFile(join(cwd, '.csplan/org.schema.json'), 'utf8')).toBe(schemaText());
  });

  it('exits 2 when the file cannot be written', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'csplan-schema-'));
    await writeFile(join(cwd, 'plans'), 'a file where a folder should be');
    const run = await runCli(['schema', '-o', 'plans/org.schema.json'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^csplan: plans\/org\.schema\.json: cannot be written \(E[A-Z]+\)\n$/,
    );
  });
});
