/**
 * `csplan import ACCOUNTS.csv`: shows how csplan reads a CRM export (the column mapping, the
 * columns it leaves unread, a sample of accounts, every problem) so a user can check it before an
 * org file relies on it; with `--org org.yaml`, shows the change that points the org file at the
 * export (a dry run), and `--write` applies it.
 */
import { dirname, extname, resolve } from 'node:path';
import {
  type AccountsFileResult,
  type AccountsFileSpec,
  MAX_ACCOUNTS_FILE_BYTES,
} from '../../config/accounts-file.js';
import { ACCOUNT_FIELDS, type DateOrder } from '../../config/csv/cells.js';
import { detectPreset } from '../../config/csv/mapping.js';
import { PRESET_IDS, type PresetId } from '../../config/csv/presets.js';
import { readCsv } from '../../config/csv/read-csv.js';
import {
  FIELD_VALUES,
  VALUE_FIELDS,
  type ValueField,
  type ValuesTable,
} from '../../config/csv/values.js';
import { type AccountsSpec, type SpecEdit, setAccountsSpec } from '../../config/csv/write-spec.js';
import {
  MAX_YAML_BYTES,
  markSkipped,
  parseOrgYaml,
  readErrorMessage,
  skippedAsWarnings,
} from '../../config/load.js';
import { locateDiagnostics, sortByPlace } from '../../config/locate.js';
import { mergePolicy, normaliseOrg } from '../../config/normalise.js';
import { readBounded } from '../../config/read-bounded.js';
import { orgFileSchema, type TeamMemberInput } from '../../config/schema.js';
import { segmentForArr } from '../../core/analysis.js';
import { suggestion } from '../../core/did-you-mean.js';
import type { Diagnostic, RuleSetting } from '../../core/model.js';
import { formatCount, formatMoney, plural } from '../../core/money.js';
import { DEFAULT_POLICY, type Policy } from '../../core/policy.js';
import { runReferenceRules } from '../../core/rules/engine.js';
import { countLine, renderDiagnostics } from '../../render/diagnostics.js';
import { findingJson } from '../../render/json.js';
import { safeOutput } from '../../render/safe-text.js';
import { renderTable } from '../../render/table.js';
import { fitLine } from '../../render/wrap.js';
import { outputWidth, useColor } from '../color.js';
import { EXIT, UsageError } from '../exit-codes.js';
import { pathFromOrgFile } from '../init/accounts-source.js';
import type { CliIO } from '../io.js';
import { parseFormat } from '../options.js';
import { FileChangedError, writeFileAtomic } from '../write-file.js';
import { changesText, type ExportChanges, refreshChanges } from './import-refresh.js';

export interface ImportOptions {
  /** salesforce | hubspot; detected from the headers when absent. */
  preset?: string;
  /** `field=Header`, repeatable: overrides the preset for one field (`field=` turns it off). */
  columns?: string[];
  /** month-first | day-first: how to read dates like 3/4/2027; detected from the file when absent. */
  dateOrder?: string;
  /** The org file to point at the export: its team matches owners, its change is shown. */
  org?: string;
  /** Apply the change to --org instead of showing it. */
  write?: boolean;
  /** Plan without the rows that have problems: writes `on_error: skip` and lists those rows. */
  skipInvalid?: boolean;
  /** The file is an HR roster (detected from its headers when absent). */
  team?: boolean;
  /** `field.Value=value`, repeatable: a CRM picklist value to csplan's (`segment.Commercial=mid-market`). */
  values?: string[];
  /** Roster: write `team: { file }` so the team stays in the roster, instead of the people. */
  keepFile?: boolean;
  /** `Job title=role`, repeatable: roster titles the title table does not know, or reads otherwise. */
  roles?: string[];
  /** Roster: a CRM export whose account owners outside CS stay on the team. */
  accounts?: string;
  format?: string;
  color?: boolean;
}

export const IMPORT_SCHEMA_VERSION = 1;
const SAMPLE_SIZE = 5;

