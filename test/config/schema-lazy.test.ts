/**
 * The parts of the org file's schema that most files leave out are built the first time a file
 * has one (src/config/schema.ts, `lazyObject`): a file without them never builds them, and each
 * says it is not optional by itself without being built, which must be what it says once built.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { loadOrgText } from '../../src/config/load.js';
import { LAZY_PARTS, orgJsonSchema } from '../../src/config/schema.js';

const examples = join(import.meta.dirname, '..', '..', 'examples');
const load = (text: string) => loadOrgText(text, 'org.yaml', { today: '2026-11-23' });

/** Counts each part's builds (zod calls a lazy's `def.getter` to build what it stands for). */
function countBuilds(parts: readonly z.ZodLazy[]): number[] {
  const builds = parts.map(() => 0);
  parts.forEach((part, k) => {
    const def = part._zod.def as { getter: () => z.core.$ZodType };
    const build = def.getter;
    def.getter = () => {
      builds[k] = (builds[k] ?? 0) + 1;
      return build();
    };
  });
  return builds;
}

describe('the parts of the schema a file leaves out', () => {
  // Runs first: nothing in this file has built a part before it.
  it('are not built for a file without them, and built once a file has one', async () => {
    const builds = countBuilds(LAZY_PARTS);
    const founder = readFileSync(join(examples, 'founder.yaml'), 'utf8');
    expect(founder).not.toMatch(/^(policy|growth|scenarios|compensation|account_groups):/m);
    const plain = await load(founder);
    expect(plain.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(builds.every((count) => count === 0)).toBe(true);

    const withPolicy = await load(`${founder}policy:\n  span_of_control: { manager_max: 8 }\n`);
    expect(withPolicy.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(builds.some((count) => count > 0)).toBe(true);
  });

  it('answer whether they may be left out as what they stand for does', () => {
    // Builds every part, as `csplan schema` does.
    orgJsonSchema('0.0.0');
    expect(LAZY_PARTS.length).toBeGreaterThanOrEqual(10);
    for (const part of LAZY_PARTS) {
      const built = part._zod.innerType._zod;
      expect([part._zod.optin, part._zod.optout]).toEqual([built.optin, built.optout]);
    }
  });
});
