import { Table } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { RouterLink } from '../../components/RouterLink';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { useLang, useMessages } from '../../i18n/LanguageProvider';
import { capitalize, formatDate } from '../../i18n/format';
import messages from '../messages';
import { meetingUrl } from '../urls';
import { MeetingStatusTag, MinutesStatusTag } from './StatusTags';

export const MeetingRowFragment = graphql(`
  fragment MeetingsTable_Meeting on Meeting {
    id
    code
    date
    location
    room
    status
    minutesStatus
  }
`);

/** The meetings table; its body comes in pages (one <tbody> per page, which HTML allows). */
export function MeetingsTable({ caption, children }: { caption: string; children: ReactNode }) {
  const t = useMessages(messages);
  return (
    <Table zebra className="meetings-table">
      <caption>{caption}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t.colMeeting}</Table.HeaderCell>
          <Table.HeaderCell>{t.colDate}</Table.HeaderCell>
          <Table.HeaderCell>{t.colPlace}</Table.HeaderCell>
          <Table.HeaderCell>{t.colStatus}</Table.HeaderCell>
          <Table.HeaderCell>{t.colMinutes}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      {children}
    </Table>
  );
}

export function MeetingRows({ meetings }: { meetings: FragmentType<typeof MeetingRowFragment>[] }) {
  const t = useMessages(messages);
  const { lang } = useLang();
  return (
    <Table.Body>
      {meetings.map((masked) => {
        const m = getFragmentData(MeetingRowFragment, masked);
        return (
          <Table.Row key={m.id}>
            <Table.Cell>
              <RouterLink to={meetingUrl(m.code)}>{t.meetingCode(m.code)}</RouterLink>
            </Table.Cell>
            <Table.Cell>{capitalize(formatDate(m.date, lang))}</Table.Cell>
            <Table.Cell>{[m.location, m.room].filter(Boolean).join(', ')}</Table.Cell>
            <Table.Cell>
              <MeetingStatusTag status={m.status} />
            </Table.Cell>
            <Table.Cell>
              <MinutesStatusTag status={m.minutesStatus} />
            </Table.Cell>
          </Table.Row>
        );
      })}
    </Table.Body>
  );
}
