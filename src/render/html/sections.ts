/** Parts every HTML report shares: the answer box, key figures, findings and the sources cited. */
import type { Diagnostic } from '../../core/model.js';
import { SOURCE_IDS, SOURCES } from '../../core/sources.js';
import type { AnswerParts } from '../answer.js';
import { countLine } from '../diagnostics.js';
import { type Html, html, prose } from './html.js';

export interface Fact {
  value: string;
  label: string;
}

/** The answer first: what to do next and by when, then the figures a reader asks for next. */
export function answerSection(parts: AnswerParts, facts: readonly Fact[]): Html {
  const lead = parts.moves ?? parts.req;
  const rest = parts.moves ? [parts.req, parts.hires] : [parts.hires];
  return html`<section class="answer" id="answer" aria-labelledby="answer-h">
<h2 id="answer-h">What to do next</h2>
<p class="lead">${prose(lead)}</p>
${rest.map((line) => (line ? html`<p>${prose(line)}</p>` : ''))}
${parts.blocker ? html`<p class="blocker">${prose(parts.blocker)}</p>` : ''}
${factList(facts)}
</section>`;
}

export function factList(facts: readonly Fact[]): Html {
  if (facts.length === 0) return html``;
  return html`<ul class="facts">${facts.map((f) => html`<li><b>${f.value}</b><span>${f.label}</span></li>`)}</ul>`;
}

/** A report section: its id (the tests look sections up by it), heading and content. */
export function section(id: string, title: string, body: Html, long = false): Html {
  return html`<section id="${id}" aria-labelledby="${id}-h"${long ? html` class="long"` : ''}>
<h2 id="${id}-h">${title}</h2>
${body}
</section>`;
}

export function findingsSection(findings: readonly Diagnostic[], file: string): Html {
  const items = findings.map((d) => {
    const where =
      d.line === undefined ? (d.file ?? file) : `${d.file ?? file}:${d.line}:${d.column ?? 1}`;
    return html`<li><span class="sev-${d.severity}">${d.severity}</span> <code>${d.rule}</code> ${prose(d.message)} <span class="meta">(${where})</span></li>`;
  });
  return section(
    'findings',
    `Findings (${countLine(findings)})`,
    findings.length === 0
      ? html`<p>No problems found in the current org.</p>`
      : html`<ul class="findings">${items}</ul><p class="meta">Each finding names its source in brackets; <code>csplan explain RULE</code> says what it means and how to fix it.</p>`,
    true,
  );
}

/** The published sources the page cites by their short name, with their titles. */
export function sourcesSection(body: Html): Html {
  const cited = SOURCE_IDS.filter((id) => body.markup.includes(SOURCES[id].short));
  if (cited.length === 0) return html``;
  return section(
    'sources',
    'Sources',
    html`<ul>${cited.map((id) => html`<li><b>${SOURCES[id].short}</b>: ${SOURCES[id].title}</li>`)}</ul><p class="meta">What csplan takes from each is in docs/sources.md.</p>`,
  );
}

export function header(title: string, meta: string): Html {
  return html`<header><h1>${title}</h1><p class="meta">${meta}</p></header>`;
}
