/**
 * The rebalance read by a CS leader: the accounts that could not move grouped by owner and
 * cause (JSON too, with every id), the starter books apart from the moves to make now, and a team
 * whose work is past what it can carry shown without a band that would mean nothing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rebalance } from '../../src/core/rebalance/index.js';
import {
  renderRebalanceJson,
  renderRebalanceMarkdown,
  renderRebalanceText,
} from '../../src/render/rebalance.js';
import { AS_OF } from '../helpers/org.js';
import { loadText } from '../helpers/rebalance-invariants.js';

const FILE = 'examples/people-over-time.yaml';

async function peopleOverTime() {
  return rebalance(await loadText(readFileSync(FILE, 'utf8'), AS_OF));
}

describe('rebalance of examples/people-over-time.yaml, as a CS leader reads it', () => {
  it('groups the 43 accounts that could not move into two lines, with count, ARR, first ids and the fix', async () => {
    const result = await peopleOverTime();
    const text = renderRebalanceText(result, { color: false, width: 400, file: FILE });
    // Ella leaves with 45 mid-market accounts; 4 go to sam (mm-03, mm-14, mm-25, mm-36: $75k
    // each). The other 41 cannot: sam is then at the largest book allowed and theo is in week 3
    // of the ramp (no book). Their ARR: ella's $2,706k minus 4 x $75k = $2,406k, "$2.4M". Nina's
    // ent-03 ($250k) and ent-11 ($220k) renew on 2027-01-05, inside the 60-day freeze: $470k.
    expect(text).toContain('Could not move (43 accounts, $2.9M)');
    expect(text).toContain(
      '  ella: 41 accounts, $2.4M: nobody who serves mid-market accounts has room: sam at 100% of the largest book allowed; theo can carry no book today (week 3 of the ramp); hire, or choose the new owner by hand\n    mm-01, mm-02, mm-04, mm-05, mm-06 and 36 more',
    );
    expect(text).toContain(
      '  nina: 2 accounts, $470k: renews in 43 days (2027-01-05), inside the 60-day freeze before a renewal: move it after the renewal\n    ent-03, ent-11',
    );
    expect(text.match(/mm-\d\d \(ella\)/g)).toBeNull();
    // JSON has the same two groups, in the order of their first id, each with every id.
    const json = JSON.parse(renderRebalanceJson(result, FILE));
    expect(json.unmovable).toHaveLength(2);
    expect(json.unmovable[0]).toEqual({
      owner: 'nina',
      reason: 'renewal-freeze',
      detail:
        'renews in 43 days (2027-01-05), inside the 60-day freeze before a renewal: move it after the renewal',
      count: 2,
      arr: 470_000,
      accounts: ['ent-03', 'ent-11'],
    });
    expect(json.unmovable[1]).toMatchObject({ owner: 'ella', reason: 'no-room', count: 41 });
    expect(json.unmovable[1].arr).toBe(2_406_000);
    expect(json.unmovable[1].accounts).toHaveLength(41);
    expect(json.unmovable[1].accounts.slice(0, 3)).toEqual(['mm-01', 'mm-02', 'mm-04']);
  });

  it('says a leaver still past a limit is leaving with accounts nobody took, not that they can carry nothing today', async () => {
    const result = await peopleOverTime();
    const text = renderRebalanceText(result, { color: false, width: 400, file: FILE });
    // ella works until 2027-02-12, so "can carry no book today" would be false on 2026-11-23; her
    // 41 accounts are past a limit only because nobody can take them before she goes.
    expect(text).toContain(
      '  ella (mid-market) leaves with accounts nobody has taken over yet\n    ella leaves on 2027-02-12;',
    );
    expect(text).not.toContain('ella (mid-market) holds accounts and can carry no book today');
    const markdown = renderRebalanceMarkdown(result, FILE);
    expect(markdown).toContain(
      '- ella (mid-market) leaves with accounts nobody has taken over yet: ella leaves on 2027-02-12;',
    );
  });

  it('lists the starter book apart from the moves to make now', async () => {
    const result = await peopleOverTime();
    const text = renderRebalanceText(result, { color: false, width: 400, file: FILE });
    // rui starts 2026-12-14; weeks 1-4 carry no book, so the first book comes in week 5:
    // 2026-12-14 + 28 days = 2027-01-11.
    expect(text).toContain(
      'Rebalance as of 2026-11-23: 4 moves now, 8 planned for later (1 starter book), 43 accounts that could not move.',
    );
    const moves = text.slice(text.indexOf('\nMoves\n'), text.indexOf('Planned for later'));
    expect(moves).not.toContain('rui');
    expect(text).toContain('Planned for later: starter books, written on or after their date');
    // In week 5 rui carries half a book (ramp: weeks 5-6 at 50%); enterprise ARR decides the
    // load ($3.5M a book), so the starter book holds at most $1.75M. Smallest green accounts
    // first: 180 + 190 + 200 + 200 + 210 + 220 = $1,200k; a 7th green would put nina over 30%
    // red/yellow (6 of 19), so the yellow ent-19 ($190k) goes, then ent-04 ($230k): $1,620k.
    // ent-17 ($230k) would make $1,850k, past the $1.75M the ramp allows.
    expect(text).toContain('  rui, from 2027-01-11: 8 accounts, $1.6M, from nina');
    const md = renderRebalanceMarkdown(result, FILE);
    expect(md).toContain('### Planned for later');
    expect(md).toContain(
      '| rui | 2027-01-11 | 8: ent-26, ent-06, ent-12, ent-25, ent-18 and 3 more |',
    );
    expect(md).toContain('| ella | 41: mm-01, mm-02, mm-04, mm-05, mm-06 and 36 more |');
  });

  it('gives no band to a team whose books hold more than its CSMs can carry', async () => {
    const result = await peopleOverTime();
    const text = renderRebalanceText(result, { color: false, width: 400, file: FILE });
    // Mid-market: ella's 45 and sam's 45 accounts, each book 135% of a target book; ella
    // (leaving) and theo (week 3) carry nothing today, sam 1.0: (1.35 + 1.35) / 1 = 270%.
    expect(text).toContain(
      'Team mid-market (mid-market): 3 CSMs; its books hold 270% of what its CSMs can carry today: the team needs more CSMs, and no book may pass the largest allowed',
    );
    expect(text).not.toContain('band up to 297%');
  });
});

describe('rebalance of examples/big-accounts.yaml: no CSM yet', () => {
  it('says the team has nobody yet and why nothing moves, instead of a band of 0%', async () => {
    const file = 'examples/big-accounts.yaml';
    const result = rebalance(await loadText(readFileSync(file, 'utf8'), AS_OF));
    const text = renderRebalanceText(result, { color: false, width: 400, file });
    expect(text).toContain('Team top-accounts (strategic, enterprise): no CSM yet\n');
    expect(text).not.toContain('band up to 0%');
    expect(text).toContain('No moves: the accounts below could not move (see why for each).');
    expect(text).not.toContain('every book is inside its band');
    expect(text).toContain(
      'no CSM who can carry accounts today serves strategic accounts: hire one, or give a CSM the segment',
    );
  });
});

describe('rebalance of examples/first-csm.yaml: only a starter book ahead', () => {
  it('says there is nothing to move now, in text and HTML, and when the starter book comes', async () => {
    const file = 'examples/first-csm.yaml';
    const result = rebalance(await loadText(readFileSync(file, 'utf8'), AS_OF));
    // new-csm starts 2026-12-07; weeks 1-4 carry no book: the first book from 2026-12-07 + 28
    // days = 2027-01-04. Every move is that starter book.
    const later = result.moves.length;
    expect(later).toBeGreaterThan(0);
    expect(result.moves.every((m) => m.effective === '2027-01-04')).toBe(true);
    const text = renderRebalanceText(result, { color: false, width: 400, file });
    expect(text).toContain('No moves to make now.');
    expect(text).toContain(`  new-csm, from 2027-01-04: ${later} accounts`);
    const { renderRebalanceHtml } = await import('../../src/render/html/rebalance.js');
    expect(renderRebalanceHtml(result, file)).toContain(
      `Nothing to move now; ${later} starter-book moves on 2027-01-04.`,
    );
  });
});
