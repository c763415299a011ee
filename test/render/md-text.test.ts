import { describe, expect, it } from 'vitest';
import { mdCell, mdCode, mdTable, mdText } from '../../src/render/md-text.js';
import { runCli } from '../helpers/io.js';

describe('mdText', () => {
  it.each([
    ['<b>Acme</b>', '\\<b>Acme\\</b>'],
    ['*Inc*', '\\*Inc\\*'],
    ['_Labs_', '\\_Labs\\_'],
    ['a|b', 'a\\|b'],
    ['`code`', '\\`code\\`'],
    ['[link](x)', '\\[link\\](x)'],
    ['back\\slash', 'back\\\\slash'],
    ['~~gone~~', '\\~\\~gone\\~\\~'],
    ['AT&T &amp; &#38;', 'AT&T \\&amp; \\&#38;'],
    ['two\nlines', 'two lines'],
    ['plain text, 40% -> 50%', 'plain text, 40% -> 50%'],
  ])('%j', (text, markdown) => {
    expect(mdText(text)).toBe(markdown);
  });
});

describe('mdCode', () => {
  it('fences with one more backtick than the longest run inside', () => {
    expect(mdCode('span-of-control').markdown).toBe('`span-of-control`');
    expect(mdCode('a`b').markdown).toBe('``a`b``');
    expect(mdCode('a``b`').markdown).toBe('``` a``b` ```');
  });

  it('escapes pipes even inside a code span in a table cell', () => {
    expect(mdCell(mdCode('a|b'))).toBe('`a\\|b`');
    expect(mdCell('a|b')).toBe('a\\|b');
  });
});

describe('mdTable', () => {
  it('escapes text cells and keeps Markdown cells', () => {
    expect(mdTable(['Rule', 'Message'], [[mdCode('x'), '*y*']], [1])).toBe(
      ['| Rule | Message |', '| --- | ---: |', '| `x` | \\*y\\* |'].join('\n'),
    );
  });
});

/** The cells of a GFM table row: split on pipes that are not escaped. */
function cells(row: string): number {
  return row.split(/(?<!\\)\|/).length - 2;
}

describe('Markdown output with names full of Markdown', () => {
  const FILE = 'test/fixtures/markdown/names.yaml';

  it('check: escaped names, every table row as wide as its head', async () => {
    const { stdout } = await runCli(['check', FILE, '-f', 'markdown']);
    expect(stdout).toContain(
      '"c\\*y\\|\\`z\\`" has 4 of 10 accounts red or yellow (40%; limit 30%): "r\\_1", "y\\|1", "y\\`2" and "\\<y3>"',
    );
    expect(stdout).toContain('| `book-health-mix` |');
    expect(stdout).not.toMatch(/(?<!\\)<y3>/);
    for (const table of stdout.split('\n\n').filter((b) => b.startsWith('|'))) {
      const rows = table.split('\n').filter(Boolean);
      for (const row of rows) expect(cells(row), row).toBe(cells(rows[0] ?? ''));
    }
  });

  it('recommend: the company name, the book ids and the findings are escaped', async () => {
    const { stdout } = await runCli(['recommend', FILE, '-f', 'markdown']);
    expect(stdout).toContain('# \\<b>Acme\\</b> \\*Inc\\* \\| \\_Labs\\_: Customer Success plan');
    expect(stdout).toContain('| c\\*y\\|\\`z\\` | Mid-Market | 10 | $300k |');
    expect(stdout).toContain('"r\\_1", "y\\|1", "y\\`2" and "\\<y3>"');
    expect(stdout).not.toMatch(/(?<!\\)<b>/);
  });

  it('diff: file names in code spans that hold a backtick', async () => {
    const { stdout } = await runCli(['diff', FILE, FILE, '-f', 'markdown']);
    expect(stdout.split('\n')[0]).toBe(`## csplan diff: \`${FILE}\` -> \`${FILE}\``);
  });
});
