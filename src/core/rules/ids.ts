/**
 * How rule messages name the accounts and people involved: by id, a few at a time, and an
 * account by its name next to its id where it has one (a CRM id alone says nothing to a reader).
 */

/** `"a", "b", "c" and 4 more`: ids quoted, at most `max` of them. */
export function idList(ids: readonly string[], max = 5): string {
  return listOf(
    ids.map((id) => `"${id}"`),
    max,
  );
}

/** `"Acme Corp" (0015g000000018AAAC)`, or `"acme"` for an account without a name of its own. */
export function accountLabel(account: { id: string; name?: string }): string {
  const name = account.name?.trim();
  return name && name !== account.id ? `"${name}" (${account.id})` : `"${account.id}"`;
}

/** Like `idList`, each account named by `accountLabel`. */
export function accountList(accounts: readonly { id: string; name?: string }[], max = 5): string {
  // Only the accounts shown are labelled: the list may hold every account of the file.
  const labels = accounts.slice(0, max).map(accountLabel);
  const rest = accounts.length - labels.length;
  return rest > 0 ? `${labels.join(', ')} and ${rest} more` : listOf(labels);
}

/** "a", "a and b", "a, b and c"; past `max` labels, "a, b and 3 more". */
export function listOf(labels: readonly string[], max = Number.POSITIVE_INFINITY): string {
  const shown = labels.slice(0, max);
  const rest = labels.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
