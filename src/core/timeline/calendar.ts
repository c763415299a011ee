/** Month steps on YYYY-MM-DD dates, in UTC, and the month names the reports use. */
import { addDays, daysBetween } from '../dates.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The same day `months` later; the 31st becomes the last day of a shorter month. */
export function addMonths(date: string, months: number): string {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/** "Jul 2027". */
export function monthName(date: string): string {
  const [year, month = 1] = date.split('-').map(Number);
  return `${MONTHS[month - 1]} ${year}`;
}

/** "2027-07". */
export function monthKey(date: string): string {
  return date.slice(0, 7);
}

export function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}

export { addDays, daysBetween };
