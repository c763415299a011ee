import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, githubAnnotation } from '../../src/render/github.js';

describe('GitHub workflow commands', () => {
  it('escapes message data: % first, then CR and LF', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    // A literal "%0A" in a message must not turn into a newline.
    expect(escapeData('%0A')).toBe('%250A');
  });

  it('escapes property values: as data, plus : and ,', () => {
    expect(escapeProperty('C:\\org, v2.yaml')).toBe('C%3A\\org%2C v2.yaml');
    expect(escapeProperty('a%b\nc')).toBe('a%25b%0Ac');
  });

  it('writes ::error file=…,line=…,col=…,title=RULE::message', () => {
    expect(
      githubAnnotation(
        {
          rule: 'span-of-control',
          severity: 'error',
          path: ['team', 1],
          message: '"ken" has 9 direct reports; keep spans at 5-8',
          line: 17,
          column: 5,
        },
        'org.yaml',
      ),
    ).toBe(
      '::error file=org.yaml,line=17,col=5,title=span-of-control::"ken" has 9 direct reports; keep spans at 5-8',
    );
  });

  it('maps warning to ::warning and info to ::notice; no line means no line or col', () => {
    const base = { rule: 'missing-cs-ops', path: ['team'], message: 'x' } as const;
    expect(githubAnnotation({ ...base, severity: 'warning' }, 'a,b.yaml')).toBe(
      '::warning file=a%2Cb.yaml,title=missing-cs-ops::x',
    );
    expect(githubAnnotation({ ...base, severity: 'info', file: 'accounts.csv' }, 'org.yaml')).toBe(
      '::notice file=accounts.csv,title=missing-cs-ops::x',
    );
  });
});
