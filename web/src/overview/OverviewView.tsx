import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from 'urql';
import { useSessionState } from '../auth/SessionProvider';
import { RouterLink } from '../components/RouterLink';
import { EmptyState, ErrorState, Loading } from '../components/states';
import { usePageTitle } from '../components/usePageTitle';
import { graphql } from '../gql';
import { formatMeetingWhen, todayInNorway } from '../i18n/format';
import { useLang, useMessages } from '../i18n/LanguageProvider';
import { MeetingStatusTag, MinutesStatusTag } from '../meetings/components/StatusTags';
import { meetingsUrl, meetingUrl } from '../meetings/urls';
import messages from './messages';

// Newest first: the next meeting is the earliest one not yet past. A year holds 4–6
// meetings, so 20 reach well back.
const OverviewQuery = graphql(`
  query Overview {
    meetings(first: 20) {
      edges {
        node {
          id
          code
          date
          startsAt
          endsAt
          location
          room
          status
          minutesStatus
        }
      }
    }
  }
`);

export default function OverviewView() {
  const t = useMessages(messages);
  const { lang } = useLang();
  usePageTitle(t.title);
  const state = useSessionState();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: OverviewQuery });
  const today = todayInNorway();
  const meetings = data?.meetings.edges.map((e) => e.node).filter((m) => m.status !== 'CANCELLED') ?? [];
  const upcoming = meetings.filter((m) => m.date >= today);
  const next = upcoming[upcoming.length - 1];
  const recent = meetings.filter((m) => m.date < today).slice(0, 3);

  return (
    <>
      <Heading level={1} data-size="lg">
        {state.status === 'authenticated' ? t.welcome(state.user.name) : t.title}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      {!data && fetching ? (
        <Loading />
      ) : error && !data ? (
        <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : (
        <div className="overview-grid">
          <section aria-labelledby="next-h">
            <Heading level={2} data-size="sm" id="next-h">
              {t.nextMeeting}
            </Heading>
            {next ? (
              <Card data-testid="next-meeting">
                <Heading level={3} data-size="xs">
                  <RouterLink to={meetingUrl(next.code)}>{t.meetingCode(next.code)}</RouterLink>
                </Heading>
                <Paragraph>{formatMeetingWhen(next.date, next.startsAt, next.endsAt, lang)}</Paragraph>
                {(next.location || next.room) && (
                  <Paragraph>{[next.location, next.room].filter(Boolean).join(', ')}</Paragraph>
                )}
                <div>
                  <MeetingStatusTag status={next.status} />
                </div>
              </Card>
            ) : (
              <EmptyState>{t.noNextMeeting}</EmptyState>
            )}
          </section>
          <section aria-labelledby="recent-h">
            <Heading level={2} data-size="sm" id="recent-h">
              {t.recentMeetings}
            </Heading>
            {recent.length === 0 ? (
              <EmptyState>{t.noRecentMeetings}</EmptyState>
            ) : (
              <ul className="plain-list">
                {recent.map((m) => (
                  <li key={m.id}>
                    <RouterLink to={meetingUrl(m.code)}>{t.meetingCode(m.code)}</RouterLink>
                    {' – '}
                    {formatMeetingWhen(m.date, null, null, lang)} <MinutesStatusTag status={m.minutesStatus} />
                  </li>
                ))}
              </ul>
            )}
            <Paragraph>
              <RouterLink to={meetingsUrl()}>{t.allMeetings}</RouterLink>
            </Paragraph>
          </section>
        </div>
      )}
    </>
  );
}