type Team = TeamMemberInput[];

interface OrgContext {
  /** As given on the command line, for messages. */
  path: string;
  absolute: string;
  text: string;
  team: Team;
  policy: Policy;
  /** The org file's rule severities, so import reports what check would. */
  rules: Record<string, RuleSetting>;
  /** The accounts spec the org file has now: its mapping is reused for a new export. */
  current?: AccountsFileSpec;
  /** The export the org file reads now, when it is another file (last month's). */
  previous?: string;
}

export async function runImport(file: string, options: ImportOptions, io: CliIO): Promise<number> {
  const format = parseFormat(options.format, ['text', 'json'] as const, 'text');
  const dateOrder = parseDateOrder(options.dateOrder);
  if (options.write && !options.org) {
    throw new UsageError(
      '--write changes the org file given with --org ORG_FILE; add --org org.yaml',
    );
  }
  const csvPath = resolve(io.cwd, file);
  if (options.team || options.roles) {
    if (extname(file).toLowerCase() !== '.csv')
      throw new UsageError(
        `${file}: csplan imports a roster as a .csv file; save the HR export as CSV`,
      );
    return importRoster(
      file,
      readWithin(csvPath, file, MAX_ACCOUNTS_FILE_BYTES, 'accounts files'),
      { ...options, format, dateOrder },
      io,
    );
  }
  const preset = parsePreset(options.preset);
  const columns = parseColumns(options.columns);
  const kind =
    extname(file).toLowerCase() === '.json'
      ? 'json'
      : extname(file).toLowerCase() === '.csv'
        ? 'csv'
        : undefined;
  if (!kind)
    throw new UsageError(
      `${file}: csplan imports a .csv (or .json) file; save the CRM export as CSV`,
    );
  if (kind === 'json' && dateOrder)
    throw new UsageError('--date-order is for CSV files; dates in a JSON file are YYYY-MM-DD');
  const text = readWithin(csvPath, file, MAX_ACCOUNTS_FILE_BYTES, 'accounts files');
  if (kind === 'csv') {
    const { looksLikeRoster } = await import('../../config/roster/presets.js');
    const { rosterHeaders } = await import('./import-roster.js');
    if (looksLikeRoster(rosterHeaders(text)))
      return importRoster(file, text, { ...options, format, dateOrder }, io);
  }
  const org = options.org ? await readOrg(options.org, csvPath, io) : undefined;

  // Flags win; otherwise the org file's current mapping (this month's export is read like last
  // month's); otherwise detection.
  const base = org?.current;
  const chosenColumns = columns ?? base?.columns;
  const chosenValues = mergeValues(base?.values, parseValues(options.values));
  const chosenDateOrder = dateOrder ?? base?.date_order;
  let chosenPreset: PresetId | undefined = preset ?? (base?.preset as PresetId | undefined);
  let detected = false;
  const result = await readAccounts(text, kind, file, org?.team ?? [], (headers) => {
    if (chosenPreset === undefined && preset === undefined && !base) {
      chosenPreset = detectPreset(headers);
      detected = chosenPreset !== undefined;
    }
    return {
      preset: chosenPreset,
      columns: chosenColumns,
      dateOrder: chosenDateOrder,
      values: chosenValues,
    };
  });
  // With a team to match against, the rows are checked exactly as `csplan check` checks them:
  // each unknown owner and duplicate id is named, at its cell.
  const references = org ? referenceFindings(result, org, io.today) : [];
  const onError = options.skipInvalid ? 'skip' : base?.on_error;
  const found = [...result.diagnostics, ...references];
  // Told to plan without the rows that cannot be read: they are listed, as warnings.
  if (onError === 'skip') markSkipped(found);
  const diagnostics = sortByPlace(
    locateDiagnostics(onError === 'skip' ? skippedAsWarnings(found) : found, result.locate),
  );
  // Rows left out (on_error: skip) do not stop the org file from pointing at the export.
  const errors = diagnostics.filter((d) => d.severity === 'error' && !d.skipped).length;

  const spec: AccountsSpec = {
    file: org ? pathFromOrgFile(file, io.cwd, dirname(org.absolute)) : file,
    ...(chosenPreset ? { preset: chosenPreset } : {}),
    ...(chosenColumns && Object.keys(chosenColumns).length > 0 ? { columns: chosenColumns } : {}),
    ...(chosenValues ? { values: chosenValues } : {}),
    ...(onError ? { on_error: onError } : {}),
    // A detected order is written down too: a later export whose days are all 12 or less
    // could not tell it again. An order already chosen is kept, even for a file without such dates.
    ...(result.dates || chosenDateOrder
      ? { date_order: result.dates?.order ?? chosenDateOrder }
      : {}),
  };
  const change = org
    ? await planChange(org, spec, options.write === true && errors === 0)
    : undefined;
  const refresh =
    org?.previous && org.current ? await refreshChanges(org, org.current, result) : undefined;

  const policy = org?.policy ?? DEFAULT_POLICY;
  if (format === 'json') {
    io.stdout(
      `${JSON.stringify(importJson(file, result, spec, detected, diagnostics, policy, org !== undefined, change, refresh), null, 2)}\n`,
    );
  } else {
    const color = useColor(options.color, io);
    io.stdout(
      safeOutput(
        importText(file, result, spec, detected, policy, org, change, refresh, diagnostics.length, {
          color,
          width: outputWidth(io),
        }),
        { color },
      ),
    );
    if (diagnostics.length > 0) {
      io.stderr(
        renderDiagnostics(diagnostics, {
          color: useColor(options.color, io),
          file,
          width: outputWidth(io),
        }),
      );
    }
    if (options.write && errors > 0)
      io.stderr(`${org?.path} not changed: fix the problems above first.\n`);
  }
  return importExit(change, errors, io);
}

