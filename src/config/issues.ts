/** Zod issues, turned into csplan diagnostics with a rule id and an actionable message. */
import type * as z from 'zod';
import { boundedLookups, didYouMean, suggestion } from '../core/did-you-mean.js';
import type { Diagnostic, Path } from '../core/model.js';
import { ROLE_IDS } from '../core/roles.js';
import type { InputCode } from './codes.js';
import { nearestRole } from './role-names.js';
import { isQuotedNumber, orgFileSchema } from './schema.js';

type Issue = z.core.$ZodIssue;

/** `prefix`: where `input` sits in the file, when only a part of it was validated. */
export function schemaDiagnostics(
  issues: readonly Issue[],
  input: unknown,
  prefix: Path = [],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const lookup = boundedLookups();
  for (const issue of issues) collect(issue, input, out, lookup, prefix);
  return out;
}

type Lookup = ReturnType<typeof boundedLookups>;

function collect(
  issue: Issue,
  input: unknown,
  out: Diagnostic[],
  lookup: Lookup,
  prefix: Path = [],
): void {
  const path = [...prefix, ...(issue.path as (string | number)[])];
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = keysAt(path);
      for (const key of issue.keys) {
        const guess = lookup(`key ${known.join(',')} ${key}`, () => didYouMean(key, known) ?? '');
        const hint = guess
          ? `did you mean "${guess}"?`
          : `known keys here: ${known.slice(0, 12).join(', ')}`;
        out.push({
          rule: 'unknown-key',
          severity: 'error',
          path: [...path, key],
          message: `unknown key "${key}" (${hint})`,
        });
      }
      return;
    }
    case 'invalid_union': {
      // Report the errors of the alternative that matches the shape the user wrote (a list of
      // accounts versus `{ file: ... }`), not a wall of every alternative's complaints.
      const branches = issue.errors.filter(
        (branch) => !branch.some((sub) => sub.code === 'invalid_type' && sub.path.length === 0),
      );
      if (branches.length === 1 && branches[0]) {
        for (const sub of branches[0]) collect(sub, input, out, lookup, path);
        return;
      }
      break;
    }
    case 'invalid_type':
      if (issue.input === undefined) {
        out.push({
          rule: 'missing-field',
          severity: 'error',
          path,
          message: `missing required field "${String(path[path.length - 1])}"`,
        });
        return;
      }
      break;
    case 'invalid_value':
      if (path[path.length - 1] === 'role' && typeof issue.input === 'string') {
        out.push({
          rule: 'unknown-role',
          severity: 'error',
          path,
          message: `unknown role "${issue.input}"${lookup(`role ${issue.input}`, () => roleSuggestion(issue.input as string))}; valid roles: ${ROLE_IDS.join(', ')}`,
        });
        return;
      }
      break;
    default:
      break;
  }
  out.push({
    rule: issue.code === 'custom' ? 'invalid-value' : ruleFor(issue),
    severity: 'error',
    path,
    message: `${describe(path)}: ${messageFor(issue)}`,
  });
}

function ruleFor(issue: Issue): InputCode {
  if (issue.message.startsWith('money must be')) return 'money-format';
  if (issue.code === 'invalid_value' && issue.path[issue.path.length - 1] === 'role')
    return 'unknown-role';
  return 'invalid-value';
}

const EXPECTED: Record<string, string> = {
  array: 'a list',
  object: 'a mapping (key: value lines)',
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
};

function found(input: unknown): string {
  if (input === null) return 'an empty value';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  if (typeof input === 'string') return 'text';
  if (typeof input === 'boolean') return 'true/false';
  return `a ${typeof input}`;
}

/** Zod's own wording ("Invalid input: expected array, received null") in plain words. */
function messageFor(issue: Issue): string {
  // `team:` left empty: which forms the key takes, and that it was empty.
  if (issue.code === 'invalid_union' && issue.input === null)
    return `${issue.message}, found an empty value`;
  // `stakeholders: "5"`: the value is right, the quotes make it text.
  if (
    issue.code === 'invalid_type' &&
    issue.expected === 'number' &&
    typeof issue.input === 'string' &&
    isQuotedNumber(issue.input)
  ) {
    const expected = issue.message.startsWith('Invalid input')
      ? 'expected a number'
      : issue.message;
    return `${expected}, not text: remove the quotes and write ${issue.input.trim()}`;
  }
  if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input')) {
    const expected = EXPECTED[issue.expected] ?? issue.expected;
    return `expected ${expected}, found ${found(issue.input)}`;
  }
  // A misspelt choice (`month_first`, `Salesforce`) gets the closest valid value.
  if (issue.code === 'invalid_value' && typeof issue.input === 'string') {
    const choices = issue.values.filter((v): v is string => typeof v === 'string');
    return `${issue.message}${suggestion(issue.input, choices)}`;
  }
  return issue.message;
}

function describe(path: Path): string {
  const key = [...path].reverse().find((part) => typeof part === 'string');
  return key ?? 'value';
}

/** Keys the schema accepts at a path, for did-you-mean on unknown keys. */
export function keysAt(path: Path): string[] {
  let schema: unknown = orgFileSchema;
  for (const part of path) {
    schema = step(unwrap(schema), part);
    if (schema === undefined) return [];
  }
  const shape = objectShape(unwrap(schema));
  return shape ? Object.keys(shape) : [];
}

interface Def {
  type: string;
  innerType?: unknown;
  in?: unknown;
  element?: unknown;
  options?: unknown[];
  valueType?: unknown;
  shape?: Record<string, unknown>;
}

function def(schema: unknown): Def | undefined {
  return (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;
}

function unwrap(schema: unknown): unknown {
  let current = schema;
  for (;;) {
    const d = def(current);
    if (!d) return current;
    if (d.type === 'optional' || d.type === 'default' || d.type === 'nullable')
      current = d.innerType;
    else if (d.type === 'pipe') current = d.in;
    // A part of the file built the first time it is used (schema.ts): built here if not yet.
    else if (d.type === 'lazy') current = (current as z.ZodLazy)._zod.innerType;
    else return current;
  }
}

function objectShape(schema: unknown): Record<string, unknown> | undefined {
  const d = def(schema);
  if (d?.type === 'object') return d.shape;
  if (d?.type === 'union') {
    for (const option of d.options ?? []) {
      const shape = objectShape(unwrap(option));
      if (shape) return shape;
    }
  }
  return undefined;
}

function step(schema: unknown, part: string | number): unknown {
  const d = def(schema);
  if (!d) return undefined;
  if (d.type === 'object') return d.shape?.[String(part)];
  if (d.type === 'array') return typeof part === 'number' ? d.element : undefined;
  if (d.type === 'record') return d.valueType;
  if (d.type === 'union') {
    for (const option of d.options ?? []) {
      const next = step(unwrap(option), part);
      if (next !== undefined) return next;
    }
  }
  return undefined;
}

/** The did-you-mean of a misspelt role: "cs-manger" suggests manager-cs, as "CS Manager" reads. */
function roleSuggestion(input: string): string {
  const near = nearestRole(input);
  return near === undefined ? suggestion(input, ROLE_IDS) : ` (did you mean "${near}"?)`;
}
