/**
 * Where `csplan recommend --format json` spends its time on an org whose accounts are in a CSV:
 * the same stages as the CLI (src/config/load.ts, src/cli/load-plan.ts), called one by one from
 * the built modules in dist/ and timed here, so the product code carries no timing hooks.
 *
 *   node bench/profile.mjs ORG_FILE   prints one JSON object of stage -> milliseconds
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const t0 = performance.now();
const file = process.argv[2];
if (!file) throw new Error('usage: node bench/profile.mjs ORG_FILE');

const { parseOrgYaml } = await import('../dist/config/load.js');
const { orgFileSchema } = await import('../dist/config/schema.js');
const { normaliseOrg } = await import('../dist/config/normalise.js');
const { locateDiagnostics } = await import('../dist/config/locate.js');
const { readCsv } = await import('../dist/config/csv/read-csv.js');
const { planOrg } = await import('../dist/core/plan.js');
const { renderPlanJson } = await import('../dist/render/json.js');
const times = { 'import modules': performance.now() - t0 };
let last = performance.now();
const lap = (stage) => {
  const now = performance.now();
  times[stage] = (times[stage] ?? 0) + (now - last);
  last = now;
};

const orgText = await readFile(file, 'utf8');
const parsed = parseOrgYaml(orgText, file);
const orgFile = orgFileSchema.parse(parsed.value);
lap('org file (YAML + schema)');
const spec = orgFile.accounts;
if (!spec || Array.isArray(spec)) throw new Error(`${file}: accounts is not a file`);
const csvBytes = await readFile(resolve(dirname(resolve(file)), spec.file));
lap('read CSV');
const accounts = readCsv(csvBytes, {
  file: spec.file,
  preset: spec.preset,
  columns: spec.columns,
  dateOrder: spec.date_order,
  team: orgFile.team ?? [],
});
if ('diagnostic' in accounts) throw new Error(accounts.diagnostic.message);
lap('CSV: parse + row checks + owners');
const normalised = normaliseOrg(orgFile, accounts.accounts, {
  asOf: '2026-11-23',
  accountsPath: accounts.pathOf,
});
lap('normalise');
const plan = planOrg(normalised.org);
lap('plan');
const findings = locateDiagnostics([...accounts.diagnostics, ...plan.findings], (path) =>
  path[0] === 'accounts-file' ? accounts.locate(path) : parsed.locate(path),
);
const json = renderPlanJson(plan, findings);
lap('locate findings + render JSON');
process.stdout.write(json.length > 0 ? '' : 'empty output');
lap('write');
times.total = performance.now() - t0;
times.accounts = accounts.accounts.length;
times.diagnostics = accounts.diagnostics.length;
console.log(JSON.stringify(times));
