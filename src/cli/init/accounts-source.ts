/**
 * Looking at a CRM export before pointing the org file at it: does it exist, which CRM does its
 * header look like, which of its columns hold the fields csplan needs, and whether its dates need
 * an order. Reading the rows is the loader's job (`src/config/accounts-file.ts`), used here as is.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { mapColumns } from '../../config/csv/mapping.js';
import type { DateOrderAnswer, Preset } from './answers.js';

export const ACCOUNT_FILE_EXTENSIONS = ['.csv', '.json'] as const;

/** Why a path cannot be used as an accounts file, or undefined when it can. */
export async function accountsFileProblem(path: string, cwd: string): Promise<string | undefined> {
  const trimmed = path.trim();
  if (trimmed === '') return 'type the path of the CSV file, e.g. accounts.csv';
  const extension = extname(trimmed).toLowerCase();
  if (!(ACCOUNT_FILE_EXTENSIONS as readonly string[]).includes(extension))
    return 'csplan reads accounts from a .csv (or .json) file; export them from your CRM as CSV';
  try {
    const info = await stat(resolve(cwd, trimmed));
    if (info.isDirectory()) return `${trimmed} is a folder, not a file`;
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return `no file at ${resolve(cwd, trimmed)}`;
    if (code === 'EACCES') return `${trimmed}: permission denied`;
    return `${trimmed} cannot be read (${code ?? 'unknown error'})`;
  }
}

/** The accounts file as the org file should name it: relative to the org file's folder, with /. */
export function pathFromOrgFile(accountsPath: string, cwd: string, orgDir: string): string {
  const absolute = resolve(cwd, accountsPath.trim());
  const relativePath = relative(orgDir, absolute);
  if (relativePath === '' || isAbsolute(relativePath)) return absolute.split(sep).join('/');
  return relativePath.split(sep).join('/');
}

const HEADER_BYTES = 64 * 1024;

/** The column headers of a CSV (first record), or [] for JSON files and empty files. */
export async function readCsvHeader(path: string): Promise<string[]> {
  if (extname(path).toLowerCase() !== '.csv') return [];
  const handle = await open(path, 'r');
  let text: string;
  try {
    const buffer = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEADER_BYTES, 0);
    text = buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
  const { parse } = await import('csv-parse/sync');
  try {
    const records = parse(text, {
      bom: true,
      to: 1,
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
    }) as string[][];
    return (records[0] ?? []).map((header) => header.trim()).filter((header) => header !== '');
  } catch {
    return [];
  }
}

/** Which CRM an export comes from: the loader's own detection, so the two never disagree. */
export { detectPreset } from '../../config/csv/mapping.js';

/** Account fields the wizard may map to a column, and whether a file needs them. */
export const MAPPED_FIELDS = [
  { field: 'id', required: true, what: "each account's unique id" },
  { field: 'arr', required: true, what: "each account's ARR (annual recurring revenue)" },
  { field: 'owner', required: false, what: 'who owns each account' },
] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number]['field'];

/** Whether the loader will find a field without a mapping: asks the loader's own column mapper. */
export function fieldFound(
  field: MappedField,
  headers: readonly string[],
  preset: Preset | undefined,
): boolean {
  return mapColumns(headers, { preset }).columns.some((column) => column.field === field);
}

/** The header most likely to hold a field, to offer as the default choice. */
export function guessColumn(field: MappedField, headers: readonly string[]): string | undefined {
  const patterns: Record<MappedField, RegExp> = {
    id: /(^|\s|_)(id|identifier|number|no\.?|#)$/i,
    arr: /(\barr\b|annual recurring|subscription value)/i,
    owner: /(owner|csm|manager)/i,
  };
  return headers.find((header) => patterns[field].test(header) && !/annual revenue/i.test(header));
}

/**
 * How the export writes dates like 3/4/2027: `detected` when a date in it tells (a day above 12),
 * `unknown` when no date tells and the loader would stop with csv-date-order (the wizard asks
 * then), undefined when the file has no such dates or is not a CSV.
 */
export async function exportDateOrder(
  path: string,
  spec: { preset?: Preset; columns?: Record<string, string> },
): Promise<{ detected: DateOrderAnswer } | 'unknown' | undefined> {
  if (extname(path).toLowerCase() !== '.csv') return undefined;
  const { parseAccountsText } = await import('../../config/accounts-file.js');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  const result = await parseAccountsText(
    text,
    { file: path, ...spec },
    { file: path, format: 'csv', team: [] },
  );
  if (result.diagnostics.some((d) => d.rule === 'csv-date-order')) return 'unknown';
  return result.dates?.detected ? { detected: result.dates.order } : undefined;
}
