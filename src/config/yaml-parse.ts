/**
 * The one way csplan parses YAML: bounded nesting, YAML 1.2 core types only, and the parser's
 * problems said in csplan's words on the line the user has to change.
 *
 * Depth is checked while the parser builds its token tree (the parser keeps an explicit stack, so
 * this step cannot overflow); the recursive steps after it (composing nodes, converting to plain
 * data) only ever see a tree at most MAX_YAML_DEPTH deep. A file nested deeper is refused before
 * them, so no input reaches "Maximum call stack size exceeded" or a native abort.
 */
import {
  Composer,
  type Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  Parser,
  type Scalar,
  visit,
  YAMLParseError,
} from 'yaml';
import type { Diagnostic } from '../core/model.js';
import { controlCharacterIndex } from './encoding.js';

/** An org file needs about 6 levels; 64 leaves room for any hand-written layout. */
export const MAX_YAML_DEPTH = 64;

/**
 * Uses of one anchor (times the aliases inside it), as the yaml package counts them: more is
 * refused, since alias expansion can exhaust memory ("billion laughs").
 */
export const MAX_YAML_ALIASES = 100;

/** How csplan reads every YAML document: YAML 1.2 core schema, whatever a directive says. */
const DOCUMENT_OPTIONS = {
  uniqueKeys: true,
  prettyErrors: false,
  schema: 'core',
  version: '1.2',
  // !!binary, !!set, !!timestamp... are YAML 1.1 types: unknown tags here, refused like !custom.
  resolveKnownTags: false,
} as const;

export type ParsedYamlDocument =
  | { document: Document.Parsed; tooDeep?: undefined }
  | { document?: undefined; tooDeep: number };

/**
 * parseDocument with a depth limit. `tooDeep` is the offset where the limit was crossed; then
 * nothing past the token stage ran.
 */
export function parseYamlDocument(source: string, lineCounter?: LineCounter): ParsedYamlDocument {
  const parser = new Parser(lineCounter?.addNewLine);
  const composer = new Composer(DOCUMENT_OPTIONS);
  let tooDeep: number | undefined;
  function* tokens() {
    lineCounter?.addNewLine(0);
    for (const lexeme of new Lexer().lex(source, false)) {
      yield* parser.next(lexeme);
      // The stack holds the document and the current token besides the nested collections.
      if (parser.stack.length > MAX_YAML_DEPTH + 2) {
        tooDeep = parser.offset;
        return;
      }
    }
    yield* parser.end();
  }
  let document: Document.Parsed | undefined;
  for (const doc of composer.compose(tokens(), true, source.length)) {
    if (tooDeep !== undefined) break;
    if (!document) document = doc;
    else {
      document.errors.push(
        new YAMLParseError(
          [doc.range[0], doc.range[1]],
          'MULTIPLE_DOCS',
          'Source contains multiple documents',
        ),
      );
      break;
    }
  }
  if (tooDeep !== undefined || !document) return { tooDeep: tooDeep ?? 0 };
  return { document };
}

/**
 * The located errors for a file nested deeper than MAX_YAML_DEPTH. A syntax error (an unclosed
 * bracket, a broken line) often makes the parser nest every following line: when the text before
 * the line where the limit was crossed has one, that error is the one to fix.
 */
export function tooDeepDiagnostics(
  file: string,
  source: string,
  offset: number,
  lineCounter: LineCounter,
  firstLine = 0,
): Diagnostic[] {
  // The limit is crossed at a line end or just after: parse what comes before that line.
  let cut = lineStart(source, offset);
  for (let tries = 0; cut > 0 && tries < 3; tries++) {
    const counter = new LineCounter();
    const head = parseYamlDocument(source.slice(0, cut), counter);
    if (head.document) {
      if (head.document.errors.length === 0) break;
      // The first error is the cause; the ones after it are the parser losing its way.
      return syntaxDiagnostics(head.document, source, counter, file, firstLine).slice(0, 1);
    }
    cut = lineStart(source, Math.min(cut, head.tooDeep) - 1);
  }
  const { line, col } = lineCounter.linePos(offset);
  return [
    {
      rule: 'yaml-too-deep',
      severity: 'error',
      path: [],
      message: `the YAML is nested more than ${MAX_YAML_DEPTH} levels deep here (an org file needs about 6); look for a repeated "- ", "[" or "{"`,
      file,
      line: line + firstLine,
      column: col,
    },
  ];
}

