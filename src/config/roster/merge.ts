/**
 * A person as HR lists them and as the org file knows them: HR is the source of the keys it
 * exports (name, role, manager, dates, FTE, region); the org file keeps the keys HR does not
 * hold (segment, languages, aliases, backfill). One rule for `import --team` and `team: {file}`.
 */
import type { RosterMember } from './read-roster.js';

export function withOwnKeys(
  member: RosterMember,
  own: Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...member };
  for (const [key, value] of Object.entries(own ?? {})) {
    if (!(key in merged) && value !== undefined) merged[key] = value;
  }
  return merged;
}
