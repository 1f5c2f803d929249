import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { DataTable } from '../../components/DataTable';
import { RouterLink } from '../../components/RouterLink';
import { EmptyState } from '../../components/states';
import { Totals } from '../../components/Totals';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { formatNumericDate } from '../../i18n/format';
import { useLang, useMessages } from '../../i18n/LanguageProvider';
import { meetingUrl } from '../../meetings/urls';
import messages from '../messages';

export const AttendanceHistoryFragment = graphql(`
  fragment AttendanceHistory_History on AttendanceHistory {
    totals {
      meetings
      present
      digital
      absent
      partial
    }
    meetings {
      meeting {
        id
        code
        date
      }
      record {
        id
        category
        status
        partialNote
        note
      }
      partial
    }
  }
`);

/** A person's attendance meeting by meeting, with totals. */
export function AttendanceHistory({ history: masked }: { history: FragmentType<typeof AttendanceHistoryFragment> }) {
  const t = useMessages(messages);
  const { lang } = useLang();
  const h = getFragmentData(AttendanceHistoryFragment, masked);
  return (
    <section aria-labelledby="attendance-h" className="stack">
      <Heading level={2} data-size="sm" id="attendance-h">
        {t.attendanceHeading}
      </Heading>
      {h.meetings.length === 0 ? (
        <EmptyState>{t.attendanceEmpty}</EmptyState>
      ) : (
        <>
          <Paragraph data-size="sm">{t.attendanceIntro}</Paragraph>
          <Totals
            testId="attendance-totals"
            items={[
              [t.totalMeetings, h.totals.meetings],
              [t.totalPresent, h.totals.present],
              [t.totalDigital, h.totals.digital],
              [t.totalAbsent, h.totals.absent],
              [t.totalPartial, h.totals.partial],
            ]}
          />
          <DataTable size="sm" caption={t.attendanceHeading} columns={[t.colMeeting, t.colDate, t.colList, t.colAttendance]}>
            {h.meetings.map((m) => (
              <Table.Row key={m.record.id}>
                <Table.Cell>
                  <RouterLink to={meetingUrl(m.meeting.code)}>{t.meetingCode(m.meeting.code)}</RouterLink>
                </Table.Cell>
                <Table.Cell>{formatNumericDate(m.meeting.date, lang)}</Table.Cell>
                <Table.Cell>{t[`list${m.record.category}`]}</Table.Cell>
                <Table.Cell>
                  {t[`status${m.record.status}`]}
                  {m.partial && `, ${m.record.partialNote ?? t.partial}`}
                </Table.Cell>
              </Table.Row>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}
