/**
 * The accounts listed in an org file, validated and normalised one at a time. A large file's
 * list then exists in one form only: each parsed item is checked against `accountSchema` and
 * turned into the planner's `Account` as it comes (a slice at a time for big files, see
 * yaml-slices.ts), never as a list of raw items beside a validated copy beside the normalised one.
 * Validating item by item gives the same problems, at the same paths, as validating the whole
 * `accounts:` list.
 */
import * as z from 'zod';
import type { Account, Diagnostic, Path } from '../core/model.js';
import { schemaDiagnostics } from './issues.js';
import { toAccount } from './normalise.js';
import { isPlainAccount } from './plain-account.js';
import { type AccountInput, accountSchema } from './schema.js';

/** An optional field kept only when valid: reference checks read what they can. */
export const optionalRef = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** The fields reference checks read of an invalid account (id, name, owner). */
export const accountReferences = z.object({
  id: accountSchema.shape.id,
  name: optionalRef(z.string()),
  owner: optionalRef(accountSchema.shape.owner),
});

/** Fields whose values repeat from account to account: kept as one string per distinct value. */
const REPEATED = [
  'owner',
  'health',
  'complexity',
  'industry',
  'region',
  'timezone',
  'language',
  'segment',
  'renewal_date',
  'last_negative_event',
  'parent',
] as const;

export class AccountList {
  /**
   * Valid accounts, and of an invalid one its ids and owner (arr 0), so that a file with
   * problems still gets duplicate-id and unknown-owner checks. Plannable only without `problems`.
   */
  readonly accounts: Account[] = [];
  readonly problems: Diagnostic[] = [];
  private readonly strings = new Map<string, string>();

  /** One item of `accounts:`, at its index in the file's list. */
  add(item: unknown, index: number): void {
    if (isPlainAccount(item)) {
      this.accounts.push(toAccount(this.compact(item), 'accounts', index));
      return;
    }
    const path: Path = ['accounts', index];
    const parsed = accountSchema.safeParse(item, { reportInput: true });
    if (parsed.success) {
      this.accounts.push(toAccount(this.compact(parsed.data), 'accounts', index));
      return;
    }
    for (const problem of schemaDiagnostics(parsed.error.issues, item, path))
      this.problems.push(problem);
    const refs = accountReferences.safeParse(item);
    if (refs.success) this.accounts.push(toAccount({ ...refs.data, arr: 0 }, 'accounts', index));
  }

  /**
   * The input with its repeated values shared and its own texts copied: a parsed text longer than
   * 12 characters is a view into the YAML it came from, which would keep that text in memory.
   */
  private compact(input: AccountInput): AccountInput {
    const fields = input as Record<string, unknown>;
    for (const field of REPEATED) {
      const value = fields[field];
      if (typeof value !== 'string') continue;
      let known = this.strings.get(value);
      if (known === undefined) {
        known = detached(value);
        this.strings.set(value, known);
      }
      fields[field] = known;
    }
    input.id = detached(input.id);
    if (input.name !== undefined) input.name = detached(input.name);
    return input;
  }
}

/**
 * A copy of a text that shares no memory with a larger one. V8 keeps a substring of 13 or more
 * characters as a view of its parent; joining forces a flat copy, of which the slice is a view.
 */
function detached(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}
