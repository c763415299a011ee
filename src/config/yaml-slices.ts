/**
 * Large org files, parsed a slice at a time. The yaml package's document model holds about 80
 * times the file's size in memory (a 12 MB, 100k-account file peaks above 1 GB), so for big files
 * the `accounts:` list is cut into slices of whole items, each parsed and converted on its own and
 * then dropped (handed to the caller item by item, when it asks). Line numbers stay exact: every
 * slice remembers where it starts, and the rest of the file (the head) is parsed with the accounts
 * section left out and its lines counted on. A head that is a flat mapping (once the lists are
 * read) is read by the fast reader instead, and parsed only to locate a path in it.
 *
 * Anchors and aliases work across slices: an anchor's value is kept once its slice (or the head)
 * is converted, and an alias to it in a later slice is replaced by that value; every use counts
 * against the same limit as in a whole-file parse. The head is parsed after the slices; when it
 * has anchors the slices may need, they are read first, a part of the head at a time. Only plain layouts are sliced: a block
 * `accounts:` list at the top level, one document, and no alias in the head to an anchor inside
 * the list. Anything else returns undefined and the caller parses the whole file.
 */
import { type Document, isAlias, LineCounter, type Node, visit } from 'yaml';
import type { Diagnostic, Path } from '../core/model.js';
import { blankLines, LineIndex, type LineRange } from './line-index.js';
import { type Locator, offsetOf } from './locate.js';
import { readRegularItems, readRegularMapping } from './yaml-fast.js';
import {
  documentDiagnostics,
  MAX_YAML_ALIASES,
  parseYamlDocument,
  TOO_MANY_ALIASES,
  tooDeepDiagnostics,
  unreadableMessage,
} from './yaml-parse.js';

/** Files smaller than this are parsed whole: slicing only pays off for large account lists. */
export const SLICE_FROM_BYTES = 256 * 1024;
/** Small slices die young: their parse trees are collected before they reach the old generation. */
const ITEMS_PER_SLICE = 10;

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
  /** True when the accounts went to `onItem` (the value's `accounts` is then empty). */
  handedOver: boolean;
}

