/**
 * The JSON Schema an org file points editors at (its `# yaml-language-server: $schema=` line),
 * and whether that schema is older than the csplan reading the file. csplan never fetches a
 * URL: a local schema file is read for the version in its `$id`; a URL is judged by the
 * `csplan@VERSION` it names, and otherwise left alone.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../core/model.js';
import { schemaIdVersion } from './schema.js';

/** Where `csplan init` puts the schema, relative to the org file. */
export const LOCAL_SCHEMA_PATH = '.csplan/org.schema.json';

/** The modeline is a comment near the top; only this much of the file is read for it. */
const HEAD_BYTES = 4096;

export interface SchemaRef {
  /** The reference as written after `$schema=`. */
  value: string;
  /** 1-based place of the reference in the org file. */
  line: number;
  column: number;
}

export function findSchemaRef(text: string): SchemaRef | undefined {
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const match = /^(\s*#\s*yaml-language-server:\s*\$schema=)(\S+)/.exec(line);
    if (match?.[1] && match[2]) {
      return { value: match[2], line: index + 1, column: match[1].length + 1 };
    }
  }
  return undefined;
}

/** Compares two versions as semver orders them (1.2.0-beta < 1.2.0 < 1.10.0). */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = '', pre] = v.split(/-(.*)/s, 2);
    return { parts: core.split('.').map((n) => Number.parseInt(n, 10) || 0), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) {
    const diff = (x.parts[i] ?? 0) - (y.parts[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre < y.pre ? -1 : 1;
}

export interface SchemaRefOptions {
  /** The csplan version reading the file. */
  version: string;
  /** The folder paths in messages are relative to (where the person runs csplan). */
  cwd: string;
}

/**
 * `schema-outdated` when the schema the org file points at is from an older csplan (editors
 * would flag keys this version accepts, or miss new ones); `schema-not-found` when it points
 * at a local file that is not there (editors then validate nothing).
 */
export async function schemaRefDiagnostics(
  orgPath: string,
  options: SchemaRefOptions,
): Promise<Diagnostic[]> {
  const head = await readHead(resolve(options.cwd, orgPath));
  const ref = head === undefined ? undefined : findSchemaRef(head);
  if (!ref) return [];
  const place = { path: [], line: ref.line, column: ref.column };

  const named = versionNamed(ref.value);
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(ref.value) && !ref.value.startsWith('file:')) {
    if (named === undefined || compareVersions(named, options.version) >= 0) return [];
    const local = shown(resolve(options.cwd, dirname(orgPath), LOCAL_SCHEMA_PATH), options.cwd);
    return [
      {
        rule: 'schema-outdated',
        severity: 'warning',
        ...place,
        message: `the editor schema is csplan ${named}'s, older than this csplan (${options.version}): editors may flag valid keys or miss new ones; write a current copy with \`csplan schema --output ${local}\` and point $schema= at ${LOCAL_SCHEMA_PATH}`,
      },
    ];
  }

  const schemaPath = ref.value.startsWith('file:')
    ? fileURLToPath(ref.value)
    : resolve(options.cwd, dirname(orgPath), ref.value);
  const target = shown(schemaPath, options.cwd);
  let schema: unknown;
  try {
    schema = JSON.parse(await readFile(schemaPath, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') return [];
    const orgFolder = resolve(options.cwd, dirname(orgPath));
    const root = (await repositoryRoot(orgFolder)) ?? resolve(options.cwd);
    // An example copied out of csplan's repository points at ../schema/: never suggest writing
    // outside the user's repository; a copy beside the org file works anywhere.
    const fix = inside(root, schemaPath)
      ? `write it with \`csplan schema --output ${target}\``
      : `it lies outside the repository: write a copy beside the file with \`csplan schema --output ${shown(resolve(orgFolder, LOCAL_SCHEMA_PATH), options.cwd)}\` and point $schema= at ${LOCAL_SCHEMA_PATH}`;
    return [
      {
        rule: 'schema-not-found',
        severity: 'warning',
        ...place,
        message: `the editor schema ${ref.value} does not exist, so editors cannot check this file; ${fix}`,
      },
    ];
  }
  const found = schemaIdVersion((schema as { $id?: unknown } | null)?.$id);
  // A schema csplan did not write (no csplan $id) is someone's own choice: left alone.
  if (found === undefined || compareVersions(found, options.version) >= 0) return [];
  return [
    {
      rule: 'schema-outdated',
      severity: 'warning',
      ...place,
      message: `the editor schema ${ref.value} is from csplan ${found}, older than this csplan (${options.version}): editors may flag valid keys or miss new ones; refresh it with \`csplan schema --output ${target}\``,
    },
  ];
}

async function readHead(path: string): Promise<string | undefined> {
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
      return buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}

/** The nearest folder at or above `folder` that holds `.git` (a git work tree's root). */
async function repositoryRoot(folder: string): Promise<string | undefined> {
  for (let at = folder; ; at = dirname(at)) {
    try {
      await stat(join(at, '.git'));
      return at;
    } catch {
      if (dirname(at) === at) return undefined;
    }
  }
}

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** A path relative to the working folder (absolute only on another drive). */
function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return isAbsolute(rel) ? path : rel;
}

/** "1.2.0" from ".../csplan@1.2.0/schema/...": plain parsing, as the value is the user's text. */
function versionNamed(value: string): string | undefined {
  const at = value.indexOf('csplan@');
  if (at === -1) return undefined;
  const rest = value.slice(at + 'csplan@'.length);
  const slash = rest.indexOf('/');
  const first = rest.charCodeAt(0);
  if (slash <= 0 || first < 48 || first > 57) return undefined;
  return rest.slice(0, slash);
}
