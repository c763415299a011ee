/**
 * Pointing an org file at an accounts file: sets `accounts: { file, preset, columns, date_order }` through the
 * yaml Document (comments, order and quoting of everything else kept), keeping a byte-order mark
 * and CRLF line ends. Pure: old text in, new text out. A second run with the same spec returns
 * the text unchanged.
 */
import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { MAX_YAML_DEPTH, parseYamlDocument } from '../yaml-parse.js';
import type { DateOrder } from './cells.js';

export interface AccountsSpec {
  file: string;
  preset?: string;
  columns?: Record<string, string>;
  date_order?: DateOrder;
}

export type SpecEdit = { ok: true; text: string; changed: boolean } | { ok: false; reason: string };

export function setAccountsSpec(original: string, spec: AccountsSpec): SpecEdit {
  const bom = original.charCodeAt(0) === 0xfeff;
  const source = bom ? original.slice(1) : original;
  const crlf = /\r\n/.test(source);
  const doc = parseYamlDocument(crlf ? source.replace(/\r\n/g, '\n') : source).document;
  if (!doc) {
    return { ok: false, reason: `the org file is nested more than ${MAX_YAML_DEPTH} levels deep` };
  }
  if (doc.errors.length > 0) {
    return { ok: false, reason: 'the org file has YAML errors; run `csplan check` on it first' };
  }
  const root = doc.contents;
  if (!isMap(root)) return { ok: false, reason: 'the org file is not a mapping of keys' };
  const map = root as YAMLMap;
  const value: Record<string, unknown> = { file: spec.file };
  if (spec.preset) value.preset = spec.preset;
  if (spec.columns && Object.keys(spec.columns).length > 0) value.columns = spec.columns;
  if (spec.date_order) value.date_order = spec.date_order;

  const index = map.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === 'accounts');
  const current = index === -1 ? undefined : map.items[index];
  if (current && isSeq(current.value) && current.value.items.length > 0) {
    const count = current.value.items.length;
    return {
      ok: false,
      reason: `the org file lists ${count} account${count === 1 ? '' : 's'} under accounts:; move them to the CSV (or delete the list) and run again, so no account is dropped without you seeing it`,
    };
  }
  if (current && isMap(current.value) && sameSpec(current.value.toJSON(), value)) {
    return { ok: true, text: original, changed: false };
  }
  const node = doc.createNode(value);
  if (current) {
    current.value = node;
  } else {
    const company = map.items.findIndex(
      (pair) => isScalar(pair.key) && pair.key.value === 'company',
    );
    const pair = doc.createPair('accounts', node);
    if (company === -1) map.items.push(pair);
    else map.items.splice(company + 1, 0, pair);
  }
  let text = doc.toString({ lineWidth: 0 });
  if (crlf) text = text.replace(/\n/g, '\r\n');
  if (bom) text = `\ufeff${text}`;
  return { ok: true, text, changed: text !== original };
}

function sameSpec(current: unknown, next: Record<string, unknown>): boolean {
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
