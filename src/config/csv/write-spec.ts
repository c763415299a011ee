/**
 * Pointing an org file at an accounts file: sets `accounts: { file, preset, columns, date_order }`
 * by splicing one byte range of the text, found through the yaml node ranges. csplan owns the
 * `accounts:` block; every byte outside it (comments, alignment, indentation, folded scalars, flow
 * maps, BOM, each line's own ending) stays as it was. Pure: old text in, new text out. A second
 * run with the same spec returns the text unchanged.
 */
import { isMap, isScalar, isSeq, type Pair, parse, type YAMLMap } from 'yaml';
import { MAX_YAML_DEPTH, parseYamlDocument } from '../yaml-parse.js';
import type { DateOrder } from './cells.js';
import type { ValuesTable } from './values.js';

export interface AccountsSpec {
  file: string;
  preset?: string;
  columns?: Record<string, string>;
  values?: ValuesTable;
  on_error?: 'fail' | 'skip';
  date_order?: DateOrder;
}

export type SpecEdit = { ok: true; text: string; changed: boolean } | { ok: false; reason: string };

type Range = [number, number, number];

export function setAccountsSpec(original: string, spec: AccountsSpec): SpecEdit {
  const onlyFile = replaceFileOnly(original, 'accounts', specValue(spec));
  if (onlyFile) return onlyFile;
  return setTopLevelBlock(original, 'accounts', specValue(spec), (current) => {
    if (!isSeq(current) || current.items.length === 0) return undefined;
    const count = current.items.length;
    return `the org file lists ${count} account${count === 1 ? '' : 's'} under accounts:; move them to the CSV (or delete the list) and run again, so no account is dropped without you seeing it`;
  });
}

/**
 * The monthly refresh: when everything but `file` is as the org file has it, only the file
 * name's bytes change, so the mapping keeps its order, style and comments.
 */