const TOP_LEVEL_KEY = /^([A-Za-z_$][\w$-]*)[ \t]*:(?:[ \t]+(#.*)?)?$/;
const TOP_LEVEL_ANY_KEY = /^[A-Za-z_$"'][^:#]*:/;

/**
 * Whether `text` may hold an anchor or an alias: `&` or `*` at a line start or after white space,
 * `[`, `{` or `,`, followed by a character that can start a name. The same test as
 * /(^|[\s[{,])[&*][^\s,\]}]/m, but it looks only where the two characters are: on a 25 MB file
 * without anchors the regular expression took about 0.2 s.
 */
export function mayHoldAnchors(text: string): boolean {
  for (const mark of ['&', '*']) {
    for (let at = text.indexOf(mark); at !== -1; at = text.indexOf(mark, at + 1)) {
      const after = text[at + 1];
      if (after === undefined || NOT_A_NAME.test(after)) continue;
      if (at === 0 || BEFORE_A_MARK.test(text[at - 1] as string)) return true;
    }
  }
  return false;
}
const NOT_A_NAME = /[\s,\]}]/;
const BEFORE_A_MARK = /[\s[{,]/;

export function parseSlicedYaml(
  text: string,
  file: string,
  /** Takes each account item as its slice is converted, instead of the value's `accounts`. */
  onItem?: (item: unknown, index: number) => void,
  {
    lines = new LineIndex(text),
    blank,
  }: {
    /** The text's line index, when the caller has one. */
    lines?: LineIndex;
    /**
     * Lines of another top-level section already read (the team, see yaml-team.ts): the head
     * is parsed with them emptied, as if the file had them empty. The file holds no anchors.
     */
    blank?: LineRange;
  } = {},
): SlicedYaml | undefined {
  const section = topLevelSection(lines, 'accounts');
  if (!section) return undefined;
  const { start, end } = section;

  const slices = sliceItems(lines, start + 1, end);
  if (!slices) return undefined;

  // The rest of the file, with the accounts section left out: the head's lines after it are
  // numbered on by the section's length (a blank line for each would cost yaml a token each).
  const before = blankLines(lines, blank, 0, lines.start(start));
  const after = end < lines.count ? blankLines(lines, blank, lines.end(end - 1), text.length) : '';
  if (before === undefined || after === undefined) return undefined;
  const headText = `${before}accounts: []${after}`;
  const shift = { from: before.length + 'accounts: []'.length + 1, lines: end - start - 1 };
  const anchors = mayHoldAnchors(text) ? new Anchors() : undefined;
  // The head is parsed after the slices unless they may use its anchors. A document that stays
  // alive while it is built makes V8 allocate later parse trees straight in the old generation
  // (allocation-site pretenuring), where the slices' short-lived trees would pile up. So the
  // head's anchors are read a part at a time when its layout allows (carryByParts), and the
  // head is parsed whole only when it does not.
  const diagnostics: Diagnostic[] = [];
  let head: Head | undefined;
  if (anchors && mayHoldAnchors(headText)) {
    const carried = carryByParts(lines, start, anchors);
    if (carried === 'whole') {
      head = parseHead(headText, shift);
      if (!head) return undefined;
    } else if (carried !== undefined) diagnostics.push(aliasLimit(file, carried.line, carried.col));
  }
  if (head && anchors) {
    // Anchors after the list are not there yet for its aliases, as in a whole-file parse.
    const listAt = lines.start(start);
    const carried = anchors.carry(head.doc, listAt);
    if (carried === 'unresolved') return undefined;
    if (carried !== undefined) {
      const { line, col } = head.counter.linePos(carried);
      diagnostics.push(aliasLimit(file, line, col));
    }
  }

  const accounts: unknown[] = [];
  for (const slice of slices) {
    const regular = readRegularItems(lines, slice.firstLine, slice.endLine);
    if (regular && regular.length === slice.itemCount) {
      if (diagnostics.some((d) => d.severity === 'error')) continue;
      regular.forEach((item, k) => {
        if (onItem) onItem(item, slice.firstItem + k);
        else accounts.push(item);
      });
      continue;
    }
    const counter = new LineCounter();
    // Joined one slice at a time, so no second copy of the whole list is ever held.
    const sliceText = textOf(lines, slice);
    const parsed = parseYamlDocument(sliceText, counter);
    if (!parsed.document) {
      diagnostics.push(
        ...tooDeepDiagnostics(file, sliceText, parsed.tooDeep, counter, slice.firstLine),
      );
      continue;
    }
    const doc = parsed.document;
    const found = documentDiagnostics(doc, sliceText, counter, file, slice.firstLine, (name) =>
      anchors ? anchors.has(name) : false,
    );
    diagnostics.push(...found);
    if (found.some((d) => d.severity === 'error')) continue;
    // Checked after the problems above: a value put in for an alias has no place in the text.
    const overAt = anchors?.resolve(doc);
    if (overAt !== undefined) {
      const { line, col } = counter.linePos(overAt);
      diagnostics.push(aliasLimit(file, line + slice.firstLine, col));
      break;
    }
    let items: unknown;
    try {
      items = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
      anchors?.keep(doc);
    } catch (error) {
      diagnostics.push(yamlError(file, unreadableMessage(error)));
      break;
    }
    if (!Array.isArray(items) || items.length !== slice.itemCount) return undefined;
    if (diagnostics.some((d) => d.severity === 'error')) continue;
    items.forEach((item, k) => {
      if (onItem) onItem(item, slice.firstItem + k);
      else accounts.push(item);
    });
  }

  // A head in a regular shape is read by the fast reader, which leaves anything yaml would
  // report to yaml: yaml then parses the head only if a path in it has to be located.
  const regularHead = head || anchors ? undefined : readRegularMapping(headText);
  if (regularHead) {
    let parsedHead: Head | undefined;
    const locate = slicedLocator(
      file,
      () => (parsedHead ??= parseHead(headText, shift)),
      slices,
      lines,
    );
    if (diagnostics.some((d) => d.severity === 'error'))
      return { diagnostics, locate, handedOver: false };
    if (!onItem) regularHead.accounts = accounts;
    return { value: regularHead, diagnostics, locate, handedOver: onItem !== undefined };
  }
  const parsedHead = head ?? parseHead(headText, shift);
  if (!parsedHead) return undefined;
  const { doc: headDoc, counter: headCounter } = parsedHead;
  diagnostics.unshift(...documentDiagnostics(headDoc, headText, headCounter, file));
  const locate = slicedLocator(file, () => parsedHead, slices, lines);
  if (diagnostics.some((d) => d.severity === 'error'))
    return { diagnostics, locate, handedOver: false };
  let value: unknown;
  try {
    value = headDoc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    return { diagnostics: [yamlError(file, unreadableMessage(error))], locate, handedOver: false };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  if (!onItem) (value as Record<string, unknown>).accounts = accounts;
  return {
    value: value as Record<string, unknown>,
    diagnostics,
    locate,
    handedOver: onItem !== undefined,
  };
}

/**
 * The top-level key `name` with nothing after its colon, as lines [start, end): its own line and
 * the lines up to the next top-level key. Undefined when there is none, or when a document
 * marker or directive comes first (such files are parsed whole).
 */
export function topLevelSection(
  lines: LineIndex,
  name: string,
): { start: number; end: number } | undefined {
  const text = lines.text;
  let start = -1;
  for (let i = 0; i < lines.count; i++) {
    // An indented line is neither a marker nor a top-level key: most lines, passed over uncut.
    if (text.charCodeAt(lines.start(i)) === SPACE) continue;
    const line = lines.line(i);
    if (line.startsWith('---') || line.startsWith('...') || line.startsWith('%')) return undefined;
    if (start === -1) {
      const match = TOP_LEVEL_KEY.exec(line.replace(/\r$/, ''));
      if (match?.[1] === name) start = i;
    } else if (TOP_LEVEL_ANY_KEY.test(line)) {
      return { start, end: i };
    }
  }
  return start === -1 ? undefined : { start, end: lines.count };
}

/**
 * The head's anchors before the list at line `listStart`, and its aliases' uses, read as
 * `Anchors.carry` reads them but a part at a time: each top-level section on its own, and a
 * block list (a 400-person `team:`) in slices of items, so that no large document is alive while
 * it is built. 'whole' when a part does not read on its own (a syntax error, an anchor on a whole
 * list, an alias to an anchor in another part that `carry` has not recorded): then the head is
 * parsed whole and `carry` decides. Otherwise the place of an alias used once too often, or
 * undefined.
 */
function carryByParts(
  lines: LineIndex,
  listStart: number,
  anchors: Anchors,
): { line: number; col: number } | 'whole' | undefined {
  for (const [first, end] of headParts(lines, listStart)) {
    const counter = new LineCounter();
    const doc = parseYamlDocument(lines.lines(first, end), counter).document;
    if (!doc || doc.errors.length > 0) return 'whole';
    const read = first < listStart ? anchors.resolve(doc, true) : anchors.count(doc);
    if (read === 'unknown') return 'whole';
    if (read !== undefined) {
      const { line, col } = counter.linePos(read);
      return { line: line + first, col };
    }
    anchors.keep(doc);
  }
  return undefined;
}

/**
 * The head's parts in file order, as [first, end) lines: each top-level section, except that a
 * block list under a key with nothing after its colon is cut into slices of items. Sections with
 * no anchor or alias are left out: they change nothing. The accounts list itself is skipped.
 */
export function* headParts(lines: LineIndex, listStart: number): Generator<[number, number]> {
  const starts: number[] = [];
  for (let i = 0; i < lines.count; i++) {
    if (i === listStart || TOP_LEVEL_ANY_KEY.test(lines.line(i))) starts.push(i);
  }
  for (let k = 0; k < starts.length; k++) {
    const first = starts[k] as number;
    const end = starts[k + 1] ?? lines.count;
    if (first === listStart) continue;
    const text = lines.lines(first, end);
    if (!mayHoldAnchors(text)) continue;
    const keyLine = lines.line(first);
    const keyOnly = TOP_LEVEL_KEY.test(keyLine.endsWith('\r') ? keyLine.slice(0, -1) : keyLine);
    const items = keyOnly ? sliceItems(lines, first + 1, end) : undefined;
    if (!items) {
      yield [first, end];
      continue;
    }
    for (const slice of items) yield [slice.firstLine, slice.endLine];
  }
}

interface Head {
  doc: Document.Parsed;
  /** Lines of the whole file: those after the accounts section are shifted by its length. */
  counter: LineCounter;
}

/**
 * The head parsed, or undefined when it is nested too deep: the whole file is then parsed, and
 * says where, as any file too deep does.
 */
function parseHead(headText: string, shift: { from: number; lines: number }): Head | undefined {
  const counter = new LineCounter();
  const parsed = parseYamlDocument(headText, counter);
  if (!parsed.document) return undefined;
  const shifted = Object.create(counter) as LineCounter;
  shifted.linePos = (offset) => {
    const place = counter.linePos(offset);
    return offset >= shift.from ? { line: place.line + shift.lines, col: place.col } : place;
  };
  return { doc: parsed.document, counter: shifted };
}

/**
 * The anchors of the parts parsed so far: each one's value (converted once, when its part is),
 * its weight (the most uses of an alias inside it, at least 1) and how often it was used. An
 * anchor defined again takes over the name from there on, as in YAML.
 */
class Anchors {
  private readonly known = new Map<string, AnchorEntry>();

  has(name: string): boolean {
    return this.known.has(name);
  }

  /**
   * Records the head's anchors before the list at `listAt` (converted at once: the slices come
   * after the head). 'unresolved'
   * when the head has an alias whose anchor it does not have: one inside the list, which the
   * slices cannot give it; else the offset of an alias used once too often, if one is.
   */
  carry(doc: Document.Parsed, listAt: number): number | 'unresolved' | undefined {
    let result: number | 'unresolved' | undefined;
    visit(doc, {
      Alias: (_, node) => {
        if (!node.resolve(doc)) result = 'unresolved';
        else if (!this.use(node.source)) result = node.range?.[0] ?? 0;
        return result === undefined ? undefined : visit.BREAK;
      },
      Node: (_, node) => {
        if ((node.range?.[0] ?? 0) < listAt) this.define(doc, node);
      },
    });
    if (result === undefined) this.keep(doc);
    return result;
  }

  /**
   * Replaces the aliases in a slice whose anchors are in earlier parts by their values, and counts
   * every use. Returns the offset of the alias that goes over the limit, if one does.
   */
  resolve(doc: Document.Parsed): number | undefined;
  /** `strict`: an alias whose anchor is neither known nor in `doc` gives 'unknown'. */
  resolve(doc: Document.Parsed, strict: true): number | 'unknown' | undefined;
  resolve(doc: Document.Parsed, strict = false): number | 'unknown' | undefined {
    let over: number | 'unknown' | undefined;
    visit(doc, {
      Alias: (_, node) => {
        const entry = this.known.get(node.source);
        if (!entry && strict && !node.resolve(doc)) {
          over = 'unknown';
          return visit.BREAK;
        }
        if (!entry) return undefined; // reported as an alias without an anchor
        if (!this.use(node.source)) {
          over = node.range?.[0] ?? 0;
          return visit.BREAK;
        }
        return entry.doc === doc ? undefined : doc.createNode(entry.value);
      },
      Node: (_, node) => this.define(doc, node),
    });
    return over;
  }

  /**
   * Counts the uses of known anchors in a part after the list, which defines none for it (as
   * `carry` does). 'unknown' for an alias to an anchor neither known nor in the part.
   */
  count(doc: Document.Parsed): number | 'unknown' | undefined {
    let result: number | 'unknown' | undefined;
    visit(doc, {
      Alias: (_, node) => {
        if (!this.known.has(node.source)) {
          if (!node.resolve(doc)) result = 'unknown';
        } else if (!this.use(node.source)) result = node.range?.[0] ?? 0;
        return result === undefined ? undefined : visit.BREAK;
      },
    });
    return result;
  }

  /** Converts the anchors a part defined, once the part itself is, and lets go of its nodes. */
  keep(doc: Document.Parsed): void {
    for (const entry of this.known.values()) {
      if (entry.doc !== doc || !entry.node) continue;
      entry.weight ??= this.weightOf(entry.node);
      entry.value = entry.node.toJS(doc, { maxAliasCount: MAX_YAML_ALIASES });
      entry.node = undefined;
      entry.doc = undefined;
    }
  }

  private define(doc: Document.Parsed, node: Node): void {
    if (isAlias(node) || !node.anchor) return;
    this.known.set(node.anchor, { doc, node, value: undefined, weight: undefined, uses: 0 });
  }

  /**
   * The most uses of an anchor an alias inside `node` stands for, at least 1. Taken at the
   * anchor's first use, as the yaml package takes it: `&pair [*n, *n]` weighs 2 once both `*n`
   * are read.
   */
  private weightOf(node: Node): number {
    let weight = 1;
    visit(node, {
      Alias: (_, alias) => {
        const inner = this.known.get(alias.source);
        if (inner) weight = Math.max(weight, inner.uses * (inner.weight ?? 1));
      },
    });
    return weight;
  }

  /** Counts one use; false when that is one too many. */
  private use(name: string): boolean {
    const entry = this.known.get(name);
    if (!entry) return true;
    entry.weight ??= entry.node ? this.weightOf(entry.node) : 1;
    entry.uses++;
    return entry.uses * entry.weight <= MAX_YAML_ALIASES;
  }
}

/**
 * The offset of the alias that takes its anchor past MAX_YAML_ALIASES uses in a whole document,
 * counted as the yaml package counts them when it converts the document, or undefined.
 */
export function aliasPastLimit(doc: Document.Parsed): number | undefined {
  return new Anchors().resolve(doc);
}

interface AnchorEntry {
  /** The part being parsed that defines it, until its value is kept. */
  doc?: Document.Parsed;
  node?: Node;
  value: unknown;
  /** Set at the first use (or when the value is kept): see `weightOf`. */
  weight: number | undefined;
  uses: number;
}

function aliasLimit(file: string, line: number, column: number): Diagnostic {
  return { ...yamlError(file, `the YAML could not be read: ${TOO_MANY_ALIASES}`), line, column };
}

function yamlError(file: string, message: string): Diagnostic {
  return { rule: 'yaml-syntax', severity: 'error', path: [], message, file };
}

/** Cuts the lines of a block sequence into slices of whole items, or undefined if it isn't one. */
function sliceItems(lines: LineIndex, from: number, to: number): Slice[] | undefined {
  let indent: string | undefined;
  const itemStarts: number[] = [];
  for (let i = from; i < to; i++) {
    // A line deeper than the items that starts with a plain character inside an item: passed
    // over uncut (the many key lines of a one-key-per-line list).
    if (indent !== undefined && isInsideItem(lines, i, indent.length)) continue;
    // An item at the list's indentation, written with spaces: taken uncut too.
    if (indent !== undefined && isItemStart(lines, i, indent)) {
      itemStarts.push(i);
      continue;
    }
    const line = lines.line(i);
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

const SPACE = 32;
const DASH = 45;
const CR = 13;

/**
 * Line `i` is indented with spaces beyond `indent` and then has a character that is neither
 * whitespace nor `-` nor `#`: a line inside the current item, whatever else it holds.
 */
function isInsideItem(lines: LineIndex, i: number, indent: number): boolean {
  const text = lines.text;
  const start = lines.start(i);
  const end = lines.end(i);
  let p = start;
  while (p < end && text.charCodeAt(p) === SPACE) p++;
  if (p - start <= indent || p === end) return false;
  const c = text.charCodeAt(p);
  return c > SPACE && c < 127 && c !== 45 && c !== 35;
}

/**
 * Line `i` is `indent` then `- ` or a lone `-`: what the checks in `sliceItems` take as an item
 * start, found without cutting the line out.
 */
function isItemStart(lines: LineIndex, i: number, indent: string): boolean {
  const text = lines.text;
  const start = lines.start(i);
  const at = start + indent.length;
  const end = lines.end(i);
  if (at >= end || text.charCodeAt(at) !== DASH) return false;
  for (let k = 0; k < indent.length; k++) {
    if (text.charCodeAt(start + k) !== indent.charCodeAt(k)) return false;
  }
  // Nothing after the dash, a space, or a carriage return that ends the line.
  const next = at + 1 < end ? text.charCodeAt(at + 1) : -1;
  return next === -1 || next === SPACE || (next === CR && at + 2 === end);
}

function textOf(lines: LineIndex, slice: Slice): string {
  return lines.lines(slice.firstLine, slice.endLine);
}

/** Locates paths in the head document, or in the account slice a path points into. */
function slicedLocator(
  file: string,
  /** The head parsed (when first asked for, for a head the fast reader read). */
  head: () => Head | undefined,
  slices: Slice[],
  lines: LineIndex,
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
          const doc = parseYamlDocument(textOf(lines, slice), counter).document;
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
    const parsed = head();
    const offset = parsed && offsetOf(parsed.doc.contents, path, options.key === true);
    if (!parsed || offset === undefined) return { file };
    const { line, col } = parsed.counter.linePos(offset);
    return { file, line, column: col };
  };
}
