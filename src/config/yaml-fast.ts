/**
 * A fast reader for the regular shapes of an org file's `accounts:` and `team:` lists: items that
 * are flat mappings of one-line scalars, written one item per line (`- { id: a, arr: 100 }`) or
 * one key per line (`- id: a`, then `  arr: 100` under it). It reads whole items (see
 * yaml-slices.ts and yaml-team.ts), and the flat mapping a large file's head is once its lists are
 * read (`readRegularMapping`), straight from the text, several times faster than the yaml
 * package and without its token trees, and gives the values the yaml package gives (YAML 1.2
 * core schema, as yaml-parse.ts reads it). Whatever it does not strictly understand (an anchor,
 * alias or tag, a nested or multi-line value, an empty value, a duplicate key, a scalar form it
 * does not spell out below, anything csplan would warn about or refuse) makes it decline, and the
 * yaml package then reads those lines: every value is the one yaml gives, and every problem is
 * found and located by yaml as before. test/config/yaml-fast.property.test.ts holds it to that.
 */
import { controlCharacterIndex } from './encoding.js';
import { LineIndex } from './line-index.js';
import { ID_KEYS, isPlainDecimalText, MONEY_KEYS } from './yaml-parse.js';

/**
 * Characters the reader leaves to yaml: a tab (indentation or separation, each with its own
 * rules), a carriage return other than before a line feed, a byte order mark or a Unicode line
 * or paragraph separator inside the text.
 */
const UNSURE_CHARACTER = /[\t\ufeff\u2028\u2029]|\r(?!\n)/;

const SPACE = 32;
const DQUOTE = 34;
const HASH = 35;
const SQUOTE = 39;
const COMMA = 44;
const DASH = 45;
const DOT = 46;
const COLON = 58;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const UNDERSCORE = 95;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const CR = 13;

/** Keys are csplan's own field names; a longer one is left to yaml (its limit is 1024). */
const MAX_KEY_LENGTH = 200;

/**
 * The items of the lines [firstLine, endLine), each a mapping, or undefined when the reader
 * declines (then the yaml package reads these lines).
 */
export function readRegularItems(
  lines: LineIndex,
  firstLine: number,
  endLine: number,
  /** Takes the line each item starts on (its `- `), in order. */
  itemLines?: number[],
): Record<string, unknown>[] | undefined {
  if (!isSure(lines, firstLine, endLine)) return undefined;
  return new SliceReader(lines.text, itemLines).items(lines, firstLine, endLine);
}

/**
 * A whole document that is a regular block mapping (see `SliceReader.mapping`), as yaml reads it,
 * or undefined when the reader declines. The head of a large org file (its company, rules...)
 * once its lists are read: the yaml package is then needed only to locate a path in it.
 */
export function readRegularMapping(text: string): Record<string, unknown> | undefined {
  const lines = new LineIndex(text);
  if (!isSure(lines, 0, lines.count)) return undefined;
  return new SliceReader(text).mapping(lines, 0, lines.count);
}

/**
 * Where the parts of a regular item are in the text, as the yaml package places its nodes: the
 * item (its `{`, or its first key) and each key and value (a quoted value at its quote).
 */
export interface ItemPlaces {
  start: number;
  keys: Map<string, { key: number; value: number }>;
}

/** The places of the one regular item on lines [firstLine, endLine), or undefined. */
export function regularItemPlaces(
  lines: LineIndex,
  firstLine: number,
  endLine: number,
): ItemPlaces | undefined {
  if (!isSure(lines, firstLine, endLine)) return undefined;
  const places: ItemPlaces[] = [];
  const items = new SliceReader(lines.text, undefined, places).items(lines, firstLine, endLine);
  return items?.length === 1 ? places[0] : undefined;
}

function isSure(lines: LineIndex, firstLine: number, endLine: number): boolean {
  const from = lines.start(firstLine);
  const to = lines.end(endLine - 1);
  // The line feed after the last line (when there is one) keeps a final CRLF whole.
  return !UNSURE_CHARACTER.test(lines.text.slice(from, to + 1));
}

class SliceReader {
  private pos = 0;
  /** End of the current line, before its carriage return if it has one. */
  private end = 0;

  constructor(
    private readonly text: string,
    private readonly itemLines?: number[],
    private readonly places?: ItemPlaces[],
  ) {}

