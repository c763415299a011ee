// Regenerates schema/org.schema.json from the zod schema (run after `npm run build`).
import { writeFileSync } from 'node:fs';
import { schemaText } from '../dist/cli/commands/schema.js';

writeFileSync(new URL('../schema/org.schema.json', import.meta.url), schemaText());
console.log('wrote schema/org.schema.json');
