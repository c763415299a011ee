/**
 * Loading an org file in stages that return diagnostics instead of throwing:
 * read -> parse YAML -> validate against the schema -> read the accounts file, if any -> normalise.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { type Document, LineCounter, parseDocument } from 'yaml';
import { suggestion } from '../core/did-you-mean.js';
import type { Diagnostic, Org, Path } from '../core/model.js';
import { RULE_IDS } from '../core/rules/registry.js';
import { schemaDiagnostics } from './issues.js';
import { type Locator, yamlLocator } from './locate.js';
import { normaliseOrg } from './normalise.js';
import { type AccountInput, orgFileSchema } from './schema.js';
import { parseSlicedYaml, SLICE_FROM_BYTES, yamlErrorDiagnostic } from './yaml-slices.js';

/** Larger YAML files take tens of seconds to parse; such account lists belong in a CSV. */
export const MAX_YAML_BYTES = 32 * 1024 * 1024;
const MAX_ALIASES = 100;

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
}

export interface LoadResult {
  /** Set when the file could be planned: no parse or schema errors. */
  org?: Org;
  /**
   * When the only errors are in accounts-file rows: the org without those rows, so the same run
   * can still report duplicate ids and unknown owners among the rows that were read.
   */
  partial?: Org;
  diagnostics: Diagnostic[];
  locate: Locator;
  /** The parsed document, for commands that rewrite the file. */
  document?: Document;
}

export async function loadOrgFile(path: string, options: LoadOptions): Promise<LoadResult> {
  let text: string;
  try {
    text = await readFile(resolve(options.cwd ?? '.', path), 'utf8');
  } catch (error) {
    throw new FileReadError(path, readErrorMessage(path, error));
  }
  return loadOrgText(text, path, options);
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
  const parsed = parseOrgYaml(text, file);
  if (!parsed.value)
    return { diagnostics: parsed.diagnostics, locate: parsed.locate, document: parsed.document };
  const { locate, document } = parsed;

  const validated = orgFileSchema.safeParse(parsed.value, { reportInput: true });
  if (!validated.success) {
    // Rule names are checked on the raw file too, so a typo there is not hidden behind the
    // schema errors until those are fixed.
    const rules = (parsed.value as { rules?: unknown }).rules;
    return {
      diagnostics: [
        ...schemaDiagnostics(validated.error.issues, parsed.value),
        ...unknownRuleDiagnostics(rules),
      ],
      locate,
      document,
    };
  }
  const orgFile = validated.data;
  // The raw parse is a full copy of every account: let it go before normalising makes another.
  parsed.value = undefined;
  const diagnostics: Diagnostic[] = unknownRuleDiagnostics(orgFile.rules);

  let accounts: AccountInput[] = [];
  let accountsLocate: Locator | undefined;
  let accountPath: ((index: number) => Path) | undefined;
  if (Array.isArray(orgFile.accounts)) {
    accounts = orgFile.accounts;
  } else if (orgFile.accounts) {
    const { readAccountsFile } = await import('./accounts-file.js');
    const result = await readAccountsFile(orgFile.accounts, {
      orgFile: file,
      baseDir: dirname(resolve(options.cwd ?? '.', file)),
      team: orgFile.team ?? [],
    });
    diagnostics.push(...result.diagnostics);
    accounts = result.accounts;
    accountsLocate = result.locate;
    accountPath = result.pathOf;
  }

  const asOf = options.asOf ?? orgFile.company.as_of ?? options.today;
  // Accounts from a file are csplan's own copy: normalising may drop them as it goes.
  const normalised = normaliseOrg(orgFile, accounts, {
    asOf,
    accountsPath: accountPath,
    release: accountsLocate !== undefined,
  });
  diagnostics.push(...normalised.diagnostics);
  const combined: Locator = accountsLocate
    ? (path, opts) => (isAccountsFilePath(path) ? accountsLocate(path, opts) : locate(path, opts))
    : locate;
  const isError = (d: Diagnostic) => d.severity === 'error';
  if (!diagnostics.some(isError))
    return { org: normalised.org, diagnostics, locate: combined, document };
  const onlyRows = diagnostics.every((d) => !isError(d) || isAccountsFilePath(d.path));
  return {
    diagnostics,
    locate: combined,
    document,
    ...(onlyRows ? { partial: normalised.org } : {}),
  };
}

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
  diagnostics: Diagnostic[];
  locate: Locator;
  document?: Document;
}

/** YAML text to plain data, refusing what would hang or crash the parser. */
export function parseOrgYaml(text: string, file: string): ParsedYaml {
  const noLocation: Locator = () => ({ file });
  const fail = (rule: string, message: string, line?: number, column?: number): ParsedYaml => ({
    diagnostics: [{ rule, severity: 'error', path: [], message, file, line, column }],
    locate: noLocation,
  });
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_YAML_BYTES) {
    return fail(
      'file-too-large',
      `the file is ${(bytes / 1048576).toFixed(1)} MiB; org files are limited to ${MAX_YAML_BYTES / 1048576} MiB. Move large account lists to a CSV: accounts: { file: accounts.csv }`,
    );
  }
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === '')
    return fail('empty-file', 'the file is empty; run `csplan init` to start one');

  if (bytes >= SLICE_FROM_BYTES) {
    const sliced = parseSlicedYaml(source, file);
    if (sliced)
      return { value: sliced.value, diagnostics: sliced.diagnostics, locate: sliced.locate };
  }

  const lineCounter = new LineCounter();
  let document: Document;
  try {
    document = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    return fail('yaml-syntax', `the YAML could not be parsed: ${resourceMessage(error)}`);
  }
  const locate = yamlLocator(file, document, lineCounter);
  const syntax = document.errors.map((error) =>
    yamlErrorDiagnostic(file, error.code, error.message, lineCounter.linePos(error.pos[0])),
  );
  if (syntax.length > 0) return { diagnostics: syntax, locate, document };

  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    return {
      ...fail('yaml-syntax', `the YAML could not be read: ${resourceMessage(error)}`),
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
  return { value, diagnostics: [], locate, document };
}

function resourceMessage(error: unknown): string {
  if (error instanceof RangeError)
    return 'it is nested too deeply, or a [ or { is never closed; check brackets near the end of the last edit';
  if (error instanceof ReferenceError && /alias/i.test(error.message))
    return `it uses more than ${MAX_ALIASES} aliases (refused: alias expansion can exhaust memory)`;
  return error instanceof Error ? (error.message.split('\n')[0] ?? 'unknown error') : String(error);
}
