/**
 * Turns a path into the user's file (['accounts', 3, 'owner']) into a line and column, falling
 * back to the nearest ancestor that exists in the document.
 */
import { type Document, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import type { Diagnostic, Path } from '../core/model.js';
import { pathToString } from '../core/paths.js';

export interface Location {
  file: string;
  line?: number;
  column?: number;
}

/** Resolves paths of the normalised org back to a place in some input file. */
export type Locator = (path: Path, options?: { key?: boolean }) => Location;

export function yamlLocator(file: string, doc: Document, lineCounter: LineCounter): Locator {
  return (path, options = {}) => {
    const offset = offsetOf(doc.contents as Node | null, path, options.key === true);
    if (offset === undefined) return { file };
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
}

export function offsetOf(root: Node | null, path: Path, wantKey: boolean): number | undefined {
  let node: unknown = root;
  let best = rangeStart(root);
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && keyOf(item.key) === String(segment));
      if (!pair) return best;
      if (last && wantKey) return rangeStart(pair.key as Node) ?? best;
      node = pair.value;
      // A key with no value (`owner:`) has no value node: point at the key.
      best = rangeStart(node as Node) ?? rangeStart(pair.key as Node) ?? best;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) return best;
      node = item;
      best = rangeStart(item as Node) ?? best;
    } else {
      return best;
    }
  }
  return best;
}

function keyOf(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function rangeStart(node: Node | null | undefined): number | undefined {
  return node?.range?.[0];
}

/**
 * Fills in file, line and column for diagnostics that only carry a path, and writes the place of
 * a `related` path into the message's `{related}`.
 */
export function locateDiagnostics(
  diagnostics: readonly Diagnostic[],
  locate: Locator,
): Diagnostic[] {
  return diagnostics.map((d) => {
    let located = d;
    if (d.line === undefined) {
      const where = locate(d.path, { key: d.rule === 'unknown-key' });
      located = { ...d, file: d.file ?? where.file, line: where.line, column: where.column };
    }
    return d.related ? withRelated(located, d.related, locate) : located;
  });
}

/** "line 4" in the diagnostic's own file, "file:line:column" in another, else the path. */
function withRelated(d: Diagnostic, related: Path, locate: Locator): Diagnostic {
  const where = locate(related);
  let place = pathToString(related);
  if (where.line !== undefined && where.file === d.file) place = `line ${where.line}`;
  else if (where.line !== undefined) place = `${where.file}:${where.line}:${where.column ?? 1}`;
  // The rule's own token is the last one: an id quoted earlier in the message may contain it too.
  const at = d.message.lastIndexOf(RELATED);
  if (at === -1) return d;
  const message = d.message.slice(0, at) + place + d.message.slice(at + RELATED.length);
  return { ...d, message, template: d.message };
}

const RELATED = '{related}';

/** Input problems read best in file order; the sort is stable for problems at the same place. */
export function sortByPlace(diagnostics: Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => [d.file ?? '', d.line ?? 0, d.column ?? 0] as const;
  return [...diagnostics].sort((a, b) => {
    const [fa, la, ca] = key(a);
    const [fb, lb, cb] = key(b);
    return fa < fb ? -1 : fa > fb ? 1 : la - lb || ca - cb;
  });
}
