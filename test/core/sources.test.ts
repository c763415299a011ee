import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POLICY_SOURCES } from '../../src/core/policy.js';
import { RULES } from '../../src/core/rules/registry.js';
import { cite, SOURCE_IDS, SOURCES, type SourceId } from '../../src/core/sources.js';

const doc = readFileSync('docs/sources.md', 'utf8');

/** docs/sources.md split into its `## ` sections, by heading. */
function sections(): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of doc.split(/^## /m).slice(1)) {
    const newline = part.indexOf('\n');
    out.set(part.slice(0, newline).trim(), part.slice(newline + 1));
  }
  return out;
}

const BY_SHORT = new Map<string, SourceId>(SOURCE_IDS.map((id) => [SOURCES[id].short, id]));

/** The source ids a text cites: every "(a; b)" group whose parts are all short names. */
function citedIn(text: string): SourceId[] {
  const ids: SourceId[] = [];
  for (const match of text.matchAll(/\(([^()]*)\)/g)) {
    const parts = (match[1] ?? '').split('; ');
    if (parts.every((part) => BY_SHORT.has(part)))
      for (const part of parts) ids.push(BY_SHORT.get(part) as SourceId);
  }
  return ids;
}

describe('cite', () => {
  it('joins the short names in parentheses, in the order given', () => {
    expect(cite('org-design-guide')).toBe('(CS org design guide)');
    expect(cite('org-design-guide', 'dock-org-charts')).toBe(
      '(CS org design guide; Dock: 3 org chart examples)',
    );
  });

  it('uses short names that are distinct and can be told apart inside a citation', () => {
    const shorts = SOURCE_IDS.map((id) => SOURCES[id].short);
    expect(new Set(shorts).size).toBe(shorts.length);
    for (const short of shorts) expect(short).not.toMatch(/[();]/);
  });
});

describe('docs/sources.md', () => {
  it('has one section per source, headed by its short name, and no other', () => {
    const headings = [...sections().keys()];
    expect(headings.sort()).toEqual(SOURCE_IDS.map((id) => SOURCES[id].short).sort());
  });

  it('gives every source a title, a publisher or author, a date and what csplan takes', () => {
    for (const [heading, body] of sections()) {
      for (const field of ['Title', 'Publisher / author', 'Date', 'What csplan takes from it'])
        expect(body, `${heading}: ${field}`).toContain(`- **${field}:**`);
    }
  });

  it("lists every rule under each source the rule's text cites", () => {
    const docs = sections();
    let checked = 0;
    for (const rule of RULES) {
      for (const id of citedIn(`${rule.source} ${rule.explanation}`)) {
        expect(docs.get(SOURCES[id].short), `${rule.id} cites ${id}`).toContain(`\`${rule.id}\``);
        checked++;
      }
    }
    // Every rule but the input-contract ones cites at least one source.
    expect(checked).toBeGreaterThan(RULES.length - 4);
  });

  it('lists every policy key under each source its default cites', () => {
    const docs = sections();
    for (const [key, text] of Object.entries(POLICY_SOURCES)) {
      const ids = citedIn(text);
      expect(ids.length, key).toBeGreaterThan(0);
      for (const id of ids)
        expect(docs.get(SOURCES[id].short), `${key} cites ${id}`).toContain(`\`${key}\``);
    }
  });

  it('ships in the package and is linked from the README', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('docs');
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('## Where the numbers come from'));
    expect(section).toContain('[docs/sources.md](docs/sources.md)');
  });

  it('is cited by its short names in the README table of figures', () => {
    const readme = readFileSync('README.md', 'utf8');
    const start = readme.indexOf('## Where the numbers come from');
    const table = readme
      .slice(start, readme.indexOf('\n## ', start + 1))
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| figure'));
    expect(table.length).toBeGreaterThan(5);
    for (const row of table) {
      const source = row.split('|').at(-2)?.trim() ?? '';
      for (const part of source.split('; ')) expect(BY_SHORT.has(part), row).toBe(true);
    }
  });
});