/** 2 when the org file could not be changed (said on stderr), else 1 with errors, else 0. */
export function importExit(change: Change | undefined, errors: number, io: CliIO): number {
  if (change && 'refused' in change) {
    io.stderr(`csplan: ${change.refused}\n`);
    return EXIT.usage;
  }
  return errors > 0 ? EXIT.problems : EXIT.ok;
}

/** `--values segment.Commercial=mid-market`: a CRM value (or number range) to csplan's value. */
function parseValues(values: readonly string[] | undefined): ValuesTable | undefined {
  if (!values || values.length === 0) return undefined;
  const out: ValuesTable = {};
  for (const value of values) {
    const dot = value.indexOf('.');
    const at = value.lastIndexOf('=');
    const field = value.slice(0, dot).trim();
    if (dot <= 0 || at < dot)
      throw new UsageError(
        `--values takes FIELD.Value=value, e.g. --values "segment.Commercial=mid-market" (got "${value}")`,
      );
    if (!(VALUE_FIELDS as readonly string[]).includes(field))
      throw new UsageError(
        `--values: "${field}" has no values table${suggestion(field, VALUE_FIELDS)}; fields: ${VALUE_FIELDS.join(', ')}`,
      );
    const target = value
      .slice(at + 1)
      .trim()
      .toLowerCase();
    const allowed = FIELD_VALUES[field as ValueField];
    if (!allowed.includes(target))
      throw new UsageError(
        `--values: ${field} is one of ${allowed.join(', ')} (got "${target}")${suggestion(target, allowed)}`,
      );
    const table = out[field as ValueField] ?? {};
    table[value.slice(dot + 1, at).trim()] = target;
    out[field as ValueField] = table;
  }
  return out;
}

/** The org file's values table with the flags' entries over it, field by field. */
function mergeValues(
  base: ValuesTable | undefined,
  flags: ValuesTable | undefined,
): ValuesTable | undefined {
  if (!base && !flags) return undefined;
  const out: ValuesTable = { ...base };
  for (const field of VALUE_FIELDS) {
    if (flags?.[field]) out[field] = { ...base?.[field], ...flags[field] };
  }
  return out;
}

