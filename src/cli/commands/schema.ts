/** `csplan schema`: the JSON Schema of the org file, for editors and validators. */
import { orgJsonSchema } from '../../config/schema.js';
import { EXIT } from '../exit-codes.js';
import type { CliIO } from '../io.js';
import { packageVersion } from '../version.js';

export function schemaText(version = packageVersion()): string {
  return `${JSON.stringify(orgJsonSchema(version), null, 2)}\n`;
}

export async function runSchema(io: CliIO): Promise<number> {
  io.stdout(schemaText());
  return EXIT.ok;
}
