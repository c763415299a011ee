import { describe, expect, it } from 'vitest';
import { outputWidth, useColor } from '../../src/cli/color.js';
import { fakeIO } from '../helpers/io.js';

describe('useColor', () => {
  it.each([
    ['--color on a dumb terminal', true, { TERM: 'dumb' }, false, true],
    ['--no-color on a terminal', false, { FORCE_COLOR: '1' }, true, false],
    ['FORCE_COLOR over NO_COLOR', undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
    ['FORCE_COLOR=0 on a terminal', undefined, { FORCE_COLOR: '0' }, true, false],
    ['FORCE_COLOR over TERM=dumb', undefined, { FORCE_COLOR: '1', TERM: 'dumb' }, false, true],
    ['NO_COLOR on a terminal', undefined, { NO_COLOR: '1' }, true, false],
    ['an empty NO_COLOR is unset', undefined, { NO_COLOR: '' }, true, true],
    ['TERM=dumb on a terminal', undefined, { TERM: 'dumb' }, true, false],
    ['a terminal', undefined, { TERM: 'xterm-256color' }, true, true],
    ['a pipe', undefined, {}, false, false],
  ])('%s', (_, flag, env, stdoutIsTTY, expected) => {
    expect(useColor(flag, fakeIO({ env, stdoutIsTTY }))).toBe(expected);
  });
});

describe('outputWidth', () => {
  it("uses the terminal's columns, not COLUMNS, on a terminal", () => {
    expect(outputWidth(fakeIO({ stdoutIsTTY: true, columns: 132, env: { COLUMNS: '60' } }))).toBe(
      132,
    );
  });

  it('honours COLUMNS when piped, else does not wrap at all', () => {
    expect(outputWidth(fakeIO({ env: { COLUMNS: '60' } }))).toBe(60);
    expect(outputWidth(fakeIO({ env: { COLUMNS: ' 120 ' } }))).toBe(120);
    expect(outputWidth(fakeIO({}))).toBe(Number.POSITIVE_INFINITY);
    // A terminal that does not report its size takes COLUMNS, then 80.
    expect(outputWidth(fakeIO({ stdoutIsTTY: true, env: { COLUMNS: '90' } }))).toBe(90);
    expect(outputWidth(fakeIO({ stdoutIsTTY: true }))).toBe(80);
  });

  it('ignores a COLUMNS that is not a positive whole number', () => {
    for (const columns of ['', '0', 'wide', '-5', '80px', '7.5']) {
      expect(outputWidth(fakeIO({ env: { COLUMNS: columns } })), columns).toBe(
        Number.POSITIVE_INFINITY,
      );
      expect(outputWidth(fakeIO({ stdoutIsTTY: true, env: { COLUMNS: columns } })), columns).toBe(
        80,
      );
    }
  });

  it('never goes below 20 columns', () => {
    expect(outputWidth(fakeIO({ env: { COLUMNS: '5' } }))).toBe(20);
    expect(outputWidth(fakeIO({ stdoutIsTTY: true, columns: 10 }))).toBe(20);
  });
});
