import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { useMessages } from '../../i18n/LanguageProvider';
import { groupAttendance, LIST_ORDER, type AttendanceList } from '../attendance';
import messages from '../messages';

export const AttendanceRowFragment = graphql(`
  fragment AttendanceLists_Attendance on Attendance {
    id
    category
    status
    partialNote
    nameText
    organisationText
    fromSakId
    toSakId
    onlySakId
    person {
      id
      name
    }
  }
`);

const HEADING: Record<AttendanceList, 'listPresent' | 'listObservers' | 'listAbsent' | 'listSecretariat' | 'listGuests'> = {
  present: 'listPresent',
  observers: 'listObservers',
  absent: 'listAbsent',
  secretariat: 'listSecretariat',
  guests: 'listGuests',
};

/**
 * Til stede, Observatører, Forfall and Til stede fra sekretariatet (and guests, when any),
 * each person with the notes the minutes give: "(digitalt, fra sak 7/1/2025)".
 */
export function AttendanceLists({
  rows: masked,
  sakCodes,
}: {
  rows: FragmentType<typeof AttendanceRowFragment>[];
  /** Sak id → code, to write "fra sak 7/1/2025". */
  sakCodes: Map<string, string>;
}) {
  const t = useMessages(messages);
  const rows = masked.map((r) => getFragmentData(AttendanceRowFragment, r));
  if (rows.length === 0) return <Paragraph>{t.attendanceEmpty}</Paragraph>;
  const groups = groupAttendance(rows);
  const code = (id: string | null | undefined) => (id ? sakCodes.get(id) : undefined);

  return (
    <div className="attendance-lists">
      {LIST_ORDER.filter((list) => list !== 'guests' || groups.guests.length > 0).map((list) => (
        <div key={list} className="attendance-list" data-testid={`attendance-${list}`}>
          <Heading level={3} data-size="2xs" id={`attendance-${list}`}>
            {t[HEADING[list]]}
          </Heading>
          {groups[list].length === 0 ? (
            <Paragraph className="muted">{t.listEmpty}</Paragraph>
          ) : (
            <ul aria-labelledby={`attendance-${list}`}>
              {groups[list].map((r) => {
                const name = r.person?.name ?? r.nameText ?? t.unknownPerson;
                const from = code(r.fromSakId);
                const to = code(r.toSakId);
                const only = code(r.onlySakId);
                const notes = [
                  r.category === 'SUBSTITUTE' && t.substitute,
                  r.status === 'DIGITAL' && t.digital,
                  from && t.fromSak(from),
                  to && t.toSak(to),
                  only && t.onlySak(only),
                  r.partialNote,
                ].filter(Boolean);
                return (
                  <li key={r.id}>
                    {name}
                    {r.organisationText && `, ${r.organisationText}`}
                    {notes.length > 0 && ` (${notes.join(', ')})`}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      ))}
    </div>
  );
}
