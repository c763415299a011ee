import { describe, expect, it } from 'vitest';
import { safeOutput, safeText } from '../../src/render/safe-text.js';

describe('safeText / safeOutput', () => {
  it('escapes control and bidi characters, leaves other text alone', () => {
    expect(safeText('a\u001b[2Jb\r\n\u0000\u009b\u202e')).toBe(
      'a\\x1B[2Jb\\x0D\\x0A\\x00\\x9B\\u202E',
    );
    const clean = 'Dana Scully <dana@acme.io> · 100 €';
    expect(safeText(clean)).toBe(clean);
  });

  it('keeps line breaks, and colour codes only when colour is on', () => {
    const painted = '\u001b[31merror\u001b[39m x\n';
    expect(safeOutput(painted, { color: true })).toBe(painted);
    expect(safeOutput(painted, { color: false })).toBe('\\x1B[31merror\\x1B[39m x\n');
    // Cursor moves and screen clears are not colour codes.
    expect(safeOutput('\u001b[2J\u001b[1;1H', { color: true })).toBe('\\x1B[2J\\x1B[1;1H');
  });
});
