/**
 * The benchmark's baseline: read one file and parse it with the parser csplan uses for it, and
 * nothing else. YAML: the yaml package's `parse`. CSV: csv-parse's sync `parse` with the options
 * of src/config/csv/read-csv.ts. For an org file whose accounts are in a CSV, the baseline is the
 * CSV alone (issue 5: "a baseline that only parses the same CSV with csv-parse"). With
 * `--js-yaml`, YAML is loaded by js-yaml instead (`load` of the whole text: issue 23's yardstick,
 * found as bench/js-yaml.mjs says).
 *
 *   node bench/baseline.mjs FILE.yaml|FILE.csv [--js-yaml]
 */
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) throw new Error('usage: node bench/baseline.mjs FILE');
const text = readFileSync(file, 'utf8');
let count;
if (file.endsWith('.csv')) {
  const { parse } = await import('csv-parse/sync');
  count = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }).length;
} else if (process.argv.includes('--js-yaml')) {
  const { loadJsYaml } = await import('./js-yaml.mjs');
  const jsYaml = loadJsYaml();
  if (!jsYaml) throw new Error('bench: js-yaml not found (see bench/js-yaml.mjs)');
  count = Object.keys(jsYaml.load(text) ?? {}).length;
} else {
  const { parse } = await import('yaml');
  count = Object.keys(parse(text) ?? {}).length;
}
process.stdout.write(`${count}\n`);
