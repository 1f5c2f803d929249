// Time slots on the agenda: what they add up to, and which overlap or fall outside the
// meeting's hours. The API warns about the same on save; this shows it while typing.

export interface Slotted {
  id: string;
  code: string;
  timeStart: string | null | undefined;
  timeEnd: string | null | undefined;
}

export interface SlotProblem {
  /** Codes of the saker whose slots overlap this one. */
  overlaps: string[];
  /** Starts before the meeting or ends after it. */
  outside: boolean;
  /** Ends before (or when) it starts. */
  backwards: boolean;
}

/** "10:30" or "10:30:00" as minutes after midnight; null when empty or not a time. */
export function toMinutes(time: string | null | undefined): number | null {
  const m = /^(\d{1,2}):(\d{2})/.exec(time ?? '');
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : null;
}

/** 95 → "1 t 35 min" / "1 h 35 min". */
export function formatDuration(minutes: number, hourUnit: string): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} ${hourUnit}` : `${h} ${hourUnit} ${m} min`;
}

/** Minutes covered by complete slots (start and end), and the meeting's length. */
export function slotTotals(saker: readonly Slotted[], startsAt?: string | null, endsAt?: string | null) {
  let planned = 0;
  for (const s of saker) {
    const a = toMinutes(s.timeStart);
    const b = toMinutes(s.timeEnd);
    if (a !== null && b !== null && b > a) planned += b - a;
  }
  const ms = toMinutes(startsAt);
  const me = toMinutes(endsAt);
  return { planned, meeting: ms !== null && me !== null && me > ms ? me - ms : null };
}

/** Problems per sak id; saker without problems are left out. */
export function slotProblems(
  saker: readonly Slotted[],
  startsAt?: string | null,
  endsAt?: string | null,
): Map<string, SlotProblem> {
  const ms = toMinutes(startsAt);
  const me = toMinutes(endsAt);
  const spans = saker.map((s) => ({ s, a: toMinutes(s.timeStart), b: toMinutes(s.timeEnd) }));
  const problems = new Map<string, SlotProblem>();
  for (const x of spans) {
    const p: SlotProblem = { overlaps: [], outside: false, backwards: false };
    if (x.a !== null && x.b !== null && x.b <= x.a) p.backwards = true;
    if ((x.a !== null && ms !== null && x.a < ms) || (x.b !== null && me !== null && x.b > me)) p.outside = true;
    if (x.a !== null && x.b !== null && x.b > x.a) {
      for (const y of spans) {
        if (y === x || y.a === null || y.b === null || y.b <= y.a) continue;
        if (x.a < y.b && y.a < x.b) p.overlaps.push(y.s.code);
      }
    }
    if (p.overlaps.length > 0 || p.outside || p.backwards) problems.set(x.s.id, p);
  }
  return problems;
}
