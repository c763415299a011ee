/** How rule messages name the accounts and people involved: by id only, a few at a time. */

/** `"a", "b", "c" and 4 more`: ids quoted, at most `max` of them. */
export function idList(ids: readonly string[], max = 5): string {
  const shown = ids.slice(0, max).map((id) => `"${id}"`);
  const rest = ids.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
