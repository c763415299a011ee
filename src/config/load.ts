/**
 * Loading an org file in stages that return diagnostics instead of throwing:
 * read -> parse YAML -> validate against the schema -> read the accounts file, if any -> normalise.
 */

import { dirname, resolve } from 'node:path';
import { type Document, LineCounter } from 'yaml';
import * as z from 'zod';
import { suggestion } from '../core/did-you-mean.js';
import { MAX_PROJECTED_GROWTH } from '../core/limits.js';
import type { Account, Diagnostic, Org, Path } from '../core/model.js';
import { formatCount } from '../core/money.js';
import { RULE_IDS } from '../core/rules/registry.js';
import { growthOverLimit } from '../core/timeline/growth-limit.js';
import { MAX_MONTHS } from '../core/timeline/simulate.js';
import { AccountList, optionalRef } from './account-list.js';
import type { InputCode } from './codes.js';
import { controlCharacterIndex, decodeUtf8, placeOf } from './encoding.js';
import { schemaDiagnostics } from './issues.js';
import { LineIndex } from './line-index.js';
import { type Locator, yamlLocator } from './locate.js';
import { isFromAccountsFile, normaliseOrg, toAccount } from './normalise.js';
import { OwnerResolver, resolveManagers, resolveOwners } from './owners.js';
import { type BoundedRead, readBounded } from './read-bounded.js';
import {
  type AccountInput,
  accountGroupSchema,
  accountSchema,
  accountsFileSchema,
  companySchema,
  type OrgFile,
  orgFileSchema,
  type PlannedOrgFile,
  ruleSettingSchema,
  type TeamMemberInput,
  teamFileSchema,
  teamMemberSchema,
} from './schema.js';
import {
  documentDiagnostics,
  isAliasLimitError,
  MAX_YAML_ALIASES,
  parseYamlDocument,
  tooDeepDiagnostics,
  unreadableMessage,
} from './yaml-parse.js';
import { aliasPastLimit, parseSlicedYaml, SLICE_FROM_BYTES } from './yaml-slices.js';
import { type RegularTeam, readRegularTeam } from './yaml-team.js';

/** Larger YAML files take tens of seconds to parse; such account lists belong in a CSV. */
export const MAX_YAML_BYTES = 32 * 1024 * 1024;

/** The file could not be read at all: a usage problem (exit 2), not a problem in the file. */
export class FileReadError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

export interface LoadOptions {
  /** Today's date (YYYY-MM-DD), used when neither --as-of nor company.as_of is given. */
  today: string;
  /** --as-of: overrides company.as_of. */
  asOf?: string;
  /** Folder relative paths are read from (the process's, by default); messages keep the path as given. */
  cwd?: string;
  /** --allow-outside-accounts-file (see AccountsFileContext.allowOutside). */
  allowOutsideAccountsFile?: boolean;
  /** --skip-invalid: plan without the accounts-file rows that have problems, as `on_error: skip`. */
  skipInvalid?: boolean;
  /** Keep the SHA-256 of the accounts CSV read (`accountsFile.digest`), to rewrite it safely. */
  digestAccountsFile?: boolean;
}

export interface LoadResult {
  /** Set when the file could be planned: no parse or schema errors. */
  org?: Org;
  /**
   * Set when the file has errors: the records that could be read (of an invalid record, its ids
   * and references), so the same run can still report duplicate ids and unknown owners and
   * managers. For reference checks only: it is not a plannable org.
   */
  partial?: Org;
  diagnostics: Diagnostic[];
  locate: Locator;
  /** The parsed document, for commands that rewrite the file. */
  document?: Document;
  /**
   * The text the org was read from: a command that rewrites the file edits this text and
   * compares the file against it (compare-and-swap), never a second read.
   */
  text?: string;
  /** Where the accounts came from, when they were read from a CRM export. */
  accountsFile?: {
    file: string;
    format: 'csv' | 'json';
    /** CSV: the export's own header for each field. */
    headers: Partial<Record<string, string>>;
    /** How owners matched the team: by id, email or name. */
    owners: { byId: number; byEmail: number; byName: number };
    /** CSV: team id -> the owner cell as the export writes that person ("Sofia Garcia"). */
    ownerSpellings?: ReadonlyMap<string, string>;
    /** CSV: the 0-based column of each field the mapping read. */
    columns: Partial<Record<string, number>>;
    /** CSV, with `digestAccountsFile`: the SHA-256 of the bytes planned from. */
    digest?: string;
  };
}

