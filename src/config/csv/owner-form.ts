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

/** Team id to the owner as the export writes it; the id itself when no other form is safe. */
export function ownerWriter(team: readonly TeamMember[], form: OwnerForm): (id: string) => string {
  const byId = new Map(team.map((m) => [m.id, m] as const));
  const resolver = new OwnerResolver(team);
  const order: OwnerForm[] = [
    form,
    ...(['email', 'name', 'id'] as const).filter((f) => f !== form),
  ];
  return (id) => {
    const member = byId.get(id);
    if (!member) return id;
    for (const f of order) {
      const text = f === 'email' ? member.email : f === 'name' ? member.name : member.id;
      if (!text) continue;
      const match = resolver.resolve(text);
      if (match.kind !== 'ambiguous' && match.kind !== 'unmatched' && match.id === id) return text;
    }
    return id;
  };
}
