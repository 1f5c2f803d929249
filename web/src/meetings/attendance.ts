// The minutes' four attendance lists (and the guests), from the recorded rows.
import type { AttendanceCategory, AttendanceStatus } from '../gql/graphql';

export type AttendanceList = 'present' | 'observers' | 'absent' | 'secretariat' | 'guests';
export const LIST_ORDER: AttendanceList[] = ['present', 'observers', 'absent', 'secretariat', 'guests'];

export function listOf(row: { category: AttendanceCategory; status: AttendanceStatus }): AttendanceList {
  if (row.status === 'ABSENT') return 'absent';
  switch (row.category) {
    case 'MEMBER':
    case 'SUBSTITUTE':
      return 'present';
    case 'OBSERVER':
      return 'observers';
    case 'SECRETARIAT':
      return 'secretariat';
    case 'GUEST':
      return 'guests';
  }
}

/** Rows grouped into the lists, each list in the recorded order. */
export function groupAttendance<T extends { category: AttendanceCategory; status: AttendanceStatus }>(
  rows: readonly T[],
): Record<AttendanceList, T[]> {
  const groups: Record<AttendanceList, T[]> = { present: [], observers: [], absent: [], secretariat: [], guests: [] };
  for (const row of rows) groups[listOf(row)].push(row);
  return groups;
}
