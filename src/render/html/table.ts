/** A data table for the HTML reports: a caption, a head row, numeric columns right-aligned. */
import { type Html, html } from './html.js';

export type Cell = string | number | Html;

export interface TableInput {
  caption?: string;
  head: readonly string[];
  rows: readonly (readonly Cell[])[];
  /** Indexes of numeric columns. */
  numeric?: readonly number[];
  /** Index of a column of long text (it gets room to wrap). */
  prose?: number;
  /** Indexes of columns of dates, kept on one line. */
  dates?: readonly number[];
}

export function dataTable({
  caption,
  head,
  rows,
  numeric = [],
  prose,
  dates = [],
}: TableInput): Html {
  const cls = (i: number) =>
    numeric.includes(i)
      ? html` class="num"`
      : i === prose
        ? html` class="why"`
        : dates.includes(i)
          ? html` class="date"`
          : '';
  // A wide table scrolls in its own box, which the keyboard can reach and a screen reader names.
  return html`<div class="scroll" tabindex="0" role="region" aria-label="${caption ?? `Table: ${head.join(', ')}`}"><table>${caption ? html`<caption class="meta">${caption}</caption>` : ''}
<thead><tr>${head.map((h, i) => html`<th scope="col"${cls(i)}>${h}</th>`)}</tr></thead>
<tbody>${rows.map((row) => html`<tr>${row.map((cell, i) => html`<td${cls(i)}>${cell}</td>`)}</tr>\n`)}</tbody>
</table></div>`;
}
