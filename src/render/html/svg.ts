/**
 * The frame every chart shares: an inline SVG that scales to its column, announced as one image
 * whose name and description are its `<title>` and `<desc>` (the text alternative), and a legend
 * in HTML below it.
 */
import { type Html, html, px } from './html.js';

export interface ChartFrame {
  /** Unique in the page: the ids of the title and description derive from it. */
  id: string;
  title: string;
  desc: string;
  width: number;
  height: number;
  body: Html;
}

export function svgChart(frame: ChartFrame): Html {
  const { id, width, height } = frame;
  return html`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${px(width)} ${px(height)}" width="${px(width)}" height="${px(height)}" role="img" aria-labelledby="${id}-title ${id}-desc" data-chart="${id}">
<title id="${id}-title">${frame.title}</title>
<desc id="${id}-desc">${frame.desc}</desc>
${frame.body}
</svg>`;
}

export interface LegendItem {
  label: string;
  color: string;
  /** A hatched or outlined swatch, for ranges and planned items. */
  style?: string;
}

export function legend(items: readonly LegendItem[]): Html {
  return html`<ul class="legend">${items.map(
    (item) =>
      html`<li><i style="background:${item.color};${item.style ?? ''}" aria-hidden="true"></i>${item.label}</li>`,
  )}</ul>`;
}

/** Text that may not fit: cut to `max` characters with an ellipsis (the full text is in the tables). */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

export const COLORS = {
  work: '#2f5d8a',
  today: '#7a8899',
  target: '#1f7a4d',
  hire: '#c25e00',
  late: '#b3261e',
  moved: '#6b3fa0',
  band: '#dbe5f1',
  line: '#c7ced8',
  muted: '#4a5360',
  outside: '#8d96a3',
} as const;
