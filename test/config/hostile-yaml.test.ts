/**
 * Issue 12 (parsing half) and issue 13's YAML messages: deep nesting, strict YAML 1.2 values,
 * encodings and control characters, and syntax errors in csplan's words on the right line.
 */
import { describe, expect, it } from 'vitest';
import { setAccountsSpec } from '../../src/config/csv/write-spec.js';
import { loadOrgFile, loadOrgText } from '../../src/config/load.js';
import { locateDiagnostics } from '../../src/config/locate.js';
import { MAX_YAML_DEPTH } from '../../src/config/yaml-parse.js';
import { SLICE_FROM_BYTES } from '../../src/config/yaml-slices.js';
import type { Diagnostic } from '../../src/core/model.js';
import { tempDir } from '../helpers/files.js';

const HEAD = 'version: 1\ncompany:\n  name: Acme\n  as_of: 2026-11-23\n';
const today = '2026-11-23';

async function load(text: string) {
  const result = await loadOrgText(text, 'org.yaml', { today });
  return { ...result, diagnostics: locateDiagnostics(result.diagnostics, result.locate) };
}

const brief = (d: Diagnostic) => [d.rule, d.line, d.column];
const NO_CRASH_TEXT = /Maximum call stack|internal error|RangeError|\n\s+at /;

