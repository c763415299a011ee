/**
 * Suggests the closest known word for a misspelt key or id. Bounded for files anyone can send:
 * words longer than MAX_SUGGEST_LENGTH get no suggestion (a typo is in a word a person types),
 * candidates whose length alone rules them out are skipped, and the distance is computed only in
 * the band of edits that could still make a suggestion, so each candidate costs at most
 * MAX_SUGGEST_LENGTH x (2 x allowed + 1) steps however long the strings are.
 */

/** Ids, keys and names longer than this get no did-you-mean. */
export const MAX_SUGGEST_LENGTH = 40;

export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  if (input.length > MAX_SUGGEST_LENGTH) return undefined;
  const needle = input.toLowerCase();
  // Allow roughly one edit per three characters, so "ownr" finds "owner" but "x" finds nothing.
  const allowed = Math.max(1, Math.floor(needle.length / 3));
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const candidate of candidates) {
    // Only a strictly closer candidate replaces the best: the first of equals wins.
    const limit = bestDistance - 1;
    if (Math.abs(candidate.length - needle.length) > limit) continue;
    const distance = editDistance(needle, candidate.toLowerCase(), limit);
    if (distance <= limit) {
      best = candidate;
      bestDistance = distance;
      if (distance === 0) break;
    }
  }
  return best;
}

export function suggestion(input: string, candidates: Iterable<string>): string {
  const match = didYouMean(input, candidates);
  return match === undefined ? '' : ` (did you mean "${match}"?)`;
}

/** How many different words one `suggester` looks up; later ones get no suggestion. */
export const MAX_SUGGESTED_WORDS = 200;

/**
 * Did-you-mean lookups for many inputs (an unknown owner on each of 10k accounts, an unknown role
 * on each of 20k people): each different `key` is looked up once, and only the first
 * MAX_SUGGESTED_WORDS, so a file of thousands of different unknown words costs a bounded amount
 * of work. Later keys get the empty string.
 */
export function boundedLookups(): (key: string, lookUp: () => string) => string {
  const seen = new Map<string, string>();
  return (key, lookUp) => {
    const known = seen.get(key);
    if (known !== undefined) return known;
    if (seen.size >= MAX_SUGGESTED_WORDS) return '';
    const found = lookUp();
    seen.set(key, found);
    return found;
  };
}

/** `suggestion` against one list of candidates for many inputs, bounded as `boundedLookups`. */
export function suggester(candidates: readonly string[]): (input: string) => string {
  const lookup = boundedLookups();
  return (input) => lookup(input, () => suggestion(input, candidates));
}

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbouring letters each cost 1, so the common typo "onwer" is one edit from "owner".
 * With `max`, only cells within `max` of the diagonal are computed and any distance above `max`
 * is returned as `max + 1` (as soon as a whole row is above it).
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  const over = max + 1;
  if (Math.abs(a.length - b.length) > max) return over;
  const band = Math.min(max, Math.max(a.length, b.length));
  const far = Number.POSITIVE_INFINITY;
  // Three rows: two rows back is needed to see a swap. Cells outside the band stay far.
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => (j <= band ? j : far));
  for (let i = 1; i <= a.length; i++) {
    const current: number[] = new Array(b.length + 1).fill(far);
    if (i <= band) current[0] = i;
    let rowMin = current[0] ?? far;
    const from = Math.max(1, i - band);
    const to = Math.min(b.length, i + band);
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(
        (previous[j] ?? far) + 1,
        (current[j - 1] ?? far) + 1,
        (previous[j - 1] ?? far) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        distance = Math.min(distance, (before[j - 2] ?? far) + 1);
      current[j] = distance;
      if (distance < rowMin) rowMin = distance;
    }
    if (rowMin > max) return over;
    before = previous;
    previous = current;
  }
  const distance = previous[b.length] ?? far;
  return distance > max ? over : distance;
}
