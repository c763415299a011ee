/**
 * An org file's `team:` list read by the fast reader (yaml-fast.ts) when every person in it is
 * written in a regular shape: the yaml package takes about a second for 20,000 people (0.4 s for
 * a 3,000-person reporting chain), the fast reader a small part of that. The list's lines are then emptied (each stays, as an empty
 * line) before the yaml package parses the rest, so every other line and column stays as it was,
 * and paths into the team are located from the text. A file with anchors or aliases, or with any
 * person the fast reader declines, is left to the yaml package whole.
 */
import type { Path } from '../core/model.js';
import { blankLines, LineIndex, type LineRange } from './line-index.js';
import type { Locator } from './locate.js';
import { type ItemPlaces, readRegularItems, regularItemPlaces } from './yaml-fast.js';
import { mayHoldAnchors, topLevelSection } from './yaml-slices.js';

export interface RegularTeam {
  /** The people, as the yaml package would give them. */
  items: Record<string, unknown>[];
  /** The list's lines of the file, [first, end): the lines `blanked` empties. */
  listLines: LineRange;
  /**
   * The file with the list's lines emptied: `team:` reads as empty. Built when first asked for:
   * a large file's slices read the file itself, leaving out these lines (see yaml-slices.ts).
   */
  readonly blanked: string;
  /** Locates paths into the team from the text; other paths with `outer`. */
  locator(outer: Locator, file: string): Locator;
}

/** `lines`: the text's line index, when the caller has one. */
export function readRegularTeam(
  text: string,
  lines = new LineIndex(text),
): RegularTeam | undefined {
  if (mayHoldAnchors(text)) return undefined;
  const section = topLevelSection(lines, 'team');
  if (!section || section.end - section.start < 2) return undefined;
  const first = section.start + 1;
  const itemLines: number[] = [];
  const items = readRegularItems(lines, first, section.end, itemLines);
  if (!items) return undefined;
  const listLines = { first, end: section.end };
  let blanked: string | undefined;
  const firstItem = itemLines[0] as number;
  const dash = lines.start(firstItem) + lines.line(firstItem).indexOf('-');
  const endOf = (k: number) => itemLines[k + 1] ?? section.end;
  const place = (offset: number, k: number) => {
    let line = itemLines[k] as number;
    while (line + 1 < endOf(k) && lines.start(line + 1) <= offset) line++;
    return { line: line + 1, column: offset - lines.start(line) + 1 };
  };
  return {
    items,
    listLines,
    get blanked() {
      // The whole text holds the list's lines: nothing to decline.
      blanked ??= blankLines(lines, listLines, 0, text.length) as string;
      return blanked;
    },
    locator: (outer, file) => (path, options) => {
      if (path[0] !== 'team' || (path.length === 1 && options?.key === true))
        return outer(path, options);
      const k = path[1];
      // The list itself, or a person it does not have: the list's first `-`, as yaml places it.
      if (typeof k !== 'number' || itemLines[k] === undefined) return { file, ...place(dash, 0) };
      const places = regularItemPlaces(lines, itemLines[k], endOf(k));
      if (!places) return outer(path, options);
      return { file, ...place(offsetIn(places, path.slice(2), options?.key === true), k) };
    },
  };
}

/** The offset of `rest` (a key and what is below it) in an item, as `offsetOf` finds it. */
function offsetIn(places: ItemPlaces, rest: Path, wantKey: boolean): number {
  const [key] = rest;
  const found = key === undefined ? undefined : places.keys.get(String(key));
  if (!found) return places.start;
  return wantKey && rest.length === 1 ? found.key : found.value;
}