export async function loadOrgFile(path: string, options: LoadOptions): Promise<LoadResult> {
  const decoded = readOrgText(resolve(options.cwd ?? '.', path), path);
  if ('problem' in decoded) {
    const { rule, message, line, column } = decoded.problem;
    return {
      diagnostics: [{ rule, severity: 'error', path: [], message, file: path, line, column }],
      locate: () => ({ file: path }),
    };
  }
  return { ...(await loadOrgText(decoded.text, path, options)), text: decoded.text };
}

/**
 * The org file as text, read to at most MAX_YAML_BYTES (and a byte): a device or a pipe reports no
 * size, so the bytes read are what is bounded. Invalid UTF-8 and U+0000 show in that text as
 * U+FFFD and U+0000: then `decodeUtf8` says what is wrong and where.
 */
function readOrgText(
  absolute: string,
  path: string,
):
  | { text: string }
  | { problem: { rule: InputCode; message: string; line?: number; column?: number } } {
  let read: BoundedRead;
  try {
    read = readBounded(absolute, MAX_YAML_BYTES);
  } catch (error) {
    throw new FileReadError(path, readErrorMessage(path, error));
  }
  if ('tooLarge' in read)
    return { problem: { rule: 'file-too-large', message: tooLarge(read.tooLarge) } };
  const text = read.bytes.toString('utf8');
  if (!text.includes('\uFFFD') && !text.includes('\u0000')) return { text };
  return decodeUtf8(read.bytes);
}

function tooLarge(bytes: number): string {
  return `the file is ${bytes > MAX_YAML_BYTES + 1 ? `${(bytes / 1048576).toFixed(1)} MiB` : `over ${MAX_YAML_BYTES / 1048576} MiB`}; org files are limited to ${MAX_YAML_BYTES / 1048576} MiB. Move large account lists to a CSV: accounts: { file: accounts.csv }`;
}