async function importRoster(
  file: string,
  text: Buffer,
  options: ImportOptions & { format: 'text' | 'json'; dateOrder?: DateOrder },
  io: CliIO,
): Promise<number> {
  const { runRosterImport } = await import('./import-roster.js');
  return runRosterImport(file, text, options, io);
}

function parsePreset(value: string | undefined): PresetId | undefined {
  if (value === undefined) return undefined;
  if ((PRESET_IDS as readonly string[]).includes(value)) return value as PresetId;
  throw new UsageError(
    `--preset must be ${PRESET_IDS.join(' or ')} (got "${value}")${suggestion(value, PRESET_IDS)}`,
  );
}

function parseDateOrder(value: string | undefined): DateOrder | undefined {
  if (value === undefined) return undefined;
  if ((DATE_ORDERS as readonly string[]).includes(value)) return value as DateOrder;
  throw new UsageError(
    `--date-order must be month-first (3/31/2027) or day-first (31/3/2027) (got "${value}")${suggestion(value, DATE_ORDERS)}`,
  );
}

const DATE_ORDERS = ['month-first', 'day-first'] as const satisfies readonly DateOrder[];

export function parseColumns(
  values: readonly string[] | undefined,
): Record<string, string> | undefined {
  if (!values || values.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const value of values) {
    const at = value.indexOf('=');
    const field = value.slice(0, at).trim();
    if (at <= 0)
      throw new UsageError(
        `--columns takes FIELD=Header, e.g. --columns "arr=Current ARR" (got "${value}")`,
      );
    if (!(ACCOUNT_FIELDS as string[]).includes(field)) {
      throw new UsageError(
        `--columns: "${field}" is not an account field${suggestion(field, ACCOUNT_FIELDS)}; fields: ${ACCOUNT_FIELDS.join(', ')}`,
      );
    }
    out[field] = value.slice(at + 1).trim();
  }
  return out;
}

/** The file's bytes, refused (exit 2) past `limit` bytes actually read. */
export function readWithin(absolute: string, file: string, limit: number, what: string): Buffer {
  let read: ReturnType<typeof readBounded>;
  try {
    read = readBounded(absolute, limit);
  } catch (error) {
    throw new UsageError(readErrorMessage(file, error));
  }
  if ('bytes' in read) return read.bytes;
  throw new UsageError(
    `${file} is over ${limit / 1048576} MiB; ${what} are limited to ${limit / 1048576} MiB`,
  );
}

async function readOrg(path: string, csvPath: string, io: CliIO): Promise<OrgContext> {
  const text = readWithin(resolve(io.cwd, path), path, MAX_YAML_BYTES, 'org files').toString(
    'utf8',
  );
  const parsed = parseOrgYaml(text, path);
  const value = (parsed.value ?? {}) as Record<string, unknown>;
  const company = (value.company ?? {}) as Record<string, unknown>;
  const { teamOfValue } = await import('../../config/team-file.js');
  const team = await teamOfValue(value.team, {
    orgFile: path,
    baseDir: dirname(resolve(io.cwd, path)),
    asOf: typeof company.as_of === 'string' ? company.as_of : io.today,
  });
  const policy = orgFileSchema.shape.policy.safeParse(value.policy);
  const accounts = orgFileSchema.shape.accounts.safeParse(value.accounts);
  const rules = orgFileSchema.shape.rules.safeParse(value.rules);
  let current: AccountsFileSpec | undefined;
  let previous: string | undefined;
  if (accounts.success && accounts.data && !Array.isArray(accounts.data)) {
    current = accounts.data;
    const target = resolve(dirname(resolve(io.cwd, path)), accounts.data.file);
    if (target !== csvPath) previous = target;
  }
  if (!team) {
    io.stderr(
      `${path}: its team has problems (run \`csplan check ${path}\`); owners are shown as written\n`,
    );
  }
  return {
    path,
    absolute: resolve(io.cwd, path),
    text,
    team: team ?? [],
    policy: policy.success ? mergePolicy(policy.data).policy : DEFAULT_POLICY,
    rules: (rules.success && rules.data) || {},
    current,
    previous,
  };
}

