/**
 * `csplan rebalance --format html`: the moves for managers, answer first, then each book before
 * and after against its team's band, the move list, and what could not move.
 */
import { formatMoney, formatPct, plural } from '../../core/money.js';
import type { BookChange, RebalanceResult } from '../../core/rebalance/types.js';
import { appliesNow } from '../../core/rebalance/types.js';
import {
  bookCells,
  firstIds,
  groupUnmovable,
  loadText,
  RULE_ORDER,
  rebalanceSummary,
  statusNote,
} from '../rebalance.js';
import { type Html, html, prose, px } from './html.js';
import { htmlPage } from './page.js';
import { type Fact, factList, header, section, sourcesSection } from './sections.js';
import { COLORS, clip, legend, svgChart } from './svg.js';
import { dataTable } from './table.js';

const WIDTH = 760;
const LABEL = 190;
const ROW = 38;
/** Loads above this are drawn to the edge with their figure: a 400% book would flatten the rest. */
const SCALE_CAP = 2;

/** A load for the chart: the share of what the CSM can carry, else the book's size. */
function drawnLoad(book: BookChange, when: 'before' | 'after'): number {
  const f = book[when];
  const value = f.loadShare ?? f.load;
  return Number.isFinite(value) ? value : SCALE_CAP;
}

function booksChart(result: RebalanceResult): Html {
  const books = result.books;
  if (books.length === 0) return html`<p>No CSM books in the file.</p>`;
  const max =
    Math.min(
      SCALE_CAP,
      Math.max(
        1,
        ...books.flatMap((b) => [drawnLoad(b, 'before'), drawnLoad(b, 'after')]),
        ...result.teams.map((t) => t.upper),
      ),
    ) * 1.08;
  const plot = WIDTH - LABEL - 90;
  const x = (value: number) => LABEL + (Math.min(value, max) / max) * plot;
  const rows = books.map((book, i) => {
    const y = i * ROW + 4;
    const band = result.teams.find((t) => t.key === book.team);
    const bar = (when: 'before' | 'after', dy: number, color: string) =>
      html`<rect x="${LABEL}" y="${y + dy}" width="${px(Math.max(1, x(drawnLoad(book, when)) - LABEL))}" height="12" fill="${color}"/><text x="${px(x(drawnLoad(book, when)) + 5)}" y="${y + dy + 10}" font-size="11">${loadText(book, when)}</text>`;
    return html`<g><text x="0" y="${y + 13}" font-size="13">${clip(`${book.csm}${statusNote(book)}`, 28)}</text><text x="0" y="${y + 28}" font-size="11" fill="${COLORS.muted}">${clip(book.team, 30)}</text>
${bar('before', 2, COLORS.today)}${bar('after', 17, COLORS.work)}
${band ? html`<line x1="${px(x(band.upper))}" x2="${px(x(band.upper))}" y1="${y}" y2="${y + 31}" stroke="${COLORS.late}" stroke-width="2" stroke-dasharray="3 2"/>` : ''}</g>`;
  });
  const desc = `Load of each book before and after the moves, as a share of what the CSM can carry today. ${books
    .map(
      (b) =>
        `${b.csm}${statusNote(b)}: ${loadText(b, 'before')} before, ${loadText(b, 'after')} after`,
    )
    .join(
      '; ',
    )}. Team bands: ${result.teams.map((t) => `${t.key} up to ${formatPct(t.upper)}`).join('; ')}.`;
  return html`<figure>
${svgChart({ id: 'books', title: 'Books before and after the moves', desc, width: WIDTH, height: books.length * ROW + 6, body: html`${rows}` })}
${legend([
  { label: 'Before', color: COLORS.today },
  { label: 'After the moves', color: COLORS.work },
  { label: "Top of the team's band", color: COLORS.late },
])}
</figure>
${dataTable({
  head: ['CSM', 'Team', 'Accounts', 'ARR', 'Load', 'Red/yellow'],
  rows: books.map(bookCells),
  numeric: [2, 3, 4, 5],
})}`;
}

