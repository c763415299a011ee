/**
 * Account owners to team ids, one rule for every source: an owner given as a team id, an email or
 * a person's full name (as a CRM export names it, and as the org file and a JSON file may) is
 * matched to `team[]` by `id`, `email` or `name`. Matching ignores case, accents and repeated
 * spaces; an id wins over an email, an email over a name. An owner that matches nobody is
 * kept as written, so the `unknown-owner` rule reports it with a did-you-mean.
 */
import type { Diagnostic, Path } from '../core/model.js';

/** What matching reads of a team member. */
export interface OwnerCandidate {
  id: string;
  name?: string;
  email?: string;
  /** Other names of the person (`aliases:`), matched like the name. */
  aliases?: readonly string[];
}

export type OwnerMatch =
  | { kind: 'id' | 'email' | 'name'; id: string }
  | { kind: 'ambiguous'; ids: string[] }
  | { kind: 'unmatched' };

export interface OwnerStats {
  byId: number;
  byEmail: number;
  byName: number;
  unmatched: number;
  ambiguous: number;
}

export function emptyOwnerStats(): OwnerStats {
  return { byId: 0, byEmail: 0, byName: 0, unmatched: 0, ambiguous: 0 };
}

export function countOwner(stats: OwnerStats, match: OwnerMatch): void {
  if (match.kind === 'id') stats.byId++;
  else if (match.kind === 'email') stats.byEmail++;
  else if (match.kind === 'name') stats.byName++;
  else if (match.kind === 'ambiguous') stats.ambiguous++;
  else stats.unmatched++;
}

/**
 * How names, emails and ids are compared across systems: case-, accent- and spacing-blind, so
 * "Sofía García" in HR is "Sofia Garcia" in the CRM.
 */
export function nameKey(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').trim().replace(/\s+/g, ' ').toLowerCase();
}
const key = nameKey;
/** Characters around an email in "Dana Scully <dana@acme.io>" or "Dana (dana@acme.io); x". */
const AROUND_EMAIL = new Set(['<', '>', '(', ')', '"', "'", ',', ';']);

/**
 * The first email-like word in an owner cell: text@text.text between white space or one of
 * AROUND_EMAIL. Plain parsing: the regular expression it replaces took cubic time on a cell of @.
 */
export function embeddedEmail(owner: string): string | undefined {
  let start = 0;
  for (let i = 0; i <= owner.length; i++) {
    const c = owner[i];
    if (c === undefined || AROUND_EMAIL.has(c) || /\s/.test(c)) {
      if (i > start && looksLikeEmail(owner, start, i)) return owner.slice(start, i);
      start = i + 1;
    }
  }
  return undefined;
}

function looksLikeEmail(text: string, from: number, to: number): boolean {
  const at = text.indexOf('@', from + 1);
  if (at === -1 || at >= to) return false;
  const dot = text.lastIndexOf('.', to - 2);
  return dot > at + 1;
}

export class OwnerResolver {
  private readonly exact = new Set<string>();
  private readonly byId = new Map<string, string>();
  private readonly byEmail = new Map<string, string>();
  private readonly byName = new Map<string, string[]>();
  private readonly cache = new Map<string, OwnerMatch>();

  constructor(team: readonly OwnerCandidate[]) {
    for (const member of team) {
      this.exact.add(member.id);
      if (!this.byId.has(key(member.id))) this.byId.set(key(member.id), member.id);
      if (member.email && !this.byEmail.has(key(member.email))) {
        this.byEmail.set(key(member.email), member.id);
      }
      for (const name of [member.name, ...(member.aliases ?? [])]) {
        if (!name) continue;
        const ids = this.byName.get(key(name)) ?? [];
        if (!ids.includes(member.id)) ids.push(member.id);
        this.byName.set(key(name), ids);
      }
    }
  }

  resolve(owner: string): OwnerMatch {
    const cached = this.cache.get(owner);
    if (cached) return cached;
    const match = this.match(owner);
    this.cache.set(owner, match);
    return match;
  }

  private match(owner: string): OwnerMatch {
    if (this.exact.has(owner)) return { kind: 'id', id: owner };
    const k = key(owner);
    const id = this.byId.get(k);
    if (id !== undefined) return { kind: 'id', id };
    const email = this.byEmail.get(k);
    if (email !== undefined) return { kind: 'email', id: email };
    const names = this.byName.get(k);
    if (names?.length === 1 && names[0] !== undefined) return { kind: 'name', id: names[0] };
    if (names && names.length > 1) return { kind: 'ambiguous', ids: names };
    // "Dana Scully <dana@acme.io>" or "Dana Scully (dana@acme.io)"
    const embedded = embeddedEmail(owner);
    if (embedded !== undefined && embedded !== owner) {
      const byEmbedded = this.byEmail.get(key(embedded));
      if (byEmbedded !== undefined) return { kind: 'email', id: byEmbedded };
    }
    return { kind: 'unmatched' };
  }
}

/** Why an owner matched several people, for every source's ambiguous-owner diagnostic. */
export function ambiguousOwnerMessage(ids: readonly string[], what = 'owner'): string {
  return `${what} matches the names of ${ids.length} team members (${ids.join(', ')}); give the ${what === 'reports_to' ? "manager's" : "owner's"} email or team id instead, or make the names distinct`;
}

/**
 * `reports_to` written as a name, email or alias ("Kate Lin"), resolved in place to the team id.
 * An exact id is left alone; one that matches no one is left for the unknown-manager rule.
 */
export function resolveManagers(
  team: { reports_to?: string }[],
  resolver: OwnerResolver,
  pathOf: (index: number) => Path,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  team.forEach((member, index) => {
    if (member.reports_to === undefined) return;
    const match = resolveReference(
      resolver,
      member.reports_to,
      [...pathOf(index), 'reports_to'],
      out,
    );
    if ('id' in match) member.reports_to = match.id;
  });
  return out;
}

/**
 * One reference (an owner, a manager) matched by id, email, name or alias; a name two people
 * share is an `ambiguous-owner` error pushed to `out`.
 */
function resolveReference(
  resolver: OwnerResolver,
  value: string,
  path: Path,
  out: Diagnostic[],
): ReturnType<OwnerResolver['resolve']> {
  const match = resolver.resolve(value);
  if (match.kind === 'ambiguous') {
    const field = path[path.length - 1] === 'reports_to' ? 'reports_to' : 'owner';
    out.push({
      rule: 'ambiguous-owner',
      severity: 'error',
      path,
      message: ambiguousOwnerMessage(match.ids, field),
    });
  }
  return match;
}

/**
 * Owners of the org file's own accounts and account groups, resolved in place to team ids.
 * Returns an `ambiguous-owner` error for each owner whose name two team members share.
 */
export function resolveOwners(
  records: { owner?: string; readonly path: Path }[],
  resolver: OwnerResolver,
): Diagnostic[] {
  // An owner two people could be is left unset: the ambiguity is the one problem to report.
  const out: Diagnostic[] = [];
  for (const record of records) {
    if (record.owner === undefined) continue;
    const match = resolveReference(resolver, record.owner, [...record.path, 'owner'], out);
    if (match.kind === 'ambiguous') record.owner = undefined;
    else if ('id' in match) record.owner = match.id;
  }
  return out;
}