describe('nesting depth is limited before any recursive step', () => {
  const cases: [string, string][] = [
    ['block sequences on one line', `${'- '.repeat(1000)}1\n`],
    ['block sequences, 2 KB', `${'- '.repeat(1024)}\n`],
    ['flow sequences', `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`],
    ['flow mappings', `a: ${'{a: '.repeat(3000)}1${'}'.repeat(3000)}\n`],
    ['indented mappings', Array.from({ length: 400 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')],
  ];
  it.each(cases)('%s: a located yaml-too-deep error', async (_name, text) => {
    const { diagnostics } = await load(text);
    expect(diagnostics.map((d) => d.rule)).toEqual(['yaml-too-deep']);
    expect(diagnostics[0]?.line).toBeGreaterThanOrEqual(1);
    expect(diagnostics[0]?.message).toContain(`${MAX_YAML_DEPTH} levels`);
    expect(diagnostics[0]?.message).not.toMatch(NO_CRASH_TEXT);
  });

  it('the same deep file twice in one process never aborts', async () => {
    const text = `${'- '.repeat(1000)}1\n`;
    for (let i = 0; i < 5; i++) {
      expect((await load(text)).diagnostics[0]?.rule).toBe('yaml-too-deep');
    }
  });

  it('nesting within the limit still parses', async () => {
    const text = `${HEAD}policy:\n  rules_note: ${'['.repeat(MAX_YAML_DEPTH - 3)}1${']'.repeat(MAX_YAML_DEPTH - 3)}\n`;
    const { diagnostics } = await load(text);
    expect(diagnostics.map((d) => d.rule)).not.toContain('yaml-too-deep');
  });

  it('is guarded in the sliced parser for files over 256 KiB', { timeout: 120_000 }, async () => {
    const lines = [HEAD.trimEnd(), 'accounts:'];
    for (let i = 0; lines.join('\n').length < SLICE_FROM_BYTES + 1000; i++) {
      lines.push(`  - id: a${i}`, `    arr: ${1000 + i}`);
    }
    lines.push(`  - id: deep`, `    arr: 5`, `    name: ${'['.repeat(2000)}`);
    const text = `${lines.join('\n')}\n`;
    const { diagnostics } = await load(text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.rule).toBe('yaml-too-deep');
    expect(diagnostics[0]?.line).toBe(text.split('\n').length - 1);
  });

  it('reports the unclosed bracket that made the parser nest, not the depth', async () => {
    const items = Array.from({ length: 100 }, (_, i) => `  - id: a${i}\n    arr: 5\n    region: x`);
    items[1] = '  - id: a1\n    arr: [1, 2\n    region: x';
    const { diagnostics } = await load(`${HEAD}accounts:\n${items.join('\n')}\n`);
    expect(diagnostics[0]?.rule).toBe('yaml-syntax');
    expect(diagnostics[0]?.message).toContain('not closed');
  });

  it('guards the parse of import --org (setAccountsSpec) too', () => {
    const edit = setAccountsSpec(`${'- '.repeat(1000)}1\n`, { file: 'a.csv' });
    expect(edit).toEqual({ ok: false, reason: expect.stringContaining('nested more than') });
  });
});

describe('strict YAML 1.2 values', () => {
  it('refuses a %YAML 1.1 directive with a hint', async () => {
    const { diagnostics } = await load(`%YAML 1.1\n---\n${HEAD}`);
    expect(diagnostics.map(brief)).toEqual([['yaml-version', 1, 1]]);
    expect(diagnostics[0]?.message).toContain('remove the %YAML line');
  });

  it('warns about numeric-looking ids and keeps them as written', async () => {
    const result = await load(
      `${HEAD}accounts:\n  - { id: 007, arr: 5 }\n  - { id: 12345678901234567890, arr: 5 }\n  - { id: 12345678901234567891, arr: 5 }\n`,
    );
    expect(result.diagnostics.map(brief)).toEqual([
      ['numeric-id', 6, 11],
      ['numeric-id', 7, 11],
      ['numeric-id', 8, 11],
    ]);
    expect(result.diagnostics[0]?.message).toContain('quote it: id: "007"');
    // Collapsed to the same float, the two 20-digit ids used to be a false duplicate.
    expect(result.org?.accounts.map((a) => a.id)).toEqual([
      '007',
      '12345678901234567890',
      '12345678901234567891',
    ]);
  });

  it.each([['1e6'], ['0x10'], ['0o17'], ['1200000.0'], ['+5'], ['.inf']])(
    'refuses ARR %s with a hint to write a plain whole number',
    async (arr) => {
      const { diagnostics } = await load(`${HEAD}accounts:\n  - id: a\n    arr: ${arr}\n`);
      expect(diagnostics.map(brief)).toContainEqual(['money-format', 7, 10]);
      expect(diagnostics.find((d) => d.rule === 'money-format')?.message).toContain('1200000');
    },
  );

  it('still accepts a plain whole number and leaves cents and negatives to the schema', async () => {
    expect((await load(`${HEAD}accounts:\n  - { id: a, arr: 1200000 }\n`)).org).toBeDefined();
    const cents = await load(`${HEAD}accounts:\n  - { id: a, arr: 10.5 }\n`);
    expect(cents.diagnostics.map((d) => d.rule)).toEqual(['invalid-value']);
  });

  it.each([
    ['!!js/function', 'x: !!js/function f'],
    ['!custom', 'x: !custom f'],
    ['!!binary', 'x: !!binary aGk='],
  ])('refuses the unknown tag %s', async (tag, line) => {
    const { diagnostics } = await load(`${HEAD}  ${line}\n`);
    expect(diagnostics.map((d) => d.rule)).toEqual(['yaml-tag']);
    expect(diagnostics[0]?.message).toContain(tag);
    expect(diagnostics[0]?.line).toBe(5);
  });

  it.each([
    ['a list', '? [a, b]\n  : 1', 5, 3],
    ['a mapping', '{ x: 1 }: 2', 5, 1],
    ['a mapping inside an account', 'accounts:\n  - { id: acme, arr: 5, ? { x: 1 } : 2 }', 6, 27],
  ])('refuses %s used as a key, once, at the key', async (_, lines, line, column) => {
    const { diagnostics } = await load(`${HEAD}${lines}\n`);
    expect(diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([
      ['yaml-syntax', line, column],
    ]);
    expect(diagnostics[0]?.message).toContain('keys are field names or ids');
  });

  it('warns about ids that differ only in case or spaces', async () => {
    const result = await load(
      `${HEAD}accounts:\n  - { id: Acme, arr: 5 }\n  - { id: " acme", arr: 5 }\n  - { id: "ac me", arr: 5 }\n  - { id: globex, arr: 5 }\n`,
    );
    expect(result.org).toBeDefined();
    const { planOrg } = await import('../../src/core/plan.js');
    const findings = locateDiagnostics(
      planOrg(result.org as NonNullable<typeof result.org>).findings,
      result.locate,
    ).filter((d) => d.rule === 'near-duplicate-id');
    expect(findings.map((d) => [d.line, d.severity])).toEqual([
      [7, 'warning'],
      [8, 'warning'],
    ]);
    expect(findings[0]?.message).toBe(
      'account id " acme" differs from "Acme" (at line 6) only in case or spaces; use one spelling for one record',
    );
  });

  it('finds a near-duplicate of a plain lower-case id, and leaves exact duplicates to duplicate-id', async () => {
    const result = await load(
      `${HEAD}accounts:\n  - { id: acme, arr: 5 }\n  - { id: globex, arr: 5 }\n  - { id: globex, arr: 5 }\n  - { id: ACME, arr: 5 }\n`,
    );
    const { planOrg } = await import('../../src/core/plan.js');
    const findings = locateDiagnostics(
      planOrg(result.org as NonNullable<typeof result.org>).findings,
      result.locate,
    );
    expect(
      findings.filter((d) => d.rule.endsWith('duplicate-id')).map((d) => [d.rule, d.line]),
    ).toEqual([
      ['duplicate-id', 8],
      ['near-duplicate-id', 9],
    ]);
  });

  it('says an undefined alias is undefined, not "more than 100 aliases"', async () => {
    const { diagnostics } = await load(`${HEAD}accounts: *nope\n`);
    expect(diagnostics.map(brief)).toEqual([['yaml-alias', 5, 11]]);
    expect(diagnostics[0]?.message).toBe('alias *nope has no anchor &nope before it');
  });

  it('says "more than 100 aliases" at the alias that crosses the limit, not at 1:1', async () => {
    // Line 5 defines &n; team starts on line 6, so person k (0-based) is on line 7 + k. The
    // 101st use of *n is person 100, on line 107; its `*n` is at column 11 of `  - { id: *n`.
    const team = '  - { id: *n, role: csm }\n'.repeat(150);
    const { diagnostics } = await load(`${HEAD}  motion: &n sales-led\nteam:\n${team}`);
    expect(diagnostics.map(brief)).toEqual([['yaml-syntax', 107, 11]]);
    expect(diagnostics[0]?.message).toContain('more than 100 aliases');
  });

  it('counts an alias inside an anchor once per use of that anchor, as yaml does', async () => {
    // Line 6's &pair holds two uses of &n (weight 2): 50 uses of *pair are 100 uses of *n, the
    // limit. The uses start on line 8; the 51st, on line 8 + 50 = 58, crosses it, its alias at
    // column 5 of `  - *pair`.
    const uses = '  - *pair\n'.repeat(60);
    const text = `${HEAD}  motion: &n sales-led\nnotes: &pair [*n, *n]\nlist:\n${uses}`;
    const { diagnostics } = await load(text);
    expect(diagnostics.map(brief)).toEqual([['yaml-syntax', 58, 5]]);
  });

  it('refuses control characters, raw or escaped, with their place', async () => {
    const raw = await load(`${HEAD}  motion: a\u001bb\n`);
    expect(raw.diagnostics.map(brief)).toEqual([['control-character', 5, 12]]);
    const escaped = await load(`${HEAD}accounts:\n  - { id: "a\\e[2J", arr: 5 }\n`);
    expect(escaped.diagnostics.map(brief)).toEqual([['control-character', 6, 11]]);
    expect(escaped.diagnostics[0]?.message).toContain('U+001B');
  });
});

describe('encodings', () => {
  async function loadBytes(bytes: Buffer) {
    const dir = await tempDir();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(`${dir}/org.yaml`, bytes);
    return loadOrgFile('org.yaml', { today, cwd: dir });
  }

  it('says UTF-16 is UTF-16 and to save as UTF-8', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEAD, 'utf16le')]);
    const result = await loadBytes(utf16);
    expect(result.diagnostics.map(brief)).toEqual([['file-encoding', 1, 1]]);
    expect(result.diagnostics[0]?.message).toMatch(/UTF-16.*save it as UTF-8/);
    const noBom = await loadBytes(Buffer.from(HEAD, 'utf16le'));
    expect(noBom.diagnostics[0]?.rule).toBe('file-encoding');
  });

  it('locates invalid UTF-8 and NUL bytes', async () => {
    const latin1 = await loadBytes(Buffer.from(`${HEAD}  motion: caf\xe9\n`, 'latin1'));
    expect(latin1.diagnostics.map(brief)).toEqual([['file-encoding', 5, 14]]);
    const nul = await loadBytes(Buffer.from(`${HEAD}  motion: a\u0000b\n`));
    expect(nul.diagnostics.map(brief)).toEqual([['control-character', 5, 12]]);
  });

  it('refuses an org file over the size limit without reading it', async () => {
    // A sparse 3 GiB file: reading it would fail (or take 3 GiB); its size alone refuses it.
    const dir = await tempDir();
    const { truncate, writeFile } = await import('node:fs/promises');
    await writeFile(`${dir}/org.yaml`, HEAD);
    await truncate(`${dir}/org.yaml`, 3 * 1024 ** 3);
    const result = await loadOrgFile('org.yaml', { today, cwd: dir });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ rule: 'file-too-large', severity: 'error' }),
    ]);
    expect(result.diagnostics[0]?.message).toContain('the file is 3072.0 MiB');
  });

  it('reads a valid file that holds U+FFFD itself, or starts with a BOM', async () => {
    // U+FFFD is what invalid bytes decode to, so the bytes are checked again: these are valid.
    const replacement = await loadBytes(
      Buffer.from(`${HEAD}team:\n  - { id: a, role: csm, name: "Ann \uFFFD" }\n`),
    );
    expect(replacement.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const bom = await loadBytes(Buffer.from(`\uFEFF${HEAD}`));
    expect(bom.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('YAML syntax errors in csplan words, on the line to change', () => {
  it('reports an over-indented line 7 at line 7', async () => {
    const { diagnostics } = await load(
      `${HEAD}team:\n  - id: a\n    role: csm\n      reports_to: b\n`,
    );
    expect(diagnostics.map(brief)).toEqual([['yaml-syntax', 8, 7]]);
    expect(diagnostics[0]?.message).toContain('indented more than the line above');
    expect(diagnostics[0]?.message).not.toMatch(/Nested mappings|Implicit keys/);
  });

  it.each([
    ['a tab as indentation', `${HEAD}team:\n\t- id: a\n`, 6, 1],
    ['a tab after spaces', `${HEAD}team:\n  \t- id: a\n`, 6, 3],
  ])('says %s is a tab', async (_name, text, line, column) => {
    const { diagnostics } = await load(text);
    expect(diagnostics.map(brief)).toEqual([['yaml-syntax', line, column]]);
    expect(diagnostics[0]?.message).toContain('tab');
  });

  it.each([
    ['a: b: c', 'a second "key: value" starts on the same line'],
    ['a\nb: c', 'this line has no ":"'],
    ['  x: 1\n  y\n  z: 2', 'this line has no ":"'],
    ['a: "abc', 'quoted text is not closed'],
    ['a: [1, 2\nb: 3', 'not closed'],
  ])('%j gets an actionable message', async (body, words) => {
    const { diagnostics } = await load(`${HEAD}${body}\n`);
    expect(diagnostics[0]?.rule).toBe('yaml-syntax');
    expect(diagnostics[0]?.message).toContain(words);
    for (const d of diagnostics) {
      expect(d.message).not.toMatch(/Nested mappings|Implicit keys need|Implicit map keys/);
    }
  });
});