export function readErrorMessage(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${path}: no such file`;
  if (code === 'EISDIR') return `${path}: is a folder, not a file`;
  if (code === 'EACCES') return `${path}: permission denied`;
  return `${path}: cannot be read (${code ?? 'unknown error'})`;
}

export async function loadOrgText(
  text: string,
  file: string,
  options: LoadOptions,
): Promise<LoadResult> {
  // Listed accounts are validated and normalised one at a time: a large file hands them over
  // slice by slice while it is parsed; a whole parse leaves them in the value, taken out below.
  let list = new AccountList();
  const parsed = parseOrgYaml(text, file, (item, index) => list.add(item, index));
  // A slicing that gave up part way leaves the whole parse to list every account again.
  if (!parsed.accountsHandedOver) list = new AccountList();
  if (!parsed.value)
    return { diagnostics: parsed.diagnostics, locate: parsed.locate, document: parsed.document };
  const { locate, document } = parsed;
  const raw = parsed.value as Record<string, unknown>;
  if (Array.isArray(raw.accounts)) {
    const items: unknown[] = raw.accounts;
    raw.accounts = [];
    for (let index = 0; index < items.length; index++) {
      list.add(items[index], index);
      items[index] = undefined;
    }
  }

  const validated = orgFileSchema.safeParse(raw, { reportInput: true });
  let orgFile: OrgFile;
  // Warnings of the parse itself (numeric ids...) come first, as the file reads.
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  if (validated.success) {
    orgFile = validated.data;
    diagnostics.push(...list.problems, ...unknownRuleDiagnostics(orgFile.rules));
  } else {
    // Rule names are checked on the raw file too, so a typo there is not hidden behind the
    // schema errors until those are fixed.
    diagnostics.push(
      ...withListProblems(schemaDiagnostics(validated.error.issues, raw), list.problems),
      ...unknownRuleDiagnostics(raw.rules),
    );
    // Every record that reads well enough is still checked for duplicate ids and broken
    // references, so one run reports every problem of the file.
    orgFile = readableParts(raw, teamWithIssues(validated.error.issues));
  }
  parsed.value = undefined;

  // A team read from an HR roster becomes a list here: everything after reads `team` as a list.
  let teamLocate: Locator | undefined;
  let teamPath: ((index: number) => Path) | undefined;
  let team: TeamMemberInput[] = [];
  if (Array.isArray(orgFile.team)) {
    team = orgFile.team;
  } else if (orgFile.team) {
    const { readTeamFile } = await import('./team-file.js');
    const result = await readTeamFile(orgFile.team, {
      orgFile: file,
      baseDir: dirname(resolve(options.cwd ?? '.', file)),
      asOf: options.asOf ?? orgFile.company.as_of ?? options.today,
      allowOutside: options.allowOutsideAccountsFile === true,
    });
    diagnostics.push(...result.diagnostics);
    team = result.team;
    teamLocate = result.locate;
    teamPath = result.pathOf;
  }
  const planned: PlannedOrgFile = { ...orgFile, team };

  let accounts: AccountInput[] = [];
  // Accounts normalised as they were read, listed (above) or from a CSV: one form of each.
  const read: Account[] = list.accounts;
  let accountsLocate: Locator | undefined;
  let accountPath: ((index: number) => Path) | undefined;
  let accountsFile: LoadResult['accountsFile'];
  if (Array.isArray(orgFile.accounts)) {
    accounts = orgFile.accounts;
  } else if (orgFile.accounts) {
    const { readAccountsFile } = await import('./accounts-file.js');
    const listed = read.length;
    const result = await readAccountsFile(orgFile.accounts, {
      orgFile: file,
      baseDir: dirname(resolve(options.cwd ?? '.', file)),
      team,
      allowOutside: options.allowOutsideAccountsFile === true,
      digest: options.digestAccountsFile === true,
      onAccount: (account, row, given) =>
        read.push(toAccount(account, 'accounts-file', row, given)),
      onRestart: () => {
        read.length = listed;
      },
    });
    diagnostics.push(...result.diagnostics);
    accounts = result.accounts;
    accountsLocate = result.locate;
    accountPath = result.pathOf;
    accountsFile = {
      file: result.file,
      format: result.format,
      headers: Object.fromEntries((result.mapping?.columns ?? []).map((c) => [c.field, c.header])),
      owners: result.stats.owners,
      ...(result.stats.ownerSpellings ? { ownerSpellings: result.stats.ownerSpellings } : {}),
      columns: Object.fromEntries((result.mapping?.columns ?? []).map((c) => [c.field, c.index])),
      ...(result.digest === undefined ? {} : { digest: result.digest }),
    };
  }

  // Managers, like owners, may be written as a name, email or alias: resolved to ids first.
  const resolver = new OwnerResolver(team);
  diagnostics.push(...resolveManagers(team, resolver, teamPath ?? ((i) => ['team', i])));
  const asOf = options.asOf ?? orgFile.company.as_of ?? options.today;
  // Accounts from a file are csplan's own copy: normalising may drop them as it goes.
  const normalised = normaliseOrg(planned, accounts, {
    asOf,
    accountsPath: accountPath,
    teamPath,
    release: accountsLocate !== undefined,
    normalised: read,
  });
  diagnostics.push(...normalised.diagnostics);
  // Accounts of the org file itself name owners like a CRM export does: id, email or name.
  const inline = normalised.org.accounts.filter((a) => !isFromAccountsFile(a));
  diagnostics.push(...resolveOwners(inline, resolver));
  const combined: Locator = (path, opts) => {
    if (accountsLocate && isAccountsFilePath(path)) return accountsLocate(path, opts);
    if (teamLocate && path[0] === 'team-file') return teamLocate(path, opts);
    return locate(path, opts);
  };
  const skip =
    options.skipInvalid === true ||
    (!Array.isArray(orgFile.accounts) && orgFile.accounts?.on_error === 'skip');
  if (skip) markSkipped(diagnostics);
  const isError = (d: Diagnostic) => d.severity === 'error' && d.skipped !== true;
  if (validated.success && !diagnostics.some(isError))
    diagnostics.push(...growthLimit(normalised.org));
  if (validated.success && !diagnostics.some(isError))
    return { org: normalised.org, diagnostics, locate: combined, document, accountsFile };
  return { diagnostics, locate: combined, document, partial: normalised.org };
}

/** Growth that would add more customers than the plan holds, at the growth that asks for it. */
function growthLimit(org: Org): Diagnostic[] {
  return growthOverLimit(org).map(({ path, added }) => ({
    rule: 'growth-too-large',
    severity: 'error',
    path,
    message: `this growth adds ${added > 10 * MAX_PROJECTED_GROWTH ? `more than ${formatCount(10 * MAX_PROJECTED_GROWTH)}` : formatCount(Math.round(added))} customers within ${MAX_MONTHS} months and the look-ahead of hiring; csplan plans growth of up to ${formatCount(MAX_PROJECTED_GROWTH)} added customers: check the rates and counts`,
  }));
}

/** Problems of one accounts-file row: the row is not read, so with skip it is simply left out. */
const ROW_PROBLEMS: ReadonlySet<string> = new Set<InputCode>([
  'csv-missing-value',
  'csv-bad-money',
  'csv-bad-number',
  'csv-bad-boolean',
  'csv-bad-date',
  'csv-bad-value',
  'csv-ragged-row',
  'csv-ambiguous-owner',
  'json-ambiguous-owner',
]);

export function markSkipped(diagnostics: Diagnostic[]): void {
  for (const [i, d] of diagnostics.entries()) {
    if (d.severity !== 'error' || !ROW_PROBLEMS.has(d.rule) || d.path[0] !== 'accounts-file')
      continue;
    diagnostics[i] = { ...d, skipped: true, message: `${d.message} (row left out of the plan)` };
  }
}

/**
 * Rows left out of the plan shown as warnings: the command was told to plan without them
 * (`--skip-invalid`), so they are reported, not failed on.
 */
export function skippedAsWarnings(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => (d.skipped ? { ...d, severity: 'warning' } : d));
}

/**
 * The parts of a file with schema errors that can still be checked for references: each valid
 * section and record as it is, and of an invalid record the fields references read (ids, owner,
 * reports_to, name, email), with neutral values elsewhere. Nothing here is planned.
 */
function readableParts(
  value: unknown,
  /** People the schema already found a problem in: only their references are read. */
  invalidTeam: ReadonlySet<number>,
): OrgFile {
  const raw = (value ?? {}) as Record<string, unknown>;
  const list = (key: string): unknown[] => (Array.isArray(raw[key]) ? (raw[key] as unknown[]) : []);
  const company = companySchema.safeParse(raw.company);
  const accountsSpec = accountsFileSchema.safeParse(raw.accounts);
  const teamSpec = teamFileSchema.safeParse(raw.team);
  const rules = z.record(z.string(), z.unknown()).safeParse(raw.rules);
  return {
    version: 1,
    company: company.success
      ? company.data
      : { name: '', motion: 'sales-led', product_complexity: 'medium' },
    team: teamSpec.success
      ? teamSpec.data
      : list('team').flatMap((item, index) => {
          const member = invalidTeam.has(index) ? undefined : teamMemberSchema.safeParse(item);
          if (member?.success) return [member.data];
          const refs = teamReferences.safeParse(item);
          return refs.success ? [{ ...refs.data, role: 'csm' as const, fte: 1 }] : [];
        }),
    // A listed account's readable parts are kept as it is read (see AccountList).
    accounts: accountsSpec.success ? accountsSpec.data : [],
    account_groups: list('account_groups').map((item) => {
      const group = accountGroupSchema.safeParse(item);
      if (group.success) return group.data;
      const refs = groupReferences.safeParse(item);
      return { name: '', count: 1, arr_each: 0, ...(refs.success ? refs.data : {}) };
    }),
    rules: Object.fromEntries(
      Object.entries(rules.success ? rules.data : {}).flatMap(([rule, setting]) => {
        const parsed = ruleSettingSchema.safeParse(setting);
        return parsed.success ? [[rule, parsed.data]] : [];
      }),
    ),
  };
}

/**
 * The indexes of the people in `team` the schema reported a problem in: validating them again
 * one by one would only fail again (20,000 misspelt roles took 0.1 s more).
 */
function teamWithIssues(issues: readonly { path: readonly PropertyKey[] }[]): Set<number> {
  const indexes = new Set<number>();
  for (const { path } of issues) {
    if (path[0] === 'team' && typeof path[1] === 'number') indexes.add(path[1]);
  }
  return indexes;
}

const SCHEMA_KEYS = Object.keys(orgFileSchema.shape);
const BEFORE_ACCOUNTS = new Set(SCHEMA_KEYS.slice(0, SCHEMA_KEYS.indexOf('accounts')));

/** The account list's problems where validating the whole file puts them: in the schema's key order. */
function withListProblems(others: Diagnostic[], list: Diagnostic[]): Diagnostic[] {
  const at = others.findIndex((d) => !BEFORE_ACCOUNTS.has(String(d.path[0])));
  return at === -1 ? [...others, ...list] : [...others.slice(0, at), ...list, ...others.slice(at)];
}

/** The fields reference checks read, each dropped (not failing the record) when it is invalid. */
const teamReferences = z.object({
  id: teamMemberSchema.shape.id,
  reports_to: optionalRef(teamMemberSchema.shape.reports_to),
  name: optionalRef(z.string()),
  email: optionalRef(z.string()),
});
const groupReferences = z.object({
  name: optionalRef(z.string()),
  owner: optionalRef(accountSchema.shape.owner),
});

/** Paths that point into an external accounts file rather than the org file. */
function isAccountsFilePath(path: Path): boolean {
  return path[0] === 'accounts-file';
}

function unknownRuleDiagnostics(rules: unknown): Diagnostic[] {
  if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) return [];
  return Object.keys(rules)
    .filter((rule) => !RULE_IDS.has(rule))
    .map((rule) => ({
      rule: 'unknown-rule',
      severity: 'error' as const,
      path: ['rules', rule],
      message: `unknown rule "${rule}"${suggestion(rule, RULE_IDS)}; \`csplan rules\` lists them`,
    }));
}

