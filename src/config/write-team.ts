/**
 * Writing the team an HR roster gives into the org file's `team:` list, member by member, so the
 * list keeps what people wrote in it: a member who stays keeps their comments and key order, a
 * changed value is replaced where it stands (its quoting kept when it did not change), a key the
 * roster no longer gives is removed with its line, new members are appended, and a member who
 * left is removed with the comment lines just above them. Every byte outside the edited ranges
 * stays. A `team:` that is not a block list of mappings is rewritten whole (setTopLevelBlock).
 * Pure: old text in, new text out.
 */
import { isMap, isScalar, isSeq, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import {
  type BlockValue,
  blockLines,
  column,
  flowValue,
  lineEnd,
  lineStart,
  type SpecEdit,
  sameValue,
  scalar,
  setTopLevelBlock,
} from './csv/write-spec.js';
import { parseYamlDocument } from './yaml-parse.js';

type Member = Record<string, BlockValue>;
type Range = [number, number, number];
interface Splice {
  start: number;
  end: number;
  text: string;
}

export function setTeamList(original: string, members: Member[]): SpecEdit {
  const bom = original.charCodeAt(0) === 0xfeff ? 1 : 0;
  const source = original.slice(bom);
  const doc = parseYamlDocument(source).document;
  const root = doc && doc.errors.length === 0 ? doc.contents : undefined;
  const team = isMap(root)
    ? (root.items as Pair[]).find((pair) => isScalar(pair.key) && pair.key.value === 'team')
    : undefined;
  const list = team?.value;
  if (!isSeq(list) || list.flow || list.items.length === 0 || !list.items.every(isMap))
    return setTopLevelBlock(original, 'team', members);
  const splices = memberSplices(source, list as YAMLSeq<YAMLMap>, members);
  if (splices === undefined) return setTopLevelBlock(original, 'team', members);
  let text = source;
  // Last first, so earlier offsets hold. At one offset: a removal before an insertion, and
  // insertions in reverse, so they read in the order they were made (a key, then new people).
  const order = splices.map((splice, index) => ({ ...splice, index }));
  order.sort((a, b) => b.start - a.start || b.end - a.end || b.index - a.index);
  for (const s of order) text = `${text.slice(0, s.start)}${s.text}${text.slice(s.end)}`;
  const out = `${original.slice(0, bom)}${text}`;
  return { ok: true, text: out, changed: out !== original };
}

/** The edits that turn the list into `members`; undefined when an item cannot be edited in place. */
function memberSplices(
  source: string,
  list: YAMLSeq<YAMLMap>,
  members: Member[],
): Splice[] | undefined {
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const byId = new Map(members.map((m) => [String(m.id), m]));
  const items = list.items;
  const kept = new Set<string>();
  const splices: Splice[] = [];
  for (const [index, item] of items.entries()) {
    const id = String(item.get('id'));
    const next = byId.get(id);
    const range = item.range as Range;
    if (!next) {
      // A member who left: their lines and the comment lines just above them.
      const following = items[index + 1];
      const end = following
        ? ownStart(source, (following.range as Range)[0])
        : lineEnd(source, range[1]);
      splices.push({ start: ownStart(source, range[0]), end, text: '' });
      continue;
    }
    kept.add(id);
    if (item.flow) {
      if (!sameValue(item.toJSON(), ordered(item, next)))
        splices.push({ start: range[0], end: range[1], text: flowValue(ordered(item, next)) });
      continue;
    }
    const edits = itemSplices(source, item, next, eol);
    if (edits === undefined) return undefined;
    splices.push(...edits);
  }
  const added = members.filter((m) => !kept.has(String(m.id)));
  if (added.length > 0) {
    const last = items[items.length - 1] as YAMLMap;
    const at = lineEnd(source, (last.range as Range)[1]);
    const dash = column(source, (list.range as Range)[0]);
    // Keys sit as far from the dash as in the file's first block item (`- id:`: 2).
    const block = items.find((item) => !item.flow);
    const step = block
      ? column(source, ((block.items[0] as Pair).key as { range: Range }).range[0]) - dash
      : 2;
    const lead = at === source.length && !source.endsWith('\n') ? eol : '';
    const lines = added.map((m) => listItem(m, dash, step, eol)).join('');
    splices.push({ start: at, end: at, text: `${lead}${lines}` });
  }
  return splices;
}

/** One member's edits: changed values replaced, dropped keys removed, new keys appended. */
function itemSplices(
  source: string,
  item: YAMLMap,
  next: Member,
  eol: string,
): Splice[] | undefined {
  const pairs = item.items as Pair[];
  const out: Splice[] = [];
  const keyColumn = column(source, ((pairs[0] as Pair).key as { range: Range }).range[0]);
  const dashLine = lineStart(source, (item.range as Range)[0]);
  for (const pair of pairs) {
    const key = String((pair.key as { value: unknown }).value);
    const keyRange = (pair.key as { range: Range }).range;
    const node = pair.value as { range?: Range; flow?: boolean } | null;
    const valueEnd = node?.range?.[1] ?? keyRange[1];
    if (!(key in next)) {
      // The first key shares the line with the dash: it cannot go alone.
      if (lineStart(source, keyRange[0]) === dashLine) return undefined;
      out.push({ start: lineStart(source, keyRange[0]), end: lineEnd(source, valueEnd), text: '' });
      continue;
    }
    const value = next[key] as BlockValue;
    if (isScalar(pair.value)) {
      if (String(pair.value.value) === String(value) && typeof value !== 'object') continue;
      if (typeof value === 'object') return undefined;
      const text = typeof value === 'string' ? scalar(value) : String(value);
      out.push({ start: node?.range?.[0] ?? keyRange[1], end: valueEnd, text });
    } else if (!sameValue((pair.value as YAMLMap | YAMLSeq).toJSON(), value)) {
      if (!node?.range) return undefined;
      if (node.flow) out.push({ start: node.range[0], end: node.range[1], text: flowValue(value) });
      else return undefined;
    }
  }
  const known = new Set(pairs.map((p) => String((p.key as { value: unknown }).value)));
  const appended = Object.entries(next).filter(([key]) => !known.has(key));
  if (appended.length > 0) {
    const last = pairs[pairs.length - 1] as Pair;
    const end =
      (last.value as { range?: Range } | null)?.range?.[1] ??
      (last.key as { range: Range }).range[1];
    const at = lineEnd(source, end);
    const lead = at === source.length && !source.endsWith('\n') ? eol : '';
    const text = blockLines(Object.fromEntries(appended), keyColumn, 2, eol);
    out.push({ start: at, end: at, text: `${lead}${text}` });
  }
  return out;
}

/** The member's values in the order the file has its keys, then the new keys. */
function ordered(item: YAMLMap, next: Member): Member {
  const out: Member = {};
  for (const pair of item.items as Pair[]) {
    const key = String((pair.key as { value: unknown }).value);
    if (key in next) out[key] = next[key] as BlockValue;
  }
  return { ...out, ...next };
}

/** `- id: x` with the member's other keys under it. */
function listItem(member: Member, dash: number, step: number, eol: string): string {
  const lines = blockLines(member, dash + step, 2, eol);
  return `${' '.repeat(dash)}-${' '.repeat(step - 1)}${lines.slice(dash + step)}`;
}

/** Where an item's own lines start: the comment lines right above its line belong to it. */
function ownStart(source: string, at: number): number {
  let start = lineStart(source, at);
  while (start > 0) {
    const previous = lineStart(source, start - 1);
    if (!source.slice(previous, start).trimStart().startsWith('#')) break;
    start = previous;
  }
  return start;
}
