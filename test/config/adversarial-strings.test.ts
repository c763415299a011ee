/**
 * Long adversarial strings through every function that reads user text. Each must give the right
 * answer; the old regular expressions took minutes on these (cubic time), so a regression shows
 * as a test that does not finish. Timing is measured in `npm run bench`, not here.
 */
import { describe, expect, it } from 'vitest';
import { parsePercent, slugify } from '../../src/cli/init/parse.js';
import {
  cellText,
  localeDateOrder,
  parseBoolean,
  parseCount,
  parseDate,
  parseEnum,
  parseMoney,
} from '../../src/config/csv/cells.js';
import { detectPreset } from '../../src/config/csv/mapping.js';
import { normaliseHeader, revenueLike } from '../../src/config/csv/presets.js';
import { loadOrgText } from '../../src/config/load.js';
import { embeddedEmail, OwnerResolver } from '../../src/config/owners.js';
import { teamMemberSchema } from '../../src/config/schema.js';

const N = 50_000;
const spaces = ' '.repeat(N);
const ADVERSARIAL = [
  `1${spaces}x`,
  `$${spaces}1${spaces}USD${spaces}x`,
  `USD${spaces}`,
  `${spaces}€`,
  '@'.repeat(N),
  `${'a@'.repeat(N / 2)}.`,
  `${'1,'.repeat(N / 2)}x`,
  `${'1.'.repeat(N / 2)}x`,
  `${'1'.repeat(N)}e`,
  `1/1/2027${' 1:11'.repeat(N / 5)}`,
  `${'-'.repeat(N)}x`,
  `${'\t'.repeat(N)}x`,
];

describe('CSV cell readers on long adversarial strings', () => {
  it.each(ADVERSARIAL.map((s, i) => [i, s] as const))('case %i', (_i, cell) => {
    expect(parseMoney(cell)).toMatchObject({ rule: 'csv-bad-money' });
    expect(parseCount(cell)).toMatchObject({ rule: 'csv-bad-number' });
    expect(parseDate(cell, 'month-first')).toMatchObject({ rule: 'csv-bad-date' });
    expect(parseBoolean(cell)).toMatchObject({ rule: 'csv-bad-boolean' });
    expect(parseEnum('health', cell)).toMatchObject({ rule: 'csv-bad-value' });
    expect(['either', undefined]).toContain(localeDateOrder(cell));
    expect(cellText(cell).length).toBeLessThanOrEqual(cell.length);
  });

  it('still reads the documented money forms', () => {
    expect(parseMoney('USD 1,250,000.00')).toEqual({ value: 1_250_000, currency: 'USD' });
    expect(parseMoney('1250000 EUR')).toEqual({ value: 1_250_000, currency: 'EUR' });
    expect(parseMoney('1250000 €')).toEqual({ value: 1_250_000, currency: 'EUR' });
    expect(parseMoney('1250000€ EUR')).toEqual({ value: 1_250_000, currency: 'EUR' });
    expect(parseMoney('1.25E+06')).toEqual({ value: 1_250_000 });
    expect(parseMoney('1250000 ABCD')).toMatchObject({ rule: 'csv-bad-money' });
  });
});

describe('owners and headers on long adversarial strings', () => {
  const team = [
    teamMemberSchema.parse({ id: 'dana', role: 'csm', email: 'dana@acme.io', name: 'Dana Scully' }),
  ];

  it.each(ADVERSARIAL.map((s, i) => [i, s] as const))('case %i', (_i, text) => {
    expect(new OwnerResolver(team).resolve(text)).toEqual({ kind: 'unmatched' });
    expect(detectPreset([text, text.slice(1)])).toBeUndefined();
    expect(revenueLike(text)).toBeUndefined();
    expect(normaliseHeader(text).length).toBeLessThanOrEqual(text.length);
    expect(slugify(text).length).toBeLessThanOrEqual(40);
    expect(parsePercent(text)).toMatchObject({ ok: false });
  });

  it('still finds an email inside an owner cell', () => {
    expect(embeddedEmail('Dana Scully <dana@acme.io>')).toBe('dana@acme.io');
    expect(embeddedEmail('x (dana@acme.io); y')).toBe('dana@acme.io');
    expect(embeddedEmail('@@@.@@')).toBe('@@@.@@');
    expect(embeddedEmail('dana@acme')).toBeUndefined();
    expect(new OwnerResolver(team).resolve('Dana S. <DANA@acme.io>')).toEqual({
      kind: 'email',
      id: 'dana',
    });
  });
});

describe('the YAML reader on long adversarial scalars', () => {
  it.each(ADVERSARIAL.map((s, i) => [i, s] as const))('case %i', async (_i, text) => {
    const yaml = `version: 1\ncompany:\n  name: ${JSON.stringify(text)}\naccounts:\n  - { id: ${JSON.stringify(text)}, arr: 5, owner: ${JSON.stringify(text)} }\n`;
    const result = await loadOrgText(yaml, 'org.yaml', { today: '2026-11-23' });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.org?.accounts[0]?.id).toBe(text);
  });
});