interface ParsedYaml {
  value?: unknown;
  /** The accounts went to `onAccount` as they were parsed; the value lists none. */
  accountsHandedOver?: boolean;
  diagnostics: Diagnostic[];
  locate: Locator;
  document?: Document;
}

/** YAML text to plain data, refusing what would hang or crash the parser. */
export function parseOrgYaml(
  text: string,
  file: string,
  /** Takes the items of a large file's `accounts:` list as they are parsed (see yaml-slices.ts). */
  onAccount?: (item: unknown, index: number) => void,
): ParsedYaml {
  const fail = (rule: InputCode, message: string, line?: number, column?: number) =>
    failed(file, rule, message, line, column);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_YAML_BYTES) return fail('file-too-large', tooLarge(bytes));
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === '')
    return fail('empty-file', 'the file is empty; run `csplan init` to start one');
  const control = rawControlIndex(source);
  if (control !== -1) {
    const { line, column } = placeOf(source, control);
    const code = source.charCodeAt(control).toString(16).toUpperCase().padStart(4, '0');
    return fail(
      'control-character',
      `the file contains a control character (U+${code}); remove it (a YAML file is plain text)`,
      line,
      column,
    );
  }

  // A team in a regular shape is read by the fast reader; yaml parses the rest.
  const lines = new LineIndex(source);
  const team = readRegularTeam(source, lines);
  if (!team) return parseCheckedYaml(source, file, bytes, onAccount, lines);
  const parsed = parseCheckedYaml(source, file, bytes, onAccount, lines, team);
  if (parsed.value) (parsed.value as Record<string, unknown>).team = team.items;
  return { ...parsed, locate: team.locator(parsed.locate, file) };
}

