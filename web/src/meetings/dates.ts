import { todayInNorway } from '../i18n/format';

/** The council's first period began in 2015; earlier years hold no meetings. */
export const FIRST_YEAR = 2015;

/** The year it is now in Norway. */
export const thisYear = (): number => Number(todayInNorway().slice(0, 4));

/** The years from `last` down to `first`, newest first (for a year picker). */
export function yearsDown(last: number, first: number): number[] {
  const years: number[] = [];
  for (let y = last; y >= first; y--) years.push(y);
  return years;
}

/** "2025-06-02" plus some days, as a date string. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** "10:00:00" → "10:00", for <input type="time">. */
export const hhmm = (time: string | null | undefined) => (time ? time.slice(0, 5) : '');

/** "10:00" → "10:00:00" for the API, or null when empty. */
export const toApiTime = (value: string) => (value ? `${value.slice(0, 5)}:00` : null);
