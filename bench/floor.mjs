/**
 * The least work any `csplan recommend` run on an org with a CSV must do, for scale against the
 * baseline (bench/baseline.mjs): load the libraries csplan's loader needs (yaml, zod, commander,
 * csv-parse), parse the org file and parse the CSV, with no validation, planning or output.
 * csplan runs as a bundle (dist/bundle/), so the floor runs as one too: scripts/bundle.mjs bundles
 * this file and floor-worker.mjs into dist/bench/, and the libraries start up alike in both.
 *
 *   node dist/bench/floor.mjs ORG_FILE CSV_FILE             one thread, as csplan runs
 *   node dist/bench/floor.mjs ORG_FILE CSV_FILE --parallel  the CSV parsed in a worker thread while
 *                                                           the main thread loads libraries and the
 *                                                           org file
 *
 * If the floor alone is above a ratio target, no change to csplan's own code can meet it.
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

const [orgFile, csvFile, mode] = process.argv.slice(2);
if (!orgFile || !csvFile)
  throw new Error('usage: node dist/bench/floor.mjs ORG_FILE CSV_FILE [--parallel]');
const CSV_OPTIONS = { bom: true, relax_column_count: true, skip_empty_lines: false };

let rows;
if (mode === '--parallel') {
  const worker = new Worker(new URL('./floor-worker.mjs', import.meta.url), {
    workerData: { file: csvFile, options: CSV_OPTIONS },
  });
  const parsed = new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const document = await loadOrg();
  rows = await parsed;
  await worker.terminate();
  if (!document.contents) throw new Error('empty org file');
} else {
  const document = await loadOrg();
  if (!document.contents) throw new Error('empty org file');
  const { parse } = await import('csv-parse/sync');
  rows = parse(readFileSync(csvFile, 'utf8'), CSV_OPTIONS).length;
}
process.stdout.write(`${rows}\n`);

async function loadOrg() {
  const { parseOrg } = await import('./floor-libraries.mjs');
  return parseOrg(readFileSync(orgFile, 'utf8'));
}