  items(lines: LineIndex, firstLine: number, endLine: number) {
    const items: Record<string, unknown>[] = [];
    let item: Record<string, unknown> | undefined;
    let itemIndent = -1;
    /** Where the keys of a one-key-per-line item start; -1 after a one-line item. */
    let keyColumn = -1;
    for (let i = firstLine; i < endLine; i++) {
      const indent = this.startLine(lines, i);
      if (indent === -1) continue;
      if (this.at() === DASH && this.at(1) === SPACE) {
        if (itemIndent === -1) itemIndent = indent;
        else if (indent !== itemIndent) return undefined;
        this.pos += 2;
        this.skipSpaces();
        item = {};
        items.push(item);
        this.itemLines?.push(i);
        this.places?.push({ start: this.pos, keys: new Map() });
        if (this.at() === OPEN_BRACE) {
          if (!this.flowMapping(item) || !this.lineEnd()) return undefined;
          keyColumn = -1;
        } else {
          keyColumn = this.pos - lines.start(i);
          if (!this.pair(item, false) || !this.lineEnd()) return undefined;
        }
      } else if (item && indent === keyColumn) {
        if (!this.pair(item, false) || !this.lineEnd()) return undefined;
      } else {
        return undefined;
      }
    }
    // No item at all is not a list (yaml reads only comments as null).
    return items.length > 0 ? items : undefined;
  }

  /**
   * Moves the reader to line `i`, past its indentation: the indentation's width, or -1 for a
   * blank or comment line.
   */
  private startLine(lines: LineIndex, i: number): number {
    const start = lines.start(i);
    this.pos = start;
    this.end = lines.end(i);
    if (this.end > start && this.text.charCodeAt(this.end - 1) === CR) this.end--;
    this.skipSpaces();
    const first = this.at();
    return first === -1 || first === HASH ? -1 : this.pos - start;
  }

  /** The character code `ahead` places on in the current line, or -1 past its end. */
  private at(ahead = 0): number {
    const at = this.pos + ahead;
    return at < this.end ? this.text.charCodeAt(at) : -1;
  }

  private skipSpaces(): void {
    while (this.pos < this.end && this.text.charCodeAt(this.pos) === SPACE) this.pos++;
  }

  /** Nothing more on the line but spaces and a comment (which needs a space before its `#`). */
  private lineEnd(): boolean {
    this.skipSpaces();
    if (this.pos === this.end) return true;
    return this.at() === HASH && this.text.charCodeAt(this.pos - 1) === SPACE;
  }

  /** `{ key: value, ... }` on one line, into `item`. */
  private flowMapping(item: Record<string, unknown>): boolean {
    this.pos++;
    this.skipSpaces();
    if (this.at() === CLOSE_BRACE) {
      this.pos++;
      return true;
    }
    for (;;) {
      if (!this.pair(item, true)) return false;
      this.skipSpaces();
      const next = this.at();
      this.pos++;
      if (next === CLOSE_BRACE) return true;
      if (next !== COMMA) return false;
      this.skipSpaces();
    }
  }

  /** `key: value` with a field-name key that is new in `item`. */
  private pair(item: Record<string, unknown>, flow: boolean): boolean {
    const keyStart = this.pos;
    const key = this.key(item);
    if (key === undefined || this.at(1) !== SPACE) return false;
    this.pos += 2;
    this.skipSpaces();
    this.places?.at(-1)?.keys.set(key, { key: keyStart, value: this.pos });
    const value = this.value(key, flow);
    if (value === undefined) return false;
    item[key] = value;
    return true;
  }

  /** A field-name key that is new in `item`, read up to its colon (where the reader stops). */
  private key(item: Record<string, unknown>): string | undefined {
    const keyStart = this.pos;
    if (!isKeyStart(this.at())) return undefined;
    do this.pos++;
    while (isKeyCharacter(this.at()));
    if (this.pos - keyStart > MAX_KEY_LENGTH || this.at() !== COLON) return undefined;
    const key = this.text.slice(keyStart, this.pos);
    // `null:` or `true:` are not text keys; `__proto__` is set its own way by yaml.
    if (UNTEXT_KEYS.has(key) || Object.hasOwn(item, key)) return undefined;
    return key;
  }

