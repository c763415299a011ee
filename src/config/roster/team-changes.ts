/**
 * What a new roster changes in the team the org file plans with: who joins, who is gone, and
 * the keys that move a plan (role, manager, start date, last day, FTE) for those who stay. Pure.
 */

/** A team member as written (the org file's keys). */
export type WrittenMember = Readonly<Record<string, unknown>>;

export interface TeamChanges {
  joined: string[];
  left: string[];
  changed: { id: string; key: string; from: string | null; to: string | null }[];
}

const PLAN_KEYS = ['role', 'reports_to', 'start_date', 'leaving', 'fte'] as const;

export function teamChanges(
  before: readonly WrittenMember[],
  after: readonly WrittenMember[],
): TeamChanges {
  const old = new Map(before.map((m) => [String(m.id), m]));
  const ids = new Set(after.map((m) => String(m.id)));
  const changes: TeamChanges = {
    joined: after.map((m) => String(m.id)).filter((id) => !old.has(id)),
    left: [...old.keys()].filter((id) => !ids.has(id)),
    changed: [],
  };
  for (const member of after) {
    const was = old.get(String(member.id));
    if (!was) continue;
    for (const key of PLAN_KEYS) {
      const [from, to] = [shown(was[key], key), shown(member[key], key)];
      if (from !== to) changes.changed.push({ id: String(member.id), key, from, to });
    }
  }
  return changes;
}

/** A key's value as text; no FTE written is full time. */
function shown(value: unknown, key: string): string | null {
  if (key === 'fte') return String(value ?? 1);
  return value === undefined || value === null ? null : String(value);
}

/** "joined mia-rossi; left chris-young; dan-okafor leaving none -> 2027-02-26". */
export function teamChangesLines(changes: TeamChanges): string[] {
  const out: string[] = [];
  if (changes.joined.length > 0) out.push(`  joined: ${changes.joined.join(', ')}`);
  if (changes.left.length > 0) out.push(`  no longer on the team: ${changes.left.join(', ')}`);
  for (const c of changes.changed)
    out.push(`  ${c.id}: ${c.key.replace('_', ' ')} ${c.from ?? 'none'} -> ${c.to ?? 'none'}`);
  return out;
}
