// Dates and times as the council's papers write them: "Onsdag 21. mai 2025, kl. 10–15".
// The API sends dates as "2025-05-21", times as "10:00:00" and instants as ISO 8601 UTC.
import type { Lang } from './messages';

const LOCALE: Record<Lang, string> = { nb: 'nb-NO', en: 'en-GB' };
const ZONE = 'Europe/Oslo';

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = lang + JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE[lang], options);
    formatters.set(key, f);
  }
  return f;
}

/** "2025-05-21" as midnight UTC, so that no time zone moves it to another day. */
export function parseDate(date: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) throw new RangeError(`Not a date: ${date}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** "onsdag 21. mai 2025" / "Wednesday 21 May 2025". */
export function formatDate(date: string, lang: Lang): string {
  return formatter(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(parseDate(date))
    .replace(',', '');
}

/** "21. mai 2025" / "21 May 2025". */
export function formatShortDate(date: string, lang: Lang): string {
  return formatter(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(parseDate(date));
}

/** "21.05.2025" / "21/05/2025": for tables. */
export function formatNumericDate(date: string, lang: Lang): string {
  return formatter(lang, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(parseDate(date));
}

interface Clock {
  hours: number;
  minutes: number;
}

function parseTime(time: string): Clock {
  const m = /^(\d{1,2}):(\d{2})/.exec(time);
  if (!m) throw new RangeError(`Not a time: ${time}`);
  return { hours: Number(m[1]), minutes: Number(m[2]) };
}

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (c: Clock) => `${pad(c.hours)}:${pad(c.minutes)}`;

/** An agenda slot: "10:30–11:30" (or "10:30" when only the start is known). */
export function formatSlot(start: string | null | undefined, end: string | null | undefined): string {
  const parts = [start, end].filter((t): t is string => Boolean(t)).map((t) => hhmm(parseTime(t)));
  return parts.join('–');
}

/** A meeting's hours: "kl. 10–15" (whole hours) or "kl. 10:30–15:00"; English "10:00–15:00". */
export function formatHours(start: string | null | undefined, end: string | null | undefined, lang: Lang): string {
  const clocks = [start, end].filter((t): t is string => Boolean(t)).map(parseTime);
  if (clocks.length === 0) return '';
  if (lang === 'en') return clocks.map(hhmm).join('–');
  const whole = clocks.every((c) => c.minutes === 0);
  return `kl. ${clocks.map((c) => (whole ? String(c.hours) : hhmm(c))).join('–')}`;
}

/** "Onsdag 21. mai 2025, kl. 10–15" / "Wednesday 21 May 2025, 10:00–15:00". */
export function formatMeetingWhen(
  date: string,
  startsAt: string | null | undefined,
  endsAt: string | null | undefined,
  lang: Lang,
): string {
  const day = capitalize(formatDate(date, lang));
  const hours = formatHours(startsAt, endsAt, lang);
  return hours ? `${day}, ${hours}` : day;
}

/** An instant in Norwegian time: "21. mai 2025 kl. 14:05" / "21 May 2025, 14:05". */
export function formatDateTime(instant: string, lang: Lang): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not an instant: ${instant}`);
  const day = formatter(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: ZONE }).format(d);
  const time = formatter(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: ZONE }).format(d);
  return lang === 'nb' ? `${day} kl. ${time.replace('.', ':')}` : `${day}, ${time}`;
}

/** Today's date in Norway as "2025-05-21". */
export function todayInNorway(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: ZONE }).format(now);
  return parts;
}