  /**
   * A block mapping at the left margin: each key's value a one-line scalar, `[]`, `{}`, nothing
   * (null), or on the lines below, a mapping of one-line scalars one key per line.
   */
  mapping(lines: LineIndex, firstLine: number, endLine: number) {
    const top: Record<string, unknown> = {};
    /** The key whose value is on the lines below it, the mapping there, and its keys' column. */
    let openKey: string | undefined;
    let below: Record<string, unknown> | undefined;
    let belowColumn = -1;
    for (let i = firstLine; i < endLine; i++) {
      const column = this.startLine(lines, i);
      if (column === -1) continue;
      if (column > 0) {
        if (openKey === undefined) return undefined;
        if (belowColumn === -1) belowColumn = column;
        else if (column !== belowColumn) return undefined;
        if (!below) {
          below = {};
          top[openKey] = below;
        }
        if (!this.pair(below, false) || !this.lineEnd()) return undefined;
        continue;
      }
      const key = this.key(top);
      // Numbers under `costs` are money wherever it is (yaml-parse.ts): left to yaml.
      if (key === undefined || key === 'costs') return undefined;
      this.pos++;
      openKey = undefined;
      below = undefined;
      belowColumn = -1;
      if (this.at() !== -1 && this.at() !== SPACE) return undefined;
      this.skipSpaces();
      if (this.at() === -1 || this.at() === HASH) {
        top[key] = null;
        openKey = key;
        continue;
      }
      const value = this.emptyCollection() ?? this.value(key, false);
      if (value === undefined || !this.lineEnd()) return undefined;
      top[key] = value;
    }
    // No key at all is not a mapping (yaml reads only comments as null).
    return Object.keys(top).length > 0 ? top : undefined;
  }

  /** `[]` or `{}`. */
  private emptyCollection(): unknown[] | Record<string, never> | undefined {
    const open = this.at();
    const close = this.at(1);
    if (open === OPEN_BRACKET && close === CLOSE_BRACKET) {
      this.pos += 2;
      return [];
    }
    if (open === OPEN_BRACE && close === CLOSE_BRACE) {
      this.pos += 2;
      return {};
    }
    return undefined;
  }

  private value(key: string, flow: boolean): unknown {
    const first = this.at();
    if (first === DQUOTE || first === SQUOTE) {
      const text = first === DQUOTE ? this.doubleQuoted() : this.singleQuoted();
      // An escape can write a control character, which csplan refuses (yaml-parse.ts says where).
      return text !== undefined && controlCharacterIndex(text) === -1 ? text : undefined;
    }
    const source = this.plain(flow);
    if (source === undefined) return undefined;
    const value = resolvePlain(source);
    if (typeof value === 'number') {
      // What documentDiagnostics would refuse (money) or warn about and rewrite (ids).
      if (MONEY_KEYS.has(key) ? !isPlainDecimalText(source) : ID_KEYS.has(key)) return undefined;
    }
    return value;
  }

  /**
   * A plain scalar's text, trailing spaces trimmed. Declines a first character with a meaning
   * of its own and a `:`, `#`, bracket or brace anywhere (their rules depend on what follows).
   */
  private plain(flow: boolean): string | undefined {
    const start = this.pos;
    const first = this.at();
    if (first === -1 || INDICATORS.has(first)) return undefined;
    if (first === DASH && !isPlainAfterDash(this.at(1))) return undefined;
    let end = start;
    for (; this.pos < this.end; this.pos++) {
      const c = this.text.charCodeAt(this.pos);
      if (c === SPACE) continue;
      if (c === HASH) {
        if (this.text.charCodeAt(this.pos - 1) === SPACE) break;
        return undefined;
      }
      if (flow && (c === COMMA || c === CLOSE_BRACE)) break;
      if (c === COLON || c === OPEN_BRACKET || c === CLOSE_BRACKET) return undefined;
      if (c === OPEN_BRACE || c === CLOSE_BRACE) return undefined;
      end = this.pos + 1;
    }
    this.pos = end;
    return this.text.slice(start, end);
  }

  /** A double-quoted scalar closed on its line, escapes decoded as yaml decodes them. */
  private doubleQuoted(): string | undefined {
    const open = this.pos;
    let escaped = false;
    let i = open + 1;
    for (; i < this.end; i++) {
      const c = this.text.charCodeAt(i);
      if (c === DQUOTE) break;
      if (c === 92) {
        escaped = true;
        i++;
      }
    }
    if (i >= this.end) return undefined;
    this.pos = i + 1;
    const body = this.text.slice(open + 1, i);
    return escaped ? unescapeDoubleQuoted(body) : body;
  }

  /** A single-quoted scalar closed on its line, `''` read as `'`. */
  private singleQuoted(): string | undefined {
    const open = this.pos;
    let doubled = false;
    let i = open + 1;
    for (; i < this.end; i++) {
      if (this.text.charCodeAt(i) !== SQUOTE) continue;
      if (i + 1 < this.end && this.text.charCodeAt(i + 1) === SQUOTE) {
        doubled = true;
        i++;
      } else {
        break;
      }
    }
    if (i >= this.end) return undefined;
    this.pos = i + 1;
    const body = this.text.slice(open + 1, i);
    return doubled ? body.replaceAll("''", "'") : body;
  }
}