/** Reads the file like the loader does, choosing the mapping once the headers are known. */
async function readAccounts(
  text: Buffer,
  kind: 'csv' | 'json',
  file: string,
  team: Team,
  mappingFor: (headers: string[]) => {
    preset?: PresetId;
    columns?: Record<string, string>;
    dateOrder?: DateOrder;
  },
): Promise<AccountsFileResult> {
  if (kind === 'json') {
    const { parseAccountsText } = await import('../../config/accounts-file.js');
    return parseAccountsText(text.toString('utf8'), { file }, { file, format: 'json', team });
  }
  const csv = readCsv(text, { file, team, mappingFor: (headers) => mappingFor(headers) });
  if ('diagnostic' in csv) {
    const { parseAccountsText } = await import('../../config/accounts-file.js');
    return parseAccountsText(text, { file }, { file, format: 'csv', team });
  }
  return { ...csv, file, format: 'csv' };
}

/** The reference rules of `csplan check` on the rows read, against the team of --org. */
function referenceFindings(
  result: AccountsFileResult,
  org: OrgContext,
  today: string,
): Diagnostic[] {
  const { org: checked } = normaliseOrg(
    {
      version: 1,
      company: { name: '', motion: 'sales-led', product_complexity: 'medium' },
      team: org.team,
      rules: org.rules,
    },
    result.accounts,
    { asOf: today, accountsPath: result.pathOf },
  );
  // Team problems belong to `csplan check` of the org file; here only the rows are at issue.
  return runReferenceRules(checked).filter((d) => d.path[0] === 'accounts-file');
}

export type Change =
  | { orgFile: string; changed: boolean; written: boolean; diff: string }
  | { orgFile: string; refused: string };

async function planChange(org: OrgContext, spec: AccountsSpec, write: boolean): Promise<Change> {
  return applyEdit(org, setAccountsSpec(org.text, spec), write);
}

/** An edit of the org file as a diff, written (atomic, only if the file is unchanged) when asked. */
export async function applyEdit(
  org: { path: string; absolute: string; text: string },
  edit: SpecEdit,
  write: boolean,
): Promise<Change> {
  if (!edit.ok) return { orgFile: org.path, refused: `${org.path}: ${edit.reason}` };
  const diff = edit.changed ? unifiedDiff(org.text, edit.text, org.path) : '';
  if (!write || !edit.changed)
    return { orgFile: org.path, changed: edit.changed, written: false, diff };
  try {
    await writeFileAtomic(org.absolute, edit.text, {
      replace: true,
      expected: org.text,
      name: org.path,
    });
  } catch (error) {
    if (!(error instanceof FileChangedError)) throw error;
    return { orgFile: org.path, refused: error.message };
  }
  return { orgFile: org.path, changed: true, written: true, diff };
}

/** A unified diff of one contiguous change (what setAccountsSpec makes), with 2 lines of context. */
export function unifiedDiff(before: string, after: string, name: string): string {
  const a = before.replace(/\r\n/g, '\n').split('\n');
  const b = after.replace(/\r\n/g, '\n').split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const from = Math.max(0, start - 2);
  const toA = Math.min(a.length, endA + 2);
  const toB = Math.min(b.length, endB + 2);
  const lines = [
    `--- ${name}`,
    `+++ ${name}`,
    `@@ -${from + 1},${toA - from} +${from + 1},${toB - from} @@`,
  ];
  for (let i = from; i < start; i++) lines.push(` ${a[i]}`);
  for (let i = start; i < endA; i++) lines.push(`-${a[i]}`);
  for (let i = start; i < endB; i++) lines.push(`+${b[i]}`);
  for (let i = endA; i < toA; i++) lines.push(` ${a[i]}`);
  return `${lines.join('\n')}\n`;
}