function answer(result: RebalanceResult): Html {
  const now = result.moves.filter(appliesNow);
  const later = result.moves.length - now.length;
  const senders = new Set(now.map((m) => m.from ?? 'no owner'));
  const dates = [
    ...new Set(result.moves.filter((m) => !appliesNow(m)).map((m) => m.effective)),
  ].join(', ');
  const lead =
    result.moves.length === 0
      ? 'No moves: every book is inside its band and no account needs a new owner.'
      : now.length === 0
        ? `Nothing to move now; ${plural(later, 'starter-book move')} on ${dates}.`
        : `Move ${plural(now.length, 'account')} now, from ${plural(senders.size, 'book')}${later > 0 ? `; ${plural(later, 'starter-book move')} later, on ${dates}` : ''}.`;
  const blocker =
    result.unbalanced.length > 0
      ? `${plural(result.unbalanced.length, 'book')} stay above the band after the moves: ${result.unbalanced.map((u) => u.csm).join(', ')}.`
      : result.unmovable.length > 0
        ? `${plural(result.unmovable.length, 'account')} could not move and need a decision by hand (listed below).`
        : null;
  const moved = result.moves.reduce((sum, m) => sum + m.arr, 0);
  const facts: Fact[] = [
    { value: String(result.moves.length), label: 'moves' },
    { value: formatMoney(moved), label: 'ARR changing hands' },
    { value: String(result.unmovable.length), label: 'could not move' },
    { value: String(result.unbalanced.length), label: 'books still above the band' },
  ];
  return html`<section class="answer" id="answer" aria-labelledby="answer-h">
<h2 id="answer-h">What to do next</h2>
<p class="lead">${lead}</p>
<p>${rebalanceSummary(result)} Apply with <code>csplan rebalance --write</code> (owners in the org file or its CRM export) or <code>--moves-csv FILE</code> (a CRM bulk update).</p>
${blocker ? html`<p class="blocker">${blocker}</p>` : ''}
${factList(facts)}
</section>`;
}

export function renderRebalanceHtml(result: RebalanceResult, file: string): string {
  const title = `${result.onlyUnowned ? 'Assignment' : 'Rebalance'}: ${file}`;
  const body = html`${header(title, `As of ${result.asOf} · tolerance ${formatPct(result.tolerance)} above the team's mean load`)}
${answer(result)}
${section('books', 'Books before and after', booksChart(result), true)}
${section(
  'moves',
  'Moves',
  result.moves.length === 0
    ? html`<p>No moves.</p>`
    : dataTable({
        head: ['Account', 'ARR', 'From', 'To', 'When', 'Why'],
        rows: result.moves.map((m) => [
          m.name && m.name !== m.account ? `${m.account} (${m.name})` : m.account,
          formatMoney(m.arr),
          m.from ?? 'no owner',
          m.to,
          m.effective ?? 'now',
          prose(m.reason),
        ]),
        numeric: [1],
        prose: 5,
      }),
  true,
)}
${result.unmovable.length > 0 ? section('unmovable', 'Could not move', dataTable({ head: ['Owner', 'Accounts', 'ARR', 'Why it stays, and what to do'], rows: groupUnmovable(result.unmovable).map((g) => [g.owner ?? 'no owner', `${g.accounts.length}: ${firstIds(g.accounts)}`, formatMoney(g.arr), prose(g.detail)]), numeric: [2], prose: 3 })) : ''}
${section('teams', 'Team bands', dataTable({ head: ['Team', 'Segments', 'CSMs', 'Mean load', 'Band up to'], rows: result.teams.map((t) => [t.key, t.segments.join(', ') || 'no accounts', t.members.length, formatPct(t.mean), formatPct(t.upper)]), numeric: [2, 3, 4] }))}
${section('rules', 'Rules, in order', html`<ul>${RULE_ORDER.map((r) => html`<li>${prose(r)}</li>`)}</ul>`)}`;
  return htmlPage({ title, body: html`${body}${sourcesSection(body)}` });
}
