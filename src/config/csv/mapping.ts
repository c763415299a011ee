/**
 * Which CSV column feeds which account field: explicit `columns` first, then the field's own
 * name, then the preset's headers. Pure: headers in, mapping and problems out.
 */
import { didYouMean } from '../../core/did-you-mean.js';
import { ACCOUNT_FIELDS, type AccountField, REQUIRED_FIELDS } from './cells.js';
import {
  candidateHeaders,
  normaliseHeader,
  PRESET_IDS,
  PRESETS,
  type PresetId,
  revenueLike,
  unusedReason,
} from './presets.js';

export interface MappedColumn {
  field: AccountField;
  header: string;
  /** 0-based index of the column in each row. */
  index: number;
  source: 'columns' | 'field-name' | 'preset';
}

export interface IgnoredColumn {
  header: string;
  index: number;
  /** Why csplan does not read it, when it knows ("the customer's own revenue, not ARR"). */
  reason?: string;
}

export interface DuplicateHeader {
  header: string;
  index: number;
  /** The earlier column with the same header, which is the one read. */
  firstIndex: number;
  field: AccountField;
}

/** A mapping problem; the caller turns it into a located diagnostic. */
export type MappingProblem =
  | { kind: 'unknown-field'; field: string; suggestion?: string }
  | { kind: 'column-not-found'; field: AccountField; header: string; suggestion?: string }
  | { kind: 'required-missing'; field: AccountField; hint: string };

export interface ColumnMapping {
  preset?: PresetId;
  columns: MappedColumn[];
  ignored: IgnoredColumn[];
  duplicates: DuplicateHeader[];
  problems: MappingProblem[];
}

export interface MappingSpec {
  preset?: PresetId;
  columns?: Record<string, string>;
}

export function mapColumns(headers: readonly string[], spec: MappingSpec): ColumnMapping {
  const byKey = new Map<string, number>();
  headers.forEach((header, index) => {
    const key = normaliseHeader(header);
    if (key !== '' && !byKey.has(key)) byKey.set(key, index);
  });
  const columns: MappedColumn[] = [];
  const problems: MappingProblem[] = [];
  const decided = new Set<AccountField>();
  const used = new Set<number>();
  const fields = new Set<string>(ACCOUNT_FIELDS);

  for (const [field, header] of Object.entries(spec.columns ?? {})) {
    if (!fields.has(field)) {
      problems.push({
        kind: 'unknown-field',
        field,
        suggestion: didYouMean(field, ACCOUNT_FIELDS),
      });
      continue;
    }
    const accountField = field as AccountField;
    decided.add(accountField);
    // An empty header turns a preset's mapping off: `columns: { segment: "" }`.
    if (header.trim() === '') continue;
    const exact = headers.indexOf(header);
    const index = exact >= 0 ? exact : byKey.get(normaliseHeader(header));
    if (index === undefined) {
      problems.push({
        kind: 'column-not-found',
        field: accountField,
        header,
        suggestion: didYouMean(
          header,
          headers.filter((h) => h.trim() !== ''),
        ),
      });
      continue;
    }
    columns.push({
      field: accountField,
      header: headers[index] ?? header,
      index,
      source: 'columns',
    });
    used.add(index);
  }

  for (const field of ACCOUNT_FIELDS) {
    if (decided.has(field)) continue;
    const candidates = candidateHeaders(field, spec.preset);
    for (const [position, candidate] of candidates.entries()) {
      const index = byKey.get(normaliseHeader(candidate));
      if (index === undefined || used.has(index)) continue;
      columns.push({
        field,
        header: headers[index] ?? candidate,
        index,
        source: position === 0 ? 'field-name' : 'preset',
      });
      used.add(index);
      break;
    }
  }

  for (const field of REQUIRED_FIELDS) {
    if (decided.has(field) || columns.some((c) => c.field === field)) continue;
    problems.push({
      kind: 'required-missing',
      field,
      hint: missingHint(field, headers, spec.preset),
    });
  }

  columns.sort((a, b) => ACCOUNT_FIELDS.indexOf(a.field) - ACCOUNT_FIELDS.indexOf(b.field));
  const ignored: IgnoredColumn[] = [];
  const duplicates: DuplicateHeader[] = [];
  headers.forEach((header, index) => {
    if (used.has(index)) return;
    const first = byKey.get(normaliseHeader(header));
    const mappedFirst = first === undefined ? undefined : columns.find((c) => c.index === first);
    // A repeated header is the same text twice ("Owner", "owner"), not two headers the fuzzy
    // match folds together ("Customer #" and "Customer").
    const sameText =
      first !== undefined && headers[first]?.trim().toLowerCase() === header.trim().toLowerCase();
    if (first !== undefined && first !== index && mappedFirst && sameText) {
      duplicates.push({ header, index, firstIndex: first, field: mappedFirst.field });
      ignored.push({ header, index, reason: `repeats the header of column ${first + 1}` });
      return;
    }
    const reason = header.trim() === '' ? 'no header' : unusedReason(header);
    ignored.push(reason === undefined ? { header, index } : { header, index, reason });
  });
  return { preset: spec.preset, columns, ignored, duplicates, problems };
}

function missingHint(
  field: AccountField,
  headers: readonly string[],
  preset: PresetId | undefined,
): string {
  if (field === 'arr') return missingArrHint(headers);
  const named = candidateHeaders(field, preset).map((h) => `"${h}"`);
  const looksLike = preset === undefined ? detectPreset(headers) : undefined;
  const presetHint = looksLike
    ? `; the headers look like a ${looksLike} export: add \`preset: ${looksLike}\``
    : '';
  return `no column for ${field}: expected a header named ${named.join(' or ')}${presetHint}, or map one with \`columns: { ${field}: "Your header" }\``;
}

/** The "no ARR column" message: what csplan looked for, the revenue-like headers it saw, the fix. */
function missingArrHint(headers: readonly string[]): string {
  const seen = headers.map(revenueLike).filter((r) => r !== undefined);
  const suggested = seen.find((r) => r.suggest)?.header ?? 'Your ARR header';
  const list =
    seen.length === 0
      ? 'no header in the file looks like revenue'
      : `headers that look like revenue: ${seen.map((r) => `"${r.header}"`).join(', ')}`;
  return `no ARR column: csplan reads ARR only from a header named "ARR" or "ARR__c" ("Annual Revenue" is the customer's own revenue, not what they pay you); ${list}. Map the column that holds the recurring revenue you bill: add \`columns: { arr: "${suggested}" }\` under accounts: in the org file`;
}

/**
 * The preset whose headers match best (at least id or name plus one more field), for
 * `csplan import` without `--preset` and for hints; undefined when the org field names fit as well.
 */
export function detectPreset(headers: readonly string[]): PresetId | undefined {
  const keys = new Set(headers.map(normaliseHeader));
  const score = (aliases: readonly string[] | undefined) =>
    aliases?.some((h) => keys.has(normaliseHeader(h))) ? 1 : 0;
  const own = ACCOUNT_FIELDS.filter((f) => keys.has(normaliseHeader(f))).length;
  let best: PresetId | undefined;
  let bestScore = own;
  for (const preset of PRESET_IDS) {
    let total = 0;
    for (const field of ACCOUNT_FIELDS) {
      total += Math.max(score(PRESETS[preset][field]), keys.has(normaliseHeader(field)) ? 1 : 0);
    }
    if (total > bestScore && total >= 2) {
      best = preset;
      bestScore = total;
    }
  }
  return best;
}
