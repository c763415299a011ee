/**
 * Policy keys as a user writes them under `policy:` (snake_case, `*` for every segment), resolved
 * against a Policy: what `csplan explain` shows next to a rule.
 */
import type { Policy } from './policy.js';
import { POLICY_SOURCES } from './policy.js';

export interface PolicyEntry {
  /** The key with any `*` expanded, e.g. `segments.smb.accounts_per_csm`. */
  key: string;
  /** The value with snake_case keys, as it would be written in the org file. */
  value: unknown;
}

function camel(key: string): string {
  return key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

function snake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** A policy value with camelCase keys turned back into the file's snake_case. */
export function toFileForm(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toFileForm);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [snake(k), toFileForm(v)]));
  }
  return value;
}

/** Every concrete key and value a policy key names; empty when the key names nothing. */
export function policyEntries(policy: Policy, key: string): PolicyEntry[] {
  const out: PolicyEntry[] = [];
  const walk = (value: unknown, rest: string[], done: string[]) => {
    if (rest.length === 0) {
      out.push({ key: done.join('.'), value: toFileForm(value) });
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const [head, ...tail] = rest as [string, ...string[]];
    const record = value as Record<string, unknown>;
    if (head === '*') {
      for (const name of Object.keys(record)) walk(record[name], tail, [...done, name]);
      return;
    }
    const name = Object.hasOwn(record, head) ? head : camel(head);
    if (!Object.hasOwn(record, name)) return;
    walk(record[name], tail, [...done, head]);
  };
  walk(policy, key.split('.'), []);
  return out;
}

/** Where a policy key's default comes from, if POLICY_SOURCES says. */
export function policySource(key: string): string | undefined {
  return POLICY_SOURCES[key] ?? POLICY_SOURCES[key.split('.')[0] ?? ''];
}