function failed(
  file: string,
  rule: InputCode,
  message: string,
  line?: number,
  column?: number,
): ParsedYaml {
  return {
    diagnostics: [{ rule, severity: 'error', path: [], message, file, line, column }],
    locate: () => ({ file }),
  };
}

/**
 * YAML text that is not too large, empty or raw control characters, to plain data. With `team`
 * (read by the fast reader), the text is parsed as if its team's lines were empty.
 */
function parseCheckedYaml(
  text: string,
  file: string,
  bytes: number,
  onAccount: ((item: unknown, index: number) => void) | undefined,
  lines: LineIndex,
  team?: RegularTeam,
): ParsedYaml {
  const noLocation: Locator = () => ({ file });
  const fail = (rule: InputCode, message: string, line?: number, column?: number) =>
    failed(file, rule, message, line, column);
  if (bytes >= SLICE_FROM_BYTES) {
    const sliced = parseSlicedYaml(text, file, onAccount, { lines, blank: team?.listLines });
    if (sliced) {
      return {
        value: sliced.value,
        diagnostics: sliced.diagnostics,
        locate: sliced.locate,
        accountsHandedOver: sliced.handedOver,
      };
    }
  }
  const source = team ? team.blanked : text;

  const lineCounter = new LineCounter();
  const parsed = parseYamlDocument(source, lineCounter);
  if (!parsed.document) {
    return {
      diagnostics: tooDeepDiagnostics(file, source, parsed.tooDeep, lineCounter),
      locate: noLocation,
    };
  }
  const document = parsed.document;
  const locate = yamlLocator(file, document, lineCounter);
  const found = documentDiagnostics(document, source, lineCounter, file);
  if (found.some((d) => d.severity === 'error')) return { diagnostics: found, locate, document };

  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    // Said at the alias that took its anchor past the limit: that is the line to change.
    const over = isAliasLimitError(error) ? aliasPastLimit(document) : undefined;
    const place = over === undefined ? undefined : lineCounter.linePos(over);
    return {
      ...fail('yaml-syntax', unreadableMessage(error), place?.line, place?.col),
      locate,
      document,
    };
  }
  if (value === null || value === undefined)
    return fail('empty-file', 'the file has no content; run `csplan init` to start one');
  if (typeof value !== 'object' || Array.isArray(value)) {
    const what = Array.isArray(value) ? 'a list' : `a single ${typeof value}`;
    return {
      ...fail(
        'not-a-mapping',
        `the file is ${what}; an org file is a mapping with keys version, company, accounts, team`,
        1,
        1,
      ),
      locate,
      document,
    };
  }
  return { value, diagnostics: found, locate, document };
}

/** Control characters written raw in the file; tab, line feed and carriage return are text. */
function rawControlIndex(text: string): number {
  return controlCharacterIndex(text, true);
}
