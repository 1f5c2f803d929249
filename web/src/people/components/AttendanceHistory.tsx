import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { RouterLink } from '../../components/RouterLink';
import { EmptyState } from '../../components/states';
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
          <dl className="totals" data-testid="attendance-totals">
            {(
              [
                [t.totalMeetings, h.totals.meetings],
                [t.totalPresent, h.totals.present],
                [t.totalDigital, h.totals.digital],
                [t.totalAbsent, h.totals.absent],
                [t.totalPartial, h.totals.partial],
              ] as const
            ).map(([label, n]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{n}</dd>
              </div>
            ))}
          </dl>
          <div className="table-scroll">
            <Table zebra data-size="sm">
              <caption className="ds-sr-only">{t.attendanceHeading}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t.colMeeting}</Table.HeaderCell>
                  <Table.HeaderCell>{t.colDate}</Table.HeaderCell>
                  <Table.HeaderCell>{t.colList}</Table.HeaderCell>
                  <Table.HeaderCell>{t.colAttendance}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
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
              </Table.Body>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}
