/**
 * HTML built from user text (company names, ids, messages that quote them): the `html` tag is the
 * one escaper of the HTML reports. Every interpolated value is escaped unless it is itself
 * `Html` (made by this tag), so a name like `<script>`, `"` or `&` reads as written and can never
 * open a tag or leave an attribute. User text is never put in a URL or a script.
 */
import { safeText } from '../safe-text.js';

/** Markup made by `html` (or `rawHtml`): passed through by the tag as it is. */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML, safe in element content and in a quoted attribute; control characters shown. */
export function escapeHtml(text: string): string {
  return safeText(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

type Value = Html | string | number | null | undefined | false | readonly Value[];

function piece(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return value.map(piece).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += piece(value) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** Markup written by csplan itself (the style sheet, numbers formatted for SVG). */
export function rawHtml(markup: string): Html {
  return new Html(markup);
}

/** A number for an SVG attribute: two decimals at most, no locale. */
export function px(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Prose whose `backtick` spans (commands, keys) are set as code, the rest escaped as text. */
export function prose(text: string): Html {
  const parts = text.split(/`([^`]+)`/);
  return html`${parts.map((part, i) => (i % 2 === 1 ? html`<code>${part}</code>` : part))}`;
}
