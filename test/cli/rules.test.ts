import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/core/rules/registry.js';
import { runCli } from '../helpers/io.js';

describe('the rule registry', () => {
  it('documents every rule: summary, explanation, source, and known policy keys', async () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(rule.summary.length).toBeGreaterThan(10);
      expect(rule.explanation.length).toBeGreaterThan(100);
      expect(rule.source).not.toBe('');
      const { stdout, code } = await runCli(['explain', rule.id, '--format', 'json']);
      expect(code).toBe(0);
      const json = JSON.parse(stdout);
      for (const entry of json.policy) {
        // Every key a rule says it reads resolves to at least one default value.
        expect(Object.keys(entry.defaults).length, `${rule.id}: ${entry.key}`).toBeGreaterThan(0);
      }
    }
  });

  it('is listed in docs/commands.md exactly as `csplan rules --format markdown` prints it', async () => {
    const docs = readFileSync('docs/commands.md', 'utf8');
    const table = (await runCli(['rules', '--format', 'markdown'])).stdout;
    expect(docs).toContain(table);
  });
});

describe('csplan rules', () => {
  it('lists every rule with category and default severity', async () => {
    const { code, stdout } = await runCli(['rules']);
    expect(code).toBe(0);
    for (const rule of RULES)
      expect(stdout).toMatch(
        new RegExp(`│ ${rule.id}\\s+│ ${rule.category}\\s+│ ${rule.defaultSeverity}`),
      );
  });

  it('as JSON and Markdown', async () => {
    const json = JSON.parse((await runCli(['rules', '-f', 'json'])).stdout);
    expect(json.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.id));
    const md = (await runCli(['rules', '-f', 'markdown'])).stdout;
    expect(md).toContain(
      '| `book-health-mix` | books | warning | More than 30% of the accounts in one book are red or yellow |',
    );
  });
});

describe('csplan explain', () => {
  it('prints the explanation, the source and the policy defaults', async () => {
    const { code, stdout } = await runCli(['explain', 'book-health-mix'], {
      env: { COLUMNS: '100' },
    });
    expect(code).toBe(0);
    expect(stdout).toContain('book-health-mix (books, default severity: warning)');
    expect(stdout).toContain('(CS Operations Architect guide)');
    expect(stdout).toContain('health_mix_max: 0.3');
    expect(stdout).toContain('`rules: { book-health-mix: off | warning | error }`');
  });

  it('expands segment wildcards into one line per segment', async () => {
    const { stdout } = await runCli(['explain', 'csm-overloaded']);
    expect(stdout).toContain(
      'segments.enterprise.accounts_per_csm: { min: 15, max: 25, target: 20 }',
    );
    expect(stdout).toContain(
      'segments.smb.arr_per_csm: { min: 500000, max: 2000000, target: 1250000 }',
    );
  });

  it('exits 2 with a suggestion for an unknown rule', async () => {
    const { code, stdout, stderr } = await runCli(['explain', 'book-helth-mix']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'csplan: unknown code "book-helth-mix" (did you mean "book-health-mix"?); `csplan explain` lists every code\n',
    );
  });
});