interface SampleRow {
  id: string;
  name: string | null;
  arr: number;
  owner: string | null;
  segment: string;
  health: string | null;
}

function sample(result: AccountsFileResult, policy: Policy): SampleRow[] {
  return result.accounts.slice(0, SAMPLE_SIZE).map((a) => ({
    id: a.id,
    name: a.name ?? null,
    arr: a.arr,
    owner: a.owner ?? null,
    segment: a.segment ?? segmentForArr(a.arr, policy),
    health: a.health ?? null,
  }));
}

function totalArr(result: AccountsFileResult): number {
  let total = 0;
  for (const account of result.accounts) total += account.arr;
  return total;
}

function importJson(
  file: string,
  result: AccountsFileResult,
  spec: AccountsSpec,
  detected: boolean,
  diagnostics: readonly Diagnostic[],
  policy: Policy,
  withTeam: boolean,
  change: Change | undefined,
  refresh: ExportChanges | undefined,
) {
  return {
    schemaVersion: IMPORT_SCHEMA_VERSION,
    file,
    format: result.format,
    preset: spec.preset ?? null,
    presetDetected: detected,
    mapping: (result.mapping?.columns ?? []).map((c) => ({
      field: c.field,
      header: c.header,
      column: c.index + 1,
      source: c.source,
    })),
    dateOrder: result.dates ? { order: result.dates.order, detected: result.dates.detected } : null,
    ignored: (result.mapping?.ignored ?? []).map((c) => ({
      header: c.header,
      column: c.index + 1,
      reason: c.reason ?? null,
    })),
    accounts: result.accounts.length,
    rows: result.stats.rows,
    blankRows: result.stats.blankRows,
    footerRows: result.stats.footerRows,
    totalArr: totalArr(result),
    currencies: result.stats.currencies,
    owners: withTeam ? result.stats.owners : null,
    sample: sample(result, policy),
    spec,
    change: change ?? null,
    changes: refresh ?? null,
    findings: diagnostics.map(findingJson),
  };
}