/** First characters that make a plain scalar something else, or an error (`-` is judged apart). */
const INDICATORS = new Set([...'?:,[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));

/** `-5`, `-west`, `-.inf`: a dash followed by a digit, a letter or a dot starts plain text. */
function isPlainAfterDash(c: number): boolean {
  return isKeyStart(c) || (c >= 48 && c <= 57) || c === DOT;
}

function isKeyStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === UNDERSCORE;
}

function isKeyCharacter(c: number): boolean {
  return isKeyStart(c) || (c >= 48 && c <= 57) || c === DASH;
}

/** yaml's double-quoted escapes with a fixed meaning (compose/resolve-flow-scalar.js). */
const ESCAPES: ReadonlyMap<string, string> = new Map([
  ['0', '\0'],
  ['a', '\x07'],
  ['b', '\b'],
  ['e', '\x1b'],
  ['f', '\f'],
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
  ['v', '\v'],
  ['N', '\u0085'],
  ['_', '\u00a0'],
  ['L', '\u2028'],
  ['P', '\u2029'],
  [' ', ' '],
  ['"', '"'],
  ['/', '/'],
  ['\\', '\\'],
]);

const HEX_DIGITS = /^[0-9a-fA-F]+$/;

/** The text of a one-line double-quoted scalar, or undefined for an escape yaml refuses. */
function unescapeDoubleQuoted(body: string): string | undefined {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = body[++i] ?? '';
    const fixed = ESCAPES.get(next);
    if (fixed !== undefined) {
      out += fixed;
      continue;
    }
    const length = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
    const hex = body.slice(i + 1, i + 1 + length);
    if (length === 0 || hex.length !== length || !HEX_DIGITS.test(hex)) return undefined;
    const code = Number.parseInt(hex, 16);
    if (code > 0x10ffff) return undefined;
    out += String.fromCodePoint(code);
    i += length;
  }
  return out;
}

// The YAML 1.2 core schema's plain scalars, tried in yaml's order (schema/core/*.js).
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOLEAN = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const OCTAL = /^0o[0-7]+$/;
const INTEGER = /^[-+]?[0-9]+$/;
const HEXADECIMAL = /^0x[0-9a-fA-F]+$/;
const INFINITY_OR_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXPONENT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const DECIMAL = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/**
 * Keys `pair` refuses: of the texts a key can be (a letter or `_`, then letters, digits, `_` and
 * `-`), the ones resolvePlain reads as null or a boolean, and `__proto__`.
 */
const UNTEXT_KEYS: ReadonlySet<string> = new Set([
  'null',
  'Null',
  'NULL',
  'true',
  'True',
  'TRUE',
  'false',
  'False',
  'FALSE',
  '__proto__',
]);

/** A plain scalar's value as the yaml package resolves it with csplan's options. */
export function resolvePlain(source: string): unknown {
  const c = source.charCodeAt(0);
  // Text that starts with a letter no typed value starts with (most ids and names).
  if (isKeyStart(c) && !TYPED_INITIALS.has(c)) return source;
  if (isDigit(c)) {
    const digitFirst = digitFirstValue(source);
    if (digitFirst !== undefined) return digitFirst;
  }
  if (NULL.test(source)) return null;
  if (BOOLEAN.test(source)) return c === 116 || c === 84;
  if (OCTAL.test(source)) return Number.parseInt(source.slice(2), 8);
  if (INTEGER.test(source)) return Number.parseInt(source, 10);
  if (HEXADECIMAL.test(source)) return Number.parseInt(source.slice(2), 16);
  if (INFINITY_OR_NAN.test(source)) {
    if (source.slice(-3).toLowerCase() === 'nan') return Number.NaN;
    return c === DASH ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (EXPONENT.test(source) || DECIMAL.test(source)) return Number.parseFloat(source);
  return source;
}

/** n, N, t, T, f, F: null, true, false. */
const TYPED_INITIALS = new Set([110, 78, 116, 84, 102, 70]);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * The two common texts that start with a digit, answered without the regular expressions below:
 * digits only (INTEGER, the only one that matches), and digits then a `-` (a date), which is text
 * (a typed form has a sign only first or after its exponent's `e`). Undefined for anything else.
 */
function digitFirstValue(source: string): number | string | undefined {
  let i = 1;
  while (i < source.length && isDigit(source.charCodeAt(i))) i++;
  if (i === source.length) return Number.parseInt(source, 10);
  const c = source.charCodeAt(i);
  return c === DASH ? source : undefined;
}
