import { describe, expect, it } from 'vitest';
import { painter } from '../../src/render/paint.js';
import {
  fitLine,
  fitText,
  longestWord,
  stripAnsi,
  visibleLength,
  wrapText,
} from '../../src/render/wrap.js';

const p = painter(true);

describe('wrapText', () => {
  it('breaks at word boundaries, filling each line up to the width', () => {
    expect(wrapText('the quick brown fox jumps over the lazy dog', 15)).toEqual([
      'the quick brown',
      'fox jumps over',
      'the lazy dog',
    ]);
  });

  it('puts the indent before the first line and the hanging indent before the others', () => {
    expect(wrapText('one two three four', 10, { indent: '- ', hanging: '  ' })).toEqual([
      '- one two',
      '  three',
      '  four',
    ]);
  });

  it('moves a long id whole to the next line rather than splitting it', () => {
    expect(wrapText('owner is 0015g000000018AAAC here', 20)).toEqual([
      'owner is',
      '0015g000000018AAAC',
      'here',
    ]);
  });

  it('splits only a word longer than a whole line', () => {
    expect(wrapText('see abcdefghijklmnop', 8, { hanging: '  ' })).toEqual([
      'see abcd',
      '  efghij',
      '  klmnop',
    ]);
  });

  it('keeps spaces as written within a line and drops them at a break', () => {
    expect(wrapText('By ARR:    Growth and more', 18)).toEqual(['By ARR:    Growth', 'and more']);
  });

  it('counts colour codes as zero columns and reopens a style on the next line', () => {
    const lines = wrapText(p.dim('aaa bbb ccc'), 7);
    expect(lines.map(stripAnsi)).toEqual(['aaa bbb', 'ccc']);
    // The first line closes its style; the second opens it again, so each line stands alone.
    expect(lines[0]).toBe('\u001b[2maaa bbb\u001b[0m');
    expect(lines[1]).toBe('\u001b[2mccc\u001b[22m');
  });

  it('does not reopen a style closed before the break', () => {
    const lines = wrapText(`${p.red('now')} and later`, 7);
    expect(lines).toEqual(['\u001b[31mnow\u001b[39m and', 'later']);
  });

  it('shortens a hanging indent that would leave no room', () => {
    const lines = wrapText('alpha beta gamma delta', 12, { hanging: ' '.repeat(10) });
    expect(lines).toEqual(['alpha beta', '   gamma', '   delta']);
  });

  it('never splits a character made of two UTF-16 units', () => {
    expect(wrapText('😀😀😀😀', 2)).toEqual(['😀😀', '😀😀']);
  });
});

describe('fitLine', () => {
  it('leaves a line that fits exactly as it is', () => {
    const line = `  ${p.bold('Stage:')}   Growth`;
    expect(fitLine(line, visibleLength(line))).toEqual([line]);
  });

  it('hangs prose two columns in from its own indent', () => {
    expect(fitLine('  Team today: 1 CEO, 7 CSMs, 1 Support Specialist', 24)).toEqual([
      '  Team today: 1 CEO, 7',
      '    CSMs, 1 Support',
      '    Specialist',
    ]);
  });

  it('hangs a list item under its text', () => {
    expect(fitLine('  - named CSMs for the top tiers', 16)).toEqual([
      '  - named CSMs',
      '    for the top',
      '    tiers',
    ]);
    expect(fitLine('1. hire a CSM for the mid-market', 16)).toEqual([
      '1. hire a CSM',
      '   for the',
      '   mid-market',
    ]);
  });

  it('continues an org-chart branch as a trunk', () => {
    expect(fitLine('  │  ├─ Mid-Market CSMs x3 (named)', 24)).toEqual([
      '  │  ├─ Mid-Market CSMs',
      '  │  │    x3 (named)',
    ]);
    expect(fitLine('  └─ Head of CS (owns all post-sale)', 24)).toEqual([
      '  └─ Head of CS (owns',
      '       all post-sale)',
    ]);
  });

  it('keeps a style that opens before the indent', () => {
    const lines = fitLine(p.dim('  Load: the share of a target book'), 20);
    expect(lines.map(stripAnsi)).toEqual(['  Load: the share of', '    a target book']);
    for (const line of lines) expect(line).toContain('\u001b[2m');
  });
});

describe('fitText', () => {
  it('fits every line and keeps blank lines and the final newline', () => {
    expect(fitText('Title\n\n  one two three four\n', 12)).toBe(
      'Title\n\n  one two\n    three\n    four\n',
    );
  });
});

describe('longestWord and visibleLength', () => {
  it('measure what the screen shows', () => {
    expect(visibleLength(p.red('abc'))).toBe(3);
    expect(longestWord(`x ${p.bold('abcdef')} yz`)).toBe(6);
    expect(longestWord('')).toBe(0);
  });
});
