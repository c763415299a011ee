/** `csplan schema`: the JSON Schema of the org file, for editors and validators. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { orgJsonSchema, schemaIdVersion } from '../../config/schema.js';
import { compareVersions } from '../../config/schema-ref.js';
import { EXIT, UsageError } from '../exit-codes.js';
import type { CliIO } from '../io.js';
import { packageVersion } from '../version.js';
import { refuseForeignFile, writeFileAtomic } from '../write-file.js';

export function schemaText(version = packageVersion()): string {
  return `${JSON.stringify(orgJsonSchema(version), null, 2)}\n`;
}

export async function runSchema(
  options: { output?: string; force?: boolean },
  io: CliIO,
): Promise<number> {
  if (options.output === undefined) {
    io.stdout(schemaText());
    return EXIT.ok;
  }
  try {
    await writeSchemaFile(resolve(io.cwd, options.output), {
      keepNewer: false,
      name: options.output,
      force: options.force === true,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw new UsageError(`${options.output}: cannot be written (${code})`);
  }
  io.stderr(`Wrote ${options.output} (the org file schema of csplan ${packageVersion()}).\n`);
  return EXIT.ok;
}

/** The `$id` line every schema csplan writes carries (`schemaId`). */
const SCHEMA_ID = /"\$id"\s*:\s*"urn:csplan:org-schema:/;

/**
 * Writes this version's schema to `path` (folders created, atomically). With `keepNewer`, a
 * schema there from a newer csplan is kept: `init` run by an older csplan must not downgrade
 * the copy that other org files in the folder point at. Returns whether it wrote.
 */
export async function writeSchemaFile(
  path: string,
  { keepNewer, name, force }: { keepNewer: boolean; name?: string; force: boolean },
): Promise<boolean> {
  const version = packageVersion();
  await refuseForeignFile(
    { path, name: name ?? path },
    { owns: (head) => SCHEMA_ID.test(head), what: "csplan's org file schema", force },
  );
  if (keepNewer) {
    const present = await readFile(path, 'utf8')
      .then((text) => schemaIdVersion((JSON.parse(text) as { $id?: unknown }).$id))
      .catch(() => undefined);
    if (present !== undefined && compareVersions(present, version) > 0) return false;
  }
  await writeFileAtomic(path, schemaText(version), { replace: true, ...(name ? { name } : {}) });
  return true;
}
