import { describe, expect, it } from 'vitest';
import { type Locator, locateDiagnostics } from '../../src/config/locate.js';
import type { Diagnostic } from '../../src/core/model.js';

// A locator that knows accounts 0-1 (in the CSV) and team 0 (in the org file), nothing else.
const locate: Locator = (path) => {
  if (path[0] === 'accounts-file' && (path[1] === 0 || path[1] === 1))
    return { file: 'accounts.csv', line: 3 + Number(path[1]), column: 1 };
  if (path[0] === 'team' && path[1] === 0) return { file: 'org.yaml', line: 4, column: 5 };
  return { file: 'org.yaml' };
};

const finding = (path: Diagnostic['path'], related: Diagnostic['path']): Diagnostic => ({
  rule: 'duplicate-id',
  severity: 'error',
  path,
  message: 'first at {related}',
  related,
});

describe('locateDiagnostics', () => {
  it('places the diagnostic and writes a related place in the same file as its line', () => {
    const [d] = locateDiagnostics([finding(['accounts-file', 1], ['accounts-file', 0])], locate);
    expect(d).toMatchObject({ file: 'accounts.csv', line: 4, column: 1 });
    expect(d?.message).toBe('first at line 3');
  });

  it('names the file of a related place in another file', () => {
    const [d] = locateDiagnostics([finding(['accounts-file', 1], ['team', 0])], locate);
    expect(d?.message).toBe('first at org.yaml:4:5');
  });

  it('falls back to the path when the related place cannot be located', () => {
    const [d] = locateDiagnostics([finding(['accounts-file', 1], ['team', 7, 'id'])], locate);
    expect(d?.message).toBe('first at team[7].id');
  });

  it("writes the rule's own token, the last one, even when a quoted id contains the token", () => {
    const tricky = { ...finding(['accounts-file', 1], ['accounts-file', 0]) };
    tricky.message = 'id "{related}$&" is used twice (first at {related})';
    const [d] = locateDiagnostics([tricky], locate);
    expect(d?.message).toBe('id "{related}$&" is used twice (first at line 3)');
    // The rule's wording stays available for comparing findings across edits (csplan diff).
    expect(d?.template).toBe(tricky.message);
  });

  it('leaves a diagnostic that already has a line where it is', () => {
    const placed = { ...finding(['team', 0], ['team', 0]), file: 'x.csv', line: 9, column: 2 };
    expect(locateDiagnostics([placed], locate)[0]).toMatchObject({ file: 'x.csv', line: 9 });
  });
});
