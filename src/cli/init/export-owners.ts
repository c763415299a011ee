/**
 * A CRM export names its account owners; a founder answering the wizard rarely lists those
 * people too. Owners the loader could not match to the team become CSMs on it, so the first
 * `csplan check` is about the org, not about missing people.
 */
import type { Org } from '../../core/model.js';
import type { PersonAnswer } from './answers.js';
import { uniqueId } from './parse.js';

const LEAD_ROLES = ['cco', 'vp-cs', 'director-cs', 'manager-cs', 'founder', 'ceo'] as const;

/** Owner values in the accounts that name nobody on the team, in order of first appearance. */
export function unmatchedOwners(org: Org): string[] {
  const team = new Set(org.team.map((member) => member.id));
  const seen = new Set<string>();
  for (const account of org.accounts) {
    if (account.owner !== undefined && !team.has(account.owner)) seen.add(account.owner);
  }
  return [...seen];
}

/** "Fox Mulder", "fox.mulder@example.com" and "fox_mulder" are one person. */
function personKey(owner: string): string {
  const local = owner.includes('@') ? (owner.split('@')[0] ?? owner) : owner;
  return local.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function titleCase(text: string): string {
  return text
    .split(/[\s._-]+/)
    .filter((part) => part !== '')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');
}

function nameFromEmail(email: string): string {
  return titleCase(email.split('@')[0] ?? email);
}

/** One CSM per person among the owners, reporting to whoever leads customers on the team. */
export function ownersAsCsms(
  owners: readonly string[],
  team: readonly PersonAnswer[],
): PersonAnswer[] {
  const groups = new Map<string, { names: string[]; email?: string }>();
  for (const owner of owners) {
    const key = personKey(owner);
    const group = groups.get(key) ?? { names: [] };
    if (owner.includes('@')) group.email ??= owner;
    else group.names.push(owner);
    groups.set(key, group);
  }
  const lead = LEAD_ROLES.map((role) => team.find((person) => person.role === role)).find(
    (person) => person !== undefined,
  );
  const taken = new Set(team.map((person) => person.id));
  const added: PersonAnswer[] = [];
  for (const group of groups.values()) {
    // The longest spelling is the fullest name ("Monica Reyes" over "monica").
    const longest = [...group.names].sort((a, b) => b.length - a.length)[0];
    // An all-lower-case owner ("monica") is a login, not how the person writes their name.
    const name =
      longest === undefined
        ? nameFromEmail(group.email ?? '')
        : longest === longest.toLowerCase()
          ? titleCase(longest)
          : longest;
    const id = uniqueId(name, taken);
    taken.add(id);
    added.push({
      id,
      name,
      role: 'csm',
      ...(lead ? { reportsTo: lead.id } : {}),
      ...(group.email ? { email: group.email } : {}),
    });
  }
  return added;
}
