/**
 * Fixed choices (health, role, segment...) are read the same way in every source: in any case,
 * with spaces or underscores for hyphens, so `Green`, `CEO` and `Mid Market` are green, ceo and
 * mid-market in the org file as in a CSV cell. Anything else is left as written, to be reported.
 */
export function canonicalChoice<T extends string>(
  input: unknown,
  allowed: readonly T[],
): T | undefined {
  if (typeof input !== 'string') return undefined;
  if ((allowed as readonly string[]).includes(input)) return input as T;
  const word = input
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return (allowed as readonly string[]).includes(word) ? (word as T) : undefined;
}
