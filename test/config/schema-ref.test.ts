import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  findSchemaRef,
  schemaRefDiagnostics,
} from '../../src/config/schema-ref.js';

const ORG = 'version: 1\ncompany: { name: Acme }\n';

/** An org folder whose org.yaml points at `ref`, with a csplan schema of `version` at `.csplan/`. */
async function org(ref: string | undefined, schemaVersion?: string) {
  const dir = await mkdtemp(join(tmpdir(), 'csplan-schema-ref-'));
  const head = ref === undefined ? '' : `# yaml-language-server: $schema=${ref}\n`;
  await writeFile(join(dir, 'org.yaml'), `${head}${ORG}`);
  if (schemaVersion !== undefined) {
    await mkdir(join(dir, '.csplan'));
    await writeFile(
      join(dir, '.csplan/org.schema.json'),
      JSON.stringify({ $id: `urn:csplan:org-schema:${schemaVersion}`, type: 'object' }),
    );
  }
  return dir;
}

const check = (dir: string, version = '0.2.0') =>
  schemaRefDiagnostics('org.yaml', { version, cwd: dir });

describe('findSchemaRef', () => {
  it('finds the modeline and the column its reference starts at', () => {
    expect(
      findSchemaRef('# a comment\n# yaml-language-server: $schema=x.json\nversion: 1\n'),
    ).toEqual({ value: 'x.json', line: 2, column: 33 });
    expect(findSchemaRef('version: 1\n')).toBeUndefined();
  });
});

describe('compareVersions', () => {
  it('orders versions as semver does', () => {
    expect(compareVersions('0.1.0', '0.2.0')).toBe(-1);
    expect(compareVersions('0.10.0', '0.9.9')).toBe(1);
    expect(compareVersions('1.2.3', '1.2.3')).toBe(0);
    expect(compareVersions('1.0.0-beta.1', '1.0.0')).toBe(-1);
    expect(compareVersions('1.0.0', '1.0.0-beta.1')).toBe(1);
  });
});

describe('schemaRefDiagnostics', () => {
  it('says nothing when the local schema is from this csplan or a newer one', async () => {
    expect(await check(await org('.csplan/org.schema.json', '0.2.0'))).toEqual([]);
    expect(await check(await org('.csplan/org.schema.json', '0.3.0'))).toEqual([]);
  });

  it('warns, on the $schema line, when the local schema is from an older csplan', async () => {
    const dir = await org('.csplan/org.schema.json', '0.1.0');
    expect(await check(dir)).toEqual([
      {
        rule: 'schema-outdated',
        severity: 'warning',
        path: [],
        line: 1,
        column: 33,
        message:
          'the editor schema .csplan/org.schema.json is from csplan 0.1.0, older than this csplan (0.2.0): editors may flag valid keys or miss new ones; refresh it with `csplan schema --output .csplan/org.schema.json`',
      },
    ]);
  });

  it('names the schema relative to where csplan runs', async () => {
    const dir = await org('.csplan/org.schema.json', '0.1.0');
    const [found] = await schemaRefDiagnostics(join(dir, 'org.yaml'), {
      version: '0.2.0',
      cwd: join(dir, '..'),
    });
    expect(found?.message).toMatch(
      /csplan schema --output csplan-schema-ref-\w+\/\.csplan\/org\.schema\.json`$/,
    );
  });

  it('warns when the local schema is missing', async () => {
    const [found] = await check(await org('.csplan/org.schema.json'));
    expect(found?.rule).toBe('schema-not-found');
    expect(found?.severity).toBe('warning');
    expect(found?.message).toContain('csplan schema --output .csplan/org.schema.json');
  });

  it('never suggests writing the schema outside the repository (an example copied out of csplan)', async () => {
    // A repository with the example copied to its root: ../schema/ lies above the repository.
    const dir = await org('../schema/org.schema.json');
    await mkdir(join(dir, '.git'));
    const [found] = await check(dir);
    expect(found?.rule).toBe('schema-not-found');
    expect(found?.message).toBe(
      'the editor schema ../schema/org.schema.json does not exist, so editors cannot check this file; it lies outside the repository: write a copy beside the file with `csplan schema --output .csplan/org.schema.json` and point $schema= at .csplan/org.schema.json',
    );
    // Inside the repository, the path the line names is the one to write.
    const nested = await org('../schema/org.schema.json');
    await mkdir(join(nested, 'plans'));
    await writeFile(join(nested, 'plans', 'org.yaml'), await readFile(join(nested, 'org.yaml')));
    await mkdir(join(nested, '.git'));
    const [inRepo] = await schemaRefDiagnostics('plans/org.yaml', {
      version: '0.2.0',
      cwd: nested,
    });
    expect(inRepo?.message).toContain(
      'write it with `csplan schema --output schema/org.schema.json`',
    );
  });

  it('leaves alone a schema csplan did not write, and files without a $schema line', async () => {
    const dir = await org('own.schema.json');
    await writeFile(join(dir, 'own.schema.json'), '{"type":"object"}');
    expect(await check(dir)).toEqual([]);
    expect(await check(await org(undefined))).toEqual([]);
  });

  it('judges a URL by the csplan version it names, without fetching it', async () => {
    const old = await check(await org('https://unpkg.com/csplan@0.1.0/schema/org.schema.json'));
    expect(old.map((d) => d.rule)).toEqual(['schema-outdated']);
    expect(old[0]?.message).toContain("csplan 0.1.0's");
    expect(await check(await org('https://unpkg.com/csplan@0.2.0/schema/org.schema.json'))).toEqual(
      [],
    );
    expect(await check(await org('https://example.com/schemas/org.json'))).toEqual([]);
  });
});