function importText(
  file: string,
  result: AccountsFileResult,
  spec: AccountsSpec,
  detected: boolean,
  policy: Policy,
  org: OrgContext | undefined,
  change: Change | undefined,
  refresh: ExportChanges | undefined,
  problems: number,
  view: { color: boolean; width: number },
): string {
  const out: string[] = [];
  // YAML to paste and the diff stay exactly as written, however long; the rest fits the width.
  const verbatim = new Set<number>();
  const code = (...lines: string[]) => {
    for (const line of lines) verbatim.add(out.push(line) - 1);
  };
  const crm =
    spec.preset === 'salesforce' ? 'Salesforce' : spec.preset === 'hubspot' ? 'HubSpot' : undefined;
  const how = crm
    ? `${crm} export (preset ${spec.preset}${detected ? ', detected from the headers' : ''})`
    : result.format === 'json'
      ? 'JSON accounts file'
      : 'headers named like the org file fields';
  out.push(`${file}: ${how}`);
  const extras = [
    result.stats.blankRows > 0 ? plural(result.stats.blankRows, 'blank line') : '',
    result.stats.footerRows > 0 ? `${plural(result.stats.footerRows, 'report footer line')}` : '',
  ].filter(Boolean);
  const invalid = result.stats.rows - result.accounts.length;
  out.push(
    `${plural(result.accounts.length, 'account')} read, ${formatMoney(totalArr(result))} ARR${invalid > 0 ? `; ${plural(invalid, 'row')} ${spec.on_error === 'skip' ? 'left out of the plan (on_error: skip)' : 'with problems'}` : ''}${extras.length > 0 ? `; skipped ${extras.join(' and ')}` : ''}`,
  );

  const mapping = result.mapping;
  if (mapping) {
    out.push('', 'Mapping (org field <- column)');
    const width = Math.max(...mapping.columns.map((c) => c.field.length), 4);
    for (const c of mapping.columns) {
      const from = c.source === 'columns' ? ' (columns)' : '';
      out.push(`  ${c.field.padEnd(width)} <- "${c.header}" (column ${c.index + 1})${from}`);
    }
    if (result.dates) {
      const { order, detected: found } = result.dates;
      const example = order === 'month-first' ? '3/4/2027 is March 4' : '3/4/2027 is 3 April';
      out.push(
        '',
        `Dates read ${order} (${example}): ${found ? 'detected from a day above 12 in the file' : 'date_order'}`,
      );
    }
    if (mapping.ignored.length > 0) {
      out.push('', 'Not read');
      for (const c of mapping.ignored) {
        out.push(`  "${c.header}" (column ${c.index + 1})${c.reason ? `: ${c.reason}` : ''}`);
      }
    }
  }

  const rows = sample(result, policy);
  if (rows.length > 0) {
    out.push('', `Sample (first ${rows.length} of ${formatCount(result.accounts.length)})`);
    const head = ['id', 'name', 'ARR', 'owner', 'segment by ARR', 'health'];
    const cells = rows.map((r) => [
      r.id,
      clip(r.name ?? ''),
      formatMoney(r.arr),
      clip(r.owner ?? ''),
      r.segment,
      r.health ?? '',
    ]);
    out.push(renderTable(head, cells, { ...view, right: [2] }));
  }

  if (org) {
    const o = result.stats.owners;
    const matched = o.byId + o.byEmail + o.byName;
    out.push(
      '',
      `Owners: ${formatCount(matched)} matched to ${org.path} team ids (${o.byId} by id, ${o.byEmail} by email, ${o.byName} by name); ${formatCount(o.unmatched)} not in team; ${formatCount(o.ambiguous)} ambiguous`,
    );
  } else if (result.mapping?.columns.some((c) => c.field === 'owner')) {
    out.push(
      '',
      'Owners are shown as written; add --org org.yaml to match them to its team by id, email or name.',
    );
  }

  if (refresh) out.push('', ...changesText(refresh));
  out.push('');
  if (!change) {
    // Without --org the path can only be relative to here: say so, since the org file reads it
    // relative to its own folder.
    out.push(
      "To plan with it, add to an org file in the current folder (accounts.file is read relative to the org file's folder; for an org file elsewhere, run again with --org):",
    );
    code('  accounts:', `    file: ${spec.file}`);
    if (spec.preset) code(`    preset: ${spec.preset}`);
    if (spec.columns) {
      code('    columns:');
      for (const [field, header] of Object.entries(spec.columns))
        code(`      ${field}: ${JSON.stringify(header)}`);
    }
    if (spec.values) {
      code('    values:');
      for (const [field, table] of Object.entries(spec.values))
        code(`      ${field}: ${JSON.stringify(table).replace(/"([^"]+)":/g, '"$1": ')}`);
    }
    if (spec.date_order) out.push(`    date_order: ${spec.date_order}`);
    out.push('(or run again with --org org.yaml to see the change, and --write to make it)');
  } else if ('refused' in change) {
    out.push(`${change.orgFile} not changed.`);
  } else if (!change.changed) {
    out.push(`${change.orgFile} already reads ${spec.file} this way: nothing to change.`);
  } else {
    code(...change.diff.trimEnd().split('\n'));
    out.push(
      change.written
        ? `Wrote ${change.orgFile}.`
        : `Dry run: run again with --write to change ${change.orgFile}.`,
    );
  }
  if (problems === 0) out.push(countLine([]));
  const fitted = out.flatMap((text, i) =>
    verbatim.has(i) ? [text] : text.split('\n').flatMap((line) => fitLine(line, view.width)),
  );
  return `${fitted.join('\n')}\n`;
}

/** Sample cells stay short: a long account name must not push the table off the screen. */
function clip(text: string): string {
  return text.length > 32 ? `${text.slice(0, 31)}…` : text;
}
