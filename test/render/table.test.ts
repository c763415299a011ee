import { describe, expect, it } from 'vitest';
import { renderTable, tableLayout } from '../../src/render/table.js';
import { stripAnsi } from '../../src/render/wrap.js';

const HEAD = ['When', 'Hire', 'Why'];
const ROWS = [
  ['now', '1 x CSM', 'the enterprise books are over capacity'],
  ['later', '1 x CS Ops', 'tooling'],
];
const plain = (width: number) => ({ color: false, width });
const widest = (text: string) => Math.max(...text.split('\n').map((l) => stripAnsi(l).length));

describe('tableLayout', () => {
  it('keeps one line per row when the natural widths fit', () => {
    // Natural widths 5 + 10 + 38, plus 3 per column and 1: 63 columns.
    expect(tableLayout(HEAD, ROWS, 63)).toEqual({ layout: 'lines', widths: [5, 10, 38] });
  });

  it('wraps when the natural widths do not fit, never narrower than the longest word', () => {
    // 62 columns leave 52 for text. When (5) and Hire (10) are under a fair share (52 / 3),
    // so they keep their width; Why gets the other 37.
    expect(tableLayout(HEAD, ROWS, 62)).toEqual({ layout: 'wrapped', widths: [5, 10, 37] });
    // 40 columns leave 30: When and Hire still fit a fair share (10), Why gets 15.
    expect(tableLayout(HEAD, ROWS, 40)).toEqual({ layout: 'wrapped', widths: [5, 10, 15] });
    // 30 columns leave 20: When keeps 5; Hire (10) is over a fair share of 15 (7.5), so Hire
    // and Why start from their longest words (4, 10) and the one spare column goes to Why.
    expect(tableLayout(HEAD, ROWS, 30)).toEqual({ layout: 'wrapped', widths: [5, 4, 11] });
  });

  it('stacks when even the longest words cannot fit side by side', () => {
    // Longest words 5 ("later") + 4 ("Hire") + 10 ("enterprise") = 19, frame 10: 29 columns.
    expect(tableLayout(HEAD, ROWS, 29).layout).toBe('wrapped');
    expect(tableLayout(HEAD, ROWS, 28).layout).toBe('stacked');
  });
});

describe('renderTable', () => {
  it('draws rows on one line each when they fit', () => {
    expect(renderTable(HEAD, ROWS, plain(80))).toBe(
      [
        '┌───────┬────────────┬────────────────────────────────────────┐',
        '│ When  │ Hire       │ Why                                    │',
        '│ now   │ 1 x CSM    │ the enterprise books are over capacity │',
        '│ later │ 1 x CS Ops │ tooling                                │',
        '└───────┴────────────┴────────────────────────────────────────┘',
      ].join('\n'),
    );
  });

  it('wraps cells at word boundaries to the width, with a rule between rows', () => {
    const text = renderTable(HEAD, ROWS, plain(40));
    expect(text).toBe(
      [
        '┌───────┬────────────┬─────────────────┐',
        '│ When  │ Hire       │ Why             │',
        '├───────┼────────────┼─────────────────┤',
        '│ now   │ 1 x CSM    │ the enterprise  │',
        '│       │            │ books are over  │',
        '│       │            │ capacity        │',
        '├───────┼────────────┼─────────────────┤',
        '│ later │ 1 x CS Ops │ tooling         │',
        '└───────┴────────────┴─────────────────┘',
      ].join('\n'),
    );
    expect(widest(text)).toBe(40);
  });

  it('stacks rows as labelled blocks when columns cannot fit, wrapping under the value', () => {
    expect(renderTable(HEAD, ROWS, plain(24))).toBe(
      [
        'When  now',
        'Hire  1 x CSM',
        'Why   the enterprise',
        '      books are over',
        '      capacity',
        '',
        'When  later',
        'Hire  1 x CS Ops',
        'Why   tooling',
      ].join('\n'),
    );
  });

  it('leaves empty cells out of a stacked block', () => {
    expect(renderTable(['CSM', 'Status'], [['dana', '']], plain(5))).toBe('CSM     dana');
  });

  it('right-aligns number columns and sizes by visible text, not colour codes', () => {
    const text = renderTable(['CSM', 'Load'], [['dana', '\u001b[31m120%\u001b[39m']], {
      color: true,
      width: 80,
      right: [1],
    });
    const body = stripAnsi(text).split('\n')[2];
    expect(body).toBe('│ dana │ 120% │');
  });
});