interface Place {
  line: number;
  col: number;
}

/**
 * Every problem in a parsed document, in csplan's words: syntax errors, a YAML 1.1 directive,
 * unknown tags, undefined aliases, control characters, money written other than as a plain whole
 * number, and (as warnings) ids that YAML reads as numbers. Such ids are turned back into the text
 * the user wrote, so `007` stays "007" and two long numbers never collapse into one.
 * `firstLine` shifts lines for a document that is a slice of a larger file.
 */
export function documentDiagnostics(
  doc: Document.Parsed,
  source: string,
  lineCounter: LineCounter,
  file: string,
  firstLine = 0,
  /** Anchors of earlier parts of the file, for a document that is a slice of it. */
  anchoredBefore: (name: string) => boolean = () => false,
): Diagnostic[] {
  const at = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine, col };
  };
  const out: Diagnostic[] = [];
  const push = (
    rule: string,
    message: string,
    place: Place,
    severity: Diagnostic['severity'] = 'error',
  ) => {
    out.push({ rule, severity, path: [], message, file, line: place.line, column: place.col });
  };

  for (const diagnostic of syntaxDiagnostics(doc, source, lineCounter, file, firstLine)) {
    out.push(diagnostic);
  }
  const directive = doc.directives?.yaml;
  if (directive?.explicit && directive.version !== '1.2') {
    const offset = Math.max(0, source.indexOf('%YAML'));
    push(
      'yaml-version',
      `the file asks for YAML ${directive.version}; csplan reads YAML 1.2 only (where 010 is ten and NO is text): remove the %YAML line`,
      at(offset),
    );
  }
  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      const tag = /^Unresolved tag: (\S{1,200})/.exec(warning.message)?.[1] ?? 'this tag';
      push(
        'yaml-tag',
        `unknown tag ${shortTag(tag)}: csplan reads plain YAML values only; remove the tag`,
        at(warning.pos[0]),
      );
    }
  }
  if (out.some((d) => d.rule === 'yaml-syntax')) return out;

  // The anchors met so far, in document order: an alias is defined when its anchor comes before
  // it. (`Alias#resolve` walks the whole document for each alias: quadratic in aliases.)
  const anchored = new Set<string>();
  const noteAnchor = (_: unknown, node: { anchor?: string }) => {
    if (node.anchor !== undefined) anchored.add(node.anchor);
  };
  visit(doc, {
    Map: noteAnchor,
    Seq: noteAnchor,
    // yaml turns a list or mapping used as a key into text, and warns on stderr; an org file's
    // keys are field names and ids, so such a key is a mistake (often a stray "? ").
    Pair(_, pair) {
      if (isMap(pair.key) || isSeq(pair.key)) {
        push(
          'yaml-syntax',
          'a key here is a list or a mapping; keys are field names or ids: write the key as plain text',
          at(pair.key.range?.[0] ?? 0),
        );
        // Once: the keys nested inside this one are part of the same mistake.
        return visit.SKIP;
      }
    },
    Alias(_, node) {
      if (!anchored.has(node.source) && !anchoredBefore(node.source)) {
        push(
          'yaml-alias',
          `alias *${node.source} has no anchor &${node.source} before it`,
          at(node.range?.[0] ?? 0),
        );
      }
    },
    Scalar(key, node, path) {
      noteAnchor(key, node);
      const offset = node.range?.[0] ?? 0;
      if (typeof node.value === 'string') {
        const control = controlCharacterIndex(node.value);
        if (control !== -1) {
          push(
            'control-character',
            `the text contains a control character (${codePoint(node.value, control)}); remove it`,
            at(offset),
          );
        }
      }
      if (key !== 'value') return;
      const pair = path[path.length - 1];
      if (!isPair(pair) || !isScalar(pair.key)) return;
      const name = String(pair.key.value);
      const parent = path[path.length - 3];
      const parentKey = isPair(parent) && isScalar(parent.key) ? String(parent.key.value) : '';
      if (typeof node.value === 'number' && (MONEY_KEYS.has(name) || parentKey === 'costs')) {
        if (!isPlainDecimal(node)) {
          push(
            'money-format',
            `${name}: money is a plain whole number of dollars, written 1200000 (got ${shortText(node.source ?? String(node.value))})`,
            at(offset),
          );
        }
      } else if (ID_KEYS.has(name) && isNumberLike(node)) {
        const text = node.source ?? String(node.value);
        push(
          'numeric-id',
          `${name} ${shortText(text)} is read as a number by YAML; quote it: ${name}: "${shortText(text)}"`,
          at(offset),
          'warning',
        );
        // The id as written, not the number YAML made of it.
        node.value = text;
      }
    },
  });
  return out;
}

