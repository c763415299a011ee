/**
 * Large org files, parsed a slice at a time. The yaml package's document model holds about 80
 * times the file's size in memory (a 12 MB, 100k-account file peaks above 1 GB), so for big files
 * the `accounts:` list is cut into slices of whole items, each parsed and converted on its own and
 * then dropped. Line numbers stay exact: every slice remembers where it starts, and the rest of the
 * file is parsed with the accounts section blanked out line for line.
 *
 * Only plain layouts are sliced: a block `accounts:` list at the top level, no anchors or aliases
 * anywhere, one document. Anything else returns undefined and the caller parses the whole file.
 */
import { type Document, LineCounter } from 'yaml';
import type { Diagnostic, Path } from '../core/model.js';
import { type Locator, offsetOf } from './locate.js';
import { documentDiagnostics, parseYamlDocument, tooDeepDiagnostics } from './yaml-parse.js';

/** Files smaller than this are parsed whole: slicing only pays off for large account lists. */
export const SLICE_FROM_BYTES = 256 * 1024;
/** Small slices die young: their parse trees are collected before they reach the old generation. */
const ITEMS_PER_SLICE = 50;
const MAX_ALIASES = 100;

interface Slice {
  /** Index of the slice's first account in the whole list. */
  firstItem: number;
  itemCount: number;
  /** 0-based lines of the file the slice covers, [firstLine, endLine). */
  firstLine: number;
  endLine: number;
}

export interface SlicedYaml {
  value?: Record<string, unknown>;
  diagnostics: Diagnostic[];
  locate: Locator;
}

const TOP_LEVEL_KEY = /^([A-Za-z_$][\w$-]*)[ \t]*:(?:[ \t]+(#.*)?)?$/;
const TOP_LEVEL_ANY_KEY = /^[A-Za-z_$"'][^:#]*:/;
const ANCHOR_OR_ALIAS = /(^|[\s[{,])[&*][^\s,\]}]/m;

export function parseSlicedYaml(text: string, file: string): SlicedYaml | undefined {
  if (ANCHOR_OR_ALIAS.test(text)) return undefined;
  const lines = text.split('\n');
  // Find the top-level `accounts:` line and where its section ends (the next top-level key).
  let start = -1;
  let end = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('---') || line.startsWith('...') || line.startsWith('%')) return undefined;
    if (start === -1) {
      const match = TOP_LEVEL_KEY.exec(line.replace(/\r$/, ''));
      if (match?.[1] === 'accounts') start = i;
    } else if (TOP_LEVEL_ANY_KEY.test(line)) {
      end = i;
      break;
    }
  }
  if (start === -1) return undefined;

  const slices = sliceItems(lines, start + 1, end);
  if (!slices) return undefined;

  // The rest of the file, with the accounts section blanked so line numbers stay put.
  const head = [...lines];
  head[start] = 'accounts: []';
  for (let i = start + 1; i < end; i++) head[i] = '';
  const headCounter = new LineCounter();
  const headText = head.join('\n');
  const headParse = parseYamlDocument(headText, headCounter);
  if (!headParse.document) {
    const found = tooDeepDiagnostics(file, headText, headParse.tooDeep, headCounter);
    return { diagnostics: found, locate: () => ({ file }) };
  }
  const headDoc = headParse.document;
  const diagnostics = documentDiagnostics(headDoc, headText, headCounter, file);
  const accounts: unknown[] = [];
  for (const slice of slices) {
    const counter = new LineCounter();
    // Joined one slice at a time, so no second copy of the whole list is ever held.
    const text = sliceText(lines, slice);
    const parsed = parseYamlDocument(text, counter);
    if (!parsed.document) {
      diagnostics.push(...tooDeepDiagnostics(file, text, parsed.tooDeep, counter, slice.firstLine));
      continue;
    }
    const doc = parsed.document;
    const found = documentDiagnostics(doc, text, counter, file, slice.firstLine);
    diagnostics.push(...found);
    if (found.some((d) => d.severity === 'error')) continue;
    const items = doc.toJS({ maxAliasCount: MAX_ALIASES }) as unknown;
    if (!Array.isArray(items) || items.length !== slice.itemCount) return undefined;
    for (const item of items) accounts.push(item);
  }

  const locate = slicedLocator(file, headDoc, headCounter, slices, lines);
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics, locate };
  const value = headDoc.toJS({ maxAliasCount: MAX_ALIASES }) as unknown;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  (value as Record<string, unknown>).accounts = accounts;
  return { value: value as Record<string, unknown>, diagnostics, locate };
}

/** Cuts the lines of a block sequence into slices of whole items, or undefined if it isn't one. */
function sliceItems(lines: string[], from: number, to: number): Slice[] | undefined {
  let indent: string | undefined;
  const itemStarts: number[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i] ?? '';
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed === '\r' || trimmed.startsWith('#')) continue;
    const lead = line.slice(0, line.length - trimmed.length);
    if (lead.includes('\t')) return undefined;
    if (indent === undefined) {
      if (!trimmed.startsWith('- ') && trimmed !== '-' && trimmed !== '-\r') return undefined;
      indent = lead;
    }
    if (lead === indent && (trimmed.startsWith('- ') || trimmed === '-' || trimmed === '-\r')) {
      itemStarts.push(i);
    } else if (lead.length <= indent.length) {
      return undefined; // something other than list items at the list's own indentation
    }
  }
  if (itemStarts.length === 0) return undefined;
  const slices: Slice[] = [];
  for (let k = 0; k < itemStarts.length; k += ITEMS_PER_SLICE) {
    const first = itemStarts[k] ?? from;
    const next = itemStarts[k + ITEMS_PER_SLICE];
    const last = next === undefined ? to : next;
    slices.push({
      firstItem: k,
      itemCount: Math.min(ITEMS_PER_SLICE, itemStarts.length - k),
      firstLine: first,
      endLine: last,
    });
  }
  return slices;
}

function sliceText(lines: readonly string[], slice: Slice): string {
  return lines.slice(slice.firstLine, slice.endLine).join('\n');
}

/** Locates paths in the head document, or in the account slice a path points into. */
function slicedLocator(
  file: string,
  headDoc: Document,
  headCounter: LineCounter,
  slices: Slice[],
  lines: readonly string[],
): Locator {
  let cached: { slice: Slice; doc: Document; counter: LineCounter } | undefined;
  return (path: Path, options = {}) => {
    const index = path[1];
    if (path[0] === 'accounts' && typeof index === 'number') {
      const slice = slices.find((s) => index >= s.firstItem && index < s.firstItem + s.itemCount);
      if (slice) {
        if (cached?.slice !== slice) {
          const counter = new LineCounter();
          // Parsed before without problems, so the depth guard cannot refuse it now.
          const doc = parseYamlDocument(sliceText(lines, slice), counter).document;
          if (doc) cached = { slice, doc, counter };
        }
        const offset =
          cached &&
          offsetOf(
            cached.doc.contents,
            [index - slice.firstItem, ...path.slice(2)],
            options.key === true,
          );
        if (cached && offset !== undefined) {
          const { line, col } = cached.counter.linePos(offset);
          return { file, line: line + slice.firstLine, column: col };
        }
      }
    }
    const offset = offsetOf(headDoc.contents, path, options.key === true);
    if (offset === undefined) return { file };
    const { line, col } = headCounter.linePos(offset);
    return { file, line, column: col };
  };
}
