/** What editors get from the JSON Schema: a description everywhere, described values, known rules. */
import { describe, expect, it } from 'vitest';
import { loadOrgText } from '../../src/config/load.js';
import { orgJsonSchema } from '../../src/config/schema.js';
import { ROLE_IDS } from '../../src/core/roles.js';
import { RULES } from '../../src/core/rules/registry.js';

type Node = Record<string, unknown>;
const schema = orgJsonSchema('1.2.3');

/** Every property schema, with its dotted path, and every schema that has an enum. */
function walk(node: unknown, path: string, props: [string, Node][], enums: [string, Node][]) {
  if (node === null || typeof node !== 'object') return;
  const n = node as Node;
  if (Array.isArray(n.enum)) enums.push([path, n]);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    for (const child of (n[key] as unknown[] | undefined) ?? []) walk(child, path, props, enums);
  }
  walk(n.items, `${path}[]`, props, enums);
  walk(n.additionalProperties, `${path}.*`, props, enums);
  for (const [key, child] of Object.entries((n.properties as Node | undefined) ?? {})) {
    props.push([`${path}.${key}`, child as Node]);
    walk(child, `${path}.${key}`, props, enums);
  }
}

const props: [string, Node][] = [];
const enums: [string, Node][] = [];
walk(schema, '', props, enums);
const described = (n: Node): boolean =>
  typeof n.description === 'string' ||
  ((n.anyOf as Node[] | undefined) ?? []).some((child) => described(child));

describe('the JSON Schema for editors', () => {
  it('names the csplan version in its $id', () => {
    expect(schema.$id).toBe('urn:csplan:org-schema:1.2.3');
  });

  it('describes every property', () => {
    expect(props.length).toBeGreaterThan(150);
    expect(props.filter(([, n]) => !described(n)).map(([path]) => path)).toEqual([]);
  });

  it('describes every value of every enum', () => {
    const missing = enums.filter(
      ([, n]) =>
        !Array.isArray(n.enumDescriptions) ||
        (n.enumDescriptions as unknown[]).length !== (n.enum as unknown[]).length,
    );
    expect(missing.map(([path]) => path)).toEqual([]);
  });

  it('does not repeat the roles in the role description', () => {
    const role = props.find(([path]) => path === '.team[].role')?.[1] as Node;
    expect(role.description).toBe('What the person does');
    expect(role.enum).toEqual([...ROLE_IDS]);
  });

  it('lists exactly the known rules under rules:, each with its summary', () => {
    const rules = (schema.properties as Node).rules as Node;
    expect(rules.additionalProperties).toBe(false);
    expect(Object.keys(rules.properties as Node)).toEqual(RULES.map((rule) => rule.id));
    expect(((rules.properties as Node)['span-of-control'] as Node).description).toBe(
      'A manager has more than 8 direct reports, or a director more than 4 managers (default error)',
    );
  });

  it('while csplan itself still reports a misspelt rule with a did-you-mean', async () => {
    const text = 'version: 1\ncompany: { name: Acme }\nrules:\n  span-of-contrl: warning\n';
    const { diagnostics } = await loadOrgText(text, 'org.yaml', { today: '2026-11-23' });
    expect(diagnostics.map((d) => [d.rule, d.message])).toEqual([
      [
        'unknown-rule',
        'unknown rule "span-of-contrl" (did you mean "span-of-control"?); `csplan rules` lists them',
      ],
    ]);
  });
});