/** Keys whose numbers are money, held to `isPlainDecimal`. */
export const MONEY_KEYS: ReadonlySet<string> = new Set([
  'arr',
  'arr_each',
  'arr_total',
  'min_arr',
  'specialization_arr',
  'scale_arr',
]);
/** Keys whose values are ids: a number there is turned back into the text written. */
export const ID_KEYS: ReadonlySet<string> = new Set(['id', 'owner', 'reports_to']);

/**
 * Money as a plain decimal: digits, maybe a minus and decimals, which the schema then judges
 * (negative, cents). Forms YAML turns into a whole number behind the user's back are refused
 * here: 1e6, 0x10, 0o17, +5, .inf, and 1200000.0 (decimals that are all zeros).
 */
function isPlainDecimal(node: Scalar): boolean {
  const source = node.source;
  return node.type === 'PLAIN' && typeof source === 'string' && isPlainDecimalText(source);
}

/** `isPlainDecimal` for the text of a plain scalar. */
export function isPlainDecimalText(source: string): boolean {
  let i = source.charCodeAt(0) === 45 ? 1 : 0;
  const digitsFrom = i;
  while (i < source.length && isDigit(source.charCodeAt(i))) i++;
  if (i === digitsFrom) return false;
  if (i === source.length) return true;
  if (source.charCodeAt(i) !== 46 || i === source.length - 1) return false;
  let zeros = true;
  for (i++; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (!isDigit(c)) return false;
    if (c !== 48) zeros = false;
  }
  return !zeros;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A plain scalar YAML turned into a number (or true/false/null, which ids cannot be either). */
function isNumberLike(node: Scalar): boolean {
  return node.type === 'PLAIN' && typeof node.value === 'number';
}

function codePoint(text: string, index: number): string {
  return `U+${text.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0')}`;
}

function shortText(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}

function shortTag(tag: string): string {
  const local = tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice(18)}` : tag;
  return shortText(local);
}

/** The parser's syntax errors, one per place, in words that say what to change. */
function syntaxDiagnostics(
  doc: Document.Parsed,
  source: string,
  lineCounter: LineCounter,
  file: string,
  firstLine: number,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  // An over-indented line gives two errors that start on the line above: one report, for the line.
  const spans = doc.errors
    .filter((e) => e.code === 'MULTILINE_IMPLICIT_KEY')
    .map((e) => [e.pos[0], e.pos[1]] as const);
  for (const error of doc.errors) {
    if (
      error.code === 'BLOCK_AS_IMPLICIT_KEY' &&
      spans.some(([from, to]) => error.pos[0] >= from && error.pos[0] < to)
    ) {
      continue;
    }
    const explained = explain(error, source, lineCounter);
    const line = explained.place.line + firstLine;
    const key = `${line}:${explained.place.col}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      rule: error.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax',
      severity: 'error',
      path: [],
      message: explained.message,
      file,
      line,
      column: explained.place.col,
    });
    // After an unclosed bracket or quote, every later error is a consequence of it.
    if (explained.message.includes('not closed')) break;
  }
  return out;
}

