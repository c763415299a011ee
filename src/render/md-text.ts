/**
 * Markdown built from user text (company names, ids, file paths, messages that quote them):
 * every renderer escapes through here, so a name like `<b>Acme</b> *Inc*` or `a|b` reads as
 * written in a pull request comment, a wiki page or the GitHub step summary.
 */

/** Text already written as Markdown (a code span, bold), passed through as it is. */
export interface Markdown {
  readonly markdown: string;
}

export function mdRaw(markdown: string): Markdown {
  return { markdown };
}

/**
 * User text as inline Markdown: the characters that start emphasis, code, links, HTML,
 * strikethrough or a table cell are backslash-escaped, and so is an `&` that would start an
 * entity (`&lt;`). New lines become spaces, so the text stays on its line.
 */
export function mdText(text: string): string {
  return text
    .replace(/[\\`*_[\]<|~]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/\r?\n/g, ' ');
}

/** A code span that holds any text: the fence is longer than any run of backticks inside. */
export function mdCode(text: string): Markdown {
  const flat = text.replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return mdRaw(`${fence}${pad}${flat}${pad}${fence}`);
}

export type MdCell = string | Markdown;

/** A table cell: text escaped; Markdown kept, its pipes escaped (GFM splits on them even in code). */
export function mdCell(cell: MdCell): string {
  if (typeof cell === 'string') return mdText(cell);
  return cell.markdown.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function mdTable(
  head: readonly MdCell[],
  rows: readonly (readonly MdCell[])[],
  right: readonly number[] = [],
): string {
  const line = (cells: readonly MdCell[]) => `| ${cells.map(mdCell).join(' | ')} |`;
  const rule = `|${head.map((_, i) => (right.includes(i) ? ' ---: ' : ' --- ')).join('|')}|`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}
