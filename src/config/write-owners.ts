/**
 * New owners written into an org file at token level: only the `owner:` scalar of each moved
 * account changes (or an `owner:` is added where the account had none); comments, key order,
 * quoting, flow mappings, CRLF line ends and a byte-order mark stay byte for byte. Pure: old text
 * in, new text out.
 */
import { isMap, isScalar, isSeq, parseDocument, Scalar, type YAMLMap } from 'yaml';

export interface OwnerChange {
  account: string;
  to: string;
}

export type OwnerEdit = { ok: true; text: string; changed: number } | { ok: false; reason: string };

interface Splice {
  start: number;
  end: number;
  text: string;
}

export function setOwners(original: string, changes: readonly OwnerChange[]): OwnerEdit {
  const bom = original.charCodeAt(0) === 0xfeff ? 1 : 0;
  const source = original.slice(bom);
  const doc = parseDocument(source, { keepSourceTokens: false });
  if (doc.errors.length > 0) {
    return { ok: false, reason: 'the org file has YAML errors; run `csplan check` on it first' };
  }
  const root = doc.contents;
  if (!isMap(root)) return { ok: false, reason: 'the org file is not a mapping of keys' };
  const accounts = (root as YAMLMap).get('accounts', true);
  if (!isSeq(accounts)) {
    return {
      ok: false,
      reason:
        'the accounts are not listed in the org file; for accounts read from a CRM export use --moves-csv FILE',
    };
  }
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const wanted = new Map(changes.map((c) => [c.account, c.to]));
  const splices: Splice[] = [];
  for (const item of accounts.items) {
    if (!isMap(item)) continue;
    const idNode = item.get('id', true);
    if (!isScalar(idNode) || idNode.value === null || idNode.value === undefined) continue;
    const id = String(idNode.value);
    const to = wanted.get(id);
    if (to === undefined) continue;
    wanted.delete(id);
    const ownerNode = item.get('owner', true);
    if (isScalar(ownerNode) && ownerNode.range) {
      const [start, end] = ownerNode.range;
      splices.push({ start, end, text: scalarText(to, ownerNode.type) });
      continue;
    }
    if (ownerNode !== undefined) {
      return { ok: false, reason: `account "${id}" has an owner that is not a plain value` };
    }
    const idRange = idNode.range;
    if (!idRange) return { ok: false, reason: `account "${id}" could not be located` };
    const value = scalarText(to, undefined);
    if (item.flow) {
      splices.push({ start: idRange[1], end: idRange[1], text: `, owner: ${value}` });
      continue;
    }
    // Block mapping: a new line after the id's line, indented like the id key.
    const keyNode = item.items.find((p) => isScalar(p.key) && p.key.value === 'id')?.key;
    const keyStart = isScalar(keyNode) && keyNode.range ? keyNode.range[0] : idRange[0];
    const lineStart = source.lastIndexOf('\n', keyStart - 1) + 1;
    const indent = ' '.repeat(keyStart - lineStart);
    const newline = source.indexOf('\n', idRange[1]);
    if (newline === -1) {
      splices.push({
        start: source.length,
        end: source.length,
        text: `${eol}${indent}owner: ${value}`,
      });
    } else {
      splices.push({
        start: newline + 1,
        end: newline + 1,
        text: `${indent}owner: ${value}${eol}`,
      });
    }
  }
  if (wanted.size > 0) {
    const missing = [...wanted.keys()].slice(0, 3).map((id) => `"${id}"`);
    return { ok: false, reason: `account ${missing.join(', ')} is not listed in the org file` };
  }
  splices.sort((a, b) => b.start - a.start);
  let text = source;
  for (const s of splices) text = text.slice(0, s.start) + s.text + text.slice(s.end);
  return { ok: true, text: original.slice(0, bom) + text, changed: splices.length };
}

const PLAIN = /^[A-Za-z0-9_][A-Za-z0-9_.@/-]*$/;
const RESERVED = /^(?:true|false|yes|no|on|off|null|~|y|n)$/i;

/** The owner id in the quoting style the file used there; plain only when it reads back as text. */
function scalarText(value: string, type: Scalar['type'] | undefined): string {
  if (type === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  if (type === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
  const plain = PLAIN.test(value) && !RESERVED.test(value) && !/^[-+.]?\d/.test(value);
  return plain ? value : JSON.stringify(value);
}