function explain(
  error: YAMLParseError,
  source: string,
  lineCounter: LineCounter,
): { message: string; place: Place } {
  const start = lineCounter.linePos(error.pos[0]);
  const here = { message: '', place: start };
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return { ...here, message: 'duplicate key: each key may appear once in a mapping' };
    case 'TAB_AS_INDENT':
      return {
        ...here,
        message: 'a tab is used for indentation; YAML indents with spaces only: replace the tab',
      };
    case 'MULTILINE_IMPLICIT_KEY': {
      const end = lineCounter.linePos(Math.max(error.pos[0], error.pos[1] - 1));
      const firstIndent = indentOf(source, lineStart(source, error.pos[0]));
      const lastStart = lineStart(source, Math.max(error.pos[0], error.pos[1] - 1));
      const lastIndent = indentOf(source, lastStart);
      if (end.line > start.line && lastIndent > firstIndent) {
        return {
          place: { line: end.line, col: lastIndent + 1 },
          message: `this line is indented more than the line above it, so YAML reads it as part of line ${start.line}'s value; line its key up with the keys above it`,
        };
      }
      return {
        ...here,
        message:
          end.line > start.line
            ? `this line is not "key: value" and runs into line ${end.line}; add the missing ":" or quote the text`
            : 'a key must fit on one line',
      };
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
      return {
        ...here,
        message:
          'a second "key: value" starts on the same line as a key; put it on its own line, indented, or quote the value',
      };
    case 'BAD_INDENT':
      if (/^Flow (?:sequence|mapping)/.test(error.message)) {
        return {
          ...here,
          message:
            'a [ or { above is not closed where this line starts; close it or indent this line',
        };
      }
      if (error.message.startsWith('All mapping items')) {
        return {
          ...here,
          message: 'this key is not lined up with the keys of its mapping; indent it like them',
        };
      }
      if (error.message.startsWith('All sequence items')) {
        return {
          ...here,
          message: 'this "- " item is not lined up with the items of its list; indent it like them',
        };
      }
      return { ...here, message: 'the indentation of this line does not fit the lines above it' };
    case 'MISSING_CHAR':
      if (error.message.includes('quote')) {
        return { ...here, message: 'a quoted text is not closed: add the closing quote' };
      }
      if (error.message.startsWith('Implicit map keys')) {
        return { ...here, message: 'this line has no ":"; write key: value' };
      }
      if (/flow (?:sequence|collection|map)/i.test(error.message)) {
        return { ...here, message: 'a [ or { is not closed: add the closing ] or }' };
      }
      break;
    case 'MULTIPLE_DOCS':
      return {
        ...here,
        message: 'the file holds more than one YAML document (a second ---); keep one org per file',
      };
    case 'KEY_OVER_1024_CHARS':
      return { ...here, message: 'a key is longer than 1024 characters' };
    case 'BAD_DQ_ESCAPE':
      return {
        ...here,
        message:
          'a backslash in double quotes starts an unknown escape; write \\\\ or use single quotes',
      };
    default:
      break;
  }
  const first = (error.message.split('\n')[0] ?? error.message).replace(
    / at line \d+, column \d+:?$/,
    '',
  );
  return { ...here, message: `YAML syntax: ${first}` };
}

function lineStart(source: string, offset: number): number {
  if (offset <= 0) return 0;
  return source.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
}

function indentOf(source: string, start: number): number {
  let i = start;
  while (source[i] === ' ') i++;
  return i - start;
}

/** Why converting a parsed document to data failed, for a `yaml-syntax` error. */
export function unreadableMessage(error: unknown): string {
  return `the YAML could not be read: ${resourceMessage(error)}`;
}

function resourceMessage(error: unknown): string {
  if (error instanceof RangeError)
    return 'it is nested too deeply, or a [ or { is never closed; check brackets near the end of the last edit';
  if (isAliasLimitError(error)) return TOO_MANY_ALIASES;
  if (error instanceof ReferenceError && error.message.startsWith('Unresolved alias'))
    return 'an alias (*name) has no anchor (&name) before it';
  return error instanceof Error ? (error.message.split('\n')[0] ?? 'unknown error') : String(error);
}

/** The yaml package refused to expand an anchor more than `maxAliasCount` times. */
export function isAliasLimitError(error: unknown): boolean {
  return error instanceof ReferenceError && error.message.startsWith('Excessive alias count');
}

export const TOO_MANY_ALIASES = `it uses more than ${MAX_YAML_ALIASES} aliases (refused: alias expansion can exhaust memory)`;