function replaceFileOnly(
  original: string,
  name: 'accounts' | 'team',
  next: Record<string, BlockValue>,
): SpecEdit | undefined {
  const bom = original.charCodeAt(0) === 0xfeff ? 1 : 0;
  const doc = parseYamlDocument(original.slice(bom)).document;
  if (!doc || doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const accounts = (doc.contents.items as Pair[]).find(
    (pair) => isScalar(pair.key) && pair.key.value === name,
  );
  if (!accounts || !isMap(accounts.value)) return undefined;
  const current = accounts.value.toJSON() as Record<string, unknown>;
  if (!sameValue({ ...current, file: next.file }, next)) return undefined;
  const file = (accounts.value.items as Pair[]).find(
    (pair) => isScalar(pair.key) && pair.key.value === 'file',
  );
  const range = (file?.value as { range?: Range } | null)?.range;
  if (!file || !isScalar(file.value) || !range) return undefined;
  if (current.file === next.file) return { ok: true, text: original, changed: false };
  const [start, end] = [range[0] + bom, range[1] + bom];
  const text = `${original.slice(0, start)}${scalar(String(next.file))}${original.slice(end)}`;
  return { ok: true, text, changed: true };
}

/**
 * Pointing an org file at an HR roster: `team: { file, preset, columns, roles, date_order,
 * members }`, by the same splice; a refresh that changes only the file name changes only its bytes,
 * so comments among the members stay.
 */
export function setTeamFile(original: string, spec: Record<string, BlockValue>): SpecEdit {
  return replaceFileOnly(original, 'team', spec) ?? setTopLevelBlock(original, 'team', spec);
}

/** A block value: scalars, maps of block values, lists of maps. */
export type BlockValue = string | number | boolean | BlockValue[] | { [key: string]: BlockValue };

/**
 * Sets one top-level key of the org file to `value` by splicing the bytes of that key's block
 * (or adding it after `accounts:` or `company:`); `refuse` may decline the current value.
 */
export function setTopLevelBlock(
  original: string,
  name: string,
  value: Record<string, BlockValue> | BlockValue[],
  refuse: (current: unknown) => string | undefined = () => undefined,
): SpecEdit {
  const bom = original.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const source = original.slice(bom.length);
  // Byte ranges are taken on the text as it is (CRLF kept), so the splice touches nothing else.
  const doc = parseYamlDocument(source).document;
  if (!doc) {
    return { ok: false, reason: `the org file is nested more than ${MAX_YAML_DEPTH} levels deep` };
  }
  if (doc.errors.length > 0) {
    return { ok: false, reason: 'the org file has YAML errors; run `csplan check` on it first' };
  }
  const root = doc.contents;
  if (!isMap(root)) return { ok: false, reason: 'the org file is not a mapping of keys' };
  if (root.flow) {
    return {
      ok: false,
      reason: `the org file is one flow mapping ({ ... }); add the ${name}: block by hand`,
    };
  }
  const pairs = root.items as Pair[];
  const current = pairs.find((pair) => isScalar(pair.key) && pair.key.value === name);
  const refusal = current ? refuse(current.value) : undefined;
  if (refusal) return { ok: false, reason: refusal };
  if (
    current &&
    (isMap(current.value) || isSeq(current.value)) &&
    sameValue(current.value.toJSON(), value)
  ) {
    return { ok: true, text: original, changed: false };
  }

  const indent = indentOf(source, pairs, current);
  const keyRange = (current?.key as { range?: Range } | undefined)?.range;
  let start: number;
  let end: number;
  let insert: string;
  // An empty list (`team: []`) is rewritten like a scalar: as a block under its key.
  const collection =
    current && (isMap(current.value) || (isSeq(current.value) && current.value.items.length > 0));
  if (current && keyRange) {
    const node = current.value as { range?: Range } | null;
    const range = node?.range ?? keyRange;
    if (collection && (current.value as YAMLMap).flow) {
      // A flow collection stays flow: only its brackets and what is between them change.
      [start, end] = [range[0], range[1]];
      insert = flowValue(value);
    } else if (collection) {
      // A block: its lines are replaced; the key's line and its comment stay.
      start = lineStart(source, range[0]);
      end = lineEnd(source, range[1]);
      const eol = eolAt(source, start);
      insert = blockLines(value, column(source, keyRange[0]) + indent, indent, eol);
      if (!source.slice(start, end).endsWith('\n')) insert = insert.slice(0, -eol.length);
    } else {
      // Empty, null or another scalar: the key's lines are rewritten.
      start = lineStart(source, keyRange[0]);
      end = lineEnd(source, Math.max(keyRange[1], range[1]));
      const eol = eolAt(source, start);
      const key = source.slice(keyRange[0], keyRange[1]);
      insert = `${source.slice(start, keyRange[0])}${key}:${eol}${blockLines(value, column(source, keyRange[0]) + indent, indent, eol)}`;
      if (!source.slice(start, end).endsWith('\n')) insert = insert.slice(0, -eol.length);
    }
  } else {
    // A new block, after `accounts:` or `company:` (or at the end), at the top-level column.
    const before =
      pairs.find(
        (pair) => isScalar(pair.key) && pair.key.value === 'accounts' && name !== 'accounts',
      ) ?? pairs.find((pair) => isScalar(pair.key) && pair.key.value === 'company');
    const after = (before?.value as { range?: Range } | null)?.range?.[1];
    start = end = after === undefined ? source.length : lineEnd(source, after);
    const first = (pairs[0]?.key as { range?: Range } | undefined)?.range?.[0] ?? 0;
    const keyColumn = column(source, first);
    const eol = eolAt(source, Math.max(0, start - 1));
    const lead = start > 0 && source[start - 1] !== '\n' ? eol : '';
    insert = `${lead}${' '.repeat(keyColumn)}${name}:${eol}${blockLines(value, keyColumn + indent, indent, eol)}`;
  }
  const text = `${bom}${source.slice(0, start)}${insert}${source.slice(end)}`;
  return { ok: true, text, changed: text !== original };
}

function specValue(spec: AccountsSpec): Record<string, BlockValue> {
  const value: Record<string, BlockValue> = { file: spec.file };
  if (spec.preset) value.preset = spec.preset;
  if (spec.columns && Object.keys(spec.columns).length > 0) value.columns = spec.columns;
  if (spec.values && Object.keys(spec.values).length > 0)
    value.values = spec.values as Record<string, BlockValue>;
  if (spec.on_error) value.on_error = spec.on_error;
  if (spec.date_order) value.date_order = spec.date_order;
  return value;
}

/**
 * Lines `key: value` at `at` spaces, nested maps `step` further in, list items as `- key: value`
 * with their other keys under the first; each line ended by `eol`.
 */
export function blockLines(value: BlockValue, at: number, step: number, eol: string): string {
  const pad = ' '.repeat(at);
  if (Array.isArray(value)) {
    let out = '';
    for (const item of value) {
      if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
        // "- " then the map, its keys two further in than the dash.
        out += `${pad}- ${blockLines(item, at + 2, step, eol).slice(at + 2)}`;
      } else out += `${pad}- ${scalar(String(item))}${eol}`;
    }
    return out;
  }
  if (typeof value !== 'object') return `${pad}${scalar(String(value))}${eol}`;
  let out = '';
  for (const [key, item] of Object.entries(value)) {
    if (item !== null && typeof item === 'object') {
      out += `${pad}${scalar(key)}:${eol}`;
      out += blockLines(item, at + step, step, eol);
    } else {
      out += `${pad}${scalar(key)}: ${typeof item === 'string' ? scalar(item) : String(item)}${eol}`;
    }
  }
  return out;
}

