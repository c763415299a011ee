/** Calendar arithmetic on YYYY-MM-DD strings, in UTC so the time zone never moves a day. */

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / 86_400_000);
}

/** The date `days` after `date` (negative for before). */
export function addDays(date: string, days: number): string {
  return new Date(toUtc(date) + days * 86_400_000).toISOString().slice(0, 10);
}

function toUtc(date: string): number {
  // YYYY-MM-DD read in place: the timeline dates every person of the org every month.
  if (date.length === 10 && date[4] === '-' && date[7] === '-') {
    const year = Number(date.slice(0, 4));
    return Date.UTC(year, Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  }
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1);
}
