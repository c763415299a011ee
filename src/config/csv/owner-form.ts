/**
 * An owner written back to a CRM export (in place, or as a move list for a bulk update) in the
 * form the export names owners: an email, a full name or a team id, whichever most of its owners
 * matched the team by. A form that would not name the person unambiguously when read back (no
 * email on the team, a name two people share) gives way to the next one.
 */
import type { TeamMember } from '../../core/model.js';
import { OwnerResolver, type OwnerStats } from '../owners.js';

export type OwnerForm = 'email' | 'name' | 'id';

/** How most owners in the export matched the team. */
export function ownerForm(
  owners: Pick<OwnerStats, 'byId' | 'byEmail' | 'byName'> | undefined,
): OwnerForm {
  if (!owners) return 'id';
  if (owners.byEmail > owners.byId && owners.byEmail >= owners.byName) return 'email';
  if (owners.byName > owners.byId && owners.byName > owners.byEmail) return 'name';
  return 'id';
}

/**
 * Team id to the owner as the export writes it: as the export already spells that person
 * (`spellings`: "Sofia Garcia" where HR writes "Sofía García"), else in the export's form; the id
 * itself when no other form names the person safely.
 */
export function ownerWriter(
  team: readonly TeamMember[],
  form: OwnerForm,
  spellings: ReadonlyMap<string, string> = new Map(),
): (id: string) => string {
  const byId = new Map(team.map((m) => [m.id, m] as const));
  const resolver = new OwnerResolver(team);
  const order: OwnerForm[] = [
    form,
    ...(['email', 'name', 'id'] as const).filter((f) => f !== form),
  ];
  return (id) => {
    const member = byId.get(id);
    if (!member) return id;
    const texts = [spellings.get(id), ...order.map((f) => member[f])];
    for (const text of texts) {
      if (!text) continue;
      const match = resolver.resolve(text);
      if (match.kind !== 'ambiguous' && match.kind !== 'unmatched' && match.id === id) return text;
    }
    return id;
  };
}
