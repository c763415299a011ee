/**
 * The shell of every HTML report: one self-contained file (no script, no font, no image fetched),
 * a style sheet for screen widths from a phone to a monitor, and print rules so `Save as PDF`
 * on A4 or Letter gives a clean report (the page size is the printer's; sections avoid breaks).
 */
import { type Html, html, rawHtml } from './html.js';

const STYLE = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #4a5360; --line: #d5dae1; --band: #e8eef6;
  --work: #2f5d8a; --today: #7a8899; --target: #1f7a4d; --hire: #c25e00; --late: #b3261e;
  --moved: #6b3fa0; --paper: #ffffff; --tint: #f6f8fa; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 15px/1.5 system-ui,
  -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1080px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 1.2rem; margin: 0 0 10px; }
h3 { font-size: 1rem; margin: 16px 0 6px; }
p, li { overflow-wrap: anywhere; }
.meta { color: var(--muted); margin: 0 0 18px; }
section { margin: 0 0 26px; padding: 18px 20px; border: 1px solid var(--line); border-radius: 8px; }
.answer { background: var(--tint); border-left: 6px solid var(--work); }
.answer p { margin: 0 0 8px; font-size: 1.05rem; }
.answer p.lead { font-size: 1.2rem; font-weight: 600; }
.answer .blocker { color: var(--late); font-weight: 600; }
.facts { display: flex; flex-wrap: wrap; gap: 10px 28px; margin: 12px 0 0; padding: 0; list-style: none; }
.facts li { min-width: 120px; }
.facts b { display: block; font-size: 1.4rem; }
.facts span { color: var(--muted); font-size: .85rem; }
figure { margin: 0; }
figcaption { color: var(--muted); font-size: .9rem; margin-top: 6px; }
svg { display: block; max-width: 100%; height: auto; }
svg text { font-family: inherit; fill: var(--ink); }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 8px 0 0; padding: 0; list-style: none;
  font-size: .85rem; color: var(--muted); }
.legend i { display: inline-block; width: 12px; height: 12px; margin-right: 5px; vertical-align: -1px;
  border-radius: 2px; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin-top: 8px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--tint); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.why { min-width: 14em; }
td.date { white-space: nowrap; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: .85rem; }
.late { color: var(--late); font-weight: 600; }
.hire { color: var(--hire); font-weight: 600; }
.moved { color: var(--moved); font-weight: 600; }
.sev-error { color: var(--late); font-weight: 600; }
.sev-warning { color: #8a4b00; font-weight: 600; }
.sev-info { color: var(--work); font-weight: 600; }
ul.findings { padding-left: 18px; }
ul.findings li { margin-bottom: 6px; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
details { margin-top: 10px; }
summary { cursor: pointer; color: var(--work); }
footer { color: var(--muted); font-size: .85rem; }
@media (max-width: 600px) {
  main { padding: 14px 10px 32px; }
  section { padding: 12px; }
  h1 { font-size: 1.3rem; }
  th, td { padding: 4px 5px; }
}
@media print {
  @page { margin: 14mm 12mm; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  section { break-inside: avoid; border: none; padding: 0 0 6mm; margin: 0 0 4mm;
    border-bottom: 1px solid var(--line); border-radius: 0; }
  section.long { break-inside: auto; }
  figure, tr { break-inside: avoid; }
  h2 { break-after: avoid; }
  .scroll { overflow: visible; }
  details > summary { display: none; }
  .answer { background: none; border-left-width: 4px; padding-left: 4mm; }
  body { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

export interface PageInput {
  title: string;
  body: Html;
}

export function htmlPage({ title, body }: PageInput): string {
  return `<!doctype html>\n${
    html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="csplan">
<title>${title}</title>
<style>${rawHtml(STYLE)}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`.markup
  }\n`;
}
