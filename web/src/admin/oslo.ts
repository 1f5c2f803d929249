// Days chosen in the audit log's filter are days in Norway; the API takes instants (UTC).

/** The instant a day starts in Oslo: "2025-06-10" → "2025-06-09T22:00:00.000Z" (summer time). */
export function osloMidnight(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const fmt = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Oslo',
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    hourCycle: 'h23',
  });
  // Oslo is one or two hours ahead of UTC; take the offset that lands on midnight.
  for (const offset of [1, 2, 0]) {
    const instant = new Date(Date.UTC(y, m - 1, d) - offset * 3_600_000);
    const parts = Object.fromEntries(fmt.formatToParts(instant).map((p) => [p.type, p.value]));
    if (parts.hour === '00' && parts.minute === '00' && Number(parts.day) === d) return instant.toISOString();
  }
  return new Date(Date.UTC(y, m - 1, d)).toISOString();
}

/** The next day: "2025-12-31" → "2026-01-01". */
export function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