export function flowValue(value: BlockValue): string {
  if (Array.isArray(value)) return `[ ${value.map(flowValue).join(', ')} ]`;
  if (typeof value !== 'object') return typeof value === 'string' ? scalar(value) : String(value);
  const items = Object.entries(value).map(([key, item]) => `${scalar(key)}: ${flowValue(item)}`);
  return `{ ${items.join(', ')} }`;
}

/** Plain when YAML reads it back as the same string in block and flow context, else quoted. */
export function scalar(text: string): string {
  if (/^[\p{L}\p{N}_./][\p{L}\p{N}_./ @()'-]*$/u.test(text) && !text.endsWith(' ')) {
    try {
      if (parse(text) === text) return text;
    } catch {
      // Not plain YAML: quoted below.
    }
  }
  return JSON.stringify(text);
}

/** How far nested maps are indented: the accounts block's own step, else the file's first. */
function indentOf(source: string, pairs: Pair[], current: Pair | undefined): number {
  const candidates = current ? [current, ...pairs] : pairs;
  for (const pair of candidates) {
    const key = (pair.key as { range?: Range } | null)?.range;
    const value = pair.value as YAMLMap | null;
    if (!key || !isMap(value) || value.flow || !value.range) continue;
    const step = column(source, value.range[0]) - column(source, key[0]);
    if (step > 0) return step;
  }
  return 2;
}

export function lineStart(source: string, at: number): number {
  return source.lastIndexOf('\n', at - 1) + 1;
}

/** The offset just after the line ending of the line `at` is on (or `at` if it starts a line). */
export function lineEnd(source: string, at: number): number {
  if (at > 0 && source[at - 1] === '\n') return at;
  const next = source.indexOf('\n', at);
  return next === -1 ? source.length : next + 1;
}

export function column(source: string, at: number): number {
  return at - lineStart(source, at);
}

/** The line ending of the line at `at`, else the file's first, else LF. */
function eolAt(source: string, at: number): string {
  const next = source.indexOf('\n', at);
  const found = next === -1 ? source.indexOf('\n') : next;
  return found > 0 && source[found - 1] === '\r' ? '\r\n' : '\n';
}

export function sameValue(current: unknown, next: unknown): boolean {
  return JSON.stringify(sorted(current)) === JSON.stringify(sorted(next));
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sorted(v)]),
    );
  }
  return value;
}
