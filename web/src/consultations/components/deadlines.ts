// How close a deadline is, counted in days in Norway.
import { parseDate } from '../../i18n/format';

const DAY = 24 * 60 * 60 * 1000;

/** Whole days from `today` to `date` ("2025-06-10"); negative when past. */
export function daysUntil(date: string, today: string): number {
  return Math.round((parseDate(date).getTime() - parseDate(today).getTime()) / DAY);
}

export type Urgency = 'past' | 'soon' | 'later';

/** Two weeks or less to an open deadline is "soon": the council meets about every two months. */
export function urgency(deadline: string | null | undefined, today: string, open: boolean): Urgency | null {
  if (!deadline) return null;
  const days = daysUntil(deadline, today);
  if (days < 0) return 'past';
  return open && days <= 14 ? 'soon' : 'later';
}
